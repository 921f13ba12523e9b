"""Reading the gazetteer: the :class:`Gazetteer` protocol, the SQLite index, an in-memory fake.

Stages see only the protocol, so unit tests run against :class:`MemoryGazetteer`
(a few hand-made places) and never touch the 200k-place index.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol, runtime_checkable

from ..errors import DatelineError
from ..model import Place
from .normalize import name_keys

__all__ = ["Gazetteer", "SqliteGazetteer", "MemoryGazetteer", "COUNTRY_CODES", "rank"]

# Feature codes of countries and dependencies (GeoNames class A).
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})


@runtime_checkable
class Gazetteer(Protocol):
    """What the stages need from a gazetteer."""

    def lookup(self, name: str) -> list[Place]:
        """Every place known by this name (after normalisation), most populous first."""
        ...

    def country(self, code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code."""
        ...

    def get(self, geonames_id: int) -> Place | None: ...

    def countries_named(self, name: str) -> list[Place]:
        """Countries this name (a country name, demonym or abbreviation) denotes."""
        ...

    def admin1(self, country_code: str, name: str) -> Place | None:
        """The first-level division of a country with this name, if known."""
        ...


def rank(places: Iterable[Place]) -> list[Place]:
    """Lookup order: most populous first, then countries and provinces before spots."""
    prio = {"A": 0, "P": 1}
    return sorted(places, key=lambda p: (-p.population, prio.get(p.feature_class or "", 2), p.name))


class _LookupMixin:
    """Derived queries shared by both gazetteers (each defines ``lookup`` and ``country``)."""

    def lookup(self, name: str) -> list[Place]:  # pragma: no cover - overridden
        raise NotImplementedError

    def countries_named(self, name: str) -> list[Place]:
        return [p for p in self.lookup(name) if p.feature_code in COUNTRY_CODES]

    def admin1(self, country_code: str, name: str) -> Place | None:
        for p in self.lookup(name):
            if p.feature_code == "ADM1" and p.country_code == country_code:
                return p
        return None


class SqliteGazetteer(_LookupMixin):
    """The on-disk index built by :func:`~dateline.gazetteer.build_index`, opened read-only."""

    def __init__(self, path: Path | str, cache_size: int = 50_000) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise DatelineError(f"gazetteer index {self.path} does not exist; build it with build_index()")
        self._cache_size = cache_size
        self._open()

    def _open(self) -> None:
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._con.execute("PRAGMA query_only = 1")
        self.lookup = lru_cache(maxsize=self._cache_size)(self._lookup)  # type: ignore[method-assign]

    # Pickled (Dask workers, multiprocessing) as its path; each process opens its own connection.
    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "cache_size": self._cache_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path, self._cache_size = state["path"], state["cache_size"]
        self._open()

    def close(self) -> None:
        self._con.close()

    @property
    def meta(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT key, value FROM meta").fetchall())

    _COLUMNS = "p.name, p.lat, p.lon, p.country_code, p.admin1, p.admin2, p.geonames_id, " \
               "p.feature_class, p.feature_code, p.population, p.source"

    @staticmethod
    def _place(row: tuple[Any, ...]) -> Place:
        return Place(*row[:9], population=row[9] or 0, source=row[10])

    def _lookup(self, name: str) -> list[Place]:
        keys = name_keys(name)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self._con.execute(
            f"SELECT DISTINCT p.id, {self._COLUMNS} FROM names n JOIN places p ON p.id = n.place_id "
            f"WHERE n.norm_name IN ({marks})",
            keys,
        ).fetchall()
        return rank(self._place(r[1:]) for r in rows)

    def country(self, code: str) -> Place | None:
        row = self._con.execute(
            f"SELECT {self._COLUMNS} FROM places p WHERE p.country_code = ? AND p.feature_code IN "
            f"({','.join('?' * len(COUNTRY_CODES))}) LIMIT 1",
            (code.upper(), *sorted(COUNTRY_CODES)),
        ).fetchone()
        return self._place(row) if row else None

    def get(self, geonames_id: int) -> Place | None:
        row = self._con.execute(
            f"SELECT {self._COLUMNS} FROM places p WHERE p.geonames_id = ? ORDER BY p.population DESC LIMIT 1",
            (int(geonames_id),),
        ).fetchone()
        return self._place(row) if row else None


class MemoryGazetteer(_LookupMixin):
    """An in-memory gazetteer for tests: places, each known by its name plus optional aliases."""

    def __init__(self, places: Iterable[Place], aliases: Mapping[str, Iterable[str]] | None = None) -> None:
        self.places = list(places)
        self._by_key: dict[str, list[Place]] = defaultdict(list)
        aliases = aliases or {}
        for p in self.places:
            for n in (p.name, *aliases.get(p.name, ())):
                for key in name_keys(n):
                    if p not in self._by_key[key]:
                        self._by_key[key].append(p)

    def lookup(self, name: str) -> list[Place]:
        found: dict[int, Place] = {}
        for key in name_keys(name):
            for p in self._by_key.get(key, ()):
                found[id(p)] = p
        return rank(found.values())

    def country(self, code: str) -> Place | None:
        for p in self.places:
            if p.country_code == code.upper() and p.feature_code in COUNTRY_CODES:
                return p
        return None

    def get(self, geonames_id: int) -> Place | None:
        return next((p for p in self.places if p.geonames_id == geonames_id), None)

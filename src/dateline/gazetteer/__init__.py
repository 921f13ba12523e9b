"""The gazetteer: GeoNames places plus our curated conflict features, behind one small protocol.

Typical use::

    from dateline.gazetteer import open_gazetteer
    gaz = open_gazetteer(settings)          # builds the index on first use (< 1 min)
    gaz.lookup("Palmyra")                   # [Place(Tadmur, SY), Place(Palmyra, AU), ...]
    gaz.countries_named("Syrian")           # [Place(Syria, PCLI)]
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from ..model import Place
from .index import DEFAULT_SOURCES, SCHEMA_VERSION, build_index, data_fingerprint
from .normalize import name_key, name_keys
from .store import COUNTRY_CODES, Gazetteer, MemoryGazetteer, SqliteGazetteer

__all__ = [
    "Place",
    "Gazetteer",
    "SqliteGazetteer",
    "MemoryGazetteer",
    "COUNTRY_CODES",
    "build_index",
    "build_default_index",
    "open_gazetteer",
    "default_index_path",
    "index_is_current",
    "name_key",
    "name_keys",
    "load_geonames_dump",
]

log = logging.getLogger(__name__)


def default_index_path(settings: Any) -> Path:
    """Where the index lives: ``gazetteer.path``, else ``<data dir>/gazetteer.sqlite``."""
    configured = settings["gazetteer.path"] if settings is not None else ""
    if configured:
        return Path(configured).expanduser()
    if settings is None:
        from ..config import load_settings

        settings = load_settings()
    return settings.data_dir() / "gazetteer.sqlite"


def _meta(path: Path) -> dict[str, str]:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return {}


def index_is_current(path: Path) -> bool:
    """True when the index exists, has our schema, and was built from the data we ship now.

    An index into which a user loaded a GeoNames dump is kept even when our curated
    data changed (rebuilding would drop the dump); it is only logged.
    """
    meta = _meta(path)
    if meta.get("schema_version") != SCHEMA_VERSION:
        return False
    if meta.get("data_fingerprint") != data_fingerprint():
        if meta.get("dumps_loaded", "0") != "0":
            log.warning("gazetteer %s was built from older data files; rebuild it to pick them up", path)
            return True
        return False
    return True


def open_gazetteer(settings: Any = None, *, build: bool = True) -> SqliteGazetteer:
    """Open the gazetteer index, building it first when it is missing or stale."""
    path = default_index_path(settings)
    if build and not index_is_current(path):
        log.info("building gazetteer index at %s", path)
        build_index(path, sources=DEFAULT_SOURCES)
    return SqliteGazetteer(path)


def build_default_index(settings: Any = None, path: Path | None = None) -> dict[str, Any]:
    """(Re)build the index from the installed data at ``path`` or the configured default path."""
    target = Path(path) if path else default_index_path(settings)
    stats = build_index(target, sources=DEFAULT_SOURCES)
    stats["path"] = str(target)
    return stats


def load_geonames_dump(index_path: Path | str, file: Path | str, **kwargs: Any) -> dict[str, Any]:
    """Add the places of a GeoNames dump (allCountries.txt, SY.txt, cities1000.zip...) to an index.

    ``alternate_names=`` a GeoNames alternateNames file adds the other names of the places loaded.
    """
    from .dump import load_geonames_dump as _load

    return _load(index_path, file, **kwargs)

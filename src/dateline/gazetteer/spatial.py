"""Spatial support: homonyms are settled by the other names of the article that could lie near them.

A local story names several places that sit close together: "Hall County",
"Gainesville" and "Forsyth County" are each ambiguous (there are seven Hall
counties and a dozen Gainesvilles), but only in Georgia do all three lie within
a few dozen kilometres of each other. So each candidate place is scored by how
many *other* names of the article have at least one candidate near it, whatever
those names finally resolve to. This is the "spatial minimality" heuristic of
the geoparsing literature in its cheapest form: a grid of one-degree cells, so
an article with thousands of candidate points costs milliseconds.

Areas (countries, provinces, continents, seas) take no part: their points say
little about where in them a story is; they weigh candidates through the
article's country and province context instead.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable, Mapping, Sequence

from ..model import Place
from .store import COUNTRY_CODES

__all__ = ["SpatialSupport", "SUPPORT_KM", "focus_place", "FOCUS_KM"]

SUPPORT_KM = 120.0  # within this distance another name's candidate counts as support
_MAX_CANDIDATES = 60  # per name: the most populous ones; "Washington" has hundreds
_CELL = 1.0  # degrees
_NOT_POINTS = COUNTRY_CODES | {"ADM1", "CONT", "RGN", "OCN", "SEA", "GULF", "STRT", "PEN"}


def _takes_part(p: Place) -> bool:
    return p.feature_code not in _NOT_POINTS


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # equirectangular approximation: exact enough below a few hundred km, and much cheaper
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


class SpatialSupport:
    """Candidate points of every name of an article, indexed by grid cell and by province."""

    def __init__(self, candidates: Mapping[str, Iterable[Place]]) -> None:
        self._grid: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        self._provinces: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._weight: dict[str, float] = {}
        for key, places in candidates.items():
            points = [p for p in places if _takes_part(p)][:_MAX_CANDIDATES]
            if not points:
                continue
            # a name with k homonyms says "I may be here" k times: each time it counts 1/sqrt(k)
            self._weight[key] = 1.0 / math.sqrt(len(points))
            for p in points:
                self._grid[_cell(p.lat, p.lon)].append((p.lat, p.lon, key))
                if p.country_code and p.admin1:
                    self._provinces[(p.country_code, p.admin1)].add(key)

    def __bool__(self) -> bool:
        return bool(self._grid)

    def supporters(self, place: Place, own_key: str, km: float = SUPPORT_KM) -> dict[str, float]:
        """The other names with a candidate near ``place`` (inside it, for a province), with their weights.

        Countries, continents and seas get none.
        """
        if place.feature_code == "ADM1":
            keys = self._provinces.get((place.country_code or "", place.admin1 or place.name), set())
            return {k: self._weight[k] for k in keys if k != own_key}
        if not _takes_part(place):
            return {}
        ci, cj = _cell(place.lat, place.lon)
        reach = 1 + int(km / (111.0 * _CELL * max(0.2, math.cos(math.radians(place.lat)))))
        lat_reach = 1 + int(km / (111.0 * _CELL))
        found: dict[str, float] = {}
        for di in range(-lat_reach, lat_reach + 1):
            for dj in range(-reach, reach + 1):
                for lat, lon, key in self._grid.get((ci + di, cj + dj), ()):
                    if key != own_key and key not in found and _km(place.lat, place.lon, lat, lon) <= km:
                        found[key] = self._weight[key]
        return found


FOCUS_KM = 100.0  # towns this close to each other count as one part of the story


def focus_place(points: Sequence[Place], km: float = FOCUS_KM) -> Place | None:
    """Where a story happens: the place with the most of the article's mentions within ``km`` of it.

    ``points``: the article's resolved towns, one per mention, in text order (a town
    named five times weighs five times). The first one counts twice, because the lead
    or dateline of a news story usually names where it happens. Ties go to the
    earlier mention. Used to place a name the gazetteer lacks but that is known to be
    a place ("Third Presbyterian Church", "Faubourg Marigny"): such local features are
    nearly always in the town the story is about.
    """
    best: Place | None = None
    best_score = -1.0
    for i, p in enumerate(points):
        score = sum(1 for q in points if _km(p.lat, p.lon, q.lat, q.lon) <= km) + (1 if i == 0 else 0)
        if score > best_score:
            best, best_score = p, score
    return best

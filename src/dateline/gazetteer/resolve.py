"""Choosing among homonymous places: the scores, and the reasons kept with them.

A name alone rarely decides a place: "Palmyra" is a town in Syria, Australia and
five US states. What decides it is what a human reader uses: the countries the
article talks about, the provinces it names, the other places near by, a feature
word next to the name ("the oilfields of Shaer"), and, last, how big the place
is. Each of these adds to a candidate's score, and the reason is recorded so an
analyst can see why Tadmur won.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..model import Place, PlaceCandidate
from .normalize import name_key as key_of
from .spatial import SpatialSupport
from .store import COUNTRY_CODES, Gazetteer

__all__ = ["Context", "score_candidates", "resolve_name", "distance_km", "haversine_km", "is_strong", "FEATURE_CUES"]

# Feature words in the text -> the feature codes they confirm.
FEATURE_CUES: dict[str, frozenset[str]] = {
    "oil": frozenset({"OILF", "GASF", "OILR", "OILW"}),
    "gas": frozenset({"GASF", "OILF"}),
    "field": frozenset({"OILF", "GASF"}),
    "air": frozenset({"AIRB", "AIRP", "AIRF", "MILB"}),
    "airport": frozenset({"AIRB", "AIRP", "AIRF"}),
    "base": frozenset({"MILB", "AIRB", "AIRF"}),
    "dam": frozenset({"DAM"}),
    "hill": frozenset({"HLL", "HLLS"}),
    "mount": frozenset({"MT", "MTS", "HLL"}),
    "crossing": frozenset({"BDGC", "PSTB"}),
    "district": frozenset({"PPLX"}),
}

# Weights of the score's parts (see score_candidates); tuned on our own small examples.
W_POP = 0.25  # per decade of population
W_COUNTRY = 2.0  # times the article's share of attention for the candidate's country
W_ADMIN = 1.0
W_OWN_NAME = 0.4  # known by this very name, not only by an alternate one
W_ADMIN_NAMED = 3.0  # "Mansfield, Ohio": the province or state written right after the name
ADM1_AS_POPULATION = 1_000_000  # a province outranks villages that share its name
W_FEATURE = 3.0
W_NEAR = (30.0, 1.0), (100.0, 0.6), (300.0, 0.3)
W_SUPPORT = 0.5  # per other name of the article with a candidate near by (see spatial.py)
MAX_SUPPORT = 2.0  # at most this much support (in weighted names)
W_SHORT_UNIT = 0.8  # "Cobb" for Cobb County: a unit named without its kind word is a weaker reading
W_NAMESAKE = 1.5  # a bare "Homs" is the city, not the province it heads
# A world city ("London", "Birmingham") and a homonym this many decades smaller: the article's country
# share alone may not carry the small one past it (see _country_caps); local evidence still may.
PROMINENT_GAP = 2.0
PROMINENT_POP = 1_000_000


@dataclass
class Context:
    """What the article says about where it is: country weights, provinces, anchor places."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: set[tuple[str, str]] = field(default_factory=set)  # (country, province name)
    anchors: list[Place] = field(default_factory=list)
    admin_hint: set[tuple[str, str]] = field(default_factory=set)  # for one mention: "X, Ohio"
    support: SpatialSupport | None = None  # candidate points of the article's other names

    def share(self, country: str | None) -> float:
        total = sum(self.countries.values())
        if not country or total <= 0:
            return 0.0
        return self.countries.get(country, 0.0) / total

    def dominant(self) -> str | None:
        if not self.countries:
            return None
        code, weight = max(self.countries.items(), key=lambda kv: kv[1])
        return code if weight > 0 else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points (haversine, mean earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def is_strong(place: Place) -> bool:
    """A place whose name alone is good evidence of a toponym (not a chance homonym of a word)."""
    return (
        place.feature_code in COUNTRY_CODES
        or place.feature_code == "ADM1"
        or place.source == "places.tsv"
        or place.population >= 100_000
    )


def _one(
    p: Place,
    ctx: Context,
    cues: frozenset[str],
    admin_mode: bool,
    key_matches_name: bool,
    name_key: str | None = None,
    country_cap: float | None = None,
) -> PlaceCandidate:
    reasons = [f"pop={p.population}"]
    size = max(p.population, ADM1_AS_POPULATION) if p.feature_code == "ADM1" else p.population
    score = W_POP * math.log10(size + 10)
    if p.feature_code == "PPLC":
        score += 0.3
        reasons.append("capital")
    elif p.feature_code == "PPLA":
        score += 0.2
        reasons.append("province capital")
    if p.feature_code == "ADM1" and admin_mode:
        score += 2.0
        reasons.append("province named as such")
    if p.source == "places.tsv":
        score += 0.4
        reasons.append("curated")
    if cues:
        if p.feature_code in cues:
            score += W_FEATURE
            reasons.append(f"feature word fits {p.feature_code}")
        elif p.source == "places.tsv":
            score -= 0.5
    if key_matches_name:
        score += W_OWN_NAME
        reasons.append("own name")
    elif p.feature_code == "ADM2" and not admin_mode:
        score -= W_SHORT_UNIT
        reasons.append("unit named without its kind word")
    share = ctx.share(p.country_code)
    if share:
        bonus = W_COUNTRY * share
        if country_cap is not None and bonus > country_cap:
            bonus = country_cap
            reasons.append("country share capped: a far bigger namesake")
        score += bonus
        reasons.append(f"article country {p.country_code} {share:.2f}")
    if p.admin1 and (p.country_code or "", p.admin1) in ctx.admin1:
        score += W_ADMIN
        reasons.append(f"in named province {p.admin1}")
    if p.admin1 and (p.country_code or "", p.admin1) in ctx.admin_hint:
        score += W_ADMIN_NAMED
        reasons.append(f"written with its province {p.admin1}")
    if ctx.support and name_key is not None:
        supporters = ctx.support.supporters(p, name_key)
        if supporters:
            score += W_SUPPORT * min(MAX_SUPPORT, sum(supporters.values()))
            reasons.append("near other names: " + ", ".join(sorted(supporters, key=supporters.get)[-3:]))
    near = _nearest(p, ctx.anchors)
    if near is not None:
        km, other = near
        for limit, bonus in W_NEAR:
            if km <= limit:
                score += bonus
                reasons.append(f"{km:.0f} km from {other.name}")
                break
    return PlaceCandidate(p, round(score, 3), tuple(reasons))


def _nearest(p: Place, anchors: Sequence[Place]) -> tuple[float, Place] | None:
    best: tuple[float, Place] | None = None
    for a in anchors:
        if a is p or a.feature_code in COUNTRY_CODES or (a.name == p.name and a.country_code == p.country_code):
            continue
        km = distance_km(p, a)
        if best is None or km < best[0]:
            best = (km, a)
    return best


def score_candidates(
    places: Iterable[Place],
    ctx: Context,
    *,
    cues: frozenset[str] = frozenset(),
    admin_mode: bool = False,
    name_key: str | None = None,
) -> list[PlaceCandidate]:
    """Score every candidate for one mention; best first. Countries are handled by the caller."""
    places = list(places)
    caps = _country_caps(places, ctx)
    out = [
        _one(p, ctx, cues, admin_mode, name_key is not None and key_of(p.name) == name_key, name_key, caps.get(id(p)))
        for p in places
    ]
    if not admin_mode:
        out = [_namesake_capital(c, places) for c in out]
    return sorted(out, key=lambda c: -c.score)


def _country_caps(places: list[Place], ctx: Context) -> dict[int, float]:
    """Caps on the country term of homonyms that are tiny beside a world city of the same name.

    The article's country share is a weak, document-wide signal: a Canadian or American
    story that says "London" or "Venice" still means the world city, unless something
    local says otherwise ("London, Ky.", Kentucky named elsewhere, towns near by). So a
    candidate ``PROMINENT_GAP`` decades smaller than the most populous candidate, when
    that one is a national capital or a city of ``PROMINENT_POP`` people, gains no more
    from the country share than that city does; its local evidence is left untouched.
    """
    towns = [p for p in places if p.feature_class == "P"]
    if not towns or not ctx.countries:
        return {}
    big = max(towns, key=lambda p: p.population)
    if big.population < PROMINENT_POP and not (big.feature_code == "PPLC" and big.population >= 100_000):
        return {}
    cap = W_COUNTRY * ctx.share(big.country_code)
    limit = math.log10(big.population + 10) - PROMINENT_GAP
    return {id(p): cap for p in places
            if p is not big and p.feature_code not in ("ADM1",) and math.log10(p.population + 10) <= limit}


def _namesake_capital(cand: PlaceCandidate, places: list[Place]) -> PlaceCandidate:
    """A bare "Homs" is the city, not the province it heads: a unit gives way to its namesake town.

    For provinces our file knows the capital of (PPLA), only the capital counts; for the
    other provinces and for second-level units, any town of the same name inside the unit.
    """
    p = cand.place
    if p.feature_code not in ("ADM1", "ADM2"):
        return cand
    for other in places:
        if other.country_code != p.country_code or other.admin1 != p.admin1 or other.feature_class != "P":
            continue
        if p.feature_code == "ADM2" and other.admin2 not in (None, p.admin2):
            continue
        if other.feature_code in ("PPLA", "PPLC") or p.source != "admin1.tsv":
            return PlaceCandidate(p, round(cand.score - W_NAMESAKE, 3),
                                  (*cand.reasons, f"its town {other.name} shares the name"))
    return cand


def resolve_name(name: str, gazetteer: Gazetteer, country_hint: str | None = None) -> PlaceCandidate | None:
    """The best place for a bare name, given the country the text is about (if known).

    Country names and demonyms resolve to the country, never to a homonymous village.
    """
    countries = gazetteer.countries_named(name)
    if countries:
        return PlaceCandidate(countries[0], 10.0, ("country name",))
    places = gazetteer.lookup(name)
    if not places:
        return None
    ctx = Context(countries={country_hint: 1.0} if country_hint else {})
    ranked = score_candidates(places, ctx, name_key=key_of(name))
    return ranked[0] if ranked else None

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
from .hints import ANY_PROVINCE
from .normalize import name_key as key_of
from .normalize import spelling_key
from .spatial import SpatialSupport
from .store import COUNTRY_CODES, Gazetteer

__all__ = ["Context", "WRITTEN_WITH", "score_candidates", "resolve_name", "distance_km", "haversine_km", "is_strong",
           "FEATURE_CUES"]

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
# A world city ("London", "Louisville") and a homonym this many decades smaller: article-wide hints
# may not carry the small one past it (see _prominence); local evidence still may.
PROMINENT_GAP = 1.5
PROMINENT_POP = 300_000
PROMINENT_EDGE = 0.3
WORLD_GAP = 2.0
WORLD_POP = 1_000_000
LOCAL_KM = 30.0  # a named town this close is local evidence
LOCAL_SUPPORT = 1.5  # so is support worth more than one unambiguous name
WRITTEN_WITH = "written with its"  # the reason given when the province or country is written after the name


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


@dataclass
class _Scored:
    place: Place
    prior: float  # what the place is: size, rank, name, feature word
    context: float  # what the article says around it: country, provinces, neighbours
    local: bool  # evidence a reader cannot overlook: "X, Ohio", a feature word, a town next door
    reasons: list[str]
    country: float = 0.0  # the part of ``context`` that is the article's country share
    own: bool = False  # known by the very name written, not by an alternate one

    def candidate(self) -> PlaceCandidate:
        return PlaceCandidate(self.place, round(self.prior + self.context, 3), tuple(self.reasons))


def _one(
    p: Place,
    ctx: Context,
    cues: frozenset[str],
    admin_mode: bool,
    key_matches_name: bool,
    name_key: str | None = None,
) -> _Scored:
    reasons = [f"pop={p.population}"]
    size = max(p.population, ADM1_AS_POPULATION) if p.feature_code == "ADM1" else p.population
    prior = W_POP * math.log10(size + 10)
    context = 0.0
    local = False
    if p.feature_code == "PPLC":
        prior += 0.3
        reasons.append("capital")
    elif p.feature_code == "PPLA":
        prior += 0.2
        reasons.append("province capital")
    if p.feature_code == "ADM1" and admin_mode:
        prior += 2.0
        reasons.append("province named as such")
    if p.source == "places.tsv":
        prior += 0.4
        reasons.append("curated")
    if cues:
        if p.feature_code in cues:
            prior += W_FEATURE
            local = True
            reasons.append(f"feature word fits {p.feature_code}")
        elif p.source == "places.tsv":
            prior -= 0.5
    if key_matches_name:
        prior += W_OWN_NAME
        reasons.append("own name")
    elif p.feature_code == "ADM2" and not admin_mode:
        prior -= W_SHORT_UNIT
        reasons.append("unit named without its kind word")
    share = ctx.share(p.country_code)
    country = W_COUNTRY * share
    if share:
        context += country
        reasons.append(f"article country {p.country_code} {share:.2f}")
    if p.admin1 and (p.country_code or "", p.admin1) in ctx.admin1:
        context += W_ADMIN
        reasons.append(f"in named province {p.admin1}")
    if p.admin1 and (p.country_code or "", p.admin1) in ctx.admin_hint:
        context += W_ADMIN_NAMED
        local = True
        reasons.append(f"{WRITTEN_WITH} province {p.admin1}")
    elif (p.country_code or "", ANY_PROVINCE) in ctx.admin_hint:
        context += W_ADMIN_NAMED
        local = True
        reasons.append(f"{WRITTEN_WITH} country {p.country_code}")
    if ctx.support and name_key is not None:
        supporters = ctx.support.supporters(p, name_key)
        if supporters:
            weight = sum(supporters.values())
            context += W_SUPPORT * min(MAX_SUPPORT, weight)
            # neighbours make a place local evidence only under its own name, not under an alternate one
            local = local or (weight >= LOCAL_SUPPORT and key_matches_name)
            reasons.append("near other names: " + ", ".join(sorted(supporters, key=supporters.get)[-3:]))
    near = _nearest(p, ctx.anchors)
    if near is not None:
        km, other = near
        for limit, bonus in W_NEAR:
            if km <= limit:
                context += bonus
                local = local or (limit <= LOCAL_KM and key_matches_name)
                reasons.append(f"{km:.0f} km from {other.name}")
                break
    return _Scored(p, prior, context, local, reasons, country, key_matches_name)


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
    # known by the written name or by a mere spelling of it ("Mykolayiv" for "Mykolaiv"), not by an alternate one
    spelling = spelling_key(name_key) if name_key is not None else None
    scored = [_one(p, ctx, cues, admin_mode, spelling is not None and spelling_key(key_of(p.name)) == spelling,
                   name_key) for p in places]
    _prominence(scored)
    out = [s.candidate() for s in scored]
    if not admin_mode:
        places = [s.place for s in scored]
        out = [_namesake_capital(c, places) for c in out]
    return sorted(out, key=lambda c: -c.score)


def _prominence(scored: list[_Scored]) -> None:
    """A big city outweighs the article-wide hints that favour a far smaller namesake.

    The article's country share, the provinces it names elsewhere and the loose
    neighbourhood of its other names are document-wide, weak signals: an American
    sports story that names Ohio and says "Louisville", or a Canadian story that says
    "London", still means the big city. Two caps, both lifted by local, direct evidence
    (its province written with the name, "London, Ky."; a feature word that fits; a
    named town within ``LOCAL_KM``; support worth an unambiguous name near by) for the first:

    - a namesake in the big city's own country, ``PROMINENT_GAP`` decades smaller than a
      city of ``PROMINENT_POP`` or a national capital, gains from context at most
      ``PROMINENT_EDGE`` more than the big city does;
    - a namesake in another country, ``WORLD_GAP`` decades smaller than a world city
      (``WORLD_POP``, or a national capital), gains no more from the article's country
      share than the world city does: "Paris" in a Texan story may still be Paris, Texas,
      but only when its province, its neighbours or a feature word say so.

    A state or province written under its own name ("Florida") is the big namesake of
    the towns of its country that share the name: they too gain from context at most
    ``PROMINENT_EDGE`` more than it does, unless the evidence is local.
    """
    towns = [s for s in scored if s.place.feature_class == "P"]
    if not towns:
        return
    big = max(towns, key=lambda s: s.place.population)
    pop, capital = big.place.population, big.place.feature_code == "PPLC" and big.place.population >= 100_000
    size = math.log10(pop + 10)
    for s in scored:
        if s is big or s.place.feature_code == "ADM1":
            continue
        gap = size - math.log10(s.place.population + 10)
        if s.place.country_code == big.place.country_code:
            if (not s.local and (pop >= PROMINENT_POP or capital) and gap >= PROMINENT_GAP
                    and s.context > big.context + PROMINENT_EDGE):
                s.context = big.context + PROMINENT_EDGE
                s.reasons.append(f"context capped: a far bigger namesake, {big.place.name}")
        elif (pop >= WORLD_POP or capital) and gap >= WORLD_GAP and s.country > big.country:
            s.context -= s.country - big.country
            s.reasons.append(f"country share capped: a far bigger namesake, {big.place.name}")
    # a state or province under its own name ("Florida") is the big namesake of the towns in its country
    for prov in (s for s in scored if s.place.feature_code == "ADM1" and s.own):
        for s in scored:
            if (s.place.feature_class == "P" and s.place.country_code == prov.place.country_code and not s.local
                    and s.place.population < PROMINENT_POP and s.context > prov.context + PROMINENT_EDGE):
                s.context = prov.context + PROMINENT_EDGE
                s.reasons.append(f"context capped: a province of the same name, {prov.place.name}")


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

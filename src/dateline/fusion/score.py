"""Is a pair of reports possibly one event, and how alike are they?

:func:`pair_score` returns None for a pair that cannot be one event (a hard
disagreement: another country, places farther apart than their precision allows,
date windows that do not meet, disjoint sides of the fight) and otherwise a
similarity in 0..1: a weighted mean of field agreements and the TF-IDF cosine
of the evidence sentences. A None is a veto in clustering: no group may hold
two reports that veto each other, however well each matches a third.
"""
from __future__ import annotations

from ..events.merge import km
from ..model import Location
from .params import FuseParams
from .reports import Report
from .text import cosine

__all__ = ["pair_score", "place_agreement", "date_agreement", "actor_agreement", "type_agreement",
           "fatality_agreement"]

# Field weights; the text weight comes from the settings and these share the rest.
_FIELD_WEIGHTS = {"type": 0.2, "date": 0.2, "place": 0.25, "actors": 0.25, "fatalities": 0.1}
# Sub-types a coder picks when the report is vague; a precise one wins a tie against them.
GENERIC_SUBTYPES = frozenset({"Armed clash", "Attack"})


def type_agreement(a: Report, b: Report) -> float:
    ea, eb = a.event, b.event
    if ea.event_type == eb.event_type:
        return 1.0 if ea.sub_event_type == eb.sub_event_type else 0.7
    return 0.35  # same family: blocking already required it


def date_agreement(a: Report, b: Report) -> float | None:
    """None when the windows do not meet; 1 for the same known day, less as precision drops."""
    wa, wb = a.window, b.window
    if wa is None or wb is None or wa[0] > wb[1] or wb[0] > wa[1]:
        return None
    xa, xb = a.exact, b.exact
    overlap = xa is not None and xb is not None and xa[0] <= xb[1] and xb[0] <= xa[1]
    if a.fallback or b.fallback:
        return 0.5 if overlap else 0.4
    pa, pb = a.event.date.time_precision or 3, b.event.date.time_precision or 3  # type: ignore[union-attr]
    if overlap and pa == pb == 1:
        return 1.0
    return 0.75 if overlap else 0.4


def _country_level(loc: Location) -> bool:
    """A place known only as a country: the weakest place evidence (often a demonym or an actor's
    country read as a place), so it constrains nothing inside that country."""
    return (loc.geo_precision or 3) == 3 and loc.admin1 is None and loc.geonames_id is not None


def place_agreement(la: Location | None, lb: Location | None, p: FuseParams) -> float | None:
    """None for places too far apart for their precision (or precise places in two countries)."""
    if la is None or lb is None:
        return 0.4
    vague_a, vague_b = _country_level(la), _country_level(lb)
    if la.country_code and lb.country_code and la.country_code != lb.country_code:
        return None if vague_a == vague_b else 0.2
    if vague_a or vague_b:
        return 1.0 if vague_a and vague_b else 0.4
    if la.geonames_id is not None and la.geonames_id == lb.geonames_id:
        return 1.0 if la.geo_precision == lb.geo_precision else 0.8
    allowed = max(p.radius_km(la.geo_precision), p.radius_km(lb.geo_precision))
    d = km(la, lb)
    if d is not None:
        if d > allowed:
            return None
        closeness = 1.0 - 0.5 * d / allowed
        return closeness if la.geo_precision == lb.geo_precision else min(closeness, 0.7)
    if la.name and lb.name and la.name.lower() == lb.name.lower():
        return 0.9
    if (la.geo_precision or 3) == 1 and (lb.geo_precision or 3) == 1:
        return None  # two different named towns without coordinates
    return 0.3


def _dyad(r: Report) -> bool:
    return r.event.actor1 is not None and r.event.actor2 is not None


def actor_agreement(a: Report, b: Report) -> float | None:
    """None when both reports name both sides and share neither an actor nor a kind of actor
    (inter code): two different fights. Otherwise a soft score, since outlets name sides differently."""
    if not a.names or not b.names:
        return 0.5
    shared = a.names & b.names
    if not shared:
        if _dyad(a) and _dyad(b) and not (a.inters & b.inters):
            return None
        return 0.2 if a.inters & b.inters else 0.1
    return 0.4 + 0.6 * len(shared) / len(a.names | b.names)


def fatality_agreement(a: Report, b: Report) -> float:
    """Tolls grow as bodies are counted and differ between outlets: a soft signal only."""
    fa, fb = a.event.fatalities.best, b.event.fatalities.best
    if fa is None or fb is None:
        return 0.5
    if fa == fb:
        return 1.0
    return min(fa, fb) / max(fa, fb)


def pair_score(a: Report, b: Report, p: FuseParams) -> float | None:
    """Similarity of two reports in 0..1, or None when they cannot be one event."""
    if a.articles & b.articles:
        return None
    parts: dict[str, float | None] = {}
    for name, agree in (("date", lambda: date_agreement(a, b)), ("actors", lambda: actor_agreement(a, b)),
                        ("place", lambda: place_agreement(a.event.location, b.event.location, p))):
        parts[name] = agree()
        if parts[name] is None:
            return None  # cheapest vetoes first: most candidate pairs stop here
    parts["type"] = type_agreement(a, b)
    parts["fatalities"] = fatality_agreement(a, b)
    fields = sum(_FIELD_WEIGHTS[k] * v for k, v in parts.items())  # type: ignore[operator]
    text = cosine(a.vector, b.vector)
    return round((1.0 - p.text_weight) * fields + p.text_weight * text, 6)

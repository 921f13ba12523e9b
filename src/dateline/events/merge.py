"""ACLED's unit inside one article: one event per type, place, day and dyad.

The same fight told twice ("claimed Thursday its fighters killed ... during
battles", then "one day after fierce battles between ISIS and the army") is one
event. Two reports are the same event when type and sub-type agree, they are at
the same place (or one only borrowed its place from context), their dates
overlap or touch when either is imprecise, and their actors are compatible (one
side shared, or one report names fewer sides).
"""
from __future__ import annotations

import math
from datetime import timedelta

from ..model import ActorRef, DateRange, Event, Fatalities, Location

__all__ = ["merge_within_article", "same_event", "same_protest", "merge_into", "km", "PROTEST_SEVERITY"]


def km(a: Location, b: Location) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)  # type: ignore[arg-type]
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)  # type: ignore[operator]
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _same_place(a: Event, b: Event) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None:
        return la is None and lb is None
    if la.geonames_id is not None and la.geonames_id == lb.geonames_id:
        return True
    d = km(la, lb)
    if d is not None:
        return d <= 5.0
    return (la.name or "").lower() == (lb.name or "").lower()


def _dates_compatible(a: DateRange | None, b: DateRange | None, fallback: bool = False) -> bool:
    """Overlapping, or touching when imprecise; ``fallback``: one date is only the publication date,
    which in one article is compatible with any day of the week before it."""
    if a is None or b is None or a.start is None or b.start is None:
        return True
    if fallback:
        return abs((a.start - b.start).days) <= 7
    a_end, b_end = a.end or a.start, b.end or b.start
    if a.start <= b_end and b.start <= a_end:
        return True
    if (a.time_precision or 1) > 1 or (b.time_precision or 1) > 1:
        slack = timedelta(days=1)
        return a.start - slack <= b_end and b.start - slack <= a_end
    return False


def _names(e: Event) -> set[str]:
    return {x.name for x in (e.actor1, e.actor2) if x is not None}


def _actors_compatible(a: Event, b: Event) -> bool:
    na, nb = _names(a), _names(b)
    if not na or not nb:
        return True
    if na & nb:
        return True
    return False


def same_event(a: Event, b: Event, fallback: bool = False) -> bool:
    """``fallback``: inside one article, a date that is only the publication date is loose."""
    return (
        a.event_type == b.event_type
        and a.sub_event_type == b.sub_event_type
        and a.background == b.background
        and _same_place(a, b)
        and _dates_compatible(a.date, b.date, fallback and "published" in (a.date_basis, b.date_basis))
        and _actors_compatible(a, b)
    )


def _more_precise_date(a: DateRange | None, b: DateRange | None) -> DateRange | None:
    if a is None or a.start is None:
        return b
    if b is None or b.start is None:
        return a
    return b if (b.time_precision or 3) < (a.time_precision or 3) else a


def _more_precise_place(a: Location | None, b: Location | None) -> Location | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if (b.geo_precision or 3) < (a.geo_precision or 3) else a


def _fill_actors(into: Event, other: Event) -> None:
    """Fill missing sides by role: the other report's actor1 can only become actor1, its actor2
    only actor2 (a victim never becomes the perpetrator); anything else joins the associates."""
    have = _names(into) | {x.name for x in into.assoc_actors}
    for role in ("actor1", "actor2"):
        actor = getattr(other, role)
        if actor is not None and actor.name not in have and getattr(into, role) is None:
            setattr(into, role, actor)
            have.add(actor.name)
    for actor in (other.actor1, other.actor2, *other.assoc_actors):
        if actor is not None and actor.name not in have:
            into.assoc_actors.append(actor)
            have.add(actor.name)


def merge_into(into: Event, other: Event, latest_wins: bool = False) -> Event:
    """Fold ``other`` into ``into`` (same event): keep every source and all evidence.

    ``latest_wins``: inside one article a toll told later is an update ("the toll rose to 17")
    and replaces the earlier figure; across reports the range is kept (fusion reconciles).
    """
    if latest_wins and other.fatalities.best is not None and max(
            (s.start for s in other.sources), default=0) > max((s.start for s in into.sources), default=0):
        into.fatalities = other.fatalities
        into.casualties = dict(other.casualties) or into.casualties
        other = Event(**{**other.__dict__, "fatalities": Fatalities()})
    if into.injured is None or (other.injured is not None and latest_wins):
        into.injured = other.injured if other.injured is not None else into.injured
    if into.claim is None:
        into.claim = other.claim
    _fill_actors(into, other)
    into.location = _more_precise_place(into.location, other.location)
    if into.date_basis == "published" and other.date_basis != "published":
        into.date, into.date_basis = other.date, other.date_basis
    elif other.date_basis != "published":
        into.date = _more_precise_date(into.date, other.date)
    fa, fb = into.fatalities, other.fatalities
    if fb.best is not None:
        # inside one article a later, higher toll is an update; across outlets fuse.py reconciles
        best = max(x for x in (fa.best, fb.best) if x is not None)
        lows = [x for x in (fa.low, fb.low) if x is not None]
        highs = [x for x in (fa.high, fb.high) if x is not None]
        into.fatalities = Fatalities(min(lows) if lows else None, best, max(highs) if highs else None)
    for s in other.sources:
        if s not in into.sources:
            into.sources.append(s)
    for name, spans in other.evidence.items():
        for span in spans:
            into.add_evidence(name, span)
    for c in other.claimed_by:
        if c not in into.claimed_by:
            into.claimed_by.append(c)
    if into.modality == "asserted" and other.modality != "asserted":
        into.modality = other.modality
    into.confidence = round(min(0.99, max(into.confidence, other.confidence) + 0.05), 2)
    into.notes += [n for n in other.notes if n not in into.notes]
    return into


# ACLED's protest sub-types, least to most severe: one protest at one place on one day is one event,
# coded with the most severe character it took ("demonstrators marched peacefully ... later clashed with police")
PROTEST_SEVERITY = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                    "Violent demonstration"]


def same_protest(a: Event, b: Event) -> bool:
    """Two reports, in one article, of one protest at one place and day, whatever character each tells.

    The sides need not match: the crowd may be named as protesters in one report and as
    rioters in the other, and one report may name only the crowd ("nine protesters were
    detained") and the other only the police who dispersed it."""
    if a.sub_event_type not in PROTEST_SEVERITY or b.sub_event_type not in PROTEST_SEVERITY:
        return False
    return (a.background == b.background and _same_place(a, b)
            and _dates_compatible(a.date, b.date, "published" in (a.date_basis, b.date_basis)))


def _most_severe(into: Event, other: Event) -> None:
    if PROTEST_SEVERITY.index(other.sub_event_type) > PROTEST_SEVERITY.index(into.sub_event_type):
        into.notes.append(f"type: {into.sub_event_type} told first, {other.sub_event_type} later; the most severe kept")
        into.event_type, into.sub_event_type = other.event_type, other.sub_event_type
        into.cameo_root, into.plover_type = other.cameo_root, other.plover_type


def merge_within_article(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        for kept in out:
            if same_event(kept, ev, fallback=True):
                merge_into(kept, ev, latest_wins=True)
                break
            if same_protest(kept, ev):
                _most_severe(kept, ev)
                merge_into(kept, ev, latest_wins=True)
                break
        else:
            out.append(ev)
    return out

"""The filters shared by the API, the map, the timeline, the table and the exports.

One :class:`EventFilter` is parsed from the query string, so a URL names a
view exactly and every panel of the UI (and every export) shows the same
events. Filters the store can run in SQL (type, dates, country, background)
go to :meth:`Store.events`; the rest (actor, admin1, box, text, confidence)
are checked here on the reviewed events.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Iterable

from ..model import Event
from ..store.reviews import ACLED_TYPES

__all__ = ["EventFilter", "search_events", "timeline", "facets", "Bbox"]

Bbox = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class EventFilter:
    """What the analyst asked to see. ``None`` means no constraint."""

    start: date | None = None
    end: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: Bbox | None = None
    q: str | None = None
    background: bool | None = None
    min_confidence: float | None = None
    max_confidence: float | None = None
    include_hidden: bool = False

    def store_filters(self) -> dict[str, Any]:
        """The part the store filters in SQL."""
        return {"event_type": self.event_type, "sub_event_type": self.sub_event_type, "start": self.start,
                "end": self.end, "background": self.background,
                "country_code": self.country.upper() if self.country else None}

    def to_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self).items() if v is not None}

    def keeps(self, ev: Event) -> bool:
        """The filters the store cannot run, on one event."""
        if self.actor and not _contains(_actor_names(ev), self.actor):
            return False
        loc = ev.location
        if self.admin1 and (loc is None or (loc.admin1 or "").lower() != self.admin1.strip().lower()):
            return False
        if self.bbox is not None and not _inside(ev, self.bbox):
            return False
        if self.min_confidence is not None and ev.confidence < self.min_confidence:
            return False
        if self.max_confidence is not None and ev.confidence > self.max_confidence:
            return False
        if self.q:
            hay = " ".join(_search_text(ev)).lower()
            if not all(word in hay for word in self.q.lower().split()):
                return False
        return True


def _actor_names(ev: Event) -> list[str]:
    return [a.name for a in (ev.actor1, ev.actor2, *ev.assoc_actors) if a is not None and a.name]


def _contains(values: Iterable[str], needle: str) -> bool:
    n = needle.strip().lower()
    return any(n in v.lower() for v in values)


def _inside(ev: Event, bbox: Bbox) -> bool:
    loc = ev.location
    if loc is None or loc.lat is None or loc.lon is None:
        return False
    west, south, east, north = bbox
    in_lon = west <= loc.lon <= east if west <= east else (loc.lon >= west or loc.lon <= east)  # across 180°
    return in_lon and south <= loc.lat <= north


def _search_text(ev: Event) -> list[str]:
    loc = ev.location
    parts = [ev.event_type, ev.sub_event_type, *_actor_names(ev), *ev.claimed_by, ev.trigger or ""]
    if loc is not None:
        parts += [loc.name or "", loc.admin1 or "", loc.admin2 or "", loc.country_code or ""]
    parts += [s.sentence for s in ev.sources] + [s.outlet or "" for s in ev.sources]
    return parts


def search_events(store: Any, flt: EventFilter) -> list[Event]:
    """Every reviewed event the filter keeps, by date (undated last) then id."""
    events = store.events(**flt.store_filters(), include_hidden=flt.include_hidden)
    return [e for e in events if flt.keeps(e)]


def timeline(events: Iterable[Event], max_days: int = 400) -> dict[str, Any]:
    """Events per day and type; per month when the dates span more than ``max_days``.

    Background events reach back years; a per-day axis over decades would be
    thousands of empty bars, so the bucket widens instead.
    """
    dated = [e for e in events if e.date is not None and e.date.start is not None]
    if not dated:
        return {"bucket": "day", "types": [], "rows": [], "undated": 0}
    days = [e.date.start for e in dated]  # type: ignore[union-attr]
    bucket = "day" if (max(days) - min(days)).days <= max_days else "month"
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for e in dated:
        day = e.date.start.isoformat()  # type: ignore[union-attr]
        counts[day if bucket == "day" else day[:7]][e.event_type] += 1
    types = [t for t in ACLED_TYPES if any(t in c for c in counts.values())]
    types += sorted({t for c in counts.values() for t in c} - set(types))
    rows = [{"date": k, "counts": dict(counts[k]), "total": sum(counts[k].values())} for k in sorted(counts)]
    return {"bucket": bucket, "types": types, "rows": rows, "undated": sum(1 for e in events) - len(dated)}


def facets(events: Iterable[Event]) -> dict[str, Any]:
    """Values present in the data, for the filter menus: countries, admin1 areas, dates."""
    events = list(events)
    countries = Counter(e.location.country_code for e in events if e.location and e.location.country_code)
    admin1 = Counter((e.location.country_code, e.location.admin1) for e in events
                     if e.location and e.location.admin1)  # fmt: skip
    days = sorted(e.date.start for e in events if e.date is not None and e.date.start is not None)
    return {
        "event_types": {t: list(s) for t, s in ACLED_TYPES.items()},
        "countries": [{"code": c, "events": n} for c, n in sorted(countries.items())],
        "admin1": [{"country": c, "name": a, "events": n} for (c, a), n in sorted(admin1.items())],
        "date_min": days[0].isoformat() if days else None,
        "date_max": days[-1].isoformat() if days else None,
        "events": len(events),
    }

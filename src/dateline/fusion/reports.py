"""A report: one per-article event (or one already-fused event carried over from
the store) as fusion sees it, with what blocking and scoring need precomputed.

Each report gets a canonical key from its content, so that every later choice
(block order, tie-breaks in clustering, ids) depends on what the reports say and
never on the order they came in.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import Event, Source, content_hash
from .params import FuseParams
from .text import tokens

__all__ = ["Report", "make_report", "family", "source_key", "VIOLENT"]

VIOLENT = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
_DEMONSTRATIONS = frozenset({"Protests", "Riots"})


def family(event_type: str) -> str:
    """Event types that outlets confuse for one event ("an air strike killed civilians" is read
    as an explosion by one coder, as violence against civilians by another) share a family."""
    if event_type in VIOLENT:
        return "political violence"
    if event_type in _DEMONSTRATIONS:
        return "demonstrations"
    return event_type


def source_key(s: Source) -> tuple[str, int, int]:
    """What identifies one report of an event across runs: the article and the sentence's offsets."""
    return (s.article_id, s.start, s.end)


@dataclass
class Report:
    """One node of the fusion graph."""

    event: Event
    key: str  # canonical: sorted source keys + content hash
    family: str
    articles: frozenset[str]
    window: tuple[date, date] | None  # the days the event may have happened on, with slack
    exact: tuple[date, date] | None  # the days the report itself gives
    fallback: bool  # dated only by the publication date
    names: frozenset[str]
    inters: frozenset[int]
    words: list[str]
    carried: bool = False  # an event already in the store, not a fresh per-article report
    vector: dict[str, float] = field(default_factory=dict)

    @property
    def anchor(self) -> tuple[str, str, int, str]:
        """The report's earliest source: what a new event's id is derived from."""
        s = min(self.event.sources, key=lambda s: (str(s.published or ""), s.article_id, s.start))
        return (str(s.published or ""), s.article_id, s.start, self.key)


def _window(ev: Event, p: FuseParams) -> tuple[tuple[date, date] | None, tuple[date, date] | None, bool]:
    d = ev.date
    if d is None or d.start is None:
        return None, None, False
    start, end = d.start, d.end or d.start
    fallback = (ev.date_basis or "").startswith("published")
    if fallback:
        start = min(start, end - timedelta(days=p.fallback_days))
    slack = timedelta(days=p.slack_days(d.time_precision))
    return (start - slack, end + slack), (d.start, d.end or d.start), fallback


def _fingerprint(ev: Event) -> list[object]:
    """The fields that tell two reports of the same sentences apart (cheaper than the whole event)."""
    loc, d = ev.location, ev.date
    return [ev.event_type, ev.sub_event_type, ev.background, ev.modality, ev.trigger,
            [a.name for a in (ev.actor1, ev.actor2, *ev.assoc_actors) if a is not None],
            loc and [loc.name, loc.geonames_id, loc.geo_precision, loc.lat, loc.lon],
            d and [d.start, d.end, d.time_precision], ev.date_basis,
            [ev.fatalities.low, ev.fatalities.best, ev.fatalities.high], ev.claimed_by, ev.id]


def make_report(ev: Event, p: FuseParams, carried: bool = False) -> Report:
    """Wrap an event for fusion; the event is read, never changed."""
    actors = [a for a in (ev.actor1, ev.actor2, *ev.assoc_actors) if a is not None]
    window, exact, fallback = _window(ev, p)
    keys = sorted(source_key(s) for s in ev.sources)
    digest = content_hash(json.dumps(_fingerprint(ev), default=str))
    return Report(
        event=ev,
        key=json.dumps(keys) + "|" + digest,
        family=family(ev.event_type),
        articles=frozenset(s.article_id for s in ev.sources),
        window=window,
        exact=exact,
        fallback=fallback,
        names=frozenset(a.name for a in actors),
        inters=frozenset(a.inter for a in actors if a.inter is not None),
        words=[w for s in sorted(ev.sources, key=source_key) for w in tokens(s.sentence)],
        carried=carried,
    )

"""Cross-article fusion, first cut: reports of the same event from several
articles become one event that keeps every source.

Candidates are blocked by event type and date, so the work stays near-linear;
inside a block the within-article rule (same type, place, compatible dates and
dyad) decides. A fused event's id is derived from its earliest source, so it
survives re-runs and new data that do not change that source.
"""
from __future__ import annotations

import copy
from collections import defaultdict
from typing import Iterable

from .events.merge import merge_into, same_event
from .model import Event, content_hash

__all__ = ["fuse"]


def _anchor(ev: Event) -> tuple[str, int]:
    return min((s.article_id, s.start) for s in ev.sources) if ev.sources else (ev.id, 0)


def fuse(events: Iterable[Event]) -> list[Event]:
    """Fuse per-article events into events; the result does not depend on input order."""
    ordered = sorted((copy.deepcopy(e) for e in events), key=lambda e: (_anchor(e), e.id))
    blocks: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    out: list[Event] = []
    for ev in ordered:
        key = (ev.event_type, ev.sub_event_type, ev.date.start.isoformat()[:7] if ev.date and ev.date.start else "")
        for kept in blocks[key]:
            if same_event(kept, ev) and _anchor(kept)[0] != _anchor(ev)[0]:
                merge_into(kept, ev)
                break
        else:
            blocks[key].append(ev)
            out.append(ev)
    for ev in out:
        ev.sources.sort(key=lambda s: (s.article_id, s.start))
        aid, start = _anchor(ev)
        ev.id = "ev-" + content_hash("|".join(str(x) for x in (
            aid, start, ev.event_type, ev.sub_event_type, ev.location.name if ev.location else "",
            ev.date.start if ev.date else "", ev.actor1.name if ev.actor1 else "", ev.background)))
    return sorted(out, key=lambda e: (e.date.start.isoformat() if e.date and e.date.start else "9999", e.id))

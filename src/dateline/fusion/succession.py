"""Stable event ids, and what happened to ids that changed: merges and splits.

A new event's id is derived from its anchor, the earliest report (publication
date, article, offset), so later articles joining it leave the id alone. When
events from an earlier run are given (``previous``), each new group first
inherits the id of the previous event it shares most sources with, so ids also
survive back-filled articles and re-extraction. A previous id that no group
inherits was merged into the group that now holds its sources; a previous id
whose sources now sit in several groups was split: both are recorded as
:class:`Succession` rows, largest share first, so that an id that disappears
points to its successor.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Sequence

from ..model import Event, content_hash
from .reports import Report, source_key

__all__ = ["Succession", "assign_ids"]


@dataclass(frozen=True)
class Succession:
    """``old_id`` lives on (wholly or in part) as ``new_id``; kind is ``merge`` or ``split``."""

    old_id: str
    new_id: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"old_id": self.old_id, "new_id": self.new_id, "kind": self.kind}


def _fresh_id(anchor: tuple[Any, ...], taken: set[str]) -> str:
    seed = "|".join(str(x) for x in anchor)
    eid, n = "ev-" + content_hash(seed), 1
    while eid in taken:
        n += 1
        eid = "ev-" + content_hash(f"{seed}|{n}")
    return eid


def _fields(e: Event) -> tuple[Any, ...]:
    return (e.event_type, e.sub_event_type, e.location.name if e.location else None,
            e.date.start if e.date else None, e.actor1.name if e.actor1 else None)


def _inherit(keys: list[set[tuple[str, int, int]]], previous: Sequence[Event],
             events: Sequence[Event] = ()) -> dict[int, str]:
    """Group index -> previous id, greedily by shared sources (most first), each id once; among
    equal offers (two events told by one sentence) the previous event with the same fields wins."""
    owner: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for p in previous:
        for s in p.sources:
            owner[source_key(s)].append(p.id)
    fields = {p.id: _fields(p) for p in previous}
    offers: list[tuple[int, int, int, str]] = []
    for g, ks in enumerate(keys):
        shared = Counter(pid for k in ks for pid in owner.get(k, ()))
        mine = _fields(events[g]) if g < len(events) else None
        offers.extend((-n, -sum(a == b for a, b in zip(mine or (), fields[pid])), g, pid)
                      for pid, n in shared.items())
    given: dict[int, str] = {}
    used: set[str] = set()
    for _, _, g, pid in sorted(offers):
        if g not in given and pid not in used:
            given[g] = pid
            used.add(pid)
    return given


def assign_ids(groups: Sequence[Sequence[Report]], events: Sequence[Event], previous: Sequence[Event] = ()
               ) -> list[Succession]:
    """Set ``events[i].id`` for the event fused from ``groups[i]``; return the merges and splits."""
    keys = [{source_key(s) for r in g for s in r.event.sources} for g in groups]
    given = _inherit(keys, previous, events)
    taken = {p.id for p in previous} | set(given.values())
    order = sorted(range(len(groups)), key=lambda g: min(r.anchor for r in groups[g]))
    for g in order:
        events[g].id = given.get(g) or _fresh_id(min(r.anchor for r in groups[g]), taken)
        taken.add(events[g].id)
    lineage: list[Succession] = []
    known = {p.id for p in previous}
    for p in sorted(previous, key=lambda e: e.id):
        pkeys = {source_key(s) for s in p.sources}
        holders = sorted((-len(pkeys & keys[g]), events[g].id) for g in range(len(groups)) if pkeys & keys[g])
        others = [new_id for _, new_id in holders if new_id != p.id]
        live = len(others) < len(holders)
        if live:
            # a surviving event is not split by siblings that were already there (two events of one sentence)
            others = [new_id for new_id in others if new_id not in known]
        kind = "merge" if not live and len(others) == 1 else "split"
        lineage.extend(Succession(p.id, new_id, kind) for new_id in others)
    return lineage

"""One event from a group of reports: agreed fields, every source, visible disagreement.

- type and sub-type: the one most independent sources give; a precise sub-type
  beats a generic one ("Armed clash", "Attack") on a tie;
- place and date: the most precise the reports support, then the most reported;
  a date that is only a publication date gives way to any real one;
- fatalities: every source keeps the figure it gave; ``best`` is the lowest
  figure reported (ACLED's conservative rule), ``low``/``high`` the range;
- independent sources: syndicated copies (``duplicate_of``, near-identical
  sentences) and one outlet's several articles count once;
- contradictions: figures, types, places, days, perpetrators and claims that the
  sources disagree on, each with who said what.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any, Callable, Hashable, Iterable, Mapping, Sequence, TypeVar

from ..model import ActorRef, Event, Fatalities, Location, Source
from .params import FuseParams
from .reports import Report, source_key
from .score import GENERIC_SUBTYPES
from .text import jaccard, tokens

__all__ = ["reconcile", "independent_groups"]

_T = TypeVar("_T")


class _Sets:
    """Union-find over article ids."""

    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def independent_groups(sources: Sequence[Source], duplicates: Mapping[str, str], copy_similarity: float
                       ) -> list[list[str]]:
    """Article ids grouped so that each group is one independent voice: copies of one wire
    text, articles marked ``duplicate_of`` one another and articles of one outlet go together."""
    by_article: dict[str, list[Source]] = defaultdict(list)
    for s in sources:
        by_article[s.article_id].append(s)
    sets = _Sets(by_article)
    arts = sorted(by_article)
    for a in arts:
        target = duplicates.get(a)
        if target in by_article:
            sets.union(a, target)  # type: ignore[arg-type]
    roots: dict[str, str] = {}
    for a in arts:
        if duplicates.get(a) is not None:
            roots.setdefault(duplicates[a], a)
            sets.union(a, roots[duplicates[a]])  # two copies of one original outside this event
    outlets: dict[str, str] = {}
    for a in arts:
        outlet = next((s.outlet for s in by_article[a] if s.outlet), None)
        if outlet:
            sets.union(a, outlets.setdefault(outlet.lower(), a))
    words = {a: [set(tokens(s.sentence)) for s in by_article[a]] for a in arts}
    for i, a in enumerate(arts):
        for b in arts[i + 1:]:
            if sets.find(a) != sets.find(b) and any(
                jaccard(x, y) >= copy_similarity for x in words[a] for y in words[b]
            ):
                sets.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        groups[sets.find(a)].append(a)
    return sorted(groups.values())


def _vote(items: Iterable[tuple[_T, frozenset[str]]], label: Callable[[_T], Hashable],
          order: Callable[[_T, int], Any]) -> _T | None:
    """The best-supported value: ``order(value, independent support)`` sorts the candidates."""
    support: dict[Hashable, set[str]] = defaultdict(set)
    first: dict[Hashable, _T] = {}
    for value, groups in items:
        support[label(value)] |= groups
        first.setdefault(label(value), value)
    if not first:
        return None
    return min(first.values(), key=lambda v: (order(v, len(support[label(v)])), str(label(v))))


def _disagreement(name: str, by_value: Mapping[Any, list[Source]]) -> dict[str, Any] | None:
    if len(by_value) < 2:
        return None
    return {
        "field": name,
        "values": [
            {"value": v, "outlets": sorted({s.outlet or "?" for s in srcs}),
             "article_ids": sorted({s.article_id for s in srcs})}
            for v, srcs in sorted(by_value.items())
        ],
    }


def _figure(s: Source, r: Report) -> int | None:
    return s.fatalities if s.fatalities is not None else r.event.fatalities.best


def _credible(reports: Sequence[Report]) -> list[Report]:
    """The reports whose figures may set ``best``: not a toll recalled in a background sentence
    ("the war has killed 300,000"), not a party counting its enemy's dead; all when none is left."""
    current = [r for r in reports if not r.event.background] or list(reports)
    return [r for r in current if r.event.claim != "enemy_losses"] or current


def _fatalities(reports: Sequence[Report]) -> Fatalities:
    """Best: the lowest credible figure; low/high: the range of the credible reports."""
    credible = _credible(reports)
    figures = [f for r in credible for s in r.event.sources if (f := _figure(s, r)) is not None]
    lows = [r.event.fatalities.low for r in credible if r.event.fatalities.low is not None] + figures
    highs = [r.event.fatalities.high for r in credible if r.event.fatalities.high is not None] + figures
    return Fatalities(min(lows) if lows else None, min(figures) if figures else None, max(highs) if highs else None)


def _injuries(reports: Sequence[Report]) -> tuple[int | None, dict[str, int]]:
    """Injured and deaths by who died, conservatively: the lowest figure any credible report gives."""
    credible = _credible(reports)
    injured = [r.event.injured for r in credible if r.event.injured is not None]
    casualties: dict[str, int] = {}
    for r in credible:
        for kind, n in r.event.casualties.items():
            casualties[kind] = min(n, casualties.get(kind, n))
    return (min(injured) if injured else None), dict(sorted(casualties.items()))


def _by_support(value: Any, n: int) -> Any:
    return -n


def _actors(reports: Sequence[Report], voice: Callable[[Report], frozenset[str]]
            ) -> tuple[ActorRef | None, ActorRef | None, list[ActorRef]]:
    """Actor 1 and 2 by support; every other actor any report names is kept as associated."""
    name: Callable[[ActorRef], str] = lambda a: a.name
    a1 = _vote(((r.event.actor1, voice(r)) for r in reports if r.event.actor1), name, _by_support)
    a2 = _vote(((x, voice(r)) for r in reports if (x := r.event.actor2) and (a1 is None or x.name != a1.name)),
               name, _by_support)
    taken = {a.name for a in (a1, a2) if a is not None}
    assoc: list[ActorRef] = []
    for r in reports:
        for a in (r.event.actor1, r.event.actor2, *r.event.assoc_actors):
            if a is not None and a.name not in taken:
                taken.add(a.name)
                assoc.append(a)
    return a1, a2, sorted(assoc, key=name)


def _sources(reports: Sequence[Report]) -> list[Source]:
    """Every source once, each with the toll its report gave, oldest publication first."""
    seen: dict[tuple[str, int, int], Source] = {}
    for r in reports:
        for s in r.event.sources:
            seen.setdefault(source_key(s), dataclasses.replace(s, fatalities=_figure(s, r)))
    return sorted(seen.values(), key=lambda s: (str(s.published or ""), s.article_id, s.start, s.end))


def _place_and_date(reports: Sequence[Report], voice: Callable[[Report], frozenset[str]]) -> tuple[Any, Any]:
    """The most precise place and date the reports give; support breaks ties."""
    def place_label(loc: Location) -> Hashable:
        return loc.geonames_id or (loc.name or "").lower()

    loc = _vote(((r.event.location, voice(r)) for r in reports if r.event.location), place_label,
                lambda l, n: (l.geo_precision or 3, -n))
    dated = [r for r in reports if r.event.date is not None and r.event.date.start is not None]
    best = _vote(((r, voice(r)) for r in dated), lambda r: (r.event.date.start, r.event.date.end),  # type: ignore[union-attr]
                 lambda r, n: (r.fallback, r.event.date.time_precision or 3,  # type: ignore[union-attr]
                               (r.exact[1] - r.exact[0]).days if r.exact else 0, -n))
    return loc, best


def _contradictions(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """What the sources disagree on, each value with the outlets and articles behind it."""
    fields: dict[str, dict[Any, list[Source]]] = defaultdict(lambda: defaultdict(list))
    for r in reports:
        ev = r.event
        for s in ev.sources:
            if (f := _figure(s, r)) is not None:
                fields["fatalities"][f].append(s)
            fields["event_type"][f"{ev.event_type} / {ev.sub_event_type}"].append(s)
            if ev.location is not None and ev.location.geo_precision == 1 and ev.location.name:
                fields["location"][ev.location.name].append(s)
            if ev.date is not None and ev.date.time_precision == 1 and not r.fallback and ev.date.start:
                fields["date"][ev.date.start.isoformat()].append(s)
            if ev.actor1 is not None:
                fields["actor1"][ev.actor1.name].append(s)
            if ev.modality in ("asserted", "claimed", "denied"):
                fields["modality"][ev.modality].append(s)
    out = [c for name in ("fatalities", "event_type", "location", "date", "actor1", "modality")
           if (c := _disagreement(name, fields[name])) is not None]
    have = {c["field"] for c in out}
    for r in reports:
        out.extend(c for c in r.event.contradictions if c["field"] not in have and c not in out)
    return out


def reconcile(reports: Sequence[Report], params: FuseParams, duplicates: Mapping[str, str]) -> Event:
    """One event from reports judged to be one (its id is set by the caller)."""
    sources = _sources(reports)
    groups = independent_groups(sources, duplicates, params.copy_similarity)
    group_of = {a: g[0] for g in groups for a in g}

    def voice(r: Report) -> frozenset[str]:
        return frozenset(group_of[a] for a in r.articles if a in group_of)

    typed = _vote(((r, voice(r)) for r in reports), lambda r: (r.event.event_type, r.event.sub_event_type),
                  lambda r, n: (-n, r.event.sub_event_type in GENERIC_SUBTYPES, r.key))
    assert typed is not None, "reconcile needs at least one report"
    loc, dated = _place_and_date(reports, voice)
    placed = next((r for r in reports if loc is not None and r.event.location == loc), None)
    injured, casualties = _injuries(reports)
    claim = _vote(((r.event.claim, voice(r)) for r in reports if r.event.claim), lambda c: c, _by_support)
    a1, a2, assoc = _actors(reports, voice)
    modality = _vote(((r.event.modality, voice(r)) for r in reports), lambda m: m, _by_support)
    base = typed.event
    ev = Event(
        id="", event_type=base.event_type, sub_event_type=base.sub_event_type,
        background=all(r.event.background for r in reports),
        actor1=a1, actor2=a2, assoc_actors=assoc, location=loc,
        date=dated.event.date if dated else None, fatalities=_fatalities(reports),
        claimed_by=list(dict.fromkeys(c for r in reports for c in r.event.claimed_by)),
        sources=sources, modality=modality or "asserted",
        cameo_root=base.cameo_root, plover_type=base.plover_type, trigger=base.trigger,
        date_basis=dated.event.date_basis if dated else None,
        injured=injured, casualties=casualties, claim=claim,
        location_candidates=list(placed.event.location_candidates) if placed else [],
        notes=list(dict.fromkeys(n for r in reports for n in r.event.notes)),
        independent_sources=len(groups), contradictions=_contradictions(reports),
    )
    _carry_details(ev, reports)
    for r in reports:
        for name, spans in r.event.evidence.items():
            for span in spans:
                ev.add_evidence(name, span)
    top = max(r.event.confidence for r in reports)
    ev.confidence = round(min(0.99, top + 0.05 * (len(groups) - 1)), 2)
    if len(reports) > 1:
        ev.notes.append(f"fused: {len(reports)} reports, {len(groups)} independent sources")
    return ev


def _carry_details(ev: Event, reports: Sequence[Report]) -> None:
    """Fields the reconciliation does not vote on: injuries (most conservative), the casualty split of
    the report that gave the best toll, the claim, and the place candidates behind the chosen place."""
    injured = [r.event.injured for r in reports if r.event.injured is not None]
    ev.injured = min(injured) if injured else None
    best = ev.fatalities.best
    split = next((r.event.casualties for r in reports if r.event.casualties and r.event.fatalities.best == best),
                 None) or next((r.event.casualties for r in reports if r.event.casualties), {})
    ev.casualties = dict(split)
    ev.claim = next((r.event.claim for r in reports if r.event.claim), None)
    same_place = [r.event for r in reports if r.event.location == ev.location and r.event.location_candidates]
    ev.location_candidates = list((same_place or [r.event for r in reports if r.event.location_candidates]
                                   or [ev])[0].location_candidates)


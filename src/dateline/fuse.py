"""Cross-article fusion: reports of one event from many articles and outlets become
one event that keeps every source.

The steps live in :mod:`dateline.fusion`: per-article events become reports;
blocking pairs reports of one type family whose date windows meet; each pair is
vetoed (another country, too far apart for the places' precision, sides that
share nothing) or scored (fields and TF-IDF similarity of the evidence
sentences); average linkage with vetoes groups them without transitive chains;
each group is reconciled into one event (most precise place and date, the
lowest reported toll as best with the range across sources, every source with
the figure it gave, the number of independent sources, the contradictions).

>>> from dateline.fuse import fuse
>>> events = fuse(per_article_events)                          # doctest: +SKIP
>>> result = fuse_reports(per_article_events, previous=stored)  # doctest: +SKIP
>>> result.events, result.lineage                               # doctest: +SKIP

The result does not depend on the order of the input. Ids are stable: derived
from each event's earliest report, or inherited from the previous events given,
with merges and splits reported as :class:`~dateline.fusion.Succession` rows.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Iterable, Mapping, Sequence

from .fusion.blocking import candidate_pairs
from .fusion.cluster import average_linkage
from .fusion.params import FuseParams
from .fusion.reconcile import reconcile
from .fusion.reports import Report, make_report
from .fusion.score import pair_score
from .fusion.succession import Succession, assign_ids
from .fusion.text import Vectorizer
from .model import Event

__all__ = ["fuse", "fuse_reports", "fuse_into_store", "Fusion", "FuseParams", "Succession"]


@dataclass
class Fusion:
    """What a fusion produced: the events, the ids that merged or split, and counts."""

    events: list[Event]
    lineage: list[Succession] = field(default_factory=list)
    reports: int = 0
    carried: int = 0
    candidate_pairs: int = 0
    compatible_pairs: int = 0


def _params(settings: Any | None) -> FuseParams:
    return settings if isinstance(settings, FuseParams) else FuseParams.from_settings(settings)


def _carry(previous: Sequence[Event], batch: set[str], p: FuseParams) -> list[Report]:
    """Previous events as reports, without the sources of articles extracted again now."""
    out = []
    for prev in previous:
        keep = [s for s in prev.sources if s.article_id not in batch]
        if not keep:
            continue
        evidence = {k: [s for s in v if s.article_id not in batch] for k, v in prev.evidence.items()}
        ev = dataclasses.replace(prev, sources=keep, evidence={k: v for k, v in evidence.items() if v})
        out.append(make_report(ev, p, carried=True))
    return out


def _scores(reports: list[Report], p: FuseParams) -> tuple[dict[tuple[int, int], float], int]:
    """Similarities of compatible candidate pairs, and how many candidates were looked at."""
    scores: dict[tuple[int, int], float] = {}
    seen = 0
    for i, j in candidate_pairs(reports):
        seen += 1
        s = pair_score(reports[i], reports[j], p)
        if s is None:
            continue
        if reports[i].carried and reports[j].carried:
            # two stored events were kept apart before: only a new report that ties them may join them
            s = min(s, p.threshold * 0.99)
        scores[(i, j)] = s
    return scores, seen


def fuse_reports(
    events: Iterable[Event],
    settings: Any | None = None,
    *,
    previous: Sequence[Event] = (),
    duplicates: Mapping[str, str] | None = None,
    reprocessed: Iterable[str] = (),
) -> Fusion:
    """Fuse per-article events, optionally together with events of an earlier run.

    ``settings``: a Settings (keys ``fuse.*``), a :class:`FuseParams` or None for
    the defaults. ``previous``: stored events that new reports may join; their
    sources from articles in this batch (or named in ``reprocessed``) are
    replaced by the new extraction. ``duplicates``: article id -> the id of the
    article it copies (syndication; see ``Article.duplicate_of``).
    """
    p = _params(settings)
    fresh = {r.key: r for r in (make_report(e, p) for e in events)}
    batch = {a for r in fresh.values() for a in r.articles} | set(reprocessed)
    carried = _carry(previous, batch, p)
    reports = sorted([*fresh.values(), *carried], key=lambda r: r.key)
    vectorizer = Vectorizer(r.words for r in reports)
    for r in reports:
        r.vector = vectorizer.vector(r.words)
    scores, seen = _scores(reports, p)
    groups = [[reports[i] for i in c] for c in average_linkage(len(reports), scores, p.threshold)]
    fused = [reconcile(g, p, duplicates or {}) for g in groups]
    lineage = assign_ids(groups, fused, previous)
    fused.sort(key=lambda e: (e.date.start.isoformat() if e.date and e.date.start else "9999", e.id))
    return Fusion(fused, lineage, len(fresh), len(carried), seen, len(scores))


def fuse(events: Iterable[Event], settings: Any | None = None, *,
         duplicates: Mapping[str, str] | None = None) -> list[Event]:
    """Fuse per-article events into events; the result does not depend on input order."""
    return fuse_reports(events, settings, duplicates=duplicates).events


def fuse_into_store(store: Any, events: Iterable[Event], settings: Any | None = None, *,
                    article_ids: Iterable[str] = (), duplicates: Mapping[str, str] | None = None,
                    run_id: int | None = None) -> Fusion:
    """Fuse new per-article events with the stored events they may belong to, and write the result.

    Stored events dated near the new reports are the candidates; events whose ids
    are merged away are removed and their succession recorded (``event_lineage``),
    so ``store.successor(old_id)`` finds where an id went. ``article_ids``: the
    articles of this batch (also those that yielded no event now).
    """
    p = _params(settings)
    events = list(events)
    batch = set(article_ids) | {s.article_id for e in events for s in e.sources}
    days = [d for e in events if e.date is not None for d in (e.date.start, e.date.end) if d is not None]
    previous: list[Event] = []
    if days:
        pad = timedelta(days=p.fallback_days + p.week_slack + 31)  # a month-wide stored date starts early
        previous = store.events(start=min(days) - pad, end=max(days) + pad, reviewed=False)
    result = fuse_reports(events, p, previous=previous, duplicates=duplicates, reprocessed=batch)
    live = {e.id for e in result.events}
    retired = sorted({s.old_id for s in result.lineage} - live)
    store.replace_events_for_articles(sorted(batch), result.events)
    store.retire_events(retired)
    store.record_lineage(result.lineage, run_id=run_id)
    return result

"""Cross-article fusion: same-event accuracy on our labelled FA-KES groups, output/input ratio, scaling.

(a) pairwise precision/recall/F1 and B-cubed against dateline/data/fusion-gold.jsonl
(our labels of 40 (date, governorate) groups of the crowd labels); (b) fused events
per input report over the whole corpus; (c) fusion time and memory at 100, 300, 634
articles and a synthetic 10x made of re-dated copies. Extraction runs once and is
cached in a temporary JSONL, so the timings measure fusion only.
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import tempfile
import time
import tracemalloc
from datetime import timedelta
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..config import Settings
from ..model import Event
from .speed import shared_dir

__all__ = ["run", "render", "load_gold", "cached_reports", "pair_scores", "bcubed", "redate"]

Relation = Callable[[str, str], bool]


def load_gold() -> list[dict[str, Any]]:
    """The labelled groups (the ``_meta`` line is skipped)."""
    text = resources.files("dateline.data").joinpath("fusion-gold.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [r for r in rows if "group" in r]


# --------------------------------------------------------------------------- extraction, once


_EXTRACTION = ("clean", "nlp", "mentions", "events", "gazetteer", "ingest", "model.py", "pipeline.py", "data")


def _code_stamp(settings: Settings) -> str:
    """Changes whenever extraction could give other events (its code, data files or settings)."""
    pkg = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for name in _EXTRACTION:
        path = pkg / name
        for f in sorted(path.rglob("*") if path.is_dir() else [path]):
            if f.is_file() and f.suffix in (".py", ".tsv", ".json", ".txt"):
                h.update(f.read_bytes())
    h.update(json.dumps({k: v for k, v in settings.values.items() if not k.startswith(("fuse.", "run."))},
                        sort_keys=True, default=str).encode())
    return h.hexdigest()[:16]


def cached_reports(corpus: Path, settings: Settings, limit: int | None = None
                   ) -> tuple[list[Event], dict[str, str], list[str]]:
    """Per-article events of the corpus, its ``duplicate_of`` map and the processed article ids in
    corpus order, extracted once per code version."""
    stamp = hashlib.sha256(f"{corpus.resolve()}|{corpus.stat().st_size}|{limit}|{_code_stamp(settings)}".encode())
    cache = Path(tempfile.gettempdir()) / f"dateline-bench-fuse-{stamp.hexdigest()[:16]}.jsonl"
    if not cache.exists():
        from ..api import process
        from ..ingest import read_inputs
        from ..pipeline import Context

        items = read_inputs([corpus])
        if limit:
            items = (x for i, x in enumerate(items) if i < limit)
        articles, _ = process(items, Context(settings))
        tmp = cache.with_suffix(".part")
        with tmp.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"article_id": a.id, "duplicate_of": a.duplicate_of,
                                    "events": [e.to_dict() for e in a.events]}) + "\n")
        tmp.replace(cache)
    events: list[Event] = []
    duplicates: dict[str, str] = {}
    order: list[str] = []
    for line in cache.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        order.append(row["article_id"])
        events.extend(Event.from_dict(e) for e in row["events"])
        if row.get("duplicate_of"):
            duplicates[row["article_id"]] = row["duplicate_of"]
    return events, duplicates, order


# --------------------------------------------------------------------------- (a) accuracy


def pair_scores(groups: Sequence[dict[str, Any]], together: Relation) -> dict[str, float]:
    """Pairwise precision/recall/F1 over the article pairs inside each labelled group."""
    tp = fp = fn = 0
    for g in groups:
        labels = g["labels"]
        for a, b in combinations(sorted(labels), 2):
            gold, pred = labels[a] == labels[b], together(a, b)
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs_precision": round(p, 3), "pairs_recall": round(r, 3),
            "pairs_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def bcubed(groups: Sequence[dict[str, Any]], cluster_of: Callable[[str], str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 over the articles of the labelled groups, within each group."""
    ps, rs = [], []
    for g in groups:
        labels = g["labels"]
        if len(labels) < 2:
            continue
        for a in labels:
            pred = {b for b in labels if cluster_of(b) == cluster_of(a)}
            gold = {b for b in labels if labels[b] == labels[a]}
            ps.append(len(pred & gold) / len(pred))
            rs.append(len(pred & gold) / len(gold))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return {"bcubed_precision": round(p, 3), "bcubed_recall": round(r, 3),
            "bcubed_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _lead_keys(reports: Iterable[Event]) -> dict[str, tuple[str, int, int]]:
    """Each article's main report: its first current (not background) event, by sentence offset."""
    lead: dict[str, tuple[str, int, int]] = {}
    for e in reports:
        if e.background or not e.sources:
            continue
        s = min(e.sources, key=lambda s: (s.start, s.end))
        key = (s.article_id, s.start, s.end)
        if s.article_id not in lead or key < lead[s.article_id]:
            lead[s.article_id] = key
    return lead


def evaluate(reports: list[Event], fused: list[Event], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Map fused events to article pairs in two ways and score both (see docs/bench-fuse.md)."""
    current = [e for e in fused if not e.background]
    shared: set[tuple[str, str]] = set()
    holder: dict[tuple[str, int, int], str] = {}
    for e in current:
        arts = sorted({s.article_id for s in e.sources})
        shared.update(combinations(arts, 2))
        for s in e.sources:
            holder.setdefault((s.article_id, s.start, s.end), e.id)
    lead = _lead_keys(reports)

    def main(a: str) -> str:
        return holder.get(lead[a], f"alone:{a}") if a in lead else f"alone:{a}"

    pairs = [g for g in gold if len(g["labels"]) > 1]
    return {
        "groups": len(gold), "groups_with_pairs": len(pairs),
        "gold_pairs": sum(len(g["labels"]) * (len(g["labels"]) - 1) // 2 for g in pairs),
        "gold_positive_pairs": sum(1 for g in pairs for a, b in combinations(sorted(g["labels"]), 2)
                                   if g["labels"][a] == g["labels"][b]),
        "any_event": pair_scores(pairs, lambda a, b: (min(a, b), max(a, b)) in shared),
        "main_event": {**pair_scores(pairs, lambda a, b: main(a) == main(b)), **bcubed(pairs, main)},
    }


def first_cut(reports: Iterable[Event]) -> list[Event]:
    """The replaced first cut, as a baseline: greedy same_event merging inside (type, month) blocks."""
    from ..events.merge import merge_into, same_event

    blocks: dict[tuple[str, str, str], list[Event]] = {}
    out: list[Event] = []
    for ev in sorted((copy.deepcopy(e) for e in reports), key=lambda e: min(
            (s.article_id, s.start) for s in e.sources)):
        month = ev.date.start.isoformat()[:7] if ev.date and ev.date.start else ""
        block = blocks.setdefault((ev.event_type, ev.sub_event_type, month), [])
        target = next((k for k in block if same_event(k, ev)
                       and not {s.article_id for s in k.sources} & {s.article_id for s in ev.sources}), None)
        if target is None:
            block.append(ev)
            out.append(ev)
        else:
            merge_into(target, ev)
    return out


def _accuracy(reports: list[Event], fused: list[Event], gold: list[dict[str, Any]]) -> dict[str, Any]:
    pairs = [g for g in gold if len(g["labels"]) > 1]
    res = evaluate(reports, fused, gold)
    res["baselines"] = {
        "first_cut": evaluate(reports, first_cut(reports), gold)["main_event"],
        "each_article_alone": {**pair_scores(pairs, lambda a, b: False), **bcubed(pairs, lambda a: a)},
        "whole_group_together": {**pair_scores(pairs, lambda a, b: True), **bcubed(pairs, lambda a: "g")},
    }
    return res


# --------------------------------------------------------------------------- (b) ratio, (c) scaling


def _summary(reports: list[Event], fused: list[Event]) -> dict[str, Any]:
    multi = [e for e in fused if len({s.article_id for s in e.sources}) > 1]
    return {
        "input_reports": len(reports), "output_events": len(fused),
        "events_per_report": round(len(fused) / len(reports), 3) if reports else None,
        "current_reports": sum(not e.background for e in reports),
        "current_events": sum(not e.background for e in fused),
        "events_from_several_articles": len(multi),
        "events_with_several_independent_sources": sum((e.independent_sources or 1) > 1 for e in fused),
        "events_with_contradictions": sum(bool(e.contradictions) for e in fused),
        "largest_event_articles": max((len({s.article_id for s in e.sources}) for e in fused), default=0),
    }


def redate(reports: Sequence[Event], copies: int, shift_days: int = 4000) -> list[Event]:
    """The reports plus ``copies`` re-dated copies (new article ids, dates moved by k * shift_days),
    a synthetic corpus of the same density per day, so growth in time is only growth in size."""
    out = list(reports)
    for k in range(1, copies + 1):
        delta = timedelta(days=k * shift_days)

        def move(d: Any) -> Any:
            return d + delta if d is not None else None

        for e in reports:
            out.append(dataclasses.replace(
                e,
                date=dataclasses.replace(e.date, start=move(e.date.start), end=move(e.date.end)) if e.date else None,
                sources=[dataclasses.replace(s, article_id=f"{s.article_id}~{k}", published=move(s.published))
                         for s in e.sources],
                evidence={n: [dataclasses.replace(sp, article_id=f"{sp.article_id}~{k}") for sp in v]
                          for n, v in e.evidence.items()},
            ))
    return out


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


def _peak_mb(fn: Callable[[], Any]) -> float:
    """Peak Python memory of a call (tracemalloc slows the call, so it is timed separately)."""
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 1e6, 1)


def _scaling(reports: list[Event], order: list[str], settings: Settings, memory: bool = True
             ) -> list[dict[str, Any]]:
    """Fusion time (and peak memory) on growing prefixes of the corpus and on a 10x re-dated copy."""
    from ..fuse import fuse_reports

    sizes = [(n, f"first {n} articles") for n in (100, 300) if n < len(order)]
    sizes += [(len(order), f"all {len(order)} articles"), (-1, f"{len(order)} x 10 (re-dated copies)")]
    rows = []
    for n, label in sizes:
        keep = set(order[:n]) if n > 0 else set(order)
        subset = [e for e in reports if e.sources and e.sources[0].article_id in keep]
        if n < 0:
            subset = redate(subset, 9)
        _, base_s = _timed(lambda: [json.dumps(e.to_dict()) for e in subset])
        result, fuse_s = _timed(lambda: fuse_reports(subset, settings))
        rows.append({
            "corpus": label, "reports": len(subset), "events": len(result.events),
            "candidate_pairs": result.candidate_pairs, "fuse_s": round(fuse_s, 3),
            "us_per_report": round(1e6 * fuse_s / len(subset), 1),
            "serialize_s": round(base_s, 3), "ratio_to_serialize": round(fuse_s / base_s, 2) if base_s else None,
            "peak_mb": _peak_mb(lambda: fuse_reports(subset, settings)) if memory else None,
        })
    return rows


def run(settings: Settings, root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Bench protocol; ``root``: a corpus JSONL (default ../shared/corpus/fakes/articles.jsonl)."""
    from ..fuse import fuse

    shared = shared_dir()
    corpus = root or (shared / "corpus" / "fakes" / "articles.jsonl" if shared else None)
    if corpus is None or not corpus.exists():
        return {"skipped": "no corpus given and ../shared/corpus/fakes/articles.jsonl is absent"}
    t0 = time.perf_counter()
    reports, duplicates, order = cached_reports(corpus, settings, limit)
    extract_s = time.perf_counter() - t0
    fused = fuse(reports, settings, duplicates=duplicates)
    return {
        "corpus": str(corpus), "articles": len(order),
        "articles_with_events": len({s.article_id for e in reports for s in e.sources}),
        "extraction_or_cache_s": round(extract_s, 1),
        "settings": {k: v for k, v in settings.values.items() if k.startswith("fuse.")},
        "accuracy": _accuracy(reports, fused, load_gold()),
        "ratio": _summary(reports, fused),
        "scaling": _scaling(reports, order, settings),
    }


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(str(x) for x in r) + " |" for r in rows]
    return out


def render(result: dict[str, Any]) -> str:
    """Markdown tables (they go into docs/bench-fuse.md as they are)."""
    acc = result["accuracy"]
    cols = ("pairs_precision", "pairs_recall", "pairs_f1", "bcubed_precision", "bcubed_recall", "bcubed_f1")
    rows = [["dateline fuse, main event", *(acc["main_event"].get(c, "") for c in cols)],
            ["dateline fuse, any shared event", *(acc["any_event"].get(c, "") for c in cols)]]
    rows += [[f"baseline: {k.replace('_', ' ')}", *(v.get(c, "") for c in cols)] for k, v in acc["baselines"].items()]
    lines = [f"(a) same-event accuracy: {acc['groups_with_pairs']} labelled groups, {acc['gold_pairs']} article "
             f"pairs ({acc['gold_positive_pairs']} same-event)", ""]
    lines += _table(["method", "pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1"], rows)
    lines += ["", "(b) output events per input report (whole corpus)", ""]
    lines += _table(["measure", "value"], result["ratio"].items())
    lines += ["", "(c) fusion time and memory as the corpus grows", ""]
    sc = result["scaling"]
    keys = list(sc[0]) if sc else []
    lines += _table(keys, ([r[k] for k in keys] for r in sc))
    return "\n".join(lines)

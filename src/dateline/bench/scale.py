"""Scale-out: articles/s of the per-article stages with 1 worker and with N Dask worker processes, same run.

Runs :func:`dateline.api.process` (clean, near-duplicates, parse, mentions, events;
fusion and the store are left out, they run in the calling process whatever the
workers) over the same articles once in this process and once per worker count
given with ``--set scale.workers=N`` (default: 2 and the machine's cores, if more).
The calling process is warmed up first; the workers' start-up and their model and
gazetteer loads (once per worker and run) are timed, as a user's run pays them. The figure to compare across machines is the
speed-up, the ratio of articles/s to the one-process run of the same invocation;
it also checks that every configuration produced the same events.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from ..config import Settings
from ..model import Article
from ..pipeline import Context

__all__ = ["run", "render", "bench_scale"]


def _fresh(raw: list[Article]) -> list[Article]:
    return [Article(id=a.id, raw=a.raw, input_format=a.input_format, published=a.published, outlet=a.outlet,
                    title=a.title, url=a.url) for a in raw]


def _one(raw: list[Article], settings: Settings) -> tuple[float, list[str], int]:
    """Seconds for process() over ``raw`` (worker start-up and their model loads included), events, rejections."""
    from ..api import build_pipeline, process

    ctx = Context(settings.with_overrides({"scale.workers": 1}))
    process(iter(_fresh(raw[:2])), ctx, build_pipeline())  # this process's loads are not timed
    ctx.settings = settings
    t0 = time.perf_counter()
    articles, rejections = process(iter(_fresh(raw)), ctx, build_pipeline())
    seconds = time.perf_counter() - t0
    keys = sorted(f"{a.id}|{e.event_type}|{e.sub_event_type}|{e.date}" for a in articles for e in a.events)
    return seconds, keys, len(rejections)


def bench_scale(path: Path, settings: Settings, limit: int | None) -> dict[str, Any]:
    from ..ingest import read_inputs

    raw = [a for a in read_inputs([path]) if isinstance(a, Article)][: limit or 300]
    asked = int(settings["scale.workers"])
    counts = sorted({asked} if asked > 1 else {2, os.cpu_count() or 2})
    base = settings.with_overrides({"scale.workers": 1, "run.progress": False})
    secs1, keys1, rej1 = _one(raw, base)
    rows = [{"workers": 1, "seconds": round(secs1, 2), "articles_per_s": round(len(raw) / secs1, 2),
             "speedup": 1.0, "same_events": True}]
    for n in counts:
        secs, keys, rej = _one(raw, settings.with_overrides({"scale.workers": n, "run.progress": False}))
        rows.append({"workers": n, "seconds": round(secs, 2), "articles_per_s": round(len(raw) / secs, 2),
                     "speedup": round(secs1 / secs, 2), "same_events": keys == keys1 and rej == rej1})
    return {"articles": len(raw), "events": len(keys1), "cores": os.cpu_count(),
            "scheduler": settings["scale.scheduler"], "runs": rows}


def run(settings: Settings, root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Bench protocol: ``root`` is a corpus file or folder (default: the fakes corpus in ../shared)."""
    from .speed import default_corpus

    path = root or default_corpus()
    if path is None:
        return {"skipped": "no corpus given and ../shared/corpus/fakes/articles.jsonl is absent"}
    return bench_scale(Path(path), settings, limit)


def render(result: dict[str, Any]) -> str:
    lines = [f"{result['articles']} articles, {result['events']} article events, {result['cores']} cores, "
             f"scheduler {result['scheduler']}",
             f"{'workers':>7} {'seconds':>8} {'art/s':>7} {'speed-up':>8}  same events"]
    for r in result["runs"]:
        lines.append(f"{r['workers']:>7} {r['seconds']:>8} {r['articles_per_s']:>7} {r['speedup']:>8}  "
                     f"{'yes' if r['same_events'] else 'NO'}")
    return "\n".join(lines)

"""`dateline bench speed`: the whole pipeline against spaCy's own parse, same texts, same run.

The ratio (pipeline time / spaCy nlp.pipe time) is what to compare across
machines; absolute articles/s depend on the machine and its load.
"""
from __future__ import annotations

import time
import tracemalloc
from pathlib import Path
from typing import Any, Sequence

from ..config import Settings
from ..model import Article
from ..pipeline import Context

__all__ = ["bench_speed", "default_corpus"]


def default_corpus() -> Path | None:
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent.parent / "shared" / "corpus" / "fakes" / "articles.jsonl"
        if cand.exists():
            return cand
    return None


def bench_speed(paths: Sequence[str | Path], settings: Settings, limit: int = 200) -> dict[str, Any]:
    from ..api import build_pipeline, process
    from ..clean import CleanStage
    from ..ingest import read_inputs

    ctx = Context(settings)
    raw = [a for a in read_inputs(paths) if isinstance(a, Article)][:limit]
    # warm up: model, gazetteer, registry load outside the timings
    process(iter([Article(id="warmup", raw=raw[0].raw, input_format=raw[0].input_format)]), ctx)
    cleaned = []
    for a in raw:
        try:
            cleaned.append(CleanStage()(Article(id=a.id, raw=a.raw, input_format=a.input_format), ctx).text)
        except Exception:  # noqa: BLE001 - rejected articles are not parsed by either side
            continue
    nlp = ctx.nlp
    t0 = time.perf_counter()
    for _ in nlp.pipe(cleaned):
        pass
    spacy_s = time.perf_counter() - t0
    fresh = [Article(id=a.id, raw=a.raw, input_format=a.input_format, published=a.published, outlet=a.outlet)
             for a in raw]
    tracemalloc.start()
    t0 = time.perf_counter()
    articles, rejections = process(iter(fresh), ctx, build_pipeline())
    pipeline_s = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "articles": len(raw),
        "processed": len(articles),
        "rejected": len(rejections),
        "events": sum(len(a.events) for a in articles),
        "spacy_nlp_pipe_s": round(spacy_s, 3),
        "spacy_articles_per_s": round(len(cleaned) / spacy_s, 2) if spacy_s else None,
        "pipeline_s": round(pipeline_s, 3),
        "pipeline_articles_per_s": round(len(raw) / pipeline_s, 2) if pipeline_s else None,
        "ratio_pipeline_to_spacy": round(pipeline_s / spacy_s, 3) if spacy_s else None,
        "python_peak_mb_during_pipeline": round(peak / 1e6, 1),
        "model": getattr(nlp, "name", "?"),
    }

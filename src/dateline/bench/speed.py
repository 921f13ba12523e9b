"""Pipeline speed against spaCy's own nlp.pipe on the same cleaned texts, in the same run.

The ratio (pipeline time / spaCy nlp.pipe time) is what to compare across
machines; absolute articles/s depend on the machine and its load.
"""
from __future__ import annotations

import time
import resource
from pathlib import Path
from typing import Any, Sequence

from ..config import Settings
from ..model import Article
from ..pipeline import Context

__all__ = ["bench_speed", "default_corpus", "run", "render"]


def shared_dir() -> Path | None:
    """``../shared`` beside the checkout (or DATELINE_SHARED), where the evaluation data lives."""
    import os

    env = os.environ.get("DATELINE_SHARED")
    if env and Path(env).is_dir():
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        cand = parent.parent / "shared"
        if (cand / "eval").is_dir():
            return cand
    cand = Path.cwd().parent / "shared"
    return cand if (cand / "eval").is_dir() else None


def default_corpus() -> Path | None:
    shared = shared_dir()
    cand = shared / "corpus" / "fakes" / "articles.jsonl" if shared else None
    return cand if cand is not None and cand.exists() else None


def run(settings: Settings, root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Bench protocol: ``root`` is a corpus file or folder (default: the fakes corpus in ../shared)."""
    path = root or default_corpus()
    if path is None:
        return {"skipped": "no corpus given and ../shared/corpus/fakes/articles.jsonl is absent"}
    return bench_speed([path], settings, limit=limit or 10**9)


def render(result: dict[str, Any]) -> str:
    return "\n".join(f"{k:32} {v}" for k, v in result.items())


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
    t0 = time.perf_counter()
    pipeline = build_pipeline()
    articles, rejections = process(iter(fresh), ctx, pipeline)
    pipeline_s = time.perf_counter() - t0
    stages = {k: round(v, 3) for k, v in pipeline.seconds.items()}
    ours = stages.get("actors", 0.0) + stages.get("events", 0.0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
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
        "peak_rss_mb": round(peak_mb, 1),
        "stage_seconds": stages,
        "actors_plus_events_over_spacy_parse": round(ours / stages["nlp"], 3) if stages.get("nlp") else None,
        "parsed_once_as_near_duplicates": sum(1 for a in articles if a.duplicate_of),
        "model": getattr(nlp, "name", "?"),
    }

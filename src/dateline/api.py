"""The library API behind the CLI: one call per command.

>>> from dateline.api import run
>>> report = run(["news/"], out_dir="out")          # doctest: +SKIP
>>> report.events, report.rejected                   # doctest: +SKIP
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .config import Settings, load_settings
from .errors import DatelineError
from .model import Article, Event, Rejection
from .pipeline import Context, Pipeline, Stage

__all__ = ["RunReport", "default_stages", "build_pipeline", "process", "run", "export", "open_store", "open_db"]


def default_stages() -> list[Stage]:
    """ingest is the readers; then clean, nlp, mentions (places, times, actors), events."""
    from .clean import CleanStage
    from .events.build import EventStage
    from .mentions.actors import ActorStage
    from .mentions.places import PlaceStage
    from .mentions.times import TimeStage
    from .nlp.backend import NLPStage

    return [CleanStage(), NLPStage(), PlaceStage(), TimeStage(), ActorStage(), EventStage()]


def build_pipeline(stages: Sequence[Stage] | None = None) -> Pipeline:
    return Pipeline(list(stages) if stages is not None else default_stages())


@dataclass
class RunReport:
    """What a run did: read, processed, rejected (and why), events written, speed."""

    inputs: list[str] = field(default_factory=list)
    read: int = 0
    processed: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    article_events: int = 0
    events: int = 0
    background: int = 0
    seconds: float = 0.0
    outputs: dict[str, str] = field(default_factory=dict)
    event_list: list[Event] = field(default_factory=list, repr=False)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    @property
    def articles_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def reasons(self) -> dict[str, int]:
        return dict(Counter(r.reason for r in self.rejections).most_common())

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "read": self.read,
            "processed": self.processed,
            "rejected": self.rejected,
            "rejected_by_reason": self.reasons(),
            "rejections": [r.to_dict() for r in self.rejections],
            "article_events": self.article_events,
            "events": self.events,
            "background_events": self.background,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 2),
            "outputs": self.outputs,
        }


def process(
    items: Iterable[Article | Rejection],
    ctx: Context,
    pipeline: Pipeline | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> tuple[list[Article], list[Rejection]]:
    """Run the pipeline over articles (rejections from the readers pass through).

    Articles are taken in windows (``ingest.dedupe_window``): each window is cleaned,
    near-duplicates inside it are found before any parsing (syndicated wire copy is
    parsed once), the canonical articles go through the rest of the stages in batches of
    ``nlp.batch_size``, and every copy gets the canonical article's events with its own
    source (outlet, URL, date), so a fused event lists every outlet that ran the story.
    """
    from .scale import BatchRunner

    pipeline = pipeline or build_pipeline()
    first, rest = pipeline.stages[0], Pipeline(pipeline.stages[1:], provided=_after(pipeline.stages[:1]))
    articles: list[Article] = []
    rejections: list[Rejection] = []
    window: list[Article] = []
    size = max(1, int(ctx.settings["ingest.dedupe_window"]))
    cleaner = Pipeline([first])

    with BatchRunner(ctx.settings) as runner:

        def flush() -> None:
            cleaned = runner.run_batches(cleaner, _batches(window, ctx), ctx)
            rejections.extend(r for res in cleaned for r in res.rejections)
            good = [a for res in cleaned for a in res.articles]
            articles.extend(_run_deduplicated(good, ctx, rest, rejections, on_batch, runner))
            window.clear()

        for item in items:
            if isinstance(item, Rejection):
                rejections.append(item)
                if on_batch:
                    on_batch(1)
                continue
            window.append(item)
            if len(window) >= size:
                flush()
        if window:
            flush()
    for part in (cleaner, rest):
        for name, seconds in part.seconds.items():
            pipeline.seconds[name] = pipeline.seconds.get(name, 0.0) + seconds
    return articles, rejections


def _batches(articles: list[Article], ctx: Context) -> list[list[Article]]:
    size = max(1, int(ctx.settings["nlp.batch_size"]))
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _after(stages: Sequence[Stage]) -> tuple[str, ...]:
    from .pipeline import INGESTED

    return tuple(INGESTED) + tuple(a for st in stages for a in st.assigns)


def _run_deduplicated(cleaned: list[Article], ctx: Context, rest: Pipeline, rejections: list[Rejection],
                      on_batch: Callable[[int], None] | None, runner: Any) -> list[Article]:
    from .ingest.dedupe import find_near_duplicates

    threshold = float(ctx.settings["ingest.duplicate_threshold"])
    copies = find_near_duplicates(cleaned, threshold=threshold) if threshold < 1.0 else {}
    originals = [a for a in cleaned if a.id not in copies]
    done: dict[str, Article] = {}
    # the parse (doc) is dropped from each article: every span we keep is already in the layers
    for result in runner.run_batches(rest, _batches(originals, ctx), ctx, on_batch):
        rejections.extend(result.rejections)
        done.update((a.id, a) for a in result.articles)
    out = []
    for a in cleaned:
        if a.id in copies:
            original = done.get(copies[a.id])
            if original is None:
                continue  # its original was rejected downstream; the copy shares its fate
            out.append(_as_copy(a, original))
            if on_batch:
                on_batch(1)
        elif a.id in done:
            out.append(done[a.id])
    return out


def _locate(sentence: str, text: str) -> tuple[int, int]:
    """Where a sentence of the original stands in a copy: verbatim, else the most similar sentence."""
    import re

    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    words = set(re.findall(r"\w+", sentence.lower()))
    best, span = -1.0, (0, 0)
    for m in re.finditer(r"[^.!?\n]+[.!?]?", text):
        cand = set(re.findall(r"\w+", m.group().lower()))
        score = len(words & cand) / (len(words | cand) or 1)
        if score > best:
            lead = len(m.group()) - len(m.group().lstrip())
            best, span = score, (m.start() + lead, m.end())
    return span


def _as_copy(copy: Article, original: Article) -> Article:
    """A near-duplicate takes the original's events, each with a source of its own."""
    import dataclasses

    copy.duplicate_of = original.id
    copy.sentences = original.sentences
    copy.notes.append(f"near-duplicate of {original.id}: not parsed again")
    events = []
    for ev in original.events:
        # evidence spans stay on the original's text; each source points at the copy's own sentence
        clone = dataclasses.replace(ev, sources=[], evidence=dict(ev.evidence), notes=list(ev.notes))
        for src in ev.sources:
            start, end = _locate(src.sentence, copy.text)
            clone.sources.append(dataclasses.replace(
                src, article_id=copy.id, outlet=copy.outlet, url=copy.url, published=copy.published,
                sentence=copy.text[start:end], start=start, end=end))
        clone.id = ev.id + "-" + copy.id[:8]
        clone.notes.append(f"copied from near-duplicate {original.id}")
        events.append(clone)
    copy.events = events
    return copy


def open_store(out_dir: str | Path, settings: Settings) -> Any:
    from .store import Store

    url = settings["store.url"] or str(Path(out_dir) / "dateline.sqlite")
    return Store.open(url)


def run(
    paths: Sequence[str | Path],
    out_dir: str | Path = "out",
    *,
    settings: Settings | None = None,
    published: date | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    url: str | None = None,
    formats: Sequence[str] = ("jsonl", "csv", "geojson"),
    ctx: Context | None = None,
    progress: Callable[[int], None] | None = None,
) -> RunReport:
    """Read inputs, extract and fuse events, store them, and write the exports to ``out_dir``."""
    from .export import export_all
    from .fuse import fuse_into_store
    from .ingest import read_inputs

    settings = settings or load_settings()
    ctx = ctx or Context(settings)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = RunReport(inputs=[str(p) for p in paths])
    t0 = time.perf_counter()
    items = read_inputs(paths, published=published, outlet=outlet, article_id=article_id, url=url)
    counted = _Counting(items)
    articles, rejections = process(counted, ctx, on_batch=progress)
    report.read = counted.n
    report.processed = len(articles)
    report.rejections = rejections
    per_article = [e for a in articles for e in a.events]
    report.article_events = len(per_article)
    duplicates = {a.id: a.duplicate_of for a in articles if a.duplicate_of}
    with open_store(out, settings) as store:
        run_id = store.start_run(inputs=report.inputs, settings=dict(settings.values))
        store.upsert_articles(articles)
        store.record_rejections(rejections, run_id=run_id)
        # later articles join the events already stored; ids that merge away point to their successor
        events = fuse_into_store(store, per_article, settings, article_ids=[a.id for a in articles],
                                 duplicates=duplicates, run_id=run_id).events
        report.events = len(events)
        report.background = sum(e.background for e in events)
        stored = store.events()
        report.seconds = time.perf_counter() - t0
        store.finish_run(run_id, report.to_dict())
        report.outputs = {k: str(v) for k, v in export_all(stored, out, formats=formats).items()}
        report.outputs["database"] = str(store.url) if hasattr(store, "url") else str(out / "dateline.sqlite")
    report.event_list = events
    return report


def open_db(db: str | Path) -> Any:
    """An existing store (path or URL); a clear error rather than a new empty database."""
    from .store import Store

    if not str(db).startswith(("sqlite:", "postgresql:", "postgres:")) and not Path(db).exists():
        raise DatelineError(f"no database at {db}; run `dateline run ... --out DIR` first or pass --db")
    return Store.open(str(db))


def export(db: str | Path, out_dir: str | Path, formats: Sequence[str] = ("jsonl", "csv", "geojson"),
           **filters: Any) -> dict[str, Path]:
    """Write the events stored in ``db`` (a path or URL) to ``out_dir`` in the given formats."""
    from .export import export_all

    with open_db(db) as store:
        return export_all(store.events(**filters), Path(out_dir), formats=formats)


class _Counting:
    """Counts what the readers yield (articles and rejections) while passing it on."""

    def __init__(self, items: Iterable[Article | Rejection]) -> None:
        self.items = items
        self.n = 0

    def __iter__(self) -> Any:
        for item in self.items:
            self.n += 1
            yield item

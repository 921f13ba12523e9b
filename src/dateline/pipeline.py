"""The stage pipeline.

A stage is a small object with a ``name``, the article attributes it
``requires`` and the ones it ``assigns``, and a ``__call__(article, ctx)``.
A stage that is faster on many articles at once (the spaCy parse) may also
offer ``process_batch(articles, ctx)``. :class:`Pipeline` checks the order of
its stages when it is built, runs them over batches, and turns an exception
inside a stage into a recorded :class:`~dateline.model.Rejection` for that
article alone: a batch never dies on one bad article.
"""
from __future__ import annotations

import logging
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence, runtime_checkable

from .config import Settings, load_settings
from .errors import InputError, PipelineError
from .model import Article, Rejection

__all__ = ["Stage", "Context", "Pipeline", "StageResult", "INGESTED"]

log = logging.getLogger(__name__)

# What an article has when a reader hands it over.
INGESTED = ("id", "raw", "input_format", "source", "content_hash", "title", "outlet", "url", "published")


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article, ctx: "Context") -> Article: ...


class Context:
    """Settings plus the shared resources that stages use, built lazily once.

    Resources (the NLP backend, the gazetteer, the actor registry) are made by
    factories; tests pass ready objects (fakes behind the same protocol) in
    ``resources`` instead.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        resources: dict[str, Any] | None = None,
        factories: dict[str, Callable[["Context"], Any]] | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self._resources: dict[str, Any] = dict(resources or {})
        self._factories: dict[str, Callable[[Context], Any]] = dict(_default_factories())
        self._factories.update(factories or {})

    def resource(self, name: str) -> Any:
        if name not in self._resources:
            if name not in self._factories:
                raise PipelineError(f"no resource named {name!r}; known: {', '.join(sorted(self._factories))}")
            self._resources[name] = self._factories[name](self)
        return self._resources[name]

    def has(self, name: str) -> bool:
        return name in self._resources

    @property
    def nlp(self) -> Any:
        return self.resource("nlp")

    @property
    def gazetteer(self) -> Any:
        return self.resource("gazetteer")

    @property
    def actors(self) -> Any:
        return self.resource("actors")


def _default_factories() -> dict[str, Callable[[Context], Any]]:
    # Imported here so that importing the pipeline does not load models or data.
    def nlp(ctx: Context) -> Any:
        from .nlp.backend import SpacyBackend

        return SpacyBackend.from_settings(ctx.settings)

    def gazetteer(ctx: Context) -> Any:
        from .gazetteer import open_gazetteer

        return open_gazetteer(ctx.settings)

    def actors(ctx: Context) -> Any:
        from .mentions.actors import ActorRegistry

        return ActorRegistry.default()

    return {"nlp": nlp, "gazetteer": gazetteer, "actors": actors}


@dataclass
class StageResult:
    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(self, stages: Sequence[Stage], provided: Iterable[str] = INGESTED) -> None:
        have = set(provided)
        for stage in stages:
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage adds; "
                    f"stages so far: {[s.name for s in stages[: stages.index(stage)]]}"
                )
            have.update(stage.assigns)
        self.stages = list(stages)
        self.seconds: dict[str, float] = {s.name: 0.0 for s in self.stages}  # time spent per stage

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, articles: Sequence[Article], ctx: Context) -> StageResult:
        """Run every stage over one batch; failures become rejections."""
        result = StageResult()
        live = list(articles)
        for stage in self.stages:
            t0 = time.perf_counter()
            live = self._run_stage(stage, live, ctx, result.rejections)
            self.seconds[stage.name] += time.perf_counter() - t0
        result.articles = live
        return result

    def iter_batches(
        self, articles: Iterable[Article], ctx: Context, batch_size: int = 32
    ) -> Iterator[StageResult]:
        batch: list[Article] = []
        for a in articles:
            batch.append(a)
            if len(batch) >= batch_size:
                yield self.run(batch, ctx)
                batch = []
        if batch:
            yield self.run(batch, ctx)

    @staticmethod
    def _reject(article: Article, stage: Stage, exc: BaseException) -> Rejection:
        if isinstance(exc, InputError):
            return Rejection(article.source or article.id, exc.reason, exc.detail, article.id)
        log.debug("stage %s failed on %s:\n%s", stage.name, article.id, traceback.format_exc())
        return Rejection(
            article.source or article.id,
            "stage_error",
            f"{stage.name}: {type(exc).__name__}: {exc}",
            article.id,
        )

    def _run_stage(
        self, stage: Stage, articles: list[Article], ctx: Context, rejections: list[Rejection]
    ) -> list[Article]:
        batch_fn = getattr(stage, "process_batch", None)
        if batch_fn is not None and len(articles) > 1:
            try:
                out = list(batch_fn(articles, ctx))
                for a in out:
                    a.done.append(stage.name)
                return out
            except Exception:  # noqa: BLE001 - fall back to one at a time to find the bad article
                log.debug("batch %s failed; retrying one by one", stage.name, exc_info=True)
        out = []
        for a in articles:
            try:
                done = batch_fn([a], ctx)[0] if batch_fn is not None else stage(a, ctx)
            except Exception as exc:  # noqa: BLE001 - a bad article is a rejection, not a crash
                rejections.append(self._reject(a, stage, exc))
                continue
            done.done.append(stage.name)
            out.append(done)
        return out

"""Scale-out: the per-article stages on a Dask scheduler, the rest where it always ran.

Cleaning, parsing and the mention and event stages look at one article at a
time, so batches of articles can run anywhere; near-duplicate detection,
fusion and the store need the whole collection and stay in the calling
process. :class:`BatchRunner` hides the difference: ``run_batches`` gives the
same results, in the same order, whether the batches ran in this process
(``scale.workers = 1``, the default), in Dask worker processes on this
machine (``scale.scheduler = "processes"``) or on a Dask cluster
(``scale.scheduler = "tcp://host:8786"``, which needs the ``distributed``
package).

A worker builds its own :class:`~dateline.pipeline.Context` from the run's
settings once and keeps it for every batch it gets (spaCy and the gazetteer
load once per worker process, not once per batch). Articles travel without
their parse (``doc``): every span the later steps need is already in the
article's layers.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from .config import Settings
from .errors import ConfigError
from .model import Article, Rejection
from .pipeline import Context, Pipeline

__all__ = ["BatchRunner", "BatchResult", "LOCAL_SCHEDULERS"]

LOCAL_SCHEDULERS = ("processes", "threads", "synchronous")

# One Context per worker process and settings: resources load once, not per batch.
_WORKER_CONTEXTS: dict[str, Context] = {}


@dataclass
class BatchResult:
    """What one batch gave: the articles that went through, the rejections and the time per stage."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def _worker_context(values: dict[str, Any]) -> Context:
    key = json.dumps(values, sort_keys=True, default=str)
    ctx = _WORKER_CONTEXTS.get(key)
    if ctx is None:
        ctx = _WORKER_CONTEXTS[key] = Context(Settings(values))
    return ctx


def run_batch(pipeline: Pipeline, batch: list[Article], ctx: Context) -> BatchResult:
    """Run one batch through ``pipeline``; the parse is dropped from the articles that come back."""
    before = dict(pipeline.seconds)
    result = pipeline.run(batch, ctx)
    for a in result.articles:
        a.doc = None  # large, and not picklable cheaply; the layers keep every span we need
    spent = {k: v - before.get(k, 0.0) for k, v in pipeline.seconds.items()}
    return BatchResult(result.articles, result.rejections, spent)


def _remote_batch(pipeline: Pipeline, batch: list[Article], values: dict[str, Any]) -> BatchResult:
    """The task a Dask worker runs: its own context, the same stages."""
    return run_batch(pipeline, batch, _worker_context(values))


class BatchRunner:
    """Runs batches of articles through a pipeline, here or on Dask workers (see the module doc)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.workers = int(settings["scale.workers"])
        self.scheduler = str(settings["scale.scheduler"]).strip()
        self._pool: Any = None
        self._client: Any = None
        if self.workers < 1:
            raise ConfigError(f"scale.workers must be 1 or more, got {self.workers}")
        if self.scheduler not in LOCAL_SCHEDULERS and "://" not in self.scheduler:
            raise ConfigError(f"scale.scheduler must be one of {', '.join(LOCAL_SCHEDULERS)} or a Dask "
                              f"scheduler address such as tcp://host:8786, got {self.scheduler!r}")

    @property
    def distributed(self) -> bool:
        """True when batches leave this process."""
        return self.workers > 1 or "://" in self.scheduler

    def run_batches(self, pipeline: Pipeline, batches: Sequence[list[Article]], ctx: Context,
                    on_done: Callable[[int], None] | None = None) -> list[BatchResult]:
        """Results in the order of ``batches``; ``pipeline.seconds`` gains the time spent in every batch."""
        if not self.distributed or len(batches) <= 1:
            out = []
            for batch in batches:
                out.append(run_batch(pipeline, batch, ctx))
                if on_done:
                    on_done(len(batch))
            return out
        results = self._dask(pipeline, batches)
        for batch, res in zip(batches, results):
            for name, secs in res.seconds.items():
                pipeline.seconds[name] = pipeline.seconds.get(name, 0.0) + secs
            if on_done:
                on_done(len(batch))
        return results

    def _dask(self, pipeline: Pipeline, batches: Sequence[list[Article]]) -> list[BatchResult]:
        import dask

        values = dict(self.settings.values)
        tasks = [dask.delayed(_remote_batch, pure=False)(pipeline, batch, values) for batch in batches]
        if "://" in self.scheduler:
            return list(self._cluster().compute(tasks, sync=True))
        if self.scheduler == "processes":  # one pool for the whole run: workers keep their loaded models
            return list(dask.compute(*tasks, scheduler="processes", pool=self._process_pool()))
        return list(dask.compute(*tasks, scheduler=self.scheduler, num_workers=self.workers))

    def _cluster(self) -> Any:
        """One connection to the Dask scheduler for the whole run, like the process pool."""
        if self._client is None:
            try:
                from dask.distributed import Client
            except ImportError:
                raise ConfigError("a Dask scheduler address needs the 'distributed' package "
                                  "(pip install distributed)") from None
            self._client = Client(self.scheduler)
        return self._client

    def _process_pool(self) -> Any:
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            from dask.multiprocessing import get_context

            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context())
        return self._pool

    def close(self) -> None:
        """Stop the worker processes and close the scheduler connection, if any were started."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> "BatchRunner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

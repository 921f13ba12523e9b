"""Watching folders: every new or changed file is processed once, into the same store and exports.

A newsroom or a scraper drops articles (text, HTML, JSONL, feeds, WARC) into a
folder as it finds them. :func:`watch` looks at the folder every ``interval``
seconds, runs :func:`dateline.api.run` on the files it has not seen (or that
changed since), and so fuses each new report into the events already stored;
the exports are rewritten after every cycle that read something. What was seen
is kept in ``OUT/.dateline-watch.json`` (path -> modification time and size), so
a watcher that is stopped and started again does not read old files twice. A
file modified in the last ``settle`` seconds is left for the next cycle: it may
still be being written.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from .api import RunReport, run
from .config import Settings, load_settings
from .ingest import iter_files
from .pipeline import Context

__all__ = ["watch", "pending_files", "STATE_FILE"]

STATE_FILE = ".dateline-watch.json"


@dataclass
class Cycle:
    """One look at the folders: which files were new, and the run's report when there were any."""

    number: int
    files: list[str]
    report: RunReport | None


def _load_state(out: Path) -> dict[str, list[int]]:
    path = out / STATE_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged state file: read everything again; the store makes that harmless
    return data if isinstance(data, dict) else {}


def _save_state(out: Path, state: dict[str, list[int]]) -> None:
    tmp = out / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(state, sort_keys=True), encoding="utf-8")
    tmp.replace(out / STATE_FILE)  # atomic: a crash never leaves half a state file


def pending_files(paths: Sequence[str | Path], state: dict[str, list[int]], settle: float = 1.0,
                  now: float | None = None) -> list[tuple[str, list[int]]]:
    """Files under ``paths`` that are new or changed since ``state``, and settled (not being written)."""
    now = time.time() if now is None else now
    out = []
    for f in iter_files(paths):
        try:
            st = f.stat()
        except OSError:
            continue  # vanished between listing and looking
        stamp = [st.st_mtime_ns, st.st_size]
        if state.get(str(f)) != stamp and now - st.st_mtime >= settle:
            out.append((str(f), stamp))
    return out


def watch(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    settings: Settings | None = None,
    interval: float = 60.0,
    settle: float = 1.0,
    cycles: int | None = None,
    on_cycle: Callable[[Cycle], None] | None = None,
    sleep: Callable[[float], Any] = time.sleep,
) -> Iterator[Cycle]:
    """Look at ``paths`` every ``interval`` seconds (``cycles`` times, or for ever); yield each cycle.

    The spaCy model and the gazetteer are loaded once for the whole watch.
    """
    settings = settings or load_settings()
    ctx = Context(settings)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    state = _load_state(out)
    n = 0
    while cycles is None or n < cycles:
        n += 1
        found = pending_files(paths, state, settle)
        report = run([f for f, _ in found], out, settings=settings, ctx=ctx) if found else None
        if found:
            state.update(dict(found))
            _save_state(out, state)
        cycle = Cycle(n, [f for f, _ in found], report)
        if on_cycle:
            on_cycle(cycle)
        yield cycle
        if cycles is None or n < cycles:
            sleep(interval)

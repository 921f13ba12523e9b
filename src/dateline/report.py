"""How a run looks in the terminal: a progress bar while it works, a summary after."""
from __future__ import annotations

import contextlib
import sys
from typing import Any, Callable, Iterator

from rich.console import Console
from rich.table import Table

__all__ = ["print_report", "progress_bar"]


@contextlib.contextmanager
def progress_bar(enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """Yield an ``advance(n)`` callback; shows a live count on a terminal, nothing otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("run", total=None)
        yield lambda n: progress.advance(task, n)


def _actor(a: Any) -> str:
    return a.name if a is not None else ""


def print_report(report: Any, show: int = 10, console: Console | None = None) -> None:
    # piped output gets a wide fixed width rather than rich's 80 columns
    console = console or (Console() if sys.stdout.isatty() else Console(width=150))
    console.print(
        f"[bold]read[/] {report.read}  [bold]processed[/] {report.processed}  "
        f"[bold]rejected[/] {report.rejected}  [bold]events[/] {report.events} "
        f"({report.background} background, from {report.article_events} reports)  "
        f"[dim]{report.seconds:.1f} s, {report.articles_per_second:.1f} articles/s[/]"
    )
    if report.rejections:
        table = Table(title="rejected", show_lines=False)
        for col in ("input", "reason", "detail"):
            table.add_column(col)
        for r in report.rejections[:20]:
            table.add_row(r.source, r.reason, r.detail[:80])
        if report.rejected > 20:
            table.add_row("...", f"{report.rejected - 20} more", "")
        console.print(table)
    events = sorted((e for e in report.event_list if not e.background),
                    key=lambda e: (-len(e.sources), -(e.confidence or 0)))[:show]
    if events:
        table = Table(title=f"{len(events)} current events, most reported first")
        for col in ("date", "sub-event type", "actor1", "actor2", "location", "deaths", "sources"):
            table.add_column(col)
        for e in events:
            table.add_row(
                e.date.start.isoformat() if e.date and e.date.start else "",
                e.sub_event_type,
                _actor(e.actor1),
                _actor(e.actor2),
                (e.location.name or "") if e.location else "",
                "" if e.fatalities.best is None else str(e.fatalities.best),
                str(len({s.article_id for s in e.sources})),  # articles, not sentences
            )
        console.print(table)
    for name, path in report.outputs.items():
        console.print(f"[dim]{name}:[/] {path}")

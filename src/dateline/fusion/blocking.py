"""Candidate pairs without comparing every report with every other.

Reports are blocked by type family and by the days they may have happened on
(a window that widens with the date's imprecision); a sweep over the windows,
sorted by their first day, yields exactly the pairs whose windows overlap, so
the work grows with the number of reports times the reports active on the same
days, not with the square of the corpus. Undated reports have no window and are
never paired: nothing ties them to another article's event.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator, Sequence

from .reports import Report

__all__ = ["candidate_pairs"]


def candidate_pairs(reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of reports in one family whose date windows overlap and that come
    from different articles (events of one article were already merged or kept apart by it)."""
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        if r.window is not None:
            by_family[r.family].append(i)
    for fam in sorted(by_family):
        members = sorted(by_family[fam], key=lambda i: (reports[i].window[0], reports[i].key))  # type: ignore[index]
        active: list[int] = []
        for j in members:
            lo = reports[j].window[0]  # type: ignore[index]
            active = [i for i in active if reports[i].window[1] >= lo]  # type: ignore[index]
            for i in active:
                if not (reports[i].articles & reports[j].articles):
                    yield (i, j) if i < j else (j, i)
            active.append(j)

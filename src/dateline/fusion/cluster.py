"""Grouping reports into events without transitive chains.

Average linkage with a veto: two groups merge when the mean similarity over all
their cross pairs reaches the threshold and every cross pair is a candidate that
no field vetoes. So a chain A~B~C, where A and C were never candidates or
disagree, can never put A and C in one event, and one strong pair cannot drag in
a group that is weakly tied to the rest. Only candidate pairs are stored, so the
work is near-linear in the reports when blocks stay small. Ties break on the
reports' canonical keys, so the result does not depend on input order.
"""
from __future__ import annotations

import heapq
from typing import Mapping

__all__ = ["average_linkage"]


def average_linkage(n: int, scores: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Clusters of ``range(n)`` (nodes numbered in canonical order).

    ``scores[(i, j)]`` (i < j) is the similarity of a compatible pair; a missing
    pair is incompatible. Returns the clusters, each sorted, ordered by first member.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    links: dict[int, dict[int, tuple[float, int]]] = {i: {} for i in range(n)}
    for (i, j), s in scores.items():
        links[i][j] = (s, 1)
        links[j][i] = (s, 1)
    heap: list[tuple[float, int, int]] = []

    def push(x: int, y: int) -> None:
        total, count = links[x][y]
        if count == len(members[x]) * len(members[y]) and total / count >= threshold:
            a, b = (x, y) if members[x][0] < members[y][0] else (y, x)
            heapq.heappush(heap, (-total / count, members[a][0], members[b][0], a, b))

    for (i, j) in sorted(scores):
        push(i, j)
    next_id = n
    while heap:
        neg, _, _, x, y = heapq.heappop(heap)
        if x not in members or y not in members:
            continue  # one side was merged away since this entry was pushed
        c = next_id
        next_id += 1
        members[c] = sorted(members.pop(x) + members.pop(y))
        lx, ly = links.pop(x), links.pop(y)
        links[c] = {}
        for z in sorted((set(lx) | set(ly)) - {x, y}):
            sx, cx = lx.get(z, (0.0, 0))
            sy, cy = ly.get(z, (0.0, 0))
            links[c][z] = links[z][c] = (sx + sy, cx + cy)
            links[z].pop(x, None)
            links[z].pop(y, None)
            push(c, z)
    return sorted(members.values(), key=lambda m: m[0])

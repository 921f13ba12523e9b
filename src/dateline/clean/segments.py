"""Cleaned text that keeps its way back to the raw input.

Every span the pipeline produces points into the cleaned text; analysts want to
see the evidence in the page as it was read. So the cleaned text is built from
pieces of the source copied verbatim, and each verbatim stretch is recorded as a
segment ``(clean_start, raw_start, length)`` with
``text[clean_start:clean_start+length] == raw[raw_start:raw_start+length]``.
Whitespace that normalisation rewrites (non-breaking spaces, runs of spaces,
line breaks) is never inside a segment, so the equality is exact.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from ..model import Article

__all__ = ["INVISIBLE", "Piece", "assemble", "normalize_ws", "to_raw_offset", "map_segments"]

# Whitespace as Python knows it plus the invisible joiners scraped pages carry.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_WS_RUN = re.compile(rf"[\s{INVISIBLE}]+")
# The runs normalisation rewrites: all but a lone plain space, which stays as it is.
_WS_REWRITE = re.compile(rf"[\s{INVISIBLE}]{{2,}}|[^\S ]|[{INVISIBLE}]")


@dataclass(frozen=True)
class Piece:
    """A stretch ``source[start:end]`` kept by cleaning; ``paragraph`` starts a new paragraph."""

    start: int
    end: int
    paragraph: bool = True


def normalize_ws(s: str) -> str:
    """Collapse whitespace the way :func:`assemble` does (for comparing lines)."""
    if not any(c in s for c in INVISIBLE):
        return " ".join(s.split())  # the same result, much faster
    return _WS_RUN.sub(lambda m: _replacement(m.group()), s).strip()


def _only_invisible(run: str) -> bool:
    return all(c in INVISIBLE for c in run)


def _replacement(run: str) -> str:
    # A run made only of zero-width characters joins the words around it.
    return "" if _only_invisible(run) else " "


def assemble(source: str, pieces: Sequence[Piece]) -> tuple[str, list[tuple[int, int, int]]]:
    """Join the kept pieces into cleaned text and its segments into ``source``.

    Pieces are joined by a blank line when they start a paragraph and by one
    space otherwise; inside a piece every whitespace run other than a plain
    single space becomes one space (or nothing, for zero-width characters).
    """
    out: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for piece in pieces:
        start, end = _strip_range(source, piece.start, piece.end)
        if start >= end:
            continue
        if out:
            sep = "\n\n" if piece.paragraph else " "
            out.append(sep)
            pos += len(sep)
        cursor = start
        for m in _WS_REWRITE.finditer(source, start, end):
            if m.start() > cursor:
                segments.append((pos, cursor, m.start() - cursor))
                out.append(source[cursor : m.start()])
                pos += m.start() - cursor
            rep = _replacement(m.group())
            out.append(rep)
            pos += len(rep)
            cursor = m.end()
        if end > cursor:
            segments.append((pos, cursor, end - cursor))
            out.append(source[cursor:end])
            pos += end - cursor
    return "".join(out), segments


def _strip_range(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (source[start].isspace() or source[start] in INVISIBLE):
        start += 1
    while end > start and (source[end - 1].isspace() or source[end - 1] in INVISIBLE):
        end -= 1
    return start, end


def map_segments(
    segments: Sequence[tuple[int, int, int]], source: str, raw: str
) -> list[tuple[int, int, int]]:
    """Re-point segments from an intermediate ``source`` (extracted HTML text) into ``raw``.

    Each segment's text is looked up in ``raw`` from where the previous one was
    found; text that does not occur verbatim (entities, markup inside words) has
    no segment, and offsets there fall back to the nearest mapped neighbour.
    """
    out: list[tuple[int, int, int]] = []
    cursor = 0
    for clean_start, src_start, length in segments:
        piece = source[src_start : src_start + length]
        found = raw.find(piece, cursor)
        if found < 0:
            continue
        out.append((clean_start, found, length))
        cursor = found + length
    return out


def to_raw_offset(article: Article, clean_offset: int) -> int | None:
    """The offset in ``article.raw`` that ``article.text[clean_offset]`` came from.

    Inside a segment the answer is exact. An offset on inserted whitespace (a
    paragraph break, a normalised space) maps to the end of the segment before
    it. None when the article has no segments (nothing could be mapped).
    """
    segs = article.segments
    if not segs:
        return None
    starts = [s[0] for s in segs]
    i = bisect.bisect_right(starts, clean_offset) - 1
    if i < 0:
        return segs[0][1]
    clean_start, raw_start, length = segs[i]
    if clean_offset < clean_start + length:
        return raw_start + (clean_offset - clean_start)
    return raw_start + length

"""Cleaning scraped plain text with line rules, keeping offsets to the source.

A scraped page arrives as lines: a headline, maybe a caption, the story, then a
byline, share buttons, related headlines and a comment form. We classify each
line (see :mod:`.rules`), take metadata out of the lines that carry it (title,
byline, source, captions, date stamp, dateline) and keep the story lines as
verbatim pieces of the source, so every cleaned offset maps back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .rules import (
    LineInfo,
    boilerplate_reason,
    byline_of,
    is_caption,
    is_headline,
    is_paragraph,
    section_marker,
    source_of,
)
from .segments import INVISIBLE, Piece, assemble, normalize_ws
from .stamps import match_date_stamp, match_dateline

__all__ = ["Cleaned", "clean_plain", "split_lines"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_JOINS_NEXT = re.compile(r"[.!?…:;'\"’”)\]]$")


@dataclass
class Cleaned:
    """What cleaning found: body text with segments into its source, and metadata."""

    text: str = ""
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    agency: str | None = None
    captions: list[str] = field(default_factory=list)
    published: date | None = None  # from a date stamp in the text
    sources: list[str] = field(default_factory=list)


@dataclass
class _Line:
    start: int
    end: int
    info: LineInfo
    block_start: bool  # a blank line (or the start) comes before it
    reason: str | None = None  # why it was removed; None = kept


def split_lines(source: str) -> list[_Line]:
    """Non-blank lines with their offsets; blank lines only mark block starts."""
    lines: list[_Line] = []
    pos = 0
    blank_before = True
    for m in [*_LINE_BREAK.finditer(source), None]:
        end = m.start() if m else len(source)
        text = normalize_ws(source[pos:end])
        if text:
            lines.append(_Line(pos, end, LineInfo(text, len(text.split())), blank_before))
            blank_before = False
        else:
            blank_before = True
        if m is None:
            break
        pos = m.end()
    return lines


def clean_plain(source: str, *, title: str | None = None, outlet: str | None = None) -> Cleaned:
    """Clean scraped text. ``title`` and ``outlet`` are what the input already says."""
    out = Cleaned()
    lines = split_lines(source)
    _classify(lines, out)
    _remove_names(lines, {n for n in (outlet, *out.sources) if n}, "outlet_name")
    out.title = _find_title(lines, title)
    pieces = _pieces(lines, source, out)
    for ln in lines:
        if ln.reason:
            out.removed.append((ln.info.text, ln.reason))
    out.text, out.segments = assemble(source, pieces)
    return out


def _classify(lines: list[_Line], out: Cleaned) -> None:
    """First pass: every rule that needs only the line itself and the block it is in."""
    mode: str | None = None  # inside a "related" list or the "comments" section
    seen_body = False
    for ln in lines:
        info = ln.info
        marker = section_marker(info)
        if mode == "comments" or (marker == "comments" and seen_body):
            mode, ln.reason = "comments", "comments"
            continue
        if marker:
            mode = "related" if marker == "related" else mode
            ln.reason = marker
            continue
        # a date in a "Related" list belongs to another story, never to this one
        ln.reason = _line_reason(info, out, seen_body or mode == "related")
        if ln.reason:
            continue
        if mode == "related":
            if not is_paragraph(info):
                ln.reason = "related"
                continue
            mode = None
        seen_body = seen_body or is_paragraph(info)


def _line_reason(info: LineInfo, out: Cleaned, seen_body: bool) -> str | None:
    """Why one line is not story (recording what it tells on the way), or None."""
    reason = _stamp_line(info, out, seen_body) or boilerplate_reason(info)
    if reason:
        return reason
    who, credit = byline_of(info)
    if credit:
        out.byline = out.byline or who
        return "byline"
    src = source_of(info)
    if src:
        out.sources.append(src)
        return "source"
    if is_caption(info):
        out.captions.append(info.text)
        return "caption"
    return None


def _stamp_line(info: LineInfo, out: Cleaned, seen_body: bool) -> str | None:
    """A line that is a date stamp, alone or with a short credit ("February 19, 2018 | Lake Chad Monitor")."""
    stamp = match_date_stamp(info.text)
    if not stamp:
        return None
    rest = info.text[stamp.end :].strip(" |-–—:,\t")
    if rest and (len(rest.split()) > 6 or rest.endswith((".", "!", "?"))):
        return None
    if not seen_body and out.published is None:
        out.published = stamp.value
    if rest:
        out.sources.append(rest)
    return "date_stamp"


def _key(s: str) -> str:
    return normalize_ws(s).casefold().strip(" .:|")


def _remove_names(lines: list[_Line], names: set[str], reason: str) -> None:
    """A line that is nothing but the outlet's (or quoted source's) name is a logo or a label."""
    keys = {_key(n) for n in names} | {_key(re.sub(r"^the\s+", "", n, flags=re.I)) for n in names}
    keys.discard("")
    for ln in lines:
        if ln.reason is None and _key(ln.info.text) in keys:
            ln.reason = reason


def _find_title(lines: list[_Line], given: str | None) -> str | None:
    """The title: as given, or the first kept line when it is a headline; its repeats are removed.

    A line that is the headline again, wherever it stands (above the story, or again at
    the foot of the page in a "related" or "more on this" box), is never story text.
    Removing every such line, not only those before the first paragraph, also keeps the
    cleaning idempotent: what counts as the first paragraph changes once a date stamp or
    dateline is taken off it.
    """
    kept = [ln for ln in lines if ln.reason is None]
    title = given
    if title is None and len(kept) > 1:
        first = kept[0]
        if is_headline(first.info) and not match_dateline(first.info.text) and not match_date_stamp(first.info.text):
            title = first.info.text
    if title is None:
        return None
    key = _key(title)
    for ln in kept:
        if _key(ln.info.text) == key:
            ln.reason = "title"
    return title


def _title_prefix(title: str) -> re.Pattern[str]:
    """The title as the start of a line ("Headline. Story ..."), also without " | Outlet"."""
    variants = {title, re.split(r"\s+[|–—]\s+|\s+-\s+", title)[0]}
    alts = ["\\s+".join(re.escape(w) for w in v.split()) for v in sorted(variants, key=len, reverse=True) if v.split()]
    return re.compile(rf"(?:{'|'.join(alts)})\s*[.:|–—\-]?(?=\s|$)", re.IGNORECASE)


def _strip_lead(source: str, start: int, end: int, out: Cleaned) -> int:
    """Take date stamps, a repeated title and a dateline off the first body line."""
    title_rx = _title_prefix(out.title) if out.title else None
    for _ in range(6):
        while start < end and (source[start].isspace() or source[start] in INVISIBLE):
            start += 1
        line = source[start:end]
        stamp = match_date_stamp(line)
        if stamp:
            out.published = out.published or stamp.value
            out.removed.append((normalize_ws(line[: stamp.end]), "date_stamp"))
            start += stamp.end
            continue
        m = title_rx.match(line) if title_rx else None
        if m and line[m.end() :].strip():
            out.removed.append((normalize_ws(m.group()), "title"))
            start += m.end()
            continue
        dl = match_dateline(line) if out.dateline is None else None
        if dl:
            out.dateline, out.agency = dl.place, dl.agency
            out.removed.append((normalize_ws(line[: dl.end]), "dateline"))
            start += dl.end
            continue
        break
    return start


def _pieces(lines: list[_Line], source: str, out: Cleaned) -> list[Piece]:
    """Kept lines as pieces: a new paragraph after a blank line or a finished sentence."""
    pieces: list[Piece] = []
    prev: _Line | None = None
    for ln in lines:
        if ln.reason is not None:
            prev = None
            continue
        start = ln.start
        if not pieces:
            start = _strip_lead(source, ln.start, ln.end, out)
            rest = normalize_ws(source[start : ln.end])
            # what a stamp or dateline hid may itself be furniture ("HOMS – Share this")
            ln.reason = "metadata" if not rest else _line_reason(LineInfo(rest, len(rest.split())), out, False)
            if ln.reason:
                continue
        joins = prev is not None and not ln.block_start and not _JOINS_NEXT.search(prev.info.text)
        pieces.append(Piece(start, ln.end, paragraph=not joins))
        prev = ln
    return pieces

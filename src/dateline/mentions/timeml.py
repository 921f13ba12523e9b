"""TimeML's conventions for time expressions, kept apart from the pipeline's own rules.

Two things live here. First, *discourse anchoring*: "the quarter" and "the
year-earlier period" refer to the quarter the text last named, not to the
publication date (both configurations use it). With ``timeml=True`` "a year
earlier" also takes the granularity of the period being compared ("third-quarter
profit rose from $5 million a year earlier" is the third quarter of last year),
as TimeML annotators write it; the pipeline keeps the year. Second, writing our
answers as TIMEX3 values, the reference words (``PRESENT_REF``) included.
"""
from __future__ import annotations

import re

from ..model import DateRange
from . import timex as tx
from .time_rules import REF_VALUES
from .timeml_rules import TIMEX_TYPES, clock_names_a_day, part_of_day, timex_string

__all__ = ["anchor_in_discourse", "timeml_value", "timex_type", "QUARTER_RULES"]

Found = tuple[int, int, "DateRange | None", str]

QUARTER_RULES = ("quarter", "quarter_year", "quarter_ref")
# How far back a named quarter stays the one under discussion (a paragraph or two).
_QUARTER_REACH = 600
_YEAR_BACK = re.compile(r"(?i:year[-\s](?:earlier|ago)|prior[-\s]year)")
_CURRENT = re.compile(r"(?i:\b(?:this|current)\b)")
_YEARS = re.compile(r"(?i:(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+years?)")


def _quarter_of(value: DateRange | None) -> tuple[int, int] | None:
    """(year, quarter) when ``value`` is exactly a calendar quarter."""
    if value is None or value.start is None or value.end is None:
        return None
    q = (value.start.month - 1) // 3 + 1
    return (value.start.year, q) if tx.quarter_range(value.start.year, q) == value else None


def _years_back(text: str) -> int:
    m = _YEARS.search(text)
    if not m:
        return 1
    raw = m.group(1).lower()
    return int(raw) if raw.isdigit() else tx.NUMBER_WORDS[raw]


def anchor_in_discourse(text: str, spans: list[Found], timeml: bool = False) -> list[Found]:
    """Resolve "the quarter" (and, with ``timeml``, "a year ago" in a story about a quarter) against the last quarter named.

    A quarter named within :data:`_QUARTER_REACH` characters before the expression
    is the one under discussion; without one, the resolvers' defaults stand.
    """
    out: list[Found] = []
    last: tuple[int, tuple[int, int]] | None = None  # (end offset, (year, quarter))
    for start, end, value, rule in spans:
        near = last[1] if last is not None and start - last[0] <= _QUARTER_REACH else None
        piece = text[start:end]
        if rule == "quarter_ref" and near is not None and not _CURRENT.search(piece):
            year = near[0] - (1 if _YEAR_BACK.search(piece) else 0)
            value = tx.quarter_range(year, near[1])
        elif rule == "years_ago" and timeml and near is not None:
            value = tx.quarter_range(near[0] - _years_back(piece), near[1])
        quarter = _quarter_of(value) if rule in QUARTER_RULES else None
        if quarter is not None and not (rule == "quarter_ref" and _YEAR_BACK.search(piece)):
            last = (end, quarter)
        out.append((start, end, value, rule))
    return _clock_days(text, out) if timeml else out


_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[A-Z\"'‘“(])|\n\s*\n")
_DAY_RULES = ("weekday", "today", "yesterday", "tomorrow", "month_day", "day_month", "month_day_year",
              "day_month_year", "iso", "numeric", "ordinal_day", "day_before", "day_after", "days_ago")


def _clock_days(text: str, spans: list[Found]) -> list[Found]:
    """A clock time with no day of its own falls on the day its sentence names ("On Friday ... at 10:35 a.m.").

    The day named before it in the sentence is preferred, then one after it;
    without either, the publication day the resolver gave stands.
    """
    out = list(spans)
    for i, (start, end, value, rule) in enumerate(spans):
        if rule != "clock" or clock_names_a_day(text[start:end]):
            continue
        lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
        after = _SENTENCE_END.search(text, end, end + 300)
        hi = after.start() if after else end + 300
        days = [s for s in spans if s[3] in _DAY_RULES and s[2] is not None and s[2].start == s[2].end and lo <= s[0] and s[1] <= hi]
        before = [s for s in days if s[1] <= start]
        pick = before[-1] if before else next((s for s in days if s[0] >= end), None)
        if pick is not None:
            out[i] = (start, end, pick[2], rule)
    return out


def timeml_value(text: str, start: int, end: int, value: DateRange | None, rule: str) -> str | None:
    """Our answer as a TIMEX3 DATE value string, as TimeML writes it.

    Reference words get their token (``PAST_REF``); durations, sets and clock
    times are written from their words (:func:`timex_string`); anything else is
    :func:`~dateline.mentions.timex.to_timeml_value` of the range. A part of the
    day ("Friday night", "this morning") adds TimeML's suffix (``TNI``,
    ``TMO``): TimeBank writes it so more often than not, and always when it
    types the expression a TIME.
    """
    if rule in REF_VALUES:
        return REF_VALUES[rule]
    piece = text[start:end]
    if rule in TIMEX_TYPES:
        return timex_string(piece, value, rule)
    day = tx.to_timeml_value(value)
    part = part_of_day(piece) if rule in _PART_RULES else None
    return f"{day}T{part}" if part and day is not None and len(day) == 10 else day


# DATE rules whose span may carry a part of the day ("Tuesday morning", "tonight", "last night").
_PART_RULES = ("weekday", "today", "yesterday", "tomorrow")


def timex_type(piece: str, rule: str) -> str:
    """TimeML's TIMEX3 type of a span we found: DURATION, SET, TIME (a clock or a part of a day), else DATE."""
    if rule in TIMEX_TYPES:
        return TIMEX_TYPES[rule]
    return "TIME" if rule in _PART_RULES and part_of_day(piece) else "DATE"

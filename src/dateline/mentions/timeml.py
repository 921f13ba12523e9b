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

__all__ = ["anchor_in_discourse", "timeml_value", "QUARTER_RULES"]

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
    return out


def timeml_value(text: str, start: int, end: int, value: DateRange | None, rule: str) -> str | None:
    """Our answer as a TIMEX3 DATE value string, as TimeML writes it.

    Reference words get their token (``PAST_REF``); anything else is
    :func:`~dateline.mentions.timex.to_timeml_value` of the range. A part of the
    day ("Friday night") stays the day: TimeBank writes it so when it types the
    expression a DATE (the ``TNI`` suffix belongs to TIME expressions).
    """
    if rule in REF_VALUES:
        return REF_VALUES[rule]
    return tx.to_timeml_value(value)

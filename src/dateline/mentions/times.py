"""Time expressions: find them in an article and resolve them against its publication date.

The rules (patterns and resolvers) live in :mod:`dateline.mentions.time_rules`
and :mod:`dateline.mentions.time_resolvers`; this module runs them over a text,
keeps the longest-leftmost matches, and turns them into mentions. Expressions
that need an anchor stay unresolved (``value=None``) when the article has no
publication date; absolute dates ("17 March 2016") resolve anyway. Nothing here
ever reads the clock.

We do not use dateparser: it resolves a bare weekday to the *next* such day and
has no notion of news conventions such as "Thursday" in a Thursday story.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Iterator

from ..model import Article, DateRange, TimeMention
from . import time_resolvers as rs
from . import timex as tx
from .time_rules import REF_RULES, REF_VALUES, RULES, Rule
from .timeml import anchor_in_discourse
from .timeml_rules import TIMEML_RULES

__all__ = ["find_times", "find_time_spans", "resolve_expression", "TimeStage", "RULES", "REF_RULES", "REF_VALUES"]


def _as_date(anchor: date | datetime | None) -> date | None:
    if isinstance(anchor, datetime):
        return anchor.date()
    return anchor


# Words before a date in its sentence that put it ahead of the report ("are expected to join in April").
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are)\s+(?:to|expected|scheduled|due|set|slated|planned)"
    r"|expects?\s+to|expected\s+to|intends?\s+to|supposed\s+to|payable"
    r"|scheduled\s+(?:to|for)|plans?\s+to|planned\s+(?:to|for)|set\s+(?:to|for)|due\s+(?:to|on|in)"
    r"|going\s+to|upcoming)\b|\w'll\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[A-Z\"'‘“(])|\n\s*\n")
_BACKWARD_PREPS = ("since", "earlier", "overnight", "after")


def _looks_ahead(text: str, start: int) -> bool:
    """A future cue earlier in the same sentence, within about twenty words."""
    window = text[max(0, start - 120) : start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    return bool(_FUTURE_CUE.search(window, cut))


def _ahead(name: str, m: re.Match[str], anchor: date, value: DateRange, weekdays: bool) -> DateRange:
    """Re-resolve a yearless month, day or (when asked) weekday forward, for text about what is to come.

    "The summit is set for April" in a December story is next April. Bare weekdays
    stay on or before publication unless ``weekdays`` (the DESIGN rule for event
    dating; TimeML's convention follows the tense instead).
    """
    prep = (rs.group(m, "prep") or "").lower()
    if value.start is None or value.start >= anchor or rs.group(m, "rel") or prep.startswith(_BACKWARD_PREPS):
        return value
    if name == "month":
        month = rs.month_of(m)
        return tx.month_part(tx.month_on_or_after(anchor, month), month, tx.part_name(rs.group(m, "mod")))
    if name in ("month_day", "day_month"):
        month, dom = rs.month_of(m), int(m.group("dom"))
        return rs.exact(tx.day_on_or_after(anchor, month, dom), month, dom)
    if name == "weekday" and weekdays:
        return tx.day(tx.weekday_after(anchor, tx.WEEKDAYS[m.group("wd").lower()]))
    return value


_FORWARD = ("month", "month_day", "day_month", "weekday")
# Room after a window for the lookaheads of a pattern (", 2016", "(?!\s+of\b)") to see the real text.
_TAIL = 160


def _windows(text: str, trigger: re.Pattern[str], lead: int, cache: dict[tuple[re.Pattern[str], int], list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Stretches of ``text`` where a match of a rule with this trigger (and lead) may start, merged."""
    if (trigger, lead) in cache:
        return cache[trigger, lead]
    spans: list[tuple[int, int]] = []
    for t in trigger.finditer(text):
        lo = max(0, t.start() - lead)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], t.start())
        else:
            spans.append((lo, t.start()))
    cache[trigger, lead] = spans
    return spans


def _matches(rule: Rule, text: str, cache: dict[tuple[re.Pattern[str], int], list[tuple[int, int]]]) -> Iterator[re.Match[str]]:
    """The non-overlapping matches of a rule, as ``finditer`` over the whole text would give them.

    Scanning every character of an article with forty patterns that open with
    optional words was the cost of this stage; a rule with a trigger is run only
    from a little before each trigger, and a match must start by the trigger.
    """
    if rule.trigger is None:
        yield from rule.pattern.finditer(text)
        return
    cursor = 0
    for lo, last_start in _windows(text, rule.trigger, rule.lead, cache):
        pos = max(lo, cursor)
        while pos <= last_start:
            m = rule.pattern.search(text, pos, min(len(text), last_start + _TAIL))
            if m is None or m.start() > last_start:
                break
            yield m
            cursor = pos = m.end() if m.end() > m.start() else m.end() + 1


def find_time_spans(
    text: str,
    anchor: date | None,
    bare: bool = False,
    *,
    refs: bool = False,
    weekday_tense: bool = False,
    timeml: bool = False,
) -> list[tuple[int, int, DateRange | None, str]]:
    """Every time expression in ``text`` as ``(start, end, value, rule)``, longest-leftmost, none overlapping.

    ``bare=True`` drops the context checks (a lone "May" or "1990" counts): for
    text already known to be a time expression, such as a gold TIMEX span.
    ``refs=True`` also finds "now", "recently", "the future" (value None).
    ``weekday_tense=True`` resolves a bare weekday after a future cue forward, as
    TimeML does; the pipeline keeps the news convention (on or before publication).
    ``timeml=True`` turns both on, adds TimeML's granularity for "a year ago"
    (see :func:`dateline.mentions.timeml.anchor_in_discourse`) and finds TimeML's
    durations, sets and clock times (:mod:`dateline.mentions.timeml_rules`; a
    duration's value is None: "the past three days" is a length, not a date).
    """
    anchor = _as_date(anchor)
    refs, weekday_tense = refs or timeml, weekday_tense or timeml
    found: list[tuple[int, int, int, DateRange | None, str]] = []
    cache: dict[tuple[re.Pattern[str], int], list[tuple[int, int]]] = {}
    for order, rule in enumerate((TIMEML_RULES if timeml else ()) + RULES + (REF_RULES if refs else ())):
        for m in _matches(rule, text, cache):
            if m.end() == m.start() or (not bare and rule.check is not None and not rule.check(m)):
                continue
            try:
                value = None if (rule.relative and anchor is None) else rule.resolve(m, anchor)
                if rule.name in REF_VALUES:
                    value = None
                elif value is not None and anchor is not None and rule.name in _FORWARD and _looks_ahead(text, m.start()):
                    value = _ahead(rule.name, m, anchor, value, weekday_tense)
            except rs.NotADate:
                continue
            found.append((m.start(), m.end(), order, value, rule.name))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    chosen: list[tuple[int, int, DateRange | None, str]] = []
    last_end = -1
    for start, end, _order, value, name in found:
        if start >= last_end:
            chosen.append((start, end, value, name))
            last_end = end
    return anchor_in_discourse(text, chosen, timeml)


def find_times(article: Article) -> list[TimeMention]:
    """The time expressions of an article's cleaned text, resolved against its publication date."""
    return [
        TimeMention(article.span(start, end), value, rule)
        for start, end, value, rule in find_time_spans(article.text, article.published)
    ]


def resolve_expression(text: str, anchor: date | None) -> DateRange | None:
    """Resolve one time expression ("last Tuesday", "In May 2015") against an anchor date.

    The longest expression found in ``text`` wins; None when there is none or when
    it needs an anchor and ``anchor`` is None. When nothing passes the context
    checks, ``text`` is taken to be a time expression as a whole, so a lone "May"
    or "1990" resolves here though :func:`find_times` would skip it in running text.
    """
    spans = find_time_spans(text, anchor) or find_time_spans(text, anchor, bare=True)
    if not spans:
        return None
    return max(spans, key=lambda s: s[1] - s[0])[2]


class TimeStage:
    """Pipeline stage: fills ``article.times``."""

    name = "times"
    requires = ("text", "published")
    assigns = ("times",)

    def __call__(self, article: Article, ctx: Any) -> Article:
        article.times = find_times(article)
        return article

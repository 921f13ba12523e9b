"""Time expressions: find them in an article and resolve them against its publication date.

News reports date events relative to the day they are published ("on Thursday",
"earlier on Wednesday", "last week"), so the publication date is the anchor. Each
rule below is a regular expression plus a resolver that turns a match and the
anchor into a :class:`~dateline.model.DateRange` with ACLED time_precision.
Expressions that need an anchor stay unresolved (``value=None``) when the
article has no publication date; absolute dates ("17 March 2016") resolve anyway.
Nothing here ever reads the clock.

We do not use dateparser here: it resolves a bare weekday to the *next* such
day and has no notion of news conventions such as "Thursday" in a Thursday story.

Month names are matched only with a capital letter and, when alone, only after a
preposition or a modifier ("in May", "late March"), so that "ISIS may attack" and
"a march through the city" are not dates. Years are four digits in 1800-2099 and,
when alone, need a preposition or a modifier too ("in 2013", "early 2013").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Callable

from ..model import Article, DateRange, TimeMention
from . import timex as tx

__all__ = ["find_times", "find_time_spans", "resolve_expression", "TimeStage", "RULES", "REF_RULES", "REF_VALUES"]


class _NotADate(Exception):
    """A match that turns out not to be a date (31 April, an ambiguous context)."""


# --------------------------------------------------------------------------- pattern parts

_MON = (
    r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WD_FULL = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD_PREFIX = rf"(?:(?:{_WD_FULL}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?),?\s+(?:the\s+)?)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})(?!\d|s\b)"
_DOM = r"(?<![\d,.])(?P<dom>[0-3]?\d)(?:st|nd|rd|th)?"
# Prepositions that may open an absolute date; they become part of the span for context.
_PREP_WORDS = r"in|on|since|during|by|until|till|from|before|after|through|throughout|as\s+of|between"
_PREP_OPT = rf"(?:(?P<prep>(?i:{_PREP_WORDS}))\s+)?"
_MOD = r"(?P<mod>(?i:early|mid|late|(?:at\s+)?(?:the\s+)?(?:end|beginning|start|middle)\s+of))"
_N = r"(?P<n>\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
# Capitalised words after a weekday that make it part of a name ("Sunday Times").
_WD_NAME_NEXT = (
    r"Times|Telegraph|Express|Mirror|Post|Herald|Tribune|Star|Mail|Independent|Observer|Sport|"
    r"Night\s+Live|Business|Review|Magazine|Edition|School"
)
_WD_NAME_PREV = ("Good", "Black", "Bloody", "Ash", "Palm", "Easter", "Holy", "Cyber", "Super", "Blue")
# "on the 15th floor" is not a date, "on the 15th the army" is: after an ordinal day
# only a function word may follow in lower case.
_NOT_FUNCTION_WORD = (
    r"(?!(?:the|a|an|and|but|or|when|as|at|in|on|it|its|they|he|she|we|there|this|that|after|"
    r"before|while|with|by|from|to|for|near|during|amid|around|against|into|over|according)\b)[a-z]"
)
# Words after a bare year that make it a count ("in 2000 homes"), not a year.
_COUNTED = (
    r"people|persons|men|women|children|fighters|troops|soldiers|civilians|families|residents|refugees|"
    r"militants|members|km|kilometers|kilometres|miles|meters|metres|dollars|euros|pounds|tons|tonnes|"
    r"homes|houses|buildings|cases|deaths|dead|others|percent|per\s+cent"
)


def _ci(words: str) -> str:
    """A case-insensitive group for sentence-initial words ("Yesterday", "Last week")."""
    return rf"(?i:{words})"


# --------------------------------------------------------------------------- helpers


def _month(m: re.Match[str]) -> int:
    return tx.MONTHS[m.group("mon").rstrip(".").lower()]


def _n(m: re.Match[str]) -> int:
    raw = m.group("n").lower()
    return int(raw) if raw.isdigit() else tx.NUMBER_WORDS[raw]


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _exact(year: int, month: int, dom: int) -> DateRange:
    d = tx.safe_date(year, month, dom)
    if d is None:
        raise _NotADate(f"{year}-{month}-{dom}")
    return tx.day(d)


def _need(anchor: date | None) -> date:
    if anchor is None:  # guarded by Rule.relative; kept for type checkers
        raise _NotADate("no anchor")
    return anchor


# --------------------------------------------------------------------------- resolvers: absolute


def _iso(m: re.Match[str], anchor: date | None) -> DateRange:
    return _exact(int(m.group("year")), int(m.group("m")), int(m.group("d")))


def _numeric(m: re.Match[str], anchor: date | None) -> DateRange | None:
    """d/m/Y or m/d/Y: resolved only when one reading is impossible (or both agree)."""
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if a == b or (a > 12 >= b):
        return _exact(year, b, a)
    if b > 12 >= a:
        return _exact(year, a, b)
    if a > 12 and b > 12:
        raise _NotADate(m.group(0))
    return None  # ambiguous: kept as a mention, left unresolved


def _dmy(m: re.Match[str], anchor: date | None) -> DateRange:
    return _exact(int(m.group("year")), _month(m), int(m.group("dom")))


def _dm(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    month, dom = _month(m), int(m.group("dom"))
    year = tx.nearest_year(a, month, dom)
    return _exact(year if year is not None else a.year, month, dom)


def _month_year(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.month_part(int(m.group("year")), _month(m), tx.part_name(_group(m, "mod")))


def _month_only(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    month = _month(m)
    rel = (_group(m, "rel") or "").lower()
    if rel == "next":
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year = tx.month_on_or_before(a, month, strictly_before=rel in ("last", "past"))
    return tx.month_part(year, month, tx.part_name(_group(m, "mod")))


def _season_year(m: re.Match[str], anchor: date | None) -> DateRange:
    rng = tx.season_range(m.group("season"), int(m.group("year")))
    return _narrow(rng, _group(m, "mod"))


def _season_rel(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    season, rel = m.group("season"), (_group(m, "rel") or "").lower()
    if rel == "this":
        return tx.season_range(season, a.year)
    for year in (a.year, a.year - 1, a.year - 2):
        rng = tx.season_range(season, year)
        assert rng.start is not None and rng.end is not None
        if (rel in ("last", "past") and rng.end < a) or (rel not in ("last", "past") and rng.start <= a):
            return rng
    raise _NotADate(m.group(0))


def _narrow(rng: DateRange, mod: str | None) -> DateRange:
    """Early / mid / late thirds of a multi-month range."""
    part = tx.part_name(mod)
    if part is None or rng.start is None or rng.end is None:
        return rng
    third = ((rng.end - rng.start).days + 1) // 3
    index = {"early": 0, "mid": 1, "late": 2}[part]
    start = rng.start + timedelta(days=third * index)
    end = rng.end if index == 2 else start + timedelta(days=third - 1)
    return DateRange(start, end, rng.time_precision)


def _year(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.year_part(int(m.group("year")), tx.part_name(_group(m, "mod")))


# --------------------------------------------------------------------------- resolvers: relative


def _weekday(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    wd = tx.WEEKDAYS[m.group("wd").lower()]
    rel = (_group(m, "rel") or "").lower()
    if rel in ("last", "past", "previous"):
        return tx.day(tx.weekday_before(a, wd))
    if rel == "this":
        return tx.day(tx.weekday_in_week(a, wd))
    if rel in ("next", "coming"):
        return tx.day(tx.weekday_after(a, wd))
    return tx.day(tx.weekday_on_or_before(a, wd))


def _offset(days: int) -> Callable[[re.Match[str], date | None], DateRange]:
    def resolve(m: re.Match[str], anchor: date | None) -> DateRange:
        return tx.day(_need(anchor) + timedelta(days=days))

    return resolve


def _days_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.day(_need(anchor) - timedelta(days=_n(m)))


def _few_days_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    return tx.days(a - timedelta(days=7), a - timedelta(days=2))


def _past_days(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    n = _n(m) if _group(m, "n") else 7
    return tx.days(a - timedelta(days=n), a, tx.WEEK if n <= 7 else tx.MONTH)


def _last_week(m: re.Match[str], anchor: date | None) -> DateRange:
    monday, sunday = tx.week_of(_need(anchor), weeks_back=1)
    part = tx.part_name(_group(m, "mod"))
    if part == "early":
        return tx.days(monday, monday + timedelta(days=2))
    if part == "late":
        return tx.days(monday + timedelta(days=3), sunday)
    return tx.days(monday, sunday)


def _this_week(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    monday, sunday = tx.week_of(a)
    mod = (_group(m, "mod") or "").lower()
    if mod in ("earlier", "early"):
        return tx.days(monday, max(monday, a - timedelta(days=1)))
    if mod in ("later", "late"):
        return tx.days(a, sunday)
    return tx.days(monday, sunday)


def _next_week(m: re.Match[str], anchor: date | None) -> DateRange:
    monday, sunday = tx.week_of(_need(anchor), weeks_back=-1)
    return tx.days(monday, sunday)


def _weeks_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    centre = _need(anchor) - timedelta(days=7 * _n(m))
    return tx.days(centre - timedelta(days=3), centre + timedelta(days=3))


def _past_weeks(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    n = _n(m) if _group(m, "n") else 1
    return tx.days(a - timedelta(days=7 * n), a, tx.WEEK if n == 1 else tx.MONTH)


def _weekend(m: re.Match[str], anchor: date | None) -> DateRange:
    rel = (_group(m, "rel") or "").lower()
    saturday, sunday = tx.weekend_on_or_before(_need(anchor), strictly_before=rel == "last")
    return tx.days(saturday, sunday)


def _month_rel(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    which = re.sub(r"\s+", " ", m.group("which").lower())
    mod = (_group(m, "mod") or _group(m, "mod2") or "").lower()
    if which == "the past":
        return tx.days(a - timedelta(days=30), a, tx.MONTH)
    delta = {"last": -1, "the previous": -1, "this": 0, "next": 1}[which]
    year, month = tx.add_months(a.year, a.month, delta)
    if delta == 0 and mod in ("earlier", "later"):
        first = date(a.year, a.month, 1)
        whole = tx.month_range(a.year, a.month)
        if mod == "earlier":
            return DateRange(first, max(first, a - timedelta(days=1)), tx.MONTH)
        return DateRange(a, whole.end, tx.MONTH)
    return tx.month_part(year, month, tx.part_name(mod))


def _months_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    return tx.month_range(*tx.add_months(a.year, a.month, -_n(m)))


def _past_months(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    return tx.days(a - timedelta(days=30 * _n(m)), a, tx.MONTH)


def _year_rel(m: re.Match[str], anchor: date | None) -> DateRange:
    a = _need(anchor)
    which = re.sub(r"\s+", " ", m.group("which").lower())
    mod = (_group(m, "mod") or _group(m, "mod2") or "").lower()
    if which == "the past":
        return tx.days(a - timedelta(days=365), a, tx.MONTH)
    year = a.year + {"last": -1, "the previous": -1, "this": 0, "next": 1}[which]
    if which == "this" and mod == "earlier":
        return DateRange(date(year, 1, 1), max(date(year, 1, 1), a - timedelta(days=1)), tx.MONTH)
    return tx.year_part(year, tx.part_name(mod))


def _years_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.year_range(_need(anchor).year - _n(m))


def _month_of_rel_year(m: re.Match[str], anchor: date | None) -> DateRange:
    """'June last year', 'January this year'."""
    year = _need(anchor).year + {"last": -1, "this": 0, "next": 1}[m.group("which").lower()]
    return tx.month_part(year, _month(m), tx.part_name(_group(m, "mod")))


def _decade(m: re.Match[str], anchor: date | None) -> DateRange:
    """'the 1990s', 'the late 1970s': a decade or its first, middle or last few years."""
    first = int(m.group("decade"))
    span = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(tx.part_name(_group(m, "mod")) or "", (0, 9))
    return DateRange(date(first + span[0], 1, 1), date(first + span[1], 12, 31), tx.MONTH)


def _ordinal_day(m: re.Match[str], anchor: date | None) -> DateRange:
    """'on the 15th': this month if that day has come, else last month."""
    a, dom = _need(anchor), int(m.group("dom"))
    year, month = (a.year, a.month) if dom <= a.day else tx.add_months(a.year, a.month, -1)
    return _exact(year, month, dom)


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_Q = r"(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?i:quarter)"


def _quarter_year(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.quarter_range(int(m.group("year")), _QUARTERS[m.group("q").lower()])


def _quarter(m: re.Match[str], anchor: date | None) -> DateRange:
    """'the third quarter': the most recent such quarter begun by the anchor; 'next' the one after."""
    a, q = _need(anchor), _QUARTERS[m.group("q").lower()]
    rel = (_group(m, "rel") or "").lower()
    year = tx.quarter_on_or_before(a, q)
    if rel == "next" or (rel == "last" and year == a.year and q == (a.month - 1) // 3 + 1):
        year += 1 if rel == "next" else -1
    return tx.quarter_range(year, q)


# --------------------------------------------------------------------------- checks


def _has_context(*names: str) -> Callable[[re.Match[str]], bool]:
    """A bare month, season or year is a date only with a preposition or modifier before it."""

    def check(m: re.Match[str]) -> bool:
        return any(_group(m, n) for n in names)

    return check


def _not_a_name(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start("wd") - 8) : m.start("wd")].split()
    return not (before and before[-1] in _WD_NAME_PREV)


# --------------------------------------------------------------------------- the rules


@dataclass(frozen=True)
class Rule:
    """One kind of time expression: its pattern, how it resolves, and whether it needs an anchor."""

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date | None], DateRange | None]
    relative: bool = True
    check: Callable[[re.Match[str]], bool] | None = None


def _rule(
    name: str,
    pattern: str,
    resolve: Callable[[re.Match[str], date | None], DateRange | None],
    relative: bool = True,
    check: Callable[[re.Match[str]], bool] | None = None,
) -> Rule:
    return Rule(name, re.compile(pattern), resolve, relative, check)


def _absolute_rules() -> list[Rule]:
    """Dates that carry their own year: they resolve without an anchor."""
    return [
        _rule("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)", _iso, False),
        _rule("ymd", r"(?<![\d/])(?P<year>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])", _iso, False),
        _rule(
            "numeric",
            r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/.-]\d)",
            _numeric,
            False,
        ),
        _rule("day_month_year", rf"{_PREP_OPT}{_WD_PREFIX}(?:the\s+)?{_DOM}(?:\s+of)?\s+{_MON},?\s+{_YEAR}", _dmy, False),
        _rule("month_day_year", rf"{_PREP_OPT}{_WD_PREFIX}{_MON}\s+{_DOM},?\s+{_YEAR}", _dmy, False),
        _rule("month_year", rf"{_PREP_OPT}(?:{_MOD}[\s-]+)?{_MON},?\s+{_YEAR}", _month_year, False),
        _rule(
            "season_year",
            rf"{_PREP_OPT}(?:(?i:the)\s+)?(?:{_MOD}[\s-]+)?(?P<season>(?i:summer|winter|spring|autumn|fall))\s+(?:(?i:of)\s+)?{_YEAR}",
            _season_year,
            False,
        ),
        _rule("quarter_year", rf"{_PREP_OPT}(?:(?i:the)\s+)?{_Q}\s+(?:(?i:of)\s+)?{_YEAR}", _quarter_year, False),
        _rule(
            "decade",
            rf"{_PREP_OPT}(?:(?i:the)\s+)?(?:{_MOD}[\s-]+)?(?<![\d,.$€£])(?<!\d-)(?P<decade>(?:1[89]|20)\d0)['’]?s\b",
            _decade,
            False,
        ),
        _rule(
            "year",
            rf"{_PREP_OPT}(?:(?i:the)\s+)?(?P<yr>(?i:year|fiscal(?:\s+year)?)\s+)?(?:{_MOD}[\s-]+)?(?<![\d,.$€£])(?<!\d-){_YEAR}"
            rf"(?![-/–]\d|,\d|\s*%|\s+(?i:{_COUNTED})\b)",
            _year,
            False,
            _has_context("prep", "mod", "yr"),
        ),
    ]


def _calendar_rules() -> list[Rule]:
    """Calendar names without a year: days and months, seasons, weekdays."""
    wd_rel = r"(?P<rel>(?i:last|past|previous|this|next|coming))"
    wd_prep = r"(?P<prep>(?i:(?:earlier|later|early|late)(?:\s+on)?|on|since|by|until|till|from|before|after|over|overnight))"
    return [
        _rule("day_month", rf"{_PREP_OPT}{_WD_PREFIX}(?:the\s+)?{_DOM}(?:\s+of)?\s+{_MON}", _dm),
        _rule("month_day", rf"{_PREP_OPT}{_WD_PREFIX}{_MON}\s+{_DOM}(?![\d:]|\s*%)", _dm),
        _rule(
            "month_of_rel_year",
            rf"{_PREP_OPT}(?:{_MOD}[\s-]+)?{_MON},?\s+(?P<which>(?i:this|last|next))\s+(?i:year)\b",
            _month_of_rel_year,
        ),
        _rule(
            "month",
            rf"{_PREP_OPT}(?:{_MOD}[\s-]+|(?P<rel>(?i:last|this|next|past))\s+)?{_MON}(?!['’]s|-|,?\s*\d)",
            _month_only,
            check=_has_context("prep", "mod", "rel"),
        ),
        # "the first quarter of the city" is a district: a quarter followed by "of" is only a date with a year
        _rule("quarter", rf"{_PREP_OPT}(?:(?P<rel>(?i:the|this|last|next))\s+)?{_Q}\b(?!\s+(?i:of)\b)", _quarter),
        _rule(
            "season",
            rf"{_PREP_OPT}(?:(?P<rel>(?i:last|this|past))|(?i:the))\s+(?P<season>(?i:summer|winter|spring|autumn))(?!\s+(?i:of)\b)",
            _season_rel,
            check=_has_context("prep", "rel"),
        ),
        _rule(
            "weekday",
            rf"(?:{wd_prep}\s+|{wd_rel}\s+)?(?P<wd>{_WD_FULL})\b(?!\s+(?:{_WD_NAME_NEXT})\b)"
            r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?",
            _weekday,
            check=_not_a_name,
        ),
    ]


def _deictic_rules() -> list[Rule]:
    """Expressions that count from the publication day: today, last week, two months ago."""
    return [
        _rule("today", _ci(r"\b(?:(?:earlier|later)\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))\b"), _offset(0)),
        _rule("day_before_yesterday", _ci(r"\bthe\s+day\s+before\s+yesterday\b"), _offset(-2)),
        _rule("yesterday", _ci(r"\b(?:yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night)\b"), _offset(-1)),
        _rule("tomorrow", _ci(r"\btomorrow\b"), _offset(1)),
        _rule("day_before", _ci(r"\b(?:(?:the|a|one)\s+day\s+(?:before|earlier|prior)|the\s+previous\s+day)\b"), _offset(-1)),
        # Without the event it counts from, "a day after" is taken as the anchor day itself.
        _rule("day_after", _ci(r"\b(?:(?:the|a|one)\s+day\s+(?:after|later)|the\s+(?:next|following)\s+day)\b"), _offset(0)),
        _rule("days_ago", rf"\b{_N}\s+(?i:days?\s+(?:ago|earlier))\b", _days_ago),
        _rule("few_days_ago", _ci(r"\b(?:(?:a\s+)?few|several|a\s+couple\s+of|couple\s+of)\s+days\s+(?:ago|earlier)\b"), _few_days_ago),
        _rule(
            "past_days",
            rf"(?:\b(?i:in|over|during|within|for)\s+)?(?i:the\s+(?:past|last))\s+(?:{_N}|(?i:few|several|couple\s+of))\s+(?i:days)\b|(?i:\bin\s+recent\s+days)\b",
            _past_days,
        ),
        _rule("last_week", _ci(r"\b(?:(?P<mod>early|late)\s+)?(?:last\s+week|the\s+previous\s+week|the\s+week\s+before)\b"), _last_week),
        _rule("this_week", _ci(r"\b(?:(?P<mod>earlier|later|early|late)\s+)?this\s+week\b"), _this_week),
        _rule("next_week", _ci(r"\b(?:next|the\s+following|the\s+coming)\s+week\b"), _next_week),
        _rule("weeks_ago", rf"\b{_N}\s+(?i:weeks?\s+(?:ago|earlier|before))\b", _weeks_ago),
        _rule("past_weeks", rf"(?i:\bthe\s+(?:past|last)\s+)(?:{_N}\s+)?(?i:weeks?)\b", _past_weeks),
        _rule("weekend", _ci(r"\b(?:(?P<rel>last|this)|the\s+past|over\s+the|at\s+the|the)\s+weekend\b"), _weekend),
        _rule(
            "month_rel",
            rf"(?:{_MOD}[\s-]+|(?P<mod2>(?i:earlier|later))\s+)?(?P<which>(?i:last|this|next|the\s+previous|the\s+past))\s+(?i:month)\b",
            _month_rel,
        ),
        _rule("months_ago", rf"\b{_N}\s+(?i:months?\s+(?:ago|earlier|before))\b", _months_ago),
        _rule("past_months", rf"(?i:\bthe\s+(?:past|last)\s+){_N}\s+(?i:months)\b", _past_months),
        _rule(
            "year_rel",
            rf"(?:{_MOD}[\s-]+|(?P<mod2>(?i:earlier|later))\s+)?(?P<which>(?i:last|this|next|the\s+previous|the\s+past))\s+(?i:year)\b",
            _year_rel,
        ),
        _rule("years_ago", rf"\b{_N}\s+(?i:years?\s+(?:ago|earlier|before))\b", _years_ago),
        _rule(
            "ordinal_day",
            rf"(?i:\b(?:on|since|by|until|till|from|before|after)\s+the)\s+(?P<dom>[1-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\b|{_NOT_FUNCTION_WORD}))",
            _ordinal_day,
        ),
    ]


# In order of preference when two rules match the same stretch of text.
RULES: tuple[Rule, ...] = tuple(_absolute_rules() + _calendar_rules() + _deictic_rules())


# --------------------------------------------------------------------------- finding


def _as_date(anchor: date | datetime | None) -> date | None:
    if isinstance(anchor, datetime):
        return anchor.date()
    return anchor


# Words before a date in its sentence that put it ahead of the report ("are expected to join in April").
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are)\s+(?:to|expected|scheduled|due|set|slated|planned)|expected\s+to"
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
    prep = (_group(m, "prep") or "").lower()
    if value.start is None or value.start >= anchor or _group(m, "rel") or prep.startswith(_BACKWARD_PREPS):
        return value
    if name == "month":
        month = _month(m)
        return tx.month_part(tx.month_on_or_after(anchor, month), month, tx.part_name(_group(m, "mod")))
    if name in ("month_day", "day_month"):
        month, dom = _month(m), int(m.group("dom"))
        return _exact(tx.day_on_or_after(anchor, month, dom), month, dom)
    if name == "weekday" and weekdays:
        return tx.day(tx.weekday_after(anchor, tx.WEEKDAYS[m.group("wd").lower()]))
    return value


_FORWARD = ("month", "month_day", "day_month", "weekday")

# Words that refer to the present, past or future without naming a calendar period
# (TimeML's PRESENT_REF, PAST_REF, FUTURE_REF). They carry no value: an event is
# never dated by "now", and the clause's own date or the publication date is better.
REF_RULES: tuple[Rule, ...] = (
    _rule("present_ref", _ci(r"\b(?:(?:right\s+)?now|currently|at\s+present|nowadays|at\s+the\s+moment)\b"), _offset(0)),
    _rule("past_ref", _ci(r"\b(?:recently|lately|in\s+recent\s+(?:years|months|weeks|times)|in\s+the\s+past)\b(?!\s+(?:\d|few|several|two|three|year|month|week|day))"), _offset(0)),
    _rule("future_ref", _ci(r"\b(?:in\s+the\s+)?(?:near\s+|foreseeable\s+)?future\b"), _offset(0)),
)
REF_VALUES = {"present_ref": "PRESENT_REF", "past_ref": "PAST_REF", "future_ref": "FUTURE_REF"}


def find_time_spans(
    text: str, anchor: date | None, bare: bool = False, *, refs: bool = False, weekday_tense: bool = False
) -> list[tuple[int, int, DateRange | None, str]]:
    """Every time expression in ``text`` as ``(start, end, value, rule)``, longest-leftmost, none overlapping.

    ``bare=True`` drops the context checks (a lone "May" or "1990" counts): for
    text already known to be a time expression, such as a gold TIMEX span.
    ``refs=True`` also finds "now", "recently", "the future" (value None).
    ``weekday_tense=True`` resolves a bare weekday after a future cue forward, as
    TimeML does; the pipeline keeps the news convention (on or before publication).
    """
    anchor = _as_date(anchor)
    found: list[tuple[int, int, int, DateRange | None, str]] = []
    for order, rule in enumerate(RULES + (REF_RULES if refs else ())):
        for m in rule.pattern.finditer(text):
            if m.end() == m.start() or (not bare and rule.check is not None and not rule.check(m)):
                continue
            try:
                value = None if (rule.relative and anchor is None) else rule.resolve(m, anchor)
                if rule.name in REF_VALUES:
                    value = None
                elif value is not None and anchor is not None and rule.name in _FORWARD and _looks_ahead(text, m.start()):
                    value = _ahead(rule.name, m, anchor, value, weekday_tense)
            except _NotADate:
                continue
            found.append((m.start(), m.end(), order, value, rule.name))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    chosen: list[tuple[int, int, DateRange | None, str]] = []
    last_end = -1
    for start, end, _order, value, name in found:
        if start >= last_end:
            chosen.append((start, end, value, name))
            last_end = end
    return chosen


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

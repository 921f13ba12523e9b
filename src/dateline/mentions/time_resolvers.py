"""Resolvers of time expressions: a regex match and the anchor date in, a date range out.

Each function takes the match of one rule in :mod:`dateline.mentions.time_rules`
and the publication date (never today's date) and returns a
:class:`~dateline.model.DateRange` with ACLED time_precision, or raises
:class:`NotADate` when the match turns out not to be a date (31 April).
Kept apart from the patterns so that the arithmetic can be read without them.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from ..model import DateRange
from . import timex as tx


class NotADate(Exception):
    """A match that turns out not to be a date (31 April, an ambiguous context)."""


QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

# --------------------------------------------------------------------------- helpers


def month_of(m: re.Match[str]) -> int:
    return tx.MONTHS[m.group("mon").rstrip(".").lower()]


def count_of(m: re.Match[str]) -> int:
    raw = m.group("n").lower()
    return int(raw) if raw.isdigit() else tx.NUMBER_WORDS[raw]


def group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def exact(year: int, month: int, dom: int) -> DateRange:
    d = tx.safe_date(year, month, dom)
    if d is None:
        raise NotADate(f"{year}-{month}-{dom}")
    return tx.day(d)


def need_anchor(anchor: date | None) -> date:
    if anchor is None:  # guarded by Rule.relative; kept for type checkers
        raise NotADate("no anchor")
    return anchor


# --------------------------------------------------------------------------- resolvers: absolute


def iso(m: re.Match[str], anchor: date | None) -> DateRange:
    return exact(int(m.group("year")), int(m.group("m")), int(m.group("d")))


def numeric(m: re.Match[str], anchor: date | None) -> DateRange | None:
    """d/m/Y or m/d/Y: resolved only when one reading is impossible (or both agree)."""
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if a == b or (a > 12 >= b):
        return exact(year, b, a)
    if b > 12 >= a:
        return exact(year, a, b)
    if a > 12 and b > 12:
        raise NotADate(m.group(0))
    return None  # ambiguous: kept as a mention, left unresolved


def dmy(m: re.Match[str], anchor: date | None) -> DateRange:
    return exact(int(m.group("year")), month_of(m), int(m.group("dom")))


def dm(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    month, dom = month_of(m), int(m.group("dom"))
    year = tx.nearest_year(a, month, dom)
    return exact(year if year is not None else a.year, month, dom)


def month_year(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.month_part(int(m.group("year")), month_of(m), tx.part_name(group(m, "mod")))


def month_only(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    month = month_of(m)
    rel = (group(m, "rel") or "").lower()
    if rel == "next":
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year = tx.month_on_or_before(a, month, strictly_before=rel in ("last", "past"))
    return tx.month_part(year, month, tx.part_name(group(m, "mod")))


def season_year(m: re.Match[str], anchor: date | None) -> DateRange:
    rng = tx.season_range(m.group("season"), int(m.group("year")))
    return narrow(rng, group(m, "mod"))


def season_rel(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    season, rel = group(m, "season") or "fall", (group(m, "rel") or "").lower()
    if rel == "this":
        return tx.season_range(season, a.year)
    if rel == "next":
        year = a.year if tx.season_range(season, a.year).start > a else a.year + 1  # type: ignore[operator]
        return tx.season_range(season, year)
    for year in (a.year, a.year - 1, a.year - 2):
        rng = tx.season_range(season, year)
        assert rng.start is not None and rng.end is not None
        if (rel in ("last", "past") and rng.end < a) or (rel not in ("last", "past") and rng.start <= a):
            return rng
    raise NotADate(m.group(0))


def narrow(rng: DateRange, mod: str | None) -> DateRange:
    """Early / mid / late thirds of a multi-month range."""
    part = tx.part_name(mod)
    if part is None or rng.start is None or rng.end is None:
        return rng
    third = ((rng.end - rng.start).days + 1) // 3
    index = {"early": 0, "mid": 1, "late": 2}[part]
    start = rng.start + timedelta(days=third * index)
    end = rng.end if index == 2 else start + timedelta(days=third - 1)
    return DateRange(start, end, rng.time_precision)


def year(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.year_part(int(m.group("year")), tx.part_name(group(m, "mod")))


# --------------------------------------------------------------------------- resolvers: relative


def weekday(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    wd = tx.WEEKDAYS[m.group("wd").lower()]
    rel = (group(m, "rel") or "").lower()
    if rel in ("last", "past", "previous"):
        return tx.day(tx.weekday_before(a, wd))
    if rel == "this":
        return tx.day(tx.weekday_in_week(a, wd))
    if rel in ("next", "coming"):
        return tx.day(tx.weekday_after(a, wd))
    return tx.day(tx.weekday_on_or_before(a, wd))


def offset(days: int) -> Callable[[re.Match[str], date | None], DateRange]:
    def resolve(m: re.Match[str], anchor: date | None) -> DateRange:
        return tx.day(need_anchor(anchor) + timedelta(days=days))

    return resolve


def days_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.day(need_anchor(anchor) - timedelta(days=count_of(m)))


def few_days_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    return tx.days(a - timedelta(days=7), a - timedelta(days=2))


def past_days(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    n = count_of(m) if group(m, "n") else 7
    return tx.days(a - timedelta(days=n), a, tx.WEEK if n <= 7 else tx.MONTH)


def last_week(m: re.Match[str], anchor: date | None) -> DateRange:
    monday, sunday = tx.week_of(need_anchor(anchor), weeks_back=1)
    part = tx.part_name(group(m, "mod"))
    if part == "early":
        return tx.days(monday, monday + timedelta(days=2))
    if part == "late":
        return tx.days(monday + timedelta(days=3), sunday)
    return tx.days(monday, sunday)


def this_week(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    monday, sunday = tx.week_of(a)
    mod = (group(m, "mod") or "").lower()
    if mod in ("earlier", "early"):
        return tx.days(monday, max(monday, a - timedelta(days=1)))
    if mod in ("later", "late"):
        return tx.days(a, sunday)
    return tx.days(monday, sunday)


def next_week(m: re.Match[str], anchor: date | None) -> DateRange:
    monday, sunday = tx.week_of(need_anchor(anchor), weeks_back=-1)
    return tx.days(monday, sunday)


def weeks_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    centre = need_anchor(anchor) - timedelta(days=7 * count_of(m))
    return tx.days(centre - timedelta(days=3), centre + timedelta(days=3))


def past_weeks(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    n = count_of(m) if group(m, "n") else 1
    return tx.days(a - timedelta(days=7 * n), a, tx.WEEK if n == 1 else tx.MONTH)


def weekend(m: re.Match[str], anchor: date | None) -> DateRange:
    rel = (group(m, "rel") or "").lower()
    saturday, sunday = tx.weekend_on_or_before(need_anchor(anchor), strictly_before=rel == "last")
    return tx.days(saturday, sunday)


# "last month", "the previous year", "this week", "next month": how many periods from the anchor's
_REL_DELTA = {"last": -1, "the previous": -1, "this": 0, "next": 1}


def _which_and_mod(m: re.Match[str]) -> tuple[str, str]:
    """The relative word ("last", "the past", ...) and the part-of-period word ("early", "earlier", ...)."""
    return re.sub(r"\s+", " ", m.group("which").lower()), (group(m, "mod") or group(m, "mod2") or "").lower()


def month_rel(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    which, mod = _which_and_mod(m)
    if which == "the past":
        return tx.days(a - timedelta(days=30), a, tx.MONTH)
    delta = _REL_DELTA[which]
    year, month = tx.add_months(a.year, a.month, delta)
    if delta == 0 and mod in ("earlier", "later"):
        first = date(a.year, a.month, 1)
        whole = tx.month_range(a.year, a.month)
        if mod == "earlier":
            return DateRange(first, max(first, a - timedelta(days=1)), tx.MONTH)
        return DateRange(a, whole.end, tx.MONTH)
    return tx.month_part(year, month, tx.part_name(mod))


def months_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    return tx.month_range(*tx.add_months(a.year, a.month, -count_of(m)))


def past_months(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    return tx.days(a - timedelta(days=30 * count_of(m)), a, tx.MONTH)


def year_rel(m: re.Match[str], anchor: date | None) -> DateRange:
    a = need_anchor(anchor)
    which, mod = _which_and_mod(m)
    if which == "the past":
        return tx.days(a - timedelta(days=365), a, tx.MONTH)
    year = a.year + _REL_DELTA[which]
    if which == "this" and mod == "earlier":
        return DateRange(date(year, 1, 1), max(date(year, 1, 1), a - timedelta(days=1)), tx.MONTH)
    return tx.year_part(year, tx.part_name(mod))


def years_ago(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.year_range(need_anchor(anchor).year - count_of(m))


def month_of_rel_year(m: re.Match[str], anchor: date | None) -> DateRange:
    """'June last year', 'January this year'."""
    year = need_anchor(anchor).year + _REL_DELTA[m.group("which").lower()]
    return tx.month_part(year, month_of(m), tx.part_name(group(m, "mod")))


def decade(m: re.Match[str], anchor: date | None) -> DateRange:
    """'the 1990s', 'the late 1970s': a decade or its first, middle or last few years."""
    first = int(m.group("decade"))
    span = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(tx.part_name(group(m, "mod")) or "", (0, 9))
    return DateRange(date(first + span[0], 1, 1), date(first + span[1], 12, 31), tx.MONTH)


def ordinal_day(m: re.Match[str], anchor: date | None) -> DateRange:
    """'on the 15th': this month if that day has come, else last month."""
    a, dom = need_anchor(anchor), int(m.group("dom"))
    year, month = (a.year, a.month) if dom <= a.day else tx.add_months(a.year, a.month, -1)
    return exact(year, month, dom)




def quarter_year(m: re.Match[str], anchor: date | None) -> DateRange:
    return tx.quarter_range(int(m.group("year")), QUARTERS[m.group("q").lower()])


def quarter(m: re.Match[str], anchor: date | None) -> DateRange:
    """'the third quarter': the most recent such quarter begun by the anchor; 'next' the one after."""
    a, q = need_anchor(anchor), QUARTERS[m.group("q").lower()]
    rel = (group(m, "rel") or "").lower()
    year = tx.quarter_on_or_before(a, q)
    if rel == "next" or (rel == "last" and year == a.year and q == (a.month - 1) // 3 + 1):
        year += 1 if rel == "next" else -1
    return tx.quarter_range(year, q)


# Modifiers of "the quarter" that put it a year back ("the year-earlier quarter").
_YEAR_BACK = re.compile(r"(?i:year[-\s](?:earlier|ago)|prior[-\s]year)")


def quarter_ref(m: re.Match[str], anchor: date | None) -> DateRange:
    """'the quarter', 'the latest period': without a quarter named before it, the last one completed.

    Companies report a quarter after it ends, so "the quarter" in a story is the
    one before the anchor's own ("current"/"this quarter" is the anchor's). The
    finder replaces this default with the last quarter the text itself named.
    """
    a = need_anchor(anchor)
    current = (group(m, "det") or "").lower() == "this" or "current" in (group(m, "mods") or "").lower()
    year, month = tx.add_months(a.year, a.month, 0 if current else -3)
    if _YEAR_BACK.search(m.group(0)):
        year -= 1
    return tx.quarter_range(year, (month - 1) // 3 + 1)

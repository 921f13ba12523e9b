"""Calendar arithmetic for time expressions: ranges of days with ACLED precision.

Kept apart from the regexes in :mod:`dateline.mentions.times` so that the rules
of resolution (which Thursday is "Thursday", what "last week" covers) can be
read and tested without any pattern matching. Every function takes the anchor
(the publication date) explicitly: nothing here ever looks at today's date.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from ..model import DateRange

__all__ = [
    "DAY",
    "WEEK",
    "MONTH",
    "MONTHS",
    "WEEKDAYS",
    "NUMBER_WORDS",
    "day",
    "days",
    "month_range",
    "month_part",
    "part_name",
    "year_range",
    "year_part",
    "season_range",
    "add_months",
    "weekday_on_or_before",
    "weekday_before",
    "weekday_in_week",
    "weekday_after",
    "week_of",
    "weekend_on_or_before",
    "month_on_or_before",
    "nearest_year",
    "safe_date",
    "quarter_range",
    "quarter_on_or_before",
    "month_on_or_after",
    "day_on_or_after",
    "to_timex_value",
    "to_timeml_value",
]

# ACLED time_precision: 1 the day is known, 2 the week / a few days, 3 the month or wider.
DAY, WEEK, MONTH = 1, 2, 3

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Parts of a month and of a year; they overlap on purpose: "late May" may be the 20th.
_MONTH_PARTS = {"early": (1, 10), "mid": (10, 20), "late": (20, 31)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def day(d: date) -> DateRange:
    """One known day."""
    return DateRange(d, d, DAY)


def days(start: date, end: date, precision: int = WEEK) -> DateRange:
    """A window of days; the start never falls after the end."""
    if end < start:
        start, end = end, start
    return DateRange(start, end, precision)


def safe_date(year: int, month: int, dom: int) -> date | None:
    """A date, or None for impossible ones (31 April, 29 February 2015)."""
    try:
        return date(year, month, dom)
    except ValueError:
        return None


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_range(year: int, month: int) -> DateRange:
    return DateRange(date(year, month, 1), date(year, month, _last_day(year, month)), MONTH)


def part_name(modifier: str | None) -> str | None:
    """Map the words for parts of a period onto early / mid / late."""
    if not modifier:
        return None
    m = modifier.lower()
    if any(w in m for w in ("early", "beginning", "start")):
        return "early"
    if "mid" in m:
        return "mid"
    if any(w in m for w in ("late", "end")):
        return "late"
    return None


def month_part(year: int, month: int, part: str | None) -> DateRange:
    """A whole month, or its early / mid / late part (still month precision: it is a guess)."""
    if part not in _MONTH_PARTS:
        return month_range(year, month)
    first, last = _MONTH_PARTS[part]
    return DateRange(date(year, month, first), date(year, month, min(last, _last_day(year, month))), MONTH)


def year_range(year: int) -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31), MONTH)


def year_part(year: int, part: str | None) -> DateRange:
    if part not in _YEAR_PARTS:
        return year_range(year)
    first, last = _YEAR_PARTS[part]
    return DateRange(date(year, first, 1), date(year, last, _last_day(year, last)), MONTH)


def season_range(season: str, year: int) -> DateRange:
    """Northern-hemisphere meteorological seasons; winter Y runs from December Y to February Y+1."""
    s = season.lower()
    if s == "winter":
        return DateRange(date(year, 12, 1), date(year + 1, 2, _last_day(year + 1, 2)), MONTH)
    first, last = _SEASONS[s]
    return DateRange(date(year, first, 1), date(year, last, _last_day(year, last)), MONTH)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    """News convention: a bare weekday is the most recent such day, the day of publication included."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_before(anchor: date, weekday: int) -> date:
    """'last Tuesday': strictly before the anchor, so a week back when the anchor is a Tuesday."""
    back = (anchor.weekday() - weekday) % 7 or 7
    return anchor - timedelta(days=back)


def weekday_in_week(anchor: date, weekday: int) -> date:
    """'this Friday': that day of the anchor's Monday-to-Sunday week."""
    return anchor + timedelta(days=weekday - anchor.weekday())


def weekday_after(anchor: date, weekday: int) -> date:
    """'next Monday': the first such day after the anchor."""
    ahead = (weekday - anchor.weekday()) % 7 or 7
    return anchor + timedelta(days=ahead)


def week_of(anchor: date, weeks_back: int = 0) -> tuple[date, date]:
    """Monday and Sunday of the anchor's week, or of a week ``weeks_back`` earlier."""
    monday = anchor - timedelta(days=anchor.weekday() + 7 * weeks_back)
    return monday, monday + timedelta(days=6)


def weekend_on_or_before(anchor: date, strictly_before: bool = False) -> tuple[date, date]:
    """The Saturday and Sunday of the most recent weekend (the current one if the anchor is in it)."""
    saturday = weekday_on_or_before(anchor, 5)
    if strictly_before and anchor.weekday() >= 5:
        saturday -= timedelta(days=7)
    # On a Saturday, "this weekend" so far is that Saturday alone.
    return saturday, min(saturday + timedelta(days=1), max(anchor, saturday))


def month_on_or_before(anchor: date, month: int, strictly_before: bool = False) -> int:
    """The year of the most recent such month, the anchor's own month included unless strict."""
    if month < anchor.month or (month == anchor.month and not strictly_before):
        return anchor.year
    return anchor.year - 1


def quarter_range(year: int, quarter: int) -> DateRange:
    """The three months of a calendar quarter (Q1 = January to March)."""
    first = 3 * (quarter - 1) + 1
    return DateRange(date(year, first, 1), date(year, first + 2, _last_day(year, first + 2)), MONTH)


def quarter_on_or_before(anchor: date, quarter: int) -> int:
    """The year of the most recent such quarter that has begun by the anchor ("the third quarter" in October)."""
    return anchor.year if quarter <= (anchor.month - 1) // 3 + 1 else anchor.year - 1


def month_on_or_after(anchor: date, month: int) -> int:
    """The year of the next such month, the anchor's own month included ("will join in April")."""
    return anchor.year if month >= anchor.month else anchor.year + 1


def day_on_or_after(anchor: date, month: int, dom: int) -> int:
    """The year of the next such day and month, the anchor included ("payable Jan. 2" in November)."""
    return anchor.year if (month, dom) >= (anchor.month, anchor.day) else anchor.year + 1


def nearest_year(anchor: date, month: int, dom: int) -> int | None:
    """Year for a day and month given without one ("March 17").

    Reports look back far more than they look ahead, so the anchor's year is used
    unless that puts the day more than two months ahead (then the year before) or
    more than ten months back (then the year after: "Jan 3" in a late-December story).
    """
    candidate = safe_date(anchor.year, month, dom)
    if candidate is None:
        return anchor.year if safe_date(anchor.year - 1, month, dom) is None else anchor.year - 1
    delta = (candidate - anchor).days
    if delta > 61:
        return anchor.year - 1
    if delta < -305:
        return anchor.year + 1
    return anchor.year


def to_timex_value(value: DateRange | None) -> str | None:
    """The TIMEX3 value string that names the same period (for benchmarks on TimeML gold)."""
    if value is None or value.start is None or value.end is None:
        return None
    s, e = value.start, value.end
    if s == e:
        return s.isoformat()
    if s.day == 1 and s.month == e.month and s.year == e.year and e.day == _last_day(e.year, e.month):
        return f"{s.year:04d}-{s.month:02d}"
    if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
        return f"{s.year:04d}"
    if s.weekday() == 0 and (e - s).days == 6:
        iso = s.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if s.weekday() == 5 and (e - s).days == 1:
        iso = s.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}-WE"
    for name, code in (("spring", "SP"), ("summer", "SU"), ("autumn", "FA"), ("winter", "WI")):
        if season_range(name, s.year) == DateRange(s, e, value.time_precision):
            return f"{s.year:04d}-{code}"
    return f"{s.isoformat()}/{e.isoformat()}"


def to_timeml_value(value: DateRange | None) -> str | None:
    """The TIMEX3 value of our range, writing a part of a period as the period itself.

    TimeML writes "late November" as value="1999-11" plus mod="END", and
    "earlier this week" as the week; we keep the narrower range. For comparing
    values the range is named by the smallest calendar unit that holds it:
    a quarter, a month, a year, a decade ("199"), or an ISO week for a few days
    (precision 2).
    """
    plain = to_timex_value(value)
    if plain is None or "/" not in plain or value is None or value.start is None or value.end is None:
        return plain
    s, e = value.start, value.end
    for q in range(1, 5):
        if quarter_range(s.year, q) == DateRange(s, e, MONTH):
            return f"{s.year:04d}-Q{q}"
    if value.time_precision == WEEK and s.isocalendar()[:2] == e.isocalendar()[:2]:
        iso = s.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if value.time_precision == MONTH and (s.year, s.month) == (e.year, e.month):
        return f"{s.year:04d}-{s.month:02d}"
    if value.time_precision == MONTH and s.year == e.year:
        return f"{s.year:04d}"
    if value.time_precision == MONTH and s.year // 10 == e.year // 10 and (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
        return f"{s.year // 10:03d}"  # a decade or a part of one ("the late 1970s"): TimeML's "197"
    return plain

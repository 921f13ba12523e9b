"""The rules of time expressions: one regular expression per kind, with its resolver.

News reports date events relative to the day they are published ("on Thursday",
"earlier on Wednesday", "last week"). Each :class:`Rule` pairs a pattern with a
resolver from :mod:`dateline.mentions.time_resolvers` and a *trigger*: a cheap
pattern that every match contains (a month name, a year, "quarter"), so that the
finder in :mod:`dateline.mentions.times` scans only the stretches of text around
a trigger instead of every character of the article.

Month names are matched only with a capital letter and, when alone, only after a
preposition or a modifier ("in May", "late March"), so that "ISIS may attack" and
"a march through the city" are not dates. Years are four digits in 1800-2099 and,
when alone, need a preposition or a modifier too ("in 2013", "early 2013").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from ..model import DateRange
from . import time_resolvers as rs

__all__ = ["Rule", "RULES", "REF_RULES", "REF_VALUES", "TRIGGER_LEAD"]

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


_Q = r"(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?i:quarter)"


def _ci(words: str) -> str:
    """A case-insensitive group for sentence-initial words ("Yesterday", "Last week")."""
    return rf"(?i:{words})"


# --------------------------------------------------------------------------- checks


def _has_context(*names: str) -> Callable[[re.Match[str]], bool]:
    """A bare month, season or year is a date only with a preposition or modifier before it."""

    def check(m: re.Match[str]) -> bool:
        return any(rs.group(m, n) for n in names)

    return check


_QUARTER_MODS = r"latest|current|same|comparable|year[-\s]earlier|year[-\s]ago|prior[-\s]year|previous|fiscal|most\s+recent|recent|just[-\s]ended"


def _names_a_quarter(m: re.Match[str]) -> bool:
    """"the period" alone may be any stretch of time; "the latest period" and "the quarter" are the quarter reported."""
    if rs.group(m, "adj") or (rs.group(m, "unit") or "").lower() == "quarter":
        return True
    return bool(_REPORTING_MODS.search(rs.group(m, "mods") or ""))


# What makes "the ... period" a reporting period; "the same period" may be any stretch already told.
_REPORTING_MODS = re.compile(r"(?i:latest|comparable|year[-\s](?:earlier|ago)|prior[-\s]year|fiscal|just[-\s]ended|most\s+recent)")


_RANGE_LINKS = ("and", "to", "or")


def _year_context(m: re.Match[str]) -> bool:
    """A bare year is a date after a preposition, a modifier, "year"/"fiscal", or a determiner before a noun.

    "the 1996 Olympic bombing" and "its 1988 recapitalization" name a year; "and",
    "to" and "or" count only after another year ("between 1994 and 1997").
    """
    if rs.group(m, "mod") or rs.group(m, "yr"):
        return True
    if rs.group(m, "det") or rs.group(m, "poss"):
        return bool(_BEFORE_NOUN.match(m.string, m.end()))
    prep = (rs.group(m, "prep") or "").lower()
    if prep in _RANGE_LINKS:
        return bool(_YEAR_BEFORE.search(m.string, max(0, m.start() - 8), m.start()))
    return bool(prep)


_BEFORE_NOUN = re.compile(r"\s+[A-Za-z]")
_YEAR_BEFORE = re.compile(r"(?:1[89]|20)\d\d\s+$")


def _not_a_name(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start("wd") - 8) : m.start("wd")].split()
    return not (before and before[-1] in _WD_NAME_PREV)


# --------------------------------------------------------------------------- the rules


# Triggers: a word every match of a rule contains. A rule whose trigger is absent
# from an article is not run, and one whose trigger is present is run only near it.
_MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_TRIGGERS: dict[str, re.Pattern[str]] = {
    **dict.fromkeys(
        ("day_month_year", "month_day_year", "month_year", "day_month", "month_day", "month_of_rel_year", "month"),
        _MONTH_WORD,
    ),
    **dict.fromkeys(("season_year", "season"), re.compile(r"(?i:summer|winter|spring|autumn|fall)")),
    **dict.fromkeys(("quarter_year", "quarter"), re.compile(r"(?i:quarter)")),
    "quarter_ref": re.compile(r"(?i:quarter|period|year-)"),
    "decade": re.compile(r"\d0['’]?s"),
    "year": re.compile(r"(?:1[89]|20)\d\d"),
    "weekday": re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    "month_rel": re.compile(r"(?i:month)"),
    "year_rel": re.compile(r"(?i:year)"),
}


# The longest stretch before a trigger that a match may start with ("throughout
# Wednesday, the 17th of March" has 33 characters before "March").
TRIGGER_LEAD = 64


@dataclass(frozen=True)
class Rule:
    """One kind of time expression: its pattern, how it resolves, and whether it needs an anchor.

    ``trigger`` (optional) is a pattern found in every match, at most
    ``lead`` characters after the match starts (a rule whose matches open with
    few words gets a short lead, so that fewer characters are scanned).
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], date | None], DateRange | None]
    relative: bool = True
    check: Callable[[re.Match[str]], bool] | None = None
    trigger: re.Pattern[str] | None = None
    lead: int = TRIGGER_LEAD


def _rule(
    name: str,
    pattern: str,
    resolve: Callable[[re.Match[str], date | None], DateRange | None],
    relative: bool = True,
    check: Callable[[re.Match[str]], bool] | None = None,
) -> Rule:
    return Rule(name, re.compile(pattern), resolve, relative, check, _TRIGGERS.get(name))


def _absolute_rules() -> list[Rule]:
    """Dates that carry their own year: they resolve without an anchor."""
    return [
        _rule("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)", rs.iso, False),
        _rule("ymd", r"(?<![\d/])(?P<year>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])", rs.iso, False),
        _rule(
            "numeric",
            r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/.-]\d)",
            rs.numeric,
            False,
        ),
        _rule("day_month_year", rf"{_PREP_OPT}{_WD_PREFIX}(?:the\s+)?{_DOM}(?:\s+of)?\s+{_MON},?\s+{_YEAR}", rs.dmy, False),
        _rule("month_day_year", rf"{_PREP_OPT}{_WD_PREFIX}{_MON}\s+{_DOM},?\s+{_YEAR}", rs.dmy, False),
        _rule("month_year", rf"{_PREP_OPT}(?:{_MOD}[\s-]+)?{_MON},?\s+{_YEAR}", rs.month_year, False),
        _rule(
            "season_year",
            rf"{_PREP_OPT}(?:(?i:the)\s+)?(?:{_MOD}[\s-]+)?(?P<season>(?i:summer|winter|spring|autumn|fall))\s+(?:(?i:of)\s+)?{_YEAR}",
            rs.season_year,
            False,
        ),
        _rule("quarter_year", rf"{_PREP_OPT}(?:(?i:the)\s+)?{_Q}\s+(?:(?i:of)\s+)?{_YEAR}", rs.quarter_year, False),
        _rule(
            "decade",
            rf"{_PREP_OPT}(?:(?i:the)\s+)?(?:{_MOD}[\s-]+)?(?<![\d,.$€£])(?<!\d-)(?P<decade>(?:1[89]|20)\d0)['’]?s\b",
            rs.decade,
            False,
        ),
        _rule(
            "year",
            rf"(?:\b(?P<prep>(?i:{_PREP_WORDS}|of|for|into|due|and|to|or))\s+)?(?:\b(?P<det>(?i:the|a|an|its|his|her|their|this|that))\s+|(?P<poss>['’]s)\s+)?"
            rf"(?P<yr>(?i:year|fiscal(?:\s+year)?)\s+)?(?:{_MOD}[\s-]+)?(?<![\d,.$€£])(?<!\d-){_YEAR}"
            rf"(?![-/–]\d|,\d|\s*%|\s+(?i:{_COUNTED})\b)",
            rs.year,
            False,
            _year_context,
        ),
    ]


def _calendar_rules() -> list[Rule]:
    """Calendar names without a year: days and months, seasons, weekdays."""
    wd_rel = r"(?P<rel>(?i:last|past|previous|this|next|coming))"
    wd_prep = r"(?P<prep>(?i:(?:earlier|later|early|late)(?:\s+on)?|on|since|by|until|till|from|before|after|over|overnight))"
    return [
        _rule("day_month", rf"{_PREP_OPT}{_WD_PREFIX}(?:the\s+)?{_DOM}(?:\s+of)?\s+{_MON}", rs.dm),
        _rule("month_day", rf"{_PREP_OPT}{_WD_PREFIX}{_MON}\s+{_DOM}(?![\d:]|\s*%)", rs.dm),
        _rule(
            "month_of_rel_year",
            rf"{_PREP_OPT}(?:{_MOD}[\s-]+)?{_MON},?\s+(?P<which>(?i:this|last|next))\s+(?i:year)\b",
            rs.month_of_rel_year,
        ),
        _rule(
            "month",
            rf"{_PREP_OPT}(?:{_MOD}[\s-]+|(?P<rel>(?i:last|this|next|past))\s+)?{_MON}(?!['’]s|-|,?\s*\d)",
            rs.month_only,
            check=_has_context("prep", "mod", "rel"),
        ),
        # "the first quarter of the city" is a district: a quarter followed by "of" is only a date with a year
        _rule("quarter", rf"{_PREP_OPT}(?:(?P<rel>(?i:the|this|last|next))\s+)?{_Q}\b(?!\s+(?i:of)\b)", rs.quarter),
        # "the quarter", "the latest period", "the year-earlier quarter": the quarter under discussion
        _rule(
            "quarter_ref",
            rf"\b(?:(?P<det>(?i:the|this|that|its))\s+(?P<mods>(?:(?i:{_QUARTER_MODS})[\s-]+)*)(?P<unit>(?i:quarter|period))\b(?!\s+(?i:of|ended|ending)\b)"
            r"|(?P<adj>(?i:year-(?:earlier|ago)))\b)",
            rs.quarter_ref,
            check=_names_a_quarter,
        ),
        _rule(
            "season",
            rf"{_PREP_OPT}(?:(?P<rel>(?i:last|this|past|next))\s+(?P<fall>(?i:fall)\b)?|(?i:the)\s+(?:{_MOD}[\s-]+)?)"
            r"(?(fall)|(?P<season>(?i:summer|winter|spring|autumn)))(?!\s+(?i:of)\b)",
            rs.season_rel,
            check=_has_context("prep", "rel", "mod"),
        ),
        _rule(
            "weekday",
            rf"(?:{wd_prep}\s+|{wd_rel}\s+)?(?P<wd>{_WD_FULL})\b(?!\s+(?:{_WD_NAME_NEXT})\b)"
            r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?",
            rs.weekday,
            check=_not_a_name,
        ),
    ]


def _deictic_rules() -> list[Rule]:
    """Expressions that count from the publication day: today, last week, two months ago."""
    return [
        _rule("today", _ci(r"\b(?:(?:earlier|later)\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))\b"), rs.offset(0)),
        _rule("day_before_yesterday", _ci(r"\bthe\s+day\s+before\s+yesterday\b"), rs.offset(-2)),
        _rule("yesterday", _ci(r"\b(?:yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night)\b"), rs.offset(-1)),
        _rule("tomorrow", _ci(r"\btomorrow\b"), rs.offset(1)),
        _rule("day_before", _ci(r"\b(?:(?:the|a|one)\s+day\s+(?:before|earlier|prior)|the\s+previous\s+day)\b"), rs.offset(-1)),
        # Without the event it counts from, "a day after" is taken as the anchor day itself.
        _rule("day_after", _ci(r"\b(?:(?:the|a|one)\s+day\s+(?:after|later)|the\s+(?:next|following)\s+day)\b"), rs.offset(0)),
        _rule("days_ago", rf"\b{_N}\s+(?i:days?\s+(?:ago|earlier))\b", rs.days_ago),
        _rule("few_days_ago", _ci(r"\b(?:(?:a\s+)?few|several|a\s+couple\s+of|couple\s+of)\s+days\s+(?:ago|earlier)\b"), rs.few_days_ago),
        _rule(
            "past_days",
            rf"(?:\b(?i:in|over|during|within|for)\s+)?(?i:the\s+(?:past|last))\s+(?:{_N}|(?i:few|several|couple\s+of))\s+(?i:days)\b|(?i:\bin\s+recent\s+days)\b",
            rs.past_days,
        ),
        _rule("last_week", _ci(r"\b(?:(?P<mod>early|late)\s+)?(?:last\s+week|the\s+previous\s+week|the\s+week\s+before)\b"), rs.last_week),
        _rule("this_week", _ci(r"\b(?:(?P<mod>earlier|later|early|late)\s+)?this\s+week\b"), rs.this_week),
        _rule("next_week", _ci(r"\b(?:next|the\s+following|the\s+coming)\s+week\b"), rs.next_week),
        _rule("weeks_ago", rf"\b{_N}\s+(?i:weeks?\s+(?:ago|earlier|before))\b", rs.weeks_ago),
        _rule("past_weeks", rf"(?i:\bthe\s+(?:past|last)\s+)(?:{_N}\s+)?(?i:weeks?)\b", rs.past_weeks),
        _rule("weekend", _ci(r"\b(?:(?P<rel>last|this)|the\s+past|over\s+the|at\s+the|the)\s+weekend\b"), rs.weekend),
        _rule(
            "month_rel",
            rf"(?:{_MOD}[\s-]+|(?P<mod2>(?i:earlier|later))\s+)?(?P<which>(?i:last|this|next|the\s+previous|the\s+past))\s+(?i:month)\b",
            rs.month_rel,
        ),
        _rule("months_ago", rf"\b{_N}\s+(?i:months?\s+(?:ago|earlier|before))\b", rs.months_ago),
        _rule("past_months", rf"(?i:\bthe\s+(?:past|last)\s+){_N}\s+(?i:months)\b", rs.past_months),
        _rule(
            "year_rel",
            rf"(?:{_MOD}[\s-]+|(?P<mod2>(?i:earlier|later))\s+)?(?P<which>(?i:last|this|next|the\s+previous|the\s+past))\s+(?i:year)\b",
            rs.year_rel,
        ),
        _rule("years_ago", rf"\b{_N}\s+(?i:years?\s+(?:ago|earlier|before))\b", rs.years_ago),
        _rule(
            "ordinal_day",
            rf"(?i:\b(?:on|since|by|until|till|from|before|after)\s+the)\s+(?P<dom>[1-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\b|{_NOT_FUNCTION_WORD}))",
            rs.ordinal_day,
        ),
    ]


# In order of preference when two rules match the same stretch of text.
RULES: tuple[Rule, ...] = tuple(_absolute_rules() + _calendar_rules() + _deictic_rules())


# Words that refer to the present, past or future without naming a calendar period
# (TimeML's PRESENT_REF, PAST_REF, FUTURE_REF). They carry no value: an event is
# never dated by "now", and the clause's own date or the publication date is better.
REF_RULES: tuple[Rule, ...] = (
    _rule("present_ref", _ci(r"\b(?:(?:right\s+)?now|currently|at\s+present|nowadays|at\s+the\s+moment)\b"), rs.offset(0)),
    _rule("past_ref", _ci(r"\b(?:recently|lately|in\s+recent\s+(?:years|months|weeks|times)|in\s+the\s+past)\b(?!\s+(?:\d|few|several|two|three|year|month|week|day))"), rs.offset(0)),
    _rule("future_ref", _ci(r"\b(?:in\s+the\s+)?(?:near\s+|foreseeable\s+)?future\b"), rs.offset(0)),
)
REF_VALUES = {"present_ref": "PRESENT_REF", "past_ref": "PAST_REF", "future_ref": "FUTURE_REF"}

"""TimeML's other three kinds of time expression: durations, sets and times of day.

The pipeline dates events, so it finds DATEs only: "for three days" or "every
week" never dates anything. TimeML (and TempEval-3's scoring) also counts

- DURATION, a length of time: "three days" -> ``P3D``, "the past two months" ->
  ``P2M``, "a decade" -> ``P10Y``, "several weeks" -> ``PXW`` (X: unknown count);
- SET, a recurrence: "every week" / "weekly" -> ``P1W``, "each Thursday" ->
  ``XXXX-WXX-4``;
- TIME, a time of day: "10:30 p.m. Wednesday" -> ``1998-02-11T22:30``, and a
  part of a day ("Tuesday morning" -> ``...TMO``).

These rules run only with ``find_time_spans(..., timeml=True)``. Their value is
a TIMEX3 string written from the words of the span (:func:`timex_string`); the
``DateRange`` they give the finder is None, except for clock times, which carry
the day they fall on. Nothing here changes how the pipeline dates an event.
"""
from __future__ import annotations

import re
from datetime import date

from ..model import DateRange
from . import time_resolvers as rs
from . import timex as tx
from .time_rules import RULES, Rule

__all__ = ["TIMEML_RULES", "TIMEX_TYPES", "timex_string", "part_of_day", "day_for_clock", "clock_names_a_day"]

# --------------------------------------------------------------------------- counts and units

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_VALUE: dict[str, int] = {w: i for i, w in enumerate(_SMALL)} | _TENS | {"a": 1, "an": 1, "hundred": 100, "thousand": 1000}
_UNIT_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
_WORDS = rf"\b(?:{_UNIT_WORD}|{'|'.join(_SMALL[1:20][::-1])}|(?:a|one)\s+hundred|(?:a|one)\s+thousand|an?)"
# A count: digits ("24", "2 1/2"), words ("twenty four", "a"), with "and a half" allowed.
_COUNT = rf"(?P<n>(?<![\d.,$])\d{{1,3}}(?:\s+1/2|\.5)?(?![\d,])|(?i:{_WORDS})(?:\s+(?i:and\s+a\s+half))?)"

# Unit word -> (TIMEX3 letter, multiplier, time part?).
_UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False), "month": ("M", 1, False),
    "quarter": ("Q", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
}  # fmt: skip
_UNIT = r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|quarters?|years?|decades?|century|centuries))"
_PLURAL = r"(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries))"
# Words TimeML keeps inside a duration and records as its ``mod``.
_DMOD = (
    r"(?:(?i:at\s+least|nearly|almost|about|roughly|around|approximately|more\s+than|less\s+than|fewer\s+than"
    r"|no\s+more\s+than|up\s+to|over|some|only|just|an?\s+additional|another)\s+)?"
)
# A preposition before "the past three days" / "recent weeks", so that the duration ties with the DATE
# rule that also takes it ("in the past three days") and wins by order; TimeML leaves it out of the span.
_LEAD_PREP = r"(?:(?i:in|over|during|within|throughout)\s+(?=(?i:the|recent)\b))?"
_REL = r"(?i:past|last|next|first|latest|coming|previous|final|remaining|initial)"


def _count(raw: str) -> float:
    """The number a count names: "24" -> 24, "twenty four" -> 24, "2 1/2" -> 2.5, "a" -> 1."""
    raw = raw.lower().strip()
    half = 0.5 if raw.endswith(("1/2", ".5", "and a half")) else 0.0
    raw = re.sub(r"\s*(?:1/2|\.5|and\s+a\s+half)$", "", raw).strip()
    if raw.isdigit():
        return int(raw) + half
    total = 0
    for word in re.split(r"[\s-]+", raw):
        value = _WORD_VALUE.get(word, 0)
        total = total * value if value in (100, 1000) and total else total + value
    return total + half


def _unit(raw: str) -> tuple[str, int, bool]:
    word = raw.lower().rstrip("s")
    return _UNITS["century" if word.startswith("centur") else word]


def duration_value(count: float | None, unit_word: str) -> str:
    """A TIMEX3 duration: ``P3D``, ``PT24H``, ``P10Y`` for a decade, ``P2Y6M`` for two and a half years, ``PXW`` when the count is unknown."""
    letter, times, is_time = _unit(unit_word)
    prefix = "PT" if is_time else "P"
    if count is None:
        return f"{prefix}X{'DE' if times == 10 else 'C' if times == 100 else letter}"
    n = count * times
    if n == int(n):
        return f"{prefix}{int(n)}{letter}"
    whole = int(n)  # a half: written in the next smaller unit
    smaller = {"Y": ("M", 6), "M": ("D", 15), "W": ("D", 3), "D": ("TH", 12), "H": ("M", 30), "Q": ("M", 1)}.get(letter)
    if smaller is None:
        return f"{prefix}{whole}{letter}"
    if letter == "Q":
        return f"P{int(n * 3)}M"
    return f"{prefix}{whole}{letter}{smaller[1]}{smaller[0]}" if whole else f"{prefix}{smaller[1]}{smaller[0]}"


# --------------------------------------------------------------------------- sets and parts of the day

_ADVERB_SETS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M",
}  # fmt: skip
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}
_PART_WORD = re.compile(r"(?i:\b(?:mid-?\s?)?(morning|afternoon|evening|night|tonight|overnight)s?\b)")
_WD = r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
_MON_WORD = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"


def part_of_day(piece: str) -> str | None:
    """TimeML's code for the part of the day a span names ("Tuesday night" -> ``NI``), if any."""
    m = _PART_WORD.search(piece)
    return _PARTS[m.group(1).lower()] if m else None


# --------------------------------------------------------------------------- clock times

_CLOCK = (
    r"(?P<clock>(?P<h>(?<![\d:.])(?:1[0-2]|0?[1-9]))(?::(?P<min>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.\s?m\b\.?|[ap]m\b))"
    r"|(?P<h4>(?<![\d:.])(?:1[0-2]|[1-9]))\s+(?i:o'clock\s+)?(?i:in\s+the)\s+(?P<ampart>(?i:morning|afternoon|evening))"
    r"|(?P<h24>(?<![\d:.])(?:[01]\d|2[0-3])):?(?P<m24>[0-5]\d)(?=\s*(?:GMT|UTC|(?i:hrs|hours|local\s+time))\b)"
    r"|(?P<named>(?<![Hh]igh\s)\b(?i:noon|midnight|midday)\b))"
)
_ZONE = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|(?i:local\s+time)))?"
# A day named right after the clock ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6").
_CLOCK_DAY = (
    r"(?:,?\s+(?:(?i:on)\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?i:yesterday|today|tomorrow)"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b))?"
)


def clock_names_a_day(piece: str) -> bool:
    """Whether a clock-time span names its own day ("10 p.m. Wednesday")."""
    m = re.search(rf"{_CLOCK}{_ZONE}{_CLOCK_DAY}", piece)
    return bool(m and m.group("day"))


def _clock_hm(m: re.Match[str]) -> tuple[int, int]:
    named = (rs.group(m, "named") or "").lower()
    if named:
        return (24, 0) if named == "midnight" else (12, 0)
    if rs.group(m, "h24"):
        return int(m.group("h24")), int(m.group("m24"))
    if rs.group(m, "h4"):
        h = int(m.group("h4"))
        return (h % 12 + (12 if m.group("ampart").lower() != "morning" else 0), 0)
    h, minute = int(m.group("h")), int(rs.group(m, "min") or 0)
    pm = m.group("ampm").lower().startswith("p")
    return (h % 12 + (12 if pm else 0), minute)


def day_for_clock(text: str, anchor: date | None) -> DateRange | None:
    """The day a day name next to a clock time stands for, resolved by the DATE rules (None: not a day)."""
    for rule in RULES:
        m = rule.pattern.fullmatch(text)
        if m is not None:
            try:
                value = None if (rule.relative and anchor is None) else rule.resolve(m, anchor)
            except rs.NotADate:
                return None
            return value if value is not None and value.start == value.end else None
    return None


def _clock(m: re.Match[str], anchor: date | None) -> DateRange | None:
    """The day of a clock time: the day named with it, else the anchor's (the finder may move it to the day the sentence names)."""
    day = rs.group(m, "day")
    if day:
        return day_for_clock(day, anchor)
    return tx.day(anchor) if anchor is not None else None


def _none(m: re.Match[str], anchor: date | None) -> DateRange | None:
    return None


# --------------------------------------------------------------------------- the rules

_TRIG_UNIT = re.compile(r"\b(?i:second|minute|hour|day|night|week|month|quarter|year|decade|centur)")


def _trules() -> list[Rule]:
    """Durations, sets and clock times, in order of preference for spans of equal length."""
    wd_set = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    return [
        Rule("clock", re.compile(rf"(?:(?i:around|about|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?{_CLOCK}{_ZONE}{_CLOCK_DAY}"),
             _clock, True, None, re.compile(r"(?i:(?<![a-z])[ap]\.?\s?m\b|noon|midnight|midday|in\s+the\s+(?:morning|afternoon|evening)|GMT|UTC|hrs|hours|local\s+time)"), 24),
        # "every week", "each month", "every other day", "every two years", "each Thursday", "each July"
        Rule("set_every", re.compile(
            rf"\b(?i:every|each)\s+(?:(?P<other>(?i:other))\s+|{_COUNT}\s+)?(?:{_UNIT}\b|{wd_set}|{_MON_WORD})"),
            _none, False, None, re.compile(r"(?i:every|each)")),
        Rule("set_adverb", re.compile(rf"\b(?P<adv>(?i:{'|'.join(_ADVERB_SETS)}))\b(?!-)"), _none, False, None,
             re.compile(r"(?i:ly)\b")),
        # "twice a year", "three times a week", "per month", "$5 million a year": a rate
        Rule("set_rate", re.compile(rf"(?:(?<=\b[Oo]nce\s)|(?<=\b[Tt]wice\s)|(?<=\btimes\s)|(?<=\d\s)|(?<=illion\s)|(?<=thousand\s)|\b(?=(?i:per)\s))(?i:an?|per)\s+{_UNIT}\b(?![-’']\w)"),
             _none, False, None, _TRIG_UNIT, 8),
        # "on Tuesdays", "Tuesday nights": a weekday in the plural recurs
        Rule("set_weekdays", re.compile(rf"\b{_WD}s\b(?:\s+(?i:mornings|afternoons|evenings|nights))?"), _none, False, None,
             re.compile(r"days\b")),
        # "three days", "the past two months", "at least 72 hours", "a decade", "two-year", "the first nine months";
        # not an age ("a 6-year-old", "52 years old"), which TimeBank leaves out
        Rule("duration", re.compile(
            rf"{_LEAD_PREP}{_DMOD}(?:(?i:the)\s+(?:{_REL}\s+)?(?!\S+-\w))?{_COUNT}(?:\s+(?i:more|additional|full|straight|consecutive|trading|business|calendar))?"
            rf"[\s-]+{_UNIT}\b(?:-(?i:long)\b)?(?!\s+(?i:ago|earlier|before|old)\b)(?![-’']\w)"),
            _none, False, None, _TRIG_UNIT),
        # "several weeks", "the past few days", "a couple of years", "recent months", "the coming weeks"
        Rule("duration_vague", re.compile(
            rf"{_LEAD_PREP}(?:(?i:the)\s+)?(?:(?P<vrel>{_REL}|(?i:recent))\s+)?(?:(?P<few>(?i:a\s+few|few|several|many|a\s+couple\s+of|couple\s+of))\s+)?"
            rf"\b{_PLURAL}\b(?!\s+(?i:ago|earlier|before|of\s+the)\b)(?![-’']\w)"),
            _none, False, None, _TRIG_UNIT, 48),
        Rule("duration_for", re.compile(rf"(?<=\b[Ff]or\s){_PLURAL}\b(?!\s+(?i:ago|earlier|before)\b)"), _none, False, None, _TRIG_UNIT, 0),
        Rule("duration_ahead", re.compile(rf"\b(?i:the)\s+{_PLURAL}\s+(?i:ahead|to\s+come)\b"), _none, False, None, _TRIG_UNIT, 8),
    ]


def _duration_ok(m: re.Match[str]) -> bool:
    """"a second attack", "a night raid" and "a quarter of the vote" are not lengths of time."""
    unit = m.group("unit").lower()
    if unit in ("second", "night") and m.group("n").lower() in ("a", "an", "one"):
        return False
    return not (unit.startswith("quarter") and re.match(r"\s+of\b", m.string[m.end():]))


def _vague_ok(m: re.Match[str]) -> bool:
    """"several weeks" and "recent months" are lengths; a bare plural ("the years") is not claimed."""
    return bool(rs.group(m, "few") or (rs.group(m, "vrel") or "").lower() in ("recent", "coming", "next", "past", "last"))


_CHECKS = {"duration": _duration_ok, "duration_vague": _vague_ok}
TIMEML_RULES: tuple[Rule, ...] = tuple(
    Rule(r.name, r.pattern, r.resolve, r.relative, _CHECKS.get(r.name, r.check), r.trigger, r.lead)
    for r in _trules()
)

# TimeML's TIMEX3 type of what each rule finds; rules not named here find DATEs.
TIMEX_TYPES: dict[str, str] = {
    "clock": "TIME", "set_every": "SET", "set_rate": "SET", "set_adverb": "SET", "set_weekdays": "SET",
    "duration": "DURATION", "duration_vague": "DURATION", "duration_for": "DURATION", "duration_ahead": "DURATION",
}  # fmt: skip


def timex_string(piece: str, value: DateRange | None, rule: str) -> str | None:
    """The TIMEX3 value of a span found by one of :data:`TIMEML_RULES` (None for other rules)."""
    if rule == "clock":
        m = re.search(_CLOCK, piece)
        day = tx.to_timex_value(value)
        if m is None or day is None or len(day) != 10:
            return None
        h, minute = _clock_hm(m)
        return f"{day}T{h:02d}:{minute:02d}"
    if rule in ("duration", "duration_vague", "duration_for", "duration_ahead"):
        return _duration_string(piece, rule)
    if rule == "set_rate":
        return duration_value(1, re.search(_UNIT, piece).group("unit"))  # type: ignore[union-attr]
    if rule in ("set_every", "set_adverb", "set_weekdays"):
        return _set_string(piece, rule)
    return None


def _duration_string(piece: str, rule: str) -> str | None:
    m = re.search(rf"{_COUNT}(?:\s+\w+)?[\s-]+{_UNIT}\b", piece) if rule == "duration" else None
    if m is not None:
        return duration_value(_count(m.group("n")), m.group("unit"))
    unit = re.search(_UNIT, piece)
    if unit is None:
        return None
    couple = re.search(r"(?i:couple\s+of)", piece)
    return duration_value(2 if couple else None, unit.group("unit"))


def _set_string(piece: str, rule: str) -> str | None:
    if rule == "set_adverb":
        return _ADVERB_SETS.get(piece.lower())
    wd = re.search(_WD, piece)
    if wd is not None:
        part = part_of_day(piece)
        return f"XXXX-WXX-{tx.WEEKDAYS[wd.group('wd').lower()] + 1}" + (f"T{part}" if part else "")
    mon = re.search(_MON_WORD, piece)
    if mon is not None:
        return f"XXXX-{tx.MONTHS[mon.group('mon').lower()]:02d}"
    m = re.search(rf"(?i:every|each)\s+(?:(?P<other>(?i:other))\s+|{_COUNT}\s+)?{_UNIT}", piece)
    if m is None:
        return None
    n = 2 if m.group("other") else (_count(m.group("n")) if m.group("n") else 1)
    return duration_value(n, m.group("unit"))

"""Prefixes that pages put before the story: date stamps and datelines.

Scraped text often starts with the page's date ("Wed 05 Apr 2017",
"Published February 23 2015") and the story's first paragraph with a dateline
("HOMS –", "DAMASCUS (Reuters) -", "BEIRUT, April 28. /TASS/."). Both are
metadata, not story: the date can stand in for a missing publication date,
the dateline names where the report was filed. Left in the body, they glue
onto the first sentence and confuse the parser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["DateStamp", "Dateline", "match_date_stamp", "match_dateline", "place_case"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PREFIX = r"(?:(?:Posted|Published|Updated|Last\s+updated|First\s+published|Date(?:\s+of\s+publication)?)(?:\s+on|\s+at)?\s*:?\s+)?"
_TIME = r"(?:\s*[,|]?\s*(?:at\s+\d{3,4}|(?:at\s+)?\d{1,2}[:.]\d{2})(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC)(?:[+-]\d{1,2})?)?)?"


@dataclass(frozen=True)
class DateStamp:
    end: int  # offset in the searched string just after the stamp
    value: date


def _build_stamp() -> re.Pattern[str]:
    """One pattern for every stamp form; alternatives need distinct group names."""
    forms = [
        rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",
        rf"{_MONTH.replace('mon>', 'mon2>')}\s+{_DAY.replace('day>', 'day2>')},?\s+{_YEAR.replace('year>', 'year2>')}",
        r"(?P<dday>[0-3]?\d)(?P<dsep>[./-])(?P<dmon>[01]?\d)(?P=dsep)(?P<dyear>(?:19|20)\d\d)",
        r"(?P<iyear>(?:19|20)\d\d)-(?P<imon>[01]\d)-(?P<iday>[0-3]\d)",
    ]
    body = "|".join(f"(?:{f})" for f in forms)
    return re.compile(
        rf"{_PREFIX}(?:{_WEEKDAY}\s*)?(?:{body}){_TIME}(?:\s*[|\-–—:,]?(?=\s)|\s*$)",
        re.IGNORECASE,
    )


_STAMP = _build_stamp()


def _stamp_date(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    try:
        if g.get("mon"):
            return date(int(g["year"]), _MONTHS[g["mon"][:3].lower()], int(g["day"]))
        if g.get("mon2"):
            return date(int(g["year2"]), _MONTHS[g["mon2"][:3].lower()], int(g["day2"]))
        if g.get("dmon"):
            return date(int(g["dyear"]), int(g["dmon"]), int(g["dday"]))
        if g.get("imon"):
            return date(int(g["iyear"]), int(g["imon"]), int(g["iday"]))
    except (ValueError, KeyError):
        return None
    return None


def match_date_stamp(s: str, pos: int = 0) -> DateStamp | None:
    """A date stamp at ``s[pos:]`` (after leading whitespace), or None."""
    while pos < len(s) and s[pos].isspace():
        pos += 1
    m = _STAMP.match(s, pos)
    if not m:
        return None
    value = _stamp_date(m)
    if value is None:
        return None
    return DateStamp(m.end(), value)


# --------------------------------------------------------------------------- datelines

_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]"
_CAPS_PLACE = rf"(?P<place>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,3}})"
_TITLE_PLACE = r"(?P<place>[A-Z][a-z'’\-]+(?:[\s\-][A-Z][a-z'’\-]+){0,2})"
_REGION = r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z.'’\-]+(?:\s[A-Z][A-Za-z.'’\-]+){0,2}))?"
_AGENCY = r"(?:\s*\((?P<agency>[A-Za-z][\w.&\- ]{0,30})\))?"
_DASH = r"\s*(?:[–—]|-{1,2})\s+"
_DATELINES = [
    # BEIRUT, April 28. /TASS/.
    re.compile(rf"{_CAPS_PLACE},\s+{_MONTH}\s+\d{{1,2}}\.?\s*/(?P<agency>[A-Za-z\-]+)/\.?\s*"),
    # MOGADISHU, Nov 10 (Reuters) – / KABUL, March 3, 2019 -
    re.compile(rf"{_CAPS_PLACE},\s+{_MONTH}\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?{_AGENCY}{_DASH}"),
    # HOMS – / ALEPPO, Syria — / DAMASCUS (Reuters) -
    re.compile(rf"{_CAPS_PLACE}{_REGION}{_AGENCY}{_DASH}"),
    # Beirut (AFP) - : a mixed-case place only with an agency, or "Beirut" alone is just a word.
    re.compile(rf"{_TITLE_PLACE}{_REGION}\s*\((?P<agency>[A-Za-z][\w.&\- ]{{0,30}})\){_DASH}"),
    # BEIRUT: Syrian forces ...
    re.compile(rf"{_CAPS_PLACE}\s*:\s+(?=[A-Z])"),
]
# Capitalised lead-ins that are not places.
_NOT_PLACES = {
    "BREAKING", "UPDATE", "UPDATED", "WATCH", "VIDEO", "PHOTOS", "PHOTO", "EXCLUSIVE", "ANALYSIS",
    "OPINION", "EDITORIAL", "LIVE", "URGENT", "FLASH", "NOTE", "EDITOR'S NOTE", "FILE", "READ",
}  # fmt: skip


@dataclass(frozen=True)
class Dateline:
    end: int
    place: str
    agency: str | None


def place_case(name: str) -> str:
    """"DEIR EZ-ZOR" -> "Deir Ez-Zor": capitals after spaces and hyphens only (keeps "Ma'arrat")."""
    out = []
    upper_next = True
    for ch in name.lower():
        out.append(ch.upper() if upper_next else ch)
        upper_next = ch in " -"
    return "".join(out)


def match_dateline(s: str, pos: int = 0) -> Dateline | None:
    """A dateline at ``s[pos:]`` followed by the story, or None."""
    for rx in _DATELINES:
        m = rx.match(s, pos)
        if not m:
            continue
        place = re.sub(r"\s+", " ", m.group("place")).strip(" .")
        if place.upper() in _NOT_PLACES or place.upper().startswith("DEAR ") or len(place.replace(" ", "")) < 3:
            # "DEAR ABBY:" opens a letter, not a report filed from somewhere
            continue
        if m.end() >= len(s) or not s[m.end() :].strip():
            continue  # a dateline introduces text; alone it is something else
        agency = m.groupdict().get("agency")
        return Dateline(m.end(), place_case(place) if place.isupper() else place, agency)
    return None

"""Benchmark of time resolution on TimeML gold (TimeBank + AQUAINT, TempEval-3 "TBAQ-cleaned").

Gold spans are given: for every in-text TIMEX3 of type DATE we resolve its text
against the document creation time (DCT) with
:func:`dateline.mentions.times.resolve_expression` and compare with the gold
``value``. Two scores:

- ``strict``: our range written as a TIMEX3 value equals the gold value
  ("1998-11-20", "1998-10", "1998-W45", "1998");
- ``contains``: the gold period, where it is a calendar period, lies inside our
  range (credit for a right but wider answer, which ACLED precision allows).

The data are read from ``../shared/eval/dates-tbaq`` and never copied here.
"""
from __future__ import annotations

import calendar
import html
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..mentions.times import resolve_expression
from ..mentions.timex import to_timex_value

__all__ = ["bench_dates", "read_tml", "gold_interval"]

_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def read_tml(path: Path) -> tuple[date | None, list[tuple[str, str]]]:
    """The DCT and the (text, value) of every in-text DATE TIMEX3 of one .tml file."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct: date | None = None
    dates: list[tuple[str, str]] = []
    for m in _TIMEX.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        value = attrs.get("value", "")
        if attrs.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = date.fromisoformat(value[:10])
            except ValueError:
                dct = None
            continue
        if attrs.get("type") == "DATE":
            text = html.unescape(_TAG.sub("", m.group(2))).strip()
            dates.append((re.sub(r"\s+", " ", text), value))
    return dct, dates


def gold_interval(value: str) -> tuple[date, date] | None:
    """First and last day of a calendar TIMEX3 value (day, month, ISO week, year); None otherwise."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = date.fromisoformat(value)
            return d, d
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, mo = int(value[:4]), int(value[5:])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            monday = date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return monday, monday + timedelta(days=6)
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None
    return None


def bench_dates(root: Path) -> dict[str, Any]:
    """Score value resolution over every .tml file under ``root`` (gold spans given)."""
    total = calendar_total = strict = contains = resolved = 0
    by_rule_miss: dict[str, int] = {}
    for path in sorted(Path(root).rglob("*.tml")):
        dct, dates = read_tml(path)
        if dct is None:
            continue
        for text, value in dates:
            total += 1
            ours = resolve_expression(text, dct)
            resolved += ours is not None
            strict += to_timex_value(ours) == value
            gold = gold_interval(value)
            if gold is None:
                continue
            calendar_total += 1
            if ours is not None and ours.start and ours.end and ours.start <= gold[0] and gold[1] <= ours.end:
                contains += 1
            elif ours is None:
                by_rule_miss[value[:4].isdigit() and "unfound" or "other"] = by_rule_miss.get("unfound", 0) + 1
    return {
        "dates": total,
        "calendar_dates": calendar_total,
        "resolved": resolved,
        "strict": strict,
        "strict_accuracy": round(strict / total, 4) if total else None,
        "contains": contains,
        "contains_accuracy_calendar": round(contains / calendar_total, 4) if calendar_total else None,
    }

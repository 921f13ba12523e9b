"""TimeML's durations, sets and clock times (``find_time_spans(..., timeml=True)``), and that the pipeline ignores them."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.mentions.timeml import timeml_value, timex_type
from dateline.mentions.timeml_rules import duration_value
from dateline.mentions.times import find_time_spans

WED = date(1998, 1, 14)  # a Wednesday


def _timeml(text: str, anchor: date = WED) -> list[tuple[str, str, str | None]]:
    """(span text, TIMEX3 type, TIMEX3 value) of every expression found with TimeML's conventions."""
    out = []
    for s, e, v, r in find_time_spans(text, anchor, timeml=True):
        assert text[s:e]  # every span is a piece of the text
        out.append((text[s:e], timex_type(text[s:e], r), timeml_value(text, s, e, v, r)))
    return out


@pytest.mark.parametrize(
    ("text", "piece", "value"),
    [
        ("The siege lasted three days.", "three days", "P3D"),
        ("He served two years in prison.", "two years", "P2Y"),
        ("Prices rose over the past three months.", "over the past three months", "P3M"),
        ("It took a decade to rebuild.", "a decade", "P10Y"),
        ("Talks went on for 24 hours.", "24 hours", "PT24H"),
        ("The strike lasted several weeks.", "several weeks", "PXW"),
        ("They had been waiting for months.", "months", "PXM"),
        ("a three-day visit", "three-day", "P3D"),
        ("at least 72 hours", "at least 72 hours", "PT72H"),
        ("in the first nine months", "in the first nine months", "P9M"),
        ("nearly two and a half years", "nearly two and a half years", "P2Y6M"),
        ("the next few days", "the next few days", "PXD"),
        ("twenty four hours later", "twenty four hours", "PT24H"),
    ],
)
def test_durations(text: str, piece: str, value: str) -> None:
    assert (piece, "DURATION", value) in _timeml(text)


def test_ages_ordinals_and_shares_are_not_durations() -> None:
    assert _timeml("The 6-year-old boy, 52 years old, came a second time.") == []
    assert _timeml("They won a quarter of the vote.") == []


def test_years_ago_stays_a_date() -> None:
    assert _timeml("The town fell two years ago.") == [("two years ago", "DATE", "1996")]


@pytest.mark.parametrize(
    ("text", "piece", "value"),
    [
        ("Patrols go out every week.", "every week", "P1W"),
        ("The rallies are held daily.", "daily", "P1D"),
        ("They meet twice a year.", "a year", "P1Y"),
        ("It reports annually.", "annually", "P1Y"),
        ("Rent is due each month.", "each month", "P1M"),
        ("Flights leave each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("Markets open on Tuesdays.", "Tuesdays", "XXXX-WXX-2"),
        ("Convoys run every other week.", "every other week", "P2W"),
    ],
)
def test_sets(text: str, piece: str, value: str) -> None:
    assert (piece, "SET", value) in _timeml(text)


@pytest.mark.parametrize(
    ("text", "piece", "value"),
    [
        ("The blast came at 10 a.m.", "10 a.m.", "1998-01-14T10:00"),
        ("Shelling resumed at 10:30 p.m. Monday.", "10:30 p.m. Monday", "1998-01-12T22:30"),
        ("Clashes broke out Tuesday morning.", "Tuesday morning", "1998-01-13TMO"),
        ("He will speak tonight.", "tonight", "1998-01-14TNI"),
        ("Police said this morning.", "this morning", "1998-01-14TMO"),
        ("Troops moved in last night.", "last night", "1998-01-13TNI"),
        ("The ceasefire began at noon Tuesday.", "noon Tuesday", "1998-01-13T12:00"),
        ("The attack began at 14:30 GMT.", "14:30 GMT", "1998-01-14T14:30"),
    ],
)
def test_times_of_day(text: str, piece: str, value: str) -> None:
    assert (piece, "TIME", value) in _timeml(text)


def test_a_clock_time_takes_the_day_its_sentence_names() -> None:
    found = _timeml("On Monday the army attacked at 10:35 a.m. near the town.")
    assert ("10:35 a.m.", "TIME", "1998-01-12T10:35") in found
    assert ("around noon", "TIME", "1998-01-14T12:00") in _timeml("It ended around noon. Tuesday was calm.")


def test_noon_inside_afternoon_or_high_noon_is_not_a_clock() -> None:
    assert [t for t in _timeml("It rained in the mid-afternoon; high noon came.") if t[1] == "TIME" and "noon" in t[0]] == []


def test_pipeline_rules_find_no_durations_sets_or_clocks() -> None:
    text = "Fighting over the past three days, every week, daily, at 10 a.m., for months, a decade."
    rules = {r for _s, _e, _v, r in find_time_spans(text, WED)}
    assert rules == {"past_days"}  # the pipeline's own rule, a date range, as before


def test_duration_values() -> None:
    assert duration_value(3, "days") == "P3D"
    assert duration_value(2.5, "hours") == "PT2H30M"
    assert duration_value(None, "weeks") == "PXW"
    assert duration_value(2, "decades") == "P20Y"
    assert duration_value(1, "century") == "P100Y"


def test_trigger_windows_give_what_a_full_scan_gives_for_timeml_rules() -> None:
    from dateline.mentions import times
    from dateline.mentions.timeml_rules import TIMEML_RULES

    text = ("For months, at least 72 hours and the past three days; twice a year, $5 million a year, each Thursday, "
            "daily, on Tuesdays, at 10:30 p.m. Monday, 14:30 GMT, noon, 4 in the morning, recent weeks. ") * 3
    for rule in TIMEML_RULES:
        assert [m.span() for m in rule.pattern.finditer(text)] == [
            m.span() for m in times._matches(rule, text, {})
        ], rule.name

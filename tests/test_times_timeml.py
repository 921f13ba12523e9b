"""Time expressions: bare years, seasons, quarters under discussion, TimeML values, trigger windows."""
from __future__ import annotations

from datetime import date

from dateline.mentions import times
from dateline.mentions.timeml import timeml_value
from dateline.mentions.times import RULES, find_time_spans
from dateline.mentions.timex import to_timeml_value

NOV2 = date(1989, 11, 2)


def _found(text: str, anchor: date = NOV2, **options: bool) -> list[tuple[str, str | None, str]]:
    return [(text[s:e], to_timeml_value(v), r) for s, e, v, r in find_time_spans(text, anchor, **options)]


def test_bare_year_before_a_noun_or_in_a_range() -> None:
    assert _found("He recalled the 1996 Olympic bombing.") == [("the 1996", "1996", "year")]
    assert [v for _t, v, _r in _found("Sales fell between 1994 and 1997.")] == ["1994", "1997"]
    assert _found("The Enforcement Act of 1989 applies.") == [("of 1989", "1989", "year")]


def test_bare_year_still_not_a_count() -> None:
    assert _found("the 2000 troops and killed 12 and 2000 were hurt") == []
    assert _found("destroyed more than 2000 oil tankers") == []


def test_seasons_with_a_relative_word() -> None:
    assert _found("Hiring began last fall.") == [("last fall", "1988-FA", "season")]
    assert _found("It opens next spring.") == [("next spring", "1990-SP", "season")]
    assert _found("He fell in the fall of Aleppo.") == []


def test_the_quarter_is_the_last_quarter_named() -> None:
    text = "Third-quarter profit rose. Revenue in the quarter grew, and the year-earlier quarter was weak."
    assert [(t, v) for t, v, _r in _found(text)] == [
        ("Third-quarter", "1989-Q3"), ("the quarter", "1989-Q3"), ("the year-earlier quarter", "1988-Q3"),
    ]


def test_the_quarter_alone_is_the_one_last_completed() -> None:
    assert _found("Sales in the latest period rose.") == [("the latest period", "1989-Q3", "quarter_ref")]
    assert _found("Eleven fighters died in the same period.") == []


def test_a_year_earlier_takes_the_quarter_only_with_timeml_conventions() -> None:
    text = "Citadel posted a third-quarter loss, versus net income a year earlier."
    assert _found(text)[-1][1] == "1988"
    assert _found(text, timeml=True)[-1][1] == "1988-Q3"


def test_timeml_values_for_days_decades_and_refs() -> None:
    text = "Wednesday night"
    (s, e, v, r), = find_time_spans(text, date(2000, 1, 7))
    assert timeml_value(text, s, e, v, r) == "2000-01-05TNI"  # TimeML's part-of-day suffix
    assert _found("in the late 1970s")[0][1] == "197"
    text = "Prices are high now."
    (s, e, v, r), = find_time_spans(text, NOV2, timeml=True)
    assert timeml_value(text, s, e, v, r) == "PRESENT_REF"


def test_trigger_windows_give_what_a_full_scan_gives() -> None:
    text = ("On Wednesday, the 17th of March 2016 and in early 2013, late May, the summer of 2014, "
            "the third quarter of 2015 and the 1990s; also mid-November and March 17. ") * 3
    for rule in RULES:
        assert [m.span() for m in rule.pattern.finditer(text)] == [
            m.span() for m in times._matches(rule, text, {})
        ], rule.name


def test_future_cue_sends_a_yearless_month_forward_but_a_passive_does_not() -> None:
    assert _found("The company expects to release results in mid-November.", date(1989, 10, 27))[0][1] == "1989-11"
    assert _found("attacks suspected to be carried out in April", date(2017, 10, 8))[0][1] == "2017-04"

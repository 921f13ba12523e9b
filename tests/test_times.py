"""Time expressions: resolution against the publication date, spans, false positives."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.mentions.times import TimeStage, find_time_spans, find_times, resolve_expression
from dateline.mentions.timex import to_timex_value
from dateline.model import Article, DateRange
from dateline.pipeline import Pipeline

THU = date(2016, 3, 17)  # a Thursday
D = date

# (expression, anchor, expected start, expected end, time_precision)
CASES = [
    ("Thursday", THU, D(2016, 3, 17), D(2016, 3, 17), 1),
    ("on Monday", THU, D(2016, 3, 14), D(2016, 3, 14), 1),
    ("on Monday night", THU, D(2016, 3, 14), D(2016, 3, 14), 1),
    ("earlier on Wednesday", THU, D(2016, 3, 16), D(2016, 3, 16), 1),
    ("late on Friday", THU, D(2016, 3, 11), D(2016, 3, 11), 1),
    ("Sunday", THU, D(2016, 3, 13), D(2016, 3, 13), 1),
    ("last Tuesday", THU, D(2016, 3, 15), D(2016, 3, 15), 1),
    ("last Thursday", THU, D(2016, 3, 10), D(2016, 3, 10), 1),
    ("next Monday", THU, D(2016, 3, 21), D(2016, 3, 21), 1),
    ("last Saturday", D(2016, 3, 19), D(2016, 3, 12), D(2016, 3, 12), 1),
    ("today", THU, THU, THU, 1),
    ("this morning", THU, THU, THU, 1),
    ("tonight", THU, THU, THU, 1),
    ("yesterday", THU, D(2016, 3, 16), D(2016, 3, 16), 1),
    ("the day before", THU, D(2016, 3, 16), D(2016, 3, 16), 1),
    ("the day before yesterday", THU, D(2016, 3, 15), D(2016, 3, 15), 1),
    ("two days ago", THU, D(2016, 3, 15), D(2016, 3, 15), 1),
    ("3 days ago", THU, D(2016, 3, 14), D(2016, 3, 14), 1),
    ("a day after", THU, THU, THU, 1),
    ("a few days ago", THU, D(2016, 3, 10), D(2016, 3, 15), 2),
    ("last week", THU, D(2016, 3, 7), D(2016, 3, 13), 2),
    ("late last week", THU, D(2016, 3, 10), D(2016, 3, 13), 2),
    ("this week", THU, D(2016, 3, 14), D(2016, 3, 20), 2),
    ("earlier this week", THU, D(2016, 3, 14), D(2016, 3, 16), 2),
    ("next week", THU, D(2016, 3, 21), D(2016, 3, 27), 2),
    ("two weeks ago", THU, D(2016, 2, 29), D(2016, 3, 6), 2),
    ("last weekend", THU, D(2016, 3, 12), D(2016, 3, 13), 2),
    ("last month", THU, D(2016, 2, 1), D(2016, 2, 29), 3),
    ("late last month", THU, D(2016, 2, 20), D(2016, 2, 29), 3),
    ("early last month", THU, D(2016, 2, 1), D(2016, 2, 10), 3),
    ("this month", THU, D(2016, 3, 1), D(2016, 3, 31), 3),
    ("earlier this month", THU, D(2016, 3, 1), D(2016, 3, 16), 3),
    ("last month", D(2016, 1, 9), D(2015, 12, 1), D(2015, 12, 31), 3),
    ("In May 2015", THU, D(2015, 5, 1), D(2015, 5, 31), 3),
    ("May 2015", None, D(2015, 5, 1), D(2015, 5, 31), 3),
    ("in May", THU, D(2015, 5, 1), D(2015, 5, 31), 3),
    ("in February", THU, D(2016, 2, 1), D(2016, 2, 29), 3),
    ("in March", THU, D(2016, 3, 1), D(2016, 3, 31), 3),
    ("mid-March", THU, D(2016, 3, 10), D(2016, 3, 20), 3),
    ("late May 2015", None, D(2015, 5, 20), D(2015, 5, 31), 3),
    ("June last year", THU, D(2015, 6, 1), D(2015, 6, 30), 3),
    ("since the summer of 2014", None, D(2014, 6, 1), D(2014, 8, 31), 3),
    ("in 2013", None, D(2013, 1, 1), D(2013, 12, 31), 3),
    ("in early 2013", None, D(2013, 1, 1), D(2013, 4, 30), 3),
    ("the end of 2013", None, D(2013, 9, 1), D(2013, 12, 31), 3),
    ("last year", THU, D(2015, 1, 1), D(2015, 12, 31), 3),
    ("the 1990s", None, D(1990, 1, 1), D(1999, 12, 31), 3),
    ("17 March 2016", None, THU, THU, 1),
    ("the 17th of March 2016", None, THU, THU, 1),
    ("March 17, 2016", None, THU, THU, 1),
    ("Thursday, March 17, 2016", None, THU, THU, 1),
    ("Wed 05 Apr 2017", None, D(2017, 4, 5), D(2017, 4, 5), 1),
    ("2016-03-17", None, THU, THU, 1),
    ("17/03/2016", None, THU, THU, 1),
    ("03/17/2016", None, THU, THU, 1),
    ("29 February 2016", None, D(2016, 2, 29), D(2016, 2, 29), 1),
    ("March 17", THU, THU, THU, 1),
    ("15 March", THU, D(2016, 3, 15), D(2016, 3, 15), 1),
    ("Dec 28", D(2017, 1, 5), D(2016, 12, 28), D(2016, 12, 28), 1),
    ("Jan. 3", D(2016, 12, 29), D(2017, 1, 3), D(2017, 1, 3), 1),
    ("on the 15th", THU, D(2016, 3, 15), D(2016, 3, 15), 1),
    ("on the 20th", THU, D(2016, 2, 20), D(2016, 2, 20), 1),
]


@pytest.mark.parametrize("text,anchor,start,end,precision", CASES, ids=[c[0] + "@" + str(c[1]) for c in CASES])
def test_resolution_table(text: str, anchor: date | None, start: date, end: date, precision: int) -> None:
    assert resolve_expression(text, anchor) == DateRange(start, end, precision)


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("offset", range(7))
def test_weekday_on_its_own_day_is_that_day(offset: int) -> None:
    anchor = D(2016, 3, 14) + timedelta(days=offset)  # Monday .. Sunday
    name = anchor.strftime("%A")
    assert resolve_expression(name, anchor) == DateRange(anchor, anchor, 1)
    assert resolve_expression(f"last {name}", anchor) == DateRange(anchor - timedelta(7), anchor - timedelta(7), 1)


@pytest.mark.parametrize(
    "text", ["Thursday", "yesterday", "last week", "in May", "March 17", "on the 15th", "today", "two days ago"]
)
def test_relative_expressions_need_an_anchor(text: str) -> None:
    assert resolve_expression(text, None) is None


def test_without_anchor_mentions_are_kept_unresolved_and_absolute_dates_resolve() -> None:
    text = "Fighting erupted on Tuesday, weeks after the truce of 27 February 2016."
    art = Article(id="a", raw=text, text=text, published=None)
    mentions = find_times(art)
    assert [(m.span.text, m.rule) for m in mentions] == [("on Tuesday", "weekday"), ("27 February 2016", "day_month_year")]
    assert mentions[0].value is None
    assert mentions[1].value == DateRange(D(2016, 2, 27), D(2016, 2, 27), 1)


def test_ambiguous_numeric_date_is_found_but_not_resolved() -> None:
    spans = find_time_spans("The report dated 03/04/2016 said", THU)
    assert [(s[2], s[3]) for s in spans] == [(None, "numeric")]


def test_datetime_anchor_is_accepted() -> None:
    from datetime import datetime

    assert resolve_expression("yesterday", datetime(2016, 3, 17, 23, 59)) == DateRange(D(2016, 3, 16), D(2016, 3, 16), 1)


@pytest.mark.parametrize(
    "text",
    [
        "ISIS may attack the base, officials warned.",
        "May God protect them, a resident said.",
        "Thousands joined a march through the city.",
        "March on the capital was announced by the opposition.",
        "The Sunday Times reported the raid.",
        "The Good Friday agreement was cited.",
        "Troops recaptured hills 800 and 900.",
        "More than 2000 people fled.",
        "Shelling damaged 2015 homes in the district.",
        "Fighters reached the 15th floor of the building.",
        "The vote was backed by May's government.",
    ],
)
def test_false_positives(text: str) -> None:
    assert find_time_spans(text, THU) == []


def test_article_walkthrough_and_spans() -> None:
    text = (
        "HOMS – The group claimed Thursday that its fighters killed an officer. "
        "This comes one day after heavy clashes, activists said. "
        "Troops recaptured two hills earlier on Wednesday. "
        "In May 2015, the group took over the town; since then it has held it."
    )
    art = Article(id="w", raw=text, text=text, published=THU)
    got = [(m.span.text, m.value.start if m.value else None) for m in find_times(art)]
    assert got == [
        ("Thursday", THU),
        ("one day after", THU),
        ("earlier on Wednesday", D(2016, 3, 16)),
        ("In May 2015", D(2015, 5, 1)),
    ]
    for m in find_times(art):
        assert text[m.span.start : m.span.end] == m.span.text


def test_time_stage_fills_times_and_fits_a_pipeline() -> None:
    stage = TimeStage()
    assert (stage.name, stage.requires, stage.assigns) == ("times", ("text", "published"), ("times",))
    Pipeline([stage], provided=("text", "published"))
    text = "Gunmen attacked a checkpoint on Saturday."
    art = stage(Article(id="s", raw=text, text=text, published=D(2017, 6, 5)), None)
    assert [(m.span.text, m.value) for m in art.times] == [("on Saturday", DateRange(D(2017, 6, 3), D(2017, 6, 3), 1))]


def test_timex_values() -> None:
    assert to_timex_value(resolve_expression("last week", THU)) == "2016-W10"
    assert to_timex_value(resolve_expression("in May 2015", None)) == "2015-05"
    assert to_timex_value(resolve_expression("in 2013", None)) == "2013"
    assert to_timex_value(resolve_expression("Thursday", THU)) == "2016-03-17"


# --------------------------------------------------------------------------- property: offsets

_EXPRESSIONS = [
    "on Monday", "Thursday", "earlier on Wednesday", "last week", "yesterday", "In May 2015",
    "17 March 2016", "March 17, 2016", "in early 2013", "two days ago", "late last month",
    "since the summer of 2014", "on the 15th", "2016-03-17", "this morning", "last Tuesday",
]  # fmt: skip
_FILLERS = [
    "ISIS fighters attacked", "the army said", "clashes erupted", "near Palmyra", "according to activists",
    "at least 12 people were killed", "a march through the city", "rebels may withdraw", "and",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(st.tuples(st.sampled_from(_FILLERS), st.sampled_from(_EXPRESSIONS)), min_size=1, max_size=6),
    anchor=st.one_of(st.none(), st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31))),
    sep=st.sampled_from([" ", ", ", ". ", "\n", " – "]),
)
def test_offsets_property(parts: list[tuple[str, str]], anchor: date | None, sep: str) -> None:
    text, starts = "", []
    for filler, expr in parts:
        text += filler + sep
        starts.append((len(text), expr))
        text += expr + sep
    art = Article(id="p", raw=text, text=text, published=anchor)
    mentions = find_times(art)
    last_end = -1
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text
        assert m.span.start >= last_end
        last_end = m.span.end
        if m.value is not None:
            assert m.value.start is not None and m.value.end is not None and m.value.start <= m.value.end
            assert m.value.time_precision in (1, 2, 3)
    for start, expr in starts:
        following = text[start + len(expr) : start + len(expr) + 2].strip()
        if expr == "on the 15th" and following[:1].islower():
            continue  # "on the 15th floor": an ordinal before a lower-case word is left alone on purpose
        assert any(m.span.start <= start and start + len(expr) <= m.span.end for m in mentions), expr


# --------------------------------------------------------------------------- benchmark floor

_TBAQ = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dates-tbaq"


@pytest.mark.skipif(not _TBAQ.is_dir(), reason="shared TimeBank/AQUAINT data not present")
def test_timebank_floor() -> None:
    from dateline.bench.dates import bench_dates

    result = bench_dates(_TBAQ)
    assert result["dates"] > 1000
    assert result["strict_accuracy"] >= 0.65
    assert result["contains_accuracy_calendar"] >= 0.80


# --------------------------------------------------------------------------- quarters, tense, reference words

from dateline.mentions.timex import to_timeml_value  # noqa: E402


def _one(text: str, anchor: date, **options: bool) -> tuple[str, DateRange | None, str]:
    spans = find_time_spans(text, anchor, **options)
    assert len(spans) == 1, spans
    start, end, value, rule = spans[0]
    return text[start:end], value, rule


def test_quarters() -> None:
    oct89 = date(1989, 10, 26)
    assert to_timeml_value(_one("profit fell in the third quarter", oct89)[1]) == "1989-Q3"
    assert to_timeml_value(_one("sales in the fourth quarter", oct89)[1]) == "1989-Q4"
    assert to_timeml_value(_one("output in the fourth quarter", date(1989, 8, 1))[1]) == "1988-Q4"
    assert to_timeml_value(_one("in the second quarter of 2015", oct89)[1]) == "2015-Q2"
    # a district of a city is not a date
    assert find_time_spans("fighting in the first quarter of the old city", oct89) == []


def test_future_cue_moves_a_yearless_month_or_day_forward() -> None:
    dec = date(1998, 12, 5)
    assert _one("The three are expected to join in April.", dec)[1] == DateRange(date(1999, 4, 1), date(1999, 4, 30), 3)
    assert _one("Rebels took the town in April.", dec)[1] == DateRange(date(1998, 4, 1), date(1998, 4, 30), 3)
    nov = date(1989, 11, 2)
    assert _one("The dividend will be paid Jan. 2 to holders.", nov)[1].start == date(1990, 1, 2)
    # the cue must be in the same sentence
    assert _one("Talks will go on. Fighting broke out in April.", dec)[1].start == date(1998, 4, 1)
    # "since" always looks back
    assert _one("The army will hold the town it has kept since April.", dec)[1].start == date(1998, 4, 1)


def test_bare_weekday_stays_on_or_before_publication_unless_timeml_is_asked() -> None:
    mon = date(1998, 8, 17)  # a Monday
    text = "Albright will fly to Nairobi on Tuesday."
    assert _one(text, mon)[1].start == date(1998, 8, 11)  # DESIGN: most recent Tuesday
    assert _one(text, mon, weekday_tense=True)[1].start == date(1998, 8, 18)


def test_reference_words_only_on_request_and_without_value() -> None:
    text = "The town is now under army control and recently saw heavy fighting."
    assert find_time_spans(text, date(2016, 3, 17)) == []
    found = find_time_spans(text, date(2016, 3, 17), refs=True)
    assert [(text[s:e], v, r) for s, e, v, r in found] == [("now", None, "present_ref"), ("recently", None, "past_ref")]


def test_timeml_values_name_the_enclosing_period() -> None:
    assert to_timeml_value(DateRange(date(1999, 11, 20), date(1999, 11, 30), 3)) == "1999-11"
    assert to_timeml_value(DateRange(date(2000, 2, 14), date(2000, 2, 15), 2)) == "2000-W07"
    assert to_timeml_value(DateRange(date(1990, 1, 1), date(1990, 4, 30), 3)) == "1990"
    assert to_timeml_value(DateRange(date(1990, 1, 1), date(1990, 3, 31), 3)) == "1990-Q1"
    assert to_timeml_value(DateRange(date(2016, 3, 16), date(2016, 3, 17), 1)) == "2016-03-16/2016-03-17"


def test_fiscal_year_is_a_year() -> None:
    assert _one("earnings for fiscal 1989 rose", date(1989, 10, 1))[1] == DateRange(date(1989, 1, 1), date(1989, 12, 31), 3)


@pytest.mark.skipif(not _TBAQ.is_dir(), reason="shared TimeBank/AQUAINT data not present")
def test_timebank_end_to_end_floor() -> None:
    from dateline.bench.dates import end_to_end

    result = end_to_end(_TBAQ)
    assert result["gold_by_type"]["DATE"] > 1400
    assert result["date_relaxed"]["f1"] >= 0.85
    assert result["date_value"]["f1"] >= 0.70

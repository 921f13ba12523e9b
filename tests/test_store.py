"""The store: migrations, idempotent upserts, event round-trips, rejections, runs."""
from __future__ import annotations

import itertools
import os
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import StoreError
from dateline.model import (
    ActorRef,
    Article,
    DateRange,
    Event,
    Fatalities,
    Location,
    Rejection,
    Source,
    Span,
)
from dateline.store import MIGRATIONS, Store, apply_migrations

TEXT = "HOMS – Fighters of ISIS attacked the army near Tadmur on Wednesday, killing two soldiers."


def fixed_clock(start: int = 0):
    """A clock that ticks one second per call, so a moved timestamp is visible."""
    counter = itertools.count(start)

    def clock() -> str:
        n = next(counter)
        return f"2024-01-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}+00:00"

    return clock


def make_article(aid: str = "a1", text: str = TEXT, **kw) -> Article:
    a = Article(id=aid, raw=text, source=f"{aid}.txt", outlet="Test Wire", published=date(2016, 3, 17), **kw)
    a.text = text
    a.language = "en"
    return a


def make_event(eid: str = "e1", article_id: str = "a1", start: int = 8, end: int = 60, **kw) -> Event:
    sentence = TEXT[start:end]
    ev = Event(
        id=eid,
        event_type=kw.pop("event_type", "Battles"),
        sub_event_type=kw.pop("sub_event_type", "Armed clash"),
        actor1=ActorRef("Islamic State", "rebel", 2, "SY", "isis"),
        actor2=ActorRef("Military Forces of Syria", "state", 1, "SY"),
        location=Location("Tadmur", 34.56, 38.28, "SY", "Homs", None, 170017, 1),
        date=kw.pop("date", DateRange(date(2016, 3, 16), date(2016, 3, 16), 1)),
        fatalities=Fatalities(2, 2, 2),
        claimed_by=["ISIS"],
        sources=[Source(article_id, "Test Wire", None, date(2016, 3, 17), sentence, start, end)],
        confidence=0.8,
        **kw,
    )
    ev.add_evidence("actor1", Span(article_id, 20, 24, TEXT[20:24]))
    return ev


@pytest.fixture
def store() -> Store:
    s = Store.open(":memory:", clock=fixed_clock())
    yield s
    s.close()


def test_open_creates_schema_and_records_migration(store: Store) -> None:
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"articles", "rejections", "events", "event_sources", "runs", "schema_migrations"} <= names
    assert store.dump("schema_migrations")[0][:2] == (1, "initial schema")
    indexes = {i["name"] for i in sa.inspect(store.engine).get_indexes("events")}
    assert {"ix_events_event_date", "ix_events_type"} <= indexes


def test_migrate_twice_is_a_noop(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    s = Store.open(path)
    before = s.dump("schema_migrations")
    assert s.migrate() == []
    s.close()
    s2 = Store.open(path)  # reopening migrates again: nothing to do
    assert s2.dump("schema_migrations") == before
    s2.close()


def test_migrations_run_in_order_and_only_once(store: Store) -> None:
    calls: list[int] = []
    nxt = MIGRATIONS[-1][0] + 1  # the next version, whatever the released ones are
    extra = MIGRATIONS + [(nxt, "add notes table", lambda conn: calls.append(nxt) or conn.execute(
        sa.text("CREATE TABLE notes (id INTEGER PRIMARY KEY)")))]
    assert apply_migrations(store.engine, extra) == [nxt]
    assert apply_migrations(store.engine, extra) == []
    assert calls == [nxt]
    # A database that is newer than the code is refused rather than guessed at.
    with pytest.raises(StoreError, match="does not know"):
        apply_migrations(store.engine, MIGRATIONS)


def test_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        Store("nosuchdialect://x")


def test_upsert_same_article_twice_changes_nothing(store: Store) -> None:
    assert store.upsert_articles([make_article()]) == {"inserted": 1, "updated": 0, "unchanged": 0}
    before = store.dump("articles")
    assert store.upsert_articles([make_article()]) == {"inserted": 0, "updated": 0, "unchanged": 1}
    assert store.dump("articles") == before  # last_seen untouched too
    assert store.counts()["articles"] == 1


def test_changed_article_is_updated_and_keeps_first_seen(store: Store) -> None:
    store.upsert_articles([make_article()])
    first = store.article("a1")
    changed = make_article()
    changed.title = "Clashes near Tadmur"
    assert store.upsert_articles([changed])["updated"] == 1
    after = store.article("a1")
    assert after["title"] == "Clashes near Tadmur"
    assert after["first_seen"] == first["first_seen"]
    assert after["last_seen"] > first["last_seen"]


def test_article_fields_and_listing(store: Store) -> None:
    a = make_article(title="Ünïcode – title")
    a.captions = ["A caption"]
    store.upsert_articles([a, make_article("a0", "Another article text.")])
    got = store.article("a1")
    assert got["text"] == TEXT and got["published"] == "2016-03-17" and got["title"] == "Ünïcode – title"
    assert got["content_hash"] == a.content_hash
    assert got["meta"]["captions"] == ["A caption"]
    listed = store.articles()
    assert [r["id"] for r in listed] == ["a0", "a1"] and "text" not in listed[0]
    assert store.article("missing") is None


def test_event_round_trip(store: Store) -> None:
    ev = make_event(notes=["a note"], cameo_root="19", plover_type="FIGHT")
    store.upsert_events([ev])
    assert store.events() == [ev]
    assert store.event("e1") == ev
    assert store.dump("event_sources") == [("e1", "a1", 8, 60, TEXT[8:60])]


def test_upsert_event_twice_is_a_noop_and_changes_update_sources(store: Store) -> None:
    store.upsert_events([make_event()])
    before = (store.dump("events"), store.dump("event_sources"))
    assert store.upsert_events([make_event()]) == {"inserted": 0, "updated": 0, "unchanged": 1}
    assert (store.dump("events"), store.dump("event_sources")) == before
    moved = make_event(start=0, end=40)
    assert store.upsert_events([moved])["updated"] == 1
    assert store.dump("event_sources") == [("e1", "a1", 0, 40, TEXT[0:40])]
    assert store.event("e1") == moved


def test_event_filters(store: Store) -> None:
    store.upsert_events(
        [
            make_event("e1"),
            make_event("e2", "a2", event_type="Protests", sub_event_type="Peaceful protest",
                       date=DateRange(date(2016, 3, 20), date(2016, 3, 20), 1)),
            make_event("e3", background=True, date=DateRange(date(2015, 5, 1), date(2015, 5, 31), 3)),
            make_event("e4", date=None),
        ]
    )
    ids = lambda evs: [e.id for e in evs]  # noqa: E731
    assert ids(store.events()) == ["e3", "e1", "e2", "e4"]  # by date, undated last
    assert ids(store.events(event_type="Protests")) == ["e2"]
    assert ids(store.events(sub_event_type="Armed clash", background=False)) == ["e1", "e4"]
    assert ids(store.events(background=True)) == ["e3"]
    assert ids(store.events(start=date(2016, 1, 1), end="2016-03-19")) == ["e1"]
    assert ids(store.events(article_id="a2")) == ["e2"]
    assert ids(store.events(country_code="SY", limit=2, offset=1)) == ["e1", "e2"]
    assert store.counts()["background_events"] == 1


def test_replace_events_for_articles_removes_stale_keeps_shared(store: Store) -> None:
    shared = make_event("shared")
    shared.sources.append(Source("a2", "Other", None, None, "Another report.", 0, 15))
    store.upsert_events([make_event("old"), shared, make_event("other", "a2")])
    counts = store.replace_events_for_articles(["a1"], [make_event("new")])
    assert counts["deleted"] == 1 and counts["inserted"] == 1
    assert sorted(e.id for e in store.events()) == ["new", "other", "shared"]
    assert all(row[0] != "old" for row in store.dump("event_sources"))
    # Re-processing with the same result changes nothing.
    before = store.dump("events")
    assert store.replace_events_for_articles(["a1"], [make_event("new")])["deleted"] == 0
    assert store.dump("events") == before


def test_rejections_dedupe(store: Store) -> None:
    run = store.start_run(["in.jsonl"])
    rejs = [Rejection("in.jsonl:3", "malformed_json", "bad", None), Rejection("x.txt", "empty")]
    assert store.record_rejections(rejs + rejs[:1], run) == 2
    assert store.record_rejections(rejs, run + 1) == 0
    rows = store.rejections()
    assert [(r["source"], r["reason"], r["detail"], r["run_id"]) for r in rows] == [
        ("in.jsonl:3", "malformed_json", "bad", run),
        ("x.txt", "empty", "", run),
    ]


def test_runs_are_recorded(store: Store) -> None:
    run = store.start_run(["a.txt", "b.txt"], {"nlp.batch_size": 32})
    store.finish_run(run, {"articles_read": 3, "articles_processed": 2, "rejected": {"empty": 1}, "events": 4})
    (row,) = store.runs()
    assert row["inputs"] == ["a.txt", "b.txt"] and row["settings"] == {"nlp.batch_size": 32}
    assert (row["articles_read"], row["articles_processed"], row["rejected"], row["events"]) == (3, 2, 1, 4)
    assert row["finished_at"] >= row["started_at"]
    with pytest.raises(StoreError, match="no run"):
        store.finish_run(999, {})


def _run_once(store: Store, articles: list[Article], events: list[Event]) -> None:
    run = store.start_run(["input"])
    store.upsert_articles(articles)
    store.replace_events_for_articles([a.id for a in articles], events)
    store.record_rejections([Rejection("bad.txt", "empty")], run)
    store.finish_run(run, {"articles_read": 2, "events": len(events)})


def test_rerun_leaves_tables_identical_to_a_fresh_db(tmp_path: Path) -> None:
    articles = [make_article("a1"), make_article("a2", "Second article, different text.")]
    events = [make_event("e1"), make_event("e2", "a2")]
    fresh = Store.open(tmp_path / "fresh.sqlite", clock=fixed_clock())
    _run_once(fresh, articles, events)
    rerun = Store.open(tmp_path / "rerun.sqlite", clock=fixed_clock())
    _run_once(rerun, articles, events)
    rerun.clock = fixed_clock(1000)  # a later run: any timestamp written would differ
    _run_once(rerun, articles, events)
    for table in ("articles", "events", "event_sources", "rejections"):
        assert rerun.dump(table) == fresh.dump(table), table
    assert len(rerun.runs()) == 2
    fresh.close()
    rerun.close()


def test_batches_larger_than_one_statement(store: Store) -> None:
    n = 1200  # more than two batches of 500
    arts = [make_article(f"a{i:04d}", f"Article number {i}.") for i in range(n)]
    assert store.upsert_articles(arts)["inserted"] == n
    assert store.upsert_articles(arts)["unchanged"] == n
    evs = [make_event(f"e{i:04d}", f"a{i:04d}") for i in range(n)]
    assert store.upsert_events(evs)["inserted"] == n
    assert store.replace_events_for_articles([a.id for a in arts], evs[:10])["deleted"] == n - 10
    assert store.counts()["events"] == 10


_names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=_names,
    lat=st.floats(-90, 90, allow_nan=False),
    lon=st.floats(-180, 180, allow_nan=False),
    best=st.none() | st.integers(0, 10_000),
    claimed=st.lists(_names, max_size=3),
    day=st.dates(date(1990, 1, 1), date(2030, 1, 1)),
)
def test_event_round_trip_property(store: Store, name, lat, lon, best, claimed, day) -> None:
    ev = Event(
        id="p1",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=ActorRef(name, "rebel", 2),
        location=Location(name, lat, lon, "SY", geo_precision=2),
        date=DateRange(day, day, 1),
        fatalities=Fatalities(best, best, best),
        claimed_by=claimed,
        sources=[Source("a1", name, None, day, name, 0, len(name))],
    )
    store.upsert_events([ev])
    assert store.event("p1") == ev


PG_URL = os.environ.get("DATELINE_TEST_POSTGRES_URL")


@pytest.mark.skipif(not PG_URL, reason="set DATELINE_TEST_POSTGRES_URL to test against a PostgreSQL server")
def test_postgresql_same_code() -> None:
    try:
        s = Store.open(PG_URL)
    except StoreError as e:
        pytest.skip(f"PostgreSQL not reachable: {e}")
    try:
        with s.engine.begin() as conn:  # start from a clean slate in the test database
            for t in ("event_sources", "events", "articles", "rejections", "runs"):
                conn.execute(sa.text(f"DELETE FROM {t}"))
        s.upsert_articles([make_article()])
        s.upsert_events([make_event()])
        assert s.upsert_articles([make_article()])["unchanged"] == 1
        assert s.events() == [make_event()]
        run = s.start_run(["x"])
        s.finish_run(run, {"events": 1})
    finally:
        s.close()

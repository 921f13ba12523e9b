"""Cross-article fusion: blocking, vetoes, clustering without chains, reconciliation,
syndication, stable ids, succession in the store, and the benchmark's metrics.

Every event here is built by hand from the model's dataclasses; no model or corpus is needed.
"""
from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from dateline.bench.fuse import bcubed, load_gold, pair_scores, redate
from dateline.config import load_settings
from dateline.fuse import FuseParams, fuse, fuse_into_store, fuse_reports
from dateline.model import ActorRef, DateRange, Event, Fatalities, Location, Source, Span
from dateline.store import MIGRATIONS, Store

SAA = ActorRef("Military Forces of Syria", "state", 1, "SY")
ISIS = ActorRef("Islamic State", "rebel", 2, "SY")
CIV = ActorRef("Civilians (Syria)", "civilians", 7, "SY")
REBELS = ActorRef("Rebel Groups (Syria)", "rebel", 2, "SY")
KURDS = ActorRef("YPG", "militia", 3, "SY")
TURKEY = ActorRef("Military Forces of Turkey", "state", 8, "TR")

DOUMA = Location("Douma", 33.5718, 36.4028, "SY", "Rif Dimashq", None, 170654, 1)
HARASTA = Location("Harasta", 33.5586, 36.365, "SY", "Rif Dimashq", None, 169897, 1)  # ~4 km from Douma
JOBAR = Location("Jobar", 33.5286, 36.3361, "SY", "Damascus", None, 9001, 1)  # ~8 km from Douma
DUMAYR = Location("Dumayr", 33.6436, 36.6931, "SY", "Rif Dimashq", None, 170017, 1)  # ~28 km from Douma
RIF = Location("Rif Dimashq", 33.52, 36.56, "SY", "Rif Dimashq", None, None, 3)  # province level
ALEPPO = Location("Aleppo", 36.2021, 37.1343, "SY", "Aleppo", None, 170063, 1)
SYRIA = Location("Syria", 35.0, 38.0, "SY", None, None, 163843, 3)  # country level

DAY = date(2016, 4, 23)


def report(article: str, sentence: str, *, outlet: str | None = None, place: Location | None = DOUMA,
           day: date | None = DAY, precision: int = 1, basis: str = "clause",
           kind: tuple[str, str] = ("Explosions/Remote violence", "Air/drone strike"),
           actors: tuple[ActorRef | None, ActorRef | None] = (SAA, CIV), dead: int | None = None,
           start: int = 0, background: bool = False, modality: str = "asserted") -> Event:
    """One per-article event, as the events stage would give it."""
    src = Source(article, outlet or f"Outlet {article}", f"https://example.org/{article}", DAY, sentence,
                 start, start + len(sentence))
    ev = Event(
        id=f"ev-{article}-{start}", event_type=kind[0], sub_event_type=kind[1], background=background,
        actor1=actors[0], actor2=actors[1], location=place,
        date=DateRange(day, day, precision) if day else None, date_basis=basis,
        fatalities=Fatalities(dead, dead, dead), sources=[src], modality=modality, confidence=0.6,
    )
    ev.add_evidence("event_type", Span(article, start, start + 8, sentence[:8]))
    return ev


def strike(article: str, dead: int | None = 13, text: str | None = None, **kw) -> Event:
    text = text or f"Regime warplanes bombed a crowded market in Douma on Saturday, killing {dead} civilians."
    return report(article, text, dead=dead, **kw)


def articles_of(ev: Event) -> set[str]:
    return {s.article_id for s in ev.sources}


def shape(events: list[Event]) -> list[dict]:
    return [e.to_dict() for e in events]


# --------------------------------------------------------------------------- grouping


def test_two_outlets_on_one_strike_become_one_event_with_both_sources() -> None:
    other = "At least 31 people died when regime jets struck the Douma market, medics said on Saturday."
    out = fuse([strike("a1", 13, outlet="Etilaf"), strike("a2", 31, outlet="SANA", text=other)])
    assert len(out) == 1
    ev = out[0]
    assert articles_of(ev) == {"a1", "a2"}
    assert {(s.outlet, s.fatalities) for s in ev.sources} == {("Etilaf", 13), ("SANA", 31)}
    assert ev.fatalities == Fatalities(low=13, best=13, high=31)  # the lowest figure is best
    toll = next(c for c in ev.contradictions if c["field"] == "fatalities")
    assert [(v["value"], v["outlets"]) for v in toll["values"]] == [(13, ["Etilaf"]), (31, ["SANA"])]
    assert ev.independent_sources == 2


def test_reports_of_two_precise_days_stay_apart() -> None:
    out = fuse([strike("a1"), strike("a2", day=date(2016, 4, 26))])
    assert len(out) == 2


def test_a_day_of_slack_lets_outlets_disagree_by_one_day() -> None:
    out = fuse([strike("a1"), strike("a2", day=date(2016, 4, 24))])
    assert len(out) == 1
    assert any(c["field"] == "date" for c in out[0].contradictions)


def test_towns_farther_apart_than_their_precision_allows_stay_apart() -> None:
    assert len(fuse([strike("a1"), strike("a2", place=ALEPPO)])) == 2
    assert len(fuse([strike("a1"), strike("a2", place=DUMAYR)])) == 2  # 28 km: beyond town radius
    assert len(fuse([strike("a1"), strike("a2", place=HARASTA)])) == 1  # 4 km: the same strike


def test_a_province_level_report_may_join_a_town_in_it() -> None:
    out = fuse([strike("a1"), strike("a2", place=RIF)])
    assert len(out) == 1
    assert out[0].location == DOUMA  # the most precise place wins


def test_two_different_fights_with_disjoint_dyads_are_vetoed() -> None:
    a = report("a1", "Government forces clashed with Islamic State fighters near Douma on Saturday.",
               kind=("Battles", "Armed clash"), actors=(SAA, ISIS))
    b = report("a2", "Kurdish fighters clashed with Turkish troops near Douma on Saturday.",
               kind=("Battles", "Armed clash"), actors=(KURDS, TURKEY))
    assert len(fuse([a, b])) == 2
    # rebels named differently by two outlets are still one kind of actor: no veto
    c = report("a3", "Government forces clashed with rebel fighters near Douma on Saturday.",
               kind=("Battles", "Armed clash"), actors=(SAA, REBELS))
    assert len(fuse([a, c])) == 1


def test_events_of_one_article_are_never_fused_across_it() -> None:
    # within one article, events/merge.py already decided these are two events
    a = strike("a1", start=0)
    b = strike("a1", start=200)
    assert len(fuse([a, b])) == 2


def test_no_chain_glues_reports_that_disagree() -> None:
    """B (province level) fits both A (Douma) and C (Dumayr, 28 km away), but A and C cannot
    be one event: whatever B joins, A and C stay apart."""
    a = strike("a1", place=DOUMA)
    b = strike("a2", place=RIF, precision=2)
    c = strike("a3", place=DUMAYR)
    out = fuse([a, b, c])
    assert not any({"a1", "a3"} <= articles_of(e) for e in out)
    assert sorted(len(articles_of(e)) for e in out) == [1, 2]


def test_undated_reports_are_not_fused() -> None:
    assert len(fuse([strike("a1", day=None), strike("a2", day=None)])) == 2


def test_publication_date_fallback_may_join_a_dated_report_and_gives_way_to_it() -> None:
    a = strike("a1", day=date(2016, 4, 25), precision=2, basis="published")
    b = strike("a2")
    out = fuse([a, b])
    assert len(out) == 1
    assert out[0].date == DateRange(DAY, DAY, 1) and out[0].date_basis == "clause"


# --------------------------------------------------------------------------- reconciliation


def test_type_by_agreement_then_precision() -> None:
    generic = ("Violence against civilians", "Attack")
    reports = [strike("a1"), strike("a2"), strike("a3", kind=generic)]
    ev = fuse(reports)[0]
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    kinds = next(c for c in ev.contradictions if c["field"] == "event_type")
    assert {v["value"] for v in kinds["values"]} == {"Explosions/Remote violence / Air/drone strike",
                                                     "Violence against civilians / Attack"}
    tie = fuse([strike("b1", kind=generic), strike("b2")])[0]
    assert tie.sub_event_type == "Air/drone strike"  # a precise sub-type wins a tie


def test_claims_and_denials_are_kept_visible() -> None:
    claimed = strike("a1", modality="claimed")
    claimed.claimed_by = ["Islamic State"]
    out = fuse([claimed, strike("a2", modality="denied"), strike("a3")])
    assert len(out) == 1
    assert out[0].claimed_by == ["Islamic State"]
    modality = next(c for c in out[0].contradictions if c["field"] == "modality")
    assert {v["value"] for v in modality["values"]} == {"claimed", "denied", "asserted"}


def test_background_tolls_do_not_set_a_current_events_best_figure() -> None:
    current = strike("a1", 13)
    recalled = strike("a2", 300000, background=True)
    out = fuse([current, recalled])
    assert len(out) == 1 and not out[0].background
    assert out[0].fatalities.best == 13
    assert {s.fatalities for s in out[0].sources} == {13, 300000}  # every figure stays on its source


def test_every_evidence_span_and_source_is_kept() -> None:
    out = fuse([strike("a1"), strike("a2"), strike("a3")])
    assert len(out) == 1
    assert {s.article_id for s in out[0].evidence["event_type"]} == {"a1", "a2", "a3"}


# --------------------------------------------------------------------------- syndication


WIRE = "A suicide car bomb hit buses carrying evacuees at the Rashidin transit point west of Aleppo on Saturday."


def test_syndicated_copies_count_once_among_independent_sources() -> None:
    copies = [report(f"w{i}", WIRE, outlet=o, place=ALEPPO) for i, o in enumerate(["Al-Ahram", "NNA", "Al-Alam"])]
    own = report("own", "Dozens of evacuees from Fuaa died when a bomb tore through their convoy near Aleppo "
                        "on Saturday, our correspondent said.", outlet="Sputnik", place=ALEPPO)
    out = fuse(copies + [own])
    assert len(out) == 1
    ev = out[0]
    assert len(ev.sources) == 4  # one report per outlet is kept
    assert ev.independent_sources == 2  # the wire text and Sputnik's own


def test_duplicate_of_and_one_outlets_articles_count_once() -> None:
    a = strike("a1", outlet="Etilaf")
    b = strike("a2", outlet="Etilaf")  # the same outlet twice
    c = report("c1", "Warplanes of the regime struck the Douma market at noon, medics reported.", outlet="X")
    d = report("d1", "Medics in Douma counted the dead after the market was bombed from the air.", outlet="Y")
    ev = fuse([a, b, c, d], duplicates={"d1": "c1"})[0]
    assert articles_of(ev) == {"a1", "a2", "c1", "d1"}
    assert ev.independent_sources == 2


# --------------------------------------------------------------------------- order and ids


def _mixed() -> list[Event]:
    return [
        strike("a1", 13, outlet="Etilaf"), strike("a2", 31), strike("a3", place=RIF, precision=2),
        strike("a4", place=DUMAYR), strike("a5", day=date(2016, 4, 24)), strike("a6", place=ALEPPO),
        report("a7", "Government forces clashed with Islamic State fighters near Douma on Saturday.",
               kind=("Battles", "Armed clash"), actors=(SAA, ISIS)),
        report("a8", "Fighting between the army and Islamic State raged around Douma on Saturday.",
               kind=("Battles", "Armed clash"), actors=(SAA, ISIS), place=HARASTA),
        strike("a9", place=JOBAR, precision=2, basis="published"),
    ]


@hsettings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False))
def test_result_does_not_depend_on_input_order(rnd: random.Random) -> None:
    reports = _mixed()
    expected = shape(fuse(reports))
    rnd.shuffle(reports)
    assert shape(fuse(reports)) == expected


def test_ids_survive_reruns_and_later_reports() -> None:
    first = fuse([strike("a1"), strike("a2")])
    again = fuse([strike("a2"), strike("a1")])
    assert [e.id for e in first] == [e.id for e in again]
    later = report("a3", "The toll from the Douma market strike rose on Sunday, rescuers said.")
    later.sources[0] = Source("a3", "Later", None, date(2016, 4, 24), later.sources[0].sentence, 0, 60)
    grown = fuse([strike("a1"), strike("a2"), later])
    assert len(grown) == 1 and grown[0].id == first[0].id


def test_previous_ids_are_inherited_and_merges_recorded() -> None:
    strict = FuseParams(threshold=0.99)
    apart = fuse_reports([strike("a1"), strike("a2", 31)], strict).events
    assert len(apart) == 2
    result = fuse_reports([strike("a1"), strike("a2", 31)], FuseParams(), previous=apart)
    assert len(result.events) == 1
    survivor = result.events[0].id
    assert survivor in {e.id for e in apart}
    gone = ({e.id for e in apart} - {survivor}).pop()
    assert [(s.old_id, s.new_id, s.kind) for s in result.lineage] == [(gone, survivor, "merge")]


def test_splits_are_recorded_and_the_old_id_lives_on() -> None:
    together = fuse_reports([strike("a1"), strike("a2", 31)], FuseParams(threshold=0.1)).events
    assert len(together) == 1
    result = fuse_reports([strike("a1"), strike("a2", 31)], FuseParams(threshold=0.99), previous=together)
    ids = {e.id for e in result.events}
    assert len(ids) == 2 and together[0].id in ids
    [split] = result.lineage
    assert (split.old_id, split.kind) == (together[0].id, "split") and split.new_id in ids


def test_settings_drive_the_thresholds() -> None:
    s = load_settings({"fuse.threshold": "0.99", "fuse.km_town": "2"}, environ={})
    params = FuseParams.from_settings(s)
    assert params.threshold == 0.99 and params.km_town == 2.0
    assert len(fuse([strike("a1"), strike("a2", 31)], s)) == 2
    assert FuseParams.from_settings(None) == FuseParams()


# --------------------------------------------------------------------------- store


def test_migration_2_is_event_succession() -> None:
    assert (2, "event succession") in [(v, n) for v, n, _ in MIGRATIONS]


def test_store_records_lineage_once_and_follows_successors() -> None:
    store = Store.open(":memory:", clock=lambda: "2026-01-01T00:00:00+00:00")
    ev = strike("a1")
    ev.id = "ev-live"
    store.upsert_events([ev])
    rows = [{"old_id": "ev-old", "new_id": "ev-mid", "kind": "merge"},
            {"old_id": "ev-mid", "new_id": "ev-live", "kind": "merge"}]
    assert store.record_lineage(rows, run_id=1) == 2
    assert store.record_lineage(rows, run_id=2) == 0  # already known: nothing written
    assert store.successor("ev-old") == "ev-live"
    assert store.successor("ev-live") == "ev-live"
    assert store.successor("ev-unknown") is None
    assert [r["new_id"] for r in store.lineage("ev-mid")] == ["ev-mid", "ev-live"]
    with pytest.raises(ValueError):
        store.record_lineage([{"old_id": "x", "new_id": "y", "kind": "renamed"}])
    assert store.retire_events(["ev-live"]) == 1 and store.event("ev-live") is None


def test_articles_arriving_later_join_the_stored_event() -> None:
    store = Store.open(":memory:")
    first = fuse_into_store(store, [strike("a1")], article_ids=["a1"])
    [stored] = store.events()
    assert stored.id == first.events[0].id
    fuse_into_store(store, [strike("a2", 31)], article_ids=["a2"])
    [joined] = store.events()
    assert joined.id == stored.id and articles_of(joined) == {"a1", "a2"}
    assert joined.fatalities == Fatalities(13, 13, 31)
    fuse_into_store(store, [strike("a2", 31)], article_ids=["a2"])  # the same article again
    assert [(e.id, len(e.sources)) for e in store.events()] == [(stored.id, 2)]


def test_stored_events_merged_by_a_rerun_point_to_their_successor() -> None:
    store = Store.open(":memory:")
    fuse_into_store(store, [strike("a1"), strike("a2", 31)], FuseParams(threshold=0.99), article_ids=["a1", "a2"])
    before = {e.id for e in store.events()}
    assert len(before) == 2
    result = fuse_into_store(store, [strike("a1"), strike("a2", 31)], FuseParams(), article_ids=["a1", "a2"],
                             run_id=7)
    [live] = store.events()
    [gone] = before - {live.id}
    assert store.successor(gone) == live.id
    assert [(r["old_id"], r["kind"], r["run_id"]) for r in store.lineage()] == [(gone, "merge", 7)]
    assert result.lineage[0].new_id == live.id


def test_a_review_follows_its_event_when_a_rerun_merges_it() -> None:
    store = Store.open(":memory:")
    fuse_into_store(store, [strike("a1"), strike("a2", 31)], FuseParams(threshold=0.99), article_ids=["a1", "a2"])
    first, second = sorted(store.events(), key=lambda e: e.id)
    store.review("correct", first.id, who="ann", field="fatalities.best", value="20")
    store.review("confirm", second.id, who="bo")
    fuse_into_store(store, [strike("a1"), strike("a2", 31)], FuseParams(), article_ids=["a1", "a2"], run_id=2)
    [live] = store.events()
    assert live.id in (first.id, second.id)
    gone = ({first.id, second.id} - {live.id}).pop()
    # the retired id's review now sits on the live event, which says where it came from
    assert live.review is not None and live.review["carried_from"] == [gone]
    assert live.fatalities.best == 20 and live.review["corrections"]["fatalities.best"]["who"] == "ann"
    assert store.event(gone) is None  # not resurrected from the snapshot next to its successor
    assert [e.id for e in store.events(sub_event_type=live.sub_event_type)] == [live.id]


# --------------------------------------------------------------------------- benchmark parts


def test_pairwise_and_bcubed_scores_on_a_small_gold() -> None:
    gold = [{"labels": {"a": "x", "b": "x", "c": "y"}}]
    together = {("a", "b"), ("a", "c")}
    scores = pair_scores(gold, lambda p, q: (p, q) in together)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (1, 1, 0)
    assert scores["pairs_precision"] == 0.5 and scores["pairs_recall"] == 1.0
    perfect = bcubed(gold, lambda a: {"a": "1", "b": "1", "c": "2"}[a])
    assert perfect["bcubed_f1"] == 1.0
    lumped = bcubed(gold, lambda a: "1")
    assert lumped["bcubed_recall"] == 1.0 and lumped["bcubed_precision"] == round((2 / 3 * 2 + 1 / 3) / 3, 3)


def test_redated_copies_are_new_articles_on_other_days() -> None:
    out = redate([strike("a1")], copies=2, shift_days=1000)
    assert [e.sources[0].article_id for e in out] == ["a1", "a1~1", "a1~2"]
    assert out[2].date.start == date.fromordinal(DAY.toordinal() + 2000)
    assert len(fuse(out)) == 3


def test_gold_holds_only_ids_and_labels() -> None:
    gold = load_gold()
    assert len(gold) == 40
    for g in gold:
        assert set(g) <= {"group", "labels", "note"}
        assert all(a.startswith("fakes-") for a in g["labels"])


def test_a_partys_count_of_its_enemys_dead_is_not_the_best_figure() -> None:
    boast = strike("a1", 150)
    boast.claim = "enemy_losses"
    monitor = strike("a2", 40, text="The monitor counted 40 dead in the Douma market strike on Saturday.")
    monitor.injured, monitor.casualties = 60, {"children": 9}
    ev = fuse([boast, monitor])[0]
    assert ev.fatalities == Fatalities(40, 40, 40)
    assert ev.injured == 60 and ev.casualties == {"children": 9}
    assert {s.fatalities for s in ev.sources} == {150, 40}  # the boast stays visible on its source

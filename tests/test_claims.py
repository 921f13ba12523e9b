"""Claims, sources, modality and fatalities (issue #6), on sentences written for these tests."""
from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from dateline.cli import main
from dateline.events.claims import attribution_kind

PAD = " The report was filed from the region and checked against earlier coverage of the conflict."


def main_event(run_text, text, published=date(2017, 5, 11)):
    a = run_text(text + PAD, published)
    assert a.events, (text, a.non_events)
    return min(a.events, key=lambda e: e.sources[0].start), a


def test_attribution_kinds():
    assert attribution_kind(None) == "outlet"
    assert attribution_kind("the Syrian Observatory for Human Rights") == "monitor"
    assert attribution_kind("local activists") == "activists"
    assert attribution_kind("residents") == "witnesses"
    assert attribution_kind("the interior ministry") == "official"
    assert attribution_kind("a security source") == "unnamed"
    assert attribution_kind("state television") == "media"


def test_a_party_claiming_its_own_act(run_text):
    e, _ = main_event(run_text, "The Islamic State claimed that its fighters killed four soldiers at a checkpoint "
                                "near Tikrit, Iraq, on Tuesday.")
    assert e.modality == "claimed" and e.claimed_by == ["Islamic State"]
    assert e.actor1.name == "Islamic State" and e.fatalities.best == 4
    assert e.claim == "enemy_losses"  # a party counting its enemy's dead
    assert e.sources[0].attribution_kind == "party"


def test_a_monitor_is_a_source_not_an_actor(run_text):
    e, _ = main_event(run_text, "Government airstrikes killed nine civilians in the town of Maarat al-Numan in "
                                "Idlib province, Syria, on Monday, the Syrian Observatory for Human Rights said.")
    assert e.sources[0].attribution_kind == "monitor"
    names = {a.name for a in (e.actor1, e.actor2, *e.assoc_actors) if a}
    assert not any("Observatory" in n for n in names)
    assert e.fatalities.best == 9 and e.casualties.get("civilians") == 9


def test_negated_future_and_hypothetical_acts_are_not_events(run_text):
    a = run_text("Rebels in Daraa, Syria, are preparing an offensive on the city, commanders said." + PAD,
                 date(2017, 5, 11))
    assert not a.events and a.non_events and a.non_events[0]["modality"] == "future"
    a = run_text("No one was killed when the convoy passed near Kandahar, Afghanistan, on Monday." + PAD,
                 date(2017, 5, 11))
    assert not a.events and a.non_events[0]["modality"] == "negated"
    a = run_text("If the militants attack Mosul, Iraq, the army will respond, an officer said." + PAD,
                 date(2017, 5, 11))
    assert not a.events and {n["modality"] for n in a.non_events} <= {"hypothetical", "future"}


def test_counting_the_dead(run_text):
    e, _ = main_event(run_text, "An airstrike on the village of Kafr Nabl in Idlib province, Syria, killed two "
                                "children and their mother on Sunday.")
    assert e.fatalities.best == 3
    assert e.casualties.get("children") == 2
    e, _ = main_event(run_text, "Dozens of people were killed when a car bomb exploded in Baghdad, Iraq, on "
                                "Friday, and more than 40 were wounded.")
    assert e.fatalities.best == 12 and e.injured == 41


def test_a_later_toll_in_the_same_article_replaces_the_first(run_text):
    a = run_text("A suicide bomber killed 12 people at a market in Maiduguri, Nigeria, on Thursday. "
                 "By evening the suicide bombing at the Maiduguri market had killed 19 people, officials said." + PAD,
                 date(2017, 5, 11))
    bombs = [e for e in a.events if e.sub_event_type == "Suicide bomb"]
    assert len(bombs) == 1 and bombs[0].fatalities.best == 19


def test_explain_shows_evidence_and_rules(tmp_path):
    from conftest import EXAMPLES

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(EXAMPLES / "articles" / "synthetic-manbij-clashes.txt"),
                                       "--out", str(out), "--json-report"])
    assert result.exit_code == 0, result.output
    first = json.loads((out / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])
    result = CliRunner().invoke(main, ["explain", first["id"], "--db", str(out / "dateline.sqlite"), "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["id"] == first["id"]
    for name in ("event_type", "actors", "location", "date", "fatalities", "claimed_by"):
        assert name in info["fields"]
    ev = info["fields"]["event_type"]["evidence"][0]
    assert "[[" in ev["context"] and ev["text"] in ev["context"]
    assert any(r.startswith("type:") for r in info["fields"]["event_type"]["rules"])
    missing = CliRunner().invoke(main, ["explain", "ev-nope", "--db", str(out / "dateline.sqlite")])
    assert missing.exit_code == 1 and "no event" in missing.output

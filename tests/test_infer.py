"""Perpetrators inferred across the article (events/infer.py) and the roles that find them in the clause.

Every sentence here was written for these tests; each checks a general rule of ACLED coding.
"""
from __future__ import annotations

TAIL = " This sentence pads the test article so that the language check has enough text to judge."


def _events(run_text, text):
    a = run_text(text + TAIL)
    return a, a.events


def _by_trigger(events, word):
    found = [e for e in events if e.trigger and word in e.trigger.lower()]
    assert found, [(e.trigger, e.sub_event_type) for e in events]
    return found[0]


def _inferred_notes(ev):
    return [n for n in ev.notes if n.startswith("actors: actor1 inferred")]


def test_strike_takes_the_air_force_named_in_the_sentence_before(run_text):
    a, evs = _events(run_text, "Russian and Syrian jets pounded rebel-held towns in Idlib province in Syria on "
                               "Tuesday, activists said. An air strike killed 15 civilians in Saraqib on Tuesday, "
                               "the Syrian Observatory for Human Rights said.")
    ev = _by_trigger(evs, "strike")
    assert ev.actor1.name == "Military Forces of Russia"  # the first of the phrase acts
    assert [x.name for x in ev.assoc_actors] == ["Military Forces of Syria"]
    assert ev.actor2 is not None and ev.actor2.name == "Civilians (Syria)"
    notes = _inferred_notes(ev)
    assert notes and "air-nearest" in notes[0] and "Russian and Syrian jets" in notes[0]
    spans = ev.evidence["actors"]
    assert any(s.text == "Russian and Syrian jets" for s in spans)
    assert all(a.text[s.start:s.end] == s.text for s in spans)


def test_strike_with_no_air_force_in_the_article_keeps_no_actor(run_text):
    _, evs = _events(run_text, "An air strike killed 15 civilians in Saraqib in Syria on Saturday, a monitor "
                               "said. Rescue workers searched the rubble for survivors.")
    ev = _by_trigger(evs, "strike")
    assert ev.actor1 is None
    assert not _inferred_notes(ev)


def test_strike_takes_the_one_air_force_the_article_names_later(run_text):
    _, evs = _events(run_text, "An air strike killed 12 civilians in Atareb in Syria on Monday, a monitor said. "
                               "Rescue workers searched the rubble for survivors. Medics treated dozens of wounded "
                               "people at a field clinic. A doctor said the clinic had run out of supplies. "
                               "Residents said helicopters of the regime circled over the town all day.")
    ev = _by_trigger(evs, "strike")
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Syria"
    assert "air-article" in _inferred_notes(ev)[0]


def test_strike_is_left_empty_when_the_article_names_two_air_forces_far_from_it(run_text):
    _, evs = _events(run_text, "An air strike killed 12 civilians in Atareb in Syria on Monday, a monitor said. "
                               "Rescue workers searched the rubble for survivors. Medics treated dozens of wounded "
                               "people at a field clinic. A doctor said the clinic had run out of supplies. "
                               "Both Russian warplanes and coalition aircraft have flown over the province "
                               "this year.")
    ev = _by_trigger(evs, "strike")
    assert ev.actor1 is None


def test_a_target_of_shelling_is_not_its_author(run_text):
    _, evs = _events(run_text, "Government artillery shelled Islamic State positions near Deir ez-Zor in Syria "
                               "on Monday. Shelling killed four people in the nearby village of Jadid Ekeidat "
                               "on Monday, activists said.")
    for ev in evs:
        assert ev.actor1 is None or ev.actor1.name != "Islamic State"


def test_unclaimed_bombing_is_by_an_unidentified_armed_group(run_text):
    _, evs = _events(run_text, "A car bomb exploded near a checkpoint in Azaz in northern Syria on Sunday, "
                               "killing eight people. No group claimed responsibility.")
    ev = _by_trigger(evs, "bomb")
    assert ev.actor1.name == "Unidentified Armed Group (Syria)" and ev.actor1.inter == 3
    assert "unclaimed-explosive" in _inferred_notes(ev)[0]


def test_claimed_bombing_keeps_its_claimant(run_text):
    _, evs = _events(run_text, "The Islamic State group said its fighters detonated a car bomb in Azaz in "
                               "northern Syria on Sunday, killing eight people.")
    ev = _by_trigger(evs, "detonated")
    assert ev.actor1.name == "Islamic State"
    assert not _inferred_notes(ev)


def test_clause_roles_find_the_user_of_a_weapon(run_text):
    """Agents the clause does name, whatever the parse: not inferred, found."""
    cases = {
        "A missile fired by Syrian forces killed at least 18 civilians in Aleppo in Syria on Tuesday.":
            "Military Forces of Syria",
        "Two medics were among 31 people killed on Saturday in Syrian government shelling of a town in Syria.":
            "Military Forces of Syria",
        "Two children were killed in shelling by the regime on parts of Homs in Syria on Monday.":
            "Military Forces of Syria",
        "The regime's helicopters dropped barrel bombs on Daraya in Syria on Monday.": "Military Forces of Syria",
        "Assad regime forces carried out a total of 18 airstrikes in the Houla region of Syria on Friday.":
            "Military Forces of Syria",
    }
    for text, want in cases.items():
        _, evs = _events(run_text, text)
        ev = next(e for e in evs if e.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack"))
        assert ev.actor1 is not None and ev.actor1.name == want, text
        assert not _inferred_notes(ev), text


def test_the_regime_is_the_state_but_not_in_other_senses(run_text):
    a = run_text("The Assad regime bombed Douma in Syria on Monday. Regime change is not the aim of the "
                 "sanctions regime, an envoy said. Regime-held areas were calm." + TAIL)
    found = [(m.span.text, m.actor.name) for m in a.actors]
    assert ("Assad regime", "Military Forces of Syria") in found
    assert not any("sanctions" in t or t.lower().startswith("regime") for t, _ in found)


def test_the_militants_with_no_group_named_is_an_unidentified_armed_group(run_text):
    a = run_text("Gunmen stormed a police post in Arish in Egypt on Monday. The militants killed four policemen "
                 "before fleeing." + TAIL)
    refs = [m for m in a.actors if m.span.text == "The militants"]
    assert refs and refs[0].actor.name == "Unidentified Armed Group (Egypt)"


def test_the_jihadists_refer_back_to_a_group_named_sentences_before(run_text):
    a = run_text("Islamic State fighters advanced on Tabqa in Syria on Sunday. Residents fled the town. On Tuesday "
                 "the jihadists killed four soldiers at a checkpoint near the town." + TAIL)
    ev = next(e for e in a.events if e.trigger == "killed")
    assert ev.actor1.name == "Islamic State"

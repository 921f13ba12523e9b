"""Event detection, ACLED typing, roles, place, date, fatalities, background, merging.

Every sentence here was written for these tests; each checks a general rule.
"""
from __future__ import annotations

from datetime import date

import pytest

TAIL = " This sentence pads the test article so that the language check has enough text to judge."


def events_of(run_text, text, published=date(2016, 3, 17)):
    return run_text(text + TAIL, published).events


def one(run_text, text, **kw):
    evs = [e for e in events_of(run_text, text, **kw)]
    assert len(evs) == 1, [(e.event_type, e.sub_event_type, e.sources[0].sentence) for e in evs]
    return evs[0]


def test_gunmen_killing_civilians_is_violence_against_civilians(run_text):
    e = one(run_text, "Unidentified gunmen killed five civilians in the village of Tal Abyad in northern Syria "
                      "on Monday, residents said.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    assert e.actor1.name == "Unidentified Armed Group (Syria)" and e.actor2.name == "Civilians (Syria)"
    assert e.actor2.inter == 7
    assert e.fatalities.best == 5
    assert e.date.start == date(2016, 3, 14) and e.date.time_precision == 1  # Monday before a Thursday
    assert e.location.country_code == "SY" and e.location.geo_precision == 1
    assert e.sources[0].attributed_to == "residents"


def test_state_retaking_a_town_is_government_regains_territory(run_text):
    e = one(run_text, "Syrian government forces recaptured the town of Qaryatayn from the Islamic State on "
                      "Sunday.")
    assert e.sub_event_type == "Government regains territory"
    assert e.actor1.name == "Military Forces of Syria" and e.actor2.name == "Islamic State"


def test_rebels_seizing_a_town_is_non_state_overtakes_territory(run_text):
    e = one(run_text, "Houthi rebels seized the town of Marib in Yemen on Tuesday after heavy fighting.")
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert e.actor1.name.startswith("Ansar Allah")
    assert e.location.country_code == "YE"


def test_seizing_a_thing_is_not_territory(run_text):
    evs = events_of(run_text, "Police in Baghdad, Iraq, seized a truck of cigarettes on Monday.")
    assert not [e for e in evs if "territory" in e.sub_event_type]


def test_airstrike_with_a_demonym_names_the_state_and_counts_the_dead(run_text):
    e = one(run_text, "A Russian airstrike killed 12 people in the city of Idlib, Syria, on Wednesday.")
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1.name == "Military Forces of Russia"
    assert e.actor1.inter == 8  # foreign state forces fighting abroad
    assert e.fatalities.best == 12


def test_suicide_bombing_is_one_event_with_its_toll(run_text):
    e = one(run_text, "A suicide bomber blew himself up at a market in Maiduguri, Nigeria, on Thursday, killing "
                      "at least 16 people.")
    assert e.sub_event_type == "Suicide bomb"
    assert e.fatalities.best == 16 and e.fatalities.high >= 16
    assert e.location.name == "Maiduguri"


def test_car_bomb_and_protest(run_text):
    e = one(run_text, "A car bomb exploded near a checkpoint in Kirkuk, Iraq, on Saturday, killing three "
                      "policemen.")
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.fatalities.best == 3 and e.actor2.name == "Police Forces of Iraq"
    p = one(run_text, "Hundreds of protesters rallied in Baghdad, Iraq on Friday to demand jobs.")
    assert (p.event_type, p.sub_event_type) == ("Protests", "Peaceful protest")
    assert p.actor1.inter == 6


def test_abduction(run_text):
    e = one(run_text, "Gunmen kidnapped two aid workers near Kabul, Afghanistan on Tuesday.")
    assert e.sub_event_type == "Abduction/forced disappearance"
    assert e.location.geo_precision == 2  # near Kabul


def test_future_and_negated_acts_are_not_events(run_text):
    assert events_of(run_text, "The army said it would launch an offensive on Raqqa, Syria next month.") == []
    assert events_of(run_text, "Officials in Aleppo, Syria, said the rebels did not attack the town on "
                               "Monday.") == []


def test_old_events_are_background(run_text):
    e = one(run_text, "In 2014, the Islamic State captured the city of Mosul in Iraq.")
    assert e.background is True
    assert e.date.time_precision == 3 and e.date.start == date(2014, 1, 1)


def test_two_coordinated_places_are_two_events(run_text):
    evs = events_of(run_text, "Rebels attacked the towns of Morek and Souran in Hama province, Syria, on Monday.")
    assert len(evs) == 2
    assert {e.location.geo_precision for e in evs} == {1}
    assert len({e.location.name for e in evs}) == 2


def test_the_same_fight_told_twice_is_one_event(run_text):
    evs = events_of(run_text, "Kurdish YPG fighters clashed with Islamic State militants in Kobani, Syria, on "
                              "Tuesday. The clashes between the YPG and the Islamic State in Kobani lasted hours.")
    clashes = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1
    assert len(clashes[0].sources) == 2


def test_without_a_date_the_event_takes_the_publication_date_imprecisely(run_text):
    e = one(run_text, "Government forces shelled the town of Douma in Syria, activists said.")
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.date.start == date(2016, 3, 17) and e.date.time_precision == 2


def test_every_field_has_evidence_inside_the_text(run_text):
    a = run_text("Unidentified gunmen killed five civilians in the village of Tal Abyad in northern Syria on "
                 "Monday." + TAIL)
    e = a.events[0]
    for name in ("event_type", "actors", "location", "date", "fatalities"):
        assert e.evidence.get(name), name
        for span in e.evidence[name]:
            assert a.text[span.start:span.end] == span.text

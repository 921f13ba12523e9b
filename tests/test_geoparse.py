"""The geoparsing benchmark: corpus readers on small hand-written files, scoring, and an accuracy floor."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.bench.geoparse import (
    GoldDoc,
    GoldToponym,
    read_corpus,
    render,
    score_end_to_end,
    score_gold_spans,
)
from dateline.gazetteer import MemoryGazetteer
from dateline.model import Place

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GEO = SHARED / "eval" / "geoparsing"

TR_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="7"><text><![CDATA[Syrian troops entered Palmyra. Nowhere else.]]></text>
<toponyms><toponym><phrase>Syrian</phrase><start>0</start><end>6</end>
<gaztag geonameid="163843"><name>Syria</name><lat>35</lat><lon>38</lon></gaztag></toponym>
<toponym><phrase>Palmyra</phrase><start>22</start><end>29</end>
<gaztag geonameid="170017"><name>Tadmur</name><lat>34.56</lat><lon>38.28</lon></gaztag></toponym>
<toponym><phrase>Atlantis</phrase><start>0</start><end>3</end></toponym>
</toponyms></article></articles>
"""
# GeoVirus offsets are one off in places: the reader finds the name next to them
VIRUS_STYLE = """<articles><article><text>Cases rose in Palmyra today.</text><locations>
<location><name>Palmyra</name><start>15</start><end>22</end><lat>34.56</lat><lon>38.28</lon></location>
</locations></article></articles>
"""

SYRIA = Place("Syria", 35.0, 38.0, "SY", feature_class="A", feature_code="PCLI", population=17_000_000)
TADMUR = Place("Tadmur", 34.56, 38.28, "SY", admin1="Homs", feature_class="P", feature_code="PPL", population=51_000)
PALMYRA_US = Place("Palmyra", 39.79, -91.52, "US", feature_class="P", feature_code="PPL", population=3616)


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer([SYRIA, TADMUR, PALMYRA_US], {"Syria": ["Syrian"], "Tadmur": ["Palmyra"]})


def test_readers_take_gold_spans_with_coordinates(tmp_path: Path) -> None:
    (tmp_path / "TR-News.xml").write_text(TR_STYLE, encoding="utf-8")
    (tmp_path / "GeoVirus.xml").write_text(VIRUS_STYLE, encoding="utf-8")
    (doc,) = read_corpus(tmp_path, "TR-News")
    assert [(t.text, t.lat) for t in doc.toponyms] == [("Syrian", 35.0), ("Palmyra", 34.56)]  # no gaztag: left out
    (virus,) = read_corpus(tmp_path, "GeoVirus")
    (t,) = virus.toponyms
    assert virus.text[t.start : t.end] == "Palmyra" == t.text


def test_scores_count_misses_and_overlaps(gaz: MemoryGazetteer) -> None:
    text = "Syrian troops entered Palmyra near Qaryatayn."
    doc = GoldDoc("d", text, [GoldToponym(0, 6, "Syrian", 35.0, 38.0), GoldToponym(22, 29, "Palmyra", 34.56, 38.28),
                              GoldToponym(35, 44, "Qaryatayn", 34.23, 37.24)])
    gold = score_gold_spans([doc], gaz)
    # Qaryatayn is not in this gazetteer: it is placed at the story's town, Palmyra, about 100 km off
    assert gold["toponyms"] == 3 and gold["unresolved"] == 0
    assert gold["acc161"] == 1.0 and 0.0 < gold["mean_km"] < 50.0
    alone = score_gold_spans([GoldDoc("e", "Qaryatayn.", [GoldToponym(0, 9, "Qaryatayn", 34.23, 37.24)])], gaz)
    assert alone["unresolved"] == 1 and alone["acc161"] == 0.0  # no town to fall back on: a miss
    e2e = score_end_to_end([doc], gaz)
    assert e2e["precision"] == 1.0 and e2e["recall"] == round(2 / 3, 4)
    assert e2e["acc161_matched"] == 1.0 and e2e["e2e_acc161"] == round(2 / 3, 4)
    table = render({"corpora": {"Tiny": {"documents": 1, "gold_spans": gold, "end_to_end": e2e}}})
    assert "Tiny" in table and "66.7" in table


# Floors measured on the first 30 documents of each corpus (gold spans given / end to end);
# lowering one is a deliberate, visible change.
FLOORS = {"TR-News": (0.90, 0.85), "LGL": (0.85, 0.75), "GeoWebNews": (0.81, 0.79)}


@pytest.mark.slow
@pytest.mark.skipif(not GEO.is_dir(), reason="../shared/eval/geoparsing is absent")
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_accuracy_floor_on_a_slice(corpus: str) -> None:
    from dateline.config import load_settings
    from dateline.gazetteer import open_gazetteer

    gazetteer = open_gazetteer(load_settings())
    docs = read_corpus(GEO, corpus)[:30]
    gold_floor, e2e_floor = FLOORS[corpus]
    assert score_gold_spans(docs, gazetteer)["acc161"] >= gold_floor
    assert score_end_to_end(docs, gazetteer)["e2e_acc161"] >= e2e_floor

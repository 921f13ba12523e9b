"""The modality / claims / fatalities test set: well formed, its scoring right, and accuracy floors.

The set (tests/data/modality_set.jsonl) is synthetic: passages written for this
project with the conventions of docs/bench-modality.md. The floors sit a little
below what the pipeline scored when they were set; raise them as it improves,
and lower one only on purpose.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from dateline.bench.modality import (
    KINDS,
    MODALITIES,
    Passage,
    Prediction,
    default_set_path,
    load_set,
    names_match,
    render,
    score,
)

SET = Path(__file__).resolve().parent / "data" / "modality_set.jsonl"
EVENTFUL = {"asserted", "claimed", "denied", "background"}


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return load_set(SET)


# --------------------------------------------------------------------------- the file


def test_every_line_parses_and_the_header_says_synthetic() -> None:
    lines = [line for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert json.loads(lines[0])["_comment"].startswith("synthetic")
    for line in lines:
        json.loads(line)


def test_the_bench_finds_the_same_file() -> None:
    assert default_set_path() == SET


def test_ids_and_texts_are_unique(passages: list[Passage]) -> None:
    assert len(passages) >= 160
    assert len({p.id for p in passages}) == len(passages)
    assert len({p.text for p in passages}) == len(passages)


def test_every_modality_has_at_least_15_passages(passages: list[Passage]) -> None:
    counts = Counter(p.expect["modality"] for p in passages)
    assert set(counts) == set(MODALITIES)
    assert min(counts.values()) >= 15, counts


def test_expectations_are_well_formed(passages: list[Passage]) -> None:
    for p in passages:
        e = p.expect
        assert 40 <= len(p.text) < 400 and p.text.rstrip().endswith((".", "'", '"')), p.id
        assert e["event"] == (e["modality"] in EVENTFUL), p.id
        assert e["attributed_kind"] in KINDS, p.id
        assert isinstance(e["claimed_by"], list) and all(isinstance(n, str) and n for n in e["claimed_by"]), p.id
        assert e["perpetrator_claim"] in (True, False, None), p.id
        assert bool(e["claimed_by"]) == (e["perpetrator_claim"] is not None), p.id
        assert set(e.get("also_ok") or []) <= set(MODALITIES) | {"disputed"}, p.id
        assert e.get("notes"), p.id
        window = e["fatalities"]
        if not e["event"]:
            assert window is None, p.id  # a non-event has no toll to score
        elif window is not None:
            low, high = window
            assert isinstance(low, int) and isinstance(high, int) and 0 <= low <= high, p.id


def test_claims_of_both_kinds_and_the_fatality_forms_are_covered(passages: list[Passage]) -> None:
    claims = Counter(p.expect["perpetrator_claim"] for p in passages)
    assert claims[True] >= 10 and claims[False] >= 10
    texts = " ".join(p.text for p in passages)
    for form in ("at least", "dozens", "more than 100", "Russian military adviser", "two children and their mother",
                 "risen to", "killing himself", "wounded", "Twenty-three"):
        assert form.lower() in texts.lower(), form
    disputed = [p for p in passages if "disputed" in (p.expect.get("also_ok") or [])]
    assert len(disputed) >= 5


# --------------------------------------------------------------------------- scoring


def _p(pid: str, modality: str, **expect: object) -> Passage:
    base = {"event": modality in EVENTFUL, "modality": modality, "claimed_by": [], "attributed_kind": "outlet",
            "fatalities": [0, 0] if modality in EVENTFUL else None, "perpetrator_claim": None, "notes": "t"}
    return Passage(pid, date(2017, 1, 1), "x.", {**base, **expect})


def test_names_match_on_words_stems_and_aliases() -> None:
    assert names_match("Islamic State", ["Islamic State (ISIS)"])
    assert names_match("Ukrainian armed forces|Military Forces of Ukraine", ["Military Forces of Ukraine"])
    assert names_match("Syrian army", ["Military Forces of Syria"])  # Syrian / Syria share a stem
    assert names_match("ISWAP|Islamic State West Africa Province", ["ISWAP"])
    assert not names_match("Boko Haram", ["Military Forces of Nigeria"])
    assert not names_match("al-Shabaab", ["Police Forces of Somalia"])


def test_score_counts_modalities_fields_and_accepted_alternatives() -> None:
    passages = [
        _p("a", "asserted", fatalities=[16, 16], attributed_kind="monitor"),
        _p("b", "claimed", claimed_by=["Islamic State"], perpetrator_claim=True, attributed_kind="party"),
        _p("c", "denied", also_ok=["disputed"], attributed_kind="official"),
        _p("d", "future"),
    ]
    preds = {
        "a": Prediction("asserted", True, (), None, "monitor", 16, None, True, True),
        "b": Prediction("asserted", True, ("Islamic State",), "Amaq", "party", 0, True, True, True),
        "c": Prediction("disputed", True, (), None, "outlet", 0, None, True, True),
        "d": Prediction("none", False),
    }
    r = score(passages, preds)
    assert r["per_modality"]["asserted"] == {"gold": 1, "predicted": 2, "right": 1,
                                             "precision": 0.5, "recall": 1.0, "f1": 0.667}
    assert r["per_modality"]["denied"]["right"] == 1  # "disputed" is listed as acceptable there
    assert r["per_modality"]["none"]["predicted"] == 1
    assert r["fields"]["event"]["right"] == 4  # "none" is a right non-event for a future passage
    assert r["fields"]["claimed_by"] == {"n": 3, "right": 3, "accuracy": 1.0}
    assert r["fields"]["attributed_kind"]["right"] == 2
    assert r["fields"]["fatalities"]["right"] == 3
    assert r["fields"]["perpetrator_claim_nonnull"] == {"n": 1, "right": 1, "accuracy": 1.0}
    assert [m["id"] for m in r["misses"]] == ["b", "c", "d"]
    assert "asserted" in render(r) and "claimed_by" in render(r)


def test_fields_the_system_does_not_expose_are_not_scored() -> None:
    r = score([_p("a", "asserted")], {"a": Prediction("asserted", True, fatalities=0)})
    assert "attributed_kind" not in r["fields"] and "perpetrator_claim" not in r["fields"]
    assert r["fields"]["fatalities"]["right"] == 1


# --------------------------------------------------------------------------- floors on the real pipeline

# Measured when set (see docs/bench-modality.md); a little below, so that noise does not fail the suite.
# raised on 2026-11-25 after the modality rules improved (measured 0.82/0.55/0.75/0.74/0.63/0.63/0.80)
FLOORS_MODALITY_RECALL = {"asserted": 0.75, "claimed": 0.45, "denied": 0.65, "future": 0.65,
                          "hypothetical": 0.55, "negated": 0.55, "background": 0.72}
FLOORS_FIELDS = {"event": 0.85, "claimed_by": 0.58, "attributed_kind": 0.63, "fatalities": 0.72,
                 "perpetrator_claim": 0.62}
FLOOR_MACRO_F1 = 0.70


@pytest.mark.slow
def test_accuracy_floors_on_the_full_pipeline(passages: list[Passage]) -> None:
    from dateline.bench.modality import predict
    from dateline.config import load_settings

    result = score(passages, predict(passages, load_settings()))
    low = {m: result["per_modality"][m]["recall"] for m in MODALITIES
           if (result["per_modality"][m]["recall"] or 0.0) < FLOORS_MODALITY_RECALL[m]}
    assert not low, f"per-modality recall below its floor: {low}"
    fields = {k: v["accuracy"] for k, v in result["fields"].items()
              if k in FLOORS_FIELDS and (v["accuracy"] or 0.0) < FLOORS_FIELDS[k]}
    assert not fields, f"field accuracy below its floor: {fields}"
    assert result["macro_f1"] >= FLOOR_MACRO_F1, result["macro_f1"]

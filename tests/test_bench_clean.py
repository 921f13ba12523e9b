"""The extraction benchmark's scoring, and a floor on a slice of the Zyte pages when ../shared is present."""
from __future__ import annotations

from pathlib import Path

import pytest

from dateline.bench.clean import bench_clean, overlap, render, score_pages, tokens

ZYTE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "boilerplate-zyte"


def test_tokens_are_word_runs() -> None:
    assert tokens("Rebels, on Tuesday: 12 killed!") == ["Rebels", "on", "Tuesday", "12", "killed"]


def test_bag_overlap_counts_repeats() -> None:
    # gold has "the" twice, ours three times: one extra is a false positive
    assert overlap("the cat saw the dog", "the the the cat", 1) == (3, 1, 2)
    assert overlap("a b c d e", "a b c d e", 4) == (2, 0, 0)
    assert overlap("a b c d e", "", 4) == (0, 0, 2)


def test_page_scores_are_macro_averaged() -> None:
    pairs = [("one two three four", "one two three four"), ("one two", "three four five six")]
    s = score_pages(pairs, 1)
    assert s["precision"] == 0.5 and s["recall"] == 0.5 and s["f1"] == 0.5


@pytest.mark.skipif(not (ZYTE / "ground-truth.json").exists(), reason="../shared/eval/boilerplate-zyte is absent")
def test_floor_on_first_pages() -> None:
    result = bench_clean(ZYTE, limit=20)
    ours, base = result["dateline"], result["trafilatura"]
    assert result["pages"] == 20
    assert ours["shingles"]["f1"] >= 0.93
    assert ours["shingles"]["f1"] >= base["shingles"]["f1"] - 0.01
    assert "trafilatura" in render(result)

"""Near-duplicate detection: wire copies are linked to the first copy, different stories are not."""
from __future__ import annotations

from datetime import date

from dateline.ingest.dedupe import MinHasher, find_near_duplicates, jaccard, shingles
from dateline.model import Article

STORY = (
    "Government forces shelled the eastern districts of the city on Tuesday, killing at least twelve "
    "civilians, including four children, a local monitoring group said. The shelling hit a market and a "
    "school that had been turned into a shelter for displaced families. Rescue workers said they were "
    "still searching the rubble late into the night. The army said it had targeted positions of armed "
    "groups that had fired rockets at government-held neighbourhoods the day before."
)
OTHER = (
    "Thousands of people marched through the capital on Friday to demand the release of detained "
    "journalists, chanting slogans against the interior ministry. Police blocked the main square and "
    "fired tear gas when some protesters tried to reach the parliament building. Organisers said more "
    "rallies would follow next week in the northern provinces if the detainees were not freed."
)


def art(id_: str, text: str, published: date | None = None) -> Article:
    return Article(id=id_, raw=text, text=text, published=published)


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Rebels took the town, officials said.") == shingles("rebels took the town officials SAID")
    assert len(shingles("two words")) == 1
    assert shingles("") == frozenset()


def test_jaccard_bounds() -> None:
    a = shingles(STORY)
    assert jaccard(a, a) == 1.0
    assert jaccard(a, shingles(OTHER)) == 0.0
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_wire_copy_with_new_headline_and_credit_is_a_duplicate() -> None:
    copy = "Shelling kills 12 in city market\n\n" + STORY + " (Reporting by a correspondent)"
    dups = find_near_duplicates([art("a", STORY), art("b", OTHER), art("c", copy)])
    assert dups == {"c": "a"}


def test_different_stories_are_not_duplicates() -> None:
    assert find_near_duplicates([art("a", STORY), art("b", OTHER)]) == {}


def test_long_piece_quoting_a_short_story_is_not_its_copy() -> None:
    # its own paragraphs would be lost if it were skipped as a copy
    roundup = STORY + " " + OTHER + " " + OTHER.replace("Friday", "Saturday").replace("capital", "port city")
    assert find_near_duplicates([art("short", STORY), art("roundup", roundup)]) == {}


def test_earliest_published_copy_is_canonical_and_there_are_no_chains() -> None:
    later = art("later", STORY, date(2016, 6, 6))
    first = art("first", STORY + " Officials gave no figures.", date(2016, 2, 1))
    third = art("third", STORY + " Officials gave no figures. More follows.", None)
    dups = find_near_duplicates([later, third, first])
    assert dups == {"later": "first", "third": "first"}


def test_threshold_is_exact_not_estimated() -> None:
    half = STORY.split(". ")
    changed = ". ".join(half[:2]) + ". " + OTHER
    sim = jaccard(shingles(STORY), shingles(changed))
    assert 0.1 < sim < 0.8
    assert find_near_duplicates([art("a", STORY), art("b", changed)], threshold=sim - 0.01) == {"b": "a"}
    assert find_near_duplicates([art("a", STORY), art("b", changed)], threshold=sim + 0.01) == {}


def test_empty_and_repeated_ids_are_left_alone() -> None:
    assert find_near_duplicates([art("a", ""), art("b", "")]) == {}
    assert find_near_duplicates([art("a", STORY), art("a", STORY)]) == {}


def test_raw_html_is_compared_without_tags() -> None:
    html = Article(id="h", raw=f"<html><body><p>{STORY}</p></body></html>", input_format="html")
    assert find_near_duplicates([art("a", STORY), html]) == {"h": "a"}


def test_many_copies_stay_cheap_and_deterministic() -> None:
    arts = [art(f"c{i}", STORY + f" Update {i}.") for i in range(200)] + [art("o", OTHER)]
    dups = find_near_duplicates(arts)
    assert len(dups) == 199 and set(dups.values()) == {"c0"}
    assert find_near_duplicates(arts, hasher=MinHasher(seed=1)) == dups

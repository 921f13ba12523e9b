"""Readers: every input becomes an Article or a Rejection with a reason code."""
from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import decode_bytes, looks_binary, parse_published, read_inputs
from dateline.model import Article, Rejection, content_hash

DATA = Path(__file__).parent / "data" / "ingest"
STORY = (
    "Rebel fighters shelled government checkpoints on the northern edge of the city on Monday, "
    "killing two soldiers, according to a statement from the rebel group."
)


def _one(path: Path, **kw: object) -> Article | Rejection:
    out = list(read_inputs([path], **kw))  # type: ignore[arg-type]
    assert len(out) == 1
    return out[0]


def test_plain_text_file_gets_content_hash_id(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(STORY, encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.input_format == "text"
    assert art.raw == STORY
    assert art.id == content_hash(STORY) == art.content_hash
    assert art.source == str(p)
    assert art.published is None and art.published_source is None


def test_given_metadata_applies_to_a_single_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(STORY, encoding="utf-8")
    art = _one(p, published="2016-03-17T10:00:00Z", outlet="ARA News", article_id="x1", url="http://e.org/a", title="T")
    assert isinstance(art, Article)
    assert (art.id, art.outlet, art.url, art.title) == ("x1", "ARA News", "http://e.org/a", "T")
    assert art.published == date(2016, 3, 17)
    assert art.published_source == "given" and art.published_precision == 1


def test_article_id_with_several_files_is_refused(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(STORY + name, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_inputs([tmp_path], article_id="x1")
    assert err.value.reason == "ambiguous_option"
    with pytest.raises(InputError):
        read_inputs([DATA / "corpus.jsonl"], article_id="x1")


def test_bad_published_option_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_inputs([tmp_path], published="yesterday")
    assert err.value.reason == "bad_date"


def test_html_by_extension_and_by_sniffing(tmp_path: Path) -> None:
    assert _one(DATA / "page.html").input_format == "html"  # type: ignore[union-attr]
    p = tmp_path / "saved.txt"
    p.write_text("<!DOCTYPE html><html><body><p>" + STORY + "</p></body></html>", encoding="utf-8")
    assert _one(p).input_format == "html"  # type: ignore[union-attr]
    q = tmp_path / "noext"
    q.write_text(STORY, encoding="utf-8")
    assert _one(q).input_format == "text"  # type: ignore[union-attr]


def test_jsonl_good_lines_survive_bad_ones() -> None:
    out = list(read_inputs([DATA / "corpus.jsonl"]))
    arts = [x for x in out if isinstance(x, Article)]
    rejs = [x for x in out if isinstance(x, Rejection)]
    assert [a.id for a in arts] == ["a1", "a2", "a5"]
    assert sorted(r.reason for r in rejs) == ["malformed_json", "malformed_json", "missing_text"]
    assert all(r.source.startswith(str(DATA / "corpus.jsonl") + ":") for r in rejs)
    a1, a2, a5 = arts
    assert a1.published == date(2016, 3, 17) and a1.published_source == "given" and a1.outlet == "Example Wire"
    assert a1.source.endswith("corpus.jsonl:1")
    assert a2.input_format == "html" and a2.url == "https://example.org/2016/03/19/strikes"
    # an unparseable date keeps the article, with a note, and no made-up date
    assert a5.published is None and any(n.startswith("bad_date") for n in a5.notes)


def test_jsonl_empty_text_is_rejected_as_empty(tmp_path: Path) -> None:
    p = tmp_path / "c.ndjson"
    p.write_text(json.dumps({"id": "e1", "text": "   "}) + "\n", encoding="utf-8")
    rej = _one(p)
    assert isinstance(rej, Rejection) and rej.reason == "empty" and rej.article_id == "e1"


def test_gzip_inputs(tmp_path: Path) -> None:
    p = tmp_path / "corpus.jsonl.gz"
    p.write_bytes(gzip.compress((json.dumps({"id": "g1", "text": STORY}) + "\n").encode()))
    art = _one(p)
    assert isinstance(art, Article) and art.id == "g1" and art.raw == STORY
    t = tmp_path / "story.txt.gz"
    t.write_bytes(gzip.compress(STORY.encode()))
    art = _one(t)
    assert isinstance(art, Article) and art.raw == STORY and art.input_format == "text"
    bad = tmp_path / "broken.txt.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage")
    rej = _one(bad)
    assert isinstance(rej, Rejection) and rej.reason == "unreadable"


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY + " two", encoding="utf-8")
    (tmp_path / "1.txt").write_text(STORY + " one", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(STORY, encoding="utf-8")
    out = list(read_inputs([tmp_path]))
    assert [Path(a.source).name for a in out] == ["1.txt", "2.txt"]


def test_rejection_reasons(tmp_path: Path) -> None:
    cases = {
        "empty.txt": b"  \n\n ",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "latin.txt": bytes(range(0x80, 0x100)) * 4,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    got = {Path(r.source).name: r.reason for r in read_inputs([tmp_path]) if isinstance(r, Rejection)}
    assert got == {"empty.txt": "empty", "image.txt": "binary", "latin.txt": "undecodable"}
    missing = list(read_inputs([tmp_path / "nope.txt"]))
    assert isinstance(missing[0], Rejection) and missing[0].reason == "unreadable"


def test_decoding() -> None:
    assert decode_bytes("caf\u00e9".encode("utf-8-sig")) == "caf\u00e9"
    assert decode_bytes("caf\u00e9 \u2013 ok".encode("utf-16")) == "caf\u00e9 \u2013 ok"
    # cp1252 is accepted when the bytes are plainly text with a few accents
    assert decode_bytes("He said \u201chello\u201d in Homs.".encode("cp1252")) == "He said \u201chello\u201d in Homs."
    assert looks_binary(b"abc\x00def") and not looks_binary(b"plain text\n\twith tabs\r\n")


def test_parse_published() -> None:
    assert parse_published("2016-03-17") == date(2016, 3, 17)
    assert parse_published("2016-03-17T10:00:00Z") == date(2016, 3, 17)
    assert parse_published("2016-03-17 23:59:00+03:00") == date(2016, 3, 17)
    assert parse_published(None) is None and parse_published("") is None
    with pytest.raises(ValueError):
        parse_published("17/03/2016")

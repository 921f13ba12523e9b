"""Containers of many articles: CSV/TSV dumps, RSS/Atom feeds and WARC archives."""
from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import read_inputs
from dateline.ingest.formats import feed_date
from dateline.model import Article, Rejection

STORY = ("Rebel fighters shelled army checkpoints north of the town on Monday, killing two soldiers, "
         "according to a statement from the rebel group.")
PAGE = f"<html><head><title>Shelling</title></head><body><article><p>{STORY}</p></article></body></html>"

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Synthetic Wire</title>
<item><title>Checkpoints shelled</title><link>https://example.org/a</link><guid>wire-1</guid>
  <pubDate>Tue, 15 Mar 2016 09:30:00 +0000</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>{STORY}</p>]]></content:encoded></item>
<item><title>Headline only</title><link>https://example.org/b</link></item>
<item><title>Teaser only</title><pubDate>not a date</pubDate><description>Two soldiers were killed.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Synthetic Atom Desk</title>
<entry><title>Shelling</title><id>urn:x:1</id><link rel="alternate" href="https://example.net/1"/>
<published>2016-03-16T08:00:00Z</published><content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry>
</feed>"""


def _warc_record(kind: str, uri: str, block: bytes, extra: str = "") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2020-01-02T03:04:05Z\r\n"
            f"{extra}Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def _http(status: str, ctype: str, body: bytes) -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body


def _warc() -> bytes:
    return b"".join([
        _warc_record("warcinfo", "", b"software: synthetic\r\n"),
        _warc_record("request", "https://example.org/a", b"GET /a HTTP/1.1\r\n\r\n"),
        _warc_record("response", "https://example.org/a", _http("200 OK", "text/html; charset=utf-8", PAGE.encode())),
        _warc_record("response", "https://example.org/logo.png", _http("200 OK", "image/png", b"\x89PNG\x00\x01")),
        _warc_record("response", "https://example.org/gone", _http("404 Not Found", "text/html", b"<p>no</p>")),
        _warc_record("resource", "file:///notes.txt", STORY.encode(), "Content-Type: text/plain\r\n"),
    ])


def _items(path: Path, **kw: object) -> tuple[list[Article], list[Rejection]]:
    out = list(read_inputs([path], **kw))  # type: ignore[arg-type]
    return [a for a in out if isinstance(a, Article)], [r for r in out if isinstance(r, Rejection)]


def test_rss_items_become_articles_with_feed_metadata(tmp_path: Path) -> None:
    p = tmp_path / "wire.rss"
    p.write_text(RSS, encoding="utf-8")
    arts, rejected = _items(p, outlet="Given Outlet")
    assert [a.title for a in arts] == ["Checkpoints shelled", "Teaser only"]
    first = arts[0]
    assert first.input_format == "html" and STORY in first.raw  # full content preferred to the teaser
    assert first.url == "https://example.org/a" and first.id == "wire-1" and first.outlet == "Synthetic Wire"
    assert first.published == date(2016, 3, 15) and first.published_source == "feed"
    assert arts[1].published is None and any(n.startswith("bad_date") for n in arts[1].notes)
    assert [(r.reason, r.source.endswith("#item2")) for r in rejected] == [("empty", True)]


def test_atom_feed_saved_as_xml_is_sniffed(tmp_path: Path) -> None:
    p = tmp_path / "desk.xml"
    p.write_text(ATOM, encoding="utf-8")
    [art], rejected = _items(p)
    assert not rejected
    assert art.url == "https://example.net/1" and art.published == date(2016, 3, 16)
    assert art.outlet == "Synthetic Atom Desk" and "<p>" in art.raw and art.input_format == "html"


def test_broken_feed_is_one_rejection(tmp_path: Path) -> None:
    p = tmp_path / "bad.rss"
    p.write_text(RSS[:300], encoding="utf-8")
    arts, [rej] = _items(p)
    assert not arts and rej.reason == "malformed_feed"


@pytest.mark.parametrize("gz", [False, True])
def test_warc_pages_become_articles_and_the_rest_is_accounted_for(tmp_path: Path, gz: bool) -> None:
    data = _warc()
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(gzip.compress(data) if gz else data)
    arts, rejected = _items(p)
    assert [(a.url, a.input_format) for a in arts] == [("https://example.org/a", "html"),
                                                        ("file:///notes.txt", "text")]
    assert arts[0].raw == PAGE and arts[0].published is None  # the crawl date is not the publication date
    assert "crawled: 2020-01-02T03:04:05Z" in arts[0].notes
    assert sorted(r.reason for r in rejected) == ["http_status", "not_an_article"]
    assert any("logo.png" in r.source for r in rejected)


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    data = _warc()
    cut = data.index(b"<p>no</p>")  # inside the 404 record's block
    p = tmp_path / "cut.warc"
    p.write_bytes(data[:cut])
    arts, rejected = _items(p)
    assert [a.url for a in arts] == ["https://example.org/a"]
    assert [r.reason for r in rejected] == ["not_an_article", "malformed_warc"]


def test_csv_and_tsv_rows_read_like_corpus_lines(tmp_path: Path) -> None:
    csv_path = tmp_path / "dump.csv"
    csv_path.write_text('ID,Title,Body,Published,URL\n'
                        f'c1,Shelled,"{STORY}",2016-03-15,https://example.org/c1\n'
                        'c2,Nothing,,2016-03-15,\n'
                        f'c3,Odd date,"{STORY}",15/03/2016,\n', encoding="utf-8")
    arts, rejected = _items(csv_path, outlet="Dump Outlet")
    assert [(a.id, a.published, a.outlet) for a in arts] == [("c1", date(2016, 3, 15), "Dump Outlet"),
                                                              ("c3", None, "Dump Outlet")]
    assert any(n.startswith("bad_date") for n in arts[1].notes)
    assert [(r.reason, r.source.endswith(":3")) for r in rejected] == [("empty", True)]
    tsv = tmp_path / "dump.tsv"
    tsv.write_text(f"id\thtml\nt1\t{PAGE}\n", encoding="utf-8")
    [art], _ = _items(tsv)
    assert art.input_format == "html" and art.id == "t1"
    bad = tmp_path / "nobody.csv"
    bad.write_text("id,title\n1,x\n", encoding="utf-8")
    [], [rej] = _items(bad)
    assert rej.reason == "missing_text" and "text" in rej.detail


def test_one_article_options_are_refused_for_containers(tmp_path: Path) -> None:
    p = tmp_path / "wire.rss"
    p.write_text(RSS, encoding="utf-8")
    with pytest.raises(InputError, match="FEED"):
        list(read_inputs([p], article_id="x"))


def test_feed_dates() -> None:
    assert feed_date("Thu, 17 Mar 2016 10:00:00 +0000") == date(2016, 3, 17)
    assert feed_date("2016-03-17T23:30:00-05:00") == date(2016, 3, 17)
    assert feed_date("yesterday") is None and feed_date(None) is None

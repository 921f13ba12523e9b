"""Container formats that hold many articles: CSV dumps, RSS/Atom feeds and WARC archives.

Each reader turns one decoded container into items, each either a
:class:`Found` (the raw text or HTML of one article with the metadata the
container gives) or a :class:`~dateline.model.Rejection` with a reason. A bad
item never stops its neighbours: a feed entry without a body, a WARC record of
an image or an HTTP error page is recorded and the next item is read.

Dates the container gives are kept only when they are publication dates: a
feed's ``pubDate`` / ``published`` / ``updated`` is the outlet's own statement;
a WARC record's ``WARC-Date`` is when the page was *crawled*, so it is never
taken as the publication date (the HTML's own metadata is read later by the
clean stage).
"""
from __future__ import annotations

import csv
import email.utils
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator

from ..model import Rejection

__all__ = ["Found", "read_csv", "read_feed", "read_warc", "is_feed", "is_warc"]

# Columns of a CSV dump that may hold the article's body, in order of preference.
BODY_COLUMNS = ("text", "body", "content", "article", "html")
# Attribute-free names of the elements of RSS 2.0, RSS 1.0 (RDF) and Atom that we read.
_FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
_FEED_SNIFF = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


@dataclass
class Found:
    """One article inside a container, before it becomes an :class:`Article`."""

    raw: str
    fmt: str  # "text" or "html"
    where: str  # file name plus the item's position, for rejections and provenance
    meta: dict[str, Any] = field(default_factory=dict)  # id, title, outlet, url, published
    notes: list[str] = field(default_factory=list)


def is_feed(data: bytes) -> bool:
    """An RSS or Atom document, by its first elements (feeds are often saved as .xml)."""
    return bool(_FEED_SNIFF.search(data[:4096]))


def is_warc(data: bytes) -> bool:
    """A WARC file (uncompressed; the caller has already looked through gzip)."""
    return data[:6] == b"WARC/1" or data[:5] == b"WARC/"


# --------------------------------------------------------------------------- CSV


def read_csv(text: str, source: str, delimiter: str = ",") -> Iterator[dict[str, Any] | Rejection]:
    """Rows of a CSV/TSV dump as dicts with a ``text`` or ``html`` key, or rejections.

    The header names the columns; the body is the first of :data:`BODY_COLUMNS`
    present (``html`` is read as HTML), and id, title, url, outlet and
    published keep their names, so a row then reads like a corpus JSONL line.
    """
    csv.field_size_limit(50_000_000)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    body = next((c for c in BODY_COLUMNS if c in header), None)
    if body is None:
        yield Rejection(source, "missing_text", f"a CSV dump needs one of the columns {', '.join(BODY_COLUMNS)}; "
                                                f"found {', '.join(header) or 'no header'}")
        return
    try:
        for lineno, row in enumerate(reader, start=2):
            clean = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
            value = clean.pop(body, None)
            clean["html" if body == "html" else "text"] = value or ""
            clean["_where"] = f"{source}:{lineno}"
            yield clean
    except csv.Error as exc:
        yield Rejection(source, "malformed_csv", f"line {reader.line_num}: {exc}")


# --------------------------------------------------------------------------- feeds


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(node: ET.Element, *names: str) -> str | None:
    """The text of the first child named like one of ``names`` (namespaces ignored)."""
    for name in names:
        for child in node:
            if _local(child.tag) == name:
                text = "".join(child.itertext()).strip()
                if text:
                    return text
    return None


def _link(item: ET.Element) -> str | None:
    for child in item:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if (child.text or "").strip():
            return child.text.strip()
    return None


def feed_date(value: str | None) -> date | None:
    """An RSS (RFC 822) or Atom (ISO 8601) timestamp as a date; None when it is neither."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def read_feed(text: str, source: str) -> Iterator[Found | Rejection]:
    """One article per feed entry: the entry's full content when the feed carries it, else its summary.

    Entries without any body are rejected ("empty"): a headline and a link are
    not an article (fetching the link is the URL reader's job, not done here).
    """
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        yield Rejection(source, "malformed_feed", f"not well-formed XML: {exc}")
        return
    if _local(root.tag) not in _FEED_ROOTS:
        yield Rejection(source, "malformed_feed", f"root element <{_local(root.tag)}> is not rss, feed or RDF")
        return
    channel = next((c for c in root if _local(c.tag) == "channel"), root)
    outlet = _child_text(channel, "title")
    items = [e for e in root.iter() if _local(e.tag) in ("item", "entry")]
    if not items:
        yield Rejection(source, "empty", "the feed has no items")
        return
    for n, item in enumerate(items, start=1):
        where = f"{source}#item{n}"
        body = _child_text(item, "encoded", "content", "description", "summary")
        if not body:
            yield Rejection(where, "empty", "the feed entry has no content or description")
            continue
        stamp = _child_text(item, "pubDate", "published", "date", "updated")
        published = feed_date(stamp)
        notes = [] if published or not stamp else [f"bad_date: feed entry date {stamp!r}"]
        meta = {"title": _child_text(item, "title"), "url": _link(item), "outlet": outlet,
                "published": published, "id": _child_text(item, "guid", "id")}
        yield Found(body, "html" if "<" in body else "text", where, meta, notes)


# --------------------------------------------------------------------------- WARC

_HEADER_END = re.compile(rb"\r?\n\r?\n")


def _headers(block: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in block.decode("latin-1").splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep:
            out[name.strip().lower()] = value.strip()
    return out


def _warc_records(data: bytes, source: str) -> Iterator[tuple[int, dict[str, str], bytes] | Rejection]:
    """(offset, WARC headers, content block) for every record; a broken record ends the file with a rejection."""
    pos = 0
    while pos < len(data):
        while pos < len(data) and data[pos] in b"\r\n":  # the blank lines between records
            pos += 1
        if pos >= len(data):
            return
        if not data.startswith(b"WARC/", pos):
            yield Rejection(f"{source}@{pos}", "malformed_warc", "expected a WARC/1.x record header")
            return
        m = _HEADER_END.search(data, pos)
        if m is None:
            yield Rejection(f"{source}@{pos}", "malformed_warc", "record header never ends")
            return
        headers = _headers(data[pos : m.start()])
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            yield Rejection(f"{source}@{pos}", "malformed_warc", "record without a valid Content-Length")
            return
        block = data[m.end() : m.end() + length]
        if len(block) < length:
            yield Rejection(f"{source}@{pos}", "malformed_warc", "record cut short (truncated file)")
            return
        yield pos, headers, block
        pos = m.end() + length


def _http_payload(block: bytes) -> tuple[int | None, str, bytes]:
    """Status, content type and body of an HTTP response block."""
    m = _HEADER_END.search(block)
    if not block.startswith(b"HTTP/") or m is None:
        return None, "", block
    head = block[: m.start()].decode("latin-1")
    status_line = head.split("\n", 1)[0].split()
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else None
    ctype = _headers(block[: m.start()]).get("content-type", "")
    return status, ctype.lower(), block[m.end() :]


def read_warc(data: bytes, source: str, decode: Any) -> Iterator[Found | Rejection]:
    """One article per HTML or plain-text ``response`` / ``resource`` record of a WARC file.

    Request, metadata and warcinfo records are not articles and are passed
    over; responses that are not pages (images, scripts) or not successful
    (HTTP 404, redirects) are rejected with the URL so the run says what it
    skipped. ``decode`` turns the body's bytes into text (the readers' own decoder).
    """
    for rec in _warc_records(data, source):
        if isinstance(rec, Rejection):
            yield rec
            continue
        pos, headers, block = rec
        kind = headers.get("warc-type", "")
        if kind not in ("response", "resource"):
            continue
        url = headers.get("warc-target-uri")
        where = f"{source}@{pos}" + (f" {url}" if url else "")
        if kind == "response":
            status, ctype, body = _http_payload(block)
            if status is not None and not 200 <= status < 300:
                yield Rejection(where, "http_status", f"HTTP {status}")
                continue
        else:
            ctype, body = headers.get("content-type", "").lower(), block
        if ctype and not ctype.startswith(("text/html", "application/xhtml", "text/plain")):
            yield Rejection(where, "not_an_article", f"content type {ctype.split(';')[0]}")
            continue
        try:
            text = decode(body)
        except Exception as exc:  # the decoder raises InputError with a reason; keep it
            yield Rejection(where, getattr(exc, "reason", "undecodable"), getattr(exc, "detail", str(exc)))
            continue
        if not text.strip():
            yield Rejection(where, "empty", "the record has no body")
            continue
        fmt = "text" if ctype.startswith("text/plain") else "html"
        notes = [f"crawled: {headers['warc-date']}"] if headers.get("warc-date") else []
        yield Found(text, fmt, where, {"url": url, "id": None, "title": None, "outlet": None, "published": None},
                    notes)

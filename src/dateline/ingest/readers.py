"""Readers: files and folders in, :class:`Article` or :class:`Rejection` out.

Inputs arrive as they were found: scraped text, saved HTML pages, corpus JSONL
dumps, any of them gzipped, sometimes mislabelled. The readers decide what each
input is by its name and, where the name does not say, by its bytes; they never
raise on a bad input, they yield a :class:`Rejection` with a reason code so that a
run can report what it skipped and why.
"""
from __future__ import annotations

import gzip
import json
import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import InputError
from ..model import Article, Rejection, content_hash
from .formats import Found, is_feed, is_warc, read_csv, read_feed, read_warc

__all__ = ["read_inputs", "read_path", "parse_published", "decode_bytes", "looks_binary", "iter_files"]

TEXT_EXTS = {".txt", ".text", ".md"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
JSONL_EXTS = {".jsonl", ".ndjson"}
CSV_EXTS = {".csv": ",", ".tsv": "\t"}
FEED_EXTS = {".rss", ".atom"}
WARC_EXTS = {".warc"}

_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
# C0 control characters other than tab, newline, form feed and carriage return.
_CONTROL = frozenset(set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x20)) | {0x7F})


# --------------------------------------------------------------------------- bytes


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read.

    NUL bytes never occur in 8-bit text, and more than a few per cent of other
    control characters means an image, an archive or an office file.
    """
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes) -> str:
    """Decode the bytes of one text input, or raise ``InputError`` ("binary", "undecodable").

    UTF-8 is tried first (almost everything scraped since 2010 is); a UTF-16 BOM
    is honoured; Windows-1252 is accepted only when the bytes plainly are text
    (mostly ASCII, no byte cp1252 leaves undefined), because decoding arbitrary
    bytes as cp1252 never fails and would let garbage through.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("undecodable", "UTF-16 byte order mark but invalid UTF-16") from None
    if looks_binary(data):
        raise InputError("binary", "NUL or control bytes: not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    high = sum(1 for b in data if b >= 0x80)
    if high / max(len(data), 1) < 0.2:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    raise InputError("undecodable", f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) nor cp1252 text")


# --------------------------------------------------------------------------- dates


def parse_published(value: Any) -> date | None:
    """An ISO date or datetime ("2016-03-17", "2016-03-17T10:00:00Z") as a date.

    Returns None for None or an empty value; raises ``ValueError`` for anything
    else that is not an ISO date, so the caller can record it rather than guess.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if not s:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return date.fromisoformat(s)
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"not an ISO date or datetime: {s!r}") from None


# --------------------------------------------------------------------------- files


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under the given paths: folders are walked recursively in sorted
    order, hidden files and folders (".git", ".DS_Store") are skipped."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def _kind(path: Path) -> str:
    """"text", "html", "jsonl", "csv", "feed", "warc" or "unknown" from the file name (.gz looked through)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    if ext in TEXT_EXTS:
        return "text"
    if ext in HTML_EXTS:
        return "html"
    if ext in JSONL_EXTS:
        return "jsonl"
    if ext in CSV_EXTS:
        return "csv"
    if ext in FEED_EXTS:
        return "feed"
    if ext in WARC_EXTS:
        return "warc"
    return "unknown"


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix.lower() == ".gz" or data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def _sniff(data: bytes, kind: str) -> str:
    """Correct the name's verdict from the content: HTML saved as .txt, JSONL without extension."""
    head = data[:2048].lstrip()
    if is_warc(head):
        return "warc"
    if kind in ("text", "unknown") and head.startswith(b"<") and is_feed(data):  # a feed saved as .xml
        return "feed"
    if kind in ("text", "unknown") and _HTML_SNIFF.search(data[:4096]):
        return "html"
    if kind == "unknown":
        if head.startswith(b"{"):
            first = head.split(b"\n", 1)[0]
            try:
                if isinstance(json.loads(first), dict):
                    return "jsonl"
            except ValueError:
                pass
        return "text"
    return kind


# --------------------------------------------------------------------------- articles


class _Given:
    """Metadata given by the caller for a single input (the CLI's --published etc.)."""

    def __init__(self, **values: Any) -> None:
        self.published: date | None = values.get("published")
        self.outlet: str | None = values.get("outlet")
        self.article_id: str | None = values.get("article_id")
        self.url: str | None = values.get("url")
        self.title: str | None = values.get("title")


def _article(raw: str, fmt: str, source: str, meta: dict[str, Any], notes: list[str]) -> Article:
    published = meta.get("published")
    art = Article(
        id=str(meta.get("id") or content_hash(raw)),
        raw=raw,
        input_format=fmt,
        source=source,
        title=meta.get("title") or None,
        outlet=meta.get("outlet") or None,
        url=meta.get("url") or None,
        published=published,
        published_precision=1 if published else None,
        published_source="given" if published else None,
    )
    art.notes.extend(notes)
    return art


def read_path(path: Path, given: _Given | None = None) -> Iterator[Article | Rejection]:
    """Articles or rejections from one file."""
    given = given or _Given()
    source = str(path)
    try:
        data = _read_bytes(path)
    except (OSError, EOFError) as exc:
        yield Rejection(source, "unreadable", f"{type(exc).__name__}: {exc}")
        return
    if not data.strip():
        yield Rejection(source, "empty", "no content")
        return
    kind = _sniff(data, _kind(path))
    if kind == "warc":
        for item in read_warc(data, source, decode_bytes):
            yield item if isinstance(item, Rejection) else _found(item, given)
        return
    try:
        text = decode_bytes(data)
    except InputError as exc:
        yield Rejection(source, exc.reason, exc.detail)
        return
    if not text.strip():
        yield Rejection(source, "empty", "only whitespace")
        return
    if kind == "jsonl":
        yield from _read_jsonl(text, source, given)
        return
    if kind == "csv":
        delimiter = CSV_EXTS.get(Path(source.removesuffix(".gz")).suffix.lower(), ",")
        for row in read_csv(text, source, delimiter):
            yield row if isinstance(row, Rejection) else _jsonl_row(row, row.pop("_where"), given)
        return
    if kind == "feed":
        for item in read_feed(text, source):
            yield item if isinstance(item, Rejection) else _found(item, given)
        return
    meta = {
        "id": given.article_id,
        "title": given.title,
        "outlet": given.outlet,
        "url": given.url,
        "published": given.published,
    }
    yield _article(text, "html" if kind == "html" else "text", source, meta, [])


def _found(item: Found, given: _Given) -> Article:
    """An article from a feed entry or WARC record; the caller's outlet and date fill what it lacks."""
    meta = dict(item.meta)
    meta["outlet"] = meta.get("outlet") or given.outlet
    meta["published"] = meta.get("published") or given.published
    art = _article(item.raw, item.fmt, item.where, meta, item.notes)
    if item.meta.get("published"):
        art.published_source = "feed"
    return art


def _read_jsonl(text: str, source: str, given: _Given) -> Iterator[Article | Rejection]:
    """One article per line; a bad line is a rejection and the good lines still come through."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield Rejection(where, "malformed_json", str(exc))
            continue
        if not isinstance(row, dict):
            yield Rejection(where, "malformed_json", f"a line must be a JSON object, got {type(row).__name__}")
            continue
        yield _jsonl_row(row, where, given)


def _jsonl_row(row: dict[str, Any], where: str, given: _Given) -> Article | Rejection:
    rid = str(row["id"]) if row.get("id") not in (None, "") else None
    if isinstance(row.get("text"), str) and row["text"].strip():
        raw, fmt = row["text"], "text"
    elif isinstance(row.get("html"), str) and row["html"].strip():
        raw, fmt = row["html"], "html"
    elif "text" in row or "html" in row:
        return Rejection(where, "empty", "the text/html field is empty", rid)
    else:
        return Rejection(where, "missing_text", "a corpus line needs a 'text' or 'html' field", rid)
    notes: list[str] = []
    try:
        published = parse_published(row.get("published"))
    except ValueError as exc:
        published = None
        notes.append(f"bad_date: {exc}")
    meta = {
        "id": rid,
        "title": row.get("title") if isinstance(row.get("title"), str) else None,
        "outlet": row.get("outlet") if isinstance(row.get("outlet"), str) else given.outlet,
        "url": row.get("url") if isinstance(row.get("url"), str) else None,
        "published": published or given.published,
    }
    return _article(raw, fmt, where, meta, notes)


def read_inputs(
    paths: Iterable[str | Path],
    *,
    published: date | str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Iterator[Article | Rejection]:
    """Read files and folders; yield one :class:`Article` or :class:`Rejection` per input.

    ``published`` and ``outlet`` describe where the inputs came from and apply to
    every article that does not carry its own value (corpus lines keep theirs).
    ``article_id``, ``url`` and ``title`` name one article, so they are accepted
    only when the inputs are exactly one non-JSONL file; otherwise an
    ``InputError("ambiguous_option")`` is raised before anything is read, rather
    than silently giving many articles the same id.
    """
    try:
        pub = parse_published(published)
    except ValueError as exc:
        raise InputError("bad_date", f"--published: {exc}") from None
    files = list(iter_files(paths))
    per_article = {"id": article_id, "url": url, "title": title}
    named = [k for k, v in per_article.items() if v]
    if named and (len(files) != 1 or _kind(files[0]) in _MANY):
        raise InputError(
            "ambiguous_option",
            f"--{', --'.join(named)} name one article, but the inputs are {len(files)} file(s)"
            + (f" of {_kind(files[0]).upper()}" if files and _kind(files[0]) in _MANY else "")
            + "; give one text or HTML file, or put the values in a corpus JSONL",
        )
    given = _Given(published=pub, outlet=outlet, article_id=article_id, url=url, title=title)
    return _iter_all(files, given)


_MANY = frozenset({"jsonl", "csv", "feed", "warc"})  # containers of many articles


def _iter_all(files: list[Path], given: _Given) -> Iterator[Article | Rejection]:
    for path in files:
        yield from read_path(path, given)

"""Cleaning HTML pages: trafilatura for the body and metadata, then our line rules.

trafilatura finds the main text well but leaves the odd "Related" list or share
line, so its output goes through the same line rules as scraped text. Dates
get special care: a page's date may come from metadata, ``<time datetime>``
markup, the URL or a stamp in the text, in that order of trust, and never from
the day we process the page (date extractors can fall back to "today").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import InputError
from .plaintext import Cleaned, clean_plain
from .segments import map_segments

__all__ = ["HtmlMeta", "clean_html", "date_from_url", "date_from_markup", "plausible_date"]

_TIME_TAG = re.compile(r"<time\b[^>]*?\bdatetime\s*=\s*[\"']?\s*(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[^\d]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")


@dataclass
class HtmlMeta:
    """What the page says about itself."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    date: date | None = None
    date_source: str | None = None  # metadata, markup, url
    date_precision: int | None = None


def plausible_date(value: date, raw: str, today: date | None = None) -> bool:
    """False for a date on or after the processing day unless the page spells it out.

    Extractors that find nothing may answer with the current date; a story
    cannot be published after we read it, and "today" is only believable when
    the markup itself carries it.
    """
    today = today or date.today()
    if value < today:
        return True
    return value == today and value.isoformat() in raw


def date_from_markup(raw: str, today: date | None = None) -> date | None:
    """The first ``<time datetime="YYYY-MM-DD...">`` in the page."""
    for m in _TIME_TAG.finditer(raw):
        try:
            value = date.fromisoformat(m.group(1))
        except ValueError:
            continue
        if plausible_date(value, raw, today):
            return value
    return None


def date_from_url(url: str | None) -> tuple[date, int] | None:
    """``/2016/03/17/`` -> (that day, precision 1); ``/2016/03/`` -> (first of month, precision 3)."""
    if not url:
        return None
    m = _URL_DAY.search(url)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), 1
        except ValueError:
            pass
    m = _URL_MONTH.search(url)
    if m:
        return date(int(m.group(1)), int(m.group(2)), 1), 3
    return None


def _extract(raw: str, url: str | None) -> tuple[str, Any]:
    import trafilatura  # imported here: loading it takes a moment and plain text never needs it

    try:
        doc = trafilatura.bare_extraction(
            raw,
            url=url,
            include_comments=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - any parser failure means no article here
        raise InputError("no_article", f"HTML could not be parsed: {type(exc).__name__}: {exc}") from None
    if doc is None:
        return "", None
    text = doc.text if hasattr(doc, "text") else doc.get("text")
    return text or "", doc


def _meta(doc: Any, raw: str, url: str | None, today: date | None = None) -> HtmlMeta:
    def get(name: str) -> Any:
        if doc is None:
            return None
        return getattr(doc, name, None) if not isinstance(doc, dict) else doc.get(name)

    meta = HtmlMeta(title=get("title"), outlet=get("sitename"), author=get("author"), url=url or get("url"))
    found = get("date")
    if found:
        try:
            value = date.fromisoformat(str(found)[:10])
            if plausible_date(value, raw, today):
                meta.date, meta.date_source, meta.date_precision = value, "metadata", 1
        except ValueError:
            pass
    if meta.date is None:
        marked = date_from_markup(raw, today)
        if marked:
            meta.date, meta.date_source, meta.date_precision = marked, "markup", 1
    if meta.date is None:
        from_url = date_from_url(meta.url)
        if from_url and plausible_date(from_url[0], raw, today):
            meta.date, meta.date_precision = from_url
            meta.date_source = "url"
    return meta


def clean_html(
    raw: str, *, title: str | None = None, outlet: str | None = None, url: str | None = None
) -> tuple[Cleaned, HtmlMeta]:
    """Main text and metadata of a page; segments point into ``raw`` where text is verbatim."""
    text, doc = _extract(raw, url)
    if not text.strip():
        raise InputError("no_article", "no article text found in the HTML")
    meta = _meta(doc, raw, url)
    cleaned = clean_plain(text, title=title or meta.title, outlet=outlet or meta.outlet)
    cleaned.segments = map_segments(cleaned.segments, text, raw)
    return cleaned, meta

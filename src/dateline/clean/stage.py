"""The clean stage: raw input -> cleaned body text, metadata, language.

It fills the article's clean layer from :func:`clean_plain` or
:func:`clean_html`, settles the publication date by trust (given > page
metadata > markup > URL > a stamp in the text; never the processing date) and
refuses what is not an English article, as a recorded rejection.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import InputError
from ..model import Article
from .html import clean_html
from .plaintext import Cleaned, clean_plain

__all__ = ["CleanStage", "detect_language"]

# Below this many characters language identification guesses; keep the article.
LANGUAGE_MIN_CHARS = 200


@cache
def _identifier() -> Any:
    import py3langid  # loaded on first use: the model takes a moment

    return py3langid


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when it is too short to judge."""
    if len(text) < LANGUAGE_MIN_CHARS:
        return None
    lang, _score = _identifier().classify(text[:2000])  # enough to judge, and bounded
    return str(lang)


def _set_published(article: Article, value: Any, source: str, precision: int = 1) -> None:
    if article.published is None and value is not None:
        article.published = value
        article.published_source = source
        article.published_precision = precision


class CleanStage:
    """Fills text, title, byline, dateline, captions, removed, segments, language and the date."""

    name = "clean"
    requires = ("raw", "input_format")
    assigns = (
        "text", "title", "outlet", "byline", "dateline", "captions", "removed", "segments",
        "language", "published", "published_precision", "published_source",
    )  # fmt: skip

    def __call__(self, article: Article, ctx: Any) -> Article:
        if article.published is not None and article.published_source is None:
            article.published_source, article.published_precision = "given", article.published_precision or 1
        if article.input_format == "html":
            cleaned, meta = clean_html(article.raw, title=article.title, outlet=article.outlet, url=article.url)
            article.outlet = article.outlet or meta.outlet
            article.url = article.url or meta.url
            _set_published(article, meta.date, meta.date_source or "metadata", meta.date_precision or 1)
            byline = meta.author
        else:
            cleaned = clean_plain(article.raw, title=article.title, outlet=article.outlet)
            byline = None
        self._fill(article, cleaned, byline)
        self._check(article, ctx)
        return article

    @staticmethod
    def _fill(article: Article, cleaned: Cleaned, byline: str | None) -> None:
        article.text = cleaned.text
        article.segments = cleaned.segments
        article.removed = cleaned.removed
        article.title = article.title or cleaned.title
        article.byline = byline or cleaned.byline
        article.dateline = cleaned.dateline
        article.captions = cleaned.captions
        _set_published(article, cleaned.published, "text")
        for src in cleaned.sources:
            article.notes.append(f"source line: {src}")
        if article.outlet is None and cleaned.sources:
            # "Source ARA News", "February 19, 2018 | Lake Chad Monitor": the page names its outlet
            article.outlet = cleaned.sources[0]
        if cleaned.agency:
            article.notes.append(f"dateline agency: {cleaned.agency}")

    @staticmethod
    def _check(article: Article, ctx: Any) -> None:
        settings = getattr(ctx, "settings", None)
        min_chars = int(settings["clean.min_chars"]) if settings is not None else 80
        allowed = str(settings["clean.languages"]) if settings is not None else "en"
        if len(article.text.strip()) < min_chars:
            raise InputError(
                "no_article",
                f"{len(article.text.strip())} characters left after cleaning (clean.min_chars is {min_chars})",
            )
        article.language = detect_language(article.text)
        langs = {x.strip().lower() for x in allowed.split(",") if x.strip()}
        if article.language is not None and langs and article.language not in langs:
            raise InputError("non_english", f"language {article.language}")

"""Clean: the article body out of page boilerplate, with offsets back to the raw input."""
from __future__ import annotations

from .html import HtmlMeta, clean_html, date_from_markup, date_from_url, plausible_date
from .plaintext import Cleaned, clean_plain
from .segments import assemble, normalize_ws, to_raw_offset
from .stage import CleanStage, detect_language
from .stamps import match_date_stamp, match_dateline

__all__ = [
    "CleanStage",
    "Cleaned",
    "HtmlMeta",
    "clean_plain",
    "clean_html",
    "to_raw_offset",
    "assemble",
    "normalize_ws",
    "detect_language",
    "date_from_url",
    "date_from_markup",
    "plausible_date",
    "match_date_stamp",
    "match_dateline",
]

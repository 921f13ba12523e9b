"""dateline: conflict reporting in, an evidence-backed event dataset out."""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import DatelineError
from .model import Article, Event, Span

__all__ = ["__version__", "Article", "Event", "Span", "DatelineError"]

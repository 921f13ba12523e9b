"""The HTML pages: the map/timeline/table view, an event's page and an article's page.

Pages are rendered by Jinja2 with autoescaping, from the same store calls as
the API; the scripts under ``static/`` only fetch JSON and set text, never
HTML, so untrusted article text cannot become markup on either side.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..store.reviews import ACLED_TYPES, CORRECTABLE
from .views import field_rows, highlight, place_candidates, source_panels

__all__ = ["install_pages", "TEMPLATES_DIR"]

TEMPLATES_DIR = Path(__file__).with_name("templates")


def http_url(value: Any) -> str | None:
    """A link only for http(s) URLs: an article's URL is input too, and ``javascript:`` is a URL."""
    s = str(value or "").strip()
    return s if s.lower().startswith(("http://", "https://")) else None


def install_pages(app: FastAPI) -> None:
    """Add the page routes to ``app`` (whose state holds the store)."""
    from .app import ApiError, _log_row, article_spans

    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))  # .html templates autoescape
    templates.env.filters["http_url"] = http_url
    store = app.state.store

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        context.setdefault("review_enabled", app.state.review_enabled)
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        return page(request, "index.html", event_types=ACLED_TYPES)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        ev = store.event_payload(event_id)
        if ev is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        aids = list(dict.fromkeys(s["article_id"] for s in ev.get("sources") or []))
        articles = {a: store.article(a) for a in aids}
        review = ev.get("review") or {}
        return page(
            request, "event.html", ev=ev, rows=field_rows(ev), panels=source_panels(ev, articles),
            candidates=place_candidates(ev), review=review, log=[_log_row(r) for r in store.review_actions(event_id)],
            correctable=list(CORRECTABLE), contradictions=ev.get("contradictions") or [],
            hidden=review.get("status") in ("not_event", "merged_into"),
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        art = store.article(article_id)
        if art is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}")
        spans = article_spans(store, article_id)
        marks = [(s["start"], s["end"], s["field"]) for s in spans if s["field"] != "sentence"
                 and (art["text"] or "")[s["start"] : s["end"]] == s["text"]]
        sentences = [(s["start"], s["end"]) for s in spans if s["field"] == "sentence"]
        events = store.events(article_id=article_id, include_hidden=True)
        return page(request, "article.html", art=art, segments=highlight(art["text"] or "", marks, sentences),
                    events=events, fields=sorted({m[2] for m in marks}))

"""The HTTP API over a dateline store, and the app that also serves the web UI.

``create_app(db)`` builds a FastAPI app: ``/api/...`` is the JSON API (its
OpenAPI schema at ``/openapi.json``), ``/`` the map, timeline and table,
``/events/{id}`` and ``/articles/{id}`` the pages (:mod:`dateline.web.pages`).
Reading needs nothing; review actions need the operator's token
(``serve.token``), sent as ``Authorization: Bearer TOKEN``. Every error
answers one JSON shape: ``{"error": {"status", "code", "message", "detail"}}``.
"""
from __future__ import annotations

import hmac
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import Settings, load_settings
from ..errors import DatelineError
from ..export import FORMATS, geojson
from ..store import Store
from ..store.reviews import ACTIONS, CORRECTABLE, ReviewError
from .query import Bbox, EventFilter, facets, search_events, timeline

__all__ = ["create_app", "ApiError", "STATIC_DIR"]

STATIC_DIR = Path(__file__).with_name("static")
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
               "geojson": "application/geo+json", "parquet": "application/vnd.apache.parquet"}
MAX_PER_PAGE = 1000
_CODES = {400: "bad_request", 401: "unauthorized", 403: "read_only", 404: "not_found", 405: "method_not_allowed",
          422: "invalid_request", 500: "internal_error"}


class ApiError(Exception):
    """An error with its HTTP status and a stable machine-readable code."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


class ErrorBody(BaseModel):
    status: int
    code: str = Field(description="stable, machine-readable: not_found, invalid_request, unauthorized, ...")
    message: str
    detail: Any = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class Page(BaseModel):
    items: list[dict[str, Any]] = Field(description="events as in events.jsonl, human review laid over them")
    total: int
    page: int
    per_page: int
    pages: int
    filters: dict[str, Any]


class ReviewRequest(BaseModel):
    action: Literal["confirm", "correct", "not_event", "merge", "split"]
    who: str | None = Field(None, description="reviewer name; else the X-Dateline-User header")
    field: str | None = Field(None, description="correct: dotted field, e.g. fatalities.best, location.name")
    value: Any = Field(None, description="correct: the new value (null or '' for unknown)")
    others: list[str] = Field(default_factory=list, description="merge: ids of events folded into this one")
    parts: list[list[int]] | None = Field(None, description="split: source indexes per part; none copies")
    note: str | None = None


def error_response(status: int, code: str, message: str, detail: Any = None) -> JSONResponse:
    body = {"error": {"status": status, "code": code, "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status)


def _parse_bbox(value: str | None) -> Bbox | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise ApiError(422, "invalid_request", "bbox is west,south,east,north in degrees, e.g. 35,33,40,37") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, "invalid_request", "bbox out of range: -180..180 longitude, -90..90 latitude, south <= north")
    return (west, south, east, north)


def _tri_state(name: str, value: str | None) -> bool | None:
    """true / false / anything empty for "either": what an HTML select can send."""
    v = (value or "").strip().lower()
    if v in ("", "any", "all"):
        return None
    if v in ("true", "1", "yes", "on"):
        return True
    if v in ("false", "0", "no", "off"):
        return False
    raise ApiError(422, "invalid_request", f"{name} is true, false or empty (either), not {value!r}")


def event_filter(
    start: date | None = Query(None, description="first day, inclusive (YYYY-MM-DD)"),
    end: date | None = Query(None, description="last day, inclusive"),
    type: str | None = Query(None, description="ACLED event type"),
    sub_type: str | None = Query(None, description="ACLED sub-event type"),
    actor: str | None = Query(None, description="part of an actor's name (actor1, actor2 or associated)"),
    country: str | None = Query(None, description="ISO 3166 alpha-2 country code"),
    admin1: str | None = Query(None, description="first-level administrative area, by name"),
    bbox: str | None = Query(None, description="west,south,east,north"),
    q: str | None = Query(None, description="words to find in places, actors, claims and source sentences"),
    background: str | None = Query(None, description="true: only background events; false: none; absent or empty: all"),
    min_confidence: float | None = Query(None, ge=0, le=1),
    max_confidence: float | None = Query(None, ge=0, le=1),
    include_hidden: bool = Query(False, description="also events reviewed as not-an-event or merged away"),
) -> EventFilter:
    """The query string of every listing, map, timeline and export."""
    if start and end and start > end:
        raise ApiError(422, "invalid_request", f"start {start} is after end {end}")
    return EventFilter(start=start, end=end, event_type=type or None, sub_event_type=sub_type or None,
                       actor=actor or None, country=country or None, admin1=admin1 or None, bbox=_parse_bbox(bbox),
                       q=q or None, background=_tri_state("background", background), min_confidence=min_confidence,
                       max_confidence=max_confidence, include_hidden=include_hidden)


def create_app(db: str | Path, settings: Settings | None = None, *, token: str | None = None) -> FastAPI:
    """The app over the store at ``db`` (path or URL). ``token`` overrides the ``serve.token`` setting."""
    settings = settings or load_settings()
    store = Store.open(str(db))
    review_token = token if token is not None else str(settings["serve.token"] or "")
    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None,
                  description="Conflict events with their evidence: list, filter, export and review.",
                  responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})
    app.state.store = store
    app.state.settings = settings
    app.state.review_enabled = bool(review_token)
    _install_errors(app)
    _install_security_headers(app, settings)

    _install_read_routes(app, store)
    _install_review_routes(app, store, settings, review_token)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    from .pages import install_pages

    install_pages(app)
    return app


def _install_read_routes(app: FastAPI, store: Store) -> None:
    """Everything a reader can ask: events, map, timeline, facets, exports, articles."""

    @app.get("/api/events", response_model=Page, tags=["events"])
    def list_events(flt: EventFilter = Depends(event_filter), page: int = Query(1, ge=1),
                    per_page: int = Query(50, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Events matching the filters, by date (undated last), one page at a time."""
        found = search_events(store, flt)
        items = found[(page - 1) * per_page : page * per_page]
        return {"items": [e.to_dict() for e in items], "total": len(found), "page": page, "per_page": per_page,
                "pages": max(1, -(-len(found) // per_page)), "filters": flt.to_dict()}

    @app.get("/api/events/{event_id}", tags=["events"], responses={404: {"model": ErrorResponse}})
    def get_event(event_id: str) -> dict[str, Any]:
        """One event with its sources, evidence, review and the articles it comes from."""
        ev = store.event_payload(event_id)
        if ev is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        aids = list(dict.fromkeys(s["article_id"] for s in ev.get("sources") or []))
        arts = [_article_summary(store.article(a)) or {"id": a, "missing": True} for a in aids]
        return {"event": ev, "articles": arts, "review_log": [_log_row(r) for r in store.review_actions(event_id)]}

    @app.get("/api/map", tags=["events"])
    def map_features(flt: EventFilter = Depends(event_filter)) -> dict[str, Any]:
        """The filtered events as GeoJSON points (the export's flat row as properties, plus review status)."""
        events = search_events(store, flt)
        collection = geojson(events)
        status = {e.id: (e.review or {}).get("status") for e in events}
        for f in collection["features"]:
            f["properties"]["review_status"] = status.get(f["id"])
        return collection

    @app.get("/api/timeline", tags=["events"])
    def get_timeline(flt: EventFilter = Depends(event_filter)) -> dict[str, Any]:
        """Counts of the filtered events per day (per month over long spans) and type."""
        return timeline(search_events(store, flt))

    @app.get("/api/facets", tags=["events"])
    def get_facets() -> dict[str, Any]:
        """Event types, countries, admin1 areas and the date range present: the filter menus."""
        return facets(store.events())

    @app.get("/api/export/{fmt}", tags=["exports"], responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}})
    def export(fmt: str, flt: EventFilter = Depends(event_filter)) -> FileResponse:
        """The filtered events as a file: jsonl (the contract, with review), csv (ACLED-style), geojson, parquet."""
        if fmt not in FORMATS:
            raise ApiError(404, "not_found", f"no export format {fmt!r}; formats: {', '.join(FORMATS)}")
        tmp = Path(tempfile.mkdtemp(prefix="dateline-export-"))
        name, write = FORMATS[fmt]
        path = write(search_events(store, flt), tmp / name)
        return FileResponse(path, media_type=MEDIA_TYPES.get(fmt), filename=name,
                            background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True))

    @app.get("/api/articles", tags=["articles"])
    def list_articles(page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=MAX_PER_PAGE)) -> dict[str, Any]:
        """Stored articles (without text), by id."""
        arts = store.articles()
        items = [_article_summary(a) for a in arts[(page - 1) * per_page : page * per_page]]
        return {"items": items, "total": len(arts), "page": page, "per_page": per_page,
                "pages": max(1, -(-len(arts) // per_page))}

    @app.get("/api/articles/{article_id}", tags=["articles"], responses={404: {"model": ErrorResponse}})
    def get_article(article_id: str) -> dict[str, Any]:
        """One article's cleaned text and every span of it that an event uses (evidence and source sentences)."""
        art = store.article(article_id)
        if art is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}")
        return {"article": art, "spans": article_spans(store, article_id)}


def _install_review_routes(app: FastAPI, store: Store, settings: Settings, review_token: str) -> None:
    """The review log and its actions; writing needs the operator's token."""

    def require_token(authorization: str | None = Header(None), x_dateline_token: str | None = Header(None)) -> None:
        if not review_token:
            raise ApiError(403, "read_only", "review is off: the operator starts `dateline serve` with "
                           "serve.token set (--set serve.token=... or DATELINE_SERVE__TOKEN)")
        given = x_dateline_token or (authorization[7:] if authorization and authorization.startswith("Bearer ")
                                     else None)
        if not given or not hmac.compare_digest(given.encode(), review_token.encode()):
            raise ApiError(401, "unauthorized", "review actions need the operator's token: "
                           "Authorization: Bearer TOKEN")

    @app.get("/api/reviews", tags=["review"])
    def list_reviews(event_id: str | None = None) -> list[dict[str, Any]]:
        """The review audit log (who, when, action, field, before, after, events involved), oldest first."""
        return [_log_row(r) for r in store.review_actions(event_id)]

    @app.get("/api/config", tags=["review"])
    def get_config() -> dict[str, Any]:
        """What the UI needs to know: whether review is on, the optional online tile layer, the correctable fields."""
        return {"review_enabled": bool(review_token), "tiles_url": settings["serve.tiles_url"] or None,
                "tiles_attribution": settings["serve.tiles_attribution"] or None, "actions": list(ACTIONS),
                "correctable": CORRECTABLE, "version": __version__}

    @app.post("/api/events/{event_id}/review", tags=["review"], dependencies=[Depends(require_token)],
              responses={401: {"model": ErrorResponse}, 403: {"model": ErrorResponse}, 404: {"model": ErrorResponse}})
    def review(event_id: str, body: ReviewRequest, x_dateline_user: str | None = Header(None)) -> dict[str, Any]:
        """Record a review action; the event as it now reads comes back with the log row."""
        who = (body.who or x_dateline_user or "").strip()
        if not who:
            raise ApiError(422, "invalid_request", "say who reviews: 'who' in the body or the X-Dateline-User header")
        if store.event_payload(event_id) is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        row = store.review(body.action, event_id, who=who, field=body.field, value=body.value, others=body.others,
                           parts=body.parts, note=body.note)
        return {"review": _log_row(row), "event": store.event_payload(event_id)}


def article_spans(store: Store, article_id: str) -> list[dict[str, Any]]:
    """Every span of an article that an event uses: evidence by field, and the source sentences."""
    spans = []
    for ev in store.events(article_id=article_id, include_hidden=True):
        for name, items in ev.evidence.items():
            spans += [{"event_id": ev.id, "field": name, "start": s.start, "end": s.end, "text": s.text}
                      for s in items if s.article_id == article_id]
        spans += [{"event_id": ev.id, "field": "sentence", "start": s.start, "end": s.end, "text": s.sentence}
                  for s in ev.sources if s.article_id == article_id]
    return sorted(spans, key=lambda s: (s["start"], s["end"], s["field"]))


def _article_summary(art: dict[str, Any] | None) -> dict[str, Any] | None:
    if art is None:
        return None
    return {k: art.get(k) for k in ("id", "title", "outlet", "url", "published", "language", "dateline", "byline")}


def _log_row(r: dict[str, Any]) -> dict[str, Any]:
    import json

    return {"id": r["id"], "at": r["at"], "who": r["who"], "action": r["action"], "event_id": r["event_id"],
            "field": r.get("field"), "before": json.loads(r.get("before_json") or "null"),
            "after": json.loads(r.get("after_json") or "null"),
            "event_ids": json.loads(r.get("event_ids_json") or "[]"), "note": r.get("note")}


def _install_errors(app: FastAPI) -> None:
    """One JSON error shape for the API; pages get a small escaped HTML page."""
    from html import escape

    def respond(request: Request, status: int, code: str, message: str, detail: Any = None) -> Response:
        if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
            return error_response(status, code, message, detail)
        body = f"<!doctype html><title>{status}</title><h1>{status}</h1><p>{escape(message)}</p><p><a href='/'>map</a>"
        return HTMLResponse(body, status_code=status)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return respond(request, exc.status_code, _CODES.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = [{"loc": list(e.get("loc", ())), "message": e.get("msg")} for e in exc.errors()]
        first = detail[0] if detail else {"loc": [], "message": "invalid request"}
        return respond(request, 422, "invalid_request", f"{'.'.join(map(str, first['loc']))}: {first['message']}",
                       detail)

    @app.exception_handler(ReviewError)
    async def bad_review(request: Request, exc: ReviewError) -> Response:
        return respond(request, 400, "invalid_review", str(exc))

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> Response:
        return respond(request, 400, "bad_request", str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        return respond(request, 500, "internal_error", f"{type(exc).__name__}: the server failed; see its log")


def _install_security_headers(app: FastAPI, settings: Settings) -> None:
    """Scripts only from this server: even text that escaped escaping could not run."""
    images = "'self' data:" + (" https: http:" if settings["serve.tiles_url"] else "")
    policy = (f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {images}; "
              "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

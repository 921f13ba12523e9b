"""The store: articles, events, their sources, rejections and runs in one database.

SQLite by default (one file, nothing to install), PostgreSQL through the same
code: only SQLAlchemy Core and portable types are used, and upserts are done by
reading the stored rows and writing only what differs, not by a dialect's
``ON CONFLICT``. Writing what differs is also what makes re-runs idempotent:
re-ingesting the same input leaves every table except ``runs`` unchanged, down
to the timestamps. ``Store.open(":memory:")`` is the in-memory store for tests.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, TypeVar

import sqlalchemy as sa

from ..errors import StoreError
from ..model import Article, Event, Rejection
from . import schema as S
from .migrations import apply_migrations
from .lineage import LineageMixin
from .review_store import ReviewMixin

__all__ = ["Store", "dumps", "article_row", "event_row", "event_source_rows"]

BATCH = 500  # rows per statement; keeps IN lists under every backend's parameter limit
_T = TypeVar("_T")


def dumps(value: Any) -> str:
    """JSON as stored: sorted keys and no ASCII escaping, so equal values give equal text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _chunks(items: Sequence[_T], size: int = BATCH) -> Iterator[Sequence[_T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _url_of(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL from a URL, a file path or ``:memory:``."""
    s = str(url_or_path)
    if s in ("", ":memory:"):
        return "sqlite://"
    if "://" in s:
        return "postgresql://" + s[len("postgres://") :] if s.startswith("postgres://") else s
    path = Path(s).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


# --------------------------------------------------------------------------- rows


def article_row(article: Article) -> dict[str, Any]:
    """The stored columns of an article, without the seen-at timestamps."""
    meta = article.meta_dict()
    extra = {k: meta[k] for k in ("input_format", "published_source", "captions", "duplicate_of")}
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "source": article.source or None,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published": meta["published"],
        "published_precision": article.published_precision,
        "language": article.language,
        "byline": article.byline,
        "dateline": article.dateline,
        "text": article.text,
        "meta_json": dumps(extra),
    }


def event_row(event: Event) -> dict[str, Any]:
    """The stored columns of an event, without ``updated_at``."""
    d = event.date
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "background": bool(event.background),
        "event_date": d.start.isoformat() if d is not None and d.start is not None else None,
        "country_code": event.location.country_code if event.location is not None else None,
        "payload_json": dumps(event.to_dict()),
    }


def event_source_rows(event: Event) -> list[dict[str, Any]]:
    """One row per distinct (article, start, end) report of the event."""
    rows: dict[tuple[str, int, int], dict[str, Any]] = {}
    for s in event.sources:
        key = (s.article_id, s.start, s.end)
        rows.setdefault(
            key, {"event_id": event.id, "article_id": s.article_id, "start": s.start, "end": s.end,
                  "sentence": s.sentence}
        )
    return list(rows.values())


def _same(stored: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    return all(stored[k] == v for k, v in new.items())


def _day(value: date | str) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


# --------------------------------------------------------------------------- the store


class Store(ReviewMixin, LineageMixin):
    """A dateline database. Opening it applies any migrations it lacks.

    ``clock`` returns the timestamp written to ``first_seen``/``last_seen``,
    ``updated_at`` and the runs table (an ISO string, UTC); tests fix it.
    """

    def __init__(self, url: str, clock: Callable[[], str] | None = None, migrate: bool = True) -> None:
        self.url = url
        self.clock = clock or _utc_now
        try:
            self.engine = sa.create_engine(url, future=True)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as e:
            raise StoreError(
                f"cannot open store {url!r}: {e}. Use a file path, sqlite:///PATH or "
                "postgresql://USER@HOST/DB (with a PostgreSQL driver such as psycopg installed)"
            ) from e
        if migrate:
            self.migrate()

    @classmethod
    def open(cls, url_or_path: str | Path, clock: Callable[[], str] | None = None) -> "Store":
        """Open (and create, and migrate) a store from a URL, a file path or ``:memory:``."""
        return cls(_url_of(url_or_path), clock=clock)

    def migrate(self) -> list[int]:
        """Apply the recorded migrations this database lacks; returns the versions applied."""
        try:
            return apply_migrations(self.engine, now=self.clock)
        except sa.exc.OperationalError as e:
            raise StoreError(f"cannot open or migrate store {self.url!r}: {e.orig}") from e

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _begin(self) -> Any:
        return self.engine.begin()

    # ------------------------------------------------------------------ articles

    def upsert_articles(self, articles: Iterable[Article]) -> dict[str, int]:
        """Insert new articles, update changed ones, leave identical ones untouched.

        Returns counts of ``inserted``, ``updated`` and ``unchanged`` rows.
        ``last_seen`` moves only when a stored value changes, so a re-run on the
        same input writes nothing here.
        """
        rows = {a.id: article_row(a) for a in articles}  # a later duplicate id wins
        counts = {"inserted": 0, "updated": 0, "unchanged": 0}
        t = S.articles
        with self._begin() as conn:
            for ids in _chunks(list(rows)):
                stored = {r["id"]: r for r in conn.execute(sa.select(t).where(t.c.id.in_(ids))).mappings()}
                now = self.clock()
                inserts = []
                for aid in ids:
                    new, old = rows[aid], stored.get(aid)
                    if old is None:
                        inserts.append({**new, "first_seen": now, "last_seen": now})
                        counts["inserted"] += 1
                    elif _same(old, new):
                        counts["unchanged"] += 1
                    else:
                        conn.execute(sa.update(t).where(t.c.id == aid).values(**new, last_seen=now))
                        counts["updated"] += 1
                if inserts:
                    conn.execute(sa.insert(t), inserts)
        return counts

    @staticmethod
    def _article_dict(row: Mapping[str, Any]) -> dict[str, Any]:
        d = dict(row)
        d["meta"] = json.loads(d.pop("meta_json") or "{}")
        return d

    def articles(self, include_text: bool = False) -> list[dict[str, Any]]:
        """Every stored article as a dict (``meta`` parsed), ordered by id; text only on request."""
        t = S.articles
        cols = [c for c in t.c if include_text or c.name != "text"]
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*cols).order_by(t.c.id)).mappings().all()
        return [self._article_dict(r) for r in rows]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its cleaned text (the text every span points into), or None."""
        t = S.articles
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t).where(t.c.id == article_id)).mappings().first()
        return self._article_dict(row) if row is not None else None

    # ------------------------------------------------------------------ events

    def upsert_events(self, events: Iterable[Event]) -> dict[str, int]:
        """Insert new events, rewrite changed ones (and their sources), skip identical ones."""
        with self._begin() as conn:
            return self._upsert_events(conn, list(events))

    def _upsert_events(self, conn: sa.Connection, events: list[Event]) -> dict[str, int]:
        by_id = {e.id: e for e in events}
        counts = {"inserted": 0, "updated": 0, "unchanged": 0}
        t, ts = S.events, S.event_sources
        for ids in _chunks(list(by_id)):
            stored = {r["id"]: r for r in conn.execute(sa.select(t).where(t.c.id.in_(ids))).mappings()}
            now = self.clock()
            inserts, source_rows, changed = [], [], []
            for eid in ids:
                new, old = event_row(by_id[eid]), stored.get(eid)
                if old is not None and _same(old, new):
                    counts["unchanged"] += 1
                    continue
                if old is None:
                    inserts.append({**new, "updated_at": now})
                    counts["inserted"] += 1
                else:
                    conn.execute(sa.update(t).where(t.c.id == eid).values(**new, updated_at=now))
                    changed.append(eid)
                    counts["updated"] += 1
                source_rows.extend(event_source_rows(by_id[eid]))
            if changed:
                conn.execute(sa.delete(ts).where(ts.c.event_id.in_(changed)))
            if inserts:
                conn.execute(sa.insert(t), inserts)
            if source_rows:
                conn.execute(sa.insert(ts), source_rows)
        return counts

    def replace_events_for_articles(self, article_ids: Iterable[str], events: Iterable[Event]) -> dict[str, int]:
        """Make the store's events for re-processed articles match ``events``.

        An event is deleted when every one of its sources is in ``article_ids``
        and its id is not among the new events: it came from these articles
        alone and the new extraction no longer finds it. Events that other
        articles also report are kept (their other reports still stand). Then
        the new events are upserted, all in one transaction.
        """
        aid_set = set(article_ids)
        aids = sorted(aid_set)
        new = list(events)
        new_ids = {e.id for e in new}
        ts, t = S.event_sources, S.events
        with self._begin() as conn:
            touched: set[str] = set()
            for chunk in _chunks(aids):
                touched.update(conn.execute(sa.select(ts.c.event_id).where(ts.c.article_id.in_(chunk))).scalars())
            stale = []
            for chunk in _chunks(sorted(touched - new_ids)):
                pairs = conn.execute(sa.select(ts.c.event_id, ts.c.article_id).where(ts.c.event_id.in_(chunk)))
                elsewhere = {eid for eid, aid in pairs if aid not in aid_set}
                stale.extend(eid for eid in chunk if eid not in elsewhere)
            for chunk in _chunks(stale):
                conn.execute(sa.delete(ts).where(ts.c.event_id.in_(chunk)))
                conn.execute(sa.delete(t).where(t.c.id.in_(chunk)))
            counts = self._upsert_events(conn, new)
        counts["deleted"] = len(stale)
        return counts

    def events(
        self,
        *,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        start: date | str | None = None,
        end: date | str | None = None,
        background: bool | None = None,
        country_code: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        reviewed: bool = True,
        include_hidden: bool = False,
    ) -> list[Event]:
        """Stored events matching every filter given, by date (undated last) then id.

        ``start``/``end`` bound the event's first day, inclusive. With
        ``reviewed`` (the default) human review is laid over the machine's
        events (:mod:`dateline.store.reviews`): corrections win, and events
        marked not-an-event or merged away are left out unless ``include_hidden``.
        """
        if reviewed:
            filters = {"event_type": event_type, "sub_event_type": sub_event_type, "start": start, "end": end,
                       "background": background, "country_code": country_code, "article_id": article_id}
            found = self.reviewed_events(filters, limit, offset, include_hidden)
            if found is not None:
                return found
        t, ts = S.events, S.event_sources
        q = sa.select(t.c.payload_json)
        if event_type is not None:
            q = q.where(t.c.event_type == event_type)
        if sub_event_type is not None:
            q = q.where(t.c.sub_event_type == sub_event_type)
        if start is not None:
            q = q.where(t.c.event_date >= _day(start))
        if end is not None:
            q = q.where(t.c.event_date <= _day(end))
        if background is not None:
            q = q.where(t.c.background == background)
        if country_code is not None:
            q = q.where(t.c.country_code == country_code)
        if article_id is not None:
            q = q.where(t.c.id.in_(sa.select(ts.c.event_id).where(ts.c.article_id == article_id)))
        undated_last = sa.case((t.c.event_date.is_(None), 1), else_=0)
        q = q.order_by(undated_last, t.c.event_date, t.c.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [Event.from_dict(json.loads(p)) for p in conn.execute(q).scalars()]

    def event(self, event_id: str, reviewed: bool = True) -> Event | None:
        """One event by id (with its human review laid over it unless ``reviewed=False``), or None."""
        if reviewed and self.review_actions():
            return self.reviewed_event(event_id)
        t = S.events
        with self.engine.connect() as conn:
            payload = conn.execute(sa.select(t.c.payload_json).where(t.c.id == event_id)).scalar()
        return Event.from_dict(json.loads(payload)) if payload is not None else None

    # ------------------------------------------------------------------ rejections and runs

    def record_rejections(self, rejections: Iterable[Rejection], run_id: int | None = None) -> int:
        """Record rejections once each: a (source, reason, detail) already stored is skipped.

        Returns how many were new. The first run that saw a rejection keeps it.
        """
        new: dict[tuple[str, str, str], Rejection] = {}
        for r in rejections:
            new.setdefault((r.source, r.reason, r.detail or ""), r)
        t = S.rejections
        inserted = 0
        with self._begin() as conn:
            keys = list(new)
            for chunk in _chunks(keys):
                sources = sorted({k[0] for k in chunk})
                found = conn.execute(sa.select(t.c.source, t.c.reason, t.c.detail).where(t.c.source.in_(sources)))
                have = {tuple(row) for row in found}
                rows = [
                    {"source": k[0], "reason": k[1], "detail": k[2], "article_id": new[k].article_id,
                     "run_id": run_id}
                    for k in chunk
                    if k not in have
                ]
                if rows:
                    conn.execute(sa.insert(t), rows)
                inserted += len(rows)
        return inserted

    def rejections(self) -> list[dict[str, Any]]:
        """Every recorded rejection, oldest first."""
        t = S.rejections
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.select(t).order_by(t.c.id)).mappings()]

    def start_run(self, inputs: Sequence[str] | str = (), settings: Mapping[str, Any] | None = None) -> int:
        """Record the start of a run; returns its id for :meth:`finish_run`."""
        inputs = [inputs] if isinstance(inputs, str) else [str(i) for i in inputs]
        with self._begin() as conn:
            result = conn.execute(
                sa.insert(S.runs).values(
                    started_at=self.clock(),
                    inputs=dumps(inputs),
                    settings_json=dumps(dict(settings or {})),
                )
            )
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, report: Mapping[str, Any]) -> None:
        """Record the end of a run and its report's counts.

        ``rejected`` may be a number, a list of rejections or a ``{reason: count}`` dict.
        """

        def count(key: str) -> int | None:
            v = report.get(key)
            if isinstance(v, Mapping):
                return sum(int(x) for x in v.values())
            if isinstance(v, (list, tuple)):
                return len(v)
            return None if v is None else int(v)

        t = S.runs
        with self._begin() as conn:
            result = conn.execute(
                sa.update(t)
                .where(t.c.id == run_id)
                .values(
                    finished_at=self.clock(),
                    articles_read=count("articles_read"),
                    articles_processed=count("articles_processed"),
                    rejected=count("rejected"),
                    events=count("events"),
                )
            )
            if result.rowcount == 0:
                raise StoreError(f"no run with id {run_id}; start_run() gives the id to finish")

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first, with ``inputs`` and ``settings`` parsed."""
        t = S.runs
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t).order_by(t.c.id)).mappings().all()
        out = []
        for r in rows:
            d = dict(r)
            d["inputs"] = json.loads(d["inputs"] or "[]")
            d["settings"] = json.loads(d.pop("settings_json") or "{}")
            out.append(d)
        return out

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, plus background events."""
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for name, table in (
                ("articles", S.articles),
                ("events", S.events),
                ("event_sources", S.event_sources),
                ("rejections", S.rejections),
                ("runs", S.runs),
            ):
                out[name] = int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
            bg = sa.select(sa.func.count()).select_from(S.events).where(S.events.c.background == sa.true())
            out["background_events"] = int(conn.execute(bg).scalar_one())
        return out

    def dump(self, table: str) -> list[tuple[Any, ...]]:
        """Every row of a table in primary-key order: for comparing databases in tests and audits."""
        t = S.METADATA.tables.get(table)
        if t is None:
            raise StoreError(f"no table {table!r}; tables: {', '.join(sorted(S.METADATA.tables))}")
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.select(t).order_by(*t.primary_key.columns))]

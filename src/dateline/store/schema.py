"""The tables of the store, in portable types only.

Only ``Text``, ``Integer``, ``Float`` and ``Boolean`` are used, and JSON is kept
as ``Text`` written by :func:`json.dumps`, so that SQLite (the default, one file)
and PostgreSQL (for teams) run the same code and hold the same bytes. Dates are
ISO strings, which sort correctly as text on every backend.

The tables are built by a function rather than at module level so that a
migration can create exactly the schema of its version: migration 1 calls
:func:`define_v1`, and a later migration that alters a table records the change
both in its own step and in :data:`METADATA`, the current schema used by queries.
"""
from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "METADATA",
    "define_v1",
    "define_v2",
    "articles",
    "rejections",
    "events",
    "event_sources",
    "runs",
    "event_lineage",
    "schema_migrations",
    "define_v3_reviews",
    "review_actions",
]


def define_migrations_table(metadata: sa.MetaData) -> sa.Table:
    """The bookkeeping table: which migrations a database has had, and when."""
    return sa.Table(
        "schema_migrations",
        metadata,
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("applied_at", sa.Text, nullable=False),
    )


def define_v1(metadata: sa.MetaData) -> dict[str, sa.Table]:
    """Schema version 1: articles, rejections, events, their sources and runs."""
    t: dict[str, sa.Table] = {}
    t["articles"] = sa.Table(
        "articles",
        metadata,
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("published_precision", sa.Integer),
        sa.Column("language", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("dateline", sa.Text),
        sa.Column("text", sa.Text),
        sa.Column("meta_json", sa.Text),
        sa.Column("first_seen", sa.Text, nullable=False),
        sa.Column("last_seen", sa.Text, nullable=False),
        sa.Index("ix_articles_content_hash", "content_hash"),
        sa.Index("ix_articles_published", "published"),
    )
    t["rejections"] = sa.Table(
        "rejections",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text),
        sa.Column("run_id", sa.Integer),
        sa.UniqueConstraint("source", "reason", "detail", name="uq_rejections_source_reason_detail"),
    )
    t["events"] = sa.Table(
        "events",
        metadata,
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("background", sa.Boolean, nullable=False),
        sa.Column("event_date", sa.Text),  # the first day the event may be (date.start)
        sa.Column("country_code", sa.Text),  # beyond the brief: maps and APIs filter by country
        sa.Column("payload_json", sa.Text, nullable=False),  # the full Event.to_dict()
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Index("ix_events_event_date", "event_date"),
        sa.Index("ix_events_type", "event_type", "sub_event_type"),
        sa.Index("ix_events_country_code", "country_code"),
    )
    t["event_sources"] = sa.Table(
        "event_sources",
        metadata,
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("end", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("sentence", sa.Text),
        sa.Index("ix_event_sources_article_id", "article_id"),
    )
    t["runs"] = sa.Table(
        "runs",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.Text, nullable=False),
        sa.Column("finished_at", sa.Text),
        sa.Column("inputs", sa.Text),  # JSON list of the inputs named on the command line
        sa.Column("articles_read", sa.Integer),
        sa.Column("articles_processed", sa.Integer),
        sa.Column("rejected", sa.Integer),
        sa.Column("events", sa.Integer),
        sa.Column("settings_json", sa.Text),
    )
    return t


def define_v2(metadata: sa.MetaData) -> dict[str, sa.Table]:
    """Schema version 2 (event succession): where event ids went when fusion merged or split them.

    One row per (old id, new id) succession found by a run; ``kind`` is ``merge``
    (the old id is gone, its sources are in the new event) or ``split`` (some of
    the old event's sources now form or joined another event).
    """
    t: dict[str, sa.Table] = {}
    t["event_lineage"] = sa.Table(
        "event_lineage",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("old_id", sa.Text, nullable=False),
        sa.Column("new_id", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("run_id", sa.Integer),
        sa.Column("at", sa.Text, nullable=False),
        sa.Index("ix_event_lineage_old_id", "old_id"),
        sa.Index("ix_event_lineage_new_id", "new_id"),
    )
    return t


def define_v3_reviews(metadata: sa.MetaData) -> dict[str, sa.Table]:
    """Schema version 3 ("reviews"): the audit log of human review actions.

    One row per action (confirm, correct, not_event, merge, split). Reviewed
    events are never rewritten in ``events``: the log is replayed over the
    machine's events when they are read, so a pipeline re-run, which rewrites
    ``events``, cannot overwrite a human decision. ``snapshot_json`` keeps the
    event as the reviewer saw it, so the decision still stands when a re-run
    no longer finds the event.
    """
    t: dict[str, sa.Table] = {}
    t["review_actions"] = sa.Table(
        "review_actions",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Text, nullable=False),  # ISO timestamp, UTC
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),  # confirm | correct | not_event | merge | split
        sa.Column("event_id", sa.Text, nullable=False),  # the event acted on (a merge's target)
        sa.Column("field", sa.Text),  # the corrected field, dotted ("fatalities.best")
        sa.Column("before_json", sa.Text),
        sa.Column("after_json", sa.Text),
        sa.Column("event_ids_json", sa.Text),  # other events involved: merged in, or split off
        sa.Column("snapshot_json", sa.Text),  # the whole event before the action
        sa.Column("note", sa.Text),
        sa.Index("ix_review_actions_event_id", "event_id"),
    )
    return t


# The current schema, for queries. Later migrations that change a table must
# change it here too (and only through their own migration step on disk).
METADATA = sa.MetaData()
schema_migrations = define_migrations_table(METADATA)
_current = define_v1(METADATA)
articles = _current["articles"]
rejections = _current["rejections"]
events = _current["events"]
event_sources = _current["event_sources"]
runs = _current["runs"]
event_lineage = define_v2(METADATA)["event_lineage"]
review_actions = define_v3_reviews(METADATA)["review_actions"]

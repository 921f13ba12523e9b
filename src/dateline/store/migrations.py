"""Recorded schema migrations: the only way the store's schema ever changes.

Each migration is ``(version, name, function)``; :func:`apply_migrations` runs
the ones a database has not had, in version order, each in its own transaction
together with its row in ``schema_migrations``, so a failure leaves the database
at the last complete version. A migration is never edited once released; a
change to the schema is a new migration appended to :data:`MIGRATIONS`.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

import sqlalchemy as sa

from ..errors import StoreError
from .schema import define_migrations_table, define_v1, define_v2, define_v3_reviews

__all__ = ["Migration", "MIGRATIONS", "apply_migrations", "applied_versions"]

Migration = tuple[int, str, Callable[[sa.Connection], None]]


def _m001_initial(conn: sa.Connection) -> None:
    """Create the version-1 tables and indexes."""
    metadata = sa.MetaData()
    define_v1(metadata)
    metadata.create_all(conn)


def _m002_event_succession(conn: sa.Connection) -> None:
    """Add ``event_lineage``: merges and splits of fused events, so a vanished id finds its successor."""
    metadata = sa.MetaData()
    define_v2(metadata)
    metadata.create_all(conn)


def _m003_reviews(conn: sa.Connection) -> None:
    """Create the review audit log (independent of every other version-2+ table)."""
    metadata = sa.MetaData()
    define_v3_reviews(metadata)
    metadata.create_all(conn)


MIGRATIONS: list[Migration] = [
    (1, "initial schema", _m001_initial),
    (2, "event succession", _m002_event_succession),
    (3, "reviews", _m003_reviews),
]


def _migrations_table() -> sa.Table:
    return define_migrations_table(sa.MetaData())


def applied_versions(engine: sa.Engine) -> list[int]:
    """The migration versions already recorded in the database, ascending."""
    table = _migrations_table()
    if not sa.inspect(engine).has_table(table.name):
        return []
    with engine.connect() as conn:
        return sorted(int(v) for v in conn.execute(sa.select(table.c.version)).scalars())


def apply_migrations(
    engine: sa.Engine,
    migrations: list[Migration] | None = None,
    now: Callable[[], str] | None = None,
) -> list[int]:
    """Apply the migrations the database lacks; returns the versions applied now.

    Running it on an up-to-date database does nothing and writes nothing.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    versions = [m[0] for m in migrations]
    if versions != sorted(set(versions)):
        raise StoreError(f"migrations must have unique, increasing versions; got {versions}")
    clock = now or (lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    table = _migrations_table()
    with engine.begin() as conn:
        table.create(conn, checkfirst=True)
    done = set(applied_versions(engine))
    unknown = done - set(versions)
    if unknown:
        raise StoreError(
            f"the database has migrations {sorted(unknown)} that this version of dateline does not know; "
            "upgrade dateline or use another database"
        )
    applied: list[int] = []
    for version, name, step in migrations:
        if version in done:
            continue
        try:
            with engine.begin() as conn:
                step(conn)
                conn.execute(sa.insert(table).values(version=version, name=name, applied_at=clock()))
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"migration {version} ({name}) failed: {e}") from e
        applied.append(version)
    return applied

"""The store's side of event succession: where an event id went when fusion merged or split it.

:class:`LineageMixin` is mixed into :class:`dateline.store.Store`. Fusion
(:func:`dateline.fuse.fuse_into_store`) records a row per (old id, new id);
:meth:`LineageMixin.successor` follows them, so a link to an event that was
merged into another still leads somewhere.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import sqlalchemy as sa

from . import schema as S

__all__ = ["LineageMixin"]

KINDS = ("merge", "split")


def _row(record: Any) -> tuple[str, str, str]:
    if isinstance(record, Mapping):
        old, new, kind = record["old_id"], record["new_id"], record["kind"]
    else:
        old, new, kind = record.old_id, record.new_id, record.kind
    if kind not in KINDS:
        raise ValueError(f"succession kind must be one of {KINDS}, got {kind!r}")
    return str(old), str(new), str(kind)


class LineageMixin:
    """Succession methods of :class:`Store` (needs ``engine``, ``clock`` and ``_begin``)."""

    engine: sa.Engine
    clock: Any

    def record_lineage(self, records: Iterable[Any], run_id: int | None = None) -> int:
        """Record merges and splits (objects or dicts with old_id, new_id, kind), in the order given.

        A succession already recorded is not recorded again, so re-running the
        same fusion writes nothing. Returns how many rows were added.
        """
        rows = list(dict.fromkeys(_row(r) for r in records))
        if not rows:
            return 0
        t = S.event_lineage
        added = 0
        with self._begin() as conn:  # type: ignore[attr-defined]
            olds = sorted({r[0] for r in rows})
            have = set()
            for i in range(0, len(olds), 500):
                q = sa.select(t.c.old_id, t.c.new_id, t.c.kind).where(t.c.old_id.in_(olds[i:i + 500]))
                have.update(tuple(r) for r in conn.execute(q))
            new = [{"old_id": o, "new_id": n, "kind": k, "run_id": run_id, "at": self.clock()}
                   for o, n, k in rows if (o, n, k) not in have]
            if new:
                conn.execute(sa.insert(t), new)
            added = len(new)
        return added

    def lineage(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """Succession rows, oldest first; with ``event_id``, those where it is the old or the new id."""
        t = S.event_lineage
        q = sa.select(t).order_by(t.c.id)
        if event_id is not None:
            q = q.where(sa.or_(t.c.old_id == event_id, t.c.new_id == event_id))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def retire_events(self, event_ids: Iterable[str]) -> int:
        """Delete events (and their source rows) that fusion merged into others; returns how many."""
        ids = sorted(set(event_ids))
        t, ts = S.events, S.event_sources
        gone = 0
        with self._begin() as conn:  # type: ignore[attr-defined]
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                conn.execute(sa.delete(ts).where(ts.c.event_id.in_(chunk)))
                gone += conn.execute(sa.delete(t).where(t.c.id.in_(chunk))).rowcount or 0
        return gone

    def successor(self, event_id: str, max_hops: int = 50) -> str | None:
        """The live event an id now lives on in: itself when stored, else where its latest
        succession points (the largest share of a split first); None when it led nowhere."""
        t, te = S.event_lineage, S.events
        current, seen = event_id, set()
        with self.engine.connect() as conn:
            for _ in range(max_hops):
                if conn.execute(sa.select(te.c.id).where(te.c.id == current)).first() is not None:
                    return current
                if current in seen:
                    return None
                seen.add(current)
                rows = conn.execute(sa.select(t.c.new_id, t.c.run_id, t.c.id).where(t.c.old_id == current)).all()
                if not rows:
                    return None
                latest = max(r.run_id or 0 for r in rows)
                current = min((r for r in rows if (r.run_id or 0) == latest), key=lambda r: r.id).new_id
        return None

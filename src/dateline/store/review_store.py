"""The store's side of human review: recording actions and reading events through them.

:class:`ReviewMixin` is mixed into :class:`dateline.store.Store`; the rules
of what an action does live in :mod:`dateline.store.reviews`. Reading stays
on the plain SQL path while the log is empty, so a store nobody reviewed
pays nothing for this.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Sequence

import sqlalchemy as sa

from ..model import Event
from . import schema as S
from .reviews import ReviewError, involved_ids, matches, overlay, plan_action

__all__ = ["ReviewMixin"]


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _sort_key(ev: Mapping[str, Any]) -> tuple[int, str, str]:
    day = (ev.get("date") or {}).get("start")
    return (1 if day is None else 0, day or "", ev["id"])


class ReviewMixin:
    """Review methods of :class:`Store` (needs ``engine``, ``clock`` and ``events(reviewed=False)``)."""

    engine: sa.Engine
    clock: Any

    def review_actions(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """The review log, oldest first; with ``event_id``, the actions that involve that event."""
        t = S.review_actions
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(sa.select(t).order_by(t.c.id)).mappings()]
        if event_id is not None:
            rows = [r for r in rows if event_id in involved_ids([r])]
        return rows

    def review(
        self,
        action: str,
        event_id: str,
        *,
        who: str,
        field: str | None = None,
        value: Any = None,
        others: Sequence[str] = (),
        parts: Sequence[Sequence[int]] | None = None,
        note: str | None = None,
    ) -> dict[str, Any]:
        """Record one review action on the event as it now stands (overlaid); returns the log row.

        ``action`` is confirm, correct (``field`` and ``value``), not_event,
        merge (``others``: ids folded into ``event_id``) or split (``parts``:
        lists of source indexes; none makes a copy to correct). Raises
        :class:`ReviewError` when the event is unknown or the action cannot apply.
        """
        if not who or not str(who).strip():
            raise ReviewError("a review action needs the reviewer's name (who)")
        actions = self.review_actions()
        state = self._overlaid([event_id, *others], actions)
        missing = [i for i in [event_id, *others] if i not in state]
        if missing:
            raise ReviewError(f"no event {missing[0]!r}")
        now = self.clock()
        row = plan_action(action, state[event_id], field=field, value=value,
                          others=[state[o] for o in others], parts=parts, salt=f"{now}|{len(actions)}")
        values = {
            "at": now, "who": str(who).strip(), "action": action, "event_id": event_id, "field": row["field"],
            "before_json": _dumps(row["before"]), "after_json": _dumps(row["after"]),
            "event_ids_json": _dumps(row["event_ids"]), "snapshot_json": _dumps(row["snapshot"]), "note": note,
        }
        with self.engine.begin() as conn:
            result = conn.execute(sa.insert(S.review_actions).values(**values))
            values["id"] = int(result.inserted_primary_key[0])
        return values

    def _payloads(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        t = S.events
        out: dict[str, dict[str, Any]] = {}
        ids = sorted(set(ids))
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                q = sa.select(t.c.id, t.c.payload_json).where(t.c.id.in_(ids[i : i + 500]))
                out.update({eid: json.loads(p) for eid, p in conn.execute(q)})
        return out

    def _add_successors(self, base: dict[str, dict[str, Any]], ids: Iterable[str]) -> dict[str, str]:
        """Where each reviewed id that is no longer stored now lives (``event_lineage``), if anywhere;
        the successors' payloads are added to ``base``.

        A re-run that merges or splits events gives them new ids; the review of the
        old id belongs to the event its reports went to, not to a frozen snapshot.
        """
        out: dict[str, str] = {}
        for old in sorted(set(ids) - set(base)):
            new = self.successor(old)  # type: ignore[attr-defined]
            if new is not None and new != old:
                out[old] = new
        base.update(self._payloads(sorted(set(out.values()) - set(base))))
        return out

    def _overlaid(self, ids: Sequence[str], actions: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The overlaid dicts of the events ``ids`` and every event the log involves."""
        involved = involved_ids(actions)
        base = self._payloads([*ids, *involved])
        return overlay(base, actions, self._add_successors(base, involved))

    def reviewed_event(self, event_id: str) -> Event | None:
        """One event with the review log laid over it (also when marked not-an-event or merged away)."""
        d = self._overlaid([event_id], self.review_actions()).get(event_id)
        return Event.from_dict(d) if d is not None else None

    def event_payload(self, event_id: str, reviewed: bool = True) -> dict[str, Any] | None:
        """One event as its stored dict, keeping keys the model does not know, with review laid over it."""
        actions = self.review_actions() if reviewed else []
        return self._overlaid([event_id], actions).get(event_id)

    def reviewed_events(
        self,
        filters: Mapping[str, Any],
        limit: int | None = None,
        offset: int = 0,
        include_hidden: bool = False,
    ) -> list[Event] | None:
        """Events matching ``filters`` after the overlay, or None when nothing was ever reviewed.

        The SQL filters run on the machine's values, so every event the log
        involves is read as well and the filters are applied again after the
        overlay: a corrected type or date moves an event in or out of a filter.
        """
        actions = self.review_actions()
        if not actions:
            return None
        base = {e.id: e.to_dict() for e in self.events(reviewed=False, **filters)}  # type: ignore[attr-defined]
        extra = involved_ids(actions) - set(base)
        base.update(self._payloads(sorted(extra)))
        state = overlay(base, actions, self._add_successors(base, extra))
        found = sorted((d for d in state.values() if matches(d, filters, include_hidden)), key=_sort_key)
        end = None if limit is None else offset + limit
        return [Event.from_dict(d) for d in found[offset:end]]

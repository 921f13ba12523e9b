"""Human review of events: an audit log replayed over the machine's events.

A reviewer confirms an event, corrects one field, marks it as not an event,
merges two events or splits one. Each action is one row of ``review_actions``
(who, when, what, the value before and after, the events involved) and the
``events`` table is never touched: :func:`overlay` replays the log over the
events as they are read. That is what keeps a human decision across pipeline
re-runs, which rewrite ``events`` freely: the re-run changes the machine's
values underneath, and the reviewer's values are laid on top again.

Each action also keeps the whole event as the reviewer saw it
(``snapshot_json``), so a reviewed event that a later run no longer finds is
brought back from that snapshot rather than silently losing the decision.

The overlaid event carries ``review``: its status, the corrections by field
and the full trail of actions, so exports show what a human changed.
"""
from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..errors import DatelineError
from ..model import Event, content_hash

__all__ = [
    "ACTIONS",
    "ACLED_TYPES",
    "CORRECTABLE",
    "HIDDEN_STATUSES",
    "ReviewError",
    "coerce_value",
    "get_field",
    "set_field",
    "overlay",
    "plan_action",
    "matches",
    "involved_ids",
]

ACTIONS = ("confirm", "correct", "not_event", "merge", "split")
# Statuses that take an event out of listings and exports unless asked for.
HIDDEN_STATUSES = frozenset({"not_event", "merged_into"})

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}  # fmt: skip
_SUB_TYPES = {s for subs in ACLED_TYPES.values() for s in subs}

# field (dotted path into Event.to_dict()) -> value kind
CORRECTABLE: dict[str, str] = {
    "event_type": "event_type",
    "sub_event_type": "sub_event_type",
    "background": "bool",
    "modality": "str",
    "confidence": "float",
    "claimed_by": "list",
    **{f"{a}.{k}": kind for a in ("actor1", "actor2")
       for k, kind in (("name", "str"), ("kind", "str"), ("inter", "int"), ("country_code", "str"))},
    **{f"location.{k}": kind for k, kind in (
        ("name", "str"), ("lat", "float"), ("lon", "float"), ("country_code", "str"), ("admin1", "str"),
        ("admin2", "str"), ("geonames_id", "int"), ("geo_precision", "int"))},
    "date.start": "date",
    "date.end": "date",
    "date.time_precision": "int",
    "fatalities.low": "int",
    "fatalities.best": "int",
    "fatalities.high": "int",
}  # fmt: skip


class ReviewError(DatelineError):
    """A review action that cannot be applied: unknown event, field or a bad value."""


# --------------------------------------------------------------------------- values


def coerce_value(field: str, value: Any) -> Any:
    """The value a correction stores for ``field``: typed, with ``""``/None meaning unknown."""
    kind = CORRECTABLE.get(field)
    if kind is None:
        raise ReviewError(f"field {field!r} cannot be corrected; correctable fields: {', '.join(CORRECTABLE)}")
    if value is None or (isinstance(value, str) and not value.strip() and kind != "list"):
        if kind in ("event_type", "sub_event_type", "bool"):
            raise ReviewError(f"{field} cannot be empty")
        return None
    try:
        return _COERCE[kind](field, value)
    except (TypeError, ValueError) as e:
        raise ReviewError(f"bad value {value!r} for {field}: {e}") from None


def _bool(field: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    s = str(value).strip().lower()
    if s in ("true", "yes", "1", "on"):
        return True
    if s in ("false", "no", "0", "off"):
        return False
    raise ValueError("expected true or false")


def _list(field: str, value: Any) -> list[str]:
    items = value if isinstance(value, (list, tuple)) else str(value).split(";")
    return [str(v).strip() for v in items if str(v).strip()]


def _event_type(field: str, value: Any) -> str:
    if value not in ACLED_TYPES:
        raise ValueError(f"not an ACLED event type; one of: {', '.join(ACLED_TYPES)}")
    return str(value)


def _sub_type(field: str, value: Any) -> str:
    if value not in _SUB_TYPES:
        raise ValueError("not an ACLED sub-event type")
    return str(value)


def _int(field: str, value: Any) -> int:
    number = float(str(value).strip()) if isinstance(value, str) else value
    if isinstance(number, bool) or not float(number).is_integer():
        raise ValueError("expected a whole number")
    n = int(number)
    if n < 0:
        raise ValueError("expected a number >= 0")
    return n


_COERCE: dict[str, Callable[[str, Any], Any]] = {
    "str": lambda f, v: str(v).strip(),
    "int": _int,
    "float": lambda f, v: float(v),
    "bool": _bool,
    "list": _list,
    "date": lambda f, v: date.fromisoformat(str(v).strip()[:10]).isoformat(),
    "event_type": _event_type,
    "sub_event_type": _sub_type,
}


def get_field(event: Mapping[str, Any], field: str) -> Any:
    """The value at a dotted path of an event dict (None where a parent is missing)."""
    value: Any = event
    for part in field.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return copy.deepcopy(value)


def set_field(event: dict[str, Any], field: str, value: Any) -> None:
    """Set a dotted path, creating the parent object where the machine left it null.

    Emptying an actor's name removes the actor: an actor is its name.
    """
    parts = field.split(".")
    if len(parts) == 1:
        event[field] = value
        return
    root, leaf = parts
    if root in ("actor1", "actor2") and leaf == "name" and value is None:
        event[root] = None
        return
    parent = event.get(root)
    if not isinstance(parent, dict):
        parent = {"name": None} if root in ("actor1", "actor2", "location") else {}
        event[root] = parent
    parent[leaf] = value
    if root == "date":
        parent.setdefault("start", None)
        parent.setdefault("time_precision", None)
        if leaf == "start" and not parent.get("end"):
            parent["end"] = value


# --------------------------------------------------------------------------- planning an action


def _source_key(s: Mapping[str, Any]) -> tuple[str, int, int]:
    return (str(s["article_id"]), int(s["start"]), int(s["end"]))


def _split_parts(ev: Mapping[str, Any], parts: Sequence[Sequence[int]] | None) -> list[list[int]]:
    """Validate split parts: source indexes, each used once, two parts or more."""
    n = len(ev.get("sources") or [])
    if not parts:
        return [list(range(n)), list(range(n))]  # a copy: the reviewer then corrects what differs
    clean = [sorted({int(i) for i in p}) for p in parts if p]
    flat = [i for p in clean for i in p]
    if len(clean) < 2 or any(i < 0 or i >= n for i in flat) or len(flat) != len(set(flat)):
        raise ReviewError(f"split parts must be two or more disjoint lists of source indexes 0..{n - 1}")
    return clean


def _part_event(ev: Mapping[str, Any], idx: list[int], new_id: str) -> dict[str, Any]:
    part = copy.deepcopy(dict(ev))
    part["id"] = new_id
    part["sources"] = [copy.deepcopy(ev["sources"][i]) for i in idx]
    aids = {s["article_id"] for s in part["sources"]}
    part["evidence"] = {
        k: kept for k, spans in (ev.get("evidence") or {}).items()
        if (kept := [s for s in spans if s["article_id"] in aids])
    }  # fmt: skip
    part.pop("review", None)
    return part


def plan_action(
    action: str,
    event: Mapping[str, Any],
    *,
    field: str | None = None,
    value: Any = None,
    others: Sequence[Mapping[str, Any]] = (),
    parts: Sequence[Sequence[int]] | None = None,
    salt: str = "",
) -> dict[str, Any]:
    """The columns of one review row, checked against the event as it now stands.

    Raises :class:`ReviewError` for an action that cannot apply, so nothing
    invalid reaches the log (the log is replayed forever).
    """
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}; one of: {', '.join(ACTIONS)}")
    row: dict[str, Any] = {"action": action, "event_id": event["id"], "field": None, "before": None,
                           "after": None, "event_ids": [], "snapshot": copy.deepcopy(dict(event))}
    if (event.get("review") or {}).get("status") == "merged_into":
        raise ReviewError(f"event {event['id']} was merged into {event['review'].get('merged_into')}; "
                          "review that event instead")
    if action == "correct":
        if not field:
            raise ReviewError("a correction names the field it corrects")
        after = coerce_value(field, value)
        probe = copy.deepcopy(dict(event))
        set_field(probe, field, after)
        try:
            Event.from_dict(probe)
        except (TypeError, ValueError, KeyError) as e:
            raise ReviewError(f"correction of {field} gives an invalid event: {e}") from None
        row.update(field=field, before=get_field(event, field), after=after)
    elif action == "merge":
        if not others or any(o["id"] == event["id"] for o in others):
            raise ReviewError("a merge needs one or more other events than the one merged into")
        row["event_ids"] = [o["id"] for o in others]
        row["before"] = [copy.deepcopy(dict(o)) for o in others]
    elif action == "split":
        clean = _split_parts(event, parts)
        new = [_part_event(event, idx, "ev-" + content_hash(f"{event['id']}|split|{salt}|{n}"))
               for n, idx in enumerate(clean[1:], 1)]
        row["event_ids"] = [e["id"] for e in new]
        row["after"] = {"kept_sources": [list(_source_key(event["sources"][i])) for i in clean[0]],
                        "new_events": new}
    return row


# --------------------------------------------------------------------------- replaying the log


def involved_ids(actions: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every event id the actions touch (acted on, merged in or split off)."""
    out: set[str] = set()
    for a in actions:
        out.add(a["event_id"])
        out.update(json.loads(a.get("event_ids_json") or "[]"))
    return out


def _trail(a: Mapping[str, Any], before: Any, after: Any) -> dict[str, Any]:
    return {"id": a["id"], "at": a["at"], "who": a["who"], "action": a["action"], "field": a.get("field"),
            "before": before, "after": after, "note": a.get("note")}


def _review(ev: dict[str, Any]) -> dict[str, Any]:
    r = ev.get("review")
    if not isinstance(r, dict):
        r = ev["review"] = {"status": None, "corrections": {}, "actions": []}
    return r


def _merge_into(target: dict[str, Any], other: dict[str, Any]) -> None:
    """Fold another event's reports into ``target``: sources, evidence, claims, fatality range."""
    keys = {_source_key(s) for s in target.get("sources") or []}
    for s in other.get("sources") or []:
        if _source_key(s) not in keys:
            target.setdefault("sources", []).append(copy.deepcopy(s))
            keys.add(_source_key(s))
    evidence = target.setdefault("evidence", {})
    for name, spans in (other.get("evidence") or {}).items():
        have = evidence.setdefault(name, [])
        have.extend(copy.deepcopy(s) for s in spans if s not in have)
    target["claimed_by"] = list(dict.fromkeys((target.get("claimed_by") or []) + (other.get("claimed_by") or [])))
    fat_t, fat_o = target.setdefault("fatalities", {}), other.get("fatalities") or {}
    for key, pick in (("low", min), ("best", min), ("high", max)):  # best is the most conservative report
        vals = [v for v in (fat_t.get(key), fat_o.get(key)) if v is not None]
        fat_t[key] = pick(vals) if vals else None
    target["confidence"] = max(float(target.get("confidence") or 0), float(other.get("confidence") or 0))


def _apply(state: dict[str, dict[str, Any]], a: Mapping[str, Any], successors: Mapping[str, str]) -> None:
    eid = a["event_id"]
    carried = eid not in state and successors.get(eid) in state
    if carried:  # a re-run merged or split the reviewed event: the review follows its reports
        eid = successors[eid]
        froms = _review(state[eid]).setdefault("carried_from", [])
        if a["event_id"] not in froms:
            froms.append(a["event_id"])
    if eid not in state:
        snap = json.loads(a.get("snapshot_json") or "null")
        if snap is None:
            return
        state[eid] = snap  # a reviewed event the pipeline no longer finds: the reviewer's word stands
    ev = state[eid]
    before = json.loads(a.get("before_json") or "null")
    after = json.loads(a.get("after_json") or "null")
    r = _review(ev)
    act = a["action"]
    if act == "confirm":
        r["status"] = "confirmed"
    elif act == "not_event":
        r["status"] = "not_event"
    elif act == "correct":
        before = get_field(ev, a["field"])  # what it is now, under this run's machine values
        set_field(ev, a["field"], after)
        r["corrections"][a["field"]] = {"before": before, "after": after, "who": a["who"], "at": a["at"]}
        if r["status"] not in HIDDEN_STATUSES:
            r["status"] = "corrected"
    elif act == "merge":
        for snap in before or []:
            oid = successors.get(snap["id"], snap["id"]) if snap["id"] not in state else snap["id"]
            if oid == eid:  # a re-run already fused the two
                continue
            other = state.setdefault(oid, snap)
            _merge_into(ev, other)
            ro = _review(other)
            ro["status"], ro["merged_into"] = "merged_into", eid
            ro["actions"].append(_trail(a, None, eid))
        r["merged_from"] = list(dict.fromkeys(r.get("merged_from", []) + [s["id"] for s in before or []]))
        r["status"] = "merged"
    elif act == "split":
        _apply_split(state, ev, a, after)
        r["status"] = "split"
    r["actions"].append(_trail(a, before if act != "merge" else [s["id"] for s in before or []],
                               after if act != "split" else [e["id"] for e in after["new_events"]]))


def _apply_split(state: dict[str, dict[str, Any]], ev: dict[str, Any], a: Mapping[str, Any],
                 after: Mapping[str, Any]) -> None:
    kept = {tuple(k) for k in after.get("kept_sources") or []}
    sources = [s for s in ev.get("sources") or [] if _source_key(s) in kept]
    if sources:  # keys gone (the run re-extracted the sentence elsewhere): keep the sources as they are
        ev["sources"] = sources
        aids = {s["article_id"] for s in sources}
        ev["evidence"] = {k: v for k, spans in (ev.get("evidence") or {}).items()
                          if (v := [s for s in spans if s["article_id"] in aids])}
    for new in after.get("new_events") or []:
        part = copy.deepcopy(new)
        part["review"] = {"status": "split_from", "split_from": ev["id"], "corrections": {},
                          "actions": [_trail(a, ev["id"], part["id"])]}
        state[part["id"]] = part


def overlay(
    base: Mapping[str, Mapping[str, Any]],
    actions: Iterable[Mapping[str, Any]],
    successors: Mapping[str, str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Replay review actions (oldest first) over event dicts keyed by id; returns a new dict.

    Events that no action touches come back unchanged; events created by a
    split are added; events a reviewed event was merged into stay, marked
    ``merged_into`` (hidden by :func:`matches` unless asked for). ``successors``
    maps reviewed ids a re-run retired to the live event that took their reports
    (from ``event_lineage``): the action applies there, and the event's review
    lists the old id under ``carried_from``. An id with no successor comes back
    from the reviewer's snapshot.
    """
    state = {k: copy.deepcopy(dict(v)) for k, v in base.items()}
    for a in sorted(actions, key=lambda x: x["id"]):
        _apply(state, a, successors or {})
    return state


def matches(ev: Mapping[str, Any], filters: Mapping[str, Any], include_hidden: bool = False) -> bool:
    """The filters of :meth:`Store.events`, on an overlaid event dict."""
    status = (ev.get("review") or {}).get("status")
    if status in HIDDEN_STATUSES and not include_hidden:
        return False
    day = ((ev.get("date") or {}).get("start") or None)
    checks = {
        "event_type": lambda v: ev.get("event_type") == v,
        "sub_event_type": lambda v: ev.get("sub_event_type") == v,
        "start": lambda v: day is not None and day >= _iso(v),
        "end": lambda v: day is not None and day <= _iso(v),
        "background": lambda v: bool(ev.get("background")) == bool(v),
        "country_code": lambda v: (ev.get("location") or {}).get("country_code") == v,
        "article_id": lambda v: any(s.get("article_id") == v for s in ev.get("sources") or []),
    }
    return all(checks[k](v) for k, v in filters.items() if v is not None and k in checks)


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)[:10]

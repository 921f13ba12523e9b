"""Why an event is what it is: every field with its evidence in the article and the rule that chose it."""
from __future__ import annotations

from typing import Any

from .errors import DatelineError
from .model import Event

__all__ = ["explain", "render_explanation"]

# evidence name -> the event fields it backs
_FIELDS = {
    "event_type": ("event_type", "sub_event_type", "trigger", "cameo_root", "plover_type"),
    "actors": ("actor1", "actor2", "assoc_actors"),
    "location": ("location",),
    "date": ("date",),
    "fatalities": ("fatalities", "casualties", "injured"),
    "claimed_by": ("claimed_by", "claim", "modality"),
}
_RULE_PREFIX = {"event_type": "type:", "actors": "actors:", "location": "location:", "date": "date:",
                "claimed_by": "source:"}


def _context(text: str | None, start: int, end: int, width: int = 70) -> str | None:
    if not text:
        return None
    a, b = max(0, start - width), min(len(text), end + width)
    return f"{'…' if a else ''}{text[a:start]}[[{text[start:end]}]]{text[end:b]}{'…' if b < len(text) else ''}"


def explain(store: Any, event_id: str) -> dict[str, Any]:
    """A dict: for each field, its value, the evidence spans (with context) and the rules noted."""
    event: Event | None = store.event(event_id)
    if event is None:
        raise DatelineError(f"no event {event_id!r} in {getattr(store, 'url', 'the store')}; "
                            "`dateline export --format jsonl` lists the ids")
    data = event.to_dict()
    texts: dict[str, str | None] = {}

    def text_of(article_id: str) -> str | None:
        if article_id not in texts:
            row = store.article(article_id)
            texts[article_id] = row.get("text") if row else None
        return texts[article_id]

    fields = {}
    for name, keys in _FIELDS.items():
        spans = event.evidence.get(name, [])
        prefix = _RULE_PREFIX.get(name)
        fields[name] = {
            "value": {k: data.get(k) for k in keys},
            "evidence": [{"article_id": s.article_id, "start": s.start, "end": s.end, "text": s.text,
                          "context": _context(text_of(s.article_id), s.start, s.end)} for s in spans],
            "rules": [n for n in event.notes if prefix and n.startswith(prefix)],
        }
    fields["location"]["candidates"] = event.location_candidates
    fields["fatalities"]["per_source"] = [
        {"article_id": s.article_id, "outlet": s.outlet, "fatalities": s.fatalities} for s in event.sources]
    return {
        "id": event.id,
        "background": event.background,
        "confidence": event.confidence,
        "fields": fields,
        "sources": [s.to_dict() for s in event.sources],
        "contradictions": data.get("contradictions", []),
        "notes": event.notes,
    }


def render_explanation(info: dict[str, Any]) -> str:
    lines = [f"event {info['id']}  confidence {info['confidence']}  background {info['background']}"]
    for name, f in info["fields"].items():
        lines.append(f"\n{name}:")
        for k, v in f["value"].items():
            if v not in (None, [], {}):
                lines.append(f"  {k} = {v}")
        for rule in f["rules"]:
            lines.append(f"  rule: {rule}")
        for ev in f["evidence"]:
            lines.append(f"  evidence {ev['article_id']}:{ev['start']}-{ev['end']}: {ev['context'] or ev['text']}")
        for c in f.get("candidates", [])[:5]:
            lines.append(f"  candidate {c['name']} ({c['country_code']}, {c['feature_code']}) score {c['score']}: "
                         f"{', '.join(c['reasons'])}")
        for p in f.get("per_source", []):
            if p["fatalities"] is not None:
                lines.append(f"  {p['outlet'] or p['article_id']} reported {p['fatalities']} dead")
    lines.append("\nsources:")
    for s in info["sources"]:
        who = f" (citing {s['attributed_to']}, {s.get('attribution_kind')})" if s.get("attributed_to") else ""
        lines.append(f"  {s['outlet'] or ''} {s['article_id']}{who}: {s['sentence']}")
    for c in info["contradictions"]:
        lines.append(f"contradiction: {c}")
    return "\n".join(lines)

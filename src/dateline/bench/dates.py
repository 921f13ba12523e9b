"""Benchmark of time resolution on TimeML gold (TimeBank + AQUAINT, TempEval-3 "TBAQ-cleaned").

Gold spans are given: for every in-text TIMEX3 of type DATE we resolve its text
against the document creation time (DCT) with
:func:`dateline.mentions.times.resolve_expression` and compare with the gold
``value``. Two scores:

- ``strict``: our range written as a TIMEX3 value equals the gold value
  ("1998-11-20", "1998-10", "1998-W45", "1998");
- ``contains``: the gold period, where it is a calendar period, lies inside our
  range (credit for a right but wider answer, which ACLED precision allows).

The data are read from ``../shared/eval/dates-tbaq`` and never copied here.
"""
from __future__ import annotations

import calendar
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..config import Settings
from ..mentions.times import REF_VALUES, find_time_spans, resolve_expression
from ..mentions.timeml import timeml_value, timex_type
from ..mentions.timeml_rules import TIMEX_TYPES
from ..mentions.timex import to_timeml_value
from .speed import shared_dir

__all__ = ["bench_dates", "end_to_end", "read_tml", "read_tml_text", "gold_interval", "trim_span", "run", "render"]

_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def read_tml(path: Path) -> tuple[date | None, list[tuple[str, str]]]:
    """The DCT and the (text, value) of every in-text DATE TIMEX3 of one .tml file."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct: date | None = None
    dates: list[tuple[str, str]] = []
    for m in _TIMEX.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        value = attrs.get("value", "")
        if attrs.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = date.fromisoformat(value[:10])
            except ValueError:
                dct = None
            continue
        if attrs.get("type") == "DATE":
            text = html.unescape(_TAG.sub("", m.group(2))).strip()
            dates.append((re.sub(r"\s+", " ", text), value))
    return dct, dates


def gold_interval(value: str) -> tuple[date, date] | None:
    """First and last day of a calendar TIMEX3 value (day, month, ISO week, year); None otherwise."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = date.fromisoformat(value)
            return d, d
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, mo = int(value[:4]), int(value[5:])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            monday = date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return monday, monday + timedelta(days=6)
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None
    return None


def bench_dates(root: Path, limit: int | None = None) -> dict[str, Any]:
    """Score value resolution over every .tml file under ``root`` (gold spans given)."""
    total = calendar_total = strict = contains = resolved = 0
    wrong_by_rule: Counter[str] = Counter()
    for path in _tml_files(root, limit):
        dct, dates = read_tml(path)
        if dct is None:
            continue
        for text, value in dates:
            total += 1
            spans = find_time_spans(text, dct) or find_time_spans(text, dct, bare=True)
            rule = max(spans, key=lambda s: s[1] - s[0])[3] if spans else "unfound"
            ours = resolve_expression(text, dct)
            resolved += ours is not None
            hit = to_timeml_value(ours) == value
            strict += hit
            if not hit:
                wrong_by_rule[rule] += 1
            gold = gold_interval(value)
            if gold is None:
                continue
            calendar_total += 1
            if ours is not None and ours.start and ours.end and ours.start <= gold[0] and gold[1] <= ours.end:
                contains += 1
    return {
        "dates": total,
        "calendar_dates": calendar_total,
        "resolved": resolved,
        "strict": strict,
        "strict_accuracy": round(strict / total, 4) if total else None,
        "contains": contains,
        "contains_accuracy_calendar": round(contains / calendar_total, 4) if calendar_total else None,
        "wrong_by_rule": dict(wrong_by_rule.most_common()),
    }


def _tml_files(root: Path, limit: int | None) -> list[Path]:
    return sorted(Path(root).rglob("*.tml"))[: limit or None]


# --------------------------------------------------------------------------- end to end


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


def read_tml_text(path: Path) -> tuple[date | None, str, list[GoldTimex]]:
    """The DCT, the plain text of ``<TEXT>`` (tags stripped, entities decoded) and its TIMEX3s with offsets."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct, _ = read_tml(path)
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = m.group(1) if m else ""
    out: list[str] = []
    pos = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    for tag in _TAG.finditer(body):
        piece = html.unescape(body[pos : tag.start()])
        out.append(piece)
        offset = sum(map(len, out))
        name = tag.group()
        if name.startswith("<TIMEX3"):
            open_timex.append((offset, dict(_ATTR.findall(name))))
        elif name.startswith("</TIMEX3") and open_timex:
            start, attrs = open_timex.pop()
            value = re.sub(r"-W(\d)$", r"-W0\1", attrs.get("value", ""))  # "2000-W7": the ISO form has two digits
            timexes.append(GoldTimex(start, offset, attrs.get("type", ""), value))
        pos = tag.end()
    out.append(html.unescape(body[pos:]))
    return dct, "".join(out), timexes


# Words our spans carry for context that TimeML leaves outside the TIMEX3 ("on Friday" -> "Friday").
_LEAD = re.compile(
    r"(?i:(?:earlier|later)\s+on|in|on|since|during|by|until|till|from|before|after|through|throughout"
    r"|as\s+of|between|over|overnight|at)\s+"
)


def trim_span(text: str, start: int, end: int) -> int:
    """The start of a detected span once a leading preposition is dropped (for exact-span scoring)."""
    m = _LEAD.match(text, start, end)
    return m.end() if m and m.end() < end else start


@dataclass
class _Tally:
    """Counts for one document set; ``rules`` is the per-rule breakdown of our detections."""

    gold: Counter[str] = field(default_factory=Counter)  # gold timexes by type
    found_relaxed: Counter[str] = field(default_factory=Counter)  # gold by type, overlapped by a detection
    found_strict: Counter[str] = field(default_factory=Counter)
    found_value: int = 0  # gold DATEs overlapped by a detection with the right value
    det_date: int = 0  # detections overlapping a gold DATE
    det_date_strict: int = 0
    det_value: int = 0
    det_other: Counter[str] = field(default_factory=Counter)  # overlapping only a non-DATE timex
    det_false: int = 0
    rules: dict[str, Counter[str]] = field(default_factory=dict)
    missed: Counter[str] = field(default_factory=Counter)  # gold DATE texts never detected
    wrong: Counter[str] = field(default_factory=Counter)  # "text: ours != gold" for DATE hits with a wrong value
    # Every type (TempEval-3 style): our detections by the type we give them, gold by its own type.
    ours: Counter[str] = field(default_factory=Counter)  # our detections by our type
    ours_hit: Counter[str] = field(default_factory=Counter)  # ... overlapping any gold timex
    ours_exact: Counter[str] = field(default_factory=Counter)  # ... with exactly a gold timex's span
    ours_right: Counter[str] = field(default_factory=Counter)  # ... whose value is that of the gold they overlap most
    gold_found: Counter[str] = field(default_factory=Counter)  # gold by type, overlapped by any detection
    gold_exact: Counter[str] = field(default_factory=Counter)  # gold by type, with a detection of exactly its span
    gold_value: Counter[str] = field(default_factory=Counter)  # gold by type, overlapped by a detection with its value
    wrong_other: Counter[str] = field(default_factory=Counter)  # wrong values on TIME / DURATION / SET gold
    missed_other: Counter[str] = field(default_factory=Counter)  # TIME / DURATION / SET gold never detected


def _value(value: Any, rule: str) -> str | None:
    """Our answer as a TIMEX3 value: reference words by their rule, ranges by :func:`to_timeml_value`."""
    return REF_VALUES.get(rule) or to_timeml_value(value)


def _score_doc(text: str, dct: date, gold: list[GoldTimex], t: _Tally, options: dict[str, bool]) -> None:
    spans = find_time_spans(text, dct, **options)
    if options.get("timeml"):
        detections = [(trim_span(text, s, e), e, timeml_value(text, s, e, v, r), r) for s, e, v, r in spans]
    else:
        detections = [(trim_span(text, s, e), e, _value(v, r), r) for s, e, v, r in spans]
    for g in gold:
        t.gold[g.type] += 1
    _score_all_types(text, gold, detections, t)
    # The DATE table keeps its protocol: the DATE rules' detections only (durations, sets and clock times are scored above).
    detections = [d for d in detections if d[3] not in TIMEX_TYPES]
    for start, end, value, rule in detections:
        per_rule = t.rules.setdefault(rule, Counter())
        per_rule["detected"] += 1
        hits = [g for g in gold if g.start < end and start < g.end]
        dates = [g for g in hits if g.type == "DATE"]
        if not dates:
            kind = f"other:{hits[0].type}" if hits else "false"
            if hits:
                t.det_other[hits[0].type] += 1
            else:
                t.det_false += 1
            per_rule[kind] += 1
            continue
        best = max(dates, key=lambda g: min(end, g.end) - max(start, g.start))
        t.det_date += 1
        t.det_date_strict += any(g.start == start and g.end == end for g in dates)
        ours = value
        right = ours == best.value
        t.det_value += right
        per_rule["date_value_right" if right else "date_value_wrong"] += 1
        if not right:
            t.wrong[f"{rule}: {text[start:end]!r} {ours} != {best.value}"] += 1
    for g in gold:
        over = [(s, e, v) for s, e, v, _r in detections if s < g.end and g.start < e]
        if over:
            t.found_relaxed[g.type] += 1
            t.found_strict[g.type] += any(s == g.start and e == g.end for s, e, _v in over)
            if g.type == "DATE":
                t.found_value += any(v == g.value for _s, _e, v in over)
        elif g.type == "DATE":
            t.missed[re.sub(r"\s+", " ", text[g.start : g.end])] += 1


def _score_all_types(text: str, gold: list[GoldTimex], detections: list[tuple[int, int, str | None, str]], t: _Tally) -> None:
    """TempEval-3's view: any overlap is a hit, whatever the types; a value is right when it equals the gold's."""
    for start, end, value, rule in detections:
        kind = timex_type(text[start:end], rule)
        t.ours[kind] += 1
        hits = [g for g in gold if g.start < end and start < g.end]
        if not hits:
            continue
        best = max(hits, key=lambda g: min(end, g.end) - max(start, g.start))
        t.ours_hit[kind] += 1
        t.ours_exact[kind] += any(g.start == start and g.end == end for g in hits)
        t.ours_right[kind] += value == best.value
    for g in gold:
        over = [(s, e, v) for s, e, v, _r in detections if s < g.end and g.start < e]
        piece = re.sub(r"\s+", " ", text[g.start : g.end])
        t.gold_found[g.type] += bool(over)
        t.gold_exact[g.type] += any(s == g.start and e == g.end for s, e, _v in over)
        if any(v == g.value for _s, _e, v in over):
            t.gold_value[g.type] += 1
        elif g.type != "DATE" and over:
            t.wrong_other[f"{g.type} {piece!r}: {over[0][2]} != {g.value}"] += 1
        elif g.type != "DATE":
            t.missed_other[f"{g.type} {piece!r} {g.value}"] += 1


TYPES = ("DATE", "TIME", "DURATION", "SET")


def _by_type(t: _Tally) -> dict[str, dict[str, Any]]:
    """Per TIMEX3 type and over all types: detection P/R/F1 (relaxed, strict), value accuracy of hits, value P/R/F1.

    Precision is over our detections of that type (by the type we give them),
    recall over the gold timexes of that type; a detection overlapping a gold timex
    of another type still counts as found, as in TempEval-3.
    """
    out: dict[str, dict[str, Any]] = {}
    for kind in (*TYPES, "ALL"):
        keys = TYPES if kind == "ALL" else (kind,)
        ours = sum(t.ours[k] for k in t.ours if kind == "ALL" or k == kind)
        hit, exact, right = (sum(c[k] for k in c if kind == "ALL" or k == kind) for c in (t.ours_hit, t.ours_exact, t.ours_right))
        gold = sum(t.gold[k] for k in keys)
        found, found_strict, found_value = (sum(c[k] for k in keys) for c in (t.gold_found, t.gold_exact, t.gold_value))
        out[kind] = {
            "gold": gold,
            "ours": ours,
            "relaxed": _prf(hit, ours, found, gold),
            "strict": _prf(exact, ours, found_strict, gold),
            "value_accuracy_of_hits": round(found_value / found, 4) if found else 0.0,
            "value": _prf(right, ours, found_value, gold),
        }
    return out


def _prf(tp_p: int, denom_p: int, tp_r: int, denom_r: int) -> dict[str, float]:
    p = tp_p / denom_p if denom_p else 0.0
    r = tp_r / denom_r if denom_r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def end_to_end(root: Path, limit: int | None = None, **options: bool) -> dict[str, Any]:
    """Detect time expressions in the raw text of each document and score them against every gold TIMEX3.

    ``options`` go to :func:`find_time_spans` (``refs``, ``weekday_tense``); none
    means the rules the pipeline runs.
    """
    t = _Tally()
    docs = 0
    for path in _tml_files(root, limit):
        dct, text, gold = read_tml_text(path)
        if dct is None:
            continue
        docs += 1
        _score_doc(text, dct, gold, t, options)
    date_den = t.det_date + t.det_false  # detections of another gold type are neither right nor wrong for DATE
    n_date = t.gold["DATE"]
    return {
        "documents": docs,
        "gold_by_type": dict(t.gold),
        "detections": t.det_date + t.det_false + sum(t.det_other.values()),
        "date_relaxed": _prf(t.det_date, date_den, t.found_relaxed["DATE"], n_date),
        "date_strict": _prf(t.det_date_strict, date_den, t.found_strict["DATE"], n_date),
        "date_value": _prf(t.det_value, date_den, t.found_value, n_date),
        "recall_other_types": {
            k: round(t.found_relaxed[k] / n, 4) for k, n in t.gold.items() if k != "DATE" and n
        },
        "detections_on_other_types": dict(t.det_other),
        "by_type": _by_type(t),
        "top_wrong_other_types": dict(t.wrong_other.most_common(25)),
        "top_missed_other_types": dict(t.missed_other.most_common(25)),
        "false_detections": t.det_false,
        "by_rule": {k: dict(v) for k, v in sorted(t.rules.items(), key=lambda kv: -kv[1]["detected"])},
        "top_missed": dict(t.missed.most_common(25)),
        "top_wrong_value": dict(t.wrong.most_common(25)),
    }


# --------------------------------------------------------------------------- bench protocol


def run(settings: Settings, root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Bench protocol: ``root`` is the dates-tbaq folder (default: the one in ../shared); ``limit`` counts documents."""
    if root is None:
        shared = shared_dir()
        root = shared / "eval" / "dates-tbaq" if shared else None
    if root is None or not any(Path(root).rglob("*.tml")):
        return {"skipped": "../shared/eval/dates-tbaq is absent"}
    return {
        "gold_spans": bench_dates(root, limit),
        "end_to_end": end_to_end(root, limit),
        "end_to_end_timeml": end_to_end(root, limit, timeml=True),
    }


def _fmt(s: dict[str, float]) -> str:
    return f"{s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f}"


def _e2e_lines(title: str, e: dict[str, Any]) -> list[str]:
    return [
        f"{title}: {e['documents']} documents, gold {e['gold_by_type']}",
        f"  {'DATE':28} {'precision':>9} {'recall':>7} {'F1':>6}",
        f"  {'detection, relaxed (overlap)':28} {_fmt(e['date_relaxed'])}",
        f"  {'detection, strict (exact)':28} {_fmt(e['date_strict'])}",
        f"  {'value (overlap + value)':28} {_fmt(e['date_value'])}",
        f"  recall of other types by the DATE rules alone: {e['recall_other_types']}",
        f"  detections on other gold types: {e['detections_on_other_types']}; false: {e['false_detections']}",
        "  every type (TempEval-3 style: overlap is a hit; value P/R over all our detections / all gold):",
        f"  {'type':9} {'gold':>5} {'ours':>5} {'relaxed P':>9} {'R':>6} {'F1':>6} {'strict P':>9} {'R':>6} {'F1':>6}"
        f" {'val.acc':>7} {'value P':>8} {'R':>6} {'F1':>6}",
        *(_type_line(kind, row) for kind, row in e["by_type"].items()),
    ]


def _type_line(kind: str, row: dict[str, Any]) -> str:
    rel, st, val = row["relaxed"], row["strict"], row["value"]
    return (
        f"  {kind:9} {row['gold']:5d} {row['ours']:5d} {rel['precision']:9.3f} {rel['recall']:6.3f} {rel['f1']:6.3f}"
        f" {st['precision']:9.3f} {st['recall']:6.3f} {st['f1']:6.3f} {row['value_accuracy_of_hits']:7.3f}"
        f" {val['precision']:8.3f} {val['recall']:6.3f} {val['f1']:6.3f}"
    )


def render(result: dict[str, Any]) -> str:
    g, e = result["gold_spans"], result["end_to_end"]
    lines = [
        f"gold spans given: {g['dates']} DATE timexes",
        f"  value accuracy (exact TIMEX3 value)      {g['strict_accuracy']}",
        f"  gold period inside our range (calendar)  {g['contains_accuracy_calendar']} of {g['calendar_dates']}",
        "",
        *_e2e_lines("end to end, pipeline rules", e),
        "",
        *_e2e_lines("end to end, TimeML conventions (refs, tense-led weekdays, durations, sets, clock times)",
                    result["end_to_end_timeml"]),
        "",
        "per rule, pipeline rules:",
        f"  {'rule':22} {'detected':>8} {'right':>6} {'wrong':>6} {'false':>6} {'other':>6}",
    ]
    for rule, c in e["by_rule"].items():
        other = sum(v for k, v in c.items() if k.startswith("other:"))
        lines.append(
            f"  {rule:22} {c.get('detected', 0):8d} {c.get('date_value_right', 0):6d} "
            f"{c.get('date_value_wrong', 0):6d} {c.get('false', 0):6d} {other:6d}"
        )
    return "\n".join(lines)

"""Geoparsing benchmark: toponym resolution on TR-News, LGL and GeoWebNews (and GeoVirus).

Two measures per corpus, read from ``../shared/eval/geoparsing`` (never copied here):

- ``gold spans``: the gold toponym spans are given; each is resolved with
  :func:`dateline.mentions.places.resolve_spans`, which uses the whole document as
  context. Scores: accuracy within 161 km (``acc@161``, the usual 100-mile
  threshold), mean and median error in km over the resolved toponyms, and how
  many spans got no place at all (counted as misses in ``acc@161``).
- ``end to end``: from the raw text with :func:`dateline.mentions.places.resolve_places`;
  detection precision / recall / F1 of resolved toponym spans against the gold spans
  (a prediction matches a gold span when they overlap), ``acc@161`` of the matched
  ones, and ``e2e acc@161`` = gold toponyms found *and* placed within 161 km / all gold.

Throughput is the gold-span resolver's toponyms per second (gazetteer lookups included,
index already built). Gold sets: TR-News and LGL: every toponym with a GeoNames tag;
GeoWebNews: the 2,401 geocoded toponyms of ``gwn_full.txt`` (Gritta et al.); GeoVirus:
every location (coordinates from Wikipedia).
"""
from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..gazetteer.resolve import haversine_km
from ..model import Article

__all__ = ["GoldDoc", "GoldToponym", "read_corpus", "CORPORA", "score_gold_spans", "score_end_to_end", "run",
           "render"]

ACC_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass
class GoldDoc:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(node: ET.Element | None, tag: str) -> float | None:
    if node is None:
        return None
    value = node.findtext(tag)
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _read_gaztag_xml(path: Path) -> list[GoldDoc]:
    """TR-News and LGL: ``<toponym><start/><end/><phrase/><gaztag><lat/><lon/>``."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        doc = GoldDoc(art.get("docid") or str(len(docs)), text)
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            lat, lon = _float(gaz, "lat"), _float(gaz, "lon")
            start, end = int(t.findtext("start") or -1), int(t.findtext("end") or -1)
            span = _realign(text, start, end, (t.findtext("phrase") or "").strip())
            if lat is None or lon is None or span is None:
                continue
            doc.toponyms.append(GoldToponym(span[0], span[1], text[span[0] : span[1]], lat, lon))
        docs.append(doc)
    return docs


def _read_gwn(path: Path) -> list[GoldDoc]:
    """GeoWebNews: texts from GWN.xml, the geocoded toponyms from gwn_full.txt (same order)."""
    arts = list(ET.parse(path).getroot().iter("article"))
    lines = (path.parent / "gwn_full.txt").read_text(encoding="utf-8").split("\n")
    docs = []
    for art, line in zip(arts, lines):
        text = art.findtext("text") or ""
        doc = GoldDoc(art.get("file") or str(len(docs)), text)
        for entry in filter(None, line.strip().split("||")):
            parts = entry.split(",,")
            if len(parts) != 6:
                continue
            _, surface, lat, lon, start, end = parts
            s, e = int(start), int(end)
            if 0 <= s < e <= len(text) and text[s:e] == surface:
                doc.toponyms.append(GoldToponym(s, e, surface, float(lat), float(lon)))
        docs.append(doc)
    return docs


def _realign(text: str, start: int, end: int, name: str, slack: int = 5) -> tuple[int, int] | None:
    """The span of ``name`` at or within a few characters of start (GeoVirus offsets are off by one)."""
    if text[start:end] == name:
        return start, end
    at = text.find(name, max(0, start - slack), end + slack + len(name))
    return (at, at + len(name)) if at >= 0 else None


def _read_geovirus(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        doc = GoldDoc(str(len(docs)), text)
        for loc in art.iter("location"):
            lat, lon = _float(loc, "lat"), _float(loc, "lon")
            s, e = int(loc.findtext("start") or -1), int(loc.findtext("end") or -1)
            span = _realign(text, s, e, (loc.findtext("name") or "").strip())
            if lat is not None and lon is not None and span is not None:
                doc.toponyms.append(GoldToponym(span[0], span[1], text[span[0] : span[1]], lat, lon))
        docs.append(doc)
    return docs


CORPORA: dict[str, tuple[str, Callable[[Path], list[GoldDoc]]]] = {
    "TR-News": ("TR-News.xml", _read_gaztag_xml),
    "LGL": ("lgl.xml", _read_gaztag_xml),
    "GeoWebNews": ("GWN.xml", _read_gwn),
    "GeoVirus": ("GeoVirus.xml", _read_geovirus),
}


def read_corpus(root: Path, name: str) -> list[GoldDoc]:
    """The documents of one corpus (see :data:`CORPORA`)."""
    filename, reader = CORPORA[name]
    return reader(Path(root) / filename)


def _error(place: Any, gold: GoldToponym) -> float | None:
    return None if place is None else haversine_km(place.lat, place.lon, gold.lat, gold.lon)


def _summary(errors: list[float | None], seconds: float | None = None) -> dict[str, Any]:
    placed = [e for e in errors if e is not None]
    n = len(errors)
    out: dict[str, Any] = {
        "toponyms": n,
        "unresolved": n - len(placed),
        "acc161": round(sum(e <= ACC_KM for e in placed) / n, 4) if n else None,
        "mean_km": round(statistics.fmean(placed), 1) if placed else None,
        "median_km": round(statistics.median(placed), 1) if placed else None,
    }
    if seconds is not None:
        out["seconds"] = round(seconds, 2)
        out["toponyms_per_s"] = round(n / seconds) if seconds > 0 else None
    return out


def score_gold_spans(docs: Iterable[GoldDoc], gazetteer: Any) -> dict[str, Any]:
    """Resolve the gold spans of every document; accuracy within 161 km and errors in km."""
    from ..mentions.places import resolve_spans

    errors: list[float | None] = []
    worst: list[tuple[float, str, str, str]] = []
    t0 = time.perf_counter()
    for doc in docs:
        spans = [(g.start, g.end) for g in doc.toponyms]
        for gold, mention in zip(doc.toponyms, resolve_spans(doc.text, spans, gazetteer)):
            place = mention.place if mention is not None else None
            err = _error(place, gold)
            errors.append(err)
            if err is None or err > ACC_KM:
                got = "-" if place is None else f"{place.name} ({place.country_code}, {place.feature_code})"
                worst.append((err if err is not None else -1.0, doc.id, gold.text, got))
    out = _summary(errors, time.perf_counter() - t0)
    out["misses"] = [f"{d}: {t!r} -> {g} [{e:.0f} km]" for e, d, t, g in worst[:3000]]
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_end_to_end(docs: Iterable[GoldDoc], gazetteer: Any) -> dict[str, Any]:
    """Detect and resolve from raw text; detection P/R/F1 (overlap) and accuracy of the matched."""
    from ..mentions.places import resolve_places

    n_pred = n_gold = tp_pred = tp_gold = 0
    errors: list[float | None] = []
    for doc in docs:
        article = Article(id=doc.id, raw=doc.text, text=doc.text)
        preds = [m for m in resolve_places(article, gazetteer) if m.place is not None]
        spans = [(m.span.start, m.span.end) for m in preds]
        n_pred += len(preds)
        n_gold += len(doc.toponyms)
        tp_pred += sum(any(_overlap(s, (g.start, g.end)) for g in doc.toponyms) for s in spans)
        for g in doc.toponyms:
            hit = next((m for m in preds if _overlap((m.span.start, m.span.end), (g.start, g.end))), None)
            if hit is not None:
                tp_gold += 1
                errors.append(_error(hit.place, g))
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    matched = _summary(errors)
    correct = sum(e is not None and e <= ACC_KM for e in errors)
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "acc161_matched": matched["acc161"],
        "mean_km_matched": matched["mean_km"],
        "e2e_acc161": round(correct / n_gold, 4) if n_gold else None,
    }


def run(settings: Any, root: Path | None, limit: int | None) -> dict[str, Any]:
    """Both measures on every corpus present under ``root`` (default ../shared/eval/geoparsing)."""
    from ..gazetteer import open_gazetteer
    from .speed import shared_dir

    if root is None:
        shared = shared_dir()
        if shared is None or not (shared / "eval" / "geoparsing").is_dir():
            return {"skipped": "../shared/eval/geoparsing not found"}
        root = shared / "eval" / "geoparsing"
    gazetteer = open_gazetteer(settings)
    result: dict[str, Any] = {"root": str(root), "limit": limit, "corpora": {}}
    for name, (filename, _) in CORPORA.items():
        if not (Path(root) / filename).exists():
            continue
        docs = read_corpus(Path(root), name)[:limit] if limit else read_corpus(Path(root), name)
        result["corpora"][name] = {
            "documents": len(docs),
            "gold_spans": score_gold_spans(docs, gazetteer),
            "end_to_end": score_end_to_end(docs, gazetteer),
        }
    if not result["corpora"]:
        return {"skipped": f"no geoparsing corpus under {root}"}
    return result


def render(result: dict[str, Any]) -> str:
    """A readable table: one row per corpus, gold-span and end-to-end columns."""
    head = (f"{'corpus':<11} {'docs':>5} {'topo':>5} {'acc@161':>8} {'mean km':>8} {'med km':>7} "
            f"{'unres':>5} {'topo/s':>7} | {'P':>6} {'R':>6} {'F1':>6} {'acc@161':>8} {'e2e acc':>8}")
    lines = ["gold spans given" + " " * 53 + "| end to end", head, "-" * len(head)]
    pct = lambda v: "-" if v is None else f"{100 * v:.1f}"  # noqa: E731
    num = lambda v: "-" if v is None else f"{v:.0f}"  # noqa: E731
    for name, r in result["corpora"].items():
        g, e = r["gold_spans"], r["end_to_end"]
        lines.append(
            f"{name:<11} {r['documents']:>5} {g['toponyms']:>5} {pct(g['acc161']):>8} {num(g['mean_km']):>8} "
            f"{num(g['median_km']):>7} {g['unresolved']:>5} {num(g.get('toponyms_per_s')):>7} | "
            f"{pct(e['precision']):>6} {pct(e['recall']):>6} {pct(e['f1']):>6} {pct(e['acc161_matched']):>8} "
            f"{pct(e['e2e_acc161']):>8}"
        )
    lines.append("acc@161: share of gold toponyms placed within 161 km (unresolved count as misses); "
                 "e2e acc: found and placed within 161 km / all gold toponyms.")
    return "\n".join(lines)

"""Main-text extraction on the Zyte article-extraction benchmark (181 HTML pages with gold bodies).

Two extractors run over the same pages in the same run: plain
``trafilatura.extract(html)`` with default settings (the baseline) and our clean
stage's extraction (:func:`dateline.clean.clean_html`, trafilatura plus our line
rules) without the language check, which is reported apart.

Tokens are maximal runs of word characters (``\\w+``, Unicode, case kept).
Two matchings, both multiset overlaps computed per page:

- ``tokens``: bag of single tokens; tp = sum of min(gold count, ours count).
- ``shingles``: bag of 4-token shingles (windows of 4 consecutive tokens), the
  measure the published Zyte table uses: per page tp/fp/fn are normalised to sum
  to 1, precision and recall are averaged over pages (pages with nothing on
  that side left out) and F1 is the harmonic mean of the two averages.

Speed is pages/s over the extraction calls alone (HTML already decompressed).
The data are read from ``../shared/eval/boilerplate-zyte`` and never copied here.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from ..config import Settings
from ..errors import InputError
from .speed import shared_dir

__all__ = ["run", "render", "tokens", "overlap", "score_pages", "load_pages"]

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str) -> list[str]:
    """Word-character runs: punctuation and whitespace differences never count."""
    return _TOKEN.findall(text or "")


def _bag(toks: list[str], n: int) -> Counter[tuple[str, ...]]:
    if n == 1:
        return Counter((t,) for t in toks)
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def overlap(gold: str, ours: str, n: int = 1) -> tuple[int, int, int]:
    """(tp, fp, fn) of the multiset overlap of n-token shingles of two texts."""
    g, o = _bag(tokens(gold), n), _bag(tokens(ours), n)
    tp = sum((g & o).values())
    return tp, sum(o.values()) - tp, sum(g.values()) - tp


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def score_pages(pairs: list[tuple[str, str]], n: int) -> dict[str, float | None]:
    """Macro scores over pages: each page weighs the same, however long it is."""
    precisions: list[float] = []
    recalls: list[float] = []
    for gold, ours in pairs:
        tp, fp, fn = overlap(gold, ours, n)
        if tp + fp + fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def load_pages(root: Path, limit: int | None = None) -> list[tuple[str, str, str | None, str]]:
    """(page id, html, url, gold body) for every page with gold, in id order."""
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold)[: limit or None]:
        path = root / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        pages.append((key, html, gold[key].get("url"), gold[key].get("articleBody") or ""))
    return pages


def _trafilatura(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def _ours(html: str, url: str | None) -> str:
    from ..clean import clean_html

    try:
        cleaned, _meta = clean_html(html, url=url)
    except InputError:
        return ""
    return cleaned.text


def _measure(extract: Callable[[str, str | None], str], pages: list[tuple[str, str, str | None, str]]) -> dict[str, Any]:
    outputs: list[str] = []
    t0 = time.perf_counter()
    for _key, html, url, _gold in pages:
        outputs.append(extract(html, url))
    seconds = time.perf_counter() - t0
    pairs = [(gold, out) for (_k, _h, _u, gold), out in zip(pages, outputs)]
    return {
        "tokens": score_pages(pairs, 1),
        "shingles": score_pages(pairs, SHINGLE),
        "empty": sum(1 for out in outputs if not out.strip()),
        "seconds": round(seconds, 2),
        "pages_per_s": round(len(pages) / seconds, 2) if seconds else None,
        "_outputs": outputs,
    }


def _languages(outputs: list[str]) -> Counter[str]:
    from ..clean import detect_language

    return Counter(detect_language(text) or "too_short" for text in outputs if text.strip())


def bench_clean(root: Path, limit: int | None = None, allowed: str = "en") -> dict[str, Any]:
    """Score the baseline and our extraction on the pages under ``root``."""
    pages = load_pages(root, limit)
    if pages:
        _trafilatura(pages[0][1], None)  # imports and lazy set-up outside the timings
        _ours(pages[0][1], None)
    base = _measure(_trafilatura, pages)
    ours = _measure(_ours, pages)
    langs = _languages(ours.pop("_outputs"))
    base.pop("_outputs")
    keep = {x.strip() for x in allowed.split(",") if x.strip()}
    rejected = {k: v for k, v in langs.items() if k != "too_short" and k not in keep}
    return {
        "pages": len(pages),
        "trafilatura": base,
        "dateline": ours,
        "speed_ratio_dateline_to_trafilatura": round(ours["seconds"] / base["seconds"], 3) if base["seconds"] else None,
        "languages": dict(langs.most_common()),
        "would_reject_non_english": sum(rejected.values()),
    }


def run(settings: Settings, root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Bench protocol: ``root`` is the boilerplate-zyte folder (default: the one in ../shared)."""
    if root is None:
        shared = shared_dir()
        root = shared / "eval" / "boilerplate-zyte" if shared else None
    if root is None or not (root / "ground-truth.json").exists():
        return {"skipped": "../shared/eval/boilerplate-zyte is absent"}
    return bench_clean(root, limit, str(settings["clean.languages"]))


def render(result: dict[str, Any]) -> str:
    lines = [
        f"pages: {result['pages']}",
        "",
        f"{'extractor':14} {'match':9} {'precision':>9} {'recall':>7} {'F1':>6} {'empty':>6} {'pages/s':>8}",
    ]
    for name in ("trafilatura", "dateline"):
        r = result[name]
        for match in ("tokens", "shingles"):
            s = r[match]
            lines.append(
                f"{name:14} {match:9} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} "
                f"{r['empty']:6d} {r['pages_per_s']:8.2f}"
            )
    lines += [
        "",
        f"time ratio dateline / trafilatura: {result['speed_ratio_dateline_to_trafilatura']}",
        f"languages of our extracted text: {result['languages']}",
        f"pages the clean stage would reject as non-English: {result['would_reject_non_english']}",
    ]
    return "\n".join(lines)

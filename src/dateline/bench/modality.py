"""Modality, claims, attribution and fatalities on our own synthetic test set.

The set is ``tests/data/modality_set.jsonl``: short passages written for this
project (not real reports), each with the expected modality of its main event
(asserted, claimed, denied, future, hypothetical, negated, background), the
claimant, the kind of source the outlet cites, a window for the best fatality
figure and whether a claim is the perpetrator's own. The conventions are in
docs/bench-modality.md. Every passage goes through the full pipeline; the main
event is the one told first, among reported events and non-events alike.

Reports per-modality precision, recall and F1, and accuracy of the event /
non-event decision, claimants, source kind, fatalities and claim kind. ``--root``
is ignored: the set ships with the project's tests.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from ..config import Settings

__all__ = [
    "MODALITIES",
    "KINDS",
    "Passage",
    "Prediction",
    "default_set_path",
    "load_set",
    "predict",
    "names_match",
    "score",
    "run",
    "render",
]

MODALITIES = ("asserted", "claimed", "denied", "future", "hypothetical", "negated", "background")
KINDS = ("outlet", "party", "monitor", "activists", "witnesses", "official", "media", "unnamed")
# What Event.claim says, mapped onto the set's perpetrator_claim (True own act, False enemy losses).
_CLAIM_VALUES = {"perpetrator_claim": True, "enemy_losses": False}
# Words that say nothing about who a claimant is; dropped before names are compared.
_NAME_STOPWORDS = frozenset({"the", "of", "in", "and", "al", "group", "forces", "force", "movement", "its"})


@dataclass(frozen=True)
class Passage:
    """One line of the set: a passage and what a careful coder expects of its main event."""

    id: str
    published: date
    text: str
    expect: dict[str, Any]


@dataclass(frozen=True)
class Prediction:
    """What the pipeline said about a passage's main event (the one told first)."""

    modality: str  # one of MODALITIES, "disputed", or "none" when nothing was found
    event: bool  # a reported event (in article.events) rather than a non-event or nothing
    claimed_by: tuple[str, ...] = ()
    attributed_to: str | None = None
    attribution_kind: str | None = None
    fatalities: int | None = None  # best figure; None when no event
    claim: bool | None = None  # Event.claim mapped: True own act, False enemy losses
    has_kind: bool = False  # the system exposes sources[0].attribution_kind
    has_claim: bool = False  # the system exposes Event.claim


def default_set_path() -> Path:
    """The set beside the package's source checkout: <repo>/tests/data/modality_set.jsonl."""
    import dateline

    return Path(dateline.__file__).resolve().parents[2] / "tests" / "data" / "modality_set.jsonl"


def load_set(path: Path) -> list[Passage]:
    """Read the set; the ``{"_comment"`` header line and blank lines are skipped."""
    out: list[Passage] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith('{"_comment"'):
            continue
        d = json.loads(line)
        out.append(Passage(d["id"], date.fromisoformat(d["published"]), d["text"], d["expect"]))
    return out


# --------------------------------------------------------------------------- running the system


def predict(passages: list[Passage], settings: Settings) -> dict[str, Prediction]:
    """Run the full pipeline on every passage (one batch) and read off its main event."""
    from ..api import build_pipeline
    from ..model import Article
    from ..pipeline import Context

    ctx = Context(settings.with_overrides({"clean.min_chars": 1}))
    articles = [Article(id=p.id, raw=p.text, published=p.published) for p in passages]
    result = build_pipeline().run(articles, ctx)
    out = {p.id: Prediction("none", False) for p in passages}
    for article in result.articles:
        out[article.id] = _main_prediction(article)
    return out


def _main_prediction(article: Any) -> Prediction:
    """The earliest event or non-event in the text, as a Prediction."""
    candidates: list[tuple[int, int, Any]] = []
    for ev in article.events:
        candidates.append((_event_start(ev), 0, ev))
    for ne in getattr(article, "non_events", None) or []:
        candidates.append((int(ne.get("start", 0)), 1, ne))
    if not candidates:
        return Prediction("none", False)
    _, is_non_event, main = min(candidates, key=lambda c: (c[0], c[1]))
    if is_non_event:
        return Prediction(str(main.get("modality") or "none"), False)
    source = main.sources[0] if main.sources else None
    claim_raw = getattr(main, "claim", None)
    return Prediction(
        modality="background" if main.background else main.modality,
        event=True,
        claimed_by=tuple(main.claimed_by or ()),
        attributed_to=source.attributed_to if source else None,
        attribution_kind=getattr(source, "attribution_kind", None) if source else None,
        fatalities=main.fatalities.best or 0,
        claim=_CLAIM_VALUES.get(claim_raw) if isinstance(claim_raw, str) else None,
        has_kind=source is not None and hasattr(source, "attribution_kind"),
        has_claim=hasattr(main, "claim"),
    )


def _event_start(ev: Any) -> int:
    if ev.sources:
        return int(ev.sources[0].start)
    starts = [s.start for spans in ev.evidence.values() for s in spans]
    return min(starts) if starts else 10**9


# --------------------------------------------------------------------------- scoring


def _name_tokens(name: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9']+", name.lower()) if t not in _NAME_STOPWORDS}


def _tokens_meet(a: str, b: str) -> bool:
    """Same token, or one word of a pair like Syria/Syrian, Ukraine/Ukrainian (a shared 5-letter stem)."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 5


def names_match(expected: str, predicted: Iterable[str]) -> bool:
    """Does any predicted name share a word with the expected claimant or one of its aliases ("A|B")?

    Case-insensitive token overlap, stopwords dropped; aliases let the set accept
    "ISWAP" for "Islamic State West Africa Province" without a lexicon here.
    """
    preds = [_name_tokens(p) for p in predicted]
    for alias in expected.split("|"):
        want = _name_tokens(alias)
        if any(_tokens_meet(w, t) for toks in preds for t in toks for w in want):
            return True
    return False


def _claimants_right(expected: list[str], predicted: tuple[str, ...]) -> bool:
    if not expected:
        return not predicted
    return bool(predicted) and all(names_match(e, predicted) for e in expected)


def _effective(gold: str, pred: str, also_ok: list[str]) -> str:
    """A prediction the set lists as also acceptable ("disputed" for a denial) counts as the gold label."""
    return gold if pred in also_ok else pred


def _prf(gold: list[str], pred: list[str], labels: Iterable[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        prec = tp / n_pred if n_pred else None
        rec = tp / n_gold if n_gold else None
        f1 = 2 * prec * rec / (prec + rec) if prec and rec else (0.0 if n_pred or n_gold else None)
        out[label] = {"gold": n_gold, "predicted": n_pred, "right": tp,
                      "precision": _r(prec), "recall": _r(rec), "f1": _r(f1)}
    return out


def _r(x: float | None) -> float | None:
    return round(x, 3) if x is not None else None


def _acc(hits: list[bool]) -> dict[str, Any]:
    return {"n": len(hits), "right": sum(hits), "accuracy": _r(sum(hits) / len(hits)) if hits else None}


def score(passages: list[Passage], preds: dict[str, Prediction]) -> dict[str, Any]:
    """Per-modality P/R/F1 and field accuracies; ``misses`` lists every wrong field per passage."""
    gold_mods, pred_mods = [], []
    checks: dict[str, list[bool]] = {k: [] for k in
                                     ("event", "claimed_by", "claimed_by_nonempty", "attributed_kind",
                                      "fatalities", "perpetrator_claim", "perpetrator_claim_nonnull")}
    exposes_kind = any(p.has_kind for p in preds.values())
    exposes_claim = any(p.has_claim for p in preds.values())
    misses: list[dict[str, Any]] = []
    for p in passages:
        exp, pr = p.expect, preds[p.id]
        wrong: dict[str, Any] = {}
        gold_mods.append(exp["modality"])
        pred_mods.append(_effective(exp["modality"], pr.modality, exp.get("also_ok") or []))
        if pred_mods[-1] != exp["modality"]:
            wrong["modality"] = pr.modality
        _check(checks["event"], wrong, "event", pr.event == exp["event"], pr.event)
        if exp["event"]:
            _score_event_fields(exp, pr, checks, wrong, exposes_kind, exposes_claim)
        if wrong:
            misses.append({"id": p.id, "expected_modality": exp["modality"], "wrong": wrong})
    labels = list(MODALITIES) + sorted({m for m in pred_mods if m not in MODALITIES})
    per_modality = _prf(gold_mods, pred_mods, labels)
    return {
        "passages": len(passages),
        "modality_accuracy": _r(sum(g == q for g, q in zip(gold_mods, pred_mods)) / len(passages)),
        "per_modality": per_modality,
        "macro_f1": _r(sum(per_modality[m]["f1"] or 0.0 for m in MODALITIES) / len(MODALITIES)),
        "confusion": {f"{g} -> {q}": n for (g, q), n in Counter(zip(gold_mods, pred_mods)).most_common() if g != q},
        "fields": {k: _acc(v) for k, v in checks.items()
                   if (k.startswith("attributed") and exposes_kind) or (k.startswith("perpetrator") and exposes_claim)
                   or not (k.startswith("attributed") or k.startswith("perpetrator"))},
        "misses": misses,
    }


def _check(bucket: list[bool], wrong: dict[str, Any], name: str, ok: bool, got: Any) -> None:
    bucket.append(ok)
    if not ok:
        wrong[name] = got


def _score_event_fields(exp: dict[str, Any], pr: Prediction, checks: dict[str, list[bool]],
                        wrong: dict[str, Any], exposes_kind: bool, exposes_claim: bool) -> None:
    """Fields scored only where the gold says an event happened (the main event must be a reported one)."""
    claimed = list(exp.get("claimed_by") or [])
    right = pr.event and _claimants_right(claimed, pr.claimed_by)
    _check(checks["claimed_by"], wrong, "claimed_by", right, list(pr.claimed_by))
    if claimed:
        checks["claimed_by_nonempty"].append(right)
    if exposes_kind:
        _check(checks["attributed_kind"], wrong, "attributed_kind",
               pr.event and pr.attribution_kind == exp["attributed_kind"], pr.attribution_kind)
    window = exp.get("fatalities")
    if window is not None:
        ok = pr.event and pr.fatalities is not None and window[0] <= pr.fatalities <= window[1]
        _check(checks["fatalities"], wrong, "fatalities", ok, pr.fatalities)
    if exposes_claim:
        gold_claim = exp.get("perpetrator_claim")
        ok = pr.event and pr.claim == gold_claim
        _check(checks["perpetrator_claim"], wrong, "perpetrator_claim", ok, pr.claim)
        if gold_claim is not None:
            checks["perpetrator_claim_nonnull"].append(ok)


# --------------------------------------------------------------------------- bench protocol


def run(settings: Settings, root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Bench protocol; ``root`` is ignored (the set lives in the project's tests)."""
    path = default_set_path()
    if not path.exists():
        return {"skipped": f"{path} is absent (the set ships with a source checkout, not with the package)"}
    passages = load_set(path)[: limit or None]
    result = score(passages, predict(passages, settings))
    result["set"] = str(path)
    return result


def render(result: dict[str, Any]) -> str:
    """Per-modality table, then field accuracies and the commonest confusions."""
    if result.get("skipped"):
        return f"skipped: {result['skipped']}"
    lines = [f"{result['passages']} passages; modality accuracy {result['modality_accuracy']}, "
             f"macro F1 over the seven modalities {result['macro_f1']}", "",
             f"{'modality':14} {'gold':>5} {'pred':>5} {'right':>6} {'P':>6} {'R':>6} {'F1':>6}"]
    for label, s in result["per_modality"].items():
        lines.append(f"{label:14} {s['gold']:>5} {s['predicted']:>5} {s['right']:>6} "
                     f"{_fmt(s['precision']):>6} {_fmt(s['recall']):>6} {_fmt(s['f1']):>6}")
    lines += ["", f"{'field':28} {'n':>5} {'right':>6} {'accuracy':>9}"]
    for name, s in result["fields"].items():
        lines.append(f"{name:28} {s['n']:>5} {s['right']:>6} {_fmt(s['accuracy']):>9}")
    if result.get("confusion"):
        lines += ["", "commonest modality confusions (gold -> predicted):"]
        lines += [f"  {k}: {n}" for k, n in list(result["confusion"].items())[:10]]
    return "\n".join(lines)


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"

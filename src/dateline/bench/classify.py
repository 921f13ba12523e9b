"""ACLED sub-event typing on CASE 2021 task 2 (1,019 news snippets, ../shared/eval/case2021-task2).

Each snippet goes through the whole pipeline (clean, parse, mentions, events) with
no publication date. The snippet's type is the sub-type of its main event: the first
current event in the text, else the first event; no event means "not one of ours".
The five labels outside ACLED's 25 sub-types (ORG_CRIME, NATURAL_DISASTER,
MAN_MADE_DISASTER, DIPLO, ATTRIB) and OTHER count as "not one of ours" (NONE).
Scores: weighted and macro F1 over the gold labels (NONE included as one class),
accuracy, and the confusion between sub-types. No training: the rules are the
pipeline's own.
"""
from __future__ import annotations

import csv
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..config import Settings
from ..model import Article
from ..pipeline import Context
from .speed import shared_dir

__all__ = ["run", "render", "LABELS", "f1_table"]

# CASE 2021 label -> ACLED sub-event type
LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
NONE = "NONE"


def _gold(label: str) -> str:
    return LABELS.get(label, NONE)


def read_snippets(root: Path) -> list[tuple[str, str, str]]:
    path = root / "test_set_final_release_with_labels.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["id"], r["EventSnippet"], r["SubType"]) for r in rows]


def main_event_type(article: Article) -> str:
    events = sorted(article.events, key=lambda e: min((s.start for s in e.sources), default=0))
    current = [e for e in events if not e.background]
    chosen = (current or events or [None])[0]
    return chosen.sub_event_type if chosen is not None else NONE


def f1_table(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Per-class precision/recall/F1, weighted and macro F1 over gold classes, accuracy."""
    gold_n = Counter(g for g, _ in pairs)
    pred_n = Counter(p for _, p in pairs)
    tp = Counter(g for g, p in pairs if g == p)
    per = {}
    for c in sorted(gold_n):
        p = tp[c] / pred_n[c] if pred_n[c] else 0.0
        r = tp[c] / gold_n[c]
        per[c] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                  "support": gold_n[c]}
    total = sum(gold_n.values())
    weighted = sum(per[c]["f1"] * gold_n[c] for c in per) / total if total else 0.0
    macro = sum(per[c]["f1"] for c in per) / len(per) if per else 0.0
    ours = [c for c in per if c != NONE]
    return {
        "n": total,
        "accuracy": round(sum(tp.values()) / total, 3) if total else 0.0,
        "weighted_f1": round(weighted, 3),
        "macro_f1": round(macro, 3),
        "weighted_f1_acled_only": round(sum(per[c]["f1"] * gold_n[c] for c in ours) / sum(gold_n[c] for c in ours), 3)
        if ours else 0.0,
        "per_class": per,
    }


def run(settings: Settings, root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    from ..api import build_pipeline

    shared = shared_dir()
    root = root or (shared / "eval" / "case2021-task2" if shared else None)
    if root is None or not (root / "test_set_final_release_with_labels.tsv").exists():
        return {"skipped": "../shared/eval/case2021-task2 is absent"}
    snippets = read_snippets(root)[: limit or None]
    ctx = Context(settings.with_overrides({"clean.min_chars": 1}))
    pipeline = build_pipeline()
    t0 = time.perf_counter()
    arts = [Article(id=sid, raw=text) for sid, text, _ in snippets]
    predicted: dict[str, str] = {}
    for i in range(0, len(arts), 64):
        result = pipeline.run(arts[i : i + 64], ctx)
        for a in result.articles:
            predicted[a.id] = main_event_type(a)
    seconds = time.perf_counter() - t0
    pairs = [(_gold(label), predicted.get(sid, NONE)) for sid, _, label in snippets]
    out = f1_table(pairs)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in pairs:
        if g != p:
            confusion[g][p] += 1
    out["top_confusions"] = [
        {"gold": g, "predicted": p, "count": n}
        for g, row in confusion.items() for p, n in row.items()
    ]
    out["top_confusions"].sort(key=lambda d: -d["count"])
    out["top_confusions"] = out["top_confusions"][:25]
    out["seconds"] = round(seconds, 1)
    out["snippets_per_second"] = round(len(snippets) / seconds, 1) if seconds else None
    out["reference"] = "best CASE 2021 system (fine-tuned transformer): weighted F1 0.839"
    out["predictions"] = {sid: predicted.get(sid, NONE) for sid, _, _ in snippets}
    return out


def render(result: dict[str, Any]) -> str:
    lines = [
        f"snippets {result['n']}  accuracy {result['accuracy']}  weighted F1 {result['weighted_f1']}  "
        f"macro F1 {result['macro_f1']}  (weighted F1 on the 25 ACLED classes only: "
        f"{result['weighted_f1_acled_only']})",
        f"reference: {result['reference']}",
        f"{result['snippets_per_second']} snippets/s",
        "",
        f"{'class':40} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}",
    ]
    for c, s in sorted(result["per_class"].items(), key=lambda kv: -kv[1]["support"]):
        lines.append(f"{c:40} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:5}")
    lines += ["", "most frequent confusions (gold -> predicted):"]
    lines += [f"  {d['count']:4}  {d['gold']} -> {d['predicted']}" for d in result["top_confusions"]]
    return "\n".join(lines)

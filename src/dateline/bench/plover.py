"""PLOVER event type and source/target actors on the PLOVER gold standard (../shared/eval/plover-gsr, 322 sentences).

Each sentence goes through the pipeline with no publication date; its prediction is
the PLOVER type of its main event (the first current one), or NONE. Scored for the
conflict types (ASSAULT, COERCE, FIGHT, PROTEST, MOBILIZE, THREATEN): accuracy of the
type, and how often a conflict type is predicted for sentences of other types
(false alarms). Actors: the source is right when the words of the gold source
(`actorText`) overlap the text of a mention of our actor1, the target likewise with
actor2 (or any associated actor); scored on sentences whose type we got right. ACLED puts
the crowd first in protests and riots, so for a COERCE or ASSAULT event whose actor1 is the
crowd, the force that acted on it (actor2) is compared with PLOVER's source.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import Settings
from ..model import Article
from ..pipeline import Context
from .speed import shared_dir

__all__ = ["run", "render", "CONFLICT"]

CONFLICT = ("ASSAULT", "COERCE", "FIGHT", "PROTEST", "MOBILIZE", "THREATEN")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "a", "an", "of", "and", "in", "s", "forces", "force", "troops", "members", "group"}


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _actor_texts(article: Article, name: str | None) -> list[str]:
    if not name:
        return []
    return [m.span.text for m in article.actors if m.actor.name == name]


def _hit(gold: list[dict[str, Any]], texts: list[str]) -> bool:
    want = [_words(g.get("actorText") or "") for g in gold if g.get("actorText")]
    have = [_words(t) for t in texts]
    return any(w & h for w in want for h in have)


def _roles(ev: Any) -> tuple[Any, list[Any]]:
    """PLOVER's source and targets from our actors. ACLED puts the crowd first in every protest and
    riot; PLOVER's COERCE and ASSAULT have the side that coerces or assaults as their source, so for
    those the force that acted on the crowd (our actor2) is compared with PLOVER's source."""
    crowd_first = ev.actor1 is not None and ev.actor1.inter in (5, 6) and ev.actor2 is not None
    if crowd_first and ev.plover_type in ("COERCE", "ASSAULT"):
        return ev.actor2, [ev.actor1, *ev.assoc_actors]
    return ev.actor1, [ev.actor2, *ev.assoc_actors]


def _main(article: Article) -> Any:
    events = sorted(article.events, key=lambda e: min((s.start for s in e.sources), default=0))
    current = [e for e in events if not e.background]
    return (current or events or [None])[0]


def run(settings: Settings, root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    from ..api import build_pipeline

    shared = shared_dir()
    root = root or (shared / "eval" / "plover-gsr" if shared else None)
    path = root / "PLOVER_GSR_CAMEO.json" if root else None
    if path is None or not path.exists():
        return {"skipped": "../shared/eval/plover-gsr is absent"}
    items = [d for d in json.loads(path.read_text(encoding="utf-8")) if d.get("text")][: limit or None]
    ctx = Context(settings.with_overrides({"clean.min_chars": 1}))
    pipeline = build_pipeline()
    t0 = time.perf_counter()
    result = pipeline.run([Article(id=d["id"], raw=d["text"]) for d in items], ctx)
    seconds = time.perf_counter() - t0
    arts = {a.id: a for a in result.articles}
    per_type: dict[str, Counter[str]] = {t: Counter() for t in CONFLICT}
    false_alarms: Counter[str] = Counter()
    source_ok = target_ok = roles_n = target_n = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for d in items:
        art = arts.get(d["id"])
        ev = _main(art) if art else None
        pred = (ev.plover_type if ev is not None else None) or "NONE"
        gold = d["event"]
        if gold in CONFLICT:
            per_type[gold]["n"] += 1
            per_type[gold]["correct"] += pred == gold
            if pred != gold:
                confusion[(gold, pred)] += 1
            if pred == gold and art is not None:
                roles_n += 1
                source, targets = _roles(ev)
                source_ok += _hit(d.get("source") or [], _actor_texts(art, source and source.name))
                if d.get("target"):
                    target_n += 1
                    names = [a.name for a in targets if a is not None]
                    target_ok += _hit(d["target"], [t for n in names for t in _actor_texts(art, n)])
        elif pred in CONFLICT:
            false_alarms[gold] += 1
    n_conflict = sum(c["n"] for c in per_type.values())
    correct = sum(c["correct"] for c in per_type.values())
    others = sum(1 for d in items if d["event"] not in CONFLICT)
    return {
        "sentences": len(items),
        "conflict_sentences": n_conflict,
        "type_accuracy": round(correct / n_conflict, 3) if n_conflict else 0.0,
        "per_type": {t: {"n": c["n"], "accuracy": round(c["correct"] / c["n"], 3) if c["n"] else None}
                     for t, c in per_type.items()},
        "source_accuracy": round(source_ok / roles_n, 3) if roles_n else None,
        "target_accuracy": round(target_ok / target_n, 3) if target_n else None,
        "roles_scored_on": roles_n,
        "other_sentences": others,
        "false_alarm_rate": round(sum(false_alarms.values()) / others, 3) if others else None,
        "false_alarms_by_gold_type": dict(false_alarms.most_common()),
        "confusions": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusion.most_common(15)],
        "sentences_per_second": round(len(items) / seconds, 1) if seconds else None,
    }


def render(result: dict[str, Any]) -> str:
    lines = [
        f"conflict sentences {result['conflict_sentences']} of {result['sentences']}: type accuracy "
        f"{result['type_accuracy']}; source {result['source_accuracy']}, target {result['target_accuracy']} "
        f"(on the {result['roles_scored_on']} typed right)",
        f"false alarms: a conflict type predicted for {result['false_alarm_rate']} of the "
        f"{result['other_sentences']} non-conflict sentences {result['false_alarms_by_gold_type']}",
        "",
        f"{'type':10} {'n':>4} {'accuracy':>9}",
    ]
    for t, s in result["per_type"].items():
        lines.append(f"{t:10} {s['n']:4} {s['accuracy'] if s['accuracy'] is not None else '-':>9}")
    lines += ["", "confusions (gold -> predicted):"]
    lines += [f"  {c['count']:3}  {c['gold']} -> {c['predicted']}" for c in result["confusions"]]
    return "\n".join(lines)

"""Agreement with the FA-KES crowd labels on 634 real Syrian-war articles (../shared/corpus/fakes, ../shared/eval/fakes).

The crowd gave each article one main event: governorate, perpetrator class, cause of
death and casualty counts. Our main event for an article is the current event its headline
tells (most shared words), then the deadliest, then the earliest. Reported: agreement of the
perpetrator class (actor1 mapped to the crowd's seven classes; ACLED's generic names such as
"Rebel Groups (Syria)" by their kind, not by the country in brackets; an actor1 inferred from
the wider article counts like any other), of the cause of death with our sub-type
(shelling = air/drone strike or shelling; explosion = IED, suicide bomb or grenade;
chemical = chemical weapon; execution = attack on civilians; shooting = any Battles sub-type
(armed clash, and territory taken or regained through fighting) or attack), and of casualties (civilians and non-civilians; exact and within 20 %).
Crowd labels are noisy: disagreements are listed for reading (`--json`).
"""
from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import Settings
from ..events.build import content_words
from ..model import Event
from ..pipeline import Context
from .speed import shared_dir

__all__ = ["run", "render", "perpetrator_class", "cause_matches"]

_CLASSES = {
    "syrian government or russian troops": ("Syria", "Russia", "National Defence", "NDF", "Hezbollah", "Iran"),
    "the organization of the islamic state in iraq and the levant - isis": ("Islamic State",),
    "international coalition forces": ("Global Coalition", "United States", "United Kingdom", "France"),
    "armed opposition groups": ("Rebel", "Free Syrian Army", "Ahrar", "Jaysh al-Islam", "Faylaq", "Syrian National Army",
                                "Zenki", "Jaysh"),
    "self administration forces": ("Syrian Democratic Forces", "YPG", "Asayish"),
    "al-nusra front": ("Nusra", "Hayat Tahrir"),
}
_GOVERNMENT = "syrian government or russian troops"
_CAUSES = {
    "shelling": {"Air/drone strike", "Shelling/artillery/missile attack"},
    "explosion": {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"},
    "chemical and toxic gases": {"Chemical weapon"},
    "execution": {"Attack"},
    # deaths in fighting: ACLED codes a place taken through fighting as the territorial Battles sub-type
    "shooting": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Attack"},
}


# ACLED's generic names carry a country in brackets ("Rebel Groups (Syria)"); the country is where they
# act, not whose side they are on, so they are classed by their kind before any country key is tried.
_GENERIC_CLASSES = {"Rebel Groups": "armed opposition groups", "Unidentified Armed Group": "unknown",
                    "Civilians": "unknown", "Protesters": "unknown", "Rioters": "unknown"}


def perpetrator_class(event: Event | None) -> str:
    name = event.actor1.name if event is not None and event.actor1 is not None else ""
    for generic, cls in _GENERIC_CLASSES.items():
        if name == generic or name.startswith(generic + " ("):
            return cls
    # the government's key "Syria" is also in "Free Syrian Army" and "Syrian Democratic Forces": try it last
    for cls, keys in sorted(_CLASSES.items(), key=lambda kv: kv[0] == _GOVERNMENT):
        if any(k.lower() in name.lower() for k in keys):
            return cls
    return "unknown"


def cause_matches(cause: str, event: Event | None) -> bool | None:
    """None when the crowd's cause is unknown (not scored)."""
    if cause not in _CAUSES:
        return None
    return event is not None and event.sub_event_type in _CAUSES[cause]


def _main(events: list[Event], title: str | None = None) -> Event | None:
    """The article's main event: the one its headline tells (most shared headline words), then
    the deadliest, then the earliest."""
    current = [e for e in events if not e.background]
    if not current:
        return None
    words = content_words(title)

    def overlap(e: Event) -> int:
        return max(len(words & content_words(s.sentence)) for s in e.sources) if words else 0

    return max(current, key=lambda e: (overlap(e), e.fatalities.best or 0, -min(s.start for s in e.sources)))


def _civilian_split(event: Event | None) -> tuple[int, int]:
    """(civilian, non-civilian) deaths of our main event, by the kind of the victims (actor2)."""
    if event is None or event.fatalities.best is None:
        return 0, 0
    split = event.casualties
    if split.get("fighters") or split.get("soldiers") or split.get("civilians"):
        non = split.get("fighters", 0) + split.get("soldiers", 0)
        civ = split.get("civilians", 0) + split.get("children", 0) + split.get("women", 0)
        return min(civ, event.fatalities.best) or max(event.fatalities.best - non, 0), non
    victim = event.actor2
    if victim is not None and victim.inter == 7:
        return event.fatalities.best, 0
    if victim is not None and victim.inter in (1, 2, 3, 4, 8):
        return 0, event.fatalities.best
    return event.fatalities.best, 0


def _close(a: int, b: int) -> bool:
    return a == b or (max(a, b) > 0 and abs(a - b) / max(a, b) <= 0.2)


def run(settings: Settings, root: Path | None = None, limit: int | None = None) -> dict[str, Any]:
    from ..api import process
    from ..ingest import read_inputs

    shared = shared_dir()
    corpus = (root or (shared / "corpus" / "fakes" if shared else Path("-"))) / "articles.jsonl"
    labels_path = shared / "eval" / "fakes" / "crowd-labels.jsonl" if shared else None
    if not corpus.exists() or labels_path is None or not labels_path.exists():
        return {"skipped": "../shared/corpus/fakes or ../shared/eval/fakes is absent"}
    labels = {d["article_id"]: d for d in map(json.loads, labels_path.read_text(encoding="utf-8").splitlines())}
    items = list(read_inputs([corpus]))[: limit or None]
    t0 = time.perf_counter()
    articles, _ = process(iter(items), Context(settings))
    seconds = time.perf_counter() - t0
    rows = []
    for a in articles:
        gold = labels.get(a.id)
        if gold is None:
            continue
        ev = _main(a.events, a.title)
        civ, non = _civilian_split(ev)
        rows.append({
            "article_id": a.id, "title": a.title,
            "gold_actor": gold["actor"], "our_actor": perpetrator_class(ev),
            "our_actor1": ev.actor1.name if ev and ev.actor1 else None,
            "gold_cause": gold["cause_of_death"], "our_type": ev.sub_event_type if ev else None,
            "cause_ok": cause_matches(gold["cause_of_death"], ev),
            "gold_civilians": gold["civilians"], "gold_noncivilians": gold["noncivilians"],
            "our_civilians": civ, "our_noncivilians": non,
            "sentence": ev.sources[0].sentence[:200] if ev else None,
        })
    return _summarise(rows, seconds)


def _summarise(rows: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    n = len(rows)
    actor_ok = sum(r["gold_actor"] == r["our_actor"] for r in rows)
    actor_known = [r for r in rows if r["gold_actor"] != "unknown"]
    cause_scored = [r for r in rows if r["cause_ok"] is not None]
    matrix: Counter[tuple[str, str]] = Counter((r["gold_actor"], r["our_actor"]) for r in rows)
    cas = {}
    for kind in ("civilians", "noncivilians"):
        exact = sum(r[f"gold_{kind}"] == r[f"our_{kind}"] for r in rows)
        near = sum(_close(r[f"gold_{kind}"], r[f"our_{kind}"]) for r in rows)
        cas[kind] = {"exact": round(exact / n, 3) if n else 0.0, "within_20pct": round(near / n, 3) if n else 0.0}
    return {
        "articles": n,
        "actor_agreement": round(actor_ok / n, 3) if n else 0.0,
        "actor_agreement_where_crowd_named_one": round(
            sum(r["gold_actor"] == r["our_actor"] for r in actor_known) / len(actor_known), 3) if actor_known else 0.0,
        "cause_agreement": round(sum(r["cause_ok"] for r in cause_scored) / len(cause_scored), 3) if cause_scored else 0.0,
        "cause_scored": len(cause_scored),
        "casualties": cas,
        "actor_matrix": [{"crowd": g, "ours": o, "n": c} for (g, o), c in matrix.most_common()],
        "seconds": round(seconds, 1),
        "disagreements": [r for r in rows if r["gold_actor"] != r["our_actor"] or r["cause_ok"] is False][:200],
    }


def render(result: dict[str, Any]) -> str:
    c = result["casualties"]
    lines = [
        f"articles {result['articles']}",
        f"perpetrator class agreement {result['actor_agreement']} "
        f"({result['actor_agreement_where_crowd_named_one']} where the crowd named one)",
        f"cause of death vs sub-type agreement {result['cause_agreement']} (on {result['cause_scored']} with a known cause)",
        f"civilian deaths: exact {c['civilians']['exact']}, within 20% {c['civilians']['within_20pct']}",
        f"non-civilian deaths: exact {c['noncivilians']['exact']}, within 20% {c['noncivilians']['within_20pct']}",
        "",
        "crowd actor class -> ours (count):",
    ]
    lines += [f"  {m['n']:4}  {m['crowd'][:40]:40} -> {m['ours']}" for m in result["actor_matrix"][:20]]
    return "\n".join(lines)

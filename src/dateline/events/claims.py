"""Who says so: the kind of source an outlet cites for an event, and what a party's claim is.

The outlet's own voice, a party's claim ("ISIS claimed", "the army said it killed 25
militants"), a monitor (SOHR, VDC), activists, witnesses, an official statement, another
medium, or an unnamed source are different kinds of evidence; analysts weigh them
differently, so every source of an event records which one it is.
"""
from __future__ import annotations

from typing import Iterable

from ..model import ActorMention, ActorRef

__all__ = ["attribution_kind", "claim_kind", "CLAIM_VERBS", "DENY_VERBS"]

CLAIM_VERBS = {"claim", "boast", "announce", "take"}  # "took responsibility"
DENY_VERBS = {"deny", "reject", "dismiss", "refute"}

_ACTIVISTS = {"activist", "activists", "opposition activists", "media activist", "rights activists"}
_WITNESSES = {"witness", "witnesses", "resident", "residents", "relatives", "villagers", "locals", "survivors",
              "eyewitness", "eyewitnesses", "neighbours", "neighbors", "family", "doctor", "doctors", "medics",
              "nurse", "hospital"}
_OFFICIAL = {"ministry", "minister", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "governor",
             "government", "army", "military", "police", "commander", "president", "mayor", "authorities",
             "command", "council", "prosecutor", "presidency", "interior", "defence", "defense"}
_MEDIA = {"tv", "television", "channel", "newspaper", "daily", "agency", "radio", "website", "reuters", "afp",
          "ap", "media", "outlet", "network", "broadcaster", "times", "post", "news"}
_UNNAMED = {"source", "sources"}
_MONITOR_WORDS = {"observatory", "monitor", "monitoring", "watchdog", "airwars", "acled", "ohchr", "rights"}


def _words(text: str) -> set[str]:
    return {w.strip(".,;:'’\"()").lower() for w in text.split()}


def attribution_kind(text: str | None, mentions: Iterable[ActorMention] = ()) -> str:
    """Classify who is cited: party, monitor, activists, witnesses, official, media, unnamed; "outlet" if nobody."""
    if not text:
        return "outlet"
    mentions = list(mentions)
    kinds = {m.actor.kind for m in mentions}
    words = _words(text)
    if "monitor" in kinds or words & _MONITOR_WORDS:
        return "monitor"
    if "media" in kinds and not any(m.actor.kind in ("rebel", "militia") for m in mentions):
        # a party's own outlet (Amaq for ISIS) is the party speaking
        return "party" if any((m.actor.actor_id or "") == "amaq" for m in mentions) else "media"
    if words & _ACTIVISTS:
        return "activists"
    if any(m.actor.kind in ("rebel", "militia", "identity") for m in mentions):
        return "party"
    if words & _WITNESSES:
        return "witnesses"
    if words & _OFFICIAL or "state" in kinds:
        return "official"
    if words & _MEDIA:
        return "media"
    if words & _UNNAMED:
        return "unnamed"
    return "unnamed"


def claim_kind(claimant: ActorRef | None, actor1: ActorRef | None, actor2: ActorRef | None) -> str | None:
    """perpetrator_claim: a party tells of its own act; enemy_losses: it counts its enemy's dead."""
    if claimant is None or actor1 is None:
        return None
    if claimant.name == actor1.name:
        return "perpetrator_claim" if actor2 is None or actor2.inter == 7 else "enemy_losses"
    return None

"""Strategic developments and territory: the object decides whether the word is an event.

Split from :mod:`dateline.events.detect`. ACLED's strategic sub-types are told with
everyday verbs ("formed", "sent", "exchanged", "recovered", "withdrew"); only their object
makes them an event: weapons seized, a base set up, a town handed over, prisoners exchanged,
a brigade formed. A verb of taking is territorial only with a place as its object.
"""
from __future__ import annotations

from typing import Any

from .lexicon import BASE_NOUNS, TERRITORY_NOUNS, WEAPON_NOUNS

__all__ = ["refine_strategic", "takes_territory"]


def refine_strategic(tok: Any, fam: str, objects: set[str], subject: set[str], sent_words: set[str]) -> str | None:
    """Strategic developments need their object: weapons seized, a base set up, a town handed over, prisoners
    exchanged, a brigade formed; without it the word is no event ("exchanged fire", "formed a committee")."""
    lemma = tok.lemma_.lower()
    if fam == "disrupt" and tok.pos_ == "VERB" and not objects & WEAPON_NOUNS:
        # "the army recovered the regions taken by the rebels": a place recovered is territory regained
        return "territory" if lemma == "recover" and takes_territory(tok) else None
    if fam == "base" and not objects & BASE_NOUNS:
        # "a new PMF unit has been set up": a group formed, not a base
        return "change" if (objects | subject) & _GROUP_WORDS else None
    if fam == "transfer" and lemma == "surrender" and not takes_territory(tok):
        return "agreement"  # "ten rebels surrendered to the army": ACLED counts surrenders as agreements
    if fam == "agreement" and lemma == "agree":
        # "agreed to a ceasefire", "agreed to resume talks"; not "agreed that the report was right"
        return fam if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("to", "on")) for c in tok.children) \
            else None
    if fam == "agreement" and lemma == "peace":
        talks = tok.head if tok.dep_ == "compound" else tok.doc[min(tok.i + 1, len(tok.doc) - 1)]
        # talks that start, resume or are agreed on are an agreement; talks merely mentioned are not
        return "agreement" if talks.head.lemma_.lower() in _TALKS_VERBS else None
    if fam == "transfer":
        if lemma in ("withdraw", "pull", "evacuate") and objects & _FORCE_WORDS and not _has_place_from(tok):
            return "change"  # "withdrew its forces": a change in activity, no territory named
        if tok.pos_ == "VERB" and not (_has_place_from(tok) or takes_territory(tok)):
            return None
    if fam == "agreement" and tok.pos_ == "NOUN" and lemma not in ("ceasefire", "cease-fire", "truce", "armistice",
                                                                   "exchange", "swap", "release"):
        head = tok.head.lemma_.lower()
        mods = {t.lower_ for c in tok.children if c.i < tok.i for t in c.subtree}  # "cease - fire agreement"
        if head not in _AGREE_VERBS and not mods & {"peace", "ceasefire", "cease", "reconciliation", "power-sharing"}:
            return None
    if fam == "change" and tok.pos_ == "NOUN" and lemma == "formation" and not sent_words & _GROUP_WORDS:
        return None
    if fam == "change" and lemma == "form" and not (objects | subject) & _GROUP_WORDS:
        return None  # "formed a new brigade", not "formed a committee"
    if fam == "change" and lemma in ("send", "dispatch", "deploy", "redeploy", "mobilize", "mobilise", "move",
                                     "station", "mass", "amass", "fortify") and not (
            objects | subject) & (_FORCE_WORDS | _GROUP_WORDS | {"reinforcements", "members", "positions"}):
        return None
    if fam == "agreement" and lemma in ("exchange", "swap", "release", "free"):
        around = (objects | subject | {t.lower_ for t in tok.subtree} | {t.lower_ for t in tok.head.subtree}
                  if tok.pos_ == "NOUN" else objects | subject)
        if around & _CAPTIVES:
            return "agreement"  # "exchanged prisoners", "a prisoner swap"; not "exchanged fire"
        if lemma == "free" and takes_territory(tok):
            return "territory"  # "freed several villages"
        return None
    return fam


_CAPTIVES = {"prisoners", "prisoner", "captive", "detainee", "hostage", "detainees", "hostages", "captives", "bodies", "abductees", "soldiers",
             "fighters"}
_FORCE_WORDS = {"forces", "troops", "soldiers", "fighters", "units", "personnel", "militants", "army"}
_AGREE_VERBS = {"sign", "reach", "agree", "broker", "announce", "conclude", "strike", "implement", "accept", "seal"}
_TALKS_VERBS = {"start", "begin", "resume", "restart", "hold", "open", "launch", "join", "enter", "conclude",
                "agree", "convene", "relaunch", "reopen"}
_GROUP_WORDS = {"group", "brigade", "coalition", "alliance", "force", "forces", "battalion", "faction", "militia",
                "army", "front", "council", "movement", "party"}


def _has_place_from(tok: Any) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("from", "out") and any(t.pos_ == "PROPN" or t.lower_ in TERRITORY_NOUNS
                                                                        for t in c.subtree)
               for c in tok.children)


def takes_territory(tok: Any) -> bool:
    """seize/capture/advance are territorial only with a place or territory object."""
    if tok.lemma_.lower() == "advance":
        return any(c.dep_ == "prep" and c.lower_ in ("in", "into", "on", "towards", "toward") for c in tok.children)
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr") or (c.dep_ == "prt"):
            words = {t.lower_ for t in c.subtree}
            if words & TERRITORY_NOUNS or any(t.pos_ == "PROPN" for t in c.subtree):
                return True
    return False

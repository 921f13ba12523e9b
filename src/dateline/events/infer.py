"""Perpetrator inference across the article, as ACLED coders do it.

A clause often tells an act without its author: "an air strike killed 15 civilians in
Saraqib" in a story about Russian jets bombing Idlib, "the strikes killed 12" after
"regime helicopters dropped barrel bombs". A coder reads the whole article and codes
the side the article says flies or fires. Two rules, each conservative:

1. **Air and artillery strikes** with no actor in their clause take the actor that the
   article ties to that weapon (a mention written with it: "Russian warplanes",
   "helicopters belonging to the regime", "regime shelling"; or the named actor of
   another strike of the same kind), from the event's sentence or the nearest sentences
   before it; failing that, the one such actor of the whole article when the article
   names only one, or names one far more often than any other. Several actors in one
   phrase ("Russian and Syrian jets") give the first as actor1 and the others as
   associates. Nothing tied to the weapon: actor1 stays empty; no guess.
2. **Bombs, IEDs, suicide and grenade attacks** with no perpetrator and no claim are, as
   ACLED codes them, by an "Unidentified Armed Group (<country>)".

Every inferred actor keeps the span of the mention it came from as evidence, and the
event says which rule inferred it (a note starting with "actors:").
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from ..mentions.actors import generic_actor
from ..model import ActorMention, Article, Event
from .lexicon import ARMED

__all__ = ["infer_actors", "weapon_class", "tied_mentions", "place_country", "AIR_WORDS", "ARTILLERY_WORDS"]

AIR_SUBTYPES = {"Air/drone strike"}
ARTILLERY_SUBTYPES = {"Shelling/artillery/missile attack"}
EXPLOSIVE_SUBTYPES = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}

# Words that make an actor the one who flies: "Russian warplanes", "regime helicopters", "Syrian Air Force".
AIR_WORDS = {"warplanes", "warplane", "jets", "jet", "aircraft", "planes", "plane", "helicopters", "helicopter",
             "drones", "drone", "bombers", "gunships", "air", "aerial", "airstrike", "airstrikes", "air-strike",
             "air-strikes", "raids", "raid", "sorties", "barrel", "aerospace", "airforce"}
# Words that make an actor the one who fires: "regime shelling", "rebel rockets", "ISIS mortars".
ARTILLERY_WORDS = {"shelling", "shells", "shell", "artillery", "mortar", "mortars", "rocket", "rockets", "missile",
                   "missiles", "tanks", "tank", "howitzers", "barrage", "bombardment", "launchers", "shelled"}
# Prepositions through which a weapon word names its user: "warplanes of the regime", "shelling by ISIS",
# "helicopters belonging to the regime"; "shelling of ISIS positions" names a target and is left out.
_USER_PREPS = {"by", "of", "from", "to"}
# Weapons and craft (not acts): "warplanes of the regime" names whose they are.
_VEHICLES = {"warplanes", "warplane", "jets", "jet", "aircraft", "planes", "plane", "helicopters", "helicopter",
             "drones", "drone", "bombers", "gunships", "artillery", "tanks", "tank", "howitzers", "launchers",
             "rockets", "missiles", "mortars"}
_WINDOW = 3  # sentences before the event's own that a coder reads for its author
_DOMINANCE = 3  # an article "clearly" blames one actor when it ties it to the weapon this many times more


def weapon_class(event: Event) -> str | None:
    """'air' or 'artillery' for the strikes this module infers an author for, else None."""
    if event.sub_event_type in AIR_SUBTYPES:
        return "air"
    if event.sub_event_type in ARTILLERY_SUBTYPES:
        return "artillery"
    return None


def _words_for(kind: str) -> set[str]:
    return AIR_WORDS if kind == "air" else ARTILLERY_WORDS


def _ties(article: Article, m: ActorMention, words: set[str]) -> bool:
    """The mention is written as the user of a weapon word: in its own words, as the weapon's
    possessor or modifier ("regime barrel bombs"), or as the object of a preposition under it."""
    if {w.lower() for w in m.span.text.replace("-", " ").split()} & words:
        return True
    span = article.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("poss", "compound", "amod", "nmod") and root.head.lower_ in words:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _USER_PREPS:
        prep, t, via_verb = root.head.lower_, root.head.head, False
        for _ in range(3):  # "bombs dropped by X", "helicopters belonging to X"
            if t.lower_ in words and (prep == "by" or via_verb or t.lower_ in _VEHICLES):
                return True  # "of"/"from"/"to" straight after an act name its target: "shelling of the rebels"
            if t.dep_ not in ("acl", "agent", "prep") or t.head.i == t.i:
                break
            via_verb = via_verb or t.dep_ == "acl"
            t = t.head
    return False


def tied_mentions(article: Article, events: Iterable[Event], kind: str) -> list[tuple[ActorMention, str]]:
    """Armed actor mentions the article ties to the weapon ``kind`` ('air' or 'artillery'), in text
    order, each with why: its words ("words") or the named author of another such strike ("event")."""
    words = _words_for(kind)
    found: dict[tuple[int, str], tuple[ActorMention, str]] = {}
    for m in article.actors:
        if m.actor.inter in ARMED and _ties(article, m, words):
            found.setdefault((m.span.start, m.actor.name), (m, "words"))
    for ev in events:
        if ev.actor1 is None or weapon_class(ev) != kind or _inferred(ev):
            continue
        spans = ev.evidence.get("actors", [])
        for m in article.actors:
            if m.actor.name == ev.actor1.name and m.span in spans:
                found.setdefault((m.span.start, m.actor.name), (m, "event"))
    return sorted(found.values(), key=lambda x: x[0].span.start)


def _inferred(ev: Event) -> bool:
    return any(n.startswith("actors: actor1 inferred") for n in ev.notes)


def _sentence_index(article: Article, offset: int) -> int:
    for i, s in enumerate(article.sentences):
        if s.start <= offset < s.end:
            return i
    return -1


def _nearest(article: Article, ev: Event, tied: list[tuple[ActorMention, str]]) -> list[ActorMention]:
    """The tied mentions of the nearest sentence at or before the event's first sentence (within the window):
    the first of them, and those written in the same phrase ("Russian and Syrian jets")."""
    anchor = _sentence_index(article, min(s.start for s in ev.sources))
    if anchor < 0:
        return []
    for back in range(_WINDOW + 1):
        sent = article.sentences[anchor - back] if anchor - back >= 0 else None
        if sent is None:
            break
        here = [m for m, _ in tied if sent.start <= m.span.start < sent.end]
        if here:
            return [m for m in here if m.span == here[0].span]
    return []


def _dominant(tied: list[tuple[ActorMention, str]]) -> list[ActorMention]:
    """The article's one tied actor, or the one it ties to the weapon far more often than any other."""
    counts = Counter(m.actor.name for m, _ in tied)
    if not counts:
        return []
    (top, n), *rest = counts.most_common()
    if rest and n < _DOMINANCE * rest[0][1]:
        return []
    return [next(m for m, _ in tied if m.actor.name == top)]


def _set_actor1(ev: Event, mentions: list[ActorMention], rule: str) -> None:
    from .build import _abroad  # build imports this module; the import waits for the call

    country = place_country(ev)
    first = mentions[0]
    ev.actor1 = _abroad(first.actor, country)
    have = {a.name for a in (ev.actor1, ev.actor2, *ev.assoc_actors) if a is not None}
    for m in mentions[1:]:
        if m.actor.name not in have:
            ev.assoc_actors.append(_abroad(m.actor, country))
            have.add(m.actor.name)
    for m in mentions:
        ev.add_evidence("actors", m.span)
    ev.notes.append(f"actors: actor1 inferred ({rule}) from '{first.span.text}' at {first.span.start}")
    ev.confidence = round(min(0.95, ev.confidence + 0.05), 2)


# ACLED: the crowd is actor1 of every protest and riot; police or troops who intervene are actor2
_CROWD = {"Protests": ("Protesters ({c})", "protesters", 6), "Riots": ("Rioters ({c})", "rioters", 5)}


def place_country(ev: Event) -> str | None:
    """The country of the event's place, if it has one."""
    return ev.location.country_code if ev.location is not None else None


def _crowd_first(ev: Event, country: str | None) -> None:
    """Put the crowd first: "Protesters (Iraq)" / "Rioters (Iraq)" as actor1, a force that acted on it as actor2."""
    crowd = generic_actor(*_CROWD[ev.event_type], country)
    other = ev.actor1
    if other is not None and other.inter not in (5, 6):  # protesters who riot are rioters: replaced, not moved
        if ev.actor2 is None or ev.actor2.inter in (5, 6, 7):  # the civilians hit are the crowd itself
            ev.actor2 = other
        elif all(a.name != other.name for a in ev.assoc_actors):
            ev.assoc_actors.append(other)
    if ev.actor2 is not None and ev.actor2.inter == crowd.inter:
        ev.actor2 = None  # the crowd is not also on the other side
    ev.actor1 = crowd
    ev.notes.append(f"actors: actor1 is the crowd of a {ev.event_type.lower()} event (ACLED convention)")


def infer_actors(article: Article, events: list[Event], country: str | None = None) -> None:
    """Fill actor1 of the events whose clause names no perpetrator, by the rules above; ``country``
    is the article's main country, used where the event's place has none."""
    tied = {kind: tied_mentions(article, events, kind) for kind in ("air", "artillery")}
    for ev in events:
        if ev.event_type in _CROWD and (ev.actor1 is None or ev.actor1.inter != _CROWD[ev.event_type][2]):
            _crowd_first(ev, place_country(ev) or country)
            continue
        if ev.actor1 is not None:
            continue
        kind = weapon_class(ev)
        if kind is not None:
            chosen = _nearest(article, ev, tied[kind])
            rule = f"{kind}-nearest"
            if not chosen:
                chosen, rule = _dominant(tied[kind]), f"{kind}-article"
            if chosen:
                _set_actor1(ev, chosen, rule)
        elif ev.sub_event_type in EXPLOSIVE_SUBTYPES and not ev.claimed_by:
            ev.actor1 = generic_actor("Unidentified Armed Group ({c})", "militia", 3, place_country(ev) or country)
            ev.notes.append("actors: actor1 inferred (unclaimed-explosive): no perpetrator named or claiming")

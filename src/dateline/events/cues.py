"""Context cues that change what an event word means, beyond the word itself.

ACLED codes by what the report tells around the act: a weapon that was found is not a weapon used,
a town entered without resistance changed hands without a fight, a death in a factory explosion is an
accident, protesters who block roads or throw stones make a violent demonstration while police who
disperse a peaceful one make a protest with intervention. Each cue here reads the parse of one
sentence (rarely the one before) and is shared by trigger refinement (detect.py) and typing (build.py).
"""
from __future__ import annotations

from typing import Any

from .lexicon import (
    ATTACK_CONTEXT, CASUALTY_VERBS, DISRUPT_VERBS, HAZARDS, INDUSTRIAL, INTERVENTION_VERBS, INTERVENTION_WORDS,
    LETHAL_WORDS, NOUN_FAMILIES, PROTEST_WORDS, PROTESTERS, RIOT_WORDS, ROAD_WORDS, VERB_FAMILIES,
)

__all__ = ["accident", "at_protest", "disrupted", "previous_words", "protest_subtype", "protesters_violent",
           "without_fight"]

_ACCIDENT_VERBS = {"crash", "collide", "plunge", "overturn", "derail", "capsize", "sink", "collapse", "erupt"}


def accident(tok: Any) -> bool:
    """A death told with its cause, and the cause is an accident or a disaster: "killed when a chemical
    plant exploded", "killed after a volcano erupted", "an earthquake struck, killing two"."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.lemma_.lower() in CASUALTY_VERBS]
    clauses = [c for h in heads for c in h.children if c.dep_ == "advcl"]  # "killed and 20 injured when ..."
    if tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.pos_ == "VERB":
        clauses.append(tok.head)
    for verb in clauses:
        subj = {t.lower_ for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        if verb.lemma_.lower() in _ACCIDENT_VERBS or subj & HAZARDS:
            return True
        if verb.lemma_.lower() in ("explode", "blow", "burst") and subj & INDUSTRIAL and not subj & ATTACK_CONTEXT:
            return True
    return _disaster_sentence(tok.sent)


# hazards that are disasters whatever the sentence says around them ("since the war began" is not one,
# nor a fire or an explosion, which attacks cause too)
_DISASTERS = HAZARDS - {"war", "conflict", "crisis", "uprising", "revolution", "insurgency", "fire", "flames", "smoke",
                        "explosion", "blaze"}


def _disaster_sentence(sent: Any) -> bool:
    """The sentence tells a disaster as something that happened ("a volcano erupted", "earthquakes struck",
    "a fireworks warehouse exploded") and has no word of an attack: its deaths are the disaster's, wherever
    the parser hung the clause that tells it."""
    words = {t.lower_ for t in sent}
    if words & ATTACK_CONTEXT:
        return False
    for verb in (t for t in sent if t.pos_ == "VERB"):
        subj = {t.lower_ for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        lemma = verb.lemma_.lower()
        if subj & _DISASTERS and lemma not in CASUALTY_VERBS | {"kill"}:
            return True
        if lemma in ("explode", "blow", "burst") and subj & INDUSTRIAL:
            return True
    return False


def previous_words(tok: Any) -> set[str]:
    """Words of the sentence before (a "blast" told after "a gas tank exploded" is the same blast)."""
    start = tok.sent.start
    return {t.lower_ for t in tok.doc[start - 1].sent} if start > 0 else set()


def at_protest(tok: Any) -> bool:
    """An arrest of protesters or at a protest ("detained thousands of protesters", "arrested during a rally",
    "detained while trying to hold demonstrations"); not of people who organised one elsewhere."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("during", "at", "amid", "in")) or (
                c.dep_ == "advcl" and any(m.lower_ in ("while", "as") for m in c.children)):
            stack = [c]
            while stack:  # the phrase without its relative clauses ("people who organise protests")
                t = stack.pop()
                words.add(t.lower_)
                stack.extend(x for x in t.children if x.dep_ not in ("relcl", "acl"))
    return bool(words & (PROTEST_WORDS | PROTESTERS | {"protests", "demonstrations", "rallies", "marches"}))


def protest_subtype(sent: Any, protesters_hit: bool) -> tuple[str, str]:
    """ACLED's protest sub-types from what the sentence tells (``protesters_hit``: protesters are the victims):
    demonstrators who fight, throw, burn or block roads make a violent demonstration whatever the police did;
    otherwise protesters killed or badly hurt are excessive force; dispersal, tear gas or arrests are an
    intervention; else the protest was peaceful."""
    if protesters_violent(sent):
        return "Riots", "Violent demonstration"
    crowd = PROTEST_WORDS | PROTESTERS | {"protests", "demonstrations", "rallies", "marches", "protesting"}
    for t in sent:
        if t.dep_ == "relcl":
            continue  # "in Serbia, where 24 people were killed last March": the place's past
        if t.lower_ in _LETHAL_FORCE or (t.lower_ in LETHAL_WORDS or t.lemma_.lower() in LETHAL_WORDS) and any(
                x.lower_ in crowd and x.ent_type_ != "DATE" for x in t.subtree):
            protesters_hit = True  # "live rounds", "killing one protester", "injuries among demonstrators"
    if protesters_hit:
        return "Protests", "Excessive force against protesters"
    if any((t.lower_ in INTERVENTION_WORDS or (t.pos_ == "VERB" and t.lemma_.lower() in INTERVENTION_VERBS
                                                and _acts_on_protest(t)))
           and not any(a.dep_ == "relcl" for a in (t, *t.ancestors)) for t in sent):
        # "his partner, who were trying to arrest him": a relative clause describes someone, not the protest
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


_AMBIGUOUS_FORCE = {"clear", "block", "break", "halt", "chase", "drag"}
_PROTEST_SITES = {"square", "camp", "encampment", "sit-in", "them", "crowd", "crowds", "gathering", "march", "rally"}


def _acts_on_protest(verb: Any) -> bool:
    """"police cleared the square", "blocked the march"; not "a judge cleared the officer"."""
    if verb.lemma_.lower() not in _AMBIGUOUS_FORCE:
        return True
    objects = {t.lower_ for c in verb.children if c.dep_ in ("dobj", "prt", "nsubjpass") for t in c.subtree}
    return bool(objects & (PROTEST_WORDS | PROTESTERS | _PROTEST_SITES | ROAD_WORDS))


_LETHAL_FORCE = {"live", "bullets", "ammunition", "gunfire", "excessive", "brutally", "violently"}
_FORCE_ACTS = {"crackdown", "dispersal", "suppression", "repression", "response", "force", "suppress", "disperse",
               "crack", "attack", "against"}


_DEMONSTRATOR = PROTESTERS | {"protester", "protestor", "demonstrator", "rioter", "youths", "youth"}


_DENOUNCE = {"denounce", "condemn", "decry", "oppose", "protest", "reject", "deplore", "against"}


def _denounced(t: Any) -> bool:
    """The word is what a protest speaks against ("to denounce violence", "against the arrests and violence")."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("dobj", "pobj") and t.head.lemma_.lower() in _DENOUNCE


def protesters_violent(sent: Any) -> bool:
    """Demonstrators fight, throw, burn, storm or block roads in this sentence (ACLED: a violent demonstration)."""
    for t in sent:
        word, lemma = t.lower_, t.lemma_.lower()
        if lemma in ("violent", "violence", "violently") and (t.head.lemma_.lower() in _FORCE_ACTS or any(
                c.lower_ == "against" for c in t.children)):
            continue  # "a violent crackdown", "violence against protesters": the force is the police's
        if lemma in ("violence", "attack", "attacks", "clash", "clashes") and _denounced(t):
            continue  # "marched to denounce violence", "to decry the arrests and violence": the grievance
        if t.i >= 2 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].lower_ == "non" or word.startswith("non-"):
            continue  # "a non-violent demonstration"
        if word in RIOT_WORDS or lemma in RIOT_WORDS:
            return True
        if lemma in ("block", "barricade", "shut") and {x.lower_ for c in t.children if c.dep_ in ("dobj", "prt")
                                                        for x in c.subtree} & ROAD_WORDS:
            return True  # ACLED: road-blocking by demonstrators is a violent demonstration
        if lemma in ("set", "light") and any(c.lower_ in ("fire", "fires", "ablaze") for c in t.subtree):
            return True
        if lemma in ("break", "storm") and any(c.dep_ == "prep" and c.lower_ == "into" for c in t.children):
            return True
        if lemma == "throw" and any(c.dep_ == "prep" and c.lower_ == "at" for c in t.children):
            return True  # "threw bottles at the police"
        if lemma == "throw" and any(c.dep_ == "nsubj" and c.lower_ in _DEMONSTRATOR for c in t.children):
            return True  # "a demonstrator throws a fence into a fire"
    return False


def disrupted(tok: Any) -> bool:
    """A weapon word that is the object of finding, seizing, defusing or destroying ("a cache of rockets was
    found", "seized two landmines and grenades", "the bombs discovered on Wednesday")."""
    t = tok
    for _ in range(8):
        if any(c.dep_ == "acl" and c.lemma_.lower() in DISRUPT_VERBS for c in t.children):
            return True
        head = t.head
        if t.dep_ == "dobj" and head.dep_ == "acl" and head.lemma_.lower() in ("contain", "include", "hold"):
            t = head.head  # "a cache containing grenades was found": climb to the cache
            continue
        if t.dep_ in ("dobj", "nsubjpass"):
            return head.lemma_.lower() in DISRUPT_VERBS or (
                head.lemma_.lower() == "shoot" and any(c.lower_ == "down" for c in head.children))
        if t.dep_ not in ("compound", "conj", "appos", "pobj", "prep", "nmod", "amod", "nummod") or (
                t.dep_ == "prep" and t.lower_ not in ("of", "with")) or t.head.i == t.i:
            return False
        t = t.head
    return False


_NO_FIGHT = {"resistance", "fight", "fighting", "shot", "shots", "gunshot", "clash", "clashes", "bloodshed", "battle",
             "opposition", "violence"}
_NEGATORS = {"without", "no", "not", "n't", "never", "any"}
_WITHDRAWAL = {"withdraw", "withdrawal", "pullout", "pull-out", "vacate", "hand", "handover", "cede"}


def without_fight(sent: Any) -> bool:
    """The sentence says a place changed hands without fighting (ACLED: non-violent transfer of territory):
    "without resistance", "unopposed", or the other side withdrew and no fighting is told."""
    toks = list(sent)
    for k, t in enumerate(toks):
        if t.lower_ in _NO_FIGHT and any(x.lower_ in _NEGATORS for x in toks[max(0, k - 4):k]):
            return True
        if t.lower_ in ("unopposed", "uncontested", "peacefully"):
            return True
    withdrew = any(t.lemma_.lower() in _WITHDRAWAL or (t.lemma_.lower() == "pull" and any(
        c.lower_ in ("out", "back") for c in t.children)) for t in toks)
    fighting = any(VERB_FAMILIES.get(t.lemma_.lower()) in ("clash", "kill", "attack", "shell", "air") or
                   NOUN_FAMILIES.get(t.lemma_.lower()) in ("clash", "kill", "attack", "shell", "air", "explosive")
                   for t in toks)
    return withdrew and not fighting

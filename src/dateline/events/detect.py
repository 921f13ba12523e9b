"""Event detection: from a parsed sentence to event mentions with their roles.

A trigger is a verb or noun from the lexicon. Triggers that hang together in
the parse ("kill ... during battles", "seizing control ... subsequent to
clashes") tell one event; triggers in coordinated clauses ("took over Palmyra
and ... was able to destroy") tell separate ones. For each event mention we
collect, from the parse around its triggers: the acting side, the side acted
on, the places and time expressions in its clause, the people counted, who says
so, and whether it happened at all (modality).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..model import ActorMention, Article, PlaceMention, Span, TimeMention
from .cues import accident, at_protest, disrupted, previous_words, without_fight
from .strategic import refine_strategic as _refine_strategic
from .strategic import takes_territory as _takes_territory
from .mood import days_before as _days_before
from .mood import modality as _modality
from .lexicon import (
    ARMED, ATTACK_CONTEXT, CASUALTY_VERBS, CONTROL_VERBS, CRIME, DISRUPT_VERBS, LEMMA_FIXES, FAMILY_PRIORITY, HAZARDS, INDUSTRIAL,
    LIGHT_VERBS, MOB_ACTORS, NOT_USE_HEADS, NOUN_FAMILIES, PHRASAL, PROTESTERS, PROTEST_WORDS, SPEECH_VERBS,
    TERRITORY_NOUNS, VERB_FAMILIES, WEAPON_FAMILIES, WEAPON_NOUNS,
)

__all__ = ["Trigger", "EventMention", "find_triggers", "group_triggers", "detect"]


@dataclass
class Trigger:
    token: Any  # spaCy Token (the head word)
    family: str
    end: int  # token index after the trigger words

    @property
    def i(self) -> int:
        return self.token.i


@dataclass
class EventMention:
    """One event as told by one clause, before typing and merging."""

    triggers: list[Trigger]
    sentence: Span
    family: str
    agents: list[ActorMention] = field(default_factory=list)
    patients: list[ActorMention] = field(default_factory=list)
    partners: list[ActorMention] = field(default_factory=list)  # "with X", "between X and Y", supporters
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    days_before: int = 0  # "one day after the battles": the event is this many days before the clause's time
    modality: str = "asserted"
    speech: Any = None  # the speech verb that reports it, if any
    claimant: list[ActorMention] = field(default_factory=list)
    attributed_to: str | None = None
    attribution_span: Span | None = None
    tokens: set[int] = field(default_factory=set)  # token indices of the event's clause
    context: list[ActorMention] = field(default_factory=list)  # every actor named in the sentence
    responsibility: bool = False  # "X claimed responsibility for the attack": a claim about an event told


def _family(tok: Any) -> tuple[str, int] | None:
    """The family of a trigger at ``tok`` and the index after its words, or None."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    found: tuple[str, int] | None = None
    for second in ((nxt.lower_, nxt.lemma_.lower()) if nxt is not None else ()):
        if found is None and (tok.lemma_.lower(), second) in PHRASAL:
            found = PHRASAL[(tok.lemma_.lower(), second)], tok.i + 2
    if found is None and nxt is not None and nxt.text == "-" and tok.i + 2 < len(doc):
        # the tokenizer splits "shoot-out", "sit-in", "cease-fire": the hyphenated noun is one trigger
        joined = f"{tok.lower_}-{doc[tok.i + 2].lower_}"
        if joined in NOUN_FAMILIES and doc[tok.i + 2].pos_ in ("NOUN", "PROPN", "ADP", "ADV", "VERB"):
            found = NOUN_FAMILIES[joined], tok.i + 3
    lemma = LEMMA_FIXES.get(tok.lower_, tok.lemma_.lower())
    if tok.pos_ == "ADJ" and tok.lower_.endswith("ed") and any(c.dep_ == "dobj" for c in tok.children):
        # a verb the tagger took for an adjective ("... and torched vehicles"): it has a direct object
        lemma = next((w for w in (tok.lower_[:-2], tok.lower_[:-1], tok.lower_[:-3]) if w in VERB_FAMILIES), lemma)
        verb = lemma in VERB_FAMILIES
    else:
        verb = tok.pos_ == "VERB"
    for prt in (c for c in tok.children if c.i > tok.i + 1 and (
            c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("out", "back")))):
        # "blew himself up", "took the town over", "drove the militants out of the area": after the object
        if found is None and (lemma, prt.lower_) in PHRASAL:
            found = PHRASAL[(lemma, prt.lower_)], tok.i + 1
    if found is None and verb and lemma in CONTROL_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "control" for c in tok.children):
        found = "territory", tok.i + 1  # "took full control of", "wrested control of a camp"
    if found is None and verb and lemma in VERB_FAMILIES:
        found = VERB_FAMILIES[lemma], tok.i + 1
    elif found is None and tok.pos_ in ("NOUN", "PROPN") and (lemma in NOUN_FAMILIES or tok.lower_ in NOUN_FAMILIES):
        found = NOUN_FAMILIES.get(lemma) or NOUN_FAMILIES[tok.lower_], tok.i + 1
    fam = _refine(tok, found[0]) if found else None
    if fam is None and tok.pos_ == "VERB" and tok.lemma_.lower() not in SPEECH_VERBS and any(
            c.dep_ == "nsubj" and c.lower_ in PROTESTERS for c in tok.children):
        return "protest", tok.i + 1  # "protesters poured into the streets", "crowds gathered"
    return (fam, found[1]) if fam and found else None


def _objects(tok: Any) -> set[str]:
    """Lower-cased words of the verb's objects (direct, passive subject, particle phrase, "from"/"of" phrases)."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") or (c.dep_ == "prep" and c.lower_ in ("of", "from")):
            words.update(t.lower_ for t in c.subtree)
        elif c.dep_ == "ccomp" and not any(x.dep_ == "dobj" for x in tok.children):
            # "discovered a large amount of ammunition believed to belong to ...": the parser makes the
            # object the subject of a clause of its own
            words.update(t.lower_ for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree)
    return words


def _not_an_act(tok: Any, fam: str, subject: set[str], sent_words: set[str]) -> bool:
    """The word names, dates, causes or threatens violence, or tells of an accident: no event of ours."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and fam not in WEAPON_FAMILIES:
        return True  # "the Government of National Accord", "the Rapid Support Forces": a name, not an act
    if tok.ent_type_ in ("DATE", "TIME"):
        return True  # "last March"
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and {tok.head.lower_, tok.head.head.lower_} & {
            "because", "wake", "due", "owing"}:
        return True  # "fled because of Boko Haram attacks": the attacks are a cause told, not an event reported
    if _cause_of_a_reaction(tok):
        return True
    if fam in WEAPON_FAMILIES and tok.pos_ in ("NOUN", "PROPN") and (
            tok.dep_ == "compound" and tok.head.lower_ in NOT_USE_HEADS | _TESTS or (
            tok.dep_ == "pobj" and tok.head.head.lower_ in NOT_USE_HEADS | _TESTS)):
        return True  # "the bomb squad", "a bomb threat", "a test of a hydrogen bomb": no weapon was used
    if fam in ("kill", "attack", "clash", "destroy") and (subject & HAZARDS or (fam == "kill" and accident(tok))):
        return True  # "floods killed 66", "killed when a bus plunged off a bridge": a disaster, not violence
    # the gas of a chemical weapon is not the gas of an industrial accident: only other industrial words count
    industrial = INDUSTRIAL - _CHEMICAL_AGENTS if fam == "chemical" else INDUSTRIAL
    if fam in ("explosive", "chemical") and (sent_words | previous_words(tok)) & industrial and not (
            sent_words & _ATTACK_CONTEXT):
        return True  # "a gas explosion at a factory", "a chemical leak": accidents, not attacks
    if fam == "explosive" and ({c.lower_ for c in tok.children if c.dep_ == "conj"} | (
            {tok.head.lower_} if tok.dep_ == "conj" else set())) & HAZARDS:
        return True  # "a multi-vehicle crash and explosion"
    if fam == "riot" and (tok.dep_ in ("compound", "amod") and tok.head.lower_ in _RIOT_EQUIPMENT or (
            tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in _RIOT_EQUIPMENT)):
        return True  # "riot police chased demonstrators": the police's kit, not a riot
    if fam == "destroy" and _destroyed_by_a_hazard(tok, sent_words):
        return True  # "a factory burned in a fire that broke out", "demolished by a fertilizer plant explosion"
    if (fam == "arrest" or (fam == "destroy" and lemma == "steal")) and sent_words & CRIME:
        return True  # ACLED leaves ordinary crime out
    if lemma in ("hit", "target", "strike") and tok.pos_ == "VERB" and not _has_object(tok):
        return True
    if lemma == "barrage" and sent_words & _WATER_WORDS:
        return True  # "water discharged from the barrage": a dam, not an artillery barrage
    if lemma == "steal" and tok.dep_ == "amod":
        return True  # "recovered stolen property": goods described, the theft told elsewhere if at all
    return lemma == "shoot" and any(c.lower_ == "video" for c in tok.children)


# hazards a weapon may also cause: as the agent of a passive they do not make an accident
_MAN_MADE_HAZARDS = {"fire", "fires", "flames", "smoke", "explosion", "blaze", "blazes", "crash", "crashes",
                     "collapse", "fumes", "accident", "accidents"}
_NATURAL_HAZARDS = HAZARDS - _MAN_MADE_HAZARDS
_WATER_WORDS = {"water", "river", "flood", "floods", "flooding", "canal", "discharge", "discharged", "reservoir",
                "dam", "irrigation", "rainfall", "catchment"}

_REACTIONS = {"response", "reaction", "retaliation", "reprisal", "revenge", "answer"}
# what governments do about an event told elsewhere: sanctions, expulsions, condemnation
_DIPLOMATIC = {"sanction", "sanctions", "condemn", "condemnation", "expel", "expulsion", "impose", "summon",
               "recall", "denounce", "censure", "freeze"}


# weapon nouns that name the weapon only as an instrument ("with shells"); alone they may be casings or husks
_INSTRUMENTS = {"shells": "shell", "shell": "shell", "mortars": "shell", "rockets": "shell", "missiles": "shell",
                "grenades": "grenade", "grenade": "grenade", "bombs": "explosive", "explosives": "explosive"}


_BLAST_WORDS = {"explosives", "explosive", "detonated", "detonate", "bomb", "bombs", "blew", "vest", "belt", "device"}


def _suicide_in_phrase(tok: Any) -> bool:
    """"suicide" among the few words before the noun, with no verb between them."""
    window = list(tok.doc[max(tok.sent.start, tok.i - 6) : tok.i])
    at = [k for k, t in enumerate(window) if t.lower_ == "suicide"]
    return bool(at) and not any(t.pos_ in ("VERB", "AUX") for t in window[at[-1] + 1 :])


def _firer(tok: Any) -> set[str]:
    """Words of who fired a weapon noun: "Israeli warplanes fired a missile", "missiles fired by Saudi jets"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return set()
    obj, verb = _object_of(tok)  # through quantity phrases: "fired a number of missiles"
    if verb.pos_ != "VERB" or obj.dep_ not in ("dobj", "nsubjpass"):
        return set()
    return {t.lower_ for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}


def _instrument(verb: Any) -> str | None:
    """The weapon family of "with X" after an attack verb, if X is a weapon."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for x in c.children:
                if x.dep_ != "pobj":
                    continue
                fam = _INSTRUMENTS.get(x.lower_) or NOUN_FAMILIES.get(x.lemma_.lower())
                if fam in WEAPON_FAMILIES:
                    return fam
    return None


_TESTS = {"test", "tests", "testing", "trial", "trials"}  # "ballistic missile tests": no target, no event
_CHEMICAL_AGENTS = {"gas", "chemical", "chemicals"}  # a chemical weapon's own words, not an industrial setting
_RIOT_EQUIPMENT = {"police", "policemen", "officers", "gear", "squad", "squads", "shields", "shield", "control",
                   "unit", "units", "troops", "vehicles", "helmets"}
_DESTROYING_HAZARDS = HAZARDS | {"fires", "explosions", "blasts", "blast", "wildfires"}
_DELIBERATE = {"set", "arson", "arsonists", "torched", "attackers", "militants", "gunmen", "rioters", "protesters",
               "mob", "deliberately"}


def _destroyed_by_a_hazard(tok: Any, sent_words: set[str]) -> bool:
    """Property destroyed by a fire, flood or industrial blast that nobody is said to have caused on purpose."""
    if sent_words & (ATTACK_CONTEXT | _DELIBERATE):
        return False
    cause = {t.lower_ for c in tok.children if c.dep_ in ("nsubj", "agent") or (
        c.dep_ == "prep" and c.lower_ in ("in", "by")) for t in c.subtree}
    return bool(cause & _DESTROYING_HAZARDS)


def _cause_of_a_reaction(tok: Any) -> bool:
    """"sanctions in response to its chemical attack", "diplomats expelled after a nerve agent attack":
    the attack is the cause of the reaction the sentence reports, an event told before, not one reported."""
    while tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:  # "chemical weapons attack", "nerve agent attack"
        tok = tok.head
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return False
    prep, gov = tok.head, tok.head.head
    if prep.lower_ in ("to", "for") and gov.lemma_.lower() in _REACTIONS:
        return True
    return prep.lower_ in ("over", "after", "for") and gov.lemma_.lower() in _DIPLOMATIC


def _refine(tok: Any, fam: str) -> str | None:
    """Context that changes or cancels what a trigger word means."""
    lemma = tok.lemma_.lower()
    sent_words = {t.lower_ for t in tok.sent}
    objects = _objects(tok) if tok.pos_ == "VERB" else set()
    subject = {t.lower_ for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    # the agent of a passive, when a natural hazard ("a town hit by an earthquake"; not "killed by sniper fire")
    agents = {x.lower_ for c in tok.children if c.dep_ == "agent" for x in c.children if x.dep_ == "pobj"}
    if agents & _NATURAL_HAZARDS:
        return None
    if _not_an_act(tok, fam, subject, sent_words):
        return None
    if fam == "destroy" and objects & {"himself", "herself", "themselves"}:
        return "suicide"  # "blew himself up"
    if fam in WEAPON_FAMILIES and tok.pos_ in ("NOUN", "PROPN") and disrupted(tok):
        return "disrupt"  # "seized grenades and rifles": the weapon is what was taken, not what was used
    if fam in ("explosive", "attack") and any(t.lower_ == "suicide" for t in tok.lefts):
        return "suicide"  # "a suicide car bomb attack", "a suicide truck bombing"
    if fam == "explosive" and tok.pos_ == "VERB" and "suicide" in objects:
        return "suicide"  # "detonated a suicide vest"
    if fam == "explosive" and tok.pos_ in ("NOUN", "PROPN") and _suicide_in_phrase(tok):
        return "suicide"  # "a suicide vehicle-borne improvised explosive device": the word stands a few words off
    if fam == "kill" and objects & {"himself", "herself", "themselves"} and sent_words & _BLAST_WORDS:
        return "suicide"  # "detonated explosives, killing themselves"
    if fam == "explosive" and lemma == "bomber" and subject & _AIRCRAFT:
        return "air"
    if tok.pos_ == "VERB" and lemma in DISRUPT_VERBS and objects & WEAPON_NOUNS and not subject & _AIRCRAFT and not (
            fam == "territory" and "control" in objects):
        return "disrupt"  # "seized weapons and ammunition", "destroyed 300 mines": weapons taken out of use
    if fam == "territory" and tok.pos_ == "VERB" and not _takes_territory(tok):
        return None
    if fam == "territory" and lemma == "enter" and not without_fight(tok.sent):
        return None  # entering a town is taking it only when told as unopposed; else it is movement or a raid
    if fam == "territory" and without_fight(tok.sent):
        return "transfer"  # "entered the town without resistance", "took Marka after the army withdrew"
    if fam == "territory" and tok.pos_ == "NOUN":
        of = {t for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
        if not any(t.pos_ == "PROPN" or t.lower_ in TERRITORY_NOUNS for t in of):
            return None  # "the seizure of the town", not "a seizure of fake notes"
    if fam in ("attack", "kill", "destroy") and tok.pos_ == "VERB":
        weapon = _instrument(tok)
        if weapon is not None:
            fam = weapon  # "attacked the hotel with shells", "killed them with a car bomb": the weapon types it
    if fam in ("shell", "attack", "kill", "explosive", "destroy") and (subject | objects | _firer(tok) | {
            t.lower_ for t in tok.children if t.dep_ in ("amod", "compound", "poss")}) & _AIRCRAFT:
        return "air"  # "warplanes pounded the village", "Israeli jets fired a missile"
    if lemma in ("suppress", "disperse", "crack") and ({t.lower_ for t in tok.subtree} & _PROTEST_WORDS):
        return "protest"  # the protest is the event; the suppression types it (typing)
    if fam == "arrest" and at_protest(tok):
        return "protest"  # "police detained protesters", "detained during a rally": ACLED's protest with intervention
    actor_words = {t.lower_ for c in tok.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    if fam in ("kill", "attack", "clash", "execute", "destroy") and actor_words & MOB_ACTORS:
        return "mob"  # "villagers lynched a thief", "an angry mob vandalised temples", "murdered by vigilantes"
    if fam in ("disrupt", "base", "transfer", "agreement", "change"):
        return _refine_strategic(tok, fam, objects, subject, sent_words)
    return fam


# "two were killed and 15 injured as forces attacked": the injuries join the killing's clause
_AIRCRAFT = {"warplanes", "warplane", "jets", "jet", "aircraft", "planes", "helicopters", "helicopter", "drones",
             "drone", "bombers", "gunships", "air"}
_PROTEST_WORDS = PROTEST_WORDS
_CASUALTY_VERBS = CASUALTY_VERBS
_ATTACK_CONTEXT = ATTACK_CONTEXT


def _has_object(tok: Any) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass", "prep") for c in tok.children) or tok.dep_ == "amod"


def find_triggers(sent: Any) -> list[Trigger]:
    out: list[Trigger] = []
    skip_until = -1
    for tok in sent:
        if tok.i < skip_until:
            continue
        found = _family(tok)
        if found is None:
            continue
        fam, end = found
        # "suicide bombing": the compound noun carries the meaning; the head is the trigger word
        if end - tok.i == 2 and tok.doc[tok.i + 1].pos_ in ("NOUN", "PROPN") and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            out.append(Trigger(tok.doc[tok.i + 1], fam, end))
        elif end - tok.i == 3 and tok.doc[tok.i + 1].text == "-":
            out.append(Trigger(tok.doc[tok.i + 2], fam, end))  # "shoot-out": its last part heads the phrase
        else:
            out.append(Trigger(tok, fam, end))
        skip_until = end
    return out


# Links inside one event's clause. Relative clauses are left out: "killed three gunmen who had tried to
# enter the hotel after the explosion" describes the gunmen with another event.
_LINK_DEPS = {"prep", "pobj", "advcl", "xcomp", "acl", "dobj", "pcomp", "npadvmod", "nsubj", "nsubjpass",
              "amod", "compound", "agent", "acomp", "appos", "advmod"}


def _linked(a: Any, b: Any) -> bool:
    """b hangs from a through modifier links, without crossing a coordinated clause or a speech verb."""
    t = b
    while t.i != t.head.i:
        casualty_conj = t.dep_ == "conj" and t.lemma_.lower() in _CASUALTY_VERBS
        if t.dep_ not in _LINK_DEPS and not casualty_conj:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in ("after", "before", "since", "following"):
            return False  # "days after a chemical attack": a reference point, another event
        t = t.head
        if t.i == a.i:
            return True
        if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB":
            return False
    return False


def _predicate(tok: Any) -> Any:
    """The verb whose clause ``tok`` belongs to: climb modifier links up to a clause head."""
    t = tok
    while t.head.i != t.i and (t.dep_ in _LINK_DEPS or (t.dep_ == "conj" and t.lemma_.lower() in _CASUALTY_VERBS)) \
            and not (t.pos_ in ("VERB", "AUX") and t.dep_ in ("advcl", "xcomp", "relcl", "acl") and t is not tok):
        t = t.head
    return t


def _together(a: Any, b: Any) -> bool:
    """Two triggers tell one event: one hangs from the other, or both are parts of one clause
    ("a suicide bomber blew himself up, killing 16": subject and adverbial of one verb)."""
    if _linked(a, b) or _linked(b, a):
        return True
    pa, pb = _predicate(a), _predicate(b)
    return pa.i == pb.i and pa.lemma_.lower() not in SPEECH_VERBS


def group_triggers(triggers: list[Trigger]) -> list[list[Trigger]]:
    groups: list[list[Trigger]] = []
    for trig in triggers:
        for g in groups:
            if any(_together(o.token, trig.token) for o in g):
                g.append(trig)
                break
        else:
            groups.append([trig])
    groups = _fold_fighting(groups)
    # "six were killed and 23 injured in grenade attacks": a death told without its own perpetrator belongs to
    # the weapon told in the same sentence, even where the parser loses the link between them
    weapon = next((g for g in groups if any(t.family in WEAPON_FAMILIES for t in g)), None)
    if weapon is None:
        return groups
    bare = [g for g in groups if all(t.family == "kill" and _bare_casualty(t.token) for t in g)]
    for g in bare:
        weapon.extend(g)
    return [g for g in groups if not any(g is b for b in bare)]


def _fold_fighting(groups: list[list[Trigger]]) -> list[list[Trigger]]:
    """ACLED codes a place taken through fighting as the territorial event, not as a clash beside it:
    "troops pushed in, clashing with insurgents and capturing a village" is one event, the capture."""
    territory = next((g for g in groups if any(_takes_place(t) for t in g)), None)
    if territory is None:
        return groups
    fights = [g for g in groups if g is not territory and all(t.family == "clash" for t in g)]
    for g in fights:
        territory.extend(g)
    return [g for g in groups if not any(g is f for f in fights)]


def _takes_place(trig: Trigger) -> bool:
    """A place taken, not aimed at ("an attack to capture") nor only approached ("forces advancing on")."""
    return trig.family == "territory" and not _purpose(trig.token) and trig.token.lemma_.lower() != "advance"


def _purpose(tok: Any) -> bool:
    """"an attack to capture the positions": the infinitive tells the aim, not what happened."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _bare_casualty(tok: Any) -> bool:
    """"were killed" with no "by ...": a count of the dead, not an act of its own."""
    kids = {c.dep_ for c in tok.children}
    return "auxpass" in kids and "agent" not in kids


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _head_family(group: list[Trigger]) -> str:
    """A weapon word decides ("blew himself up, killing" is a suicide bombing); otherwise the trigger
    highest in the parse does ("seized weapons during the raids" is a seizure of weapons)."""
    weapons = [t.family for t in group if t.family in WEAPON_FAMILIES]
    taken = [t for t in group if _takes_place(t)]
    if weapons and taken and min(_depth(t.token) for t in taken) < min(
            _depth(t.token) for t in group if t.family in WEAPON_FAMILIES):
        return "territory"  # "seized a district centre, while a bomb killed five": the place taken governs
    if weapons:
        return min(weapons, key=FAMILY_PRIORITY.index)
    families = {t.family for t in group}
    if "abduct" in families and families <= {"abduct", "attack", "clash"}:
        return "abduct"  # "gunmen attacked the staff quarters, abducting a woman": no one killed, the taking counts
    if taken and families <= {"territory", "clash", "kill", "attack"}:
        return "territory"  # "took control of the town in fierce clashes": the fighting is how it was taken
    return min(group, key=lambda t: (t.family == "territory" and _purpose(t.token), _depth(t.token),
                                     FAMILY_PRIORITY.index(t.family))).family


def _clause_tokens(group: list[Trigger]) -> set[int]:
    """Tokens of the triggers' subtrees, plus the subject of a light verb governing a noun trigger."""
    out: set[int] = set()
    for trig in group:
        out.update(t.i for t in trig.token.subtree)
        head = trig.token.head
        if trig.token.dep_ in ("dobj", "nsubj", "pobj") and head.lemma_.lower() in LIGHT_VERBS:
            out.update(t.i for c in head.children if c.dep_ in ("nsubj", "prep", "npadvmod") for t in c.subtree)
    return out


def _mentions_in(items: Iterable[Any], doc: Any, token_ids: set[int]) -> list[Any]:
    """Mentions (with .span) whose first character falls on one of the tokens."""
    out = []
    for m in items:
        tok = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if tok is not None and any(t.i in token_ids for t in tok):
            out.append(m)
    return out


def _actor_at(article: Article, doc: Any, tokens: Iterable[Any]) -> list[ActorMention]:
    ids = {t.i for t in tokens}
    return _mentions_in(article.actors, doc, ids)


# verbs that deliver a weapon from a craft or a launcher
_DELIVERY = {"drop", "fire", "launch", "shoot"}
# families of the nouns whose modifiers name who made the attack ("in Syrian regime bombing")
_MEANS_FAMILIES = WEAPON_FAMILIES | {"attack"}


def _doers_of_the_means(article: Article, doc: Any, prep: Any) -> list[ActorMention]:
    """"killed in Syrian regime and Russian bombing", "in heavy Russian strikes": the attack noun's own
    modifiers name who made it (not "in an attack on civilians": only words up to the noun count)."""
    for x in prep.subtree:
        if x.pos_ == "NOUN" and (x.lower_ in ("strikes", "strike", "raids", "raid") or (
                NOUN_FAMILIES.get(x.lemma_.lower()) or NOUN_FAMILIES.get(x.lower_)) in _MEANS_FAMILIES):
            return _actor_at(article, doc, [t for t in prep.subtree if t.i <= x.i])
    return []


def _subject_of(verb: Any) -> list[Any]:
    """Subject tokens of a verb, climbing xcomp/acomp/advcl/conj chains ("were able to kill")."""
    t = verb
    for _ in range(6):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
        if subj:  # the nearest, when a dateline's place was parsed as a second subject
            return list(min(subj, key=lambda c: abs(t.i - c.i)).subtree)
        agent = [c for c in t.children if c.dep_ == "agent"]
        if agent:
            return list(agent[0].subtree)
        if t.dep_ == "pcomp" and t.head.lower_ in ("by", "after", "while", "before") and t.head.head.pos_ == "VERB":
            t = t.head.head  # "achieved a victory by controlling the area": the doer of the main verb
            continue
        if t.dep_ in ("xcomp", "acomp", "advcl", "conj", "ccomp", "relcl", "acl") and t.head.i != t.i:
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH_VERBS:
                return []
            if t.dep_ == "acl" and any(c.dep_ == "dobj" for c in t.children) and not any(
                    c.dep_ == "auxpass" for c in t.children):
                # "Syrian air force strikes killed 70 people" parsed as a reduced relative: the noun is the doer
                return [x for x in t.head.subtree if x.i < t.i]
            if t.dep_ in ("relcl", "acl"):
                return [t.head] if t.dep_ == "relcl" else []
            t = t.head
            continue
        break
    return []


def _roles(article: Article, em: EventMention) -> None:
    doc = article.doc
    head = em.triggers[0].token
    for trig in em.triggers:
        tok = trig.token
        if tok.pos_ == "VERB":
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            for c in tok.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    em.patients += _actor_at(article, doc, c.subtree)
                elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and (passive or tok.tag_ == "VBG")):
                    # "shelling by the regime": a gerund the parser took for a verb keeps its "by" agent
                    em.agents += _actor_at(article, doc, c.subtree)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at"):
                    em.patients += _actor_at(article, doc, c.subtree)
                elif c.dep_ == "prep" and c.lower_ in ("with", "between"):
                    em.partners += _actor_at(article, doc, c.subtree)
                elif c.dep_ == "prep" and c.lower_ in ("in", "during") and passive:
                    em.agents += _doers_of_the_means(article, doc, c)
            if not passive:
                subject = _subject_of(tok)
                found = _actor_at(article, doc, subject)
                if not found and len(subject) == 1 and subject[0].lower_ in ("it", "they"):
                    found = _antecedent(article, subject[0].idx)
                em.agents += found
        else:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("between", "with", "among"):
                    em.partners += _actor_at(article, doc, c.subtree)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting", "at"):
                    em.patients += _actor_at(article, doc, c.subtree)
                elif c.dep_ == "prep" and c.lower_ == "by":
                    em.agents += _actor_at(article, doc, c.subtree)
                elif c.dep_ in ("poss", "compound", "amod", "nmod"):
                    em.agents += _actor_at(article, doc, c.subtree)
                elif c.dep_ == "acl" and c.pos_ == "VERB":
                    # "a missile fired by Syrian forces", "attacks carried out by the air force",
                    # "barrel bombs dropped from regime helicopters"
                    em.agents += [m for a in c.children if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")
                                  or (a.dep_ == "prep" and a.lower_ == "from" and c.lemma_.lower() in _DELIVERY)
                                  for m in _actor_at(article, doc, a.subtree)]
            if (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _DELIVERY
                    and trig.family in WEAPON_FAMILIES):
                # "barrel bombs dropped from regime helicopters killed ...": the craft they came from flies them
                em.agents += [m for a in tok.head.children if a.dep_ == "prep" and a.lower_ == "from"
                              for m in _actor_at(article, doc, a.subtree)]
            obj, gov = _object_of(tok)
            weapon_object = trig.family in WEAPON_FAMILIES and obj.dep_ in ("dobj", "pobj") and gov.pos_ == "VERB"
            if obj.dep_ in ("dobj", "attr", "pobj") and (gov.lemma_.lower() in LIGHT_VERBS | VERB_FAMILIES.keys()
                                                         or weapon_object):
                # "helicopters dropped barrel bombs", "rebels fired rockets": who uses the weapon acts
                em.agents += _actor_at(article, doc, _subject_of(gov))
            elif tok.dep_ == "nsubj" and gov.pos_ == "VERB" and trig.family == "clash":
                # "clashes broke out between police and protesters": the sides hang from the verb
                em.partners += [m for c in gov.children if c.dep_ == "prep" and c.lower_ in ("between", "with")
                                for m in _actor_at(article, doc, c.subtree)]
    # supporters: "with the support of Russian warplanes", "backed by", "supported by"
    for t in (x for trig in em.triggers for x in trig.token.subtree):
        if t.lemma_.lower() in ("support", "back", "cover", "help", "aid") and t.i in em.tokens:
            em.partners += [m for m in _actor_at(article, doc, t.subtree) if m not in em.agents]
    if not em.agents and em.family in WEAPON_FAMILIES:
        em.agents += _just_before(article, doc, head)
    _dedupe_roles(em)
    if not em.agents and head.pos_ == "NOUN" and em.partners:
        # "battles between ISIS and the army": the first named side acts
        em.agents, em.partners = em.partners[:1], em.partners[1:]


def _object_of(tok: Any) -> tuple[Any, Any]:
    """The phrase a noun trigger stands in, and what governs it, through quantity and instrument phrases:
    "carried out a total of 18 airstrikes", "a wave of air strikes", "targeted a funeral with mortars"."""
    t = tok
    for _ in range(3):
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "NUM"):
            t = t.head.head  # "a series of raids": the series is what was carried out
        elif t.dep_ == "pobj" and t.head.lower_ in ("with", "using") and t.head.head.pos_ == "VERB":
            return t, t.head.head  # the instrument of the verb: its subject used it
        else:
            break
    return t, t.head


_WEAPON_MODIFIERS = {"air", "barrel", "artillery", "rocket", "missile", "mortar", "heavy", "intense", "-", "aerial"}


def _just_before(article: Article, doc: Any, trigger: Any) -> list[ActorMention]:
    """An armed actor written right before a weapon word is its user, whatever the parse says
    ("Syrian government shelling", "Russian air strikes"); only modifiers of the weapon may stand between."""
    i = trigger.i - 1
    while i >= trigger.sent.start and doc[i].lower_ in _WEAPON_MODIFIERS:
        i -= 1
    if i < trigger.sent.start:
        return []
    end = doc[i].idx + len(doc[i])
    return [m for m in article.actors if m.span.end == end and m.actor.inter in ARMED][:1]


def _antecedent(article: Article, offset: int) -> list[ActorMention]:
    """"it"/"they" as the subject of an act: the last named armed group or force before it."""
    window = offset - 400
    for m in reversed(article.actors):
        if window <= m.span.start < offset and m.actor.inter in ARMED and not m.generic:
            return [m]
    return []


def _dedupe_roles(em: EventMention) -> None:
    seen: set[tuple[int, str]] = set()
    for name in ("agents", "patients", "partners"):
        kept = []
        for m in getattr(em, name):
            key = (m.span.start, m.actor.name)
            if key not in seen:
                seen.add(key)
                kept.append(m)
        setattr(em, name, kept)


def _speech(article: Article, em: EventMention) -> None:
    """Who says so: the subject of a governing speech verb, or "according to X"."""
    doc = article.doc
    head = em.triggers[0].token
    t = head
    speech = em.speech
    for _ in range(6):
        if speech is not None or t.head.i == t.i:
            break
        if t.dep_ in ("ccomp", "xcomp", "advcl", "conj") and t.head.lemma_.lower() in SPEECH_VERBS:
            speech = t.head
            break
        t = t.head
    sent = head.sent
    if speech is not None:
        subj = [c for c in speech.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            toks = list(subj[0].subtree)
            em.claimant = _actor_at(article, doc, toks)
            em.attributed_to = doc[toks[0].i : toks[-1].i + 1].text
            em.attribution_span = article.span(doc[toks[0].i].idx, doc[toks[-1].i].idx + len(doc[toks[-1].i]))
        em.speech = speech
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if obj:
                toks = list(obj[0].subtree)
                em.attributed_to = em.attributed_to or doc[toks[0].i : toks[-1].i + 1].text
                em.attribution_span = em.attribution_span or article.span(
                    doc[toks[0].i].idx, doc[toks[-1].i].idx + len(doc[toks[-1].i])
                )


_CLAIM_RESPONSIBILITY = {"claim", "take", "accept", "assume", "bear", "admit"}


def _responsibility(article: Article, em: EventMention) -> None:
    """"Al-Shabaab claimed responsibility for the attack": who claims it, for an event the article tells."""
    for trig in em.triggers:
        t = trig.token
        if not (t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in ("responsibility",
                                                                                                  "credit")):
            continue
        verb = t.head.head.head
        if verb.lemma_.lower() not in _CLAIM_RESPONSIBILITY or verb.pos_ != "VERB":
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj:
            continue
        toks = list(subj[0].subtree)
        found = _actor_at(article, article.doc, toks)
        if not found and subj[0].lower_ in ("it", "they", "the group"):
            found = _antecedent(article, subj[0].idx)
        if found:
            em.responsibility, em.claimant, em.speech = True, found, verb
            doc = article.doc
            em.attributed_to = doc[toks[0].i : toks[-1].i + 1].text
            em.attribution_span = article.span(doc[toks[0].i].idx, doc[toks[-1].i].idx + len(doc[toks[-1].i]))
            return


def _sides_of_a_clash(em: EventMention) -> None:
    """"Protesters lit fires as police fired tear gas during clashes": a clash whose words name no side
    is fought by the armed or demonstrating parties the sentence names, when it names two."""
    if em.family != "clash" or em.agents or em.patients or em.partners:
        return
    sides: list[ActorMention] = []
    for m in em.context:
        if m.actor.inter in (1, 2, 3, 4, 5, 6) and all(m.actor.name != s.actor.name for s in sides):
            sides.append(m)
    if len(sides) == 2:
        em.agents, em.partners = sides[:1], sides[1:]


def detect(article: Article) -> list[EventMention]:
    """Event mentions of an article, one per group of linked triggers."""
    doc = article.doc
    out: list[EventMention] = []
    for sent_span in article.sentences:
        sent = doc.char_span(sent_span.start, sent_span.end, alignment_mode="expand")
        if sent is None:
            continue
        for group in group_triggers(find_triggers(sent)):
            family = _head_family(group)
            group.sort(key=lambda t: (t.family != family, FAMILY_PRIORITY.index(t.family)))
            em = EventMention(group, sent_span, family)
            em.tokens = _clause_tokens(group)
            _roles(article, em)
            _modality(em)
            _speech(article, em)
            _responsibility(article, em)
            _days_before(em)
            em.context = _mentions_in(article.actors, doc, set(range(sent.start, sent.end)))
            _sides_of_a_clash(em)
            em.places = _mentions_in(article.places, doc, em.tokens)
            em.times = _mentions_in(article.times, doc, em.tokens)
            out.append(em)
    return out

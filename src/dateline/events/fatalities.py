"""Counting the dead: numbers attached to the victims of a killing.

ACLED's rule: the most conservative reported figure is the best estimate;
vague words get the conservative counts coders use ("dozens" = 12).
"""
from __future__ import annotations

from typing import Any

__all__ = ["count_of", "count_phrase", "victim_count", "toll_in", "injured_count", "WORD_NUMBERS", "VAGUE", "UNITS"]

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "single": 1,
}
# vague quantities -> (low, best, high)
VAGUE = {
    "several": (3, 3, 9), "few": (2, 3, 5), "many": (3, 10, 50), "dozens": (12, 12, 99), "dozen": (12, 12, 12),
    "scores": (20, 20, 99), "hundreds": (100, 100, 999), "numerous": (3, 10, 50),
}
_KILL_WORDS = {"claim", "kill", "execute", "behead", "massacre", "slaughter", "murder", "assassinate", "slay", "die",
               "dead", "death", "lynch", "shoot"}


def _num(tok: Any) -> int | None:
    text = tok.text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    return WORD_NUMBERS.get(text)


def count_of(noun: Any) -> tuple[int, int, int] | None:
    """(low, best, high) people counted by a noun phrase headed by ``noun``, or None."""
    low = high = None
    at_least = more_than = up_to = False
    for c in noun.children:
        if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.lower_ in VAGUE):
            if c.lower_ in VAGUE:
                return VAGUE[c.lower_]
            n = _num(c)
            if n is not None:
                low = high = n
                for q in c.children:
                    w = q.lower_
                    at_least |= w in ("least", "minimum")
                    more_than |= w in ("more", "over", "than")
                    up_to |= w in ("up", "nearly", "almost")
        elif c.dep_ == "det" and c.lower_ in ("a", "an", "one") and noun.tag_ in ("NN", "NNP"):
            low = high = 1
        elif c.dep_ == "poss" and noun.tag_ == "NN" and noun.lower_ in _PERSON_NOUNS:
            low = high = 1  # "their mother", "his brother"
    if noun.lower_ in VAGUE:
        return VAGUE[noun.lower_]
    if low is None and noun.like_num and _num(noun) is not None:
        low = high = _num(noun)  # a bare number ("more than 40 were wounded") carries its own modifiers
        for q in noun.children:
            at_least |= q.lower_ in ("least", "minimum")
            more_than |= q.lower_ in ("more", "over", "than")
            up_to |= q.lower_ in ("up", "nearly", "almost")
    if low is None:
        return None
    if more_than:
        return (low + 1, low + 1, low * 2)
    if up_to:
        return (1, low, low)
    return (low, low, high if not at_least else low * 2)


_PERSON_NOUNS = {"mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "child", "baby",
                 "man", "woman", "boy", "girl", "adviser", "advisor", "officer", "soldier", "commander", "leader",
                 "journalist", "doctor", "teacher", "student", "driver", "guard", "policeman", "civilian",
                 "fighter", "militant", "bomber", "attacker", "imam", "priest", "judge", "official", "worker"}
UNITS = {
    "civilian": "civilians", "civilians": "civilians", "people": "civilians", "persons": "civilians",
    "residents": "civilians", "villagers": "civilians", "worshippers": "civilians", "passengers": "civilians",
    "child": "children", "children": "children", "boy": "children", "boys": "children", "girl": "children",
    "girls": "children", "baby": "children", "babies": "children", "woman": "women", "women": "women",
    "mother": "women", "soldier": "soldiers", "soldiers": "soldiers", "troops": "soldiers", "policeman": "soldiers",
    "policemen": "soldiers", "officers": "soldiers", "fighters": "fighters", "fighter": "fighters",
    "militants": "fighters", "militant": "fighters", "rebels": "fighters", "insurgents": "fighters",
    "jihadists": "fighters", "gunmen": "fighters", "attackers": "fighters", "bomber": "perpetrators",
    "bombers": "perpetrators",
}


def count_phrase(noun: Any) -> tuple[tuple[int, int, int], dict[str, int]] | None:
    """The count of a victims phrase, conjuncts added up ("two children and their mother" = 3),
    with a breakdown by who they were; "including six children" adds to the breakdown, not the total."""
    parts = [noun, *noun.conjuncts]
    total = [0, 0, 0]
    breakdown: dict[str, int] = {}
    found = False
    for part in parts:
        counted = count_of(part)
        if counted is None:
            continue
        found = True
        total = [t + c for t, c in zip(total, counted)]
        unit = UNITS.get(part.lower_)
        if unit:
            breakdown[unit] = breakdown.get(unit, 0) + counted[1]
    if not found:
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("including", "among")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            inner = count_of(obj)
            unit = UNITS.get(obj.lower_)
            if inner and unit:
                breakdown[unit] = breakdown.get(unit, 0) + inner[1]
    return (total[0], total[1], total[2]), breakdown


def _kill_objects(tok: Any) -> list[Any]:
    """Victims of a kill verb: its object or passive subject, or the noun a participle describes
    ("22 people killed in air strikes")."""
    found = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not found and tok.dep_ == "acl" and tok.tag_ == "VBN":
        found = [tok.head]
    return found


def victim_count(trigger: Any) -> tuple[tuple[int, int, int], Any, dict[str, int]] | None:
    """People killed by the act at ``trigger`` (a spaCy token), the token that counts them, and who they were."""
    candidates = []
    if trigger.lemma_.lower() in _KILL_WORDS:
        candidates += _kill_objects(trigger)
    # "16 people were killed in the airstrike": the victims hang from the kill verb that governs the noun
    head = trigger.head
    for _ in range(3):
        if head.lemma_.lower() in _KILL_WORDS:
            candidates += _kill_objects(head)
            break
        if head.i == head.head.i:
            break
        head = head.head
    # "an airstrike killed 12", "the attack left 5 dead": the event noun is the subject
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in _KILL_WORDS | {"leave"}:
        candidates += [c for c in trigger.head.children if c.dep_ in ("dobj", "ccomp", "oprd")]
    # verbs of killing elsewhere in the clause: "... killing at least 16 people"
    candidates += [t for k in trigger.subtree if k.lemma_.lower() in _KILL_WORDS and k.i != trigger.i
                   for t in _kill_objects(k)]
    for noun in candidates:
        counted = count_phrase(noun)
        if counted:
            return counted[0], noun, counted[1]
    return toll_in(trigger.sent)


def toll_in(sent: Any) -> tuple[tuple[int, int, int], Any, dict[str, int]] | None:
    """"the death toll rose to 17", "the toll stood at 9": the last toll in the sentence wins."""
    found = None
    for tok in sent:
        if tok.lemma_.lower() != "toll":
            continue
        for t in tok.head.subtree if tok.dep_ in ("nsubj", "nsubjpass") else tok.subtree:
            if t.like_num and t.i > tok.i:
                counted = count_of(t) or (count_of(t.head) if t.dep_ == "nummod" else None)
                n = _num(t)
                if n is not None:
                    found = ((counted or (n, n, n)), t, {})
    return found


def injured_count(sent: Any) -> int | None:
    """People wounded in the sentence ("15 injured", "wounding dozens"): never counted as deaths."""
    total = None
    for tok in sent:
        if tok.lemma_.lower() not in ("injure", "wound", "hurt"):
            continue
        nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ in ("conj", "amod") and not nouns:
            nouns = [c for c in tok.children if c.like_num] or ([tok.head] if tok.head.like_num else [])
        nummods = [c for c in tok.children if c.dep_ == "nummod" or (c.like_num and c.i < tok.i)]
        for noun in nouns + nummods:
            counted = count_phrase(noun)
            if counted and counted[0][1]:
                total = (total or 0) + counted[0][1]
                break
    return total

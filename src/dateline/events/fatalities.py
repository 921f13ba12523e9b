"""Counting the dead: numbers attached to the victims of a killing.

ACLED's rule: the most conservative reported figure is the best estimate;
vague words get the conservative counts coders use ("dozens" = 12).
"""
from __future__ import annotations

from typing import Any

__all__ = ["count_of", "victim_count", "WORD_NUMBERS", "VAGUE"]

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
_KILL_WORDS = {"kill", "execute", "behead", "massacre", "slaughter", "murder", "assassinate", "slay", "die",
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
        elif c.dep_ == "det" and c.lower_ in ("a", "an") and noun.tag_ in ("NN", "NNP"):
            low = high = 1
    if noun.lower_ in VAGUE:
        return VAGUE[noun.lower_]
    if low is None and noun.like_num and _num(noun) is not None:
        low = high = _num(noun)
    if low is None:
        return None
    if more_than:
        return (low + 1, low + 1, low * 2)
    if up_to:
        return (1, low, low)
    return (low, low, high if not at_least else low * 2)


def victim_count(trigger: Any) -> tuple[tuple[int, int, int], Any] | None:
    """People killed by the act at ``trigger`` (a spaCy token), with the token that counts them."""
    candidates = []
    lemma = trigger.lemma_.lower()
    if lemma in _KILL_WORDS:
        candidates += [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    # "16 people were killed in the airstrike": the victims hang from the kill verb that governs the noun
    head = trigger.head
    for _ in range(3):
        if head.lemma_.lower() in _KILL_WORDS:
            candidates += [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            break
        if head.i == head.head.i:
            break
        head = head.head
    # "an airstrike killed 12": the event noun is the subject of "kill"
    for c in trigger.head.children if trigger.dep_ == "nsubj" else []:
        if c.dep_ == "dobj" and trigger.head.lemma_.lower() in _KILL_WORDS:
            candidates.append(c)
    for noun in candidates:
        counted = count_of(noun)
        if counted:
            return counted, noun
        for conj in noun.conjuncts:
            counted = count_of(conj)
            if counted:
                return counted, conj
    return None

"""Whether an event mention happened, and when relative to its clause: modality and "N days after".

Split from :mod:`dateline.events.detect`, which finds the triggers and roles; these
functions read only the parse path above an event's first trigger. ``modality``
sets ``em.modality`` (negated, hypothetical, future, denied; asserted is the
default) and may note the governing speech verb in ``em.speech``; ``days_before``
sets ``em.days_before`` for "one day after fierce battles".
"""
from __future__ import annotations

from typing import Any

from .lexicon import IRREALIS_AUX, REALIS_HEADS, SPEECH_VERBS

__all__ = ["modality", "days_before"]


def _negated_subject(tok: Any) -> bool:
    """"no one was killed", "no casualties were reported", "none of the soldiers were hurt"."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
            if c.lower_ in ("none", "nobody", "no-one") or any(d.lower_ == "no" for d in c.children if d.dep_ == "det"):
                return True
            if c.lower_ == "one" and any(d.lower_ == "no" for d in c.children):
                return True
    return False


# subordinators of a clause that tells something that happened, whatever the main clause intends
_FACT_MARKS = {"after", "when", "since", "because", "following", "once", "as"}


def modality(em: Any) -> None:
    """asserted, or future / hypothetical / negated / denied, from the path above the trigger."""
    t = em.triggers[0].token
    if _negated_subject(t) or (t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)):
        em.modality = "negated"
        return
    for _ in range(6):
        kids = list(t.children)
        if any(c.dep_ == "neg" for c in kids) or t.lemma_.lower() in ("fail", "foil", "thwart", "prevent", "avert"):
            em.modality = "negated"
            return
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            em.modality = "hypothetical"
            return
        if any(c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may") for c in kids) and any(
                c.dep_ == "aux" and c.lower_ == "have" for c in kids):
            em.modality = "hypothetical"  # "could have killed", "would have been a massacre"
            return
        modal = [c.lower_ for c in kids if c.dep_ == "aux" and c.lower_ in IRREALIS_AUX]
        if modal:
            conditional = any(w.dep_ == "mark" and w.lower_ in ("if", "unless") for w in t.sent)
            # "will strike" is planned; "could strike", "would strike if ..." only possible
            em.modality = "hypothetical" if conditional or modal[0] in ("could", "might", "may") else "future"
            return
        # "to have seized": a perfect infinitive tells a past act ("claimed to have seized"), not an aim
        to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and not any(
            c.dep_ == "aux" and c.lower_ == "have" for c in kids)
        if to_inf and t.head.lemma_.lower() not in REALIS_HEADS and t.dep_ in ("xcomp", "advcl", "acl", "ccomp"):
            em.modality = "future"
            return
        if t.lemma_.lower() in ("plan", "threaten", "prepare", "vow", "aim", "intend", "seek", "want", "bid"):
            em.modality = "future"
            return
        if t.lemma_.lower() == "deny" and t.pos_ == "VERB":
            em.modality = "denied"
            return
        if t.dep_ in ("ROOT",) or t.head.i == t.i:
            return
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FACT_MARKS for c in kids):
            return  # "vowed an inquiry after seven people were murdered": the clause tells a fact, not the vow
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH_VERBS:
            em.speech = t.head
            t = t.head
            continue
        t = t.head


def days_before(em: Any) -> None:
    """"one day after fierce battles": the battles were N days before the clause's own time."""
    for trig in em.triggers:
        prep = trig.token.head
        if trig.token.dep_ == "pobj" and prep.lower_ == "after":
            for c in prep.children:
                if c.dep_ == "npadvmod" and c.lemma_.lower() in ("day", "week"):
                    n = 1
                    for d in c.children:
                        if d.like_num:
                            n = _small_number(d.text) or 1
                    em.days_before = n * (7 if c.lemma_.lower() == "week" else 1)


def _small_number(text: str) -> int | None:
    from .fatalities import WORD_NUMBERS

    return int(text) if text.isdigit() else WORD_NUMBERS.get(text.lower())

"""Similarity of evidence sentences: TF-IDF cosine for "tells the same thing",
token Jaccard for "is the same text" (syndicated wire copy).

Written here rather than taken from a library: the vocabulary is small, the
vectors are sparse dicts, and the inverse document frequencies come from the
reports being fused, so that words every report shares ("killed", "Syria")
count for little and names of places and people count for much.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Mapping

__all__ = ["tokens", "Vectorizer", "cosine", "jaccard"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Function words and reporting verbs say nothing about which event a sentence tells.
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as into onto over under after before
    during since than that this these those it its is are was were be been being has have had
    do does did will would could should may might can said says say told according also which
    who whom whose what when where while there their they them he she his her him we our you
    not no nor so such very more most other some any all each both about against between
    up down out off again further then once here only own same too just""".split()
)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens without function words (numbers kept: tolls identify events)."""
    return [t for t in (m.group(0).lower() for m in _WORD.finditer(text)) if t not in _STOP and len(t) > 1]


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Token-set overlap: near 1 for copies of one text, whatever the weighting."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


class Vectorizer:
    """TF-IDF over a fixed collection of token lists (one per report)."""

    def __init__(self, docs: Iterable[list[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in docs:
            df.update(set(doc))
            n += 1
        self.n = n
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}

    def vector(self, doc: list[str]) -> dict[str, float]:
        """A unit-length TF-IDF vector (sublinear tf); empty for an empty document."""
        tf = Counter(doc)
        vec = {t: (1.0 + math.log(c)) * self.idf.get(t, 1.0) for t, c in sorted(tf.items())}
        norm = math.sqrt(sum(w * w for w in vec.values()))
        return {t: w / norm for t, w in vec.items()} if norm else {}

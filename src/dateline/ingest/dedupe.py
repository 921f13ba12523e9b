"""Near-duplicate articles: syndicated wire copy and re-headlined re-posts, found before NLP.

The same agency story runs in many outlets with a new headline, a different
byline line or a trimmed last paragraph. Parsing each copy again costs time and,
worse, makes one report look like several. Each article's body is cut into
overlapping word shingles; a MinHash signature estimates the Jaccard resemblance
of two shingle sets, and locality-sensitive hashing over bands of the signature
proposes only likely pairs, so the work grows with the corpus, not its square.
Every proposed pair is then checked on the exact shingle sets, so the threshold
means what it says.

Resemblance, not containment: a long piece that quotes a whole short wire item
is not a copy of it, because the copy's events are taken from the canonical
article and whatever else the longer piece says would be lost.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

import numpy as np

from ..model import Article

__all__ = ["find_near_duplicates", "shingles", "jaccard", "MinHasher"]

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")
_PRIME = (1 << 61) - 1  # a Mersenne prime above every 32-bit shingle hash


def _body(article: Article) -> str:
    """The cleaned text when cleaning has run, else the raw input (tags dropped for HTML)."""
    if article.text:
        return article.text
    return _TAG.sub(" ", article.raw) if article.input_format == "html" else article.raw


def shingles(text: str, size: int = 5) -> frozenset[int]:
    """Hashes of the overlapping ``size``-word windows of ``text``, case and punctuation ignored.

    A text shorter than ``size`` words is one shingle. crc32 is stable across
    runs (Python's ``hash`` is salted per process), so results are reproducible.
    """
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return frozenset()
    if len(words) <= size:
        return frozenset({zlib.crc32(" ".join(words).encode("utf-8"))})
    return frozenset(
        zlib.crc32(" ".join(words[i : i + size]).encode("utf-8")) for i in range(len(words) - size + 1)
    )


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 for two empty sets (nothing to compare is not a copy)."""
    if not a or not b:
        return 0.0
    inter = len(a & b) if len(a) < len(b) else len(b & a)
    return inter / (len(a) + len(b) - inter)


@dataclass(frozen=True)
class MinHasher:
    """MinHash signatures under ``bands * rows`` universal hash functions, and their LSH band keys.

    With 20 bands of 5 rows, two texts of resemblance 0.8 share at least one
    band with probability above 0.999, and of resemblance 0.3 with about 0.05:
    the exact check afterwards sees few pairs.
    """

    bands: int = 20
    rows: int = 5
    seed: int = 1

    def _params(self) -> tuple[np.ndarray, np.ndarray]:
        rng = np.random.default_rng(self.seed)
        n = self.bands * self.rows
        # a < 2**29 and x < 2**32 keep a*x + b below 2**63: no overflow in uint64
        a = rng.integers(1, 1 << 29, size=n, dtype=np.uint64)
        b = rng.integers(0, _PRIME, size=n, dtype=np.uint64)
        return a, b

    def signature(self, hashes: Iterable[int], params: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        """The minimum of each hash function over the shingles."""
        x = np.fromiter(hashes, dtype=np.uint64)
        a, b = params
        if x.size == 0:
            return np.full(a.size, np.iinfo(np.uint64).max, dtype=np.uint64)
        return ((np.outer(x, a) + b) % np.uint64(_PRIME)).min(axis=0)

    def band_keys(self, signature: np.ndarray) -> list[tuple[int, bytes]]:
        return [(i, signature[i * self.rows : (i + 1) * self.rows].tobytes()) for i in range(self.bands)]


def find_near_duplicates(
    articles: Sequence[Article], threshold: float = 0.8, shingle_size: int = 5, hasher: MinHasher | None = None
) -> dict[str, str]:
    """Map each near-duplicate article's id to the id of the first copy of its story.

    The first copy is the earliest published (then the first given; undated
    articles come last): a re-post's relative dates ("on Wednesday") belong to
    the original's day. An article whose shingle resemblance (Jaccard) with an
    earlier canonical article is at least ``threshold`` is a copy of the first
    such article. Canonical articles never point anywhere, and a copy always
    points at a canonical article (no chains). Articles with no words, and
    repeats of the same id, are never mapped.
    """
    hasher = hasher or MinHasher()
    params = hasher._params()
    order = sorted(range(len(articles)), key=lambda k: (articles[k].published is None, articles[k].published or date.min, k))
    rank = {k: r for r, k in enumerate(order)}
    buckets: dict[tuple[int, bytes], list[int]] = {}
    sets: dict[int, frozenset[int]] = {}
    out: dict[str, str] = {}
    for j in order:
        article = articles[j]
        sh = sets[j] = shingles(_body(article), shingle_size)
        if not sh:
            continue
        keys = hasher.band_keys(hasher.signature(sh, params))
        candidates = sorted({i for key in keys for i in buckets.get(key, ())}, key=rank.__getitem__)
        match = next((i for i in candidates if jaccard(sets[i], sh) >= threshold), None)
        if match is not None and articles[match].id != article.id:
            out[article.id] = articles[match].id
            continue
        if match is None:
            for key in keys:
                buckets.setdefault(key, []).append(j)
    return out

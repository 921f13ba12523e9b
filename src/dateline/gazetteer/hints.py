"""Hints read from the letters of a name and the words right after it, before any scoring.

A toponym marked by someone else may carry a possessive or a generic word the
gazetteer does not ("Syria's", "Rapides Parish"); a US or Canadian place is often
written with its state ("Mansfield, Ohio", "Alexandria, Va."), which settles which
of the homonyms is meant. Both are plain string rules, kept apart from the scoring.
"""
from __future__ import annotations

import re
from functools import cache

from .sources import admin1_abbreviations
from .store import Gazetteer

__all__ = ["name_variants", "admin_written_after", "head_names", "is_abbreviation", "province_abbreviation"]

_POSSESSIVE = re.compile(r"['’]s?$")
_GENERIC_WORD = re.compile(
    r"\s+(?:county|parish|city|province|governorate|state|district|region|township|town|village|borough|"
    r"municipality|oblast|prefecture|island|islands)$",
    re.I,
)


def name_variants(name: str) -> list[str]:
    """Forms of a given name to look up, in order: as written, then without "the", possessive or generic word."""
    out = [name]
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    bare = _POSSESSIVE.sub("", bare).strip()
    if bare and bare not in out:
        out.append(bare)
    short = _GENERIC_WORD.sub("", bare)
    if short and short not in out:
        out.append(short)
    return out


_WORD = re.compile(r"[^\W\d_][\w.'’&]*")


# Lakes, rivers, parks and mountains are named after towns or provinces but do not lie in them.
_NATURAL_FEATURE = re.compile(
    r"\b(?:lakes?|rivers?|creek|bay|gulf|mounts?|mountains?|parks?|island|isle|sea|ocean|valley|canyon|forest|"
    r"falls|hills?|beach|strait|harbou?r|reservoir|dam|national|springs?|peninsula|coast|desert|colony|delta)\b",
    re.I,
)
# An embassy or consulate named after a country lies in another one ("the British Embassy in Tokyo"), and so
# does a city quarter named after a people ("the French Quarter" of New Orleans, the Christian Quarter).
_ABROAD = re.compile(r"\b(?:embass(?:y|ies)|consulates?|consul|legation|high commission|quarters?)\b", re.I)
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower".split())


def head_names(name: str, max_words: int = 4) -> list[str]:
    """Shorter names inside a longer one, longest and leftmost first: "Dubai World Cup" -> "Dubai World", "Dubai", ...

    A building, club, university or event is often named after its town ("Birmingham
    City", "University of Alberta", "Montreal-Pierre Elliott Trudeau International
    Airport"). Only runs of capitalised words are tried, never a compass word alone,
    and none for natural features; the caller decides whether the place found this
    way is good enough. An embassy, consulate or city quarter is not in the country it is named after.
    """
    if _NATURAL_FEATURE.search(name) or _ABROAD.search(name):  # "Lake Ontario" is not in the middle of Ontario
        return []
    words = [m for m in _WORD.finditer(name)]
    out: list[str] = []
    for n in range(min(max_words, len(words) - 1), 0, -1):
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if all(w.group()[0].isupper() for w in run):
                phrase = name[run[0].start() : run[-1].end()]
                if phrase not in out and phrase.lower() not in _COMPASS:
                    out.append(phrase)
    return out


def is_abbreviation(name: str) -> bool:
    """'SA', 'U.S.', 'BC': two or three capital letters, dots allowed."""
    letters = [c for c in name if c.isalpha()]
    return 2 <= len(letters) <= 3 and all(c.isupper() for c in letters)


@cache
def _undotted() -> dict[str, tuple[str, str]]:
    return {k.replace(".", ""): v for k, v in admin1_abbreviations().items() if re.fullmatch(r"(?:[A-Z]\.){2,}", k)}


def province_abbreviation(name: str) -> tuple[str, str] | None:
    """(country, province) for 'Va.', 'NSW', 'B.C.'; initials are also known without dots ('BC', 'NJ')."""
    name = name.strip()
    return admin1_abbreviations().get(name) or _undotted().get(name)


_AFTER_COMMA = re.compile(r"^\s*,\s*([A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})")


ANY_PROVINCE = "*"  # in a hint: anywhere in the country ("Bogota, Colombia")


def admin_written_after(text_after: str, gaz: Gazetteer) -> set[tuple[str, str]]:
    """'Mansfield, Ohio', 'Alexandria, Va.': the province or state written after the name and a comma.

    A country written so ('Bogota, Colombia') gives ``(country, ANY_PROVINCE)``.
    """
    m = _AFTER_COMMA.match(text_after)
    if not m:
        return set()
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        abbrev = admin1_abbreviations().get(phrase)
        if abbrev is not None:
            return {abbrev}
        provinces = [p for p in gaz.lookup(phrase.rstrip(".")) if p.feature_code == "ADM1"]
        if provinces:
            return {(p.country_code or "", p.name) for p in provinces}
        countries = gaz.countries_named(phrase.rstrip("."))
        if countries and countries[0].country_code:
            return {(countries[0].country_code, ANY_PROVINCE)}
    return set()

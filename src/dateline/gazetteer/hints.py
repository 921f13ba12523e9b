"""Hints read from the letters of a name and the words right after it, before any scoring.

A toponym marked by someone else may carry a possessive or a generic word the
gazetteer does not ("Syria's", "Rapides Parish"); a US or Canadian place is often
written with its state ("Mansfield, Ohio", "Alexandria, Va."), which settles which
of the homonyms is meant. Both are plain string rules, kept apart from the scoring.
"""
from __future__ import annotations

import re

from .sources import admin1_abbreviations
from .store import Gazetteer

__all__ = ["name_variants", "admin_written_after"]

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


_AFTER_COMMA = re.compile(r"^\s*,\s*([A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})")


def admin_written_after(text_after: str, gaz: Gazetteer) -> set[tuple[str, str]]:
    """'Mansfield, Ohio', 'Alexandria, Va.': the province or state written after the name and a comma."""
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
    return set()

"""The words around a place name: qualifiers, feature words and province markers.

"Homs province" is a province (ACLED geo_precision 3), "Palmyra suburbs" is Palmyra,
approximately (2), "the oilfields of Shaer" is the Shaer gas field, and a name
followed by "said" is a speaker. These are plain regular expressions over the
few dozen characters either side of a name, kept apart from the matcher and
the scoring so that each can be read and tested alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer.resolve import FEATURE_CUES

__all__ = ["Cues", "cues_around", "CUE_PATTERNS"]

_DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
_NAME = r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z]|al-|el-|ad-|ar-|as-|ez-|ash-)[\w'’\-]*)*"
_FEATURE_WORDS = (
    r"oil\s*fields?|gas\s*fields?|fields?|air\s*bases?|airbases?|(?:military\s+)?airports?|airfields?|"
    r"air\s*fields?|(?:military\s+)?bases?|dams?|hills?|mounts?|mountains?|(?:border\s+)?crossings?|"
    r"neighbou?rhoods?|districts?|quarters?"
)
CUE_PATTERNS = _RX = {
    "admin_left": re.compile(r"\b(province|governorate|oblast|state|wilayat|muhafazat|region)\s+of\s+(?:the\s+)?$",
                             re.I),
    "admin_right": re.compile(r"^(?:['’]s)?\s+(province|governorate|oblast|state|wilayat|region)\b", re.I),
    "near_noun_left": re.compile(
        rf"\b(?:({_DIR})\s+)?(countryside|outskirts|suburbs|environs|vicinity|outskirt|periphery|edges?|"
        r"surroundings|districts|neighbou?rhoods|parts|areas)\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
        re.I,
    ),
    "near_left": re.compile(
        rf"\b(near|nearby|close to|around|outside|not far from|(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometers|kilometres|"
        rf"miles)\s+)?{_DIR}\s+of)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
        re.I,
    ),
    "near_right": re.compile(
        rf"^(?:['’]s)?\s+(?:({_DIR})\s+)?(countryside|suburbs|outskirts|environs|surroundings|periphery)\b", re.I
    ),
    "and_its": re.compile(r"^\s+and\s+(?:its|their)\s+(countryside|suburbs|outskirts|surroundings|environs)\b", re.I),
    "feature_left": re.compile(
        rf"\b({_FEATURE_WORDS})\s+of\s+(?:the\s+)?(?:{_NAME}(?:\s*,\s*|\s+and\s+|\s+or\s+))*$"
    ),
    "feature_right": re.compile(
        rf"^(?:\s*,\s*{_NAME})*(?:\s+(?:and|or)\s+{_NAME})?\s+({_FEATURE_WORDS})\b"
    ),
    "locative": re.compile(
        r"\b(in|near|at|from|to|into|outside|around|towards?|across|through|(?:village|town|city|area|district|"
        r"neighbou?rhood|province|governorate|suburbs?|outskirts|countryside)\s+of)\s+(?:the\s+)?$",
        re.I,
    ),
    "speaker": re.compile(
        r"^\s+(said|says|told|added|stated|explained|noted|stressed|announced|confirmed|denied|wrote|tweeted)\b"
    ),
    "unknown_left": re.compile(
        r"\b(village|town|city|area|district|neighbou?rhood|suburb|region)\s+of\s+(?:the\s+)?$", re.I
    ),
    "unknown_right": re.compile(
        rf"^\s+(area|village|town|district|neighbou?rhood|quarter|region|hills?|{_FEATURE_WORDS})\b", re.I
    ),
}


@dataclass(frozen=True)
class Cues:
    """What the words around a name say about it."""

    qualifier: str | None = None  # "suburbs", "western districts", "near", "province", "region", "countryside"
    admin: bool = False  # named as a province
    countryside: bool = False
    features: frozenset[str] = frozenset()
    locative: bool = False
    person: bool = False  # followed by "said", "told": a speaker, not a place


def _feature_codes(word: str) -> frozenset[str]:
    w = word.lower()
    for key in ("oil", "gas", "airport", "air", "base", "dam", "hill", "mount", "crossing", "field"):
        if key in w:
            return FEATURE_CUES[key]
    if any(x in w for x in ("neighbo", "district", "quarter")):
        return FEATURE_CUES["district"]
    return frozenset()


def cues_around(text: str, start: int, end: int) -> Cues:
    """Read the qualifiers and feature words next to the name text[start:end]."""
    left_from = max(0, start - 90)
    cut = max(text.rfind("\n", left_from, start), text.rfind(". ", left_from, start))
    left = text[(cut + 1 if cut >= 0 else left_from) : start]
    right = text[end : end + 60].split("\n", 1)[0]
    features = frozenset()
    m = _RX["feature_left"].search(left) or _RX["feature_right"].search(right)
    if m:
        features = _feature_codes(m.group(1))
    locative = bool(_RX["locative"].search(left))
    if _RX["speaker"].search(right):
        return Cues(features=features, person=True)
    m = _RX["admin_left"].search(left) or _RX["admin_right"].search(right)
    if m:  # "the Donetsk region" is the oblast when there is one; else only the area around a town
        qualifier = "region" if m.group(1).lower() == "region" else "province"
        return Cues(qualifier, admin=True, features=features, locative=True)
    m = _RX["near_noun_left"].search(left) or _RX["near_right"].search(right)
    if m:
        noun = m.group(2).lower()
        qualifier = f"{m.group(1).lower()} {noun}" if m.group(1) else noun
        return Cues(qualifier, countryside=noun == "countryside", features=features, locative=True)
    m = _RX["and_its"].search(right)
    if m:
        return Cues(m.group(1).lower(), features=features, locative=locative)
    if _RX["near_left"].search(left):
        return Cues("near", features=features, locative=True)
    return Cues(features=features, locative=locative)

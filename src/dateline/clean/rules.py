"""Line rules: what a line of scraped page text is, when it is not story.

Each rule looks at one whitespace-normalised line and is written for page
furniture that recurs across sites (share buttons, newsletter boxes, related
headline lists, comment forms, captchas, copyright, cookie notices, navigation
crumbs), not for any one page. Rules that could also match a story sentence
are limited to short lines, because losing story text costs more than keeping
a stray "Share this".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "LineInfo",
    "boilerplate_reason",
    "section_marker",
    "byline_of",
    "source_of",
    "is_caption",
    "is_headline",
    "is_paragraph",
]

_I = re.IGNORECASE
_SOCIAL = r"(?:twitter|x|facebook|instagram|telegram|youtube|whatsapp|linkedin|pinterest|reddit|google\+?|rss|email|e-mail|print|tweet|messenger|vk|flipboard|tumblr)"
_NUMBER_WORD = (
    r"(?:\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|_+)"
)

# (reason, pattern, most words a matching line may have)
_LINE_RULES: list[tuple[str, re.Pattern[str], int]] = [
    ("share", re.compile(r"(?:for (?:the )?(?:latest|more) (?:news|updates|stories)[,:]? )?(?:please )?(?:follow|like|find|join) us(?: on .*)?[.!]?", _I), 14),
    ("share", re.compile(rf"(?:share(?: this(?: article| story| post| page)?)?|click to share)(?:\s*(?:on|via)?\s*:?\s*(?:{_SOCIAL}[\s,|/·•]*)*)", _I), 8),
    ("share", re.compile(rf"(?:{_SOCIAL}[\s,|/·•]*)+", _I), 10),
    ("newsletter", re.compile(r".*\bnewsletters?\b.*", _I), 12),
    ("newsletter", re.compile(r"(?:subscribe|sign up|register)(?: now| today| here)?(?: (?:to|for) .*)?[.!]?", _I), 12),
    ("newsletter", re.compile(r"(?:enter )?your e-?mail(?: address)?(?: here)?[.:]?", _I), 6),
    ("comments", re.compile(r"your e-?mail address will not be published.*", _I), 20),
    ("comments", re.compile(r"required fields are marked.*", _I), 10),
    ("comments", re.compile(r"(?:name|e-?mail|website|url|comment|message)\s*\*?\s*:?", _I), 2),
    ("comments", re.compile(r"(?:post|submit|add|cancel)(?: a)? (?:comment|reply)", _I), 4),
    ("comments", re.compile(r"save my name,? e-?mail,? and website.*", _I), 30),
    ("comments", re.compile(r"you must be logged in to post a comment.*", _I), 14),
    ("captcha", re.compile(rf"{_NUMBER_WORD}\s*[×x*+\-−÷/]\s*{_NUMBER_WORD}\s*=\s*\??\s*{_NUMBER_WORD}?\s*\??", _I), 8),
    ("copyright", re.compile(r"(?:©|\(c\)|copyright\b).*", _I), 25),
    ("copyright", re.compile(r".*\ball rights reserved\b.*", _I), 25),
    ("cookies", re.compile(r".*\bcookies?\b.*\b(?:use|uses|using|accept|policy|consent|settings|agree)\b.*", _I), 45),
    ("cookies", re.compile(r".*\b(?:use|uses|using|accept|policy|consent|settings|agree)\b.*\bcookies?\b.*", _I), 45),
    ("navigation", re.compile(r"(?:skip to (?:main )?content|back to top|home|menu|search|advertisement|sponsored(?: content)?|loading\.*|print(?: this)?(?: article)?|close|next|previous|prev|more)\s*[:»›>]?", _I), 4),
    ("navigation", re.compile(r"(?:tags?|topics?|keywords|filed under|categories|category)\s*:.*", _I), 25),
    ("navigation", re.compile(r"(?:previous|next) (?:article|post|story)\s*:?.*", _I), 20),
]
# "| Pos | Player | Points |": a row of a table the extractor kept; tables are content, not navigation.
_TABLE_ROW = re.compile(r"\|(?:[^|]*\|){2,}")
_CRUMB_SEPARATORS = re.compile(r"\s*[|»›]\s*|\s+>\s+|\s+/\s+")

_SECTION_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("related", re.compile(
        r"(?:related(?: items| posts| articles| stories| news| content| coverage| links| reading)?|read more|"
        r"read also|also read|see also|more (?:on|about) (?:this|the) (?:story|topic|subject)|more stories|"
        r"you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories)?|most (?:read|popular|viewed)|"
        r"popular(?: posts| stories)?|trending(?: now)?|latest (?:news|stories|posts)|more from .{1,40}|what to read next)\s*:?",
        _I,
    )),
    ("comments", re.compile(
        r"(?:leave a (?:reply|comment)|\d+ (?:comments?|responses?|replies)|comments?(?: \(\d+\))?|"
        r"add (?:a |your )?comment|post a comment|join the (?:discussion|conversation)|discussion|reader comments)\s*:?",
        _I,
    )),
]

_NAME = r"[A-Z][\w.'’\-]*"
_BYLINE_PREFIX = re.compile(
    r"(?:(?:reporting|reported|written|writing|story|text|words|compiled|additional reporting)\s+by|by)\s*:?\s+(?P<who>.+)",
    _I,
)
_CREDIT_ONLY = re.compile(r"(?:editing|edited|translated|translation|writing|photos?)\s+by\s*:?\s+.+", _I)
_PERSON_LIST = re.compile(rf"{_NAME}(?:\s+(?:{_NAME}|al-\w+|bin|ibn|de|van|von))*(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME})*)*")
_SOURCE = re.compile(r"\(?\s*sources?\s*(?::|-|–)?\s+(?P<who>[^()]{2,80}?)\s*\)?\.?", _I)
_CAPTION_CUE = re.compile(
    r"\b(?:photo|photograph|image|picture|pic|photo credit|credit|illustration|video)s?\s*(?:by)?\s*:", _I
)
_CAPTION_START = re.compile(r"(?:file|archive|stock|handout)\s+(?:photo|picture|image)\b", _I)
_CAPTION_CREDIT_END = re.compile(
    # Agency acronyms keep their case: "(EPA)" is a photo credit, "(ePA)" an abbreviation in a sentence.
    r"\((?:(?-i:AFP|AP|EPA|AA|SANA)|Reuters|Getty Images|Anadolu(?: Agency)?|Xinhua|handout|[\w.\s/]*photo[\w.\s/]*)\)\.?$", _I
)
_TERMINAL = re.compile(r"[.!?…]['\"’”)\]]*$")


@dataclass(frozen=True)
class LineInfo:
    """A normalised line and its word count, computed once per line."""

    text: str
    words: int


def boilerplate_reason(line: LineInfo) -> str | None:
    """The reason a line is page furniture, or None when it may be story."""
    for reason, rx, max_words in _LINE_RULES:
        if line.words <= max_words and rx.fullmatch(line.text):
            return reason
    if line.words <= 30 and _is_crumbs(line.text):
        return "navigation"
    return None


def _is_crumbs(text: str) -> bool:
    """"Home | World | Middle East" or "News » Syria": short parts between separators."""
    if _TABLE_ROW.fullmatch(text):
        return False
    parts = [p for p in _CRUMB_SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2 or len(parts) == len(text.split()) == 1:
        return False
    if not _CRUMB_SEPARATORS.search(text):
        return False
    return all(len(p.split()) <= 4 and not _TERMINAL.search(p) for p in parts)


def section_marker(line: LineInfo) -> str | None:
    """"related" or "comments" when the line heads a block that is not story."""
    if line.words > 8:
        return None
    for kind, rx in _SECTION_MARKERS:
        if rx.fullmatch(line.text):
            return kind
    return None


def byline_of(line: LineInfo) -> tuple[str | None, bool]:
    """(author names, is a credit line) for "By John Smith", "Reporting by: X; Editing by Y".

    A "By ..." line counts only when what follows looks like names, so that a
    sentence starting "By the time ..." is never taken for a byline.
    """
    if line.words > 30:
        return None, False
    m = _BYLINE_PREFIX.fullmatch(line.text)
    if m:
        who = re.split(r"\s*;\s*|\s+[|–—]\s+", m.group("who").strip())[0].strip(" .,")
        if _PERSON_LIST.fullmatch(who) and len(who.split()) <= 12:
            return who, True
        return None, False
    if _CREDIT_ONLY.fullmatch(line.text):
        return None, True
    return None, False


def source_of(line: LineInfo) -> str | None:
    """"Source ARA News", "(Source: Syrian Coalition)" -> the source named."""
    if line.words > 10:
        return None
    m = _SOURCE.fullmatch(line.text)
    if not m:
        return None
    who = m.group("who").strip(" .:")
    return who or None


def is_caption(line: LineInfo) -> bool:
    """A photo caption: it carries a photo credit or starts "File photo"."""
    if line.words > 60:
        return False
    return bool(
        _CAPTION_CUE.search(line.text)
        or _CAPTION_START.match(line.text)
        or (line.words <= 40 and _CAPTION_CREDIT_END.search(line.text))
    )


def is_headline(line: LineInfo) -> bool:
    """Short, no final period, starts with a capital or digit: a headline, not a sentence."""
    if not 2 <= line.words < 20:
        return False
    if line.text.endswith(".") and not line.text.endswith("..."):
        return False
    return line.text[:1].isupper() or line.text[:1].isdigit() or line.text[:1] in "\"'‘“"


def is_paragraph(line: LineInfo) -> bool:
    """Real story text: a long line, or a sentence-length line that ends like one."""
    return line.words >= 30 or (line.words >= 12 and bool(_TERMINAL.search(line.text)))

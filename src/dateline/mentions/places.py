"""The places stage: toponyms in the text, resolved against the gazetteer, with candidates kept.

We do not trust the statistical NER for toponyms (the small English model tags
"Palmyra" as a PERSON). Instead a gazetteer matcher walks the capitalised words
of the text, looks up every 1-4 word name (Arabic articles and "of" may sit
inside: "Deir ez-Zor", "Bab al-Hawa"), and keeps what it finds. Disambiguation
uses the whole article (its countries, provinces and other places) plus the
words around the name: "Homs province" is a province (ACLED geo_precision 3),
"Palmyra suburbs" is Palmyra, approximately (2), "the oilfields of Shaer" is the
Shaer gas field, not a village called Shaer.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterable, Sequence

from ..gazetteer.normalize import ARTICLES, name_key, strip_article
from ..gazetteer.resolve import WRITTEN_WITH, Context, is_strong, resolve_name, score_candidates
from ..gazetteer.hints import admin_written_after, head_names, is_abbreviation, name_variants, province_abbreviation
from ..gazetteer.spatial import SpatialSupport, focus_place
from .cues import CUE_PATTERNS as _RX
from .cues import Cues, cues_around
from ..gazetteer.store import COUNTRY_CODES, Gazetteer
from ..model import Article, Place, PlaceCandidate, PlaceMention

__all__ = ["PlaceStage", "find_toponyms", "resolve_places", "article_country", "resolve_name", "Toponym",
           "resolve_spans", "given_toponym", "cues_around", "Cues"]

MAX_WORDS = 4
# kind words a curated feature's name may end in when written in lower case ("the Walid crossing")
FEATURE_TAILS = frozenset({"crossing", "dam", "field", "oilfield", "airbase", "airport", "base", "bridge", "gate"})
# Lowercase words allowed inside a multi-word name.
CONNECTORS = frozenset(ARTICLES | {"de", "del", "la", "le", "of", "the", "bin", "ibn", "bani", "umm", "um"})
# Words before a name that make it a person's name, not a place's.
TITLES = frozenset(
    """president mr mrs ms dr gen general col colonel lt lieutenant maj major capt captain sgt sergeant
    brig brigadier sheikh sheik imam minister king queen prince emir commander spokesman spokeswoman
    activist journalist correspondent reporter photographer leader chief pope senator sen rep gov governor
    mayor ambassador envoy secretary officer cleric ayatollah dubbed named nicknamed""".split()
)
_MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)
_NEWS_WORDS = frozenset(
    """photo video source reporting related items leave reply required news agency report update
    breaking editor comment share follow join subscribe read more said says media gas bus car""".split()
)

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]\w*(?:['’‘ʿ\-](?![sS]\b)[^\W_]\w*)*")
_ARTICLE_PREFIX = re.compile(r"^(?:%s)[-'’]" % "|".join(sorted(ARTICLES, key=len, reverse=True)), re.I)


@cache
def _stop_words() -> frozenset[str]:
    """Common English words that start sentences and headlines; never toponyms on their own."""
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # pragma: no cover - spaCy is a dependency, but the stage does not need it
        STOP_WORDS = set()
    return frozenset(STOP_WORDS) | _MONTHS_DAYS | _NEWS_WORDS


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        t = self.text
        if t[0].isupper():
            return True
        m = _ARTICLE_PREFIX.match(t)  # "ad-Duwwa", "al-Shaer"
        return bool(m) and m.end() < len(t) and t[m.end()].isupper()

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class Toponym:
    """A name found in the text before it is resolved."""

    start: int
    end: int
    name: str
    places: list[Place]
    rule: str = "gazetteer"
    sentence_initial: bool = False
    partial: bool = False  # the name is only part of a longer capitalised run ("Fadi al-Amer")
    notes: list[str] = field(default_factory=list)
    text_after: str = ""  # the few characters after the name (", Ohio" decides which Mansfield)


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _sentence_starts(article: Article) -> set[int]:
    """Offsets where a sentence or line begins (from the nlp stage, and from punctuation and newlines)."""
    text = article.text
    starts = {0}
    for s in article.sentences:
        starts.add(s.start)
    for m in re.finditer(r"(?:[.!?]['\"’”]?\s+|\n\s*)[\"'“‘(]*", text):
        starts.add(m.end())
    # a sentence span may begin with spaces or quotes: its first word is still sentence-initial
    for s in article.sentences:
        lead = re.match(r"[\s\"'“‘(]*", text[s.start : s.end])
        starts.add(s.start + (lead.end() if lead else 0))
    return starts


def _joinable(text: str, a: _Tok, b: _Tok) -> bool:
    """Two tokens belong to one name only when separated by plain spaces (not a comma, not a line)."""
    gap = text[a.end : b.start]
    return 0 < len(gap) <= 2 and gap.strip(" ") == ""


def _runs(text: str, toks: list[_Tok]) -> list[tuple[int, int]]:
    """Maximal capitalised runs, as token index ranges [i, j), connectors allowed inside."""
    runs, i = [], 0
    while i < len(toks):
        if not toks[i].is_cap:
            i += 1
            continue
        j = last = i + 1
        while j < len(toks) and _joinable(text, toks[j - 1], toks[j]):
            if toks[j].is_cap:
                last = j + 1
            elif toks[j].lower not in CONNECTORS:
                break
            j += 1
        if last < len(toks) and toks[last].lower in FEATURE_TAILS and _joinable(text, toks[last - 1], toks[last]):
            last += 1  # "the Walid crossing", "Tishreen dam": a feature's name may end in its lower-case kind
        runs.append((i, last))
        i = last
    return runs


# --------------------------------------------------------------------------- finding names


def _skip_gram(text: str, toks: list[_Tok], k: int, n: int, gaz: Gazetteer) -> str | None:
    """Why the name toks[k:k+n] is not a toponym (or None when it may be one)."""
    first = toks[k]
    if k > 0 and toks[k - 1].lower.rstrip(".") in TITLES and text[toks[k - 1].end : first.start].strip() == "":
        return "person title"
    grams = toks[k : k + n]
    if all(t.is_upper for t in grams if t.is_cap):
        if any(_is_area(p) for p in gaz.lookup(text[first.start : grams[-1].end])):  # "UK", "EU"
            return None
        return None if _is_dateline(text, first.start, grams[-1].end) else "all capitals"
    if n == 1 and first.lower in _stop_words():
        return "common word"
    if n == 1 and first.lower in TITLES:  # "Prime Minister", "the General": Minster, Ohio is also "Minister"
        return "title word"
    return None


def _is_dateline(text: str, start: int, end: int) -> bool:
    """'HOMS – ...' at the start of a line: the place the story was filed from."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start].strip() == "" and bool(re.match(r"\s*[-–—,(]", text[end : end + 3]))


def find_toponyms(article: Article, gazetteer: Gazetteer) -> list[Toponym]:
    """Every gazetteer name in the text, longest first, with the places it may denote."""
    text = article.text
    toks = _tokens(text)
    starts = _sentence_starts(article)
    found: list[Toponym] = []
    for i, j in _runs(text, toks):
        caps_in_run = sum(1 for t in toks[i:j] if t.is_cap)
        k = i
        while k < j:
            hit = _match_at(text, toks, k, j, gazetteer) if toks[k].is_cap else None
            if hit is None:
                k += 1
                continue
            n, places, rule = hit
            grams = toks[k : k + n]
            found.append(
                Toponym(
                    start=grams[0].start,
                    end=grams[-1].end,
                    name=text[grams[0].start : grams[-1].end],
                    places=places,
                    rule=rule,
                    sentence_initial=grams[0].start in starts,
                    partial=caps_in_run > sum(1 for t in grams if t.is_cap),
                    text_after=text[grams[-1].end : grams[-1].end + 40],
                )
            )
            k += n
    return found


def _match_at(
    text: str, toks: list[_Tok], k: int, j: int, gaz: Gazetteer
) -> tuple[int, list[Place], str] | None:
    """The longest name starting at token k (within the run ending at j), if any."""
    for n in range(min(MAX_WORDS, j - k), 0, -1):
        if not toks[k + n - 1].is_cap and not (n > 1 and toks[k + n - 1].lower in FEATURE_TAILS):
            continue
        if _skip_gram(text, toks, k, n, gaz):
            continue
        name = text[toks[k].start : toks[k + n - 1].end]
        places = gaz.lookup(name)
        if places:
            rule = "dateline" if toks[k].is_upper and _is_dateline(text, toks[k].start, toks[k + n - 1].end) else "gazetteer"
            return n, places, rule
    return None


def given_toponym(text: str, start: int, end: int, gaz: Gazetteer) -> Toponym:
    """A toponym for a span found by someone else, with the places its name (or a variant) may be."""
    name = text[start:end]
    after = text[end : end + 40]
    abbrev = province_abbreviation(name)
    if abbrev is not None:  # "Va.", "NSW": written so, and marked as a place
        province = gaz.admin1(*abbrev)
        if province is not None:
            return Toponym(start, end, name, [province], rule="given+abbreviation", text_after=after)
    for variant in name_variants(name):
        places = gaz.lookup(variant)
        if is_abbreviation(name):  # "SA": an unknown abbreviation, not the alternate name of a village
            places = [p for p in places if is_strong(p) or _is_area(p) or name_key(p.name) == name_key(name)]
        if places:
            return Toponym(start, end, name, places, rule="given", text_after=after)
    for head in head_names(name):  # "University of Alberta", "Dubai World Cup": named after a well-known place
        # a country, continent or region may be named by its adjective ("US Federal Reserve", "European Commission")
        places = [p for p in gaz.lookup(head)
                  if _is_area(p) or name_key(p.name) in (name_key(head), name_key(head) + " city")]
        if any(is_strong(p) for p in places):
            return Toponym(start, end, name, places, rule="given+head", text_after=after)
    return Toponym(start, end, name, [], rule="given", text_after=after)


# --------------------------------------------------------------------------- resolving names

_DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "ch", "iot", "iots")


def _is_country(p: Place) -> bool:
    return p.feature_code in COUNTRY_CODES


_AREA_CODES = frozenset({"CONT", "RGN", "OCN", "SEA", "GULF", "STRT", "PEN"})


def _is_area(p: Place) -> bool:
    """Countries, continents, seas and named regions: names that never denote a homonymous village."""
    return p.feature_code in COUNTRY_CODES or (p.feature_code in _AREA_CODES and p.population == 0
                                               or p.feature_code == "CONT")


def _foreign_province(t: Toponym, country: Place) -> Place | None:
    """A province of another country named like this country ("Georgia"), if the toponym may be one."""
    return next((p for p in t.places if p.feature_code == "ADM1" and p.country_code != country.country_code), None)


def _country_rule(name: str, country: Place) -> str:
    key = name_key(name)
    if key == name_key(country.name) or name.isupper() or "." in name:
        return "country"
    return "demonym" if key.endswith(_DEMONYM_ENDINGS) else "country"


def build_context(article: Article, toponyms: list[Toponym], cues: list[Cues], gaz: Gazetteer) -> Context:
    """The article's country weights and named provinces, from names that are (nearly) unambiguous."""
    ctx = Context()
    weights: Counter[str] = Counter()
    deferred: list[tuple[Place, Place]] = []

    def vote(places: Iterable[Place], weight: float) -> None:
        ccs = {p.country_code for p in places if p.country_code}
        if len(ccs) == 1:
            weights[ccs.pop()] += weight

    for t, c in zip(toponyms, cues):
        countries = [p for p in t.places if _is_country(p)]
        if countries:
            province = _foreign_province(t, countries[0])
            if province is None:
                vote(countries[:1], 1.0)
            else:  # "Georgia": the country or a US state? Decided below, when the rest has spoken
                deferred.append((countries[0], province))
            continue
        provinces = [p for p in t.places if p.feature_code == "ADM1"]
        if len(provinces) == 1 and not (t.partial or t.sentence_initial):
            ctx.admin1.add((provinces[0].country_code or "", provinces[0].name))
        strong = [p for p in t.places if is_strong(p)]
        if not strong and len(t.places) == 1 and not (t.partial or t.sentence_initial):
            strong = t.places
        vote(strong, 2.0 if t.rule == "dateline" else 1.0)
        if c.admin or c.countryside:
            ctx.admin1.update((p.country_code or "", p.name) for p in t.places if p.feature_code == "ADM1")
    for extra, weight in ((article.dateline, 2.0), (article.title, 1.0)):
        if extra:
            for t in find_toponyms(Article(id="", raw=extra, text=extra), gaz):
                vote([p for p in t.places if _is_country(p) or is_strong(p)][:1], weight)
    for country, province in deferred:
        if weights[province.country_code or ""] > weights[country.country_code or ""]:
            ctx.admin1.add((province.country_code or "", province.name))
            weights[province.country_code or ""] += 1.0
        else:
            weights[country.country_code or ""] += 1.0
    ctx.countries = dict(weights)
    return ctx


@dataclass
class _Choice:
    place: Place | None
    candidates: tuple[PlaceCandidate, ...]
    precision: int | None
    qualifier: str | None
    rule: str


def _choose(t: Toponym, c: Cues, ctx: Context, gaz: Gazetteer, given: bool = False) -> _Choice | None:
    """Resolve one toponym in context; None when it is too weak to be a place name at all."""
    areas = [p for p in t.places if _is_area(p)]
    # a feature word next to a country's name ("UK airports", "U.S. military base") is about the country's
    # features; it picks a homonym only when one of them is such a feature
    if areas and not any(p.feature_code in c.features for p in t.places):
        area = areas[0]
        province = _foreign_province(t, area) if _is_country(area) else None
        if province is None or ctx.share(province.country_code) <= ctx.share(area.country_code):
            cand = PlaceCandidate(area, 10.0, ("country name" if _is_country(area) else "region name",))
            rule = _country_rule(t.name, area) if _is_country(area) else "region"
            return _Choice(area, (cand,), 3, None, rule)
        cand = PlaceCandidate(province, 10.0, (f"province of the article's country {province.country_code}",))
        return _Choice(province, (cand,), 3, None, t.rule + "+province")
    hint = admin_written_after(t.text_after, gaz)
    if hint:
        ctx = dataclasses.replace(ctx, admin_hint=hint)
    places = [p for p in t.places if not _is_area(p)]
    if not places:
        return None
    ranked = score_candidates(places, ctx, cues=c.features, admin_mode=c.admin, name_key=name_key(t.name))
    if c.admin:  # "Homs province": the province, whatever the size of the city of the same name
        ranked.sort(key=lambda r: r.place.feature_code != "ADM1")
    best = ranked[0].place
    fits_feature = bool(c.features) and best.feature_code in c.features
    if not (given or fits_feature or _plausible(t, c, best, ctx)):
        return None
    rule = t.rule + ("+feature" if fits_feature else "")
    if c.admin:
        province = best if best.feature_code == "ADM1" else _headed_province(t, best, gaz)
        if province is not None:
            return _Choice(province, tuple(ranked[:5]), 3, "province", rule + "+province")
        if c.qualifier == "region":  # "the Bakhmut region" with no such province: around the town
            return _Choice(best, tuple(ranked[:5]), 2, "region", rule + "+region")
        return _Choice(best, tuple(ranked[:5]), 3, "province", rule + "+province")
    if c.countryside:
        province = _province_of(t, best, gaz)
        if province is not None:
            return _Choice(province, tuple(ranked[:5]), 3, c.qualifier, rule + "+countryside")
    if c.qualifier:
        return _Choice(best, tuple(ranked[:5]), 2, c.qualifier, rule + "+near")
    precision = 3 if best.feature_code == "ADM1" else 1
    return _Choice(best, tuple(ranked[:5]), precision, None, rule)


def _plausible(t: Toponym, c: Cues, best: Place, ctx: Context) -> bool:
    """Is this name a toponym at all? Chance homonyms of words and people's names are not.

    A place in the article's own country, a province, a country or a curated feature
    is taken; a big city elsewhere only under its own name (not "Media" for Médéa, not
    "White House" for Casablanca); a small place elsewhere only after a locative word.
    """
    if c.person:
        return False
    share = ctx.share(best.country_code)
    if share >= 0.3 or (is_strong(best) and best.population == 0):
        return True
    own_name = strip_article(name_key(best.name)) == strip_article(name_key(t.name))
    if own_name and best.population >= 100_000:
        return True
    if t.partial or t.sentence_initial:
        return False
    if share >= 0.15 or (not ctx.countries and own_name):
        return c.locative
    return c.locative and own_name and best.population >= 1000


def _headed_province(t: Toponym, best: Place, gaz: Gazetteer) -> Place | None:
    """"Donetsk oblast", "the Donetsk region": the province a provincial capital heads and names."""
    if best.feature_code != "PPLA" or not best.admin1 or not best.country_code:
        return None
    province = gaz.admin1(best.country_code, best.admin1)
    if province is None or strip_article(name_key(t.name)) not in name_key(province.name):
        return None
    return province


def _province_of(t: Toponym, best: Place, gaz: Gazetteer) -> Place | None:
    """'The countryside of Aleppo' is rural Aleppo province when Aleppo is a provincial capital."""
    if best.feature_code == "ADM1":
        return best
    if best.feature_code not in ("PPLA", "PPLC") or not best.country_code:
        return None
    for name in (f"{t.name} countryside", f"rural {t.name}", t.name):
        province = gaz.admin1(best.country_code, name)
        if province is not None:
            return province
    return None


def _anchors(choices: list[_Choice | None]) -> list[Place]:
    """Places resolved with a clear margin: they pull their homonymous neighbours towards them."""
    out = []
    for ch in choices:
        if ch is None or ch.place is None or _is_area(ch.place) or ch.place.feature_code == "ADM1":
            continue
        cands = ch.candidates
        if len(cands) == 1 or cands[0].score - cands[1].score >= 0.5:
            out.append(ch.place)
        elif ch.place.country_code == cands[1].place.country_code:
            # two homonyms in one country ("Dublin, Ohio" or "Dublin, California"): the first pass's
            # pick still says which part of the country the story is in, when others agree with it
            out.append(ch.place)
    return out


# "Daesh-held", "IS-controlled": descriptions of an area, not its name; "Kurdish", "Druze": adjectives.
_NOT_A_NAME = re.compile(r"-(?:held|controlled|led|backed|run|linked|dominated|affiliated)$", re.I)
_ADJECTIVE_ENDINGS = ("ish", "ian", "ians", "ese", "ze", "ic")


def _unresolved(article: Article, toks: list[_Tok], taken: list[tuple[int, int]]) -> list[PlaceMention]:
    """Capitalised names the gazetteer lacks but the words mark as places ('the ad-Duwwa area')."""
    text, out = article.text, []
    for i, j in _runs(text, toks):
        start, end = toks[i].start, toks[j - 1].end
        if any(s < end and start < e for s, e in taken):
            continue
        first = toks[i]
        if first.is_upper or first.lower in _stop_words() or (i > 0 and toks[i - 1].lower.rstrip(".") in TITLES):
            continue
        left = text[max(0, start - 40) : start]
        right = text[end : end + 30]
        name = text[start:end]
        if _NOT_A_NAME.search(name) or (j - i == 1 and name.lower().endswith(_ADJECTIVE_ENDINGS)):
            continue
        m = _RX["unknown_left"].search(left) or _RX["unknown_right"].search(right)
        if m:
            out.append(
                PlaceMention(article.span(start, end), text[start:end], None, None, m.group(1).lower(), (), "unresolved")
            )
    return out


def _resolve_all(
    article: Article, toponyms: list[Toponym], gazetteer: Gazetteer, given: frozenset[int] = frozenset()
) -> list[_Choice | None]:
    """Choose a place for every toponym in the article's context; ``given`` indexes are known places.

    Names found only inside a longer name ("Tennessee" in "Tennessee Colony") are
    resolved in the context but give none: they say little about where the story is.
    """
    cues = [cues_around(article.text, t.start, t.end) for t in toponyms]
    voters = [i for i, t in enumerate(toponyms) if t.rule != "given+head"]
    ctx = build_context(article, [toponyms[i] for i in voters], [cues[i] for i in voters], gazetteer)
    choices = [_choose(t, c, ctx, gazetteer, i in given) for i, (t, c) in enumerate(zip(toponyms, cues))]
    ctx.anchors = _anchors([choices[i] for i in voters])
    # second pass: each name is weighed by where the others' leading candidates of the first pass lie
    ctx.support = SpatialSupport({name_key(toponyms[i].name): _leading(choices[i]) for i in voters
                                  if choices[i] is not None and choices[i].candidates})
    if ctx.anchors or ctx.support:
        choices = [_choose(t, c, ctx, gazetteer, i in given) for i, (t, c) in enumerate(zip(toponyms, cues))]
    _provinces_after_towns(article.text, toponyms, choices, gazetteer)
    _one_sense_per_name(toponyms, choices)
    _initials_of_named_places(toponyms, choices)
    return choices


def _replaced(ch: _Choice | None, place: Place, score: float, why: str, precision: int | None,
              qualifier: str | None, rule: str) -> _Choice:
    """A choice overruled by an article-wide pass: the new place leads, the old candidates stay for inspection."""
    return _Choice(place, (PlaceCandidate(place, score, (why,)), *(ch.candidates if ch else ())), precision, qualifier,
                   rule)


_MINOR_WORDS = frozenset({"and", "of", "the", "&"})


def initials(name: str) -> str:
    """'South Africa' -> 'SA', 'Trinidad and Tobago' -> 'TT', 'British Columbia' -> 'BC'."""
    return "".join(w[0].upper() for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _MINOR_WORDS)


def _initials_of_named_places(toponyms: list[Toponym], choices: list[_Choice | None]) -> None:
    """'SA' in a story that names South Africa is South Africa, not South Australia nor an unknown.

    A writer shortens a country or province to its initials after naming it in full;
    a short form so written means the named place before any table of abbreviations.
    """
    named: dict[str, Place] = {}
    for t, ch in zip(toponyms, choices):
        if ch is None or ch.place is None or is_abbreviation(t.name):
            continue
        p = ch.place
        short = initials(p.name)
        if (_is_country(p) or p.feature_code == "ADM1") and len(short) >= 2:
            named.setdefault(short, p)
    if not named:
        return
    for i, (t, ch) in enumerate(zip(toponyms, choices)):
        if not is_abbreviation(t.name):
            continue
        place = named.get(t.name.replace(".", "").replace("&", "").upper())
        if place is None or (ch is not None and ch.place == place):
            continue
        choices[i] = _replaced(ch, place, 10.0, f"the initials of {place.name}, named in the story", 3, None,
                               t.rule + "+initials")


def _one_sense_per_name(toponyms: list[Toponym], choices: list[_Choice | None]) -> None:
    """A name written once with its province or country ("Parkland, Florida") means that place throughout.

    A story names its town in full once and then bare; the bare mentions do not carry
    the evidence, so they take the place the full one was given.
    """
    settled: dict[str, Place] = {}
    for t, ch in zip(toponyms, choices):
        if ch is not None and ch.place is not None and ch.candidates and any(
                r.startswith(WRITTEN_WITH) for r in ch.candidates[0].reasons):
            settled.setdefault(name_key(t.name), ch.place)
    if not settled:
        return
    for i, (t, ch) in enumerate(zip(toponyms, choices)):
        place = settled.get(name_key(t.name))
        if place is None or ch is None or ch.place == place or place not in t.places:
            continue
        precision = 3 if place.feature_code == "ADM1" else (ch.precision if ch.qualifier else 1)
        choices[i] = _replaced(ch, place, ch.candidates[0].score if ch.candidates else 0.0,
                               "the same name is written with its province or country elsewhere in the story",
                               precision, ch.qualifier, ch.rule + "+same name")


def _provinces_after_towns(text: str, toponyms: list[Toponym], choices: list[_Choice | None], gaz: Gazetteer) -> None:
    """'Tacoma, Washington', 'Parkland, Florida': a name written after a town and a comma is its province.

    Only when the name is the name of the province the town was placed in (or its
    first words: "Washington" for Washington State): the state then, not a homonymous
    town or a capital.
    """
    order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].start)
    for a, b in zip(order, order[1:]):
        town, after = choices[a], toponyms[b]
        if town is None or town.place is None or not town.place.admin1:
            continue
        if text[toponyms[a].end : after.start].strip() != ",":
            continue
        p = town.place
        province = gaz.admin1(p.country_code or "", p.admin1)
        if province is None:
            continue
        key, own = name_key(after.name), name_key(province.name)
        if not (own == key or own.startswith(key + " ")):  # "Washington State"
            continue
        if choices[b] is not None and choices[b].place == province:
            continue
        choices[b] = _replaced(choices[b], province, 10.0, f"province written after its town {p.name}", 3, None,
                               after.rule + "+province")


SUPPORT_MARGIN = 0.5


def _leading(ch: _Choice) -> list[Place]:
    """The first pass's candidates still in the running: within a margin of the best score."""
    top = ch.candidates[0].score
    return [c.place for c in ch.candidates if c.score >= top - SUPPORT_MARGIN]


def _mention(article: Article, t: Toponym, ch: _Choice) -> PlaceMention:
    return PlaceMention(article.span(t.start, t.end), t.name, ch.place, ch.precision, ch.qualifier, ch.candidates,
                        ch.rule)


def resolve_places(article: Article, gazetteer: Gazetteer) -> list[PlaceMention]:
    """All place mentions of an article, resolved in the article's context, in text order."""
    toponyms = find_toponyms(article, gazetteer)
    choices = _resolve_all(article, toponyms, gazetteer)
    mentions = [_mention(article, t, ch) for t, ch in zip(toponyms, choices) if ch is not None]
    taken = [(t.start, t.end) for t in toponyms]
    mentions.extend(_unresolved(article, _tokens(article.text), taken))
    return sorted(mentions, key=lambda m: m.span.start)


def resolve_spans(
    text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer, *, article_id: str = "spans"
) -> list[PlaceMention | None]:
    """Resolve toponyms whose spans someone else found (a tagger, an annotator), one result per span.

    The whole text is read for context, as in :func:`resolve_places`: the names our
    matcher finds elsewhere vote for the article's countries and anchor places. The
    given spans are taken to be places (no is-this-a-toponym test); a span whose name
    the gazetteer lacks is tried without its possessive, article or generic word, then
    by spelling, and is ``None`` when nothing fits; a span the gazetteer lacks goes to
    the story's town, found among the given spans (known to be places) before the
    names our matcher found (which may be words that happen to be village names).
    """
    article = Article(id=article_id, raw=text, text=text)
    found = [t for t in find_toponyms(article, gazetteer) if not any(s < t.end and t.start < e for s, e in spans)]
    given = [given_toponym(text, s, e, gazetteer) for s, e in spans]
    toponyms = given + found
    choices = _resolve_all(article, toponyms, gazetteer, frozenset(range(len(given))))
    focus = (_focus(given, choices[: len(given)]) or _focus(given, choices[: len(given)], provinces=True)
             or _focus(toponyms, choices))
    out: list[PlaceMention | None] = []
    for t, ch in zip(given, choices):
        if focus is not None and _defer_to_focus(t, ch, focus):
            why = "not in the gazetteer" if ch is None or ch.place is None else f"named after {ch.place.name}"
            ch = _replaced(ch, focus, 0.0, f"{why}; placed at the story's focus {focus.name}", 2, "part of",
                           "given+focus")
        out.append(_mention(article, t, ch) if ch is not None and ch.place is not None else None)
    return out


# Kinds of named sites that sit in one town, whatever country or state they are named after.
_SITE_WORDS = re.compile(
    r"\b(?:universit\w*|college|school|academy|institute|hospital|clinic|airport|stadium|arena|"
    r"church|cathedral|mosque|temple|museum|zoo|park|prison|jail|embassy|consulate|hotel|mall|"
    r"centre|center|station|port|base|fair)\b", re.I)


def _defer_to_focus(t: Toponym, ch: _Choice | None, focus: Place) -> bool:
    """Should a given span be placed at the story's focus town rather than where its name led?

    Yes when nothing was found for it; and when only a place inside its name was
    found, the name is that of a site ("Colorado State University", "Iowa State
    Fair grounds") and the place is a country or province holding the focus town:
    the campus is more likely in the town the story is about than at the middle of
    the state. A body named after its country or province ("Bank of Mexico", "the
    Mexican Senate", "Iowa House") stands for the country or province itself.
    """
    if ch is None or ch.place is None:
        return True
    if t.rule != "given+head" or not _SITE_WORDS.search(t.name):
        return False
    p = ch.place
    if p.feature_code in COUNTRY_CODES:
        return focus.country_code == p.country_code
    if p.feature_code == "ADM1":
        return focus.country_code == p.country_code and focus.admin1 == (p.admin1 or p.name)
    return False


def _focus(toponyms: list[Toponym], choices: list[_Choice | None], provinces: bool = False) -> Place | None:
    """The town the story is about (see :func:`focus_place`), from its resolved towns in text order.

    With ``provinces``, from its provinces instead (a story that names no town).
    """
    towns = sorted(
        ((t.start, ch.place) for t, ch in zip(toponyms, choices)
         if ch is not None and ch.place is not None and not _is_area(ch.place)
         and (ch.place.feature_code == "ADM1") == provinces),
        key=lambda sp: sp[0],
    )
    return focus_place([p for _, p in towns])


def article_country(article: Article, gazetteer: Gazetteer | None = None) -> str | None:
    """The country an article is mostly about: from its resolved places, or found afresh."""
    if not article.places and gazetteer is not None:
        toponyms = find_toponyms(article, gazetteer)
        cues = [cues_around(article.text, t.start, t.end) for t in toponyms]
        return build_context(article, toponyms, cues, gazetteer).dominant()
    weights: Counter[str] = Counter()
    for m in article.places:
        if m.place is not None and m.place.country_code:
            weights[m.place.country_code] += 1
    return weights.most_common(1)[0][0] if weights else None


class PlaceStage:
    """Finds and resolves place names; fills ``article.places``."""

    name = "places"
    requires = ("text", "sentences")
    assigns = ("places",)

    def __call__(self, article: Article, ctx: Any) -> Article:
        article.places = resolve_places(article, ctx.gazetteer)
        return article

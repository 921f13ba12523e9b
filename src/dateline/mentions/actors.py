"""Actors: a versioned registry of conflict actors and a matcher that finds them in text.

The matcher does not use the statistical NER. It finds
- registry names and aliases (phrase matching, case-insensitive except for short
  all-capital aliases such as "IS", which must not match the verb "is");
- state forces written as a country word plus a force noun ("Russian warplanes",
  "the Syria army forces", "Turkish troops", "Iraqi police");
- the government side written without a country ("pro-regime forces", "the
  regime's forces", "government troops", "the army"), which takes the article's
  country;
- generic descriptions that every theatre uses ("gunmen", "rebels",
  "civilians", "protesters"), which take the article's country too;
- short references back to a named armed group ("the group", "its fighters").
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Iterable

from ..export import country_info
from ..model import ActorMention, ActorRef, Article

__all__ = ["ActorEntry", "ActorRegistry", "ActorStage", "article_country", "country_name", "SOURCE_KINDS"]

# Kinds of registry entries that report on events rather than take part in them.
SOURCE_KINDS = {"monitor", "media"}

FORCE_NOUNS = {
    "forces", "force", "troops", "army", "armies", "soldiers", "soldier", "military", "warplanes", "warplane",
    "jets", "jet", "aircraft", "planes", "helicopters", "helicopter", "drones", "drone", "artillery", "navy",
    "adviser", "advisor", "advisers", "advisors", "officer", "officers", "infantry", "personnel", "units",
    "tanks", "gunboats", "battalion", "brigade", "division", "commandos", "marines", "paratroopers",
    "servicemen", "serviceman", "contractors", "militaries", "bombers", "fighter", "loyalists", "troopers",
    "jawans", "paratroops", "peacekeepers",
    # weapons that only states field in these theatres: "Russian airstrikes", "government shelling"
    "airstrike", "airstrikes", "air-strikes", "bombardment", "shelling", "strikes", "raids",
    "strike", "air-strike",
}
POLICE_NOUNS = {"police", "policemen", "policeman", "gendarmes", "gendarmerie", "officers", "cops", "constables",
                "policewomen"}
GOVERNMENT_WORDS = {"regime", "government", "pro-regime", "pro-government", "loyalist", "state", "security",
                    "army", "military", "junta", "paramilitary", "federal"}
# Civil bodies a country's name may name without naming its state ("the Pakistan Stock Exchange").
_CIVIL_HEADS = {"exchange", "university", "college", "school", "airlines", "airways", "company", "corporation",
                "television", "tv", "radio", "news", "post", "times", "stadium", "hospital", "federation", "league",
                "cup", "museum", "church", "mosque", "club", "team", "bank", "market", "hotel", "institute"}
# "Egypt's North Sinai province": a country's place, not its state
_PLACE_NOUNS = {"province", "provinces", "region", "regions", "city", "cities", "capital", "town", "towns", "village",
                "villages", "border", "borders", "north", "south", "east", "west", "territory", "coast", "district",
                "governorate", "state", "countryside", "heartland", "enclave", "desert", "mountains", "islands",
                "county", "counties", "area", "areas", "zone", "suburbs", "outskirts"}
# A force noun with none of the above words still names the state's forces when it is one of these.
BARE_STATE_NOUNS = {"army", "soldiers", "soldier", "troops", "military", "policemen", "police", "warplanes",
                    "gendarmes", "troopers", "jawans", "cops", "constables", "paratroopers", "commandos"}

GENERIC = {
    # word -> (template, kind, inter)
    "gunmen": ("Unidentified Armed Group ({c})", "militia", 3),
    "gunman": ("Unidentified Armed Group ({c})", "militia", 3),
    "militants": ("Unidentified Armed Group ({c})", "militia", 3),
    "militant": ("Unidentified Armed Group ({c})", "militia", 3),
    "jihadists": ("Unidentified Armed Group ({c})", "militia", 3),
    "jihadist": ("Unidentified Armed Group ({c})", "militia", 3),
    "insurgents": ("Unidentified Armed Group ({c})", "militia", 3),
    "terrorists": ("Unidentified Armed Group ({c})", "militia", 3),
    "assailants": ("Unidentified Armed Group ({c})", "militia", 3),
    "attackers": ("Unidentified Armed Group ({c})", "militia", 3),
    "kidnappers": ("Unidentified Armed Group ({c})", "militia", 3),
    "bandits": ("Unidentified Armed Group ({c})", "militia", 3),
    "rebels": ("Rebel Groups ({c})", "rebel", 2),
    "rebel": ("Rebel Groups ({c})", "rebel", 2),
    "opposition": ("Rebel Groups ({c})", "rebel", 2),
    "protesters": ("Protesters ({c})", "protesters", 6),
    "protestors": ("Protesters ({c})", "protesters", 6),
    "demonstrators": ("Protesters ({c})", "protesters", 6),
    "rioters": ("Rioters ({c})", "rioters", 5),
    "mob": ("Rioters ({c})", "rioters", 5),
    "civilians": ("Civilians ({c})", "civilians", 7),
    "civilian": ("Civilians ({c})", "civilians", 7),
    "residents": ("Civilians ({c})", "civilians", 7),
    "villagers": ("Civilians ({c})", "civilians", 7),
    "children": ("Civilians ({c})", "civilians", 7),
    "child": ("Civilians ({c})", "civilians", 7),
    "women": ("Civilians ({c})", "civilians", 7),
    "woman": ("Civilians ({c})", "civilians", 7),
    "family": ("Civilians ({c})", "civilians", 7),
    "farmers": ("Civilians ({c})", "civilians", 7),
    "farmer": ("Civilians ({c})", "civilians", 7),
    "students": ("Civilians ({c})", "civilians", 7),
    "journalist": ("Civilians ({c})", "civilians", 7),
    "journalists": ("Civilians ({c})", "civilians", 7),
    "worker": ("Civilians ({c})", "civilians", 7),
    "workers": ("Civilians ({c})", "civilians", 7),
    "doctors": ("Civilians ({c})", "civilians", 7),
    "patients": ("Civilians ({c})", "civilians", 7),
    "refugees": ("Civilians ({c})", "civilians", 7),
    "shepherd": ("Civilians ({c})", "civilians", 7),
    "shepherds": ("Civilians ({c})", "civilians", 7),
    "worshippers": ("Civilians ({c})", "civilians", 7),
    "pedestrians": ("Civilians ({c})", "civilians", 7),
    "passengers": ("Civilians ({c})", "civilians", 7),
    "people": ("Civilians ({c})", "civilians", 7),
    "persons": ("Civilians ({c})", "civilians", 7),
    "community": ("Civilians ({c})", "civilians", 7),
    "tourists": ("Civilians ({c})", "civilians", 7),
    "tourist": ("Civilians ({c})", "civilians", 7),
    "mourners": ("Civilians ({c})", "civilians", 7),
    "pilgrims": ("Civilians ({c})", "civilians", 7),
    "traders": ("Civilians ({c})", "civilians", 7),
    "teachers": ("Civilians ({c})", "civilians", 7),
    "fishermen": ("Civilians ({c})", "civilians", 7),
    "herders": ("Civilians ({c})", "civilians", 7),
    "villager": ("Civilians ({c})", "civilians", 7),
    "schoolchildren": ("Civilians ({c})", "civilians", 7),
    "girls": ("Civilians ({c})", "civilians", 7),
    "boys": ("Civilians ({c})", "civilians", 7),
    "fighters": ("Unidentified Armed Group ({c})", "militia", 3),
    "combatant": ("Unidentified Armed Group ({c})", "militia", 3),
    "combatants": ("Unidentified Armed Group ({c})", "militia", 3),
    "extremists": ("Unidentified Armed Group ({c})", "militia", 3),
    "separatists": ("Rebel Groups ({c})", "rebel", 2),
    "insurgent": ("Unidentified Armed Group ({c})", "militia", 3),
    # armed men named by what they are, whatever the theatre: a fight with them is armed against armed
    "militiamen": ("Unidentified Armed Group ({c})", "militia", 3),
    "militiaman": ("Unidentified Armed Group ({c})", "militia", 3),
    "militia": ("Unidentified Armed Group ({c})", "militia", 3),
    "militias": ("Unidentified Armed Group ({c})", "militia", 3),
    "paramilitaries": ("Unidentified Armed Group ({c})", "militia", 3),
    "mujahideen": ("Unidentified Armed Group ({c})", "militia", 3),
    "mujahidin": ("Unidentified Armed Group ({c})", "militia", 3),
    "guerrillas": ("Rebel Groups ({c})", "rebel", 2),
    "guerrilla": ("Rebel Groups ({c})", "rebel", 2),
    "terrorist": ("Unidentified Armed Group ({c})", "militia", 3),
    "shooter": ("Unidentified Armed Group ({c})", "militia", 3),
    "shooters": ("Unidentified Armed Group ({c})", "militia", 3),
    "men": ("Unidentified Armed Group ({c})", "militia", 3),  # only "armed men", "masked men" (see _generic)
    "doctor": ("Civilians ({c})", "civilians", 7),
    "nurse": ("Civilians ({c})", "civilians", 7),
    "teacher": ("Civilians ({c})", "civilians", 7),
}
# inter codes of unarmed people: "civilians of Aleppo", "journalists from Reuters" stay who they are
_UNARMED_INTER = (5, 6, 7)
# "men" is an actor only when the words before it say they are armed
_ARMED_MEN = {"armed", "masked", "unidentified", "unknown", "hooded", "gunwielding", "gun-wielding"}
# Words that make a following generic noun something else ("opposition activists" are not rebels).
_NOT_ACTOR_AFTER = {"activists", "activist", "sources", "source", "media", "spokesman", "official", "officials",
                    "leader", "leaders", "statement", "figures", "politicians", "party", "parties", "website"}
_MEMBER_NOUNS = {"members", "member", "personnel", "staff", "recruits"}
# Words of attack that a government word can stand before as the one who attacks ("regime shelling").
ATTACK_WORDS = {"strike", "strikes", "airstrike", "airstrikes", "air-strike", "air-strikes", "raid", "raids",
                "shelling", "bombardment", "bombardments", "bombing", "bombings", "bomb", "bombs", "attack",
                "attacks", "assault", "offensive", "barrage", "rockets", "missiles", "fire", "gunfire", "artillery",
                "warplanes", "jets", "helicopters", "aircraft", "planes", "drones", "shells", "mortars"}
ANAPHORA = {"group", "organization", "organisation", "faction", "movement", "militants", "jihadists",
            "extremists", "insurgents", "fighters", "terrorists"}


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    inter: int | None
    country_code: str | None
    aliases: tuple[str, ...]
    affiliation: str | None = None
    note: str = ""
    # aliases that only name this actor in articles about its own country ("~SNA" in actors.tsv)
    local: frozenset[str] = frozenset()
    # aliases matched with their capitals ("=Southern Front": "the southern front" is a front line)
    exact: frozenset[str] = frozenset()

    def ref(self) -> ActorRef:
        return ActorRef(self.name, self.kind, self.inter, self.country_code, self.id)


def _read_tsv(name: str) -> list[dict[str, str]]:
    text = resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(code -> name, lowercased word -> code)."""
    names, words = {}, {}
    for row in _read_tsv("demonyms.tsv"):
        names[row["code"]] = row["name"]
        for w in row["words"].split("|"):
            words.setdefault(w.lower(), row["code"])
    return names, words


def country_name(code: str | None) -> str | None:
    """The name ACLED's actor names use for a country ("Police Forces of Greece")."""
    if not code:
        return None
    # GeoNames' name for the countries demonyms.tsv does not cover; ACLED writes "Netherlands", not "The ..."
    name = _countries()[0].get(code) or country_info(code)[0]
    return name.removeprefix("The ") if name else None


def state_forces(code: str | None, police: bool = False) -> ActorRef:
    """ACLED's name for a state's forces; without a known country, the bare kind ("Police Forces")."""
    kind_name = "Police Forces" if police else "Military Forces"
    if not code:
        return ActorRef(kind_name, "state", 1, None, None)
    name = country_name(code) or code
    return ActorRef(f"{kind_name} of {name}", "state", 1, code, f"{'pol' if police else 'mil'}-{code}")


def generic_actor(template: str, kind: str, inter: int, code: str | None) -> ActorRef:
    """ACLED's generic actor of a country: "Rioters ({c})" -> "Rioters (Iraq)"; without a known country,
    the bare label ("Rioters")."""
    cname = country_name(code) if code else None
    return ActorRef(template.format(c=cname) if cname else template.split(" (")[0], kind, inter, code, None)


def government_of(code: str) -> ActorRef:
    return ActorRef(f"Government of {country_name(code) or code}", "state", 1, code, f"gov-{code}")


class ActorRegistry:
    """The registry of named actors, loaded from ``data/actors.tsv``."""

    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        self.entries = {e.id: e for e in entries}
        self._matchers: dict[int, Any] = {}

    @classmethod
    @cache
    def default(cls) -> "ActorRegistry":
        return cls(_entry(row) for row in _read_tsv("actors.tsv"))

    def get(self, actor_id: str) -> ActorEntry | None:
        return self.entries.get(actor_id)

    def ref(self, actor_id: str) -> ActorRef | None:
        if actor_id.startswith(("mil-", "pol-")):
            return state_forces(actor_id[4:], police=actor_id.startswith("pol-"))
        if actor_id.startswith("gov-"):
            return government_of(actor_id[4:])
        entry = self.entries.get(actor_id)
        return entry.ref() if entry else None

    def matcher(self, vocab: Any) -> tuple[Any, Any]:
        """Phrase matchers (case-insensitive, case-sensitive) over the aliases, built once per vocab.

        A local alias is added under the key ``id~`` so that the stage can keep it only in articles
        about the entry's country."""
        key = id(vocab)
        if key not in self._matchers:
            from spacy.matcher import PhraseMatcher
            from spacy.tokens import Doc

            lower, exact = PhraseMatcher(vocab, attr="LOWER"), PhraseMatcher(vocab, attr="ORTH")
            tokenizer = _tokenizer(vocab)
            for e in self.entries.values():
                for alias in e.aliases:
                    doc = tokenizer(alias) if tokenizer else Doc(vocab, words=alias.split())
                    case = alias in e.exact or (alias.isupper() and len(alias) <= 4)
                    (exact if case else lower).add(e.id + "~" if alias in e.local else e.id, [doc])
            self._matchers[key] = (lower, exact)
        return self._matchers[key]


def _entry(row: dict[str, str]) -> ActorEntry:
    """One registry row; alias prefixes "~" (local) and "=" (case-sensitive) become entry fields."""
    aliases, local, exact = [], set(), set()
    for raw in row["aliases"].split("|"):
        alias = raw.strip().lstrip("~=")
        if not alias:
            continue
        aliases.append(alias)
        if "~" in raw[:2]:
            local.add(alias)
        if "=" in raw[:2]:
            exact.add(alias)
    return ActorEntry(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        inter=int(row["inter"]) if row["inter"] else None,
        country_code=row["country_code"] or None,
        aliases=tuple(aliases) or (row["name"],),
        affiliation=row.get("affiliation") or None,
        note=row.get("note") or "",
        local=frozenset(local),
        exact=frozenset(exact),
    )


def _tokenizer(vocab: Any) -> Any:
    from spacy.lang.en import English

    return English(vocab=vocab).tokenizer


def _country_of_article(article: Article) -> str | None:
    """The article's main country: its resolved places first, country words in the text second."""
    counts: Counter[str] = Counter()  # weights may be fractional
    for pm in article.places:
        if pm.place is not None and pm.place.country_code:
            counts[pm.place.country_code] += 2
    words = _countries()[1]
    if article.doc is not None:
        for tok in article.doc:
            code = words.get(tok.text.lower())
            if code and tok.text[:1].isupper():
                # "central Syria" says where; "Russian warplanes" says whose
                counts[code] += 1.0 if tok.pos_ == "PROPN" else 0.25
    if article.dateline:
        code = words.get(article.dateline.lower())
        if code:
            counts[code] += 2
    return counts.most_common(1)[0][0] if counts else None


def article_country(article: Article) -> str | None:
    """The article's main country (ISO code), as the actor stage weighs it: the country of
    "the regime" or of "gunmen" when the text does not say."""
    return _country_of_article(article)


def _left_phrase(doc: Any, i: int, sent_start: int) -> list[Any]:
    """Tokens modifying the noun at ``i`` from the left: "the Syria army", "Russian and Iranian"."""
    out = []
    j = i - 1
    while j >= sent_start:
        t = doc[j]
        if t.dep_ in ("amod", "compound", "nmod", "cc", "conj", "punct", "poss", "case", "npadvmod") or t.text in (
            "-", "pro", "’s", "'s"
        ):
            if t.dep_ == "punct" and t.text not in ("-",):
                break
            out.append(t)
            j -= 1
            continue
        break
    return list(reversed(out))


def _loyal_to_government(doc: Any, tok: Any) -> bool:
    """"forces loyal to the government", "troops loyal to President X": the state's forces."""
    nxt = doc[tok.i + 1: tok.i + 3]
    if len(nxt) < 2 or nxt[0].lower_ != "loyal" or nxt[1].lower_ != "to":
        return False
    return any(t.lower_ in ("government", "president", "regime", "state") for t in doc[tok.i + 3: tok.i + 9])


def _home_rank(entry: ActorEntry, country: str | None) -> int:
    """0 for an entry of the article's country, 1 for one of no country, 2 for another country's."""
    if country and entry.country_code == country:
        return 0
    return 1 if entry.country_code is None else 2


class ActorStage:
    """Find actor mentions (named, state forces, generic, anaphoric) in the parsed text."""

    name = "actors"
    requires = ("doc", "sentences")
    assigns = ("actors",)

    def __call__(self, article: Article, ctx: Any) -> Article:
        registry: ActorRegistry = ctx.actors
        doc = article.doc
        country = _country_of_article(article)
        found: list[ActorMention] = []
        taken: set[int] = set()

        def add(start_tok: int, end_tok: int, ref: ActorRef, generic: bool, rule: str, again: bool = False) -> None:
            # ``again``: a second actor over the same words ("Russian and Iranian infantry")
            if not again and any(k in taken for k in range(start_tok, end_tok)):
                return
            span = doc[start_tok:end_tok]
            found.append(ActorMention(article.span(span.start_char, span.end_char), ref, generic, rule))
            taken.update(range(start_tok, end_tok))

        self._named(doc, registry, add, country)
        self._forces(doc, country, add, taken)
        self._regime(doc, country, add, taken)
        self._generic(doc, country, add, taken)
        self._countries_acting(doc, add, taken)
        found.sort(key=lambda m: m.span.start)
        found = self._anaphora(article, doc, found, taken, country)
        article.actors = sorted(found, key=lambda m: m.span.start)
        article.notes.append(f"actors: article country {country}")
        return article

    @staticmethod
    def _named(doc: Any, registry: ActorRegistry, add: Any, country: str | None) -> None:
        lower, exact = registry.matcher(doc.vocab)
        matches = []
        for m, s, e in list(lower(doc)) + list(exact(doc)):
            key = doc.vocab.strings[m]
            entry = registry.get(key.rstrip("~"))
            # a local alias ("~SNA") names its entry only in an article about the entry's country
            if entry is not None and (not key.endswith("~") or entry.country_code == country):
                matches.append((entry, s, e))
        # longest first, so "Islamic State group" wins over "Islamic State"; on the same words the entry
        # of the article's country first, then one of no country ("RSF": Sudan's militia, else the monitor)
        for entry, s, e in sorted(matches, key=lambda x: (x[1] - x[2], x[1], _home_rank(x[0], country))):
            if entry.kind == "person" and entry.affiliation:
                # "Assad forces", "Putin's troops": the forces of the leader's state, not the leader
                noun = e + 1 if e + 1 < len(doc) and doc[e].text in ("'s", "’s") else e
                if noun < len(doc) and doc[noun].lower_ in FORCE_NOUNS | {"regime"}:
                    add(s, noun + 1, registry.ref(entry.affiliation) or entry.ref(), False, "person+force")
                    continue
            end = e
            # "ISIS fighters", "Hezbollah militants": the force noun belongs to the mention
            if end < len(doc) and doc[end].lower_ in FORCE_NOUNS | ANAPHORA:
                end += 1
            add(s, end, entry.ref(), False, "registry")

    @staticmethod
    def _forces(doc: Any, country: str | None, add: Any, taken: set[int]) -> None:
        words = _countries()[1]
        for tok in doc:
            low = tok.lower_
            if tok.i in taken or (low not in FORCE_NOUNS and low not in POLICE_NOUNS):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in FORCE_NOUNS | POLICE_NOUNS:
                continue  # "infantry troops", "military adviser": the last noun heads the phrase
            if tok.dep_ in ("amod", "compound") and tok.head.lower_ not in FORCE_NOUNS | POLICE_NOUNS | _MEMBER_NOUNS:
                continue  # "military equipment", "military operations": a modifier, not an actor
            if nxt is not None and nxt.lower_ in _MEMBER_NOUNS:
                tok = nxt  # "security force members": the phrase ends on the people
            left = _left_phrase(doc, tok.i, tok.sent.start)
            left_words = [t.lower_ for t in left]
            codes = [words[w] for w in left_words if w in words and w not in ("us",)]
            codes += [words[t.lower_] for t in left if t.text == "US"]
            police = low in POLICE_NOUNS and low != "officers"
            start = left[0].i if left else tok.i
            while start < tok.i and doc[start].lower_ in ("and", "-", "’s", "'s"):
                start += 1
            if codes:
                seen: list[str] = []
                for c in codes:
                    if c not in seen:
                        seen.append(c)
                # "Russian and Iranian infantry": one mention per country, the first as the phrase
                for n, c in enumerate(seen):
                    add(start, tok.i + 1, state_forces(c, police), False, "country+force", again=n > 0)
                continue
            government = any(w in GOVERNMENT_WORDS or w.startswith("pro-") for w in left_words) or (
                "regime" in left_words
            ) or _loyal_to_government(doc, tok)
            if government or low in BARE_STATE_NOUNS:
                add(start, tok.i + 1, state_forces(country, police), True, "government+force")

    @staticmethod
    def _regime(doc: Any, country: str | None, add: Any, taken: set[int]) -> None:
        """"the regime", "the Syrian regime", "regime barrel bombs", "government shelling": the state's forces.

        "regime" acts only as a noun of its own or before a word of attack ("regime change", "regime-held
        areas" and "a sanctions regime" say nothing about who acts); "government" only before a word of
        attack, since "the government said" is a speaker, not a force."""
        words = _countries()[1]
        for tok in doc:
            low = tok.lower_
            if tok.i in taken or low not in ("regime", "government"):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            attack = nxt is not None and (nxt.lower_ in ATTACK_WORDS or (
                nxt.lower_ in ("air", "barrel", "artillery", "rocket", "missile") and tok.i + 2 < len(doc)
                and doc[tok.i + 2].lower_ in ATTACK_WORDS))
            left = _left_phrase(doc, tok.i, tok.sent.start)
            codes = [words[t.lower_] for t in left if t.lower_ in words and t.lower_ != "us"]
            if low == "government" and not attack:
                continue
            if low == "regime" and not attack:
                if nxt is not None and (nxt.text in ("-", "’s", "'s") or nxt.pos_ in ("NOUN", "PROPN")):
                    continue  # "regime-held", "regime areas"; "the regime's forces" is the forces rule's
                marked = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its")
                             for c in tok.children) or (tok.i > 0 and doc[tok.i - 1].lower_ in ("the", "this"))
                if not codes and not marked:
                    continue  # "a sanctions regime", "the visa regime" need a determiner or a country
                if any(t.lower_ not in words and t.pos_ in ("NOUN", "PROPN") for t in left):
                    continue
            start = next((t.i for t in left if t.lower_ in words), tok.i)
            add(start, tok.i + 1, state_forces(codes[0] if codes else country), not codes, "regime")

    @staticmethod
    def _countries_acting(doc: Any, add: Any, taken: set[int]) -> None:
        """A country named as a participant ("Israel struck", "sanctions against Iran") is its government;
        a country after "in", "near", "from" is a place and stays one."""
        names = _countries()[1]
        for tok in doc:
            if tok.i in taken or tok.pos_ != "PROPN" or tok.text.lower() not in names:
                continue
            code = names[tok.text.lower()]
            role = tok
            while role.dep_ in ("compound", "conj", "appos") and role.head.i != role.i:
                if role.dep_ == "compound" and role.head.lower_ in _CIVIL_HEADS:
                    break  # "the Pakistan Stock Exchange": a body named after the country, not its state
                role = role.head
            if role.dep_ == "compound":
                continue
            if role.dep_ in ("nsubj", "nsubjpass", "dobj", "poss") or (
                    role.dep_ == "pobj" and role.head.lower_ in ("by", "against", "on", "with", "between")):
                if role.dep_ == "poss" and (role.head.lower_ in FORCE_NOUNS | POLICE_NOUNS | ANAPHORA or
                                            role.head.lower_ in GENERIC or role.head.lower_ in _PLACE_NOUNS or role.head.i in taken):
                    continue  # "Syria's army": the forces rule names it; "Yemen's Houthi rebels" are not Yemen's
                add(tok.i, tok.i + 1, government_of(code), False, "country-as-actor")

    @staticmethod
    def _generic(doc: Any, country: str | None, add: Any, taken: set[int]) -> None:
        for tok in doc:
            if tok.i in taken or tok.lower_ not in GENERIC:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in _NOT_ACTOR_AFTER:
                continue
            if nxt is not None and nxt.text == "-" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ in (
                    "held", "controlled", "run", "dominated", "led"):
                continue  # "rebel-held districts" says who holds a place, not who acted
            if tok.lower_ in ANAPHORA and any(
                    (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.lower_ in ("its", "their"))
                    for c in tok.children):
                continue  # "its fighters", "the militants": a reference back, resolved below
            if tok.lower_ == "opposition" and (nxt is None or nxt.lower_ not in FORCE_NOUNS | {"fighters", "groups"}):
                continue
            if tok.lower_ == "people" and not any(c.like_num or c.lower_ in ("many", "several", "dozens")
                                                  for c in tok.children):
                continue
            if tok.lower_ == "men" and not any(c.dep_ in ("amod", "compound") and c.lower_ in _ARMED_MEN
                                               for c in tok.children):
                continue
            if GENERIC[tok.lower_][2] not in _UNARMED_INTER and any(
                    c.dep_ == "prep" and c.lower_ in ("from", "of") and any(t.i in taken for t in c.subtree)
                    for c in tok.children):
                continue  # "jihadists from the Islamic State": members of the group named after them
            left = _left_phrase(doc, tok.i, tok.sent.start)
            start = left[0].i if left else tok.i
            while start < tok.i and (doc[start].lower_ in ("and", "-") or doc[start].is_punct):
                start += 1
            add(start, tok.i + 1, generic_actor(*GENERIC[tok.lower_], country), True, "generic")

    @staticmethod
    def _anaphora(article: Article, doc: Any, found: list[ActorMention], taken: set[int],
                  country: str | None = None) -> list[ActorMention]:
        """"the group", "its fighters": the last named armed group before it; with none named, "the
        militants" is still an armed group, unidentified as ACLED names it."""
        out = list(found)
        for tok in doc:
            if tok.i in taken:
                continue
            is_def = any(c.lower_ == "the" for c in tok.children if c.dep_ == "det")
            poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")]
            if tok.lower_ not in ANAPHORA or not (is_def or poss):
                continue
            antecedent = None
            for m in reversed(out):
                if m.span.start >= tok.idx:
                    continue
                if not m.generic and m.actor.kind in ("rebel", "militia") and m.actor.actor_id:
                    antecedent = m
                    break
            first = poss[0] if poss else next(c for c in tok.children if c.dep_ == "det")
            span = article.span(min(first.idx, tok.idx), tok.idx + len(tok.text))
            if antecedent is not None:
                out.append(ActorMention(span, antecedent.actor, False, f"anaphora:{antecedent.span.text}"))
            elif tok.lower_ in GENERIC:
                out.append(ActorMention(span, generic_actor(*GENERIC[tok.lower_], country), True, "generic"))
            else:
                continue
            taken.add(tok.i)
        return out

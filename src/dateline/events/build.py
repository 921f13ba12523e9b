"""From event mentions to events: ACLED typing, the event's own place and date,
fatalities, background, evidence; then one event per (type, place, day, dyad)
inside the article.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import timedelta
from typing import Any

from ..model import (
    ActorMention, ActorRef, Article, DateRange, Event, Fatalities, Location, PlaceMention, Source, content_hash,
)
from ..mentions.actors import SOURCE_KINDS, article_country
from .infer import infer_actors, place_country
from .cues import protest_subtype, protesters_violent
from .detect import EventMention, detect
from .claims import CLAIM_VERBS, attribution_kind, claim_kind
from .fatalities import injured_count, toll_in, victim_count
from .lexicon import ARMED, CAMEO_PLOVER, PROTEST_WORDS, PROTESTERS, SUBTYPES, WEAPON_FAMILIES
from .merge import merge_into, merge_within_article

__all__ = ["EventStage", "type_event", "build_events", "content_words"]


def _participants(ms: list[ActorMention], acting: bool = False) -> list[ActorMention]:
    """Actors that take part; ``acting``: as perpetrators, which aid agencies never are."""
    return [m for m in ms if m.actor.kind not in SOURCE_KINDS and m.actor.kind != "person"
            and not (acting and m.actor.kind == "aid")]


# words of a bomb that was placed, not dropped
_PLANTED_BOMB_WORDS = {"car", "roadside", "ied", "ieds", "planted", "improvised", "device", "devices", "landmine",
                       "landmines", "mine", "mines", "booby", "booby-trapped", "vehicle", "motorcycle", "parcel",
                       "detonated", "suicide", "bomber", "explosion", "blast", "exploded", "went"}


_MILITARY_TARGETS = {"checkpoint", "checkpoints", "base", "bases", "post", "posts", "outpost", "convoy", "patrol",
                     "barracks", "positions", "position", "station", "garrison", "headquarters", "camp", "airport",
                     "airbase", "tank", "vehicle", "soldiers", "troops", "police", "policemen"}


# words that make a convoy, a vehicle or a camp a civilian one ("an aid convoy", "a refugee camp")
_CIVILIAN_MARKS = {"aid", "humanitarian", "civilian", "civilians", "passenger", "relief", "medical", "refugee",
                   "refugees", "wedding", "school", "displaced"}


def type_event(em: EventMention) -> tuple[str, str]:
    """ACLED event type and sub-event type from the trigger family and the actors' kinds."""
    fam = em.family
    agents, patients, partners = _participants(em.agents), _participants(em.patients), _participants(em.partners)
    words = {t.lower_ for t in em.triggers[0].token.sent}
    crowd = [m for m in agents + patients + partners if m.actor.inter in (5, 6)]
    armed_other = any(m.actor.inter in ARMED for m in patients + partners)
    if fam == "territory":
        return _territory_type(em, agents, patients)
    if fam == "explosive" and any(m.actor.inter == 1 and m.actor.kind == "state" for m in agents) and not (
            words & _PLANTED_BOMB_WORDS):
        return SUBTYPES["air"]  # "regime and Russian bombing": state forces bomb from the air, not with IEDs
    if fam in ("kill", "attack", "execute", "clash"):
        if any(m.actor.inter == 6 for m in patients) or (any(_is_state(m) for m in agents) and _fired_on_crowd(em)):
            if protesters_violent(em.triggers[0].token.sent):
                return "Riots", "Violent demonstration"  # ACLED: excessive force is force against peaceful protest
            if fam == "attack" and not any(t.family in ("kill", "execute") for t in em.triggers):
                # "police attacked the human chain": excessive only with deaths or grave injuries
                sub = protest_subtype(em.triggers[0].token.sent, False)
                return sub if sub[1] != "Peaceful protest" else ("Protests", "Protest with intervention")
            return "Protests", "Excessive force against protesters"
        if crowd and fam in ("clash", "attack"):
            return "Riots", "Violent demonstration"  # protesters or rioters fighting police are a riot
        if fam == "clash":
            if not armed_other and any(m.actor.inter == 7 for m in patients):
                return "Violence against civilians", "Attack"  # "gunmen stormed the university, killing students"
            return SUBTYPES["clash"]
        if fam == "execute":
            return "Violence against civilians", "Attack"  # ACLED: captives put to death, fighters or not
        if armed_other:
            return "Battles", "Armed clash"
        targets = {t.lower_ for trig in em.triggers for c in trig.token.children
                   if c.dep_ in ("dobj", "prep") for t in c.subtree}
        # the attack's own object is a post of armed men: whoever else died, the fight was with them
        attacked_post = fam == "attack" and bool(targets & _MILITARY_TARGETS) and not targets & _CIVILIAN_MARKS
        if any(m.actor.inter == 7 for m in patients) and not attacked_post:
            return "Violence against civilians", "Attack"
        if targets & _MILITARY_TARGETS or any(m.actor.inter == 1 for m in agents):
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if fam == "destroy" and (any(m.actor.inter in (5, 6) for m in agents) or _protesting_doers(em)):
        return "Riots", "Violent demonstration"  # protesters who burn or smash things riot (ACLED)
    if fam == "protest":
        # protesters are hit when they are the victims of a killing or an attack, not of a dispersal
        hit = any(m.actor.inter == 6 for m in patients) and any(
            t.family in ("kill", "attack", "execute", "clash") for t in em.triggers)
        return protest_subtype(em.triggers[0].token.sent, hit)
    if fam == "transfer" and em.places and all((p.geo_precision or 3) == 3 for p in em.places):
        return "Strategic developments", "Change to group/activity"  # "withdrawal from Syria": no town changes hands
    if fam == "riot" and "mob" in words:
        return "Riots", "Mob violence"
    return SUBTYPES[fam]


_PROTEST_LEMMAS = {"protest", "demonstrate", "rally", "march", "riot"}


def _subject_tokens(verb: Any) -> list[Any]:
    """The words of a verb's own subject (through "and" between verbs: "burned tyres and threw stones")."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        t = t.head
    return [w for c in t.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree]


def _protesting_doers(em: EventMention) -> bool:
    """The doers are protesters: "demonstrators set fire to ...", "men protesting over power cuts burned ..."."""
    doers = _subject_tokens(em.triggers[0].token)
    return any(w.lower_ in PROTESTERS or (w.pos_ == "VERB" and w.lemma_.lower() in _PROTEST_LEMMAS) for w in doers)


_CROWD_WORDS = PROTESTERS | PROTEST_WORDS


def _fired_on_crowd(em: EventMention) -> bool:
    """State forces killing in a clause whose object is a crowd of protesters ("police fired live rounds at
    protesters, killing four"): the deaths are of the protest, whatever the victims are called."""
    trigger = em.triggers[0].token
    verb = trigger.head if trigger.dep_ in ("advcl", "xcomp", "conj") else trigger  # "fired ..., killing four"
    for t in trigger.sent:
        crowd = t.lower_ in _CROWD_WORDS or (t.lower_ == "chain" and any(
            c.lower_ == "human" for c in t.children))
        if crowd and t.dep_ in ("dobj", "pobj"):
            up = [a for _, a in zip(range(3), t.ancestors)]
            if verb in up or trigger in up:
                return True
    return False


def _is_state(m: ActorMention) -> bool:
    return m.actor.inter == 1 or m.actor.kind == "state"


def _territory_type(em: EventMention, agents: list[ActorMention], patients: list[ActorMention]) -> tuple[str, str]:
    """Who took the place decides: state forces regain territory, anyone else overtakes it. With no taker
    named, the armed side who reports it ("the military confirmed it regained ...") took it; failing that,
    the side that lost it tells the other: a state force pushed out was beaten by a non-state actor, a
    non-state group pushed back by the state forces the sentence names."""
    claimed = [m for m in _participants(em.claimant) if m.actor.inter in ARMED]
    taker = (agents or claimed or [None])[0]
    if taker is not None:
        if _is_state(taker):
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    losers = [m for m in patients if m.actor.inter in ARMED]
    if any(_is_state(m) for m in losers):
        return "Battles", "Non-state actor overtakes territory"
    if losers and any(_is_state(m) for m in _participants(em.context) if m not in losers):
        return "Battles", "Government regains territory"
    return "Battles", "Armed clash"


def _has_actor(em: EventMention) -> bool:
    return bool(_participants(em.agents) or _participants(em.patients) or _participants(em.partners))


def _overlaps(a: Any, b: Any) -> bool:
    return a.span.start < b.span.end and b.span.start < a.span.end


def _focus_place(article: Article) -> PlaceMention | None:
    """The article's main place: the most mentioned town-level place, the dateline's place next."""
    counts: Counter[str] = Counter()
    first: dict[str, PlaceMention] = {}
    for pm in article.places:
        if pm.place is None or (pm.geo_precision or 3) > 2:
            continue
        key = pm.place.name
        counts[key] += 1
        first.setdefault(key, pm)
    if counts:
        return first[counts.most_common(1)[0][0]]
    return None


def _place_choices(em: EventMention, article: Article) -> list[PlaceMention]:
    """The event's places: the most specific ones in its clause, not parts of actor names."""
    pms = [p for p in em.places if p.place is not None and not any(_overlaps(p, a) for a in article.actors)]
    if not pms:
        return []
    best = min(p.geo_precision or 3 for p in pms)
    top = [p for p in pms if (p.geo_precision or 3) == best]
    distinct: dict[str, PlaceMention] = {}
    for p in top:
        distinct.setdefault(p.place.name if p.place else p.name, p)
    places = list(distinct.values())
    if len(places) > 1 and not _coordinated(article, places):
        return places[:1]
    return places


def _coordinated(article: Article, places: list[PlaceMention]) -> bool:
    """"the oilfields of Shaer and Jazel": places joined by a conjunction are separate events."""
    doc = article.doc
    toks = [doc.char_span(p.span.start, p.span.end, alignment_mode="expand") for p in places]
    roots = [t.root for t in toks if t is not None]
    return any(r.dep_ == "conj" and any(r.head.i in range(o.start, o.end) or r.head.i == o.root.i
                                          for o in toks if o is not None) for r in roots)


def _date(em: EventMention, article: Article) -> tuple[DateRange | None, Any, str]:
    """The event's date, the time mention behind it, and how it was chosen."""
    times = [t for t in em.times if t.value is not None]
    rule = "clause"
    if not times:
        sent_times = [
            t for t in article.times
            if t.value is not None and em.sentence.start <= t.span.start < em.sentence.end
        ]
        times, rule = sent_times, "sentence"
    if times:
        tm = min(times, key=lambda t: (t.value.time_precision or 3, t.span.start))
        value = tm.value
        if rule == "sentence" and em.speech is not None and tm.span.start < em.triggers[0].token.idx:
            # "ISIS claimed Thursday its fighters killed ...": the claim's day bounds the act
            value = DateRange(value.start, value.end, max(value.time_precision or 1, 2))
    elif article.published is not None:
        tm, rule = None, "published"
        value = DateRange(article.published, article.published, 2)
    else:
        return None, None, "none"
    if em.days_before and value.start is not None:
        shift = timedelta(days=em.days_before)
        value = DateRange(value.start - shift, (value.end or value.start) - shift, value.time_precision)
        rule += f"-{em.days_before}d"
    return value, tm, rule


def _is_background(em: EventMention, date: DateRange | None, article: Article, days: int) -> bool:
    trig = em.triggers[0].token
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in trig.children) and trig.tag_ == "VBN" and em.speech is None:
        return True  # past perfect told as history; in reported speech it is only the backshifted tense
    if date is None or article.published is None:
        return False
    end = date.end or date.start
    return end is not None and (article.published - end).days >= days


def _actors(em: EventMention, country: str | None) -> tuple[ActorRef | None, ActorRef | None, list[ActorRef], list[ActorMention]]:
    agents = _participants(em.agents, acting=True)
    if not agents and em.family not in _NOT_BY_REPORTER and not _names_own_doers(em):
        # "the army said 15 insurgents were killed": the army fought
        agents = [m for m in _participants(em.claimant) if m.actor.inter in ARMED]
    patients, partners = _participants(em.patients), _participants(em.partners)
    if not agents and em.family in ("clash", "kill", "attack") and patients and partners and not {
            m.actor.name for m in partners} & {m.actor.name for m in patients}:
        # "ten soldiers were killed in clashes with IS": the side they fought did the killing
        agents, partners = partners[:1], partners[1:]
    others = patients + partners
    used: list[ActorMention] = []
    actor1 = agents[0] if agents else None
    if actor1:
        used.append(actor1)
    actor2 = next((m for m in others if actor1 is None or m.actor.name != actor1.actor.name), None)
    if actor2:
        used.append(actor2)
    names = {m.actor.name for m in used}
    assoc = []
    for m in agents[1:] + others:
        if m.actor.name not in names:
            names.add(m.actor.name)
            assoc.append(_abroad(m.actor, country))
            used.append(m)
    return (
        _abroad(actor1.actor, country) if actor1 else None,
        _abroad(actor2.actor, country) if actor2 else None,
        assoc,
        used,
    )


_LINKED = re.compile(r"\s*-\s*(?:linked|affiliated|allied|aligned|backed|inspired|leaning)\b", re.I)

# Events whose reporter is never their author: police reporting a bombing did not plant the bomb, and
# forces reporting a protest or an abduction are not the crowd or the kidnappers.
_NOT_BY_REPORTER = {"suicide", "explosive", "grenade", "chemical", "protest", "riot", "mob", "abduct", "sexual"}


def _names_own_doers(em: EventMention) -> bool:
    """The clause says who acted, in words no registry entry covers ("hundreds of young men burned tyres,
    police said"): whoever reports it is then a source, not the actor."""
    head = em.triggers[0].token
    if head.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
        return False
    return any(w.pos_ in ("NOUN", "PROPN") for w in _subject_tokens(head))


def _abroad(actor: ActorRef, country: str | None) -> ActorRef:
    """ACLED: state forces fighting outside their country are external forces (inter 8)."""
    if actor.kind == "state" and actor.inter == 1 and country and actor.country_code and actor.country_code != country:
        return ActorRef(actor.name, actor.kind, 8, actor.country_code, actor.actor_id)
    return actor


def _refers_back(em: EventMention) -> bool:
    """A definite event noun with no place or time of its own ("the attack", "this bombing")."""
    head = em.triggers[0].token
    if head.pos_ not in ("NOUN", "PROPN") or em.places or em.times or len(em.triggers) > 1:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
               for c in head.children)


def build_events(article: Article, background_days: int = 60) -> list[Event]:
    focus = _focus_place(article)
    out: list[Event] = []
    claims: list[EventMention] = []  # claims of responsibility for an event told before them
    last_place: dict[int, PlaceMention] = {}  # paragraph start -> last place used there
    for em in detect(article):
        if em.modality in ("future", "negated", "hypothetical"):
            trig = em.triggers[0].token
            article.non_events.append({"modality": em.modality, "sentence": em.sentence.text,
                                       "start": em.sentence.start, "end": em.sentence.end, "trigger": trig.text})
            continue
        if em.responsibility:
            claims.append(em)  # "X claimed responsibility for the attack": credited once the events are merged
            continue
        if em.family in ("clash", "attack", "kill") and not _has_actor(em) and not any(
                t.family in WEAPON_FAMILIES for t in em.triggers):
            article.notes.append(f"no actor, not coded: {em.sentence.text[:80]}")
            continue  # "stags battle for mating rights": fighting words without anyone to fight
        if em.family == "territory" and not any(m.actor.inter in ARMED for m in _participants(em.context)):
            article.notes.append(f"no armed actor, not coded: {em.sentence.text[:80]}")
            continue  # "firefighters gained ground", "drove UN staff out of the region": no armed side takes it
        event_type, sub = type_event(em)
        para = article.text.rfind("\n\n", 0, em.sentence.start)
        places = _place_choices(em, article)
        place_rule = "clause"
        if not places:
            fallback = last_place.get(para) or focus
            places, place_rule = ([fallback], "context") if fallback else ([], "none")
        date, tm, date_rule = _date(em, article)
        if out and _refers_back(em):
            # "Al-Shabaab said its fighters had carried out the attack": more about the event just told
            merge_into(out[-1], _event(article, em, event_type, sub, None, "none", None, None, "published",
                                       background_days))
            continue
        for pm in places or [None]:
            if pm is not None:
                last_place[para] = pm
            out.append(_event(article, em, event_type, sub, pm, place_rule, date, tm, date_rule, background_days))
    merged = merge_within_article(out)
    for em in claims:
        told = [ev for ev in merged if not ev.background and ev.sources and ev.sources[0].start < em.sentence.start]
        if told:  # the attack just told: the event whose report comes last before the claim
            _credit(article, max(told, key=lambda ev: max(s.start for s in ev.sources)), em)
    infer_actors(article, merged, article_country(article))  # authors the clause leaves out (infer.py)
    _apply_toll_updates(article, merged)
    _claims_through_outlets(article, merged)
    _headline_support(article, merged)
    return merged


def _credit(article: Article, ev: Event, em: EventMention) -> None:
    """A claim of responsibility: the claimant joins claimed_by, with its words as evidence; a group that
    claims an attack nobody else is named for is its actor1, as ACLED codes claimed attacks."""
    parties = [m for m in _participants(em.claimant) if m.actor.inter in ARMED]
    if not parties:
        return
    # "the al-Qaeda-linked group al-Shabaab": the group named, not the one it is linked to
    def linked(m: ActorMention) -> bool:
        return bool(_LINKED.search(m.span.text) or _LINKED.match(article.text[m.span.end : m.span.end + 12]))

    claimant = min(parties, key=lambda m: (linked(m), m.generic))
    ev.claimed_by = list(dict.fromkeys([*ev.claimed_by, claimant.actor.name]))
    if em.attribution_span is not None:
        ev.add_evidence("claimed_by", em.attribution_span)
    ev.add_evidence("actors", claimant.span)
    unnamed = ev.actor1 is None or ev.actor1.inter not in ARMED or ev.actor1.name.startswith("Unidentified Armed")
    if unnamed or ev.actor1.kind == "state" and ev.actor2 is not None and ev.actor2.inter == 7 \
            and ev.actor1.name in ev.claimed_by:
        ev.actor1 = _abroad(claimant.actor, place_country(ev))
        ev.notes.append(f"actors: actor1 from the claim of responsibility by '{claimant.span.text}'")


def content_words(text: str | None) -> set[str]:
    """Lower-cased words longer than three letters: what a headline and a sentence can share."""
    return {w for w in re.findall(r"[a-z]+", (text or "").lower()) if len(w) > 3}


def _headline_support(article: Article, events: list[Event]) -> None:
    """The headline repeats the main event: it adds evidence (and confidence), never an event."""
    title = content_words(article.title)
    if len(title) < 3:
        return
    for ev in events:
        shared = max((len(title & content_words(s.sentence)) for s in ev.sources), default=0)
        if shared >= 3 and not ev.background:
            ev.notes.append(f"headline repeats it: {article.title}")
            ev.confidence = round(min(0.99, ev.confidence + 0.05), 2)


def _claims_through_outlets(article: Article, events: list[Event]) -> None:
    """A party's claim made through its own outlet ("ISIS claimed ...; the ISIS-linked Aamaq news agency
    released a video"): the outlet is who the report cites for the claim."""
    from ..mentions.actors import ActorRegistry

    registry = ActorRegistry.default()
    outlets: dict[str, str] = {}  # party id -> its outlet as named in the article
    for m in article.actors:
        entry = registry.get(m.actor.actor_id or "")
        if entry is not None and entry.kind == "media" and entry.affiliation:
            outlets.setdefault(entry.affiliation, m.span.text)
    if not outlets:
        return
    for ev in events:
        parties = [a for a in (ev.actor1, *ev.assoc_actors) if a is not None and a.name in ev.claimed_by]
        for party in parties:
            outlet = outlets.get(party.actor_id or "")
            if outlet is None:
                continue
            ev.sources = [
                s if s.attribution_kind not in ("party", "official") or s.attributed_to is None
                or outlet in s.attributed_to else
                dataclasses.replace(s, attributed_to=f"{outlet} ({party.name})")
                for s in ev.sources
            ]
            ev.notes.append(f"source: the claim reaches the outlet through {outlet}")


def _apply_toll_updates(article: Article, events: list[Event]) -> None:
    """"The death toll rose to 19": a later toll updates the event told before it (the latest wins)."""

    doc = article.doc
    for sent in article.sentences:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None or not any(t.lemma_.lower() == "toll" for t in span):
            continue
        found = toll_in(span)
        before = [e for e in events if not e.background and e.fatalities.best is not None
                  and min(s.start for s in e.sources) < sent.start]
        if found is None or not before:
            continue
        (low, best, high), tok, _ = found
        target = max(before, key=lambda e: (e.fatalities.best or 0, -min(s.start for s in e.sources)))
        if best != target.fatalities.best:
            target.notes.append(f"fatalities: updated from {target.fatalities.best} by a later toll")
            target.fatalities = Fatalities(low, best, high)
            target.add_evidence("fatalities", article.span(tok.idx, tok.idx + len(tok)))


def _fatalities(article: Article, em: EventMention) -> tuple[Fatalities, int | None, dict[str, int], Any]:
    """Deaths (low/best/high), injured, deaths by who died, and the evidence span of the count."""
    for trig in em.triggers:
        counted = victim_count(trig.token)
        if counted:
            (low, best, high), tok, breakdown = counted
            span = article.span(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))
            return Fatalities(low, best, high), injured_count(trig.token.sent), breakdown, span
    return Fatalities(), injured_count(em.triggers[0].token.sent), {}, None


def _claims(em: EventMention, actor1: ActorRef | None, actor2: ActorRef | None,
            fat: Fatalities) -> tuple[list[str], str, str | None, str]:
    """claimed_by, modality, the kind of claim, and the kind of source cited."""
    speech = em.speech.lemma_.lower() if em.speech is not None else None
    claimants = [m for m in em.claimant if m.actor.kind not in SOURCE_KINDS and m.actor.kind != "aid"]
    if em.family in _NOT_BY_REPORTER and speech not in CLAIM_VERBS:
        # police reporting a bombing or a protest claim nothing: they are the source, not a party to it
        acting = {a.name for a in (actor1, actor2) if a is not None}
        claimants = [m for m in claimants if m.actor.name in acting]
    names = list(dict.fromkeys(m.actor.name for m in claimants))
    party = [m.actor for m in claimants if m.actor.inter in ARMED]
    kind = attribution_kind(em.attributed_to, em.claimant)
    modality = em.modality
    if modality == "asserted" and (speech in CLAIM_VERBS or (party and actor1 is not None and any(
            p.name == actor1.name for p in party))):
        modality = "claimed"  # the perpetrator tells of its own act: its claim, not the outlet's finding
    claim = claim_kind(party[0] if party else None, actor1, actor2)
    if claim == "perpetrator_claim" and (fat.best or 0) > 0 and actor2 is not None and actor2.inter in ARMED:
        claim = "enemy_losses"
    return names, modality, claim, kind


def _event(article: Article, em: EventMention, event_type: str, sub: str, pm: PlaceMention | None,
           place_rule: str, date: DateRange | None, tm: Any, date_rule: str, background_days: int) -> Event:
    country = pm.place.country_code if pm is not None and pm.place is not None else None
    actor1, actor2, assoc, used = _actors(em, country)
    sent = em.sentence
    location = Location.of(pm.place, pm.name, pm.geo_precision) if pm is not None else None
    if location is not None and place_rule == "context" and (location.geo_precision or 1) < 2:
        location = Location(**{**location.to_dict(), "geo_precision": 2})
    fat, injured, breakdown, fat_span = _fatalities(article, em)
    claimed, modality, claim, source_kind = _claims(em, actor1, actor2, fat)
    trig = em.triggers[0]
    trig_span = article.span(trig.token.idx, article.doc[trig.end - 1].idx + len(article.doc[trig.end - 1]))
    key = "|".join(str(x) for x in (article.id, event_type, sub, date and date.start, location and location.name,
                                     actor1 and actor1.name, actor2 and actor2.name, sent.start))
    cameo, plover = CAMEO_PLOVER.get(sub, (None, None))
    ev = Event(
        id="ev-" + content_hash(key), event_type=event_type, sub_event_type=sub,
        background=_is_background(em, date, article, background_days),
        actor1=actor1, actor2=actor2, assoc_actors=assoc, location=location, date=date, fatalities=fat,
        claimed_by=claimed,
        sources=[Source(article.id, article.outlet, article.url, article.published, sent.text, sent.start, sent.end,
                        em.attributed_to, fat.best, source_kind)],
        modality=modality, cameo_root=cameo, plover_type=plover, trigger=trig_span.text, date_basis=date_rule,
        injured=injured, casualties=breakdown, claim=claim,
        location_candidates=[
            {"name": c.place.name, "country_code": c.place.country_code, "admin1": c.place.admin1,
             "lat": c.place.lat, "lon": c.place.lon, "feature_code": c.place.feature_code,
             "score": round(c.score, 3), "reasons": list(c.reasons)}
            for c in (pm.candidates if pm is not None else ())
        ],
    )
    ev.add_evidence("event_type", trig_span)
    for m in used:
        ev.add_evidence("actors", m.span)
    if pm is not None:
        ev.add_evidence("location", pm.span)
    if tm is not None:
        ev.add_evidence("date", tm.span)
    ev.add_evidence("fatalities", fat_span)
    if em.attribution_span is not None:
        ev.add_evidence("claimed_by", em.attribution_span)
    ev.notes += [f"type: {em.family} family from trigger '{trig_span.text}'"
                 + (f" with {', '.join(t.token.text for t in em.triggers[1:])}" if len(em.triggers) > 1 else ""),
                 f"location: {place_rule}", f"date: {date_rule}", f"source: {source_kind}"]
    ev.confidence = round(min(0.95, 0.35 + 0.15 * (actor1 is not None) + 0.15 * (place_rule == "clause")
                              + 0.15 * (date_rule.startswith("clause")) + 0.1 * (modality == "asserted")), 2)
    return ev


class EventStage:
    """Detect, type and merge the events of one article."""

    name = "events"
    requires = ("doc", "sentences", "actors", "places", "times")
    assigns = ("events",)

    def __call__(self, article: Article, ctx: Any) -> Article:
        article.events = build_events(article, ctx.settings["events.background_days"])
        return article

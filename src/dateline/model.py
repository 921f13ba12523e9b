"""The data model: one frozen dataclass per artifact, each carrying its provenance.

Every extracted value points back into the cleaned text of its article through a
:class:`Span`; ``article.text[span.start:span.end] == span.text`` always holds.
The per-article :class:`Article` is the one mutable object: it flows through the
stages, and each stage fills the layers it declares.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "Span",
    "Place",
    "PlaceCandidate",
    "ActorRef",
    "ActorMention",
    "PlaceMention",
    "TimeMention",
    "Quantity",
    "Attribution",
    "DateRange",
    "Location",
    "Fatalities",
    "Source",
    "Event",
    "Article",
    "Rejection",
    "content_hash",
]


def content_hash(text: str, length: int = 16) -> str:
    """A stable id for a piece of content (sha256, hex, truncated)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def _plain(value: Any) -> Any:
    """Turn dataclasses, dates, tuples and nested containers into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Serializable:
    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class Span(_Serializable):
    """A stretch of an article's cleaned text: ``text == article.text[start:end]``."""

    article_id: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: "Article", start: int, end: int) -> "Span":
        return cls(article.id, start, end, article.text[start:end])

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(str(d["article_id"]), int(d["start"]), int(d["end"]), str(d["text"]))


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place(_Serializable):
    """A gazetteer entry."""

    name: str
    lat: float
    lon: float
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonames_id: int | None = None
    feature_class: str | None = None  # GeoNames class: P populated place, A admin, S spot, T hill, ...
    feature_code: str | None = None  # GeoNames code: PPL, PPLA, ADM1, PCLI, OILF, AIRB, ...
    population: int = 0
    source: str = "geonames"


@dataclass(frozen=True)
class PlaceCandidate(_Serializable):
    place: Place
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceMention(_Serializable):
    """A toponym in the text, with the place it was resolved to and the candidates weighed."""

    span: Span
    name: str
    place: Place | None
    geo_precision: int | None  # ACLED 1 town or finer, 2 near / part of, 3 province
    qualifier: str | None = None  # "suburbs", "countryside", "province", "near", ...
    candidates: tuple[PlaceCandidate, ...] = ()
    rule: str = ""


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class ActorRef(_Serializable):
    """A normalised actor, as exported: ``{name, kind, inter, country_code}``."""

    name: str
    kind: str | None = None  # state, rebel, militia, identity, rioters, protesters, civilians, external, monitor, media
    inter: int | None = None  # ACLED inter code 1-8
    country_code: str | None = None
    actor_id: str | None = None  # registry id


@dataclass(frozen=True)
class ActorMention(_Serializable):
    span: Span
    actor: ActorRef
    generic: bool = False  # "rebels", "gunmen", "civilians": a description, not a name
    rule: str = ""


# --------------------------------------------------------------------------- time


@dataclass(frozen=True)
class DateRange(_Serializable):
    """A resolved date: first and last day it may be, and ACLED time_precision."""

    start: date | None
    end: date | None
    time_precision: int | None  # 1 day, 2 within a week / a few days, 3 month or wider

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DateRange":
        def parse(v: Any) -> date | None:
            return date.fromisoformat(str(v)[:10]) if v else None

        return cls(parse(d.get("start")), parse(d.get("end")), d.get("time_precision"))


@dataclass(frozen=True)
class TimeMention(_Serializable):
    """A time expression; ``value`` is None when it could not be resolved (no anchor)."""

    span: Span
    value: DateRange | None
    rule: str = ""


# --------------------------------------------------------------------------- numbers and claims


@dataclass(frozen=True)
class Quantity(_Serializable):
    """A count of people in the text: "at least 16", "dozens", "a Russian adviser"."""

    span: Span
    low: int
    high: int
    best: int
    unit: str = "people"  # what is counted: people, civilians, children, fighters, ...


@dataclass(frozen=True)
class Attribution(_Serializable):
    """Who asserts something: "ISIS claimed", "according to local activists"."""

    span: Span
    source: str  # who says it, as named in the text
    kind: str  # party_claim, monitor, activists, official, media, unnamed
    cue: str = ""  # claimed, said, according to, ...


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Location(_Serializable):
    name: str | None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonames_id: int | None = None
    geo_precision: int | None = None

    @classmethod
    def of(cls, place: Place | None, name: str | None, geo_precision: int | None) -> "Location":
        if place is None:
            return cls(name=name, geo_precision=geo_precision)
        return cls(
            name=place.name,
            lat=place.lat,
            lon=place.lon,
            country_code=place.country_code,
            admin1=place.admin1,
            admin2=place.admin2,
            geonames_id=place.geonames_id,
            geo_precision=geo_precision,
        )


@dataclass(frozen=True)
class Fatalities(_Serializable):
    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Source(_Serializable):
    """One report of an event: the article and the sentence that tell it."""

    article_id: str
    outlet: str | None
    url: str | None
    published: date | None
    sentence: str
    start: int
    end: int
    attributed_to: str | None = None
    fatalities: int | None = None  # the toll this report gave (its best figure), kept through fusion
    attribution_kind: str | None = None  # outlet, party, monitor, activists, witnesses, official, media, unnamed


@dataclass
class Event(_Serializable):
    """One event, as exported (the output contract in DESIGN.md), plus a few extras."""

    id: str
    event_type: str
    sub_event_type: str
    background: bool = False
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc_actors: list[ActorRef] = field(default_factory=list)
    location: Location | None = None
    date: DateRange | None = None
    fatalities: Fatalities = field(default_factory=Fatalities)
    claimed_by: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    confidence: float = 0.5
    # extras beyond the contract
    modality: str = "asserted"
    cameo_root: str | None = None
    plover_type: str | None = None
    trigger: str | None = None
    date_basis: str | None = None  # how the date was found: clause, sentence, published (fallback), ...
    injured: int | None = None  # people wounded (not deaths), most conservative figure
    casualties: dict[str, int] = field(default_factory=dict)  # deaths by who died: civilians, children, fighters, ...
    claim: str | None = None  # perpetrator_claim (a party claims its own act) or enemy_losses (a party counts its enemy's dead)
    # the gazetteer candidates weighed for the event's place: [{name, country_code, lat, lon, feature_code, score, reasons}]
    location_candidates: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # fusion: how many sources are independent (syndicated copies count once), and what they disagree on
    independent_sources: int | None = None
    contradictions: list[dict[str, Any]] = field(default_factory=list)

    # Human review, laid over the machine's event when it is read (dateline.store.reviews);
    # None for an unreviewed event, and then left out of to_dict so unreviewed output is unchanged.
    review: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        if d.get("review") is None:
            d.pop("review", None)
        return d

    def add_evidence(self, name: str, span: Span | None) -> None:
        if span is not None and span not in self.evidence.setdefault(name, []):
            self.evidence[name].append(span)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        def actor(v: Any) -> ActorRef | None:
            return ActorRef(**v) if isinstance(v, dict) else None

        def opt_date(v: Any) -> date | None:
            return date.fromisoformat(str(v)[:10]) if v else None

        return cls(
            id=d["id"],
            event_type=d["event_type"],
            sub_event_type=d["sub_event_type"],
            background=bool(d.get("background")),
            actor1=actor(d.get("actor1")),
            actor2=actor(d.get("actor2")),
            assoc_actors=[a for a in (actor(x) for x in d.get("assoc_actors") or []) if a],
            location=Location(**d["location"]) if d.get("location") else None,
            date=DateRange.from_dict(d["date"]) if d.get("date") else None,
            fatalities=Fatalities(**(d.get("fatalities") or {})),
            claimed_by=list(d.get("claimed_by") or []),
            sources=[
                Source(**{**s, "published": opt_date(s.get("published"))}) for s in d.get("sources") or []
            ],
            evidence={k: [Span.from_dict(s) for s in v] for k, v in (d.get("evidence") or {}).items()},
            confidence=float(d.get("confidence", 0.5)),
            modality=d.get("modality", "asserted"),
            cameo_root=d.get("cameo_root"),
            plover_type=d.get("plover_type"),
            trigger=d.get("trigger"),
            date_basis=d.get("date_basis"),
            injured=d.get("injured"),
            casualties=dict(d.get("casualties") or {}),
            claim=d.get("claim"),
            location_candidates=[dict(c) for c in d.get("location_candidates") or []],
            notes=list(d.get("notes") or []),
            review=d.get("review"),
            independent_sources=d.get("independent_sources"),
            contradictions=[dict(c) for c in d.get("contradictions") or []],
        )


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True)
class Rejection(_Serializable):
    """An input that was read but not processed, and why."""

    source: str  # file path, "path:line" for corpus lines, or the given id
    reason: str  # short machine-readable code: empty, binary, undecodable, malformed_json, no_article, non_english, ...
    detail: str = ""
    article_id: str | None = None


@dataclass
class Article:
    """One article on its way through the pipeline.

    ``raw`` is the input as read (text or HTML); ``text`` is the cleaned body
    that every span points into. Layers are filled by the stages; the names
    used in ``Stage.requires`` / ``Stage.assigns`` are the attribute names.
    """

    id: str
    raw: str
    input_format: str = "text"  # text | html
    source: str = ""  # where it came from: path, path:line
    content_hash: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_precision: int | None = None  # 1 day, 3 month (from a URL like /2016/03/)
    published_source: str | None = None  # given, metadata, markup, url, text
    # clean
    text: str = ""
    byline: str | None = None
    dateline: str | None = None  # "HOMS", "BEIRUT"
    captions: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, reason) taken out by cleaning
    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (clean_start, raw_start, length)
    language: str | None = None
    duplicate_of: str | None = None
    # nlp
    doc: Any = None  # spaCy Doc over ``text``
    sentences: list[Span] = field(default_factory=list)
    # mentions
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    # events
    events: list[Event] = field(default_factory=list)
    # acts told but not reported as having happened (future, hypothetical, negated), with why
    non_events: list[dict[str, Any]] = field(default_factory=list)
    # stage bookkeeping
    done: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.raw)

    def span(self, start: int, end: int) -> Span:
        return Span.of(self, start, end)

    def sentence_at(self, offset: int) -> Span | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def spans(self) -> list[Span]:
        """Every span in every layer (for invariant checks)."""
        out: list[Span] = list(self.sentences)
        for layer in (self.actors, self.places, self.times, self.quantities, self.attributions):
            out.extend(m.span for m in layer)
        for ev in self.events:
            for spans in ev.evidence.values():
                out.extend(spans)
        return out

    def meta_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "content_hash": self.content_hash,
            "source": self.source,
            "input_format": self.input_format,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "published_precision": self.published_precision,
            "published_source": self.published_source,
            "byline": self.byline,
            "dateline": self.dateline,
            "language": self.language,
            "captions": list(self.captions),
            "duplicate_of": self.duplicate_of,
        }

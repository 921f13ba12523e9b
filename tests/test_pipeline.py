"""The stage pipeline: order checks, per-article failure isolation, resources."""
from __future__ import annotations

import pytest

from dateline.errors import InputError, PipelineError
from dateline.model import Article
from dateline.pipeline import Context, Pipeline


class Upper:
    name = "upper"
    requires = ("raw",)
    assigns = ("text",)

    def __call__(self, article, ctx):
        if "boom" in article.raw:
            raise ValueError("exploded")
        if "empty" in article.raw:
            raise InputError("no_article", "nothing left")
        article.text = article.raw.upper()
        return article


class NeedsDoc:
    name = "needs-doc"
    requires = ("doc",)
    assigns = ("events",)

    def __call__(self, article, ctx):
        return article


def test_order_is_checked_when_built():
    with pytest.raises(PipelineError, match="needs doc"):
        Pipeline([NeedsDoc()])
    Pipeline([Upper()])  # fine


def test_a_failing_article_is_a_rejection_and_the_batch_goes_on():
    ctx = Context(resources={})
    arts = [Article(id=str(i), raw=r, source=f"f{i}") for i, r in enumerate(["ok one", "boom", "empty", "ok two"])]
    result = Pipeline([Upper()]).run(arts, ctx)
    assert [a.text for a in result.articles] == ["OK ONE", "OK TWO"]
    reasons = {r.source: (r.reason, r.detail) for r in result.rejections}
    assert reasons["f1"][0] == "stage_error" and "exploded" in reasons["f1"][1]
    assert reasons["f2"] == ("no_article", "nothing left")
    assert all("upper" in a.done for a in result.articles)


def test_batch_failure_falls_back_to_one_by_one():
    class Batchy(Upper):
        def process_batch(self, articles, ctx):
            return [self(a, ctx) for a in articles]

    ctx = Context(resources={})
    arts = [Article(id=str(i), raw=r) for i, r in enumerate(["a", "boom", "b"])]
    result = Pipeline([Batchy()]).run(arts, ctx)
    assert [a.text for a in result.articles] == ["A", "B"]
    assert len(result.rejections) == 1


def test_resources_are_built_once_and_can_be_injected():
    calls = []
    ctx = Context(resources={"nlp": "fake"}, factories={"thing": lambda c: calls.append(1) or object()})
    assert ctx.nlp == "fake"
    assert ctx.resource("thing") is ctx.resource("thing")
    assert calls == [1]
    with pytest.raises(PipelineError):
        ctx.resource("nope")


def test_default_pipeline_is_well_ordered():
    from dateline.api import build_pipeline

    names = build_pipeline().names
    assert names == ["clean", "nlp", "places", "times", "actors", "events"]

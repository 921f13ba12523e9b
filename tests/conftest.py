"""Shared fixtures: the real spaCy model and gazetteer are loaded once per test session."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"

os.environ.setdefault("DATELINE_DATA_DIR", str(ROOT / ".cache" / "dateline"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only beside a developer checkout)")
    return path


@pytest.fixture(scope="session")
def ctx():
    from dateline.pipeline import Context

    return Context()


@pytest.fixture(scope="session")
def pipeline():
    from dateline.api import build_pipeline

    return build_pipeline()


@pytest.fixture()
def make_article():
    from dateline.model import Article

    def make(text: str, published: date | None = date(2016, 3, 17), **kw):
        return Article(id=kw.pop("id", "t1"), raw=text, published=published, **kw)

    return make


@pytest.fixture()
def run_text(ctx, pipeline, make_article):
    """Run the full per-article pipeline on a text; returns the processed Article."""

    def run(text: str, published: date | None = date(2016, 3, 17), **kw):
        result = pipeline.run([make_article(text, published, **kw)], ctx)
        assert not result.rejections, result.rejections
        return result.articles[0]

    return run

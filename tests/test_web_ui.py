"""The web UI driven in a real headless Chromium (Debian's, through Playwright's Python client).

The whole flow an analyst follows: the map, timeline and table load with no
network beyond this server; a filter narrows all three; an event page shows
its evidence highlighted in the article; a correction is saved, and survives
a reload. Screenshots go to $DATELINE_SCREENSHOTS (or a temporary folder).
Skipped, with the reason, where Playwright or /usr/bin/chromium is missing
(``make browser`` installs Debian's chromium).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="the UI tests need playwright (requirements.txt)")
pytest.importorskip("uvicorn", reason="the UI tests serve the app with uvicorn (requirements.txt)")

from dateline.web import create_app  # noqa: E402
from web.fixtures import SEED, XSS_ID, copy_db, running_server  # noqa: E402

CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
TOKEN = "ui-test-token"


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("DATELINE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = copy_db(tmp_path_factory.getbasetemp() / "webdb", tmp_path_factory.mktemp("ui") / "dateline.sqlite")
    with running_server(create_app(db, token=TOKEN)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM}: `make browser` (apt-get install chromium) installs Debian's")
    with sync_api.sync_playwright() as p:
        try:
            # Playwright gives each launch a fresh, temporary --user-data-dir.
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        except sync_api.Error as e:
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {str(e).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture()
def page(browser: object, base_url: str) -> Iterator[object]:
    """A page that may only talk to our server; anything else is refused and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.outside = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(base_url) or url.startswith("data:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            pg.outside.append(url)  # type: ignore[attr-defined]
            route.abort()  # type: ignore[attr-defined]

    pg.route("**/*", guard)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def _ready(pg: object) -> None:
    pg.wait_for_selector("body[data-ready]", timeout=20_000)  # type: ignore[attr-defined]
    assert pg.get_attribute("body", "data-ready") == "true", pg.inner_text("body")[:500]  # type: ignore[attr-defined]


def test_map_timeline_and_table_load_offline(page: object, base_url: str, shots: Path) -> None:
    pg = page
    pg.goto(base_url + "/")
    _ready(pg)
    outlines = pg.locator(".leaflet-outlines-pane path").count()
    assert outlines > 100  # the offline base map: Natural Earth countries, served by us
    markers = pg.locator(".dl-cluster").count() + pg.locator(".leaflet-overlay-pane path.leaflet-interactive").count()
    assert markers > 0
    assert pg.locator("#timeline rect.bar").count() > 0
    rows = pg.locator("#events-table tbody tr").count()
    total = int(pg.inner_text("#total"))
    assert rows == min(total, 25) and total > 5
    assert "events on the map" in pg.inner_text("#map-note")
    pg.screenshot(path=str(shots / "01-map.png"), full_page=True)
    assert pg.outside == [] and pg.errors == []


def test_filter_then_open_event_see_evidence_correct_and_reload(page: object, base_url: str, shots: Path) -> None:
    pg = page
    pg.goto(base_url + "/")
    _ready(pg)
    pg.select_option("select[name=type]", "Battles")
    pg.click("#apply")
    pg.wait_for_url("**type=Battles**")
    _ready(pg)
    types = pg.locator("#events-table tbody a.event-link").all_inner_texts()
    assert types and set(types) == {"Battles"}
    assert pg.locator("#legend > span").all_inner_texts() == ["Battles"]
    pg.screenshot(path=str(shots / "02-filtered.png"), full_page=True)

    # Open an event: one of the worked example's (Homs) when ../shared is there, else the first battle.
    row = pg.locator("#events-table tbody tr", has_text="Homs")
    if not SEED.exists() or row.count() == 0:
        row = pg.locator("#events-table tbody tr")
    row.first.locator("a.event-link").click()
    pg.wait_for_url("**/events/**")
    marks = pg.locator(".article-text mark.ev-location")
    assert marks.count() > 0
    location_row = pg.inner_text("#fields tr[data-field=location] td:nth-child(3)")
    assert marks.first.inner_text() in location_row  # the highlighted text is the field's evidence
    assert pg.locator(".article-text .sentence, .article-text .in-sentence").count() > 0
    assert pg.locator(".claim").count() >= 1
    pg.screenshot(path=str(shots / "03-event.png"), full_page=True)

    pg.fill("#who", "ann")
    pg.fill("#token", TOKEN)
    pg.select_option("#correct-field", "fatalities.best")
    pg.fill("#correct-value", "7")
    with pg.expect_navigation():
        pg.click("#btn-correct")
    pg.reload()
    assert "best 7" in pg.inner_text("#fields tr[data-field=fatalities] td.value")
    assert pg.inner_text("#review-status").strip() == "corrected"
    log = pg.inner_text("#review-log")
    assert "ann" in log and "fatalities.best" in log
    pg.screenshot(path=str(shots / "04-corrected.png"), full_page=True)
    assert pg.outside == [] and pg.errors == []


def test_wrong_token_is_refused_in_the_page(page: object, base_url: str) -> None:
    pg = page
    pg.goto(base_url + "/?background=")
    _ready(pg)
    pg.locator("#events-table tbody a.event-link").first.click()
    pg.wait_for_url("**/events/**")
    pg.fill("#who", "mallory")
    pg.fill("#token", "not-the-token")
    pg.click("#btn-confirm")
    pg.wait_for_selector("#review-message.error")
    assert "token" in pg.inner_text("#review-message")


def test_script_in_an_article_is_shown_not_run(page: object, base_url: str, shots: Path) -> None:
    pg = page
    pg.goto(f"{base_url}/articles/{XSS_ID}")
    text = pg.inner_text(".article-text")
    assert "<script>window.__xss = 1; alert('xss')</script>" in text
    assert pg.evaluate("typeof window.__xss") == "undefined"
    assert "<img src=x onerror=alert(1)>" in pg.inner_text("h1")
    pg.locator("a[href^='/events/']").first.click()
    pg.wait_for_url("**/events/**")
    assert "<script>" in pg.inner_text(".article-text")
    assert pg.evaluate("typeof window.__xss") == "undefined"
    pg.screenshot(path=str(shots / "05-script-as-text.png"), full_page=True)
    assert pg.dialogs == [] and pg.outside == []

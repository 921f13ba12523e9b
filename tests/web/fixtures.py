"""A small database for the web tests, built once per test session by the real pipeline.

It holds the bundled synthetic examples, the worked example when ../shared is
beside the checkout, and one article of our own with a ``<script>`` tag in its
text (the web must show it as text). Tests get a private copy, so review
actions in one test never leak into another.
"""
from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "eval" / "seed" / "ara-palmyra-2016-03.txt"
XSS_ID = "test-xss-1"
XSS_TEXT = (
    "BEIRUT - Clashes between Syrian government forces and rebels killed four fighters near Azaz on Monday, "
    "a monitor said. <script>window.__xss = 1; alert('xss')</script> Residents of the town said the fighting "
    "lasted for several hours and that shops stayed closed on Tuesday."
)


def write_xss_corpus(folder: Path) -> Path:
    """A one-line corpus whose text, title, outlet and URL are hostile."""
    line = {"id": XSS_ID, "title": "Clashes near Azaz <img src=x onerror=alert(1)>", "outlet": "Test <i>Wire</i>",
            "url": "javascript:alert(1)", "published": "2018-02-06", "text": XSS_TEXT}
    path = folder / "xss.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return path


@cache
def built_db(base: str) -> Path:
    """Run the pipeline once into ``base`` and return the database path."""
    from dateline.api import run
    from dateline.config import load_settings
    from dateline.pipeline import Context

    out = Path(base)
    out.mkdir(parents=True, exist_ok=True)
    inputs: list[Path] = [ROOT / "examples" / "articles", write_xss_corpus(out)]
    settings = load_settings({"run.progress": "false"}, environ={})
    ctx = Context(settings)  # one model load for both runs
    run(inputs, out / "built", settings=settings, ctx=ctx)
    if SEED.exists():  # the worked example needs its metadata, which only a single-file run can give
        run([SEED], out / "built", settings=settings, ctx=ctx, published=_date("2016-03-17"), outlet="ARA News",
            article_id="ara-palmyra-2016-03")
    return out / "built" / "dateline.sqlite"


def _date(s: str):  # noqa: ANN202 - tiny helper
    from datetime import date

    return date.fromisoformat(s)


def copy_db(base: Path, dest: Path) -> Path:
    """A private copy of the session's database."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built_db(str(base)), dest)
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(app: object) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yields the base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)

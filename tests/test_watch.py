"""Watching a folder: each new or changed file is processed once, into the same store."""
from __future__ import annotations

import json
import os
import shutil
import time

from click.testing import CliRunner

from conftest import EXAMPLES
from dateline.cli import main
from dateline.config import load_settings
from dateline.store import Store
from dateline.watch import STATE_FILE, pending_files, watch

ART = EXAMPLES / "articles"


def _age(path, seconds: float = 10.0) -> None:
    """Make a file look settled (written a while ago)."""
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_watch_reads_new_files_once_and_fuses_into_the_store(tmp_path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    shutil.copy(ART / "synthetic-manbij-clashes.txt", inbox)
    _age(inbox / "synthetic-manbij-clashes.txt")
    settings = load_settings({"run.progress": False})
    first = list(watch([inbox], out, settings=settings, cycles=2, sleep=lambda s: None))
    assert [len(c.files) for c in first] == [1, 0] and first[1].report is None
    assert first[0].report is not None and first[0].report.processed == 1
    with Store.open(str(out / "dateline.sqlite")) as store:
        n_before = len(store.events())
    assert n_before > 0
    # a second article arrives; a new watcher (restarted) reads only that one
    shutil.copy(ART / "synthetic-jos-riot.txt", inbox)
    _age(inbox / "synthetic-jos-riot.txt")
    [again] = watch([inbox], out, settings=settings, cycles=1)
    assert [os.path.basename(f) for f in again.files] == ["synthetic-jos-riot.txt"]
    with Store.open(str(out / "dateline.sqlite")) as store:
        n_after = len(store.events())
        assert len(store.articles()) == 2 and n_after > n_before
    exported = (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(exported) == n_after  # the exports hold the whole store, not only the last cycle
    state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    assert len(state) == 2


def test_files_still_being_written_wait_for_the_next_cycle(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    assert pending_files([tmp_path], {}, settle=60.0) == []
    assert [p for p, _ in pending_files([tmp_path], {}, settle=0.0)] == [str(f)]
    stamp = pending_files([tmp_path], {}, settle=0.0)[0][1]
    assert pending_files([tmp_path], {str(f): stamp}, settle=0.0) == []
    f.write_text("changed", encoding="utf-8")
    assert [p for p, _ in pending_files([tmp_path], {str(f): stamp}, settle=0.0)] == [str(f)]


def test_watch_command_runs_the_given_cycles(tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    _age(inbox / "empty.txt")
    result = CliRunner().invoke(main, ["watch", str(inbox), "--out", str(tmp_path / "out"), "--cycles", "2",
                                       "--interval", "0.1"])
    assert result.exit_code == 0, result.output
    assert "cycle 1: 1 new file(s), 1 read, 0 processed, 1 rejected" in result.output
    assert "cycle 2: nothing new" in result.output

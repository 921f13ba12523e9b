"""Scale-out on Dask: the same events whether the per-article stages run here or in worker processes."""
from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES
from dateline.api import run
from dateline.config import load_settings
from dateline.errors import ConfigError
from dateline.scale import BatchRunner


def _events(out) -> list[dict]:
    return [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("scheduler", ["processes", "threads"])
def test_workers_give_the_same_events_as_one_process(tmp_path, scheduler) -> None:
    # small batches so that several go to the workers, and a window smaller than the input
    base = {"nlp.batch_size": 3, "ingest.dedupe_window": 10, "run.progress": False}
    one = run([EXAMPLES / "articles"], tmp_path / "one", settings=load_settings(base))
    many = run([EXAMPLES / "articles"], tmp_path / "many",
               settings=load_settings({**base, "scale.workers": 2, "scale.scheduler": scheduler}))
    assert (many.read, many.processed, many.rejected) == (one.read, one.processed, one.rejected)
    assert one.processed == one.read > 10
    assert _events(tmp_path / "many") == _events(tmp_path / "one")


def test_bad_scale_settings_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="scale.workers"):
        BatchRunner(load_settings({"scale.workers": 0}))
    with pytest.raises(ConfigError, match="scale.scheduler"):
        BatchRunner(load_settings({"scale.workers": 2, "scale.scheduler": "cluster"}))
    assert not BatchRunner(load_settings({})).distributed
    assert BatchRunner(load_settings({"scale.workers": 2})).distributed


def test_a_dask_cluster_address_gives_the_same_events(tmp_path) -> None:
    distributed = pytest.importorskip("distributed")
    base = {"nlp.batch_size": 4, "run.progress": False}
    one = run([EXAMPLES / "articles"], tmp_path / "one", settings=load_settings(base))
    # a real scheduler at a tcp:// address; its workers are threads of this process to keep the test light
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://")
        many = run([EXAMPLES / "articles"], tmp_path / "many",
                   settings=load_settings({**base, "scale.scheduler": address}))
    assert (many.read, many.processed) == (one.read, one.processed)
    assert _events(tmp_path / "many") == _events(tmp_path / "one")

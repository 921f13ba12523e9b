"""Settings in layers, and every setting documented."""
from __future__ import annotations

import pytest

from dateline.config import DEFAULTS, DOCS, load_settings, parse_set
from dateline.errors import ConfigError


def test_every_setting_is_documented():
    assert set(DEFAULTS) == set(DOCS)
    assert all(len(DOCS[k]) > 20 for k in DOCS)


def test_layers_file_env_and_overrides(tmp_path):
    cfg = tmp_path / "d.toml"
    cfg.write_text('[nlp]\nbatch_size = 8\n[events]\nbackground_days = 30\n')
    s = load_settings(config_file=cfg, environ={})
    assert s["nlp.batch_size"] == 8 and s["events.background_days"] == 30
    s = load_settings(config_file=cfg, environ={"DATELINE_NLP__BATCH_SIZE": "4"})
    assert s["nlp.batch_size"] == 4
    s = load_settings({"nlp.batch_size": "2"}, config_file=cfg, environ={"DATELINE_NLP__BATCH_SIZE": "4"})
    assert s["nlp.batch_size"] == 2


def test_errors_name_the_key(tmp_path):
    with pytest.raises(ConfigError, match="nlp.batch_size"):
        load_settings({"nlp.batch_size": "many"}, environ={})
    with pytest.raises(ConfigError, match="no.such"):
        load_settings({"no.such": "1"}, environ={})
    with pytest.raises(ConfigError, match="KEY=VALUE"):
        parse_set(["oops"])
    bad = tmp_path / "bad.toml"
    bad.write_text("[nlp\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(config_file=bad, environ={})

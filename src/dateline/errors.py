"""One exception hierarchy. Messages say what was wrong and how to fix it."""
from __future__ import annotations

__all__ = ["DatelineError", "ConfigError", "InputError", "PipelineError", "StoreError", "ModelNotFound"]


class DatelineError(Exception):
    """Base class: the CLI catches this once and prints the message."""


class ConfigError(DatelineError):
    """A setting is unknown or has a bad value; the message names the key."""


class InputError(DatelineError):
    """An input cannot be read as an article. ``reason`` is a short code for the run report."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class PipelineError(DatelineError):
    """Stages are in an order that cannot work (a stage needs what no earlier stage adds)."""


class StoreError(DatelineError):
    """The database cannot be opened, migrated or written."""


class ModelNotFound(DatelineError):
    """No spaCy English model is installed under any of the configured names."""

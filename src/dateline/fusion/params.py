"""Fusion thresholds, read once from the settings (keys ``fuse.*``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["FuseParams"]


@dataclass(frozen=True)
class FuseParams:
    """The knobs of fusion; the defaults are those of :data:`dateline.config.DEFAULTS`."""

    threshold: float = 0.55
    day_slack: int = 1
    week_slack: int = 3
    fallback_days: int = 6
    km_town: float = 10.0
    km_near: float = 30.0
    km_region: float = 150.0
    text_weight: float = 0.3
    copy_similarity: float = 0.8

    @classmethod
    def from_settings(cls, settings: Any | None) -> "FuseParams":
        """From a :class:`~dateline.config.Settings` (or None: the shipped defaults)."""
        if settings is None:
            from ..config import load_settings

            settings = load_settings(environ={})
        return cls(**{name: settings[f"fuse.{name}"] for name in cls.__dataclass_fields__})

    def radius_km(self, geo_precision: int | None) -> float:
        """How far a place of this ACLED geo_precision may lie from another report's place."""
        return {1: self.km_town, 2: self.km_near}.get(geo_precision or 3, self.km_region)

    def slack_days(self, time_precision: int | None) -> int:
        """Days of slack around a date of this ACLED time_precision (a month-wide range needs none)."""
        return {1: self.day_slack, 2: self.week_slack}.get(time_precision or 3, 0)

"""Cross-article fusion: reports of one event from many articles become one event.

The stages are modules: :mod:`.reports` (a per-article event seen as one report),
:mod:`.text` (sentence similarity), :mod:`.blocking` (candidate pairs),
:mod:`.score` (pair compatibility and similarity), :mod:`.cluster` (grouping
without transitive chains), :mod:`.reconcile` (one event from a group) and
:mod:`.succession` (stable ids, merges and splits). :mod:`dateline.fuse` ties them.
"""
from __future__ import annotations

from .params import FuseParams
from .succession import Succession

__all__ = ["FuseParams", "Succession"]

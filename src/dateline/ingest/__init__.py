"""Ingest: read files, folders and corpus dumps into articles (or recorded rejections)."""
from __future__ import annotations

from .readers import decode_bytes, iter_files, looks_binary, parse_published, read_inputs, read_path

from .dedupe import find_near_duplicates

__all__ = [
    "read_inputs", "read_path", "iter_files", "parse_published", "decode_bytes", "looks_binary", "find_near_duplicates",
]

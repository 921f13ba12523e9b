"""The store: SQLite by default, PostgreSQL through the same code, changed only by migrations."""
from __future__ import annotations

from .db import Store
from .migrations import MIGRATIONS, apply_migrations

__all__ = ["Store", "MIGRATIONS", "apply_migrations"]

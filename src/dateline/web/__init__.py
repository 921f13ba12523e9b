"""The web face of dateline: an HTTP API and a UI (map, timeline, table, event pages, review).

``dateline serve --db out/dateline.sqlite`` runs it; :func:`create_app` builds
the ASGI app for any other server; :func:`serve` runs it with uvicorn.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["create_app", "serve", "check_db"]


def create_app(db: str | Path, settings: Any = None, *, token: str | None = None) -> Any:
    """The FastAPI app over the store at ``db`` (see :mod:`dateline.web.app`)."""
    from .app import create_app as _create

    return _create(db, settings, token=token)


def check_db(db: str | Path) -> None:
    """Refuse a database path that does not exist: serving would create an empty one."""
    from ..errors import DatelineError

    if "://" not in str(db) and not Path(db).exists():
        raise DatelineError(f"no database at {db}; run `dateline run ... --out DIR` first or pass --db")


def serve(db: str | Path, settings: Any = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and UI until interrupted. Needs fastapi and uvicorn installed."""
    from ..errors import ConfigError

    try:
        import uvicorn
    except ImportError:
        raise ConfigError("dateline serve needs fastapi and uvicorn: pip install fastapi uvicorn") from None
    check_db(db)
    uvicorn.run(create_app(db, settings), host=host, port=port, log_level="info")

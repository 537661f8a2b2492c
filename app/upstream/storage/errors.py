"""Errors of the upstream's database that its operator can act on."""

from __future__ import annotations

from app.errors import KnownError


class UpstreamDatabaseUrlError(KnownError):
    """The --db value names no database this service can use."""

    exit_code = 70
    next_step = "Use --db sqlite:///upstream.db (embedded) or --db postgresql://USER@HOST:PORT/DB."


class UpstreamDatabaseUnavailable(KnownError):
    """The database is named correctly but cannot be opened or reached."""

    exit_code = 71
    next_step = "Check that the database server is running and the account may connect, then start again."

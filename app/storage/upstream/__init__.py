"""Storage of the reference upstream service (SQLite embedded, PostgreSQL shared)."""

from app.storage.upstream.dialects import PostgresUpstreamStore, SqliteUpstreamStore, open_upstream_store
from app.storage.upstream.errors import UpstreamDatabaseUnavailable, UpstreamDatabaseUrlError
from app.storage.upstream.records import AnchorRow, IncomingOperation, OperationOutcome, OutletCounts, RecordRow
from app.storage.upstream.store import UpstreamStore

__all__ = [
    "AnchorRow",
    "IncomingOperation",
    "OperationOutcome",
    "OutletCounts",
    "PostgresUpstreamStore",
    "RecordRow",
    "SqliteUpstreamStore",
    "UpstreamDatabaseUnavailable",
    "UpstreamDatabaseUrlError",
    "UpstreamStore",
    "open_upstream_store",
]

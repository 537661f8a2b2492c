"""Storage of the reference upstream service (SQLite embedded, PostgreSQL shared)."""

from app.upstream.storage.dialects import (
    EncryptedSqliteUpstreamStore,
    PostgresUpstreamStore,
    SqliteUpstreamStore,
    open_encrypted_store,
    open_upstream_store,
)
from app.upstream.storage.errors import UpstreamDatabaseUnavailable, UpstreamDatabaseUrlError
from app.upstream.storage.records import AnchorRow, IncomingOperation, OperationOutcome, OutletCounts, RecordRow
from app.upstream.storage.store import UpstreamStore

__all__ = [
    "AnchorRow",
    "EncryptedSqliteUpstreamStore",
    "IncomingOperation",
    "OperationOutcome",
    "OutletCounts",
    "PostgresUpstreamStore",
    "RecordRow",
    "SqliteUpstreamStore",
    "UpstreamDatabaseUnavailable",
    "UpstreamDatabaseUrlError",
    "UpstreamStore",
    "open_encrypted_store",
    "open_upstream_store",
]

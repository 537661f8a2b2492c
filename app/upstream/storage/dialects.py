"""The two databases the upstream runs on, and the `--db` URL that picks one.

`sqlite:///relative.db` and `sqlite:////absolute/path.db` (the SQLAlchemy convention) give
the embedded store; `postgresql://user@host:port/db` gives the shared one that several
stateless upstream workers can use at once.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
import sqlcipher3

from app.upstream.storage.errors import UpstreamDatabaseUnavailable, UpstreamDatabaseUrlError
from app.upstream.storage.schema import POSTGRES_SERIAL, SQLITE_SERIAL
from app.upstream.storage.store import UpstreamStore, _json_key

SQLITE_PREFIX = "sqlite:///"
POSTGRES_PREFIXES = ("postgresql://", "postgres://")
#: How long a writer waits for SQLite's write lock before giving up, in seconds.
SQLITE_BUSY_TIMEOUT = 30.0
#: SQLite primary result codes meaning "cannot serve now": BUSY, LOCKED, NOMEM, IOERR, FULL, CANTOPEN.
SQLITE_UNAVAILABLE = frozenset({5, 6, 7, 10, 13, 14})
#: The database holds outlets' records: only the service's own account may read it.
OWNER_ONLY = 0o600
#: SQLite's files beside the database; it creates them with the database file's mode.
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


class SqliteUpstreamStore(UpstreamStore):
    """The embedded store: one SQLite file in WAL mode, writers serialised by SQLite's lock."""

    def __init__(self, path: Path, *, busy_timeout: float = SQLITE_BUSY_TIMEOUT) -> None:
        super().__init__()
        self.path = path
        self.busy_timeout = busy_timeout

    @property
    def _serial(self) -> str:
        return SQLITE_SERIAL

    def _connect(self) -> Any:
        try:
            self._make_owner_only()
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=self.busy_timeout)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")  # an acknowledged push must survive a power cut
            # Deleted and overwritten content is zeroed, so an erased payload leaves no copy in free space.
            conn.execute("PRAGMA secure_delete=ON")
        except (sqlite3.Error, OSError) as exc:
            raise UpstreamDatabaseUnavailable(f"Cannot open the upstream database {self.path}: {exc}") from exc
        return conn

    def _make_owner_only(self) -> None:
        """Create the database file owner-only (SQLite gives its WAL and shared-memory files the
        same mode) and tighten files an older version left readable by others."""
        if not self.path.exists():
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY))
        for path in (self.path, *(Path(f"{self.path}{suffix}") for suffix in SQLITE_SIDE_FILES)):
            try:
                if stat.S_IMODE(path.stat().st_mode) != OWNER_ONLY:
                    path.chmod(OWNER_ONLY)
            except FileNotFoundError:
                continue

    def _forget_old_copies(self) -> None:
        # Copy the WAL into the database and truncate it, so erased payloads are gone from both
        # files now, not at the next automatic checkpoint or at shutdown.
        conn = self._connection()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def _is_unavailable(self, exc: BaseException) -> bool:
        code = getattr(exc, "sqlite_errorcode", None)
        return isinstance(exc, sqlite3.OperationalError) and code is not None and code & 0xFF in SQLITE_UNAVAILABLE

    def _begin(self, cursor: Any, write: bool) -> None:
        # IMMEDIATE takes the write lock up front, so two writers never deadlock on an upgrade.
        cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def _sql(self, statement: str) -> str:
        return statement


class EncryptedSqliteUpstreamStore(SqliteUpstreamStore):
    """The embedded store encrypted with SQLCipher under a 32-byte key: the outlet hub's store,
    which holds every walk-in customer's record (issue 22)."""

    def __init__(self, path: Path, key: bytes, *, busy_timeout: float = SQLITE_BUSY_TIMEOUT) -> None:
        super().__init__(path, busy_timeout=busy_timeout)
        self._key = key

    def _connect(self) -> Any:
        try:
            self._make_owner_only()
            conn = sqlcipher3.connect(
                str(self.path), isolation_level=None, check_same_thread=False, timeout=self.busy_timeout
            )
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{self._key.hex()}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a wrong key shows here
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA secure_delete=ON")
        except sqlcipher3.DatabaseError as exc:
            raise UpstreamDatabaseUnavailable(
                f"Cannot open the encrypted database {self.path}: a wrong passphrase, or not this store ({exc})."
            ) from exc
        except OSError as exc:
            raise UpstreamDatabaseUnavailable(f"Cannot open the database {self.path}: {exc}") from exc
        return conn

    def _is_unavailable(self, exc: BaseException) -> bool:
        code = getattr(exc, "sqlite_errorcode", None)
        busy = isinstance(exc, sqlcipher3.OperationalError) and code is not None and code & 0xFF in SQLITE_UNAVAILABLE
        return busy or "database is locked" in str(exc)


def open_encrypted_store(path: Path, key: bytes) -> UpstreamStore:
    store = EncryptedSqliteUpstreamStore(path, key)
    try:
        store.create_schema()
    except sqlcipher3.Error as exc:
        store.close()
        raise UpstreamDatabaseUnavailable(f"Cannot prepare the database {path}: {exc}") from exc
    return store


class PostgresUpstreamStore(UpstreamStore):
    """The shared store: PostgreSQL through psycopg 3, one connection per worker thread."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    @property
    def _serial(self) -> str:
        return POSTGRES_SERIAL

    def _connect(self) -> Any:
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise UpstreamDatabaseUnavailable(f"Cannot connect to PostgreSQL: {exc}") from exc

    def _is_unavailable(self, exc: BaseException) -> bool:
        # Connection lost, server shutting down, too many clients; not syntax or constraint errors.
        return isinstance(exc, psycopg.OperationalError)

    def _begin(self, cursor: Any, write: bool) -> None:
        cursor.execute("BEGIN")

    def _sql(self, statement: str) -> str:
        return statement.replace("?", "%s")

    def _is_broken(self, conn: Any) -> bool:
        return bool(conn.broken or conn.closed)

    def _in_list(self, column: str, values: Sequence[str]) -> tuple[str, tuple[Any, ...]]:
        # One array parameter: the statement text stays the same whatever the batch size,
        # so PostgreSQL plans it once instead of once per list length.
        return f"{column} = ANY(?)", (list(values),)

    def json_text(self, column: str, key: str) -> str:
        return f"(({column})::jsonb ->> '{_json_key(key)}')"

    def shifted(self, moment: str, days: int) -> str:
        # Same text form as the counter's UTC stamps, so text comparison stays time order.
        return (
            f"to_char((({moment})::timestamptz + interval '{int(days)} days') AT TIME ZONE 'UTC',"
            ' \'YYYY-MM-DD"T"HH24:MI:SS.MS"+00:00"\')'
        )

    def minutes_between(self, start: str, end: str) -> str:
        return f"CAST(round(EXTRACT(EPOCH FROM (({end})::timestamptz - ({start})::timestamptz)) / 60) AS INTEGER)"

    def _lock_reference_items(self, cursor: Any) -> None:
        # Identity values are handed out before commit; one publisher at a time keeps the
        # committed ids in order, so a puller's cursor never skips a late-committing row.
        cursor.execute("LOCK TABLE reference_items IN EXCLUSIVE MODE")

    def _lock_outlet_anchors(self, cursor: Any, outlet: str) -> None:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(?))", ("anchors:" + outlet,))

    def create_schema(self) -> None:
        # Two workers starting together could race on CREATE TABLE IF NOT EXISTS; a global
        # advisory lock makes schema creation one at a time.
        conn = self._connection()
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_lock(727001)")
            try:
                super().create_schema()
            finally:
                cur.execute("SELECT pg_advisory_unlock(727001)")


def open_upstream_store(db_url: str, *, create: bool = True) -> UpstreamStore:
    """The store a `--db` URL names, with its schema created when `create` (idempotent)."""
    store = _store_for_url(db_url)
    if create:
        try:
            store.create_schema()
        except (sqlite3.Error, psycopg.Error) as exc:
            store.close()
            raise UpstreamDatabaseUnavailable(f"Cannot prepare the upstream database: {exc}") from exc
    return store


def _store_for_url(db_url: str) -> UpstreamStore:
    if db_url.startswith(SQLITE_PREFIX):
        path = db_url[len(SQLITE_PREFIX) :]
        if not path:
            raise UpstreamDatabaseUrlError("The sqlite URL names no file.")
        return SqliteUpstreamStore(Path(path))
    if db_url.startswith(POSTGRES_PREFIXES):
        return PostgresUpstreamStore(db_url)
    raise UpstreamDatabaseUrlError(f"Unsupported database URL: {db_url.split(':', 1)[0]!r}.")

"""Opening the SQLCipher file with a raw key, and telling why it would not open.

SQLCipher's `PRAGMA key` always answers ok: a wrong key only shows at the
first read, as "file is not a database", the same error as a damaged or a
foreign file (docs/ARCHITECTURE.md section 12).  The callers hold a key that a slot
has already vouched for, so here a failed first read means damage, and
`cipher_integrity_check` names the pages.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import sqlcipher3

from app import APPLICATION_ID
from app.storage import migrations
from app.storage.atomic_file import fsync_directory
from app.storage.errors import DatabaseDamaged, NotRepairCounterFile

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
_PAGE = re.compile(r"page (\d+)", re.IGNORECASE)


class Connection(Protocol):
    """What the store uses of a sqlcipher3 connection (the module ships no type information)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...

    def close(self) -> None: ...


DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


class KeyDoesNotFit(Exception):
    """The first page did not decrypt with this key: another key generation, damage, or a foreign file."""


def _connect(path: Path, key: bytes) -> Connection:
    conn: Connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    # SQLCipher prints its own errors to stderr; we report damage ourselves, with the page number.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def open_existing(path: Path, key: bytes) -> Connection:
    """Open, check it is ours, set WAL with synchronous=FULL, migrate.  Raises KeyDoesNotFit."""
    _refuse_plain_sqlite(path)
    conn = _connect(path, key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        raise KeyDoesNotFit(str(exc)) from exc
    try:
        _check_application_id(conn, path)
        _configure(conn)
        migrations.migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def create_new(path: Path, key: bytes) -> Connection:
    conn = _connect(path, key)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # creates the file
    os.chmod(path, 0o600)  # -wal and -shm take the main file's mode
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
    _configure(conn)
    migrations.migrate(conn)
    return conn


def _configure(conn: Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = FULL")  # legal records: a commit survives power loss
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")


PAGE_SIZE = 4096


def refuse_what_is_not_a_database_file(path: Path) -> None:
    """A directory, or a file cut short, told apart before SQLCipher would call it foreign."""
    if path.is_dir():
        raise NotRepairCounterFile(f"{path.name} is a directory, not a database file.")
    size = path.stat().st_size
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise DatabaseDamaged(
            f"The database file {path.name} is truncated: {size} bytes is not a whole number of {PAGE_SIZE}-byte pages."
        )


def _refuse_plain_sqlite(path: Path) -> None:
    refuse_what_is_not_a_database_file(path)
    with open(path, "rb") as handle:
        if handle.read(len(PLAIN_SQLITE_HEADER)) == PLAIN_SQLITE_HEADER:
            raise NotRepairCounterFile(
                f"{path.name} is a plain, unencrypted SQLite database, not a Repair Counter store."
            )


def _check_application_id(conn: Connection, path: Path) -> None:
    found = conn.execute("PRAGMA application_id").fetchone()[0]
    if found != APPLICATION_ID:
        raise NotRepairCounterFile(f"{path.name} is an encrypted database of another application (id {found:#x}).")


def damaged_pages(path: Path, key: bytes) -> tuple[int, ...]:
    """Pages whose HMAC fails, as `PRAGMA cipher_integrity_check` names them."""
    conn = _connect(path, key)
    try:
        return failing_pages(conn)
    except DatabaseError:
        return (1,)
    finally:
        conn.close()


def failing_pages(conn: Connection) -> tuple[int, ...]:
    rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    return tuple(sorted({int(m.group(1)) for (text,) in rows for m in [_PAGE.search(str(text))] if m}))


def page_count(path: Path) -> int:
    return max(1, path.stat().st_size // PAGE_SIZE)


def raise_damaged(path: Path, key: bytes) -> None:
    pages = damaged_pages(path, key)
    if pages and len(pages) >= page_count(path):
        raise NotRepairCounterFile(
            f"{path.name} does not open with this store's key on any page: it is not this store's database."
        )
    where = ", ".join(str(p) for p in pages[:10]) if pages else "unknown"
    raise DatabaseDamaged(
        f"The database file {path.name} is damaged (page {where} fails its integrity check).", pages=pages
    )


def sqlite_integrity_problems(conn: Connection) -> list[str]:
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    return [str(r[0]) for r in rows if r[0] != "ok"]


def export_with_new_key(conn: Connection, target: Path, new_key: bytes) -> None:
    """Copy the whole database into `target` under `new_key`, durably (key rotation, step 2)."""
    if target.exists():
        target.unlink()
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # owner-only before any byte is in it
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{new_key.hex()}'\"", (str(target),))
    try:
        conn.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
        conn.execute(f"PRAGMA rekeyed.user_version = {version:d}")
        conn.execute(f"PRAGMA rekeyed.application_id = {APPLICATION_ID:d}")
    finally:
        conn.execute("DETACH DATABASE rekeyed")
    _fsync_file(target)


def checkpoint_and_close(conn: Connection, path: Path) -> None:
    """Fold the WAL into the main file and remove it, so no stale -wal can meet a swapped file."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    conn.close()
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.unlink()
    fsync_directory(path.parent)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""An open store: one SQLCipher connection, the key in memory, and the unit of work.

Every business write goes through `Store.transaction()`: the caller's rows,
one audit-journal entry and one outbox row commit together or not at all.
Locking the app calls `close()`, which drops the connection and wipes the key.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.clock import Clock, iso, utc_now
from app.storage import database, journal, migrations, name_search, row_seals
from app.storage.digest_bytes import shown, stored
from app.storage.errors import StoreError
from app.storage.stored_time import time_ms
from app.storage.writer_lock import WriterLock


class StoreClosed(StoreError):
    exit_code = 28
    next_step = "Sign in again."


@dataclass(frozen=True)
class QueuedChange:
    seq: int
    op_id: str
    entity: str
    entity_id: str
    action: str
    payload: dict[str, Any]
    created_at: str
    #: The outlet hub's position this counter had applied when the change was made.
    hub_seen: int = 0


class UnitOfWork:
    """The open transaction handed to repositories."""

    def __init__(self, store: Store, actor: str) -> None:
        self._store = store
        self._conn = store.connection
        self.actor = actor
        self.at = iso(store.clock())

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        return self._conn.executemany(sql, rows)

    def record(
        self,
        entity: str,
        entity_id: str,
        action: str,
        change: dict[str, Any],
        *,
        outbox_payload: dict[str, Any] | None = None,
        upstream: bool = True,
    ) -> None:
        """Journal this change and queue it for upstream (the payload defaults to the change).

        `upstream=False` journals only: data that came from upstream is not sent back.
        """
        salt = self._store.journal_salt
        canonical = journal.canonical_json(change)  # once: the digest covers it and the outbox sends it
        digest = journal.digest_of(salt, canonical)
        seals = row_seals.take_touched(salt, self._conn)  # the rows this change left, bound into its entry
        if seals:
            digest += ":" + row_seals.set_digest(salt, seals)
        entry = journal.append(
            self._conn, at=self.at, actor=self.actor, entity=entity, entity_id=entity_id, action=action, digest=digest
        )
        row_seals.log(self._conn, entry.seq, seals)
        if not upstream:
            return
        payload = canonical if outbox_payload is None else journal.canonical_json(outbox_payload)
        # seq given explicitly: acknowledged rows leave this table, and SQLite would hand out a
        # rowid again once the highest is gone; the upstream needs every seq to be new and growing.
        self._conn.execute(
            "INSERT INTO outbox (seq, op_id, entity, entity_id, action, payload, created_at, hub_seen) VALUES ("
            "(SELECT max(coalesce((SELECT max(seq) FROM outbox), 0), coalesce((SELECT max(seq) FROM outbox_done), 0))"
            " + 1), ?, ?, ?, ?, ?, ?,"
            # The hub position applied when this change was made: what its author had seen (schema_hub.py).
            " coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'hub_seen'), 0))",
            (str(uuid.uuid4()), entity, entity_id, action, payload, self.at),
        )

    def seal_the_rest(self) -> None:
        """Rows touched after the transaction's last journal entry get an entry of their own."""
        if self._conn.execute("SELECT 1 FROM touched_rows LIMIT 1").fetchone():
            self.record(row_seals.SEAL_ENTITY, "", "seal", {}, upstream=False)


class Store:
    def __init__(self, connection: database.Connection, key: bytes, path: Path, *, clock: Clock = utc_now) -> None:
        self._conn: database.Connection | None = connection
        self._key = bytearray(key)
        self.path = path
        self.clock = clock
        self._lock = threading.RLock()  # one connection, used by the GUI thread and workers in turn
        self.writer_lock: WriterLock | None = None  # the process's hold on the store, released at close
        self.store_id, self.journal_salt = self._read_identity()
        self._start_row_seals()
        with self._guard_damage(), self._lock:  # once after migration 13: needs Python (pinyin) per name
            name_search.backfill(self.connection)

    # --- life cycle ------------------------------------------------------------------------

    @property
    def connection(self) -> database.Connection:
        if self._conn is None:
            raise StoreClosed("The store is locked.")
        return self._conn

    @property
    def key(self) -> bytes:
        if self._conn is None:
            raise StoreClosed("The store is locked.")
        return bytes(self._key)

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        """Close the connection and overwrite the key in memory (what locking means)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            for i in range(len(self._key)):
                self._key[i] = 0
            if self.writer_lock is not None:
                self.writer_lock.release()
                self.writer_lock = None

    def take_writer_lock(self, lock: WriterLock | None) -> Store:
        self.writer_lock = lock
        return self

    def detach_connection(self) -> database.Connection:
        """Hand the connection to the key-rotation code, which closes it."""
        conn = self.connection
        self._conn = None
        return conn

    # --- reading and writing --------------------------------------------------------------

    def _read_identity(self) -> tuple[str, bytes]:
        rows = dict(self.connection.execute("SELECT key, value FROM meta").fetchall())
        if "store_id" not in rows:  # a brand-new database: give it its identity once
            rows = {"store_id": str(uuid.uuid4()), "journal_salt": uuid.uuid4().hex + uuid.uuid4().hex}
            with self._raw_transaction():
                for name, value in rows.items():
                    self.connection.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (name, value))
        return rows["store_id"], bytes.fromhex(rows["journal_salt"])

    def _start_row_seals(self) -> None:
        with self._guard_damage():  # the first reads past the header: a damaged page is named here
            row_seals.install_triggers(self.connection)
            version = migrations.LATEST_VERSION
            if row_seals.sealed_version(self.connection) >= version:
                return
        row_seals.touch_changed_rows(self.journal_salt, self.connection)  # migrations may have changed rows
        with self.transaction(row_seals.SEAL_ENTITY) as work:
            work.record(row_seals.SEAL_ENTITY, str(version), row_seals.SEAL_ALL, {"schema": version}, upstream=False)
        with self._raw_transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (row_seals.SEALED_VERSION, str(version))
            )

    @contextmanager
    def _raw_transaction(self) -> Iterator[database.Connection]:
        with self._lock:
            conn = self.connection
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def transaction(self, actor: str) -> Iterator[UnitOfWork]:
        """One business write: the caller's rows, a journal entry and an outbox row, atomically."""
        with self._guard_damage(), self._raw_transaction():
            work = UnitOfWork(self, actor)
            yield work
            work.seal_the_rest()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._guard_damage(), self._lock:
            return list(self.connection.execute(sql, params).fetchall())

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    @contextmanager
    def _guard_damage(self) -> Iterator[None]:
        """A page that fails to decrypt mid-session is damage: say which page."""
        try:
            yield
        except database.IntegrityError:
            raise
        except database.DatabaseError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                database.raise_damaged(self.path, self.key)
            raise

    def meta_secret(self, name: str, size: int = 32) -> bytes:
        """A random key kept in the `meta` table under `name`, made on first use.

        Two callers racing on first use end with the same key: the insert is
        `OR IGNORE` and the value is read back after it.
        """
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (name,))
        if row is None:
            with self._raw_transaction() as conn:
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (name, os.urandom(size).hex()))
            row = self.query_one("SELECT value FROM meta WHERE key = ?", (name,))
        assert row is not None
        return bytes.fromhex(row[0])

    def meta_value(self, name: str) -> str | None:
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (name,))
        return str(row[0]) if row else None

    def set_meta_value(self, name: str, value: str) -> None:
        """Bookkeeping of the store itself (not a business record, so not journaled)."""
        with self._raw_transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (name, value))

    # --- journal and outbox ---------------------------------------------------------------

    def journal_head(self) -> journal.JournalHead:
        with self._lock:
            return journal.head(self.connection)

    def journal_entries(self, *, after: int = 0, limit: int = 1000) -> list[journal.JournalEntry]:
        with self._lock:
            return journal.entries(self.connection, after=after, limit=limit)

    def pending_outbox(self, limit: int = 500) -> list[QueuedChange]:
        rows = self.query(
            "SELECT seq, op_id, entity, entity_id, action, payload, created_at, hub_seen FROM outbox"
            " WHERE sent_at IS NULL ORDER BY seq LIMIT ?",
            (limit,),
        )
        return [QueuedChange(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], int(r[7])) for r in rows]

    def pending_outbox_count(self) -> int:
        row = self.query_one("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
        return int(row[0]) if row else 0

    def mark_outbox_sent(self, op_ids: Sequence[str], digests: Mapping[str, str] | None = None) -> None:
        """Done: the upstream acknowledged these (or the policy kept them here).

        The outbox forgets: a done operation moves to `outbox_done` with its op_id, seq and the
        digest the upstream holds for it (the idempotency proof; None for what never left), and
        its payload is deleted, so the tickets' own tables stay the one copy of the data that
        retention and erasure deal with.  Moving rows out (rather than emptying them in place)
        frees whole pages, which the next writes reuse.
        """
        at = time_ms(iso(self.clock()))  # kept as milliseconds (stored_time.py)
        found = digests or {}
        with self._raw_transaction() as conn:
            # entity_id and action stay: erasure forgets the done rows of a record, except its erase
            # (privacy_repository.scrub_outbox).  The entity's kind is not kept: nothing reads it.
            conn.executemany(
                "INSERT INTO outbox_done (seq, op_id, entity_id, action, digest, sent_at)"
                " SELECT seq, id_as_bytes(op_id), id_as_bytes(entity_id), action, ?, ? FROM outbox"
                " WHERE op_id = ? AND sent_at IS NULL",
                [(stored(found.get(op_id)), at, op_id) for op_id in op_ids],
            )
            conn.executemany("DELETE FROM outbox WHERE op_id = ? AND sent_at IS NULL", [(op_id,) for op_id in op_ids])


def integrity_problems(store: Store) -> tuple[list[str], tuple[int, ...]]:
    """(SQLite structural problems, pages failing SQLCipher's HMAC check) for the open store."""
    with store._lock:
        conn = store.connection
        pages = database.failing_pages(conn)
        if pages:  # SQLite's own check cannot read those pages; the page list is the finding
            return [], pages
        return database.sqlite_integrity_problems(conn), pages


def verify_journal(store: Store) -> journal.ChainReport:
    with store._lock:
        return journal.verify_chain(store.connection)


def journal_continues_from(store: Store, seq: int, head_hash: str) -> str:
    """ "" when the entries after `seq` descend from `head_hash`, else what breaks the chain."""
    with store._lock:
        return journal.chain_problem_after(store.connection, seq, head_hash)


def row_seal_problems(store: Store) -> list[str]:
    with store._lock:
        conn = store.connection

        def digest_at(seq: int) -> str | None:
            row = conn.execute("SELECT change_digest FROM audit_journal WHERE seq = ?", (seq,)).fetchone()
            return str(shown(row[0])) if row else None

        return list(row_seals.problems(store.journal_salt, conn, digest_at))


def journal_hash_at(store: Store, seq: int) -> str | None:
    with store._lock:
        return journal.hash_at(store.connection, seq)

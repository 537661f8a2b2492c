"""The upstream service's store: one interface over SQLite and PostgreSQL.

The SQL is written once with `?` placeholders; each dialect supplies its connections, its
transaction start and its placeholder style.  Both dialects support `INSERT ... ON CONFLICT`,
which carries the two rules the service depends on:

- an operation is stored once per (outlet, op_id): a second delivery inserts nothing and
  gets the stored status back;
- a record only moves forward: its row is replaced only by an operation with a higher seq,
  so batches that arrive reordered still leave each record at its latest state.

Connections are per thread (the ASGI server runs sync endpoints in a thread pool).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from app.upstream.storage.errors import UpstreamDatabaseUnavailable
from app.upstream.storage.push_plan import PushPlan, RecordKey, RecordState, StoredOperation, plan_push
from app.upstream.storage.records import (
    ERASED_PAYLOAD,
    REMOVING_ACTIONS,
    AnchorRow,
    IncomingOperation,
    OperationOutcome,
    OutletCounts,
    RecordRow,
)
from app.upstream.storage.schema import SCHEMA_VERSION, schema_statements

#: upstream_meta names that hold a region operator's token hash.
OPERATOR_TOKEN_PREFIX = "operator_token:"


def _json_key(key: str) -> str:
    if not key.replace("_", "").isalnum():
        raise ValueError(f"not a JSON field name: {key!r}")
    return key


class Cursor(Protocol):
    """What both drivers' cursors offer, as far as this module uses them."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


#: Called inside the anchor transaction with the outlet's latest anchor (or None); returns
#: the row to store, the existing row to answer with again, or raises to refuse.
AnchorDecision = Callable[[AnchorRow | None], AnchorRow]


class UpstreamStore(ABC):
    """Persistence for the reference upstream.  Thread-safe; one instance per process."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._connections: list[Any] = []
        self._connections_lock = threading.Lock()

    # -- dialect ------------------------------------------------------------------------

    @abstractmethod
    def _connect(self) -> Any:
        """A new driver connection in autocommit mode (transactions are explicit)."""

    @abstractmethod
    def _begin(self, cursor: Any, write: bool) -> None:
        """Start a transaction; `write` ones take the write lock at once where that matters."""

    @abstractmethod
    def _sql(self, statement: str) -> str:
        """The statement with this driver's placeholders."""

    @property
    @abstractmethod
    def _serial(self) -> str:
        """How this dialect spells an auto-numbered primary key."""

    def _is_unavailable(self, exc: BaseException) -> bool:
        """Whether a driver error means "the database cannot serve now" (retry later), as
        opposed to a bug in a statement, which must surface as one."""
        return False

    def _in_list(self, column: str, values: Sequence[str]) -> tuple[str, tuple[Any, ...]]:
        """`column` is one of `values` (never empty): SQL and its parameters.  SQLite takes
        one placeholder per value; PostgreSQL overrides this with a single array."""
        return f"{column} IN ({', '.join('?' * len(values))})", tuple(values)

    def _lock_reference_items(self, cursor: Any) -> None:
        """Keep publications in id order where ids can commit out of order (PostgreSQL).

        A hook, not abstract: SQLite has one writer, so it has nothing to lock.
        """
        return None

    def _forget_old_copies(self) -> None:
        """After an erasure: drop copies of erased payloads the database keeps outside its tables
        (SQLite's write-ahead log).  PostgreSQL recycles its WAL on its own schedule."""
        return None

    # -- plumbing -------------------------------------------------------------------------

    def _connection(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._connections_lock:
                self._connections.append(conn)
        return conn

    def _is_broken(self, conn: Any) -> bool:
        """Whether the connection is lost (e.g. the database restarted) and must be replaced."""
        return False

    def _discard_if_broken(self, conn: Any) -> None:
        if not self._is_broken(conn):
            return
        self._local.conn = None
        with self._connections_lock:
            if conn in self._connections:
                self._connections.remove(conn)
        conn.close()

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Cursor]:
        """One transaction on this thread's connection; a lost connection is replaced on the
        next call, so a database restart costs the requests in flight, not the worker."""
        conn = self._connection()
        cursor = conn.cursor()
        try:
            self._begin(cursor, write)
            yield _DialectCursor(cursor, self._sql)
            cursor.execute("COMMIT")
        except BaseException as exc:
            self._roll_back(cursor)
            self._discard_if_broken(conn)
            if self._is_unavailable(exc):
                raise UpstreamDatabaseUnavailable(f"The upstream database cannot serve now: {exc}") from exc
            raise
        finally:
            cursor.close()

    @staticmethod
    def _roll_back(cursor: Any) -> None:
        try:
            cursor.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - the error that got us here is the one to report
            pass

    def close(self) -> None:
        """Close every connection any thread opened."""
        with self._connections_lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()

    def create_schema(self) -> None:
        with self._transaction(write=True) as cur:
            for statement in schema_statements(self._serial):
                cur.execute(statement)
            cur.execute(
                "INSERT INTO upstream_meta (name, value) VALUES ('schema_version', ?) ON CONFLICT (name) DO NOTHING",
                (str(SCHEMA_VERSION),),
            )

    # -- enrolment ------------------------------------------------------------------------

    def add_enrol_code(self, outlet: str, code_hash: str, created_at: str, expires_at: str) -> None:
        with self._transaction(write=True) as cur:
            cur.execute(
                "INSERT INTO enrol_codes (code_hash, outlet, created_at, expires_at) VALUES (?, ?, ?, ?)",
                (code_hash, outlet, created_at, expires_at),
            )

    def redeem_enrol_code(self, outlet: str, code_hash: str, token_hash: str, now: str) -> bool:
        """Use the code once and set the outlet's token; False when the code does not fit."""
        with self._transaction(write=True) as cur:
            cur.execute(
                "UPDATE enrol_codes SET used_at = ? WHERE code_hash = ? AND outlet = ? AND used_at IS NULL"
                " AND expires_at > ?",
                (now, code_hash, outlet, now),
            )
            if cur.rowcount != 1:
                return False
            cur.execute(
                "INSERT INTO outlets (outlet, token_hash, enrolled_at) VALUES (?, ?, ?)"
                " ON CONFLICT (outlet) DO UPDATE SET token_hash = excluded.token_hash,"
                " enrolled_at = excluded.enrolled_at",
                (outlet, token_hash, now),
            )
            return True

    def outlet_for_token(self, token_hash: str) -> str | None:
        with self._transaction(write=False) as cur:
            cur.execute("SELECT outlet FROM outlets WHERE token_hash = ?", (token_hash,))
            row = cur.fetchone()
        return None if row is None else str(row[0])

    # -- push -----------------------------------------------------------------------------

    def apply_operations(
        self, outlet: str, operations: Sequence[IncomingOperation], received_at: str
    ) -> list[OperationOutcome]:
        """Apply a batch in one transaction: all of it is durable, or none of it.

        Reads what the store holds for the batch's op_ids and records, plans every
        operation in Python (push_plan), then writes in bulk.  The writes keep their own
        guards (ON CONFLICT DO NOTHING, seq must grow), so even two workers racing on one
        outlet cannot store an operation twice or move a record backwards.
        """
        if not operations:
            return []
        with self._transaction(write=True) as cur:
            entity_ids = sorted({op.entity_id for op in operations})
            plan = plan_push(
                operations,
                self._stored_operations(cur, outlet, sorted({op.op_id for op in operations})),
                self._record_states(cur, outlet, entity_ids),
                self._erasure_seqs(cur, outlet, entity_ids),
            )
            self._write_plan(cur, outlet, plan, received_at)
        if plan.erasures:
            self._forget_old_copies()
        return plan.outcomes

    def _stored_operations(self, cur: Cursor, outlet: str, op_ids: list[str]) -> dict[str, StoredOperation]:
        among, values = self._in_list("op_id", op_ids)
        cur.execute(f"SELECT op_id, status, digest FROM operations WHERE outlet = ? AND {among}", (outlet, *values))
        return {row[0]: StoredOperation(row[1], row[2]) for row in cur.fetchall()}

    def _record_states(self, cur: Cursor, outlet: str, entity_ids: list[str]) -> dict[RecordKey, RecordState]:
        among, values = self._in_list("entity_id", entity_ids)
        cur.execute(
            f"SELECT entity, entity_id, seq, action FROM records WHERE outlet = ? AND {among}", (outlet, *values)
        )
        return {(row[0], row[1]): RecordState(int(row[2]), row[3]) for row in cur.fetchall()}

    def _erasure_seqs(self, cur: Cursor, outlet: str, entity_ids: list[str]) -> dict[RecordKey, int]:
        among, values = self._in_list("entity_id", entity_ids)
        cur.execute(
            f"SELECT entity, entity_id, MAX(seq) FROM operations WHERE outlet = ? AND action = 'erase' AND {among}"
            " GROUP BY entity, entity_id",
            (outlet, *values),
        )
        return {(row[0], row[1]): int(row[2]) for row in cur.fetchall()}

    def _write_plan(self, cur: Cursor, outlet: str, plan: PushPlan, received_at: str) -> None:
        # Rows are written in key order, so two workers writing overlapping batches take their
        # row locks in the same order and wait for each other instead of deadlocking.
        if plan.new_rows:
            cur.executemany(
                "INSERT INTO operations (outlet, op_id, seq, entity, entity_id, action, payload, digest, created_at,"
                " received_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (outlet, op_id) DO NOTHING",
                [
                    (
                        outlet,
                        op.op_id,
                        op.seq,
                        op.entity,
                        op.entity_id,
                        op.action,
                        op.payload_json,
                        op.digest,
                        op.created_at,
                        received_at,
                        status,
                    )
                    for op, status in sorted(plan.new_rows, key=lambda row: row[0].op_id)
                ],
            )
        if plan.record_writes:
            cur.executemany(
                "INSERT INTO records (outlet, entity, entity_id, seq, op_id, action, payload, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (outlet, entity, entity_id) DO UPDATE SET"
                " seq = excluded.seq, op_id = excluded.op_id, action = excluded.action, payload = excluded.payload,"
                " updated_at = excluded.updated_at WHERE records.seq < excluded.seq",
                [
                    (
                        outlet,
                        op.entity,
                        op.entity_id,
                        op.seq,
                        op.op_id,
                        op.action,
                        ERASED_PAYLOAD if op.action in REMOVING_ACTIONS else op.payload_json,
                        received_at,
                    )
                    for _, op in sorted(plan.record_writes.items())
                ],
            )
        if plan.erasures:
            cur.executemany(
                "UPDATE operations SET payload = ? WHERE outlet = ? AND entity = ? AND entity_id = ? AND seq < ?",
                [(ERASED_PAYLOAD, outlet, entity, entity_id, seq) for entity, entity_id, seq in sorted(plan.erasures)],
            )

    # -- the region's reports (issue 16) -----------------------------------------------------------

    def aggregate(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read-only aggregate query (app/upstream/storage/report_queries.py)."""
        with self._transaction(write=False) as cur:
            cur.execute(statement, params)
            return [tuple(row) for row in cur.fetchall()]

    def json_text(self, column: str, key: str) -> str:
        """SQL reading one top-level field of a JSON text column (SQLite's JSON1 here)."""
        return f"json_extract({column}, '$.{_json_key(key)}')"

    def shifted(self, moment: str, days: int) -> str:
        """SQL for a stored UTC moment moved by whole days, in the stored text form."""
        return f"strftime('%Y-%m-%dT%H:%M:%f+00:00', {moment}, '{int(days):+d} days')"

    def minutes_between(self, start: str, end: str) -> str:
        """SQL for the whole minutes from one stored moment to another."""
        return f"CAST(round((julianday({end}) - julianday({start})) * 1440) AS INTEGER)"

    def add_operator_token(self, token_hash: str, created_at: str) -> None:
        """Keep the hash of a region operator's token (reads every outlet's reports)."""
        with self._transaction(write=True) as cur:
            cur.execute(
                "INSERT INTO upstream_meta (name, value) VALUES (?, ?)",
                (OPERATOR_TOKEN_PREFIX + token_hash, created_at),
            )

    def is_operator_token(self, token_hash: str) -> bool:
        with self._transaction(write=False) as cur:
            cur.execute("SELECT 1 FROM upstream_meta WHERE name = ?", (OPERATOR_TOKEN_PREFIX + token_hash,))
            return cur.fetchone() is not None

    # -- reads for people and tests -------------------------------------------------------------

    def outlet_counts(self, outlet: str) -> OutletCounts:
        with self._transaction(write=False) as cur:
            cur.execute(
                "SELECT entity, action, COUNT(*) FROM records WHERE outlet = ? GROUP BY entity, action", (outlet,)
            )
            rows = cur.fetchall()
            cur.execute("SELECT COUNT(*) FROM operations WHERE outlet = ?", (outlet,))
            (operations,) = cur.fetchone()
        live: dict[str, int] = {}
        removed: dict[str, int] = {}
        for entity, action, count in rows:
            bucket = removed if action in REMOVING_ACTIONS else live
            bucket[entity] = bucket.get(entity, 0) + int(count)
        return OutletCounts(live=live, removed=removed, operations=int(operations))

    def records(self, outlet: str) -> list[RecordRow]:
        with self._transaction(write=False) as cur:
            cur.execute(
                "SELECT entity, entity_id, seq, op_id, action, payload FROM records WHERE outlet = ?"
                " ORDER BY entity, entity_id",
                (outlet,),
            )
            return [RecordRow(r[0], r[1], int(r[2]), r[3], r[4], r[5]) for r in cur.fetchall()]

    def operation_payloads(self, outlet: str, entity: str, entity_id: str) -> list[str]:
        """Stored payloads of a record's operations, oldest first (erasure checks)."""
        with self._transaction(write=False) as cur:
            cur.execute(
                "SELECT payload FROM operations WHERE outlet = ? AND entity = ? AND entity_id = ? ORDER BY seq",
                (outlet, entity, entity_id),
            )
            return [str(r[0]) for r in cur.fetchall()]

    # -- reference data ---------------------------------------------------------------------

    def publish_reference(self, kind: str, items_json: Sequence[str], published_at: str) -> int:
        """Append a publication; returns the cursor after it (0 when nothing was published)."""
        with self._transaction(write=True) as cur:
            self._lock_reference_items(cur)
            for item in items_json:
                cur.execute(
                    "INSERT INTO reference_items (kind, item, published_at) VALUES (?, ?, ?)",
                    (kind, item, published_at),
                )
            cur.execute("SELECT MAX(id) FROM reference_items WHERE kind = ?", (kind,))
            (last,) = cur.fetchone()
        return int(last or 0)

    def reference_after(self, kind: str, after: int, limit: int) -> list[tuple[int, str]]:
        with self._transaction(write=False) as cur:
            cur.execute(
                "SELECT id, item FROM reference_items WHERE kind = ? AND id > ? ORDER BY id LIMIT ?",
                (kind, after, limit),
            )
            return [(int(r[0]), str(r[1])) for r in cur.fetchall()]

    # -- anchors ----------------------------------------------------------------------------

    def latest_anchor(self, outlet: str) -> AnchorRow | None:
        with self._transaction(write=False) as cur:
            return self._latest_anchor(cur, outlet)

    def _latest_anchor(self, cur: Cursor, outlet: str) -> AnchorRow | None:
        cur.execute(
            "SELECT outlet, seq, head, received_at, key_id, signature FROM anchors WHERE outlet = ?"
            " ORDER BY seq DESC LIMIT 1",
            (outlet,),
        )
        row = cur.fetchone()
        return None if row is None else AnchorRow(row[0], int(row[1]), row[2], row[3], row[4], row[5])

    def append_anchor(self, outlet: str, decide: AnchorDecision) -> AnchorRow:
        """Let `decide` judge the new head against the latest one, and store what it returns,
        all in one write transaction so two workers cannot both extend the same head."""
        with self._transaction(write=True) as cur:
            self._lock_outlet_anchors(cur, outlet)
            latest = self._latest_anchor(cur, outlet)
            row = decide(latest)
            if latest is not None and row == latest:
                return latest
            cur.execute(
                "INSERT INTO anchors (outlet, seq, head, received_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)",
                (row.outlet, row.seq, row.head, row.received_at, row.key_id, row.signature),
            )
            return row

    def _lock_outlet_anchors(self, cursor: Any, outlet: str) -> None:
        """Serialise anchor appends per outlet where writers run in parallel (PostgreSQL).

        A hook, not abstract: SQLite has one writer, so it has nothing to lock.
        """
        return None


class _DialectCursor:
    """A driver cursor whose statements are rewritten to the driver's placeholder style."""

    def __init__(self, cursor: Any, translate: Callable[[str], str]) -> None:
        self._cursor = cursor
        self._translate = translate

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._cursor.execute(self._translate(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        return self._cursor.executemany(self._translate(sql), rows)

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return list(self._cursor.fetchall())

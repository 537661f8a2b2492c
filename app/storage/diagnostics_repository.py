"""Rows of the diagnostics flow: consents, runs, per-category results, log captures, battery verdicts.

Writes take the open `UnitOfWork` (the service journals each change in the same
transaction); reads take the `Store`.  Result and log payloads arrive already
checked and redacted by the service; here they are only compressed and stored.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zlib
from dataclasses import dataclass
from typing import Any

from app.storage.store import Store, UnitOfWork

#: Logs are megabytes: level 1 compresses a 5 MB capture in a quarter of level 6's time, about as small.
LOG_ZLIB_LEVEL = 1
#: Largest decompressed payload read back (a redacted log or a result); guards against a bomb.
MAX_PAYLOAD_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ConsentRecord:
    """A customer's consent as stored (docs/ARCHITECTURE.md section 4, "A consent record")."""

    id: str
    text_id: str
    text_version: int
    language: str
    categories: tuple[str, ...]
    customer_name: str
    ticket_number: str | None
    technician: str
    given_at: str
    method: str  # "signature", "tick" or "verbal"
    signature_png: bytes | None
    signature_sha256: str | None
    withdrawn_at: str | None
    #: The customer who consented (from the ticket, or named at the counter); restriction and
    #: withdrawal find consents by it, with or without a ticket.
    customer_id: str | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


@dataclass(frozen=True)
class RunRow:
    id: str
    consent_id: str
    update_consent_id: str | None
    ticket_number: str | None
    transport: str
    functions: tuple[str, ...]
    categories: tuple[str, ...]
    refused: tuple[str, ...]
    status: str
    tool_package: str | None
    tool_installed_version: int | None
    tool_required_version: int | None
    tool_updated: bool
    started_at: str
    finished_at: str | None
    note: str | None


@dataclass(frozen=True)
class ResultRow:
    run_id: str
    function: str
    categories: tuple[str, ...]
    source: str
    data: dict[str, Any]
    collected_at: str


@dataclass(frozen=True)
class LogCaptureRow:
    id: str
    run_id: str
    captured_at: str
    expires_at: str
    line_count: int
    text_size: int


@dataclass(frozen=True)
class BatteryRow:
    run_id: str
    advice: str
    health_percent: float | None
    health_basis: str | None
    in_warranty: bool
    readings: dict[str, Any]
    decided_at: str


def _join(items: tuple[str, ...] | list[str]) -> str:
    return ",".join(items)


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(part for part in (text or "").split(",") if part)


def compress_json(value: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8"), 6)


def decompress(data: bytes) -> bytes:
    """zlib data back, refusing more than MAX_PAYLOAD_BYTES (a damaged or hostile row)."""
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, MAX_PAYLOAD_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError("stored payload is larger than allowed")
    return out


# --- consents ------------------------------------------------------------------------------------


def insert_consent(
    work: UnitOfWork,
    *,
    text_id: str,
    text_version: int,
    language: str,
    categories: tuple[str, ...],
    customer_name: str,
    ticket_number: str | None,
    method: str,
    signature_png: bytes | None,
    customer_id: str | None = None,
) -> ConsentRecord:
    digest = hashlib.sha256(signature_png).hexdigest() if signature_png else None
    record = ConsentRecord(
        str(uuid.uuid4()),
        text_id,
        text_version,
        language,
        categories,
        customer_name,
        ticket_number,
        work.actor,
        work.at,
        method,
        signature_png,
        digest,
        None,
        customer_id,
    )
    work.execute(
        "INSERT INTO diag_consent (id, text_id, text_version, language, categories, customer_name,"
        " ticket_number, technician, given_at, method, signature_png, signature_sha256, withdrawn_at, customer_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
        (
            record.id,
            text_id,
            text_version,
            language,
            _join(categories),
            customer_name,
            ticket_number,
            record.technician,
            record.given_at,
            method,
            signature_png,
            digest,
            customer_id,
        ),
    )
    return record


_CONSENT_COLUMNS = (
    "id, text_id, text_version, language, categories, customer_name, ticket_number, technician,"
    " given_at, method, signature_png, signature_sha256, withdrawn_at, customer_id"
)


def _consent(row: tuple[Any, ...]) -> ConsentRecord:
    return ConsentRecord(
        row[0],
        row[1],
        int(row[2]),
        row[3],
        _split(row[4]),
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        bytes(row[10]) if row[10] is not None else None,
        row[11],
        row[12],
        row[13],
    )


def consent_by_id(store: Store, consent_id: str) -> ConsentRecord | None:
    row = store.query_one(f"SELECT {_CONSENT_COLUMNS} FROM diag_consent WHERE id = ?", (consent_id,))
    return _consent(row) if row else None


def consent_withdrawn_at(store: Store, consent_id: str) -> str | None:
    """The withdrawal time, '' when the consent does not exist, None while it is active."""
    row = store.query_one("SELECT withdrawn_at FROM diag_consent WHERE id = ?", (consent_id,))
    return "" if row is None else row[0]


def consents_for_ticket(store: Store, ticket_number: str) -> list[ConsentRecord]:
    rows = store.query(
        f"SELECT {_CONSENT_COLUMNS} FROM diag_consent WHERE ticket_number = ? ORDER BY given_at", (ticket_number,)
    )
    return [_consent(r) for r in rows]


def mark_consent_withdrawn(work: UnitOfWork, consent_id: str) -> bool:
    cursor = work.execute(
        "UPDATE diag_consent SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL", (work.at, consent_id)
    )
    return bool(cursor.rowcount)


# --- runs ----------------------------------------------------------------------------------------


def insert_run(
    work: UnitOfWork,
    *,
    consent_id: str,
    ticket_number: str | None,
    transport: str,
    functions: tuple[str, ...],
    categories: tuple[str, ...],
    refused: tuple[str, ...],
    tool_package: str | None,
    tool_required_version: int | None,
) -> str:
    run_id = str(uuid.uuid4())
    work.execute(
        "INSERT INTO diag_run (id, consent_id, ticket_number, transport, functions, categories, refused,"
        " status, tool_package, tool_required_version, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)",
        (
            run_id,
            consent_id,
            ticket_number,
            transport[:256],
            _join(functions),
            _join(categories),
            _join(refused),
            tool_package,
            tool_required_version,
            work.at,
        ),
    )
    return run_id


def update_run_tool(
    work: UnitOfWork, run_id: str, *, installed_version: int | None, updated: bool, update_consent_id: str | None
) -> None:
    work.execute(
        "UPDATE diag_run SET tool_installed_version = ?, tool_updated = ?,"
        " update_consent_id = coalesce(?, update_consent_id) WHERE id = ?",
        (installed_version, int(updated), update_consent_id, run_id),
    )


def finish_run(work: UnitOfWork, run_id: str, status: str, note: str | None = None) -> None:
    work.execute(
        "UPDATE diag_run SET status = ?, finished_at = ?, note = ? WHERE id = ?", (status, work.at, note, run_id)
    )


_RUN_COLUMNS = (
    "id, consent_id, update_consent_id, ticket_number, transport, functions, categories, refused, status,"
    " tool_package, tool_installed_version, tool_required_version, tool_updated, started_at, finished_at, note"
)


def _run(row: tuple[Any, ...]) -> RunRow:
    return RunRow(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        _split(row[5]),
        _split(row[6]),
        _split(row[7]),
        row[8],
        row[9],
        row[10],
        row[11],
        bool(row[12]),
        row[13],
        row[14],
        row[15],
    )


def bind_run_to_ticket(
    work: UnitOfWork, run_id: str, consent_id: str, ticket_number: str, customer_id: str | None
) -> bool:
    """File a run made before its ticket existed (and its consent) under that ticket; False when the
    run is already filed under a ticket."""
    cursor = work.execute(
        "UPDATE diag_run SET ticket_number = ? WHERE id = ? AND ticket_number IS NULL", (ticket_number, run_id)
    )
    if not cursor.rowcount:
        return False
    work.execute(
        "UPDATE diag_consent SET ticket_number = ?, customer_id = coalesce(customer_id, ?)"
        " WHERE id = ? AND ticket_number IS NULL",
        (ticket_number, customer_id, consent_id),
    )
    return True


def run_by_id(store: Store, run_id: str) -> RunRow | None:
    row = store.query_one(f"SELECT {_RUN_COLUMNS} FROM diag_run WHERE id = ?", (run_id,))
    return _run(row) if row else None


def runs_for_consent(store: Store, consent_id: str) -> list[RunRow]:
    rows = store.query(f"SELECT {_RUN_COLUMNS} FROM diag_run WHERE consent_id = ? ORDER BY started_at", (consent_id,))
    return [_run(r) for r in rows]


def recent_runs(store: Store, limit: int = 50) -> list[RunRow]:
    rows = store.query(f"SELECT {_RUN_COLUMNS} FROM diag_run ORDER BY started_at DESC LIMIT ?", (limit,))
    return [_run(r) for r in rows]


# --- results, logs, battery ------------------------------------------------------------------------


def upsert_result(
    work: UnitOfWork, run_id: str, function: str, categories: tuple[str, ...], source: str, data: dict[str, Any]
) -> None:
    work.execute(
        "INSERT INTO diag_result (run_id, function, categories, source, data, collected_at) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (run_id, function) DO UPDATE SET categories = excluded.categories, source = excluded.source,"
        " data = excluded.data, collected_at = excluded.collected_at",
        (run_id, function, _join(categories), source[:200], compress_json(data), work.at),
    )


def results_for_run(store: Store, run_id: str) -> list[ResultRow]:
    rows = store.query(
        "SELECT run_id, function, categories, source, data, collected_at FROM diag_result"
        " WHERE run_id = ? ORDER BY rowid",
        (run_id,),
    )
    return [ResultRow(r[0], r[1], _split(r[2]), r[3], json.loads(decompress(bytes(r[4]))), r[5]) for r in rows]


def insert_log(work: UnitOfWork, run_id: str, redacted_text: str, line_count: int, expires_at: str) -> LogCaptureRow:
    encoded = redacted_text.encode("utf-8")
    row = LogCaptureRow(str(uuid.uuid4()), run_id, work.at, expires_at, line_count, len(encoded))
    work.execute(
        "INSERT INTO diag_log (id, run_id, captured_at, expires_at, line_count, text_size, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (row.id, run_id, row.captured_at, expires_at, line_count, len(encoded), zlib.compress(encoded, LOG_ZLIB_LEVEL)),
    )
    return row


def logs_for_run(store: Store, run_id: str) -> list[LogCaptureRow]:
    rows = store.query(
        "SELECT id, run_id, captured_at, expires_at, line_count, text_size FROM diag_log"
        " WHERE run_id = ? ORDER BY captured_at",
        (run_id,),
    )
    return [LogCaptureRow(*r) for r in rows]


def log_text(store: Store, log_id: str) -> str | None:
    row = store.query_one("SELECT data FROM diag_log WHERE id = ?", (log_id,))
    return None if row is None else decompress(bytes(row[0])).decode("utf-8", "replace")


def expired_log_ids(store: Store, now_iso: str) -> list[str]:
    return [r[0] for r in store.query("SELECT id FROM diag_log WHERE expires_at <= ?", (now_iso,))]


def delete_logs(work: UnitOfWork, log_ids: list[str]) -> int:
    removed = 0
    for log_id in log_ids:
        removed += work.execute("DELETE FROM diag_log WHERE id = ?", (log_id,)).rowcount
    return removed


def insert_battery(
    work: UnitOfWork,
    run_id: str,
    *,
    advice: str,
    health_percent: float | None,
    health_basis: str | None,
    in_warranty: bool,
    readings: dict[str, Any],
) -> None:
    work.execute(
        "INSERT OR REPLACE INTO diag_battery (run_id, advice, health_percent, health_basis, in_warranty, readings,"
        " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (run_id, advice, health_percent, health_basis, int(in_warranty), json.dumps(readings, sort_keys=True), work.at),
    )


def battery_for_run(store: Store, run_id: str) -> BatteryRow | None:
    row = store.query_one(
        "SELECT run_id, advice, health_percent, health_basis, in_warranty, readings, decided_at"
        " FROM diag_battery WHERE run_id = ?",
        (run_id,),
    )
    return None if row is None else BatteryRow(row[0], row[1], row[2], row[3], bool(row[4]), json.loads(row[5]), row[6])


def erase_run_data(work: UnitOfWork, run_ids: list[str]) -> dict[str, int]:
    """Delete every result, log and battery row of these runs (consent withdrawal); counts per table."""
    counts = {"results": 0, "logs": 0, "battery": 0}
    for run_id in run_ids:
        counts["results"] += work.execute("DELETE FROM diag_result WHERE run_id = ?", (run_id,)).rowcount
        counts["logs"] += work.execute("DELETE FROM diag_log WHERE run_id = ?", (run_id,)).rowcount
        counts["battery"] += work.execute("DELETE FROM diag_battery WHERE run_id = ?", (run_id,)).rowcount
    return counts


def run_ids_for_withdrawal(store: Store, consent_id: str, ticket_number: str | None) -> list[str]:
    """Runs under this consent, and (when a ticket is named) every run of that ticket."""
    if ticket_number:
        rows = store.query(
            "SELECT id FROM diag_run WHERE consent_id = ? OR ticket_number = ?", (consent_id, ticket_number)
        )
    else:
        rows = store.query("SELECT id FROM diag_run WHERE consent_id = ?", (consent_id,))
    return [r[0] for r in rows]


def finish_run_if_running(work: UnitOfWork, run_id: str, status: str) -> None:
    work.execute(
        "UPDATE diag_run SET status = ?, finished_at = ? WHERE id = ? AND status = 'running'", (status, work.at, run_id)
    )


# --- history per phone ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunctionResultOfRun:
    """One function's stored result with its run's date, ticket and status (for a phone's history)."""

    run_id: str
    started_at: str
    ticket_number: str | None
    status: str
    data: dict[str, Any]


def results_of_function_since(
    store: Store, function: str, since_iso: str, limit: int = 5_000
) -> list[FunctionResultOfRun]:
    """Every stored `function` result of runs started at or after `since_iso`, newest first, at most `limit`.

    The IMEI sits inside the (compressed) identity result, so a phone's runs are found by reading these.
    """
    rows = store.query(
        "SELECT r.id, r.started_at, r.ticket_number, r.status, d.data FROM diag_result d"
        " JOIN diag_run r ON r.id = d.run_id WHERE d.function = ? AND r.started_at >= ?"
        " ORDER BY r.started_at DESC LIMIT ?",
        (function, since_iso, limit),
    )
    return [FunctionResultOfRun(r[0], r[1], r[2], r[3], json.loads(decompress(bytes(r[4])))) for r in rows]


def result_of_run(store: Store, run_id: str, function: str) -> dict[str, Any] | None:
    row = store.query_one("SELECT data FROM diag_result WHERE run_id = ? AND function = ?", (run_id, function))
    return None if row is None else dict(json.loads(decompress(bytes(row[0]))))

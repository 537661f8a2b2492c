"""The slip's rows: the store's slip key, the print journal, the thermal retry queue, and the
latest diagnostics run of a ticket (what the slip summarises).

Writes take the caller's `UnitOfWork`, so a print row, its audit-journal entry
and its outbox row commit together; reads take the `Store`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.storage.store import Store, UnitOfWork

#: `meta` key holding the store's slip key (hex).  The key never leaves the encrypted store.
SLIP_KEY_META = "slip_key"
SLIP_KEY_BYTES = 32
#: Jobs kept for a printer at most; a queue this long means nobody is fixing the printer.
MAX_QUEUED_JOBS = 200
#: Largest thermal job kept (a long slip at 576 dots is ~200 kB; anything near this is not one).
MAX_JOB_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class PrintRow:
    """One slip print as journaled."""

    id: str
    ticket_number: str
    copy_number: int
    language: str
    slip_format: str
    target: str
    pages: int
    sha256: str
    printed_by: str
    printed_at: str


@dataclass(frozen=True)
class QueuedJob:
    """A thermal job kept to retry after paper-out or offline."""

    id: str
    ticket_number: str
    copy_number: int
    language: str
    port: str
    description: str
    data: bytes
    created_by: str
    created_at: str
    attempts: int
    last_error: str


@dataclass(frozen=True)
class LatestRun:
    """The newest diagnostics run recorded for a ticket, with its consent and battery verdict."""

    run_id: str
    consent_id: str
    status: str
    functions: tuple[str, ...]
    categories: tuple[str, ...]
    refused: tuple[str, ...]
    started_at: str
    battery_advice: str | None
    battery_health_percent: float | None


# --- the slip key --------------------------------------------------------------------------------


def slip_key(store: Store) -> bytes:
    """The store's slip key (signs the QR verification code), created on first use."""
    return store.meta_secret(SLIP_KEY_META, SLIP_KEY_BYTES)


# --- the print journal ---------------------------------------------------------------------------


def insert_print(
    work: UnitOfWork,
    *,
    ticket_number: str,
    copy_number: int,
    language: str,
    slip_format: str,
    target: str,
    pages: int,
    sha256: str,
) -> PrintRow:
    row = PrintRow(
        str(uuid.uuid4()),
        ticket_number,
        copy_number,
        language,
        slip_format,
        target[:300],
        pages,
        sha256,
        work.actor,
        work.at,
    )
    work.execute(
        "INSERT INTO slip_print (id, ticket_number, copy_number, language, slip_format, target, pages, sha256,"
        " printed_by, printed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row.id,
            row.ticket_number,
            row.copy_number,
            row.language,
            row.slip_format,
            row.target,
            row.pages,
            row.sha256,
            row.printed_by,
            row.printed_at,
        ),
    )
    return row


def prints_for_ticket(store: Store, ticket_number: str) -> list[PrintRow]:
    rows = store.query(
        "SELECT id, ticket_number, copy_number, language, slip_format, target, pages, sha256, printed_by,"
        " printed_at FROM slip_print WHERE ticket_number = ? ORDER BY printed_at, copy_number",
        (ticket_number,),
    )
    return [PrintRow(*r) for r in rows]


def copies_issued(store: Store, ticket_number: str) -> int:
    """Slips of this ticket printed or waiting in the retry queue (each already carries its copy number)."""
    row = store.query_one(
        "SELECT (SELECT count(*) FROM slip_print WHERE ticket_number = ?)"
        " + (SELECT count(*) FROM slip_print_job WHERE ticket_number = ?)",
        (ticket_number, ticket_number),
    )
    return int(row[0]) if row else 0


# --- the thermal retry queue ---------------------------------------------------------------------


def queue_job(
    work: UnitOfWork,
    *,
    ticket_number: str,
    copy_number: int,
    language: str,
    port: str,
    description: str,
    data: bytes,
    last_error: str,
) -> QueuedJob:
    if len(data) > MAX_JOB_BYTES:
        raise ValueError("print job larger than a slip can be")
    job = QueuedJob(
        uuid.uuid4().hex,
        ticket_number,
        copy_number,
        language,
        port[:200],
        description[:200],
        data,
        work.actor,
        work.at,
        1,
        last_error[:500],
    )
    work.execute(
        "INSERT INTO slip_print_job (id, ticket_number, copy_number, language, port, description, data,"
        " created_by, created_at, attempts, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            job.id,
            job.ticket_number,
            job.copy_number,
            job.language,
            job.port,
            job.description,
            job.data,
            job.created_by,
            job.created_at,
            job.attempts,
            job.last_error,
        ),
    )
    return job


def queued_jobs(store: Store, limit: int = MAX_QUEUED_JOBS) -> list[QueuedJob]:
    rows = store.query(
        "SELECT id, ticket_number, copy_number, language, port, description, data, created_by, created_at,"
        " attempts, last_error FROM slip_print_job ORDER BY seq LIMIT ?",
        (limit,),
    )
    return [QueuedJob(r[0], r[1], r[2], r[3], r[4], r[5], bytes(r[6]), r[7], r[8], r[9], r[10]) for r in rows]


def queued_job_count(store: Store) -> int:
    row = store.query_one("SELECT count(*) FROM slip_print_job")
    return int(row[0]) if row else 0


def note_failed_attempt(work: UnitOfWork, job_id: str, error: str) -> None:
    work.execute(
        "UPDATE slip_print_job SET attempts = attempts + 1, last_error = ? WHERE id = ?", (error[:500], job_id)
    )


def remove_job(work: UnitOfWork, job_id: str) -> bool:
    return bool(work.execute("DELETE FROM slip_print_job WHERE id = ?", (job_id,)).rowcount)


# --- what the slip reads of the diagnostics ------------------------------------------------------


#: Most runs of one ticket the slip lists (a ticket diagnosed more often is unusual).
MAX_RUNS_ON_SLIP = 20


def runs_for_ticket(store: Store, ticket_number: str) -> list[LatestRun]:
    """The ticket's runs, oldest first (the newest MAX_RUNS_ON_SLIP), each with its battery verdict."""
    rows = store.query(
        "SELECT r.id, r.consent_id, r.status, r.functions, r.categories, r.refused, r.started_at,"
        " b.advice, b.health_percent FROM diag_run r LEFT JOIN diag_battery b ON b.run_id = r.id"
        " WHERE r.ticket_number = ? ORDER BY r.started_at DESC, r.rowid DESC LIMIT ?",
        (ticket_number, MAX_RUNS_ON_SLIP),
    )

    def split(text: str | None) -> tuple[str, ...]:
        return tuple(part for part in (text or "").split(",") if part)

    runs = [
        LatestRun(
            row[0],
            row[1],
            row[2],
            split(row[3]),
            split(row[4]),
            split(row[5]),
            row[6],
            row[7],
            None if row[8] is None else float(row[8]),
        )
        for row in rows
    ]
    return runs[::-1]


def latest_run_for_ticket(store: Store, ticket_number: str) -> LatestRun | None:
    """The newest run of the ticket (declined ones included: the slip then says so)."""
    runs = runs_for_ticket(store, ticket_number)
    return runs[-1] if runs else None

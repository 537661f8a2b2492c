"""Rows of data forgetting: wipe jobs and certificates of erasure (schema in schema_erasure.py).

Writes take the open `UnitOfWork` (the service journals each step in the same
transaction); reads take the `Store`.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from app.storage.store import Store, UnitOfWork

#: The meta key of the outlet's certificate signing seed (random, kept inside the encrypted store).
SIGNING_SEED = "erasure_signing_seed"


@dataclass(frozen=True)
class WipeJobRow:
    id: str
    ticket_number: str
    decision: str
    consent_id: str | None
    signed_by: str
    status: str
    failure_code: str | None
    failure_message: str | None
    steps: tuple[dict[str, Any], ...]
    technician: str
    created_at: str
    finished_at: str | None


@dataclass(frozen=True)
class CertificateRow:
    id: str
    job_id: str
    ticket_number: str
    body: str
    signature: str
    digest: str
    issued_at: str
    countersignature: str | None
    countersigned_at: str | None
    upstream_key_id: str | None


_JOB_COLUMNS = (
    "id, ticket_number, decision, consent_id, signed_by, status, failure_code, failure_message, steps,"
    " technician, created_at, finished_at"
)
_CERTIFICATE_COLUMNS = (
    "id, job_id, ticket_number, body, signature, digest, issued_at, countersignature, countersigned_at, upstream_key_id"
)


def signing_seed(store: Store) -> bytes:
    return store.meta_secret(SIGNING_SEED)


def insert_job(
    work: UnitOfWork, ticket_number: str, decision: str, consent_id: str | None, signed_by: str
) -> WipeJobRow:
    status = "refused" if decision == "refused" else "agreed"
    row = WipeJobRow(
        str(uuid.uuid4()),
        ticket_number,
        decision,
        consent_id,
        signed_by,
        status,
        None,
        None,
        (),
        work.actor,
        work.at,
        work.at if status == "refused" else None,
    )
    work.execute(
        f"INSERT INTO wipe_job ({_JOB_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, '[]', ?, ?, ?)",
        (row.id, ticket_number, decision, consent_id, signed_by, status, work.actor, work.at, row.finished_at),
    )
    return row


def add_step(work: UnitOfWork, job_id: str, step: dict[str, Any]) -> None:
    current = work.execute("SELECT steps FROM wipe_job WHERE id = ?", (job_id,)).fetchone()
    steps = json.loads(current[0]) if current else []
    steps.append(step)
    work.execute("UPDATE wipe_job SET steps = ? WHERE id = ?", (json.dumps(steps, sort_keys=True), job_id))


def finish_job(work: UnitOfWork, job_id: str, status: str, code: str | None = None, message: str | None = None) -> None:
    work.execute(
        "UPDATE wipe_job SET status = ?, failure_code = ?, failure_message = ?, finished_at = ? WHERE id = ?",
        (status, code, message, work.at, job_id),
    )


def job_by_id(store: Store, job_id: str) -> WipeJobRow | None:
    row = store.query_one(f"SELECT {_JOB_COLUMNS} FROM wipe_job WHERE id = ?", (job_id,))
    return _job(row) if row else None


def jobs_for_ticket(store: Store, ticket_number: str) -> list[WipeJobRow]:
    rows = store.query(
        f"SELECT {_JOB_COLUMNS} FROM wipe_job WHERE ticket_number = ? ORDER BY created_at, rowid", (ticket_number,)
    )
    return [_job(row) for row in rows]


def _job(row: tuple[Any, ...]) -> WipeJobRow:
    (job_id, ticket, decision, consent_id, signed_by, status, code, message, steps, technician, created, finished) = row
    return WipeJobRow(
        job_id,
        ticket,
        decision,
        consent_id,
        signed_by,
        status,
        code,
        message,
        tuple(json.loads(steps)),
        technician,
        created,
        finished,
    )


def insert_certificate(
    work: UnitOfWork, job_id: str, ticket_number: str, body: str, signature: str, digest: str, certificate_id: str
) -> str:
    work.execute(
        f"INSERT INTO wipe_certificate ({_CERTIFICATE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)",
        (certificate_id, job_id, ticket_number, body, signature, digest, work.at),
    )
    return certificate_id


def set_countersignature(work: UnitOfWork, certificate_id: str, signature: str, signed_at: str, key_id: str) -> bool:
    cursor = work.execute(
        "UPDATE wipe_certificate SET countersignature = ?, countersigned_at = ?, upstream_key_id = ?"
        " WHERE id = ? AND countersignature IS NULL",
        (signature, signed_at, key_id, certificate_id),
    )
    return bool(cursor.rowcount)


def certificate_by_id(store: Store, certificate_id: str) -> CertificateRow | None:
    row = store.query_one(f"SELECT {_CERTIFICATE_COLUMNS} FROM wipe_certificate WHERE id = ?", (certificate_id,))
    return CertificateRow(*row) if row else None


def certificates_for_ticket(store: Store, ticket_number: str) -> list[CertificateRow]:
    rows = store.query(
        f"SELECT {_CERTIFICATE_COLUMNS} FROM wipe_certificate WHERE ticket_number = ? ORDER BY issued_at",
        (ticket_number,),
    )
    return [CertificateRow(*row) for row in rows]


def certificates_awaiting_countersignature(store: Store, limit: int = 100) -> list[CertificateRow]:
    rows = store.query(
        f"SELECT {_CERTIFICATE_COLUMNS} FROM wipe_certificate WHERE countersignature IS NULL"
        " ORDER BY issued_at LIMIT ?",
        (limit,),
    )
    return [CertificateRow(*row) for row in rows]

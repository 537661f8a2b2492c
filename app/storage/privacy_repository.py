"""The privacy desk's rows: requests, restrictions, contacts, exports, and the erasure of one customer.

Every write runs inside the caller's `UnitOfWork`; the caller journals it.
Reads return plain dataclasses (`privacy_records.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.storage import name_search, packed_json
from app.storage.digest_bytes import stored_id
from app.storage.privacy_records import CustomerFacts, PrivacyRequest
from app.storage.store import Store, UnitOfWork
from app.storage.stored_time import shown_columns
from app.storage.ticket_repository import HISTORY_SQL, phone_tail

_REQUEST_COLUMNS = (
    "id, number, kind, customer_id, received_at, due_at, latest_due_at, status, identity_check,"
    " identity_checked_by, handled_by, closed_at, outcome"
)


# --- last contact ----------------------------------------------------------------------------


def customer_exists(store: Store, customer_id: str) -> bool:
    return store.query_one("SELECT 1 FROM customer WHERE id = ?", (customer_id,)) is not None


def touch_last_contact(work: UnitOfWork, customer_id: str, kind: str) -> bool:
    """A visit, a call or a pickup: the customer's retention clock starts again now."""
    changed = work.execute(
        "UPDATE customer SET last_contact_at = time_ms(?) WHERE id = ? AND last_contact_at < time_ms(?)",
        (work.at, customer_id, work.at),
    ).rowcount
    work.execute("INSERT INTO contact_event (customer_id, kind, at) VALUES (?, ?, ?)", (customer_id, kind, work.at))
    return bool(changed == 1)


def customer_of_ticket(store: Store, ticket_number: str) -> str | None:
    row = store.query_one("SELECT customer_id FROM ticket WHERE number = ?", (ticket_number,))
    return row[0] if row else None


# --- requests --------------------------------------------------------------------------------


def next_request_number(work: UnitOfWork, day: str) -> str:
    prefix = f"PR-{day}-"
    row = work.execute("SELECT count(*) FROM privacy_request WHERE number LIKE ?", (prefix + "%",)).fetchone()
    return f"{prefix}{int(row[0]) + 1:04d}"


def insert_request(work: UnitOfWork, request: PrivacyRequest) -> None:
    work.execute(
        f"INSERT INTO privacy_request ({_REQUEST_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            request.id,
            request.number,
            request.kind,
            request.customer_id,
            request.received_at,
            request.due_at,
            request.latest_due_at,
            request.status,
            request.identity_check,
            request.identity_checked_by,
            request.handled_by,
            request.closed_at,
            request.outcome,
        ),
    )


def close_request(work: UnitOfWork, request_id: str, status: str, outcome: str) -> bool:
    cursor = work.execute(
        "UPDATE privacy_request SET status = ?, outcome = ?, handled_by = ?, closed_at = ?"
        " WHERE id = ? AND status = 'open'",
        (status, outcome, work.actor, work.at, request_id),
    )
    return int(cursor.rowcount) == 1


def _request(row: Sequence[Any]) -> PrivacyRequest:
    return PrivacyRequest(*row)


def request_by_number(store: Store, number: str) -> PrivacyRequest | None:
    row = store.query_one(
        f"SELECT {_REQUEST_COLUMNS} FROM privacy_request WHERE number = ? OR id = ?", (number, number)
    )
    return _request(row) if row else None


def list_requests(store: Store, *, open_only: bool = False, limit: int = 500) -> list[PrivacyRequest]:
    where = "WHERE status = 'open'" if open_only else ""
    rows = store.query(
        f"SELECT {_REQUEST_COLUMNS} FROM privacy_request {where} ORDER BY status = 'open' DESC, due_at LIMIT ?",
        (limit,),
    )
    return [_request(r) for r in rows]


def requests_of_customer(store: Store, customer_id: str) -> list[PrivacyRequest]:
    rows = store.query(
        f"SELECT {_REQUEST_COLUMNS} FROM privacy_request WHERE customer_id = ? ORDER BY received_at", (customer_id,)
    )
    return [_request(r) for r in rows]


# --- restriction, objection, children --------------------------------------------------------


def _ensure_privacy_row(work: UnitOfWork, customer_id: str) -> None:
    work.execute(
        "INSERT INTO customer_privacy (customer_id) VALUES (?) ON CONFLICT (customer_id) DO NOTHING", (customer_id,)
    )


def set_restriction(work: UnitOfWork, customer_id: str, request_id: str | None) -> None:
    _ensure_privacy_row(work, customer_id)
    work.execute(
        "UPDATE customer_privacy SET restricted_at = ?, restricted_request = ? WHERE customer_id = ?",
        (work.at, request_id, customer_id),
    )


def lift_restriction(work: UnitOfWork, customer_id: str) -> bool:
    cursor = work.execute(
        "UPDATE customer_privacy SET restricted_at = NULL, restricted_request = NULL"
        " WHERE customer_id = ? AND restricted_at IS NOT NULL",
        (customer_id,),
    )
    return int(cursor.rowcount) == 1


def set_objection(work: UnitOfWork, customer_id: str) -> None:
    _ensure_privacy_row(work, customer_id)
    work.execute("UPDATE customer_privacy SET objected_at = ? WHERE customer_id = ?", (work.at, customer_id))


def set_age_bracket(work: UnitOfWork, customer_id: str, bracket: str, guardian_name: str | None) -> None:
    _ensure_privacy_row(work, customer_id)
    work.execute(
        "UPDATE customer_privacy SET age_bracket = ?, guardian_name = ?, guardian_consent_at = ? WHERE customer_id = ?",
        (bracket, guardian_name, work.at if guardian_name else None, customer_id),
    )


def restriction_of_customer(store: Store, customer_id: str) -> tuple[str, str | None] | None:
    """(restricted since, request id) when processing of this customer's data is restricted."""
    row = store.query_one(
        "SELECT restricted_at, restricted_request FROM customer_privacy"
        " WHERE customer_id = ? AND restricted_at IS NOT NULL",
        (customer_id,),
    )
    return (row[0], row[1]) if row else None


def restricted_customer_ids(store: Store) -> set[str]:
    return {r[0] for r in store.query("SELECT customer_id FROM customer_privacy WHERE restricted_at IS NOT NULL")}


def restricted_entity_ids(store: Store) -> set[str]:
    """Every record id (customer, ticket, consent, run) that belongs to a restricted customer."""
    rows = store.query(
        "SELECT t.id, t.customer_id, dc.id, dr.id FROM customer_privacy p"
        " JOIN ticket t ON t.customer_id = p.customer_id"
        " LEFT JOIN diag_consent dc ON dc.ticket_number = t.number LEFT JOIN diag_run dr ON dr.ticket_number = t.number"
        " WHERE p.restricted_at IS NOT NULL"
    )
    ids = {value for row in rows for value in row if value}
    named = store.query(  # consents given without a ticket name their customer, and their runs follow them
        "SELECT dc.id, dr.id FROM customer_privacy p JOIN diag_consent dc ON dc.customer_id = p.customer_id"
        " LEFT JOIN diag_run dr ON dr.consent_id = dc.id WHERE p.restricted_at IS NOT NULL"
    )
    return ids | {value for row in named for value in row if value} | restricted_customer_ids(store)


# --- reading everything about one customer (access, export, erasure) ---------------------------


def _dicts(store: Store, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    with store._lock:  # the column names come with the cursor
        cursor = store.connection.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, _shown(names, row), strict=True)) for row in cursor.fetchall()]


def _shown(names: Sequence[str], row: Sequence[Any]) -> tuple[Any, ...]:
    """A row as the customer reads it: JSON as text, moments as ISO text (not their stored forms)."""
    return shown_columns(names, packed_json.unpacked_columns(names, row))


#: A customer's consents: those of their tickets and those naming them (given without a ticket).
_CONSENTS_OF_CUSTOMER = "(ticket_number IN ({marks}) OR customer_id = ?)"
#: A customer's runs: those of their tickets and those under any of their consents.
_RUNS_OF_CUSTOMER = (
    "(ticket_number IN ({marks}) OR consent_id IN (SELECT id FROM diag_consent WHERE " + _CONSENTS_OF_CUSTOMER + "))"
)


def customer_facts(store: Store, customer_id: str) -> CustomerFacts | None:
    """The customer row, their tickets (with history and lines), consents, contacts, requests, privacy row."""
    customers = _dicts(
        store,
        "SELECT id, name, phone, email, address, created_at, last_contact_at FROM customer WHERE id = ?",
        (customer_id,),
    )
    if not customers:
        return None
    tickets = _dicts(
        store,
        "SELECT id, number, service_type, status, device_model, imei, imei2, serial,"
        " software_version, fault, fault_category, purchase_date, courier, tracking_number,"
        " created_at, updated_at, priority, due_at, purchase_proof, parcel_condition, estimate, deposit,"
        " intake_json, agreement_json, warranty_json, approval_json, pickup_json"
        " FROM ticket WHERE customer_id = ? ORDER BY created_at",
        (customer_id,),
    )
    numbers = [t["number"] for t in tickets]
    for ticket in tickets:
        ticket["events"] = [
            {"at": at, "from_status": from_status, "to_status": to_status, "note": note or None}
            for at, _, from_status, to_status, note in store.query(HISTORY_SQL, (ticket["id"],))
        ]
        ticket["lines"] = _dicts(
            store,
            "SELECT kind, description, quantity, unit_price FROM ticket_line WHERE ticket_id = ? ORDER BY created_at",
            (ticket["id"],),
        )
    marks = ",".join("?" * len(numbers)) or "NULL"
    consents = _dicts(
        store,
        "SELECT id, text_id, text_version, language, categories, ticket_number, given_at,"
        f" method, withdrawn_at FROM diag_consent WHERE {_CONSENTS_OF_CUSTOMER.format(marks=marks)}"
        " ORDER BY given_at",
        [*numbers, customer_id],
    )
    runs = _dicts(
        store,
        "SELECT id, ticket_number, functions, categories, status, started_at, finished_at"
        f" FROM diag_run WHERE {_RUNS_OF_CUSTOMER.format(marks=marks)} ORDER BY started_at",
        [*numbers, *numbers, customer_id],
    )
    contacts = _dicts(store, "SELECT kind, at FROM contact_event WHERE customer_id = ? ORDER BY seq", (customer_id,))
    privacy = _dicts(
        store,
        "SELECT restricted_at, objected_at, age_bracket, guardian_name, guardian_consent_at"
        " FROM customer_privacy WHERE customer_id = ?",
        (customer_id,),
    )
    return CustomerFacts(customers[0], tickets, consents, runs, contacts, privacy[0] if privacy else None)


def record_export(
    work: UnitOfWork,
    export_id: str,
    customer_id: str,
    request_id: str | None,
    protection: str,
    file_name: str,
    sha256: str,
) -> None:
    work.execute(
        "INSERT INTO privacy_export (id, customer_id, request_id, made_at, made_by, protection, file_name,"
        " sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (export_id, customer_id, request_id, work.at, work.actor, protection, file_name, sha256),
    )


def export_files(store: Store, customer_id: str) -> list[tuple[str, str]]:
    """(path, sha256) of each export made for this customer."""
    return [
        (r[0], r[1])
        for r in store.query("SELECT file_name, sha256 FROM privacy_export WHERE customer_id = ?", (customer_id,))
    ]


# --- erasure ---------------------------------------------------------------------------------


def erasable_ids(store: Store, customer_id: str) -> dict[str, list[str]]:
    """The ids of everything the customer's erasure touches, by entity."""
    tickets = store.query("SELECT id, number FROM ticket WHERE customer_id = ?", (customer_id,))
    numbers = [r[1] for r in tickets]
    marks = ",".join("?" * len(numbers)) or "NULL"
    return {
        "ticket": [r[0] for r in tickets],
        "ticket_number": numbers,
        "diag_consent": [
            r[0]
            for r in store.query(
                f"SELECT id FROM diag_consent WHERE {_CONSENTS_OF_CUSTOMER.format(marks=marks)}",
                [*numbers, customer_id],
            )
        ],
        "diag_run": [
            r[0]
            for r in store.query(
                f"SELECT id FROM diag_run WHERE {_RUNS_OF_CUSTOMER.format(marks=marks)}",
                [*numbers, *numbers, customer_id],
            )
        ],
    }


def erase_run_data(work: UnitOfWork, run_ids: Sequence[str]) -> int:
    count = 0
    for run_id in run_ids:
        for table in ("diag_result", "diag_log", "diag_battery"):
            count += work.execute(f"DELETE FROM {table} WHERE run_id = ?", (run_id,)).rowcount
        work.execute("UPDATE diag_run SET note = NULL WHERE id = ?", (run_id,))
    return count


def scrub_outbox(work: UnitOfWork, entity_ids: Sequence[str], values: Sequence[str]) -> int:
    """Outbox rows about these records or quoting these values: sent ones go, waiting ones lose their payload.

    A waiting upsert still travels (emptied), so the upstream's order of
    operations holds; the erase operation queued after it makes it forget.
    """
    count = 0
    for entity_id in entity_ids:
        count += _scrub_where(work, "entity_id = ?", (entity_id,))
    for value in values:
        if value:
            count += _scrub_where(work, "instr(payload, ?) > 0", (value,))
    ids = [stored_id(entity_id) for entity_id in entity_ids]  # as outbox_done keeps them (digest_bytes.py)
    for start in range(0, len(ids), _IN_CHUNK):  # done rows hold no payload: one scan for their ids
        part = ids[start : start + _IN_CHUNK]
        count += work.execute(
            f"DELETE FROM outbox_done WHERE action <> 'erase' AND entity_id IN ({','.join('?' * len(part))})", part
        ).rowcount
    return count


_IN_CHUNK = 500


def _scrub_where(work: UnitOfWork, condition: str, params: tuple[Any, ...]) -> int:
    deleted = work.execute(
        f"DELETE FROM outbox WHERE sent_at IS NOT NULL AND action <> 'erase' AND {condition}", params
    ).rowcount
    emptied = work.execute(
        f"UPDATE outbox SET payload = '{{}}' WHERE sent_at IS NULL AND action <> 'erase'"
        f" AND payload <> '{{}}' AND {condition}",
        params,
    ).rowcount
    return int(deleted) + int(emptied)


_RECTIFIABLE_COLUMNS = ("name", "phone", "email", "address")


def rectify_customer(work: UnitOfWork, customer_id: str, corrections: dict[str, str]) -> None:
    """Write corrected contact details (an empty value clears an optional field; the name stays required)."""
    for column, value in corrections.items():
        if column not in _RECTIFIABLE_COLUMNS:
            raise ValueError(f"not a contact column: {column}")
        cleaned: str | None = value.strip()
        if column != "name" and not cleaned:
            cleaned = None
        work.execute(f"UPDATE customer SET {column} = ? WHERE id = ?", (cleaned, customer_id))
        if column == "name" and cleaned:  # the trigger dropped the old name's search keys
            name_search.add_keys(work, customer_id, cleaned)
        if column == "phone" and cleaned:
            work.execute("UPDATE ticket SET phone_tail = ? WHERE customer_id = ?", (phone_tail(cleaned), customer_id))


def forget_export_paths(work: UnitOfWork, customer_id: str) -> None:
    """After an erasure an export is remembered by its digest only (a path may name the person)."""
    work.execute("UPDATE privacy_export SET file_name = '' WHERE customer_id = ?", (customer_id,))

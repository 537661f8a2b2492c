"""The SQL of the retention engine: find records whose period may have ended, and dispose of them.

The engine (`app/privacy/retention_engine.py`) asks for *candidates*: records
whose anchor is on or before a cut-off that is deliberately generous (a period
never ends sooner than its shortest possible length).  It then decides each
candidate with the exact calendar rule of `app.core.retention` and passes the
ones that expired back here.  Every write runs inside the caller's unit of
work, which journals counts only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.storage import message_repository
from app.storage.store import Store, UnitOfWork

#: Diagnostic functions whose results are kept with the service record, not as 30-day diagnostic data.
KEPT_RESULT_FUNCTIONS = ("identity", "battery")
#: SQLite's default limit on host parameters is far above this; chunks keep statements short.
CHUNK = 500


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _marks(values: Sequence[str]) -> str:
    return ",".join("?" * len(values))


# --- candidates ------------------------------------------------------------------------------


def contact_candidates(store: Store, cutoff: str) -> list[tuple[str, str]]:
    """(customer id, last contact) of customers still holding contact data, last seen on or before `cutoff`."""
    return [
        (r[0], r[1])
        for r in store.query(
            "SELECT id, time_text(last_contact_at) FROM customer WHERE last_contact_at <= time_ms(?) AND name <> ''",
            (cutoff,),
        )
    ]


def service_record_candidates(store: Store, cutoff: str) -> list[tuple[str, str]]:
    """(customer id, last contact) of customers with tickets not yet anonymised, last seen on or before `cutoff`."""
    return [
        (r[0], r[1])
        for r in store.query(
            "SELECT c.id, time_text(c.last_contact_at) FROM customer c WHERE c.last_contact_at <= time_ms(?)"
            " AND EXISTS (SELECT 1 FROM ticket t WHERE t.customer_id = c.id)",
            (cutoff,),
        )
    ]


def count_tickets_of_customers(store: Store, customer_ids: Sequence[str]) -> int:
    """How many tickets these customers have: what anonymising their service records touches."""
    total = 0
    for part in _chunks(customer_ids):
        row = store.query_one(f"SELECT count(*) FROM ticket WHERE customer_id IN ({_marks(part)})", tuple(part))
        total += int(row[0]) if row else 0
    return total


def device_candidates(store: Store, cutoff: str) -> list[tuple[str, str]]:
    """(ticket id, anchor) of tickets holding device identifiers whose last contact is on or before `cutoff`.

    The anchor is the customer's last contact, or, once the service record was
    anonymised and the customer link dropped, the contact kept on the ticket.
    """
    rows = store.query(
        "SELECT t.id, time_text(c.last_contact_at) FROM ticket t JOIN customer c ON c.id = t.customer_id"
        " WHERE c.last_contact_at <= time_ms(?) AND (t.imei IS NOT NULL OR t.serial IS NOT NULL"
        " OR t.software_version IS NOT NULL OR t.imei2 IS NOT NULL)"
        " UNION ALL SELECT id, time_text(retention_anchor) FROM ticket WHERE customer_id IS NULL"
        " AND retention_anchor <= time_ms(?)"
        " AND (imei IS NOT NULL OR serial IS NOT NULL OR software_version IS NOT NULL OR imei2 IS NOT NULL)",
        (cutoff, cutoff),
    )
    return [(r[0], r[1]) for r in rows]


def tickets_with_imeis(store: Store, imeis: Sequence[str]) -> list[str]:
    """Tickets that still hold one of these IMEIs (products past their end of life)."""
    found: list[str] = []
    for part in _chunks(list(imeis)):
        marks = _marks(part)
        found += [
            r[0]
            for r in store.query(f"SELECT id FROM ticket WHERE imei IN ({marks}) OR imei2 IN ({marks})", (*part, *part))
        ]
    return sorted(set(found))


def log_candidates(store: Store, cutoff: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.query("SELECT id, captured_at FROM diag_log WHERE captured_at <= ?", (cutoff,))]


def diagnostic_data_candidates(store: Store, cutoff: str) -> list[tuple[str, str]]:
    """('run_id/function', collected) of raw readings other than identity and battery."""
    kept = _marks(KEPT_RESULT_FUNCTIONS)
    rows = store.query(
        f"SELECT run_id || '/' || function, collected_at FROM diag_result WHERE collected_at <= ?"
        f" AND function NOT IN ({kept})",
        (cutoff, *KEPT_RESULT_FUNCTIONS),
    )
    return [(r[0], r[1]) for r in rows]


# --- disposal --------------------------------------------------------------------------------


def _ticket_numbers_of_customers(work: UnitOfWork, customer_ids: Sequence[str]) -> list[str]:
    numbers: list[str] = []
    for part in _chunks(customer_ids):
        numbers += [
            r[0]
            for r in work.execute(
                f"SELECT number FROM ticket WHERE customer_id IN ({_marks(part)})", tuple(part)
            ).fetchall()
        ]
    return numbers


def reduce_consents_to_digests(work: UnitOfWork, ticket_numbers: Sequence[str]) -> int:
    """Consents of these tickets keep what was agreed and the signature's digest; the name and picture go."""
    count = 0
    for part in _chunks(ticket_numbers):
        count += work.execute(
            f"UPDATE diag_consent SET customer_name = '', signature_png = NULL WHERE ticket_number IN ({_marks(part)})"
            " AND (customer_name <> '' OR signature_png IS NOT NULL)",
            tuple(part),
        ).rowcount
        # A data forgetting decision keeps what was decided; the signer's name goes with the consent's.
        work.execute(f"UPDATE wipe_job SET signed_by = '' WHERE ticket_number IN ({_marks(part)})", tuple(part))
    return count


def empty_waiting_payloads(work: UnitOfWork, entity_ids: Sequence[str]) -> int:
    """Outbox rows not yet sent about these records keep their place in line but lose their content."""
    count = 0
    for part in _chunks(entity_ids):
        count += work.execute(
            f"UPDATE outbox SET payload = '{{}}' WHERE sent_at IS NULL AND entity_id IN ({_marks(part)})"
            " AND action NOT IN ('erase', 'delete') AND payload <> '{}'",
            tuple(part),
        ).rowcount
    return count


def prune_delivered_outbox(work: UnitOfWork, sent_before: str) -> int:
    """Outbox rows the upstream acknowledged before `sent_before`: their copy of the data has done its job."""
    delivered = work.execute("DELETE FROM outbox_done WHERE sent_at <= time_ms(?)", (sent_before,)).rowcount
    legacy = work.execute("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at <= ?", (sent_before,)).rowcount
    return int(delivered) + int(legacy)


def _ticket_ids_of_customers(work: UnitOfWork, customer_ids: Sequence[str]) -> list[str]:
    ids: list[str] = []
    for part in _chunks(customer_ids):
        ids += [r[0] for r in work.execute(f"SELECT id FROM ticket WHERE customer_id IN ({_marks(part)})", tuple(part))]
    return ids


def delete_contact_data(work: UnitOfWork, customer_ids: Sequence[str]) -> int:
    """Name, phone, e-mail and address go; the customer row stays while service records point at it."""
    count = 0
    numbers = _ticket_numbers_of_customers(work, customer_ids)
    empty_waiting_payloads(work, [*customer_ids, *_ticket_ids_of_customers(work, customer_ids)])
    _forget_after_repair(work, customer_ids)
    for part in _chunks(customer_ids):
        marks = _marks(part)
        count += work.execute(
            f"UPDATE customer SET name = '', phone = NULL, email = NULL, address = NULL WHERE id IN ({marks})",
            tuple(part),
        ).rowcount
        work.execute(f"UPDATE ticket SET phone_tail = NULL WHERE customer_id IN ({marks})", tuple(part))
        work.execute(f"UPDATE customer_privacy SET guardian_name = NULL WHERE customer_id IN ({marks})", tuple(part))
    for part in _chunks(numbers):
        work.execute(f"UPDATE diag_consent SET customer_name = '' WHERE ticket_number IN ({_marks(part)})", tuple(part))
        work.execute(f"UPDATE wipe_job SET signed_by = '' WHERE ticket_number IN ({_marks(part)})", tuple(part))
    return count


def _forget_after_repair(work: UnitOfWork, customer_ids: Sequence[str]) -> None:
    """A queued message keeps the customer's number and a rating its comment: both go with the
    contact data (the consent ends, so nothing more is queued; the rating stays for statistics)."""
    for customer_id in customer_ids:
        message_repository.forget_customer(work, customer_id)


_ANONYMISED_COLUMNS = (
    "customer_id = NULL",
    "phone_tail = NULL",
    "fault = NULL",
    "intake_json = NULL",
    "agreement_json = NULL",
    "pickup_json = NULL",
    "approval_json = NULL",
    "purchase_proof = NULL",
    "courier = NULL",
    "tracking_number = NULL",
    "parcel_condition = NULL",
)


def anonymise_service_records(work: UnitOfWork, customer_ids: Sequence[str]) -> int:
    """Tickets keep what statistics need (type, status, model, fault category, dates, prices); the rest goes.

    The customer's last contact moves onto the ticket first: the device identifiers still count from it.
    """
    numbers = _ticket_numbers_of_customers(work, customer_ids)
    empty_waiting_payloads(work, [*customer_ids, *_ticket_ids_of_customers(work, customer_ids)])
    _forget_after_repair(work, customer_ids)  # while the tickets still name their customer
    count = 0
    for part in _chunks(customer_ids):
        marks = _marks(part)
        ids = [r[0] for r in work.execute(f"SELECT id FROM ticket WHERE customer_id IN ({marks})", tuple(part))]
        for ids_part in _chunks(ids):
            id_marks = _marks(ids_part)
            history = ", ".join("id_as_bytes(?)" for _ in ids_part)  # history names tickets by id bytes
            work.execute(f"UPDATE ticket_event SET note = NULL WHERE ticket_id IN ({history})", tuple(ids_part))
            work.execute(f"DELETE FROM ticket_photo WHERE ticket_id IN ({id_marks})", tuple(ids_part))
        work.execute(
            "UPDATE ticket SET retention_anchor ="
            " (SELECT last_contact_at FROM customer c WHERE c.id = ticket.customer_id),"
            f" anonymised_at = time_ms(?) WHERE customer_id IN ({marks})",
            (work.at, *part),
        )
        count += work.execute(
            f"UPDATE ticket SET {', '.join(_ANONYMISED_COLUMNS)} WHERE customer_id IN ({marks})", tuple(part)
        ).rowcount
    reduce_consents_to_digests(work, numbers)
    return count


def delete_spent_customers(work: UnitOfWork) -> int:
    """Customer rows with neither contact data nor tickets left carry nothing: they go with their extras."""
    spent = [
        r[0]
        for r in work.execute(
            "SELECT id FROM customer c WHERE name = ''"
            " AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.customer_id = c.id)"
        )
    ]
    delete_customer_rows(work, spent)
    return len(spent)


def delete_customer_rows(work: UnitOfWork, customer_ids: Sequence[str]) -> None:
    for part in _chunks(customer_ids):
        marks = _marks(part)
        work.execute(f"DELETE FROM contact_event WHERE customer_id IN ({marks})", tuple(part))
        work.execute(f"DELETE FROM customer_privacy WHERE customer_id IN ({marks})", tuple(part))
        work.execute(f"DELETE FROM customer WHERE id IN ({marks})", tuple(part))


def delete_device_identifiers(work: UnitOfWork, ticket_ids: Sequence[str]) -> int:
    """IMEIs, serial and software version go from the tickets, with the identity readings that repeat them."""
    count = 0
    empty_waiting_payloads(work, ticket_ids)
    for part in _chunks(ticket_ids):
        marks = _marks(part)
        numbers = [r[0] for r in work.execute(f"SELECT number FROM ticket WHERE id IN ({marks})", tuple(part))]
        count += work.execute(
            "UPDATE ticket SET imei = NULL, imei2 = NULL, serial = NULL, software_version = NULL, imei_tail = NULL,"
            f" imei2_tail = NULL WHERE id IN ({marks})",
            tuple(part),
        ).rowcount
        if numbers:
            work.execute(
                "DELETE FROM diag_result WHERE function = 'identity' AND run_id IN"
                f" (SELECT id FROM diag_run WHERE ticket_number IN ({_marks(numbers)}))",
                tuple(numbers),
            )
    return count


def delete_logs(work: UnitOfWork, log_ids: Sequence[str]) -> int:
    count = 0
    for part in _chunks(log_ids):
        count += work.execute(f"DELETE FROM diag_log WHERE id IN ({_marks(part)})", tuple(part)).rowcount
    return count


def delete_diagnostic_data(work: UnitOfWork, keys: Sequence[str]) -> int:
    """Delete results named 'run_id/function'."""
    count = 0
    for key in keys:
        run_id, _, function = key.partition("/")
        count += work.execute("DELETE FROM diag_result WHERE run_id = ? AND function = ?", (run_id, function)).rowcount
    return count


def insert_receipt(work: UnitOfWork, receipt_id: str, region: str, counts_json: str) -> None:
    work.execute(
        "INSERT INTO purge_receipt (id, ran_at, actor, region, counts) VALUES (?, ?, ?, ?, ?)",
        (receipt_id, work.at, work.actor, region, counts_json),
    )


def latest_receipts(store: Store, limit: int = 20) -> list[tuple[str, str, str, str, str]]:
    return [
        (r[0], r[1], r[2], r[3], r[4])
        for r in store.query(
            "SELECT id, ran_at, actor, region, counts FROM purge_receipt ORDER BY ran_at DESC LIMIT ?", (limit,)
        )
    ]


def overwrite_deleted_content(store: Store) -> None:
    """Deleted rows are overwritten with zeros in their pages, not left in free space (before deleting)."""
    store.query("PRAGMA secure_delete = ON")


def checkpoint(store: Store) -> None:
    """Copy the WAL into the database and truncate it, so the old page images leave the WAL file."""
    store.query("PRAGMA wal_checkpoint(TRUNCATE)")

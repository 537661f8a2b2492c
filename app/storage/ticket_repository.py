"""Customer and ticket rows: the only SQL the repair-ticket service needs.

Every write here runs inside the caller's `UnitOfWork` and is followed by the
caller's `work.record(...)`, so the row, its journal entry and its outbox row
commit together.  Reads return the dataclasses of `ticket_records`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from app.core.warranty import shown_record, stored_record
from app.storage import name_search, packed_json
from app.storage.schema_tickets import CLOSED_STATUSES_SQL
from app.storage.store import Store, UnitOfWork
from app.storage.ticket_records import (
    Agreement,
    ConditionPhoto,
    NewTicket,
    TicketDetail,
    TicketEvent,
    TicketLine,
    TicketRow,
)

__all__ = ["Agreement", "ConditionPhoto", "NewTicket", "TicketRow", "TicketDetail", "TicketEvent", "TicketLine"]

#: Most rows a list or a search returns; the counter never needs a longer list on screen.
MAX_ROWS = 500


def phone_tail(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isascii() and ch.isdigit())
    return digits[-4:]


def imei_tail(imei: str) -> str | None:
    return imei[-6:] if imei else None


#: The `meta` key of this counter's code in an outlet of several counters (set when it joins the hub).
COUNTER_CODE = "counter_code"


def next_ticket_number(work: UnitOfWork, outlet_code: str, day: str | None = None) -> str:
    """Outlet code + day (YYYYMMDD) + counter code + sequence, unique without the network
    (docs/ARCHITECTURE.md section 4; app/core/ticket_numbers.py)."""
    day = day or work.at[:10].replace("-", "")
    row = work.execute("SELECT value FROM meta WHERE key = ?", (COUNTER_CODE,)).fetchone()
    counter = str(row[0]) if row else ""
    # Each counter has its own run of numbers: the sequence row is kept per outlet and counter.
    sequence_key = f"{outlet_code}-{counter}" if counter else outlet_code
    work.execute(
        "INSERT INTO ticket_sequence (outlet_code, day, last) VALUES (?, ?, 1)"
        " ON CONFLICT (outlet_code, day) DO UPDATE SET last = last + 1",
        (sequence_key, day),
    )
    last = work.execute(
        "SELECT last FROM ticket_sequence WHERE outlet_code = ? AND day = ?", (sequence_key, day)
    ).fetchone()[0]
    return f"{outlet_code}-{day}-{counter}{last:04d}"


@contextmanager
def large_page_cache(store: Store, mebibytes: int = 256) -> Iterator[None]:
    """A bigger page cache while bulk-writing (seeding): random UUID keys touch pages all over the
    indexes, and every page read from disk is decrypted; the normal cache is restored after."""
    previous = store.query_one("PRAGMA cache_size")
    store.query(f"PRAGMA cache_size = {-int(mebibytes) * 1024:d}")
    try:
        yield
    finally:
        if store.is_open and previous is not None:
            store.query(f"PRAGMA cache_size = {int(previous[0]):d}")


# --- customers -----------------------------------------------------------------------------


#: Most customers sharing one phone number that the counter looks at (a family phone, a shop's line).
MAX_SAME_PHONE = 50


def customers_with_phone(store: Store, phone: str) -> list[tuple[str, str]]:
    """(id, name) of every customer with this phone number, the most recently seen first."""
    rows = store.query(
        "SELECT id, name FROM customer WHERE phone = ? ORDER BY last_contact_at DESC LIMIT ?", (phone, MAX_SAME_PHONE)
    )
    return [(r[0], r[1]) for r in rows]


def customer_by_id(store: Store, customer_id: str) -> tuple[str, str, str, str, str] | None:
    """(id, name, phone, e-mail, address) of one customer."""
    row = store.query_one(
        "SELECT id, name, coalesce(phone, ''), coalesce(email, ''), coalesce(address, '') FROM customer WHERE id = ?",
        (customer_id,),
    )
    return (row[0], row[1], row[2], row[3], row[4]) if row else None


def customer_by_phone(store: Store, phone: str) -> tuple[str, str, str, str] | None:
    """(id, name, e-mail, address) of the returning customer with this phone number."""
    row = store.query_one(
        "SELECT id, name, coalesce(email, ''), coalesce(address, '') FROM customer WHERE phone = ?"
        " ORDER BY last_contact_at DESC LIMIT 1",
        (phone,),
    )
    return (row[0], row[1], row[2], row[3]) if row else None


def save_customer(work: UnitOfWork, new: NewTicket, existing_id: str | None) -> str:
    """Insert a new customer, or refresh a returning one's contact details and last contact.

    A returning customer's name is never written here: the caller matched it (or refused a
    differing one); a correction of a stored name is a rectification through the privacy desk.
    """
    if existing_id is not None:
        work.execute(
            "UPDATE customer SET email = coalesce(?, email), address = coalesce(?, address),"
            " last_contact_at = time_ms(?) WHERE id = ?",
            (new.customer_email or None, new.customer_address or None, work.at, existing_id),
        )
        return existing_id
    customer_id = str(uuid.uuid4())
    work.execute(
        "INSERT INTO customer (id, name, phone, email, address, created_at, last_contact_at)"
        " VALUES (?, ?, ?, ?, ?, time_ms(?), time_ms(?))",
        (
            customer_id,
            new.customer_name,
            new.customer_phone,
            new.customer_email or None,
            new.customer_address or None,
            work.at,
            work.at,
        ),
    )
    name_search.add_keys(work, customer_id, new.customer_name)
    return customer_id


# --- tickets -------------------------------------------------------------------------------


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _json(value: Any) -> bytes | None:
    """A JSON column's value as stored: compact text (a ticket carries up to five), packed (packed_json.py)."""
    if value is None:
        return None
    return packed_json.pack(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":")))


def _warranty_json(verdict: dict[str, Any] | None) -> bytes | None:
    """The verdict without the reason wording its code gives back (`load_warranty` puts it back)."""
    return None if verdict is None else _json(stored_record(verdict))


def load_warranty(stored: str | bytes | None) -> dict[str, Any] | None:
    """A stored verdict as it was given, reason wording included."""
    verdict = _loads(stored)
    return shown_record(verdict) if isinstance(verdict, dict) else verdict


def insert_ticket(
    work: UnitOfWork,
    number: str,
    customer_id: str,
    new: NewTicket,
    *,
    status: str = "received",
    due_at: str | None = None,
    warranty: dict[str, Any] | None = None,
    created_at: str | None = None,
) -> TicketRow:
    """Insert the ticket row (the caller journals it); the row is its history's first line ("received",
    when and by whom: `HISTORY_SQL`), so no event row repeats it."""
    ticket_id = str(uuid.uuid4())
    at = created_at or work.at
    agreement = (
        None if new.agreement is None else {**new.agreement.__dict__, "signed_at": new.agreement.signed_at or at}
    )
    work.execute(
        "INSERT INTO ticket (id, number, customer_id, service_type, status, priority, device_model,"
        " imei, fault, created_by, created_at, updated_at, imei2, serial, software_version, fault_category,"
        " due_at, purchase_date, purchase_proof, courier, tracking_number, parcel_condition, intake_json,"
        " agreement_json, warranty_json, estimate, deposit, imei_tail, imei2_tail, phone_tail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, time_ms(?), time_ms(?), ?, ?, ?, ?, time_ms(?), ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, ?, ?)",
        (
            ticket_id,
            number,
            customer_id,
            new.service_type,
            status,
            new.priority,
            new.device_model or None,
            new.imei or None,
            new.fault or None,
            work.actor,
            at,
            at,
            new.imei2 or None,
            new.serial or None,
            new.software_version or None,
            new.fault_category,
            due_at,
            new.purchase_date.isoformat() if new.purchase_date else None,
            new.purchase_proof or None,
            new.courier or None,
            new.tracking_number or None,
            new.parcel_condition or None,
            _json(new.intake_details()),
            _json(agreement),
            _warranty_json(warranty),
            _text(new.estimate),
            _text(new.deposit),
            imei_tail(new.imei),
            imei_tail(new.imei2),
            phone_tail(new.customer_phone),
        ),
    )
    if new.imei:
        mark_repeat_visits(work, ticket_id, new.imei, at)
    for photo in new.photos:
        work.execute(
            "INSERT INTO ticket_photo (id, ticket_id, part, media_type, sha256, data, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), ticket_id, photo.part, photo.media_type, photo.sha256, photo.data, at),
        )
    return TicketRow(
        ticket_id,
        number,
        status,
        new.service_type,
        new.priority,
        new.customer_name,
        new.customer_phone,
        new.device_model,
        new.imei,
        new.fault,
        at,
        due_at,
    )


#: A ticket for an IMEI that had another within this many days is a repeat visit (the outlet reports).
REPEAT_WINDOW = timedelta(days=90)


def _shifted(at: str, delta: timedelta) -> str:
    return (datetime.fromisoformat(at) + delta).astimezone(UTC).isoformat(timespec="milliseconds")


def mark_repeat_visits(work: UnitOfWork, ticket_id: str, imei: str, at: str) -> None:
    """Link a new ticket with the same IMEI's tickets of the 90 days around it, both ways.

    Earlier ones get `came_back` (not fixed the first time), later ones (a backdated insert,
    as seeding makes) `repeat_visit`, and the new ticket whichever applies to it, so the
    reports count repeats from the ticket rows alone (app/storage/schema_reports.py).
    """
    before = work.execute(
        "UPDATE ticket SET came_back = 1 WHERE imei = ? AND created_at >= time_ms(?) AND created_at < time_ms(?)"
        " AND id <> ?",
        (imei, _shifted(at, -REPEAT_WINDOW), at, ticket_id),
    ).rowcount
    after = work.execute(
        "UPDATE ticket SET repeat_visit = 1 WHERE imei = ? AND created_at > time_ms(?) AND created_at <= time_ms(?)"
        " AND id <> ?",
        (imei, at, _shifted(at, REPEAT_WINDOW), ticket_id),
    ).rowcount
    if before or after:
        work.execute(
            "UPDATE ticket SET repeat_visit = ?, came_back = ? WHERE id = ?",
            (int(before > 0), int(after > 0), ticket_id),
        )


def add_event(
    work: UnitOfWork,
    ticket_id: str,
    from_status: str | None,
    to_status: str,
    note: str,
    *,
    at: str | None = None,
    actor: str | None = None,
) -> None:
    """One line of the ticket's history; `actor` defaults to who does the work (the hub's projection
    names the person at the other counter)."""
    # seq counts within the ticket: the table is keyed (ticket_id, seq), so this is one short index seek;
    # the ticket named by its id's 16 bytes (schema_lean.py)
    work.execute(
        "INSERT INTO ticket_event (ticket_id, seq, at, actor, from_status, to_status, note) VALUES (id_as_bytes(?1),"
        " (SELECT coalesce(max(seq), 0) + 1 FROM ticket_event WHERE ticket_id = id_as_bytes(?1)), time_ms(?2),"
        " ?3, ?4, ?5, ?6)",
        (ticket_id, at or work.at, actor or work.actor, from_status, to_status, note or None),
    )


def set_fault_category(work: UnitOfWork, ticket_id: str, expected: str, category: str) -> bool:
    """Set the ticket's fault category if it is still `expected` (another counter may have changed it)."""
    cursor = work.execute(
        "UPDATE ticket SET fault_category = ?, updated_at = time_ms(?) WHERE id = ?"
        " AND coalesce(fault_category, 'other') = ?",
        (category, work.at, ticket_id, expected),
    )
    return bool(cursor.rowcount == 1)


def set_status(work: UnitOfWork, ticket_id: str, expected: str, target: str, note: str) -> bool:
    """Move the ticket if it is still in `expected` (another counter may have moved it); False if not.

    The move also keeps the ticket's report facts (first response, closing time, a failed
    quality check) on its row, so the outlet reports never read its history (schema_reports).
    """
    cursor = work.execute(
        "UPDATE ticket SET status = ?, updated_at = time_ms(?), responded_at = coalesce(responded_at, time_ms(?)),"
        f" closed_at = CASE WHEN ? IN ({CLOSED_STATUSES_SQL}) THEN time_ms(?) ELSE closed_at END,"
        " qc_failed = max(qc_failed, ? = 'quality_check' AND ? = 'repairing')"
        " WHERE id = ? AND status = ?",
        (target, work.at, work.at, target, work.at, expected, target, ticket_id, expected),
    )
    if cursor.rowcount != 1:
        return False
    add_event(work, ticket_id, expected, target, note)
    return True


def set_report_facts(
    work: UnitOfWork, ticket_id: str, *, responded_at: str | None, closed_at: str | None, qc_failed: bool
) -> None:
    """The report facts of a ticket written with its history at once (seeding), as set_status keeps them."""
    work.execute(
        "UPDATE ticket SET responded_at = time_ms(?), closed_at = time_ms(?), qc_failed = ? WHERE id = ?",
        (responded_at, closed_at, int(qc_failed), ticket_id),
    )


def set_json(work: UnitOfWork, ticket_id: str, column: str, value: dict[str, Any]) -> None:
    """Write one of the once-only JSON columns (agreement, approval, pickup, warranty)."""
    if column not in ("agreement_json", "approval_json", "pickup_json", "warranty_json"):
        raise ValueError(f"not a JSON column: {column}")
    text = _warranty_json(value) if column == "warranty_json" else _json(value)
    work.execute(f"UPDATE ticket SET {column} = ?, updated_at = time_ms(?) WHERE id = ?", (text, work.at, ticket_id))


def set_device_identity(work: UnitOfWork, ticket_id: str, imeis: Sequence[str], model: str, serial: str) -> None:
    """Fill a ticket that had no IMEI with what was read from the phone; a model or serial already
    on the ticket (typed at intake) stays."""
    first, second = (list(imeis) + ["", ""])[:2]
    work.execute(
        "UPDATE ticket SET imei = ?, imei2 = ?, imei_tail = ?, imei2_tail = ?,"
        " device_model = coalesce(device_model, ?), serial = coalesce(serial, ?), updated_at = time_ms(?) WHERE id = ?",
        (
            first or None,
            second or None,
            imei_tail(first),
            imei_tail(second),
            model or None,
            serial or None,
            work.at,
            ticket_id,
        ),
    )


def set_estimate(work: UnitOfWork, ticket_id: str, estimate: Decimal) -> None:
    work.execute(
        "UPDATE ticket SET estimate = ?, updated_at = time_ms(?) WHERE id = ?", (str(estimate), work.at, ticket_id)
    )


def add_line(
    work: UnitOfWork,
    ticket_id: str,
    kind: str,
    part_id: str | None,
    description: str,
    quantity: int,
    unit_price: Decimal,
) -> TicketLine:
    line = TicketLine(str(uuid.uuid4()), kind, part_id, description, quantity, unit_price)
    work.execute(
        "INSERT INTO ticket_line (id, ticket_id, kind, part_id, description, quantity, unit_price, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (line.id, ticket_id, kind, part_id, description, quantity, str(unit_price), work.at),
    )
    return line


# --- reads ---------------------------------------------------------------------------------

_TICKET_SELECT = (
    "SELECT t.id, t.number, t.status, t.service_type, t.priority, c.name, c.phone, t.device_model,"
    " t.imei, t.fault, time_text(t.created_at), time_text(t.due_at) FROM ticket t"
    " LEFT JOIN customer c ON c.id = t.customer_id"
)


def _rows(store: Store, where: str, params: Sequence[Any], limit: int) -> list[TicketRow]:
    sql = f"{_TICKET_SELECT} {where} LIMIT ?"
    return [TicketRow(*r) for r in store.query(sql, (*params, min(limit, MAX_ROWS)))]


def ticket_by_number(store: Store, number: str) -> TicketRow | None:
    rows = _rows(store, "WHERE t.number = ?", (number,), 1)
    return rows[0] if rows else None


def recent_tickets(store: Store, limit: int = 50, status: str | None = None) -> list[TicketRow]:
    if status is None:
        return _rows(store, "ORDER BY t.created_at DESC, t.number DESC", (), limit)
    return _rows(store, "WHERE t.status = ? ORDER BY t.created_at DESC, t.number DESC", (status,), limit)


def open_queue(store: Store, limit: int = MAX_ROWS) -> list[TicketRow]:
    """Open tickets: those still waiting for their first response, most pressing deadline first, then
    the others by deadline (both read in order from the partial index `ticket_open_due`)."""
    open_only = f"WHERE t.status NOT IN ({CLOSED_STATUSES_SQL})"
    waiting = _rows(store, f"{open_only} AND t.status = 'received' ORDER BY t.due_at", (), limit)
    if len(waiting) >= limit:
        return waiting
    return waiting + _rows(store, f"{open_only} AND t.status <> 'received' ORDER BY t.due_at", (), limit - len(waiting))


#: Tickets of a set of customers, newest first: the inner query picks the rows from the covering index
#: ticket_customer_created alone (no row reads for a common name's thousands of tickets), and only
#: the chosen rows are read.  Its LIMIT takes the same row limit as the outer one.
_NEWEST_OF_CUSTOMERS = (
    "WHERE t.rowid IN (SELECT n.rowid FROM ticket n WHERE n.customer_id IN ({customers})"
    " ORDER BY n.created_at DESC LIMIT ?) ORDER BY t.created_at DESC"
)

#: The WHERE ... ORDER BY of each search, by query kind; the benchmark runs exactly these as its
#: raw-SQL baseline, so its ratio is what the service adds on top of the statement itself.
SEARCH_WHERE = {
    "ticket": "WHERE t.number = ?",
    "imei": "WHERE t.id IN (SELECT id FROM ticket WHERE imei = ? UNION SELECT id FROM ticket WHERE imei2 = ?)"
    " ORDER BY t.created_at DESC",
    "imei_tail": "WHERE t.id IN (SELECT id FROM ticket WHERE imei_tail = ? UNION SELECT id FROM ticket"
    " WHERE imei2_tail = ?) ORDER BY t.created_at DESC",
    "phone": _NEWEST_OF_CUSTOMERS.format(customers="SELECT id FROM customer WHERE phone = ?"),
    "phone_tail": "WHERE t.phone_tail = ? ORDER BY t.created_at DESC",
    "name": _NEWEST_OF_CUSTOMERS.format(customers=name_search.CANDIDATES_SQL),
    "tracking": "WHERE t.tracking_number = ? ORDER BY t.created_at DESC",
}


#: Candidate arguments that match no key (an empty range), for a query that normalises to nothing.
_NO_NAME = ("", "", 0, "", "", 0)

#: The name search as it was before migration 8 (a LIKE prefix no index serves): the benchmark's
#: reference for what the key table gained.
NAME_LIKE_WHERE = _NEWEST_OF_CUSTOMERS.format(customers="SELECT id FROM customer WHERE name LIKE ? ESCAPE '\\'")


def search_sql(kind: str) -> str:
    """The full statement of one search kind (parameters: its values, then the row limit)."""
    return f"{_TICKET_SELECT} {SEARCH_WHERE[kind]} LIMIT ?"


def search_args(kind: str, value: str, limit: int) -> tuple[str | int, ...]:
    """The parameters of `search_sql(kind)` for one value and row limit."""
    limit = max(1, min(limit, MAX_ROWS))
    if kind in ("imei", "imei_tail"):
        return (value, value, limit)
    if kind == "name":
        return (*(name_search.candidate_args(value) or _NO_NAME), limit, limit)
    if kind == "phone":
        return (value, limit, limit)
    return (value, limit)


def search(store: Store, kind: str, value: str, limit: int) -> list[TicketRow]:
    """Tickets matching one kind of query, newest first (names match by prefix, any case)."""
    return [TicketRow(*r) for r in store.query(search_sql(kind), search_args(kind, value, limit))]


_DETAIL_SELECT = (
    "SELECT t.customer_id, coalesce(c.email, ''), coalesce(c.address, ''), coalesce(t.imei2, ''),"
    " coalesce(t.serial, ''), coalesce(t.software_version, ''), coalesce(t.fault_category, 'other'),"
    " t.purchase_date, coalesce(t.purchase_proof, ''), coalesce(t.courier, ''),"
    " coalesce(t.tracking_number, ''), coalesce(t.parcel_condition, ''), t.intake_json, t.agreement_json,"
    " t.warranty_json, t.estimate, t.deposit, t.approval_json, t.pickup_json, t.created_by, time_text(t.updated_at)"
    " FROM ticket t LEFT JOIN customer c ON c.id = t.customer_id WHERE t.id = ?"
)


def _loads(stored: str | bytes | None) -> Any:
    text = packed_json.unpack(stored)
    return None if text is None else json.loads(text)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def ticket_detail(store: Store, number: str) -> TicketDetail | None:
    row = ticket_by_number(store, number)
    if row is None:
        return None
    d = store.query_one(_DETAIL_SELECT, (row.id,))
    assert d is not None  # the row was just read
    return TicketDetail(
        row,
        d[0],
        d[1],
        d[2],
        d[3],
        d[4],
        d[5],
        d[6],
        d[7],
        d[8],
        d[9],
        d[10],
        d[11],
        _loads(d[12]) or {},
        _loads(d[13]),
        load_warranty(d[14]),
        _decimal(d[15]),
        _decimal(d[16]),
        _loads(d[17]),
        _loads(d[18]),
        d[19],
        d[20],
        tuple(ticket_events(store, row.id)),
        tuple(ticket_lines(store, row.id)),
    )


#: A ticket's history, oldest first: (at, actor, from, to, note).  Its first line, "received", is the
#: ticket row itself (when and by whom it was opened): an event row repeating it cost ~50 bytes a
#: ticket (issue 13).  Stores from before migration 20 may still hold that line as an event row
#: where it did not match the row; then the row is not read as one.
HISTORY_SQL = (
    "SELECT time_text(created_at), created_by, NULL, 'received', '' FROM ticket WHERE id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM ticket_event WHERE ticket_id = id_as_bytes(?1) AND from_status IS NULL)"
    " UNION ALL SELECT * FROM (SELECT time_text(at), actor, from_status, to_status, coalesce(note, '')"
    " FROM ticket_event WHERE ticket_id = id_as_bytes(?1) ORDER BY seq)"
)


def ticket_events(store: Store, ticket_id: str) -> list[TicketEvent]:
    return [TicketEvent(*r) for r in store.query(HISTORY_SQL, (ticket_id,))]


def ticket_lines(store: Store, ticket_id: str) -> list[TicketLine]:
    rows = store.query(
        "SELECT id, kind, part_id, description, quantity, unit_price FROM ticket_line"
        " WHERE ticket_id = ? ORDER BY created_at, rowid",
        (ticket_id,),
    )
    return [TicketLine(r[0], r[1], r[2], r[3], r[4], Decimal(r[5])) for r in rows]


def ticket_photos(store: Store, ticket_id: str) -> list[ConditionPhoto]:
    rows = store.query(
        "SELECT part, data FROM ticket_photo WHERE ticket_id = ? ORDER BY created_at, rowid", (ticket_id,)
    )
    return [ConditionPhoto(part, bytes(data)) for part, data in rows]


def ticket_count(store: Store) -> int:
    row = store.query_one("SELECT count(*) FROM ticket")
    return int(row[0]) if row else 0

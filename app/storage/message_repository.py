"""Messages after the repair: consent, the outbound queue and its attempts, templates, ratings
(schema and the meaning of every state: app/storage/schema_messages.py).

Writes take the caller's `UnitOfWork`; state changes are guarded by the state they
expect, so two runs of the sender cannot both take one message.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.storage.store import Store, UnitOfWork

#: States in which a message is still to be sent (and may keep the number).
OPEN_STATES = ("queued", "sending", "uncertain")


@dataclass(frozen=True)
class MessageConsent:
    ticket_id: str
    language: str
    care_guide: str
    given_at: str
    withdrawn_at: str | None

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


@dataclass(frozen=True)
class DueMessage:
    """A queued message with what it takes to render and send it."""

    id: str
    ticket_number: str
    event: str
    phone: str
    language: str
    concat_ref: int
    parts_sent: int
    attempts: int
    device_model: str
    outlet_name: str
    outlet_address: str


@dataclass(frozen=True)
class MessageRow:
    """A queue row as listed: never the number or a text, only whether the number is still held."""

    id: str
    ticket_number: str
    event: str
    state: str
    parts_total: int
    parts_sent: int
    delivered_parts: int
    attempts: int
    last_fault: str
    next_attempt_at: str
    created_at: str
    sent_at: str | None
    holds_number: bool


# --- consent ---------------------------------------------------------------------------------------


def record_consent(work: UnitOfWork, ticket_id: str, language: str, care_guide: str) -> None:
    work.execute(
        "INSERT INTO message_consent (ticket_id, language, care_guide, given_at, given_by) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (ticket_id) DO UPDATE SET language = excluded.language, care_guide = excluded.care_guide,"
        " given_at = excluded.given_at, given_by = excluded.given_by, withdrawn_at = NULL",
        (ticket_id, language, care_guide, work.at, work.actor),
    )


def consent_of(store: Store, ticket_id: str) -> MessageConsent | None:
    row = store.query_one(
        "SELECT ticket_id, language, care_guide, given_at, withdrawn_at FROM message_consent WHERE ticket_id = ?",
        (ticket_id,),
    )
    return MessageConsent(*row) if row else None


def withdraw_consent(work: UnitOfWork, ticket_id: str) -> int:
    """Withdraw; every message of the ticket not yet sent stops and forgets the number.  How many stopped."""
    work.execute(
        "UPDATE message_consent SET withdrawn_at = ? WHERE ticket_id = ? AND withdrawn_at IS NULL", (work.at, ticket_id)
    )
    cursor = work.execute(
        "UPDATE message_queue SET state = 'stopped', phone = NULL, part_in_flight = NULL"
        " WHERE ticket_id = ? AND state IN ('queued', 'sending', 'uncertain')",
        (ticket_id,),
    )
    return int(cursor.rowcount)


def withdraw_customer_consents(work: UnitOfWork, customer_id: str) -> int:
    """Withdraw the message consent of every ticket of a customer (the privacy desk's withdrawal)."""
    tickets = work.execute("SELECT id FROM ticket WHERE customer_id = ?", (customer_id,)).fetchall()
    return sum(withdraw_consent(work, ticket_id) for (ticket_id,) in tickets)


# --- the queue -----------------------------------------------------------------------------------


def enqueue(work: UnitOfWork, ticket_id: str, event: str, concat_ref: int) -> str | None:
    """Queue the event's message if the ticket's customer consented and left a number; the id or None.

    One message per ticket and event: a second move into the same status queues nothing."""
    message_id = str(uuid.uuid4())
    cursor = work.execute(
        "INSERT OR IGNORE INTO message_queue (id, ticket_id, event, phone, state, concat_ref, next_attempt_at,"
        " created_at) SELECT ?, t.id, ?, c.phone, 'queued', ?, ?, ? FROM ticket t"
        " JOIN message_consent m ON m.ticket_id = t.id AND m.withdrawn_at IS NULL"
        " JOIN customer c ON c.id = t.customer_id WHERE t.id = ? AND coalesce(c.phone, '') <> ''",
        (message_id, event, concat_ref, work.at, work.at, ticket_id),
    )
    return message_id if cursor.rowcount == 1 else None


def due_messages(store: Store, now: str, limit: int = 50) -> list[DueMessage]:
    rows = store.query(
        "SELECT q.id, t.number, q.event, q.phone, m.language, q.concat_ref, q.parts_sent, q.attempts,"
        " coalesce(t.device_model, ''), o.name, o.address FROM message_queue q"
        " JOIN ticket t ON t.id = q.ticket_id CROSS JOIN outlet o"  # the store's one outlet (schema_lean.py)
        " JOIN message_consent m ON m.ticket_id = q.ticket_id AND m.withdrawn_at IS NULL"
        " WHERE q.state = 'queued' AND q.next_attempt_at <= ? AND q.phone IS NOT NULL"
        " ORDER BY q.next_attempt_at, q.created_at LIMIT ?",
        (now, limit),
    )
    return [DueMessage(*row) for row in rows]


def interrupted(store: Store) -> list[tuple[str, int | None]]:
    """(id, part in flight) of messages a previous run left in `sending`."""
    return [
        (row[0], row[1]) for row in store.query("SELECT id, part_in_flight FROM message_queue WHERE state = 'sending'")
    ]


def set_state(work: UnitOfWork, message_id: str, expected: str, state: str, *, fault: str = "") -> bool:
    """Move a message from `expected` to `state`; False when another run moved it first."""
    forget = state in ("sent", "failed", "stopped")
    cursor = work.execute(
        "UPDATE message_queue SET state = ?, last_fault = ?, phone = CASE WHEN ? THEN NULL ELSE phone END,"
        " part_in_flight = CASE WHEN ? = 'queued' THEN NULL ELSE part_in_flight END,"
        " sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ? AND state = ?",
        (state, fault, forget, state, state, work.at, message_id, expected),
    )
    return int(cursor.rowcount) == 1


def mark_in_flight(work: UnitOfWork, message_id: str, part: int, parts_total: int) -> bool:
    """Before Ctrl-Z: this part may leave from now on."""
    cursor = work.execute(
        "UPDATE message_queue SET state = 'sending', part_in_flight = ?, parts_total = ?"
        " WHERE id = ? AND state IN ('queued', 'sending') AND parts_sent = ?",
        (part, parts_total, message_id, part),
    )
    return int(cursor.rowcount) == 1


def mark_part_sent(work: UnitOfWork, message_id: str, part: int, reference: int) -> bool:
    cursor = work.execute(
        "UPDATE message_queue SET parts_sent = parts_sent + 1, part_in_flight = NULL,"
        " refs = CASE WHEN refs = '' THEN ? ELSE refs || ',' || ? END"
        " WHERE id = ? AND state = 'sending' AND part_in_flight = ?",
        (str(reference), str(reference), message_id, part),
    )
    return int(cursor.rowcount) == 1


def schedule_retry(work: UnitOfWork, message_id: str, fault: str, next_at: str | None) -> None:
    """One failed try that sent nothing: back to queued at `next_at`, or failed (number forgotten) when None."""
    work.execute(
        "UPDATE message_queue SET attempts = attempts + 1, last_fault = ?, part_in_flight = NULL,"
        " state = CASE WHEN ? IS NULL THEN 'failed' ELSE 'queued' END,"
        " phone = CASE WHEN ? IS NULL THEN NULL ELSE phone END,"
        " next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ? AND state IN ('queued', 'sending')",
        (fault, next_at, next_at, next_at, message_id),
    )


def count_attempt(work: UnitOfWork, message_id: str) -> None:
    work.execute("UPDATE message_queue SET attempts = attempts + 1 WHERE id = ?", (message_id,))


def journal_attempt(work: UnitOfWork, message_id: str, outcome: str, cms: int | None = None) -> tuple[int, int]:
    """Journal one try with the message's part counts; (parts_total, parts_sent)."""
    row = work.execute("SELECT parts_total, parts_sent FROM message_queue WHERE id = ?", (message_id,)).fetchone()
    total, sent = (int(row[0]), int(row[1])) if row else (0, 0)
    work.execute(
        "INSERT INTO message_attempt (message_id, at, parts_total, parts_sent, outcome, cms) VALUES (?, ?, ?, ?, ?, ?)",
        (message_id, work.at, total, sent, outcome, cms),
    )
    return total, sent


def record_deliveries(work: UnitOfWork, references: list[int], since: str) -> int:
    """Count delivery reports against the messages sent since `since` that hold these references."""
    matched = 0
    rows = work.execute(
        "SELECT id, refs FROM message_queue WHERE sent_at >= ? OR state = 'sending'", (since,)
    ).fetchall()
    for message_id, refs in rows:
        held = {int(r) for r in str(refs).split(",") if r}
        hits = sum(1 for reference in references if reference in held)
        if hits:
            work.execute(
                "UPDATE message_queue SET delivered_parts = min(parts_total, delivered_parts + ?) WHERE id = ?",
                (hits, message_id),
            )
            matched += hits
    return matched


def message_rows(store: Store, states: tuple[str, ...] | None = None, limit: int = 200) -> list[MessageRow]:
    where = f"WHERE q.state IN ({', '.join('?' * len(states))})" if states else ""
    return _rows(store, where, states or (), limit)


def messages_of_ticket(store: Store, ticket_id: str) -> list[MessageRow]:
    return _rows(store, "WHERE q.ticket_id = ?", (ticket_id,), 100)


def message_row(store: Store, message_id: str) -> MessageRow | None:
    found = _rows(store, "WHERE q.id = ?", (message_id,), 1)
    return found[0] if found else None


def _rows(store: Store, where: str, params: tuple[str, ...], limit: int) -> list[MessageRow]:
    rows = store.query(
        "SELECT q.id, t.number, q.event, q.state, q.parts_total, q.parts_sent, q.delivered_parts, q.attempts,"
        " q.last_fault, q.next_attempt_at, q.created_at, q.sent_at, q.phone IS NOT NULL"
        f" FROM message_queue q JOIN ticket t ON t.id = q.ticket_id {where}"
        " ORDER BY q.created_at DESC LIMIT ?",
        (*params, limit),
    )
    return [MessageRow(*[*row[:-1], bool(row[-1])]) for row in rows]


def attempts_of(store: Store, message_id: str) -> list[tuple[str, int, int, str, int | None]]:
    return [
        (row[0], row[1], row[2], row[3], row[4])
        for row in store.query(
            "SELECT at, parts_total, parts_sent, outcome, cms FROM message_attempt WHERE message_id = ? ORDER BY seq",
            (message_id,),
        )
    ]


def waiting_count(store: Store) -> int:
    row = store.query_one("SELECT count(*) FROM message_queue WHERE state IN ('queued', 'sending', 'uncertain')")
    return int(row[0]) if row else 0


# --- templates --------------------------------------------------------------------------------------


def template_override(store: Store, event: str, language: str) -> str | None:
    row = store.query_one("SELECT body FROM message_template WHERE event = ? AND language = ?", (event, language))
    return str(row[0]) if row else None


def set_template(work: UnitOfWork, event: str, language: str, body: str) -> None:
    work.execute(
        "INSERT INTO message_template (event, language, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (event, language) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by,"
        " updated_at = excluded.updated_at",
        (event, language, body, work.actor, work.at),
    )


def clear_template(work: UnitOfWork, event: str, language: str) -> None:
    work.execute("DELETE FROM message_template WHERE event = ? AND language = ?", (event, language))


# --- satisfaction ----------------------------------------------------------------------------------


def record_satisfaction(
    work: UnitOfWork, ticket_id: str, outcome: str, taken: str, rating: int | None, comment: str | None
) -> bool:
    """The ticket's one rating (or follow-up result); False when one is already on file."""
    cursor = work.execute(
        "INSERT OR IGNORE INTO satisfaction (ticket_id, rating, comment, outcome, taken, recorded_by, recorded_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (ticket_id, rating, comment, outcome, taken, work.actor, work.at),
    )
    return int(cursor.rowcount) == 1


def satisfaction_of(store: Store, ticket_id: str) -> tuple[int | None, str | None, str, str] | None:
    row = store.query_one("SELECT rating, comment, outcome, taken FROM satisfaction WHERE ticket_id = ?", (ticket_id,))
    return (row[0], row[1], row[2], row[3]) if row else None


def unrated_completions(store: Store, limit: int = 200) -> list[tuple[str, str]]:
    """(ticket number, collected at) of collected tickets with no rating or follow-up result, oldest first."""
    rows = store.query(
        "SELECT t.number, time_text(t.closed_at) FROM ticket t WHERE t.status = 'collected' AND t.closed_at IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM satisfaction s WHERE s.ticket_id = t.id) ORDER BY t.closed_at LIMIT ?",
        (limit,),
    )
    return [(str(row[0]), str(row[1])) for row in rows]


def consent_in_work(work: UnitOfWork, ticket_id: str) -> tuple[str, str] | None:
    """(language, care guide way) of the ticket's active consent, read inside a unit of work."""
    row = work.execute(
        "SELECT language, care_guide FROM message_consent WHERE ticket_id = ? AND withdrawn_at IS NULL", (ticket_id,)
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def settle_uncertain(work: UnitOfWork, message_id: str, reached: bool) -> str | None:
    """A person's decision on an uncertain message; its new state, or None if it was not uncertain.

    Reached: the part in flight counts as sent (the message is done when it was the last).
    Not reached: the part in flight is sent again on the next run."""
    row = work.execute(
        "SELECT parts_sent, parts_total, part_in_flight FROM message_queue WHERE id = ? AND state = 'uncertain'",
        (message_id,),
    ).fetchone()
    if row is None:
        return None
    parts_sent = int(row[0]) + (1 if reached and row[2] is not None else 0)
    state = "sent" if parts_sent >= int(row[1]) else "queued"
    work.execute(
        "UPDATE message_queue SET parts_sent = ?, part_in_flight = NULL, state = ?,"
        " phone = CASE WHEN ? = 'sent' THEN NULL ELSE phone END,"
        " sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, next_attempt_at = ? WHERE id = ?",
        (parts_sent, state, state, state, work.at, work.at, message_id),
    )
    return state


def forget_customer(work: UnitOfWork, customer_id: str) -> int:
    """For an erasure: the customer's message consents withdrawn (queued messages stopped, numbers
    forgotten) and the comments of their ratings dropped (the rating stays, for the statistics)."""
    stopped = withdraw_customer_consents(work, customer_id)
    work.execute(
        "UPDATE satisfaction SET comment = NULL WHERE ticket_id IN (SELECT id FROM ticket WHERE customer_id = ?)",
        (customer_id,),
    )
    return stopped


def last_attempt(store: Store) -> tuple[str, str] | None:
    """(outcome, at) of the newest try of any message: what the modem last did."""
    row = store.query_one("SELECT outcome, at FROM message_attempt ORDER BY seq DESC LIMIT 1")
    return (str(row[0]), str(row[1])) if row else None

"""The counter's one search box: what was typed or scanned decides where to look.

* a ticket number (any case), or a slip's QR content `RC1/<number>/<code>`;
* an IMEI: 15 digits in full, or the last 6;
* a phone number: 11 digits (or with +86) in full, or the last 4;
* a courier tracking number: letters and digits, at least 8, not a name;
* anything else: the start of a customer's name.

A QR content is verified when the outlet's slip key is given; a slip that
does not verify is refused (a typed-up copy), never silently opened.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from app.accounts.session import Session
from app.core.identifiers import is_valid_imei
from app.core.roles import Permission
from app.core.ticket_numbers import (
    InvalidTicketNumber,
    VerificationFailed,
    parse_scanned_code,
    verify_qr_payload,
)
from app.storage import ticket_repository
from app.storage.ticket_records import TicketRow
from app.tickets.errors import SlipNotGenuine
from app.tickets.service_types import normalise_phone

MAX_QUERY = 100
#: Results shown for a search: one screen of the queue table; a partial identifier (phone last 4)
#: matches ~100 tickets at a million, and the newest screenful is what the counter looks at.
DEFAULT_LIMIT = 25
_TRACKING = re.compile(r"^(?=.*\d)[A-Z0-9]{8,30}$")
_PHONE_FULL = re.compile(r"^\+?[\d \-]{11,18}$")


class QueryKind(enum.StrEnum):
    TICKET = "ticket"
    SLIP = "slip"
    IMEI = "imei"
    IMEI_TAIL = "imei_tail"
    PHONE = "phone"
    PHONE_TAIL = "phone_tail"
    TRACKING = "tracking"
    NAME = "name"
    EMPTY = "empty"


@dataclass(frozen=True)
class Classified:
    kind: QueryKind
    value: str


def classify(query: str) -> Classified:
    """What the text in the search box is (pure: no store needed)."""
    text = query.strip()[:MAX_QUERY]
    if not text:
        return Classified(QueryKind.EMPTY, "")
    try:
        scanned = parse_scanned_code(text)
    except InvalidTicketNumber:
        scanned = None
    if scanned is not None:
        kind = QueryKind.SLIP if scanned.verification_code else QueryKind.TICKET
        return Classified(kind, str(scanned.ticket))
    compact = re.sub(r"[\s\-]", "", text)
    if compact.isdigit():
        return _classify_digits(compact, text)
    if _PHONE_FULL.match(text) and text.startswith("+"):
        return Classified(QueryKind.PHONE, normalise_phone(text))
    if _TRACKING.match(compact.upper()):
        return Classified(QueryKind.TRACKING, compact.upper())
    return Classified(QueryKind.NAME, text)


def _classify_digits(digits: str, text: str) -> Classified:
    if len(digits) == 15 and is_valid_imei(digits):
        return Classified(QueryKind.IMEI, digits)
    if len(digits) == 6:
        return Classified(QueryKind.IMEI_TAIL, digits)
    if len(digits) == 4:
        return Classified(QueryKind.PHONE_TAIL, digits)
    if len(digits) == 11 or (len(digits) in (13, 15) and normalise_phone(text) != digits):
        return Classified(QueryKind.PHONE, normalise_phone(text))
    return Classified(QueryKind.TRACKING, digits)


def search(
    session: Session, query: str, *, limit: int = DEFAULT_LIMIT, slip_key: bytes | None = None
) -> list[TicketRow]:
    """The tickets the query finds, newest first (at most `limit`)."""
    session.require(Permission.READ_TICKETS)
    found = classify(query)
    if found.kind is QueryKind.SLIP and slip_key is not None:
        try:
            verify_qr_payload(query.strip(), slip_key)
        except VerificationFailed:
            raise SlipNotGenuine(f"The slip code for {found.value} does not verify: not a genuine slip.") from None
    return run_search(session, found, limit)


def run_search(session: Session, found: Classified, limit: int) -> list[TicketRow]:
    if found.kind is QueryKind.EMPTY:
        return []
    kind = "ticket" if found.kind is QueryKind.SLIP else found.kind.value
    return ticket_repository.search(session.store, kind, found.value, limit)

"""Ticket numbers, and the content of the slip's QR code.

Ticket number
-------------
``SZ01-20261122-0042``: the outlet code, the local date the ticket was opened
(``YYYYMMDD``), and a 4-digit sequence that restarts at 0001 each day for each
outlet.  Made on the counter PC with no network, unique because each outlet
code belongs to one PC's store.

An outlet with several counters (two-way sync through an outlet hub) gives each
counter a code of 1 or 2 characters, a capital letter then optionally a capital
or digit (``A``, ``B``, ``K2``), written just before the sequence:
``SZ01-20261122-B0042``.  Each counter numbers its own tickets, so numbers stay
unique across counters with no coordination; the sequence is always the last
four digits, so the counter code cannot run into it.  Numbers without a
counter code (every number from before, and a single-counter outlet) stay valid.
Outlet codes are 2 to 8 capital letters and
digits starting with a letter (``SZ01``, ``BJ12``, ``MUMBAI3``).  The number
is printed as Code 128 on the slip, typed at the counter, and read back by
scanners that may send lower case: parsing accepts any case and surrounding
white space, and gives the canonical form.

QR code content (version 1)
---------------------------
``RC1/<ticket number>/<verification code>``, e.g.
``RC1/SZ01-20261122-0042/1VZWZJS2`` (with the key ``b"example-slip-key-0123"``):

* ``RC1``: the format and its version;
* the ticket number as above;
* the verification code: the first 40 bits of
  ``HMAC-SHA256(key, "RC1/" + ticket number)`` (ASCII), written as 8
  characters of Crockford's base-32 alphabet (``0-9`` and ``A-Z`` without
  ``I L O U``).

Every character is in the QR alphanumeric set (capitals, digits, ``/``, ``-``),
so the code stays small.  The key is the outlet network's slip key, passed in
by the caller (never stored here); a counter that scans a slip recomputes the
code to tell a genuine slip from a typed-up copy.  The code is short on
purpose: it guards against forged slips at a counter, not against an
offline brute force, and a wrong code is refused without saying which
character is wrong.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date

QR_FORMAT = "RC1"
MAX_SEQUENCE = 9_999
MIN_KEY_BYTES = 16
#: Longest text a scanner may hand in (anything longer is not ours).
MAX_SCANNED_LENGTH = 64
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_LENGTH = 8

_OUTLET = r"[A-Z][A-Z0-9]{1,7}"
_COUNTER = r"[A-Z][A-Z0-9]?"
_TICKET = re.compile(rf"^({_OUTLET})-(\d{{8}})-({_COUNTER})?(\d{{4}})$", re.ASCII)
_QR = re.compile(
    rf"^{QR_FORMAT}/({_OUTLET}-\d{{8}}-(?:{_COUNTER})?\d{{4}})/([{_CROCKFORD}]{{{_CODE_LENGTH}}})$", re.ASCII
)


class InvalidTicketNumber(ValueError):
    """Text that is not a ticket number (or a QR content) of ours."""


class SequenceExhausted(ValueError):
    """The outlet has opened 9999 tickets today; the next one has no number."""


class VerificationFailed(ValueError):
    """A QR code whose verification code does not match: not a genuine slip."""


@dataclass(frozen=True, order=True, slots=True)
class TicketNumber:
    """A parsed ticket number; `str()` gives the canonical form."""

    outlet: str
    day: date
    sequence: int
    #: The counter that opened it, in an outlet of several counters; "" for one counter.
    counter: str = ""

    def __post_init__(self) -> None:
        if not re.fullmatch(_OUTLET, self.outlet):
            raise InvalidTicketNumber(f"outlet code {self.outlet!r} must be 2-8 capitals and digits, from a letter")
        if self.counter and not is_counter_code(self.counter):
            raise InvalidTicketNumber(f"counter code {self.counter!r} must be a capital letter, then at most one more")
        if not 1 <= self.sequence <= MAX_SEQUENCE:
            raise InvalidTicketNumber(f"sequence {self.sequence} is outside 1-{MAX_SEQUENCE}")

    def __str__(self) -> str:
        return f"{self.outlet}-{self.day:%Y%m%d}-{self.counter}{self.sequence:04d}"


def is_counter_code(text: str) -> bool:
    return re.fullmatch(_COUNTER, text, re.ASCII) is not None


def _clean(text: str) -> str:
    if len(text) > MAX_SCANNED_LENGTH:
        raise InvalidTicketNumber("too long to be a ticket number")
    return text.strip().upper()


def parse_ticket_number(text: str) -> TicketNumber:
    """`"sz01-20261122-0042 "` -> TicketNumber("SZ01", 2026-11-22, 42)."""
    match = _TICKET.match(_clean(text))
    if match is None:
        raise InvalidTicketNumber(
            f"{text.strip()[:MAX_SCANNED_LENGTH]!r} is not a ticket number like SZ01-20261122-0042"
        )
    outlet, day_text, counter, sequence = match.groups()
    try:
        day = date(int(day_text[:4]), int(day_text[4:6]), int(day_text[6:]))
    except ValueError:
        raise InvalidTicketNumber(f"{day_text} is not a date") from None
    return TicketNumber(outlet, day, int(sequence), counter or "")


def next_ticket_number(outlet: str, day: date, last: TicketNumber | None, counter: str = "") -> TicketNumber:
    """The number after `last` (this counter's latest) for a ticket opened on `day`."""
    if last is None or (last.outlet, last.day, last.counter) != (outlet, day, counter):
        return TicketNumber(outlet, day, 1, counter)
    if last.sequence >= MAX_SEQUENCE:
        raise SequenceExhausted(f"outlet {outlet} has used all {MAX_SEQUENCE} numbers of {day}")
    return TicketNumber(outlet, day, last.sequence + 1, counter)


def _base32(data: bytes, length: int) -> str:
    number = int.from_bytes(data, "big")
    bits = len(data) * 8
    return "".join(_CROCKFORD[(number >> (bits - 5 * (i + 1))) & 31] for i in range(length))


def verification_code(ticket: TicketNumber, key: bytes) -> str:
    """The 8-character code for `ticket` under `key` (see the module docstring)."""
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"the slip key must be at least {MIN_KEY_BYTES} bytes")
    digest = hmac.new(key, f"{QR_FORMAT}/{ticket}".encode("ascii"), hashlib.sha256).digest()
    return _base32(digest[:5], _CODE_LENGTH)


def qr_payload(ticket: TicketNumber, key: bytes) -> str:
    """The QR code content for a slip: `RC1/<ticket>/<code>`."""
    return f"{QR_FORMAT}/{ticket}/{verification_code(ticket, key)}"


def parse_qr_payload(text: str) -> tuple[TicketNumber, str]:
    """Split a scanned QR content into its ticket number and code (not yet verified)."""
    match = _QR.match(_clean(text))
    if match is None:
        raise InvalidTicketNumber("not a Repair Counter slip code (expected RC1/<ticket>/<code>)")
    return parse_ticket_number(match.group(1)), match.group(2)


def verify_qr_payload(text: str, key: bytes) -> TicketNumber:
    """The ticket number of a genuine slip's QR content; `VerificationFailed` otherwise."""
    ticket, code = parse_qr_payload(text)
    if not hmac.compare_digest(code, verification_code(ticket, key)):
        raise VerificationFailed(f"the verification code of {ticket} does not match: not a genuine slip")
    return ticket


@dataclass(frozen=True, slots=True)
class ScannedCode:
    """What a scanner read off a slip: the ticket, and the code when it was the QR."""

    ticket: TicketNumber
    verification_code: str | None


def parse_scanned_code(text: str) -> ScannedCode:
    """Accept either the Code 128 barcode (a bare ticket number) or the QR content."""
    cleaned = _clean(text)
    if cleaned.startswith(f"{QR_FORMAT}/"):
        ticket, code = parse_qr_payload(cleaned)
        return ScannedCode(ticket, code)
    return ScannedCode(parse_ticket_number(cleaned), None)

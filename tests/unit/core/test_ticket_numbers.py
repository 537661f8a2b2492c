"""Ticket numbers and the slip's QR content (docs/ARCHITECTURE.md section 4, issue 6 item 5)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import string
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.ticket_numbers import (
    InvalidTicketNumber,
    SequenceExhausted,
    TicketNumber,
    VerificationFailed,
    next_ticket_number,
    parse_qr_payload,
    parse_scanned_code,
    parse_ticket_number,
    qr_payload,
    verification_code,
    verify_qr_payload,
)

KEY = b"example-slip-key-0123"
TICKET = TicketNumber("SZ01", date(2026, 11, 22), 42)
QR_ALPHANUMERIC = set(string.digits + string.ascii_uppercase + " $%*+-./:")


def test_format_and_parse_round_trip() -> None:
    assert str(TICKET) == "SZ01-20261122-0042"
    assert parse_ticket_number(" sz01-20261122-0042\n") == TICKET


@pytest.mark.parametrize(
    "text",
    [
        "SZ01-20261122-42",
        "SZ01-2026112-0042",
        "1Z01-20261122-0042",
        "S-20261122-0042",
        "SZ01-20261131-0042",
        "SZ01-20261122-0000",
        "SZ01_20261122_0042",
        "SZ01-20261122-00420",
        "SZ01-20261122-b",
        "SZ01-20261122-1B0042",
        "SZ01-20261122-ABC0042",
        "SZ01-20261122-B-0042",
        "TOOLONGCODE-20261122-0001",
        "x" * 500,
        "SZ01-２０２６１１２２-0042",
        "SZ01-٢٠٢٦١١٢٢-0042",
    ],
)
def test_malformed_numbers_are_refused(text: str) -> None:
    with pytest.raises(InvalidTicketNumber):
        parse_ticket_number(text)


def test_the_sequence_restarts_each_day_and_per_outlet() -> None:
    assert next_ticket_number("SZ01", date(2026, 11, 22), None).sequence == 1
    assert next_ticket_number("SZ01", date(2026, 11, 22), TICKET) == TicketNumber("SZ01", date(2026, 11, 22), 43)
    assert next_ticket_number("SZ01", date(2026, 11, 23), TICKET).sequence == 1
    assert next_ticket_number("BJ02", date(2026, 11, 22), TICKET).sequence == 1
    with pytest.raises(SequenceExhausted):
        next_ticket_number("SZ01", date(2026, 11, 22), TicketNumber("SZ01", date(2026, 11, 22), 9_999))


def test_a_counter_code_sits_before_the_sequence_and_old_numbers_stay_valid() -> None:
    counter_b = TicketNumber("SZ01", date(2026, 11, 22), 42, "B")
    assert str(counter_b) == "SZ01-20261122-B0042"
    assert parse_ticket_number("sz01-20261122-b0042") == counter_b
    assert parse_ticket_number("SZ01-20261122-K20042") == TicketNumber("SZ01", date(2026, 11, 22), 42, "K2")
    assert parse_ticket_number("SZ01-20261122-0042").counter == ""
    assert counter_b != TICKET  # the same day and sequence at another counter is another ticket
    assert next_ticket_number("SZ01", date(2026, 11, 22), counter_b, "B") == TicketNumber(
        "SZ01", date(2026, 11, 22), 43, "B"
    )
    assert next_ticket_number("SZ01", date(2026, 11, 22), counter_b, "A").sequence == 1
    assert parse_scanned_code(qr_payload(counter_b, KEY)).ticket == counter_b
    with pytest.raises(InvalidTicketNumber):
        TicketNumber("SZ01", date(2026, 11, 22), 1, "2")


def test_numbers_sort_by_outlet_day_and_sequence() -> None:
    numbers = [parse_ticket_number(t) for t in ("SZ01-20261122-0010", "SZ01-20261121-0099", "SZ01-20261122-0009")]
    assert [str(n) for n in sorted(numbers)] == ["SZ01-20261121-0099", "SZ01-20261122-0009", "SZ01-20261122-0010"]


def _independent_code(ticket: str, key: bytes) -> str:
    """The documented format computed another way: RFC 4648 base 32, remapped to Crockford's alphabet."""
    digest = hmac.new(key, f"RC1/{ticket}".encode(), hashlib.sha256).digest()[:5]
    rfc = base64.b32encode(digest).decode()
    return rfc.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ"))


def test_the_payload_is_the_documented_format() -> None:
    payload = qr_payload(TICKET, KEY)
    assert payload == "RC1/SZ01-20261122-0042/1VZWZJS2"
    assert payload.split("/")[2] == _independent_code("SZ01-20261122-0042", KEY)
    assert set(payload) <= QR_ALPHANUMERIC


def test_a_genuine_payload_verifies_and_a_forged_one_does_not() -> None:
    payload = qr_payload(TICKET, KEY)
    assert verify_qr_payload(payload.lower(), KEY) == TICKET
    with pytest.raises(VerificationFailed):
        verify_qr_payload(payload, b"another-outlet-network-key")
    forged = payload.replace("0042", "0043")
    with pytest.raises(VerificationFailed):
        verify_qr_payload(forged, KEY)


@pytest.mark.parametrize(
    "text",
    [
        "RC2/SZ01-20261122-0042/1VZWZJS2",
        "RC1/SZ01-20261122-0042/1VZWZJS",
        "RC1/SZ01-20261122-0042/1VZWZJSI",
        "RC1/SZ01-20261122-0042",
        "https://example.com/?t=SZ01-20261122-0042",
    ],
)
def test_other_codes_are_not_ours(text: str) -> None:
    with pytest.raises(InvalidTicketNumber):
        parse_qr_payload(text)


def test_short_keys_are_refused() -> None:
    with pytest.raises(ValueError):
        verification_code(TICKET, b"short")


def test_a_scanner_may_read_either_code() -> None:
    assert parse_scanned_code("SZ01-20261122-0042\r\n").verification_code is None
    scanned = parse_scanned_code(qr_payload(TICKET, KEY))
    assert scanned.ticket == TICKET and scanned.verification_code == "1VZWZJS2"


TICKETS = st.builds(
    TicketNumber,
    st.from_regex(r"\A[A-Z][A-Z0-9]{1,7}\Z"),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(min_value=1, max_value=9_999),
    st.one_of(st.just(""), st.from_regex(r"\A[A-Z][A-Z0-9]?\Z")),
)


@given(TICKETS, st.binary(min_size=16, max_size=64))
def test_every_ticket_round_trips_through_text_and_qr(ticket: TicketNumber, key: bytes) -> None:
    assert parse_ticket_number(str(ticket)) == ticket
    payload = qr_payload(ticket, key)
    assert verify_qr_payload(payload, key) == ticket
    assert payload.split("/")[2] == _independent_code(str(ticket), key)
    assert set(payload) <= QR_ALPHANUMERIC


@given(st.text(max_size=80))
def test_any_scanner_input_parses_or_raises_a_value_error(text: str) -> None:
    try:
        parse_scanned_code(text)
    except ValueError:
        pass

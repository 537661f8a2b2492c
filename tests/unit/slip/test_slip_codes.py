"""The slip's code contents: QR payload format, verification code, Code 128 set B encoding."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from app.slip.codes import (
    CODE128_PATTERNS,
    CodeContentError,
    code128b_bars,
    code128b_total_modules,
    code128b_values,
    parse_qr_payload,
    qr_matrix,
    qr_payload,
    verification_code,
)

KEY = b"outlet-SZ01-slip-key"
TICKET = "SZ01-20261122-0042"
tickets = st.from_regex(r"\A[A-Z]{2}[0-9]{2}-20[0-9]{6}-[0-9]{4}\Z", fullmatch=True)


def test_payload_has_the_documented_shape() -> None:
    payload = qr_payload(TICKET, KEY)
    prefix, ticket, check = payload.split("|")
    assert (prefix, ticket) == ("RC1", TICKET)
    assert check == "V=" + verification_code(TICKET, KEY)
    assert len(check) == 8 and check[2:].isalnum() and check[2:].isupper()


@given(tickets)
def test_payload_round_trips_with_the_same_key(ticket: str) -> None:
    assert parse_qr_payload(qr_payload(ticket, KEY), KEY) == ticket


def test_another_outlets_key_rejects_the_payload() -> None:
    with pytest.raises(CodeContentError, match="verification"):
        parse_qr_payload(qr_payload(TICKET, KEY), b"another outlet")


@pytest.mark.parametrize("scanned", ["", "RC1|x", "RC2|SZ01-1|V=AAAAAA", "hello world", "RC1|a b|V=X"])
def test_foreign_scans_are_refused(scanned: str) -> None:
    with pytest.raises(CodeContentError):
        parse_qr_payload(scanned, KEY)


@pytest.mark.parametrize("ticket", ["", "SZ01 0042", "SZ01|0042", "工单1", "X" * 41])
def test_unprintable_ticket_numbers_are_refused(ticket: str) -> None:
    with pytest.raises(CodeContentError):
        qr_payload(ticket, KEY)


def test_empty_key_is_refused() -> None:
    with pytest.raises(CodeContentError):
        verification_code(TICKET, b"")


def test_code128_table_is_well_formed() -> None:
    assert len(CODE128_PATTERNS) == 107
    assert all(len(p) == 6 and sum(p) == 11 for p in CODE128_PATTERNS[:106])
    assert CODE128_PATTERNS[106] == (2, 3, 3, 1, 1, 1, 2)
    assert len(set(CODE128_PATTERNS)) == 107


def test_code128_checksum_of_a_known_value() -> None:
    # START B 104 + P 48*1 + J 42*2 + J 42*3 + 1 17*4 + 2 18*5 + 3 19*6 + C 35*7 = 879; 879 % 103 = 55.
    values = code128b_values("PJJ123C")
    assert values == [104, 48, 42, 42, 17, 18, 19, 35, 55, 106]


def test_code128_bars_cover_the_symbol() -> None:
    bars = code128b_bars(TICKET)
    start, width = bars[-1]
    assert start + width == code128b_total_modules(TICKET) == (len(TICKET) + 3) * 11 + 2
    assert bars[0] == (0, 2)  # START B begins with a 2-module bar


def test_code128_refuses_characters_outside_set_b() -> None:
    with pytest.raises(CodeContentError):
        code128b_values("工单")


def test_qr_matrix_is_square_and_has_finder_patterns() -> None:
    matrix = qr_matrix(qr_payload(TICKET, KEY))
    assert all(len(row) == matrix.size for row in matrix.rows)
    assert all(matrix.rows[0][:7]) and not matrix.rows[1][1]  # top-left finder ring
    covered = sum(length for _, _, length in matrix.dark_runs())
    assert covered == sum(sum(row) for row in matrix.rows)

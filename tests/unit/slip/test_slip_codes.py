"""The slip's codes: the QR matrix and the Code 128 set B encoding (the QR content is app.core.ticket_numbers')."""

from __future__ import annotations

import pytest

from app.core.ticket_numbers import parse_ticket_number, qr_payload
from app.slip.codes import (
    CODE128_PATTERNS,
    CodeContentError,
    check_ticket_text,
    code128b_bars,
    code128b_total_modules,
    code128b_values,
    qr_matrix,
)

KEY = b"outlet-SZ01-slip-key-0123"
TICKET = "SZ01-20261122-0042"


@pytest.mark.parametrize("ticket", ["", "SZ01 0042", "SZ01|0042", "工单1", "X" * 41])
def test_unprintable_ticket_numbers_are_refused(ticket: str) -> None:
    with pytest.raises(CodeContentError):
        check_ticket_text(ticket)


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
    matrix = qr_matrix(qr_payload(parse_ticket_number(TICKET), KEY))
    assert all(len(row) == matrix.size for row in matrix.rows)
    assert all(matrix.rows[0][:7]) and not matrix.rows[1][1]  # top-left finder ring
    covered = sum(length for _, _, length in matrix.dark_runs())
    assert covered == sum(sum(row) for row in matrix.rows)

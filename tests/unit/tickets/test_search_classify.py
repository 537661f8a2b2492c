"""What the one search box makes of typed or scanned text."""

from __future__ import annotations

import pytest

from app.core.ticket_numbers import parse_ticket_number, qr_payload
from app.tickets.search import QueryKind, classify

KEY = b"example-slip-key-0123"


@pytest.mark.parametrize(
    ("query", "kind", "value"),
    [
        ("sz01-20261122-0042 ", QueryKind.TICKET, "SZ01-20261122-0042"),
        ("860955027785041", QueryKind.IMEI, "860955027785041"),
        ("785041", QueryKind.IMEI_TAIL, "785041"),
        ("5678", QueryKind.PHONE_TAIL, "5678"),
        ("138 1234 5678", QueryKind.PHONE, "13812345678"),
        ("+86 138-1234-5678", QueryKind.PHONE, "13812345678"),
        ("SF123456789012", QueryKind.TRACKING, "SF123456789012"),
        ("sf123456789012", QueryKind.TRACKING, "SF123456789012"),
        ("Zhang", QueryKind.NAME, "Zhang"),
        ("张伟", QueryKind.NAME, "张伟"),
        ("   ", QueryKind.EMPTY, ""),
    ],
)
def test_the_query_kind_follows_from_the_text(query: str, kind: QueryKind, value: str) -> None:
    found = classify(query)
    assert (found.kind, found.value) == (kind, value)


def test_a_scanned_slip_qr_code_names_its_ticket() -> None:
    content = qr_payload(parse_ticket_number("SZ01-20261122-0042"), KEY)
    found = classify(content)
    assert (found.kind, found.value) == (QueryKind.SLIP, "SZ01-20261122-0042")


def test_an_invalid_15_digit_number_is_not_taken_for_an_imei() -> None:
    assert classify("860955027785042").kind is QueryKind.TRACKING


def test_a_huge_query_is_cut_before_it_is_looked_at() -> None:
    assert len(classify("x" * 10_000).value) <= 100

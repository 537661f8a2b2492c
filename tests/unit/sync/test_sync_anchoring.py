"""The rule for journal heads (app/upstream/anchoring.py): up along one chain, never back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.sync.protocol import AnchorRequest
from app.upstream.anchoring import AnchorRefused, judge_anchor
from app.upstream.storage import AnchorRow

NOW = datetime(2026, 11, 23, tzinfo=UTC)
A, B, C = "a" * 64, "b" * 64, "c" * 64
LATEST = AnchorRow("SZ01", 10, A, NOW.isoformat(), "k" * 64, "sig")


def sign(seq: int, head: str, now: datetime) -> tuple[str, str]:
    return "k" * 64, f"signed {seq} {head[:1]}"


def test_first_anchor_is_accepted_and_signed() -> None:
    row = judge_anchor("SZ01", None, AnchorRequest(seq=1, head=A), sign, NOW)
    assert (row.seq, row.head, row.signature) == (1, A, "signed 1 a")


def test_a_head_continuing_the_chain_is_accepted() -> None:
    row = judge_anchor("SZ01", LATEST, AnchorRequest(seq=11, head=B, prev_seq=10, prev_head=A), sign, NOW)
    assert (row.seq, row.head) == (11, B)


def test_the_same_head_again_gets_the_stored_receipt() -> None:
    assert judge_anchor("SZ01", LATEST, AnchorRequest(seq=10, head=A), sign, NOW) is LATEST


@pytest.mark.parametrize(
    ("request_", "code"),
    [
        (AnchorRequest(seq=9, head=B, prev_seq=10, prev_head=A), "anchor_backwards"),
        (AnchorRequest(seq=10, head=B), "anchor_fork"),
        (AnchorRequest(seq=12, head=B, prev_seq=10, prev_head=C), "anchor_fork"),
        (AnchorRequest(seq=12, head=B, prev_seq=5, prev_head=A), "anchor_fork"),
        (AnchorRequest(seq=12, head=B), "anchor_fork"),
    ],
)
def test_heads_going_back_or_forking_are_refused(request_: AnchorRequest, code: str) -> None:
    with pytest.raises(AnchorRefused) as caught:
        judge_anchor("SZ01", LATEST, request_, sign, NOW)
    assert caught.value.code == code


def test_a_previous_head_the_upstream_never_saw_is_refused() -> None:
    with pytest.raises(AnchorRefused) as caught:
        judge_anchor("SZ01", None, AnchorRequest(seq=3, head=B, prev_seq=2, prev_head=A), sign, NOW)
    assert caught.value.code == "anchor_unknown_prev"

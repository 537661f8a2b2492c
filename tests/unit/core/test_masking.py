"""Slip masking (issue 6 item 3): the full value never shows, for any input."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.masking import MASK, mask_email, mask_imei, mask_name, mask_phone


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138-1234-5678", "138****5678"),
        ("008613812345678", "008********5678"),
        ("+44 7911 123456", "447*****3456"),
        ("0755-8888 1234", "075*****1234"),
        ("88881234", "****1234"),
        ("12345", "***45"),
        ("110", "***"),
        ("", ""),
    ],
)
def test_phone_examples(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    ("identifier", "masked"),
    [
        ("860955027785041", "*********785041"),
        ("35-209900-176148-1", "*********761481"),
        ("3520990017614823", "**********614823"),
        ("a1000012345678", "********345678"),
        ("R58M12ABCDE", "********CDE"),
        ("12", "**"),
    ],
)
def test_identifier_examples(identifier: str, masked: str) -> None:
    assert mask_imei(identifier) == masked


@pytest.mark.parametrize(
    ("email", "masked"),
    [
        ("zhang.wei@example.com", "z***@example.com"),
        (" Z@qq.com ", "***@qq.com"),
        ("no-at-sign", "***"),
        ("tail@", "***"),
        ("a.b@c@example.cn", "a***@example.cn"),
    ],
)
def test_email_examples(email: str, masked: str) -> None:
    assert mask_email(email) == masked


@pytest.mark.parametrize(
    ("name", "masked"), [("张伟", "张*"), ("欧阳娜娜", "欧***"), ("Zhang Wei", "Z********"), ("Z", "*")]
)
def test_name_examples(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def _revealed(masked: str) -> int:
    return sum(1 for char in masked if char != MASK)


# The mask character itself is left out of generated values: "*@a" masked as
# "***@a" "contains" its input only because the input was already a mask.
NO_STAR = st.characters(blacklist_characters=MASK)
PHONE_TEXT = st.text(alphabet=string.digits + " +-()", max_size=24)


@given(PHONE_TEXT)
def test_a_phone_mask_never_gives_the_number_away(phone: str) -> None:
    digits = "".join(c for c in phone if c.isdigit())
    masked = mask_phone(phone)
    if not digits:
        assert masked == ""
        return
    assert digits not in masked
    assert _revealed(masked) <= 7
    assert _revealed(masked) <= max(len(digits) - 4, len(digits) // 2)
    if len(digits) == 11:
        assert masked == digits[:3] + "****" + digits[-4:]


@given(st.text(alphabet=string.digits + string.ascii_letters + "- ", max_size=24))
def test_an_identifier_mask_shows_at_most_the_last_six(identifier: str) -> None:
    chars = "".join(c for c in identifier if c.isalnum()).upper()
    masked = mask_imei(identifier)
    assert len(masked) == len(chars)
    assert _revealed(masked) <= min(6, len(chars) // 3 if len(chars) < 12 else 6)
    if chars:
        assert chars not in masked
        assert masked.endswith(chars[len(chars) - _revealed(masked) :])


@given(st.text(alphabet=NO_STAR, max_size=40), st.text(alphabet=string.ascii_lowercase + ".-", min_size=1, max_size=20))
def test_an_email_mask_never_shows_the_mailbox(local: str, domain: str) -> None:
    email = f"{local}@{domain}"
    masked = mask_email(email)
    assert email.strip() not in masked
    if masked == MASK * 3:
        return
    mailbox = masked.rpartition("@")[0]
    assert mailbox.endswith(MASK * 3)
    assert len(mailbox) <= 4


@given(st.text(alphabet=NO_STAR, max_size=30))
def test_masks_accept_any_text(value: str) -> None:
    for mask in (mask_phone, mask_imei, mask_email, mask_name):
        out = mask(value)
        if value.strip() and len(value.strip()) > 1 and mask is mask_name:
            assert out != value.strip()

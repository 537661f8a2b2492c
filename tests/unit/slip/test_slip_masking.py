"""Masking: what the customer's slip shows of their phone, e-mail and IMEI."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from app.slip.masking import mask_email, mask_imei, mask_phone

mobile_numbers = st.from_regex(r"\A1[3-9][0-9]{9}\Z", fullmatch=True)
imeis = st.from_regex(r"\A[0-9]{15}\Z", fullmatch=True)
any_digits = st.text(alphabet="0123456789", min_size=0, max_size=30)


def test_mobile_number_shows_first_three_and_last_four() -> None:
    assert mask_phone("13812345678") == "138****5678"


def test_phone_with_country_code_and_spaces_is_masked_on_the_national_number() -> None:
    assert mask_phone("+86 138 1234 5678") == "138****5678"


def test_imei_shows_only_last_six() -> None:
    assert mask_imei("490154203237518") == "*********237518"


def test_email_shows_first_letter_and_domain() -> None:
    assert mask_email("zhang.wei@example.cn") == "z***@example.cn"


def test_empty_values_stay_empty() -> None:
    assert (mask_phone(""), mask_imei(""), mask_email("")) == ("", "", "")


@given(mobile_numbers)
def test_a_full_mobile_number_never_survives(phone: str) -> None:
    masked = mask_phone(phone)
    assert phone not in masked
    assert masked == phone[:3] + "****" + phone[-4:]


@given(any_digits)
def test_no_phone_of_any_length_comes_back_whole(digits: str) -> None:
    masked = mask_phone(digits)
    visible = re.sub(r"\*", "", masked)
    assert len(visible) <= 7
    if digits:
        assert digits not in masked
        assert len(visible) < len(digits)


@given(imeis)
def test_an_imei_shows_only_its_last_six_digits(imei: str) -> None:
    masked = mask_imei(imei)
    assert imei not in masked
    assert masked.endswith(imei[-6:])
    assert set(masked[:-6]) == {"*"}


emails = st.tuples(
    st.from_regex(r"\A[a-z0-9._]{1,20}\Z", fullmatch=True),
    st.from_regex(r"\A[a-z0-9-]{1,12}\.(cn|com|net)\Z", fullmatch=True),
)


@given(emails)
def test_email_keeps_one_letter_of_the_local_part_and_the_domain(parts: tuple[str, str]) -> None:
    local, domain = parts
    assert mask_email(f"{local}@{domain}") == f"{local[0]}***@{domain}"


@given(st.text(max_size=60))
def test_any_text_as_email_shows_at_most_one_character_before_the_at(text: str) -> None:
    head = mask_email(text).rpartition("@")[0] or mask_email(text)
    assert len(head.replace("*", "")) <= 1

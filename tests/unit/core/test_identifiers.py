"""IMEI / IMEI-SV / TAC parsing: known values, check digits, and hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.identifiers import (
    IdentifierError,
    Imei,
    find_imeis,
    luhn_check_digit,
    luhn_is_valid,
    parse_imei,
    parse_imei_sv,
    parse_tac,
)

#: The IMEI decoded from the Parcel sample in device-samples/07 (a real phone's IMEI).
SAMPLE_IMEI = "860955027785041"


def test_a_real_imei_parses_and_splits_into_its_parts() -> None:
    imei = parse_imei(SAMPLE_IMEI)
    assert str(imei) == SAMPLE_IMEI
    assert str(imei.tac) == "86095502"
    assert imei.serial_number == "778504"
    assert imei.check_digit == 1
    assert imei.masked() == "86095502***5041"


@pytest.mark.parametrize("label", ["86-095502-778504-1", " 860955 027785 041 ", "860955027785041\n"])
def test_separators_from_box_labels_are_accepted(label: str) -> None:
    assert parse_imei(label) == Imei(SAMPLE_IMEI)


@pytest.mark.parametrize("bad", ["860955027785042", "86095502778504", "8609550277850411", "86095502778504A", "", "١٢٣"])
def test_wrong_check_digit_length_or_characters_are_refused(bad: str) -> None:
    with pytest.raises(IdentifierError):
        parse_imei(bad)


def test_identifier_error_is_a_value_error_and_says_which_kind() -> None:
    with pytest.raises(ValueError) as info:
        parse_imei("123")
    assert info.value.kind == "IMEI"  # type: ignore[attr-defined]


def test_imei_sv_gives_the_imei_with_its_computed_check_digit() -> None:
    sv = parse_imei_sv("8609550277850407")
    assert sv.software_version == "07"
    assert sv.imei == Imei(SAMPLE_IMEI)
    with pytest.raises(IdentifierError):
        parse_imei_sv(SAMPLE_IMEI)


def test_tac_is_eight_digits() -> None:
    assert str(parse_tac("86095502")) == "86095502"
    with pytest.raises(IdentifierError):
        parse_tac("8609550")


def test_find_imeis_picks_only_valid_standalone_numbers() -> None:
    label = f"IMEI1: {SAMPLE_IMEI}\nIMEI2: 860955027785042\nSN: 1{SAMPLE_IMEI}\n"
    assert find_imeis(label) == [Imei(SAMPLE_IMEI)]


@given(st.from_regex(r"\A[0-9]{14}\Z"))
def test_every_14_digit_body_plus_its_check_digit_is_an_imei(body: str) -> None:
    number = body + str(luhn_check_digit(body))
    assert luhn_is_valid(number)
    assert str(parse_imei(number)) == number


@given(st.from_regex(r"\A[0-9]{14}\Z"), st.integers(0, 13), st.integers(1, 9))
def test_any_single_digit_typo_is_caught(body: str, position: int, delta: int) -> None:
    number = body + str(luhn_check_digit(body))
    typo = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    with pytest.raises(IdentifierError):
        parse_imei(typo)


@given(st.text(max_size=200))
def test_any_text_parses_or_raises_identifier_error(text: str) -> None:
    for parse in (parse_imei, parse_imei_sv, parse_tac):
        try:
            parse(text)
        except IdentifierError:
            pass
    assert len(find_imeis(text)) <= 4

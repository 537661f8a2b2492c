"""IMEIs typed, scanned or reported by a phone: Luhn check, scan extraction, TAC model hints."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.identifiers import IdentifierError, TacCatalogue, imeis_in_scan, luhn_check_digit, normalise_imei
from app.tickets.device_identity import DeviceIdentity, DeviceIdentitySource, FixedIdentitySource, checked_identity

VALID = "490154203237518"  # the GSMA's worked example


def test_a_valid_imei_passes_with_spaces_and_dashes() -> None:
    assert normalise_imei(" 49-015420-323751 8 ") == VALID


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("49015420323751", "14 digits"),
        ("490154203237519", "check digit"),
        ("49015420323751X", "only digits"),
    ],
)
def test_a_wrong_imei_says_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(IdentifierError, match=reason):
        normalise_imei(text)


@given(st.text(alphabet="0123456789", min_size=14, max_size=14), st.integers(0, 13), st.integers(1, 9))
def test_one_mistyped_digit_is_always_caught(body: str, position: int, shift: int) -> None:
    imei = body + str(luhn_check_digit(body))
    assert normalise_imei(imei) == imei
    wrong = imei[:position] + str((int(imei[position]) + shift) % 10) + imei[position + 1 :]
    with pytest.raises(IdentifierError):
        normalise_imei(wrong)


def test_a_box_label_scan_gives_both_imeis_and_ignores_words_and_bad_numbers() -> None:
    scan = f"IMEI1:{VALID} IMEI2:860955027785041 SN:ABC123 490154203237519"
    assert imeis_in_scan(scan) == (VALID, "860955027785041")


def test_an_imeisv_scan_gives_the_imei_it_starts_with() -> None:
    assert imeis_in_scan(VALID + "1") == (VALID,)


def test_the_tac_hints_the_model_and_the_registry_adds_to_it() -> None:
    catalogue = TacCatalogue.with_registry([("999999990000001", "RC-Z9")])
    assert catalogue.model_hint("860955027785041") == "RC-X1"
    assert catalogue.model_hint("999999990000001") == "RC-Z9"
    assert catalogue.model_hint(VALID) is None


def test_a_phone_report_is_cleaned_before_use() -> None:
    source: DeviceIdentitySource = FixedIdentitySource(
        DeviceIdentity(" RC-X1\x00 ", (VALID, "123", VALID, "860955027785041", "352099001761481"), "SN1", None)
    )
    assert isinstance(source, DeviceIdentitySource)
    identity = checked_identity(source.read_identity())
    assert identity.model == "RC-X1"
    assert identity.imeis == (VALID, "860955027785041")  # invalid and duplicates dropped, at most two

"""SMS PDUs built for the modem, checked by decoding them back and against a known septet packing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.sms_pdu import (
    DCS_GSM7,
    DCS_UCS2,
    PduError,
    decode_status_report,
    decode_submit,
    encode_status_report,
    encode_submit,
    join_parts,
    tpdu_length,
)

CHINESE = "您的手机已修好，请凭取件单到门店取机。工单号 SZ01-20261122-0042。"


def roundtrip(number: str, text: str, reference: int = 7) -> str:
    pdus = encode_submit(number, text, concat_reference=reference)
    for pdu in pdus:
        assert pdu.tpdu_length == tpdu_length(pdu.hex) <= 164
    return join_parts([decode_submit(pdu.hex) for pdu in pdus])


def test_known_septet_packing_of_hellohello() -> None:
    # The classic worked example: "hellohello" packs to E8329BFD4697D9EC37, 10 septets.
    pdu = encode_submit("46708251358", "hellohello", status_report=False)[0].hex
    assert pdu.endswith("0A" + "E8329BFD4697D9EC37")
    assert "0B816407281553F8" in pdu  # 11 digits, swapped semi-octets padded with F


def test_chinese_goes_as_ucs2_in_one_part() -> None:
    [pdu] = encode_submit("13812345678", CHINESE)
    decoded = decode_submit(pdu.hex)
    assert (decoded.text, decoded.dcs, decoded.number) == (CHINESE, DCS_UCS2, "13812345678")
    assert decoded.status_report_requested and decoded.concatenation is None


def test_long_chinese_is_cut_at_67_characters_with_one_reference() -> None:
    text = CHINESE * 5
    pdus = encode_submit("+8613812345678", text, concat_reference=200)
    decoded = [decode_submit(p.hex) for p in pdus]
    assert [len(d.text) for d in decoded[:-1]] == [67] * (len(pdus) - 1)
    assert {(d.concatenation.reference, d.concatenation.total) for d in decoded if d.concatenation} == {
        (200, len(pdus))
    }
    assert join_parts(list(reversed(decoded))) == text
    assert decoded[0].number == "+8613812345678"


def test_long_ascii_is_cut_at_153_septets() -> None:
    text = "Your phone is ready for pickup. " * 10
    decoded = [decode_submit(p.hex) for p in encode_submit("13812345678", text)]
    assert [len(d.text) for d in decoded] == [153, 153, len(text) - 306]
    assert decoded[0].dcs == DCS_GSM7
    assert join_parts(decoded) == text


def test_a_missing_part_is_refused() -> None:
    decoded = [decode_submit(p.hex) for p in encode_submit("13812345678", CHINESE * 3)]
    with pytest.raises(PduError):
        join_parts(decoded[1:])


@pytest.mark.parametrize("number", ["", "+", "138-1234", "1" * 21, "１３８"])
def test_bad_numbers_are_refused(number: str) -> None:
    with pytest.raises(PduError):
        encode_submit(number, "hi")


@pytest.mark.parametrize("garbage", ["zz", "00", "0001", "00410B81", "0041" + "FF" * 300])
def test_garbage_is_refused_not_guessed(garbage: str) -> None:
    with pytest.raises(PduError):
        decode_submit(garbage)


def test_status_report_round_trip() -> None:
    report = decode_status_report(
        encode_status_report(42, "13812345678", 0x00, [0x62, 0x21, 0x20, 0x11, 0x22, 0x33, 0x23])
    )
    assert (report.message_reference, report.recipient, report.delivered) == (42, "13812345678", True)
    assert not decode_status_report(encode_status_report(1, "138", 0x41, [0] * 7)).delivered


numbers = st.from_regex(r"\+?[0-9]{1,20}", fullmatch=True)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=1), min_size=1, max_size=400)


@given(numbers, texts, st.integers(0, 255))
def test_any_text_comes_back_whole(number: str, text: str, reference: int) -> None:
    try:
        pdus = encode_submit(number, text, concat_reference=reference)
    except PduError:
        return  # more than MAX_PARTS parts: refused, never cut short
    decoded = [decode_submit(p.hex) for p in pdus]
    assert join_parts(decoded) == text
    assert all(d.number == number for d in decoded)


@given(st.text(alphabet="abcXYZ0189 @$_!?.,\n", min_size=1, max_size=1000))
def test_seven_bit_texts_come_back_whole(text: str) -> None:
    assert roundtrip("10086", text) == text  # 1000 characters fit in 8 parts of 153


@given(st.binary(max_size=200))
def test_any_bytes_from_a_device_are_read_or_refused_never_crash(data: bytes) -> None:
    for decode in (decode_submit, decode_status_report):
        try:
            decode(data.hex())
        except PduError:
            pass


@given(st.binary(min_size=1, max_size=160))
def test_mangled_submits_are_read_or_refused(tail: bytes) -> None:
    start = bytes.fromhex(encode_submit("13812345678", CHINESE * 2)[0].hex)
    mangled = start[: len(start) // 2] + tail
    try:
        decode_submit(mangled.hex())
    except PduError:
        pass

"""The genuine-part check offline: the shipped maker key, forged, altered and foreign labels, bad scans."""

from __future__ import annotations

import pytest

from app.core.part_labels import MAX_LABEL, LabelRefused, parse_label, parse_maker_keys, verify_label
from app.parts.errors import PartLabelRefused
from app.parts.genuine import check_label, shipped_maker_keys
from tests.parts_maker import forged_label, genuine_label


def refusal(scanned: str) -> str:
    with pytest.raises(LabelRefused) as refused:
        verify_label(scanned, shipped_maker_keys())
    return refused.value.reason


def test_a_genuine_label_passes_with_the_shipped_reference_key() -> None:
    label = verify_label(genuine_label("SCR-X1", "SN00012345"), shipped_maker_keys())
    assert (label.part_id, label.serial, label.key_id) == ("SCR-X1", "SN00012345", "rcm-2026")


def test_what_a_keyboard_wedge_adds_around_the_label_is_taken_off() -> None:
    assert verify_label(genuine_label("BAT-X1", "B77001") + "\r\n", shipped_maker_keys()).serial == "B77001"


def test_a_label_signed_by_another_key_under_the_makers_key_id_is_refused() -> None:
    assert refusal(forged_label("SCR-X1", "SN00012345")) == "bad_signature"


@pytest.mark.parametrize(
    ("field", "change"), [(1, "SCR-X2P"), (2, "SN00012346")], ids=["part number altered", "serial altered"]
)
def test_an_altered_label_is_refused(field: int, change: str) -> None:
    fields = genuine_label("SCR-X1", "SN00012345").split("|")
    fields[field] = change
    assert refusal("|".join(fields)) == "bad_signature"


def test_a_label_naming_a_key_not_in_the_reference_data_is_refused() -> None:
    assert refusal(forged_label("SCR-X1", "SN00012345", key_id="other-maker")) == "unknown_maker"


@pytest.mark.parametrize(
    "scanned",
    [
        "",
        "hello",
        "RCP1|SCR-X1|SN00012345|rcm-2026|" + "A" * 85,  # signature one character short
        "RCP1|SCR-X1|SN0001\n2345|rcm-2026|" + "A" * 86,  # a line break inside
        "RCP1|scr-x1|SN00012345|rcm-2026|" + "A" * 86,  # lower case part number
        "RCP1|SCR-X1|SN00012345|rcm-2026|" + "A" * 86 + "|extra",
        "RCP1|SCR-X1|SN\x1b[31m|rcm-2026|" + "A" * 86,  # a terminal escape
        "RCP1|SCR-X1|" + "9" * 5000 + "|rcm-2026|" + "A" * 86,
        "ＲCP1|SCR-X1|SN00012345|rcm-2026|" + "A" * 86,  # a full-width letter
    ],
)
def test_a_scan_that_is_not_a_label_is_refused_before_any_check(scanned: str) -> None:
    with pytest.raises(LabelRefused) as refused:
        parse_label(scanned)
    assert refused.value.reason == "malformed"
    assert len(str(refused.value)) < 200, "the refusal never echoes a long scan back"


def test_the_longest_accepted_label_is_bounded() -> None:
    longest = "RCP1|" + "A" * 32 + "|" + "9" * 32 + "|" + "k" * 32 + "|" + "A" * 86
    assert len(longest) <= MAX_LABEL
    with pytest.raises(LabelRefused) as refused:
        verify_label(longest, shipped_maker_keys())
    assert refused.value.reason == "unknown_maker"


def test_the_service_words_each_refusal_with_its_own_code() -> None:
    codes = []
    for scanned in ("junk", forged_label("SCR-X1", "SN1234567"), forged_label("SCR-X1", "SN1234567", "x-key")):
        with pytest.raises(PartLabelRefused) as refused:
            check_label(scanned, shipped_maker_keys())
        codes.append(refused.value.code)
    assert codes == ["part_label_malformed", "part_label_forged", "part_label_unknown_maker"]
    with pytest.raises(PartLabelRefused) as wrong:
        check_label(genuine_label("BAT-X1", "B77001"), shipped_maker_keys(), expected_part="SCR-X1")
    assert (wrong.value.code, wrong.value.params) == ("part_label_wrong_part", {"part": "BAT-X1", "expected": "SCR-X1"})


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"format": 1, "makers": []},
        {"format": 1, "makers": [{"key_id": "Bad Id", "public_key": "JMxiXO/KtPdn2sShMpassCJ0ai+6HgZXOanP9lIv1Ig="}]},
        {"format": 1, "makers": [{"key_id": "ok", "public_key": "not base64!"}]},
        {"format": 1, "makers": [{"key_id": "ok", "public_key": "AAAA"}]},
    ],
)
def test_bad_maker_key_reference_data_is_refused_naming_the_place(data: object) -> None:
    with pytest.raises(ValueError, match="part_makers.json"):
        parse_maker_keys(data)

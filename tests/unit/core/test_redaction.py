"""Redaction of personal data from log lines and free text (issue 4 item 6)."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.redaction import REDACTION_FAILED, redact_names, redact_text

#: A real phone's logcat, kept with the device parser tests (the repository carries its own copy).
SAMPLES = Path(__file__).resolve().parents[1] / "device" / "samples" / "10_logcat_threadtime_loghub.txt"


def _luhn_check_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char)
        if index % 2 == 0:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return str((10 - total % 10) % 10)


# Text around a value: no digits, letters or '+' touching it (those would make
# it a longer token, which is a different input).
SURROUNDING = st.text(alphabet=string.ascii_letters + " ,:;()[]", max_size=30).map(lambda s: f"{s} ")
CN_MOBILE = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet=string.digits, min_size=9, max_size=9),
)
IMEI = st.text(alphabet=string.digits, min_size=14, max_size=14).map(lambda b: b + _luhn_check_digit(b))
EMAIL = st.builds(
    lambda local, domain, tld: f"{local}@{domain}.{tld}",
    st.text(alphabet=string.ascii_lowercase + string.digits + "._-", min_size=1, max_size=20),
    st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=15),
    st.sampled_from(["com", "cn", "com.cn", "org", "co.uk"]),
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("call 13812345678 now", "call [PHONE] now"),
        ("tel:+86 138 1234 5678.", "tel:[PHONE]."),
        ("from 0086-13912345678", "from [PHONE]"),
        ("caller=+8613812345678 ok", "caller=[PHONE] ok"),
        ("uk +44 7911 123456 x", "uk [PHONE] x"),
        ("shop 0755-88881234, home 01087654321", "shop [PHONE], home [PHONE]"),
        ("to zhang.wei+repair@mail.example.com.cn ok", "to [EMAIL] ok"),
        ("  Device ID = 860955027785041", "  Device ID = [IMEI]"),
        ("imei 35-209900-176148-1 end", "imei [IMEI] end"),
        ("MEID: A1000012345678", "MEID: [MEID]"),
        ("meid=99000012345678", "meid=[MEID]"),
        ("iccid 89860012345678901234", "iccid [ID]"),
        ("Location[gps 31.230416,121.473701 hAcc=5]", "Location[gps [COORD] hAcc=5]"),
        ("lat=22.5431 lon=114.0579", "lat=[COORD] lon=[COORD]"),
        ("latitude: -33.8688, longitude: 151.2093", "latitude: [COORD], longitude: [COORD]"),
        ("sync account=zhangwei88 done", "sync account=[ACCOUNT] done"),
        ('login user="Wei Zhang" ok', "login user=[ACCOUNT] ok"),
        ("Account {name=wei@gmail.com, type=com.google}", "Account {name=[ACCOUNT], type=com.google}"),
        ('SSID: "Home Net 5G", BSSID: 0a:1b:2c:3d:4e:5f', "SSID: [SSID], BSSID: [BSSID]"),
        ("mWifiSsid=CafeNet, rssi=-60", "mWifiSsid=[SSID], rssi=-60"),
        ("WifiInfo ssid=<unknown ssid> state", "WifiInfo ssid=[SSID] state"),
    ],
)
def test_known_forms_are_replaced(line: str, expected: str) -> None:
    assert redact_text(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "03-17 16:13:38.811  1702  2395 D WindowManager: allDrawn= false",
        "I StackScrollAlgorithm: updateClipping getTopPadding=333.0, Translation=-24.0",
        "D PowerManagerService: acquire lock=233570404, flags=0x1, uid=10037, pid=2227, user=0",
        "fullscreenStackBounds=Rect(0, 0 - 720, 1280) at 1700000000000 ms",
        "scale out of range: 91.123456, 200.123456",
        "elapsed=0.0123456789 s, version 2.01234567-1",
    ],
)
def test_ordinary_log_content_is_left_alone(line: str) -> None:
    assert redact_text(line) == line


def test_the_real_logcat_capture_keeps_its_lines() -> None:
    lines = [line for line in SAMPLES.read_text("utf-8").splitlines() if not line.startswith("#")]
    assert len(lines) > 30
    assert [redact_text(line) for line in lines] == lines


def test_ssid_kept_when_consented_but_not_what_it_hides() -> None:
    line = 'SSID: "Zhang 13812345678", BSSID: 0a:1b:2c:3d:4e:5f'
    assert redact_text(line, keep_ssid=True) == 'SSID: "Zhang [PHONE]", BSSID: [BSSID]'
    assert redact_text(line, keep_ssid=True, keep_bssid=True).endswith("BSSID: 0a:1b:2c:3d:4e:5f")


@given(SURROUNDING, CN_MOBILE, SURROUNDING)
def test_no_chinese_mobile_survives(before: str, number: str, after: str) -> None:
    for written in (number, f"+86{number}", f"{number[:3]} {number[3:7]} {number[7:]}"):
        out = redact_text(before + written + after)
        assert number not in out.replace(" ", "")
        assert "[PHONE]" in out


@given(SURROUNDING, IMEI, SURROUNDING)
def test_no_imei_survives(before: str, imei: str, after: str) -> None:
    out = redact_text(f"{before}imei={imei}{after}")
    assert imei not in out
    assert "[IMEI]" in out


@given(SURROUNDING, EMAIL, SURROUNDING)
def test_no_email_survives(before: str, email: str, after: str) -> None:
    out = redact_text(before + email + after)
    assert "@" not in out
    assert "[EMAIL]" in out


@given(
    st.floats(min_value=-90, max_value=90, allow_nan=False),
    st.floats(min_value=-180, max_value=180, allow_nan=False),
)
def test_no_coordinate_pair_survives(latitude: float, longitude: float) -> None:
    pair = f"{latitude:.6f},{longitude:.6f}"
    assert redact_text(f"fix at {pair} acc=3") == "fix at [COORD] acc=3"


@given(st.text(max_size=300))
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = redact_text(text)
    assert isinstance(once, str)
    assert redact_text(once) == once


@given(st.text(alphabet=string.ascii_letters + " =", max_size=300))
def test_text_with_nothing_personal_is_unchanged(text: str) -> None:
    if any(key in text.lower() for key in ("ssid", "account", "user", "login", "acct", "lat", "lon", "lng", "meid")):
        return
    assert redact_text(text) == text


def test_non_string_input_is_converted_not_raised() -> None:
    assert redact_text(13812345678) == "[PHONE]"  # type: ignore[arg-type]


def test_a_failure_fails_closed() -> None:
    class Hostile:
        def __str__(self) -> str:
            raise RuntimeError("boom")

    assert redact_text(Hostile()) == REDACTION_FAILED  # type: ignore[arg-type]


def test_hostile_long_input_is_redacted_to_its_end() -> None:
    text = "a" * 200_000 + "@" + "b." * 50_000 + "account=" + "x" * 100_000
    out = redact_text(text)
    assert "x" * 300 not in out


def test_names_are_removed_whole_word_and_any_case() -> None:
    text = "Customer ZHANG  wei (张伟) called; Annotation by Ann"
    assert (
        redact_names(text, ["Zhang Wei", "张伟", "Ann", " "]) == "Customer [NAME] ([NAME]) called; Annotation by [NAME]"
    )


def test_longer_name_wins_over_its_part() -> None:
    assert redact_names("Li Xiaoming and Li", ["Li", "Li Xiaoming"]) == "[NAME] and [NAME]"


def test_no_names_means_no_change() -> None:
    assert redact_names("Zhang Wei", []) == "Zhang Wei"


@given(
    st.from_regex(r"\A[A-Z]{2}[0-9]{2}\Z"),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(min_value=1, max_value=9_999),
)
def test_ticket_numbers_and_log_timestamps_survive(outlet: str, day: date, sequence: int) -> None:
    line = f"2026-11-23 15:14:30,123 INFO app.tickets: ticket {outlet}-{day:%Y%m%d}-{sequence:04d} moved"
    assert redact_text(line) == line

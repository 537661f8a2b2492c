"""Redaction at disk speed keeps its guarantees (issue 15 item 6).

Two properties hold the fast path to the promise:

* planted: every kind of personal data the redactor promises to remove, planted
  in random log lines of a capture long enough to go through the Hyperscan
  prefilter, is gone afterwards (and the customer's name with `redact_names`);
* same result: the prefiltered path returns exactly what the exact passes return
  over the whole text, also for digits, spaces and letters Python's `re` takes
  from other scripts.
"""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import redaction, redaction_prefilter
from app.core.redaction import redact_names, redact_text
from app.diagnostics import logs
from app.diagnostics.logs import redact_capture

SAMPLES = Path(__file__).resolve().parents[1] / "device" / "samples" / "10_logcat_threadtime_loghub.txt"
REAL_LINES = [line for line in SAMPLES.read_text("utf-8").splitlines() if line and not line.startswith("#")]


def _luhn(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char) * (2 if index % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return body + str((10 - total % 10) % 10)


digits = st.text(alphabet=string.digits, min_size=1, max_size=1)
CN_MOBILE = st.builds(
    lambda second, rest: f"1{second}{rest}", st.sampled_from("3456789"), st.text(string.digits, min_size=9, max_size=9)
)
IMEI = st.text(string.digits, min_size=14, max_size=14).map(_luhn)
HEX = "0123456789abcdef"
MAC = st.lists(st.text(HEX, min_size=2, max_size=2), min_size=6, max_size=6)
WORD = st.text(string.ascii_letters + string.digits, min_size=3, max_size=12).map(
    lambda w: f"Qz{w}"
)  # never in a real line


def _mobile_forms(number: str) -> list[tuple[str, str]]:
    return [
        (number, number),
        (f"+86{number}", number),
        (f"0086-{number}", number),
        (f"{number[:3]} {number[3:7]} {number[7:]}", number),
    ]


@st.composite
def planted(draw: st.DrawFn) -> tuple[str, str]:
    """(text as it appears in the log, the secret that must not survive it)."""
    kind = draw(
        st.sampled_from(
            [
                "mobile",
                "intl",
                "landline",
                "email",
                "account",
                "android_account",
                "imei",
                "imei_grouped",
                "meid",
                "coord_pair",
                "coord_keyed",
                "ssid",
                "bssid",
                "mac",
            ]
        )
    )
    if kind == "mobile":
        written, secret = draw(st.sampled_from(_mobile_forms(draw(CN_MOBILE))))
        return written, secret
    if kind == "intl":
        country = draw(st.sampled_from(["44", "1", "49", "852", "33"]))
        rest = draw(st.text(string.digits, min_size=8, max_size=10))
        return f"+{country} {rest}", rest
    if kind == "landline":
        rest = draw(st.text(string.digits, min_size=8, max_size=8).filter(lambda r: r[0] != "0"))
        return f"0755-{rest}", rest
    if kind == "email":
        local, domain = draw(WORD), draw(WORD)
        return f"{local}.x@{domain}.com", f"{local}.x@{domain}"
    if kind == "account":
        key = draw(st.sampled_from(["account", "user", "username", "accountName", "login", "acct"]))
        value = draw(WORD)
        return f"{key}={value}", value
    if kind == "android_account":
        value = draw(WORD)
        return f"Account {{name={value}@gmail.com, type=com.google}}", value
    if kind == "imei":
        imei = draw(IMEI)
        return imei, imei
    if kind == "imei_grouped":
        imei = draw(IMEI)
        return f"{imei[:2]}-{imei[2:8]}-{imei[8:14]}-{imei[14]}", imei[2:8] + "-" + imei[8:14]
    if kind == "meid":
        meid = "A" + draw(st.text("0123456789ABCDEF", min_size=13, max_size=13))
        return f"MEID {meid}", meid
    if kind == "coord_pair":
        lat = draw(st.floats(-89, 89, allow_nan=False))
        lon = draw(st.floats(-179, 179, allow_nan=False))
        pair = f"{lat:.6f},{lon:.6f}"
        return f"Location[gps {pair} hAcc=5]", pair
    if kind == "coord_keyed":
        value = f"{draw(st.floats(-89, 89, allow_nan=False)):.5f}"
        return f"lat={value}", value
    if kind == "ssid":
        name = draw(WORD)
        return draw(st.sampled_from([f'SSID: "{name} net"', f"mWifiSsid={name}", f"ssid={name}"])), name
    octets = draw(MAC)
    mac = ":".join(octets)
    return (
        f"BSSID: {mac}" if kind == "bssid" else f"wlan0 addr {mac.upper()} up"
    ), mac.upper() if kind == "mac" else mac


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(REAL_LINES), planted()), min_size=1, max_size=12), st.randoms())
def test_no_planted_personal_data_survives_a_capture(plants: list[tuple[str, tuple[str, str]]], rng) -> None:  # type: ignore[no-untyped-def]
    lines = list(REAL_LINES) * 2  # long enough for the prefilter
    for line, (written, _) in plants:
        lines.insert(rng.randrange(len(lines) + 1), f"{line} {written} end")
    raw = "\n".join(lines)
    assert len(raw) > redaction.PREFILTER_FROM_CHARS
    stored = redact_capture(raw, keep_ssid=False, keep_bssid=False, customer_names=("Zhang Wei",)).text
    for _, (written, secret) in plants:
        assert secret not in stored, written


@given(st.sampled_from(REAL_LINES), st.sampled_from(["Zhang Wei", "张伟", "Li Xiaoming"]))
def test_no_customer_name_survives(line: str, name: str) -> None:
    text = "\n".join([*REAL_LINES, f"{line} caller {name.upper() if name.isascii() else name} ok", *REAL_LINES])
    assert name.lower() not in redact_names(redact_text(text), [name]).lower()


def test_bare_mac_addresses_are_redacted_but_a_kept_access_point_stays() -> None:
    assert redact_text("wlan0: 3c:52:82:1a:2b:3c up, bt 00-1A-7D-DA-71-13") == "wlan0: [MAC] up, bt [MAC]"
    line = "connected BSSID: 0a:1b:2c:3d:4e:5f via 3c:52:82:1a:2b:3c"
    assert redact_text(line, keep_bssid=True) == "connected BSSID: 0a:1b:2c:3d:4e:5f via [MAC]"
    assert redact_text(line) == "connected BSSID: [BSSID] via [MAC]"


# --- the prefiltered path equals the exact passes -----------------------------------------------

FRAGMENTS = [
    "13812345678",
    "+86 138 1234 5678",
    "0755-88881234",
    "+44 7911 123456",
    "a.b@mail.example.cn",
    "user=bob",
    "ACCOUNT = x",
    "Account {name=w@x.com, type=t}",
    "ssid=Cafe",
    'SSID: "Home 5G"',
    "BSSID: 0a:1b:2c:3d:4e:5f",
    "3c:52:82:aa:bb:cc",
    "860955027785041",
    "35-209900-176148-1",
    "A1000012345678",
    "meid=99000012345678",
    "31.230416,121.473701",
    "lat=22.5431",
    "lon: 114.0579",
    "user=0",
    "1700000000000",
    "233570404",
    "\u0661\u0663\u0668\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668",  # Arabic-Indic digits
    "\uff11\uff13\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",  # full-width digits
    "\u017fsid=Cafe",
    "U\u017fER=bob",
    "LOG\u0130N=bob",
    "ssid\u3000=\u3000Cafe",
    "account\x1c=bob",
    "lat=\u0662\u0662.5431",
    "张伟",
    "\r",
    " ",
    ",",
    "-",
    "+",
    ".",
    ":",
    "=",
    "\n",
    "\n",
    "x",
    "0",
    "9",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=60), st.booleans(), st.booleans())
def test_prefiltered_path_equals_exact_passes(pieces: list[str], keep_ssid: bool, keep_bssid: bool) -> None:
    text = "".join(pieces)
    fast = redaction._redact_prefiltered(text, keep_ssid, keep_bssid)
    assert fast == redaction.redact_exact(text, keep_ssid, keep_bssid)


def test_lone_surrogates_fall_back_to_the_exact_passes() -> None:
    text = "x\ud800 call 13812345678\n" * 200
    assert redact_text(text) == redaction.redact_exact(text)
    assert "13812345678" not in redact_text(text)


def test_rare_characters_cover_what_python_takes_for_digits_spaces_and_key_letters() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    rare: set[str] = set()
    for form in redaction_prefilter._rare_characters():
        rare |= _class_members(form)
    python_digits = set(re.findall(r"\d", every)) - set(string.digits)
    python_spaces = set(re.findall(r"\s", every)) - set("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ")
    key_letters = "".join(sorted(set("accountuserloginacctssidmeidname")))
    folds = set(re.findall(f"(?i)[{key_letters}]", every)) - set(key_letters + key_letters.upper())
    assert python_digits and python_spaces and folds  # the check below checks something
    assert python_digits | python_spaces | folds <= rare


def _class_members(form: str) -> set[str]:
    """The characters of a `[\\x{..}-\\x{..}...]` class of the prefilter, read back without Hyperscan."""
    members: set[str] = set()
    for match in re.finditer(r"\\x\{([0-9a-f]+)\}(?:-\\x\{([0-9a-f]+)\})?", form):
        low = int(match.group(1), 16)
        high = int(match.group(2) or match.group(1), 16)
        members |= {chr(code) for code in range(low, high + 1)}
    return members


@given(
    st.lists(
        st.sampled_from(["zhang", "ZHANG", "Wei", "wei", " ", "\n", "  ", "x", "张伟", "Li", "L\u0130", "\u017fun"]),
        max_size=20,
    ),
    st.sampled_from([("Zhang Wei",), ("张伟",), ("Li",), ("Sun",), ("Zhang Wei", "Li")]),
)
def test_the_name_shortcut_never_skips_a_name_the_pattern_finds(pieces: list[str], names: tuple[str, ...]) -> None:
    text = "".join(pieces)
    pattern = redaction._name_pattern(names)
    assert pattern is not None
    assert redact_names(text, names) == pattern.sub("[NAME]", text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(alphabet="0123456789 .,+-\u0663\uff11", max_size=12), max_size=40))
def test_the_numeric_hint_never_skips_a_run_the_numeric_patterns_change(pieces: list[str]) -> None:
    text = "".join(pieces)
    for run in redaction._NUMERIC_RUN.finditer(text):
        full = redaction._NUMERIC.sub(redaction._replace_number, run.group(0))
        assert redaction._replace_numeric_run(run) == full


ASCII_FRAGMENTS = [fragment for fragment in FRAGMENTS if fragment.isascii()]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(ASCII_FRAGMENTS) | st.text(alphabet=string.printable, max_size=6), max_size=60),
    st.booleans(),
    st.booleans(),
)
def test_the_ascii_way_of_the_prefiltered_path_equals_exact_passes(
    pieces: list[str], keep_ssid: bool, keep_bssid: bool
) -> None:
    """An ASCII text is cut and joined as text, not as bytes: still exactly what the exact passes give."""
    text = "".join(pieces)
    assert text.isascii()
    fast = redaction._redact_prefiltered(text, keep_ssid, keep_bssid)
    assert fast == redaction.redact_exact(text, keep_ssid, keep_bssid)


def _bounded_line_by_line(raw: str, max_lines: int) -> tuple[str, int]:
    """What the capture bound did before its shortcut: split, keep, cut, join."""
    lines = [line[: logs.MAX_LINE_CHARS] for line in raw.splitlines()[:max_lines]]
    return "\n".join(lines), len(lines)


LINE_PIECES = ["a", "13812345678", " ", "\n", "\n", "\r\n", "\r", "\x0b", "\x1c", "\u2028", "\x85", "张"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(LINE_PIECES) | st.integers(4_000, 4_200).map(lambda n: "x" * n), max_size=30),
    st.integers(1, 12),
)
def test_the_capture_bound_shortcut_equals_splitting_every_line(pieces: list[str], max_lines: int) -> None:
    raw = "".join(pieces)
    assert logs._bounded(raw, max_lines) == _bounded_line_by_line(raw, max_lines)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*FRAGMENTS, "Zhang Wei", "ZHANG  wei", "张伟", "Li", "L\u0130"]) | st.text(max_size=4),
        max_size=40,
    ),
    st.sampled_from([("Zhang Wei",), ("张伟",), ("Li",), ("Zhang Wei", "Li"), ()]),
    st.booleans(),
)
def test_redact_log_equals_the_two_passes_one_after_the_other(pieces: list[str], names, keep_ssid: bool) -> None:
    """The capture's one-go redaction (sharing the UTF-8 bytes) gives what the two public passes give."""
    text = "\n".join([*REAL_LINES[:20], "".join(pieces), *REAL_LINES[:20]])  # long enough for the prefilter
    expected = redact_names(redact_text(text, keep_ssid=keep_ssid), names)
    assert redaction.redact_log(text, names, keep_ssid=keep_ssid) == expected

"""Hostile phones: every parser either returns its dataclass or raises OutputParseError, on any input.

Inputs are random text, random text built from the parsers' own syntax, and large
pathological inputs (the timeout marker bounds their time; no timing is asserted).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.device.parsers import MAX_PARSE_CHARS, OutputParseError
from app.device.parsers.am_parser import parse_am_start
from app.device.parsers.battery_parser import (
    parse_battery_cycle_count,
    parse_batterystats,
    parse_dumpsys_battery,
)
from app.device.parsers.getprop_parser import build_info, parse_getprop, parse_getprop_value
from app.device.parsers.imei_parser import imei_from_dumpsys_iphonesubinfo, imei_from_parcel
from app.device.parsers.logcat_parser import parse_logcat_threadtime
from app.device.parsers.package_parser import parse_dumpsys_package, parse_package_list

PARSERS: dict[str, Callable[[str], object]] = {
    "getprop": lambda text: build_info(parse_getprop(text)),
    "getprop_value": parse_getprop_value,
    "dumpsys_battery": parse_dumpsys_battery,
    "cycle_count": parse_battery_cycle_count,
    "batterystats": parse_batterystats,
    "dumpsys_package": parse_dumpsys_package,
    "package_list": parse_package_list,
    "logcat": parse_logcat_threadtime,
    "parcel_imei": imei_from_parcel,
    "dumpsys_iphonesubinfo": imei_from_dumpsys_iphonesubinfo,
    "am_start": parse_am_start,
}

#: Fragments of real syntax, so random inputs reach deep into the parsers.
FRAGMENTS = [
    "[",
    "]",
    "]: [",
    "[ro.serialno]: [",
    "\n",
    "  ",
    ":",
    "=",
    ",",
    "Current Battery Service state:\n",
    "  level: ",
    "  scale: ",
    "health: ",
    "android.intent.action.BATTERY_CHANGED",
    "android.os.extra.CYCLE_COUNT=",
    "Packages:\n",
    "Hidden system packages:\n",
    "  Package [com.a.b] (abc):\n",
    "    versionCode=",
    " minSdk=",
    "versionName=",
    "package:",
    " versionCode:",
    "  installer=",
    " uid:",
    "03-17 16:13:38.811  1702  2395 D ",
    "Tag: ",
    "Result: Parcel(\n",
    "  0x00000000: ",
    "00000000 ",
    "0000000f ",
    "00360038 ",
    "ffffffff ",
    "')",
    "Device ID = ",
    "Starting: Intent { cmp=",
    " }",
    "Error",
    "Warning:",
    "9,h,0,Bl=",
    "Bcc=",
    "9,0,i,vers,",
    "Last learned battery capacity: ",
    " mAh",
    "RESET:TIME: ",
    "999999999999999999999999",
    "-1",
    "\x00",
    "\r\n",
    "é漢",
]
syntax_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map("".join)


def _run(name: str, text: str) -> None:
    try:
        PARSERS[name](text)
    except OutputParseError:
        pass


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=400), syntax_text))
def test_any_text_gives_a_result_or_a_parse_error(name: str, text: str) -> None:
    _run(name, text)


@pytest.mark.parametrize("name", sorted(PARSERS))
@given(data=st.binary(max_size=300))
@settings(max_examples=50, deadline=None)
def test_any_bytes_decoded_as_a_client_would_are_handled(name: str, data: bytes) -> None:
    _run(name, data.decode("utf-8", errors="replace"))


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_not_text_is_a_parse_error(name: str) -> None:
    with pytest.raises(OutputParseError):
        PARSERS[name](b"[a]: [b]")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_over_the_size_limit_is_refused_before_parsing(name: str) -> None:
    with pytest.raises(OutputParseError):
        PARSERS[name]("x" * (MAX_PARSE_CHARS + 1))


PATHOLOGICAL = [
    "[" * 200_000,
    "[a]: [" + "x" * 500_000,
    ("[a]: [" + "\n") * 50_000,
    "  Package [" + "a." * 100_000 + "] (1):\n",
    "package:" + "=" * 300_000,
    ("03-17 16:13:38.811  1702  2395 D " + ":" * 1000 + "\n") * 300,
    "Result: Parcel(\n" + "  0x00000000: 00000000 00000000 00000000 00000000\n" * 70,
    "android.intent.action.BATTERY_CHANGED" * 20_000,
    "  level: 5\n" * 100_000,
]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", sorted(PARSERS))
def test_large_pathological_inputs_finish(name: str) -> None:
    for text in PATHOLOGICAL:
        _run(name, text)

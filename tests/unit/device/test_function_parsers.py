"""Parsers of the functions beyond identity, battery and logs, on real formats and hostile answers (issue 15).

Real captures: telephony.registry (samples/12), batterystats --history and --checkin (samples/05, 06),
getprop (samples/01).  Where no capture exists here (the Android 10+ telephony layout, diskstats, df,
dumpsys wifi), the text follows the AOSP classes' printed layout and says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.device.parsers import OutputParseError
from app.device.parsers.charge_history_parser import MAX_HISTORY_CHARS, parse_charge_history
from app.device.parsers.function_results import (
    camera_results,
    checked_result,
    display_result,
    storage_result,
    system_result,
)
from app.device.parsers.getprop_parser import parse_getprop
from app.device.parsers.storage_parser import parse_df_data, parse_diskstats
from app.device.parsers.telephony_parser import (
    MAX_TELEPHONY_CHARS,
    parse_sim_states,
    parse_telephony_registry,
    parse_wifi_state,
)
from app.device.parsers.tool_results import MAX_RESULT_BYTES

SAMPLES = Path(__file__).resolve().parent / "samples"


def sample(name: str) -> str:
    """A capture without the `#` lines that say where it comes from."""
    lines = (SAMPLES / name).read_text("utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("#"))


# Android 10+ layout (ServiceState/SignalStrength toString), two slots; written here, not captured.
TELEPHONY_NEW = (
    """last known state:
  Phone Id=0
  mCallState=0
  mServiceState={mVoiceRegState=0(IN_SERVICE), mDataRegState=0(IN_SERVICE), mChannelNumber=1300}
  mSignalStrength=SignalStrength:{mCdma=CellSignalStrengthCdma: invalid, mLte=CellSignalStrengthLte: """
    """rssi=-63 rsrp=-97 rsrq=-11 rssnr=2147483647 level=3, """
    """mNr=CellSignalStrengthNr:{ ssRsrp = 2147483647 level = 0 }, primary=CellSignalStrengthLte}
  mDataConnectionState=2
  Phone Id=1
  mCallState=0
  mServiceState={mVoiceRegState=1(OUT_OF_SERVICE), mDataRegState=1(OUT_OF_SERVICE)}
  mSignalStrength=SignalStrength:{mLte=CellSignalStrengthLte: rssi=2147483647 rsrp=2147483647 level=0, """
    """primary=CellSignalStrengthCdma}
  mDataConnectionState=0
"""
)
# DiskStatsService's layout ("<Name>-Free: <free>K / <total>K total = <n>% free"); written here.
DISKSTATS = """Latency: 2ms [512B Data Write]
Recent Disk Write Speed (kB/s) = 46121
Data-Free: 14312988K / 111786036K total = 12% free
Cache-Free: 14312988K / 111786036K total = 12% free
System-Free: 0K / 5523096K total = 0% free
File-based Encryption: true
App Size Agg: 22154051584
"""
DF = """Filesystem       1K-blocks     Used Available Use% Mounted on
/dev/root          5523096  5506712         0 100% /
tmpfs              3808872     1604   3807268   1% /dev
/dev/block/dm-6  111786036 97342120  14312988  88% /data
"""
# WifiServiceImpl's dump; written here (a real one lists saved networks, which this parser skips).
WIFI = """Wi-Fi is enabled
Verbose logging is off
mWifiInfo SSID: "Home", BSSID: 0a:1b:2c:3d:4e:5f, MAC: 02:00:00:00:00:00, Supplicant state: COMPLETED, \
RSSI: -61, Link speed: 433Mbps
"""


def test_telephony_old_layout_real_capture() -> None:
    (slot,) = parse_telephony_registry(sample("12_dumpsys_telephony_registry_lixiaogang.txt"))
    assert (slot.slot, slot.service_state, slot.signal_dbm, slot.signal_level) == (0, "in_service", -87, 3)
    assert slot.data_connected is False


def test_telephony_new_layout_two_slots() -> None:
    first, second = parse_telephony_registry(TELEPHONY_NEW)
    assert (first.service_state, first.signal_level, first.signal_dbm, first.data_connected) == (
        "in_service",
        3,
        -63,
        True,
    )
    assert (second.service_state, second.signal_level, second.signal_dbm) == ("out_of_service", 0, None)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Permission Denial: can't dump telephony.registry from from pid=1, uid=2000",
        "\x00\xff garbage \n" * 10,
        "last known state:\n  Phone Id=99\n  mServiceState=0 0 voice",
    ],
)
def test_telephony_without_slot_state_is_an_error(text: str) -> None:
    with pytest.raises(OutputParseError):
        parse_telephony_registry(text)


def test_telephony_truncated_and_oversized() -> None:
    real = sample("12_dumpsys_telephony_registry_lixiaogang.txt")
    cut = real[: real.index("mSignalStrength")]  # the answer stops mid-way: what came is used
    (slot,) = parse_telephony_registry(cut)
    assert slot.service_state == "in_service" and slot.signal_level is None
    with pytest.raises(OutputParseError):
        parse_telephony_registry("x" * (MAX_TELEPHONY_CHARS + 1))


def test_sim_states_per_slot_from_real_getprop() -> None:
    properties = parse_getprop(sample("01_getprop_oneplus_BE2028_android11.txt"))
    assert parse_sim_states(properties.get("gsm.sim.state", "ABSENT")) in (("absent",), ("ready",))
    assert parse_sim_states("READY,ABSENT") == ("ready", "absent")
    assert parse_sim_states("PIN_REQUIRED,,READY") == ("locked", "unknown", "ready")
    assert parse_sim_states("") == ()
    with pytest.raises(OutputParseError):
        parse_sim_states("READY;rm -rf /")


def test_wifi_state_keeps_no_names() -> None:
    state = parse_wifi_state(WIFI)
    assert (state.enabled, state.connected, state.rssi_dbm) == (True, True, -61)
    assert "Home" not in repr(state)
    assert parse_wifi_state("Wi-Fi is disabled\n").enabled is False
    with pytest.raises(OutputParseError):
        parse_wifi_state("Can't find service: wifi")


def test_storage_from_diskstats_and_df() -> None:
    space = parse_diskstats(DISKSTATS)
    assert (space.total_bytes, space.free_bytes, space.used_percent) == (111786036 * 1024, 14312988 * 1024, 87.2)
    assert parse_df_data(DF) == space
    for bad in ("", "Data-Free: 5K / 0K total", "Data-Free: 9K / 5K total = 0% free", DF.replace("/data", "/d")):
        with pytest.raises(OutputParseError):
            parse_diskstats(bad) if "Free" in bad else parse_df_data(bad)
    with pytest.raises(OutputParseError):
        parse_df_data(DF[:40])  # truncated before the /data row


def test_charge_history_from_both_real_forms() -> None:
    human = parse_charge_history(sample("05_batterystats_history_human_samsung_mvt.txt"))
    assert (human.level_min, human.level_max, human.max_temperature_c, human.voltage_max_mv) == (79, 100, 24.2, 4302)
    checkin = parse_charge_history(sample("06_batterystats_checkin_history_perfetto.txt"))
    assert (checkin.records, checkin.level_max, checkin.max_temperature_c, checkin.voltage_min_mv) == (
        1,
        100,
        25.1,
        4395,
    )


def test_charge_history_sees_a_plug_without_charging() -> None:
    text = "9,h,0,Bl=50,Bs=d,Bh=g,Bp=n,Bt=300,Bv=3900\n9,h,10,Bl=49,Bs=d,Bh=h,Bp=u,Bt=470,Bv=3890\n"
    history = parse_charge_history(text)
    assert (history.plug_ins, history.discharging_while_plugged, history.bad_health) == (1, 1, ("overheat",))
    assert history.max_temperature_c == 47.0


def test_charge_history_garbage_truncated_oversized() -> None:
    with pytest.raises(OutputParseError):
        parse_charge_history("Battery History (0% used)\nnothing here\n")
    truncated = sample("06_batterystats_checkin_history_perfetto.txt").split("Bt=")[0]
    assert parse_charge_history(truncated).max_temperature_c is None
    with pytest.raises(OutputParseError):
        parse_charge_history("9" * (MAX_HISTORY_CHARS + 1))


# --- the tool's result files against their schemas -----------------------------------------------------

GOOD_SOFTWARE_INFO = {
    "display": {"touch_detections": ["normal", "abnormal"], "dead_pixels": 0, "brightness_control": "ok"},
    "storage": {"total_bytes": 1000, "free_bytes": 100, "chip_health_percent": 90},
    "system": {"fingerprint": "a/b/c:13/X/1:user/release-keys", "security_patch": "2024-05-01"},
}


def _bytes(value: object) -> bytes:
    return json.dumps(value).encode()


def test_schema_checked_results_map_to_records() -> None:
    value = checked_result("software_info", _bytes(GOOD_SOFTWARE_INFO))
    assert display_result(value).touch_detections == ("normal", "abnormal")  # type: ignore[union-attr]
    assert storage_result(value) == (1000, 100, 90)
    assert system_result(value).security_patch == "2024-05-01"  # type: ignore[union-attr]
    cameras = camera_results(
        checked_result("camera_startup", _bytes({"cameras": [{"id": "0", "facing": "back", "started": False}]}))
    )
    assert cameras[0].started is False and cameras[0].focus is None


@pytest.mark.parametrize(
    ("category", "value"),
    [
        ("software_info", {"display": {"touch_detections": ["broken"]}}),
        ("software_info", {"display": {"touch_detections": ["normal"] * 101}}),
        ("software_info", {"storage": {"total_bytes": 0, "free_bytes": 0}}),
        ("software_info", {"system": {"security_patch": "last tuesday"}}),
        ("software_info", {"extra": 1}),
        ("network_record", {"slots": [{"slot": 9, "sim_state": "ready", "service_state": "in_service"}]}),
        ("network_record", {"slots": [{"slot": 0, "sim_state": "ready", "service_state": "in_service", "ssid": "x"}]}),
        ("network_record", {"slots": [{"slot": 0, "sim_state": "ready", "service_state": "x", "signal_level": 5}]}),
        ("bluetooth_record", {"enabled": "yes"}),
        ("bluetooth_record", {"paired_devices": -1}),
        ("camera_startup", {"cameras": [{"id": "0; rm", "facing": "back", "started": True}]}),
        ("camera_startup", {"cameras": [{"id": "0", "facing": "side", "started": True}]}),
    ],
)
def test_results_breaking_their_schema_are_refused(category: str, value: object) -> None:
    with pytest.raises(OutputParseError):
        checked_result(category, _bytes(value))


@pytest.mark.parametrize("category", ["software_info", "network_record", "bluetooth_record", "camera_startup"])
def test_garbage_truncated_and_oversized_results_are_refused(category: str) -> None:
    whole = _bytes(GOOD_SOFTWARE_INFO if category == "software_info" else {})
    checked_result(category, whole)
    for bad in (b"\x89PNG\r\n\x1a\n", whole[: len(whole) // 2], b"[]", b"{" * 100 + b"}" * 100, b"{}" * 2):
        with pytest.raises(OutputParseError):
            checked_result(category, bad)
    with pytest.raises(OutputParseError):
        checked_result(category, b'{"a": "' + b"x" * MAX_RESULT_BYTES + b'"}')


def test_free_space_above_total_is_refused_though_each_is_in_range() -> None:
    with pytest.raises(OutputParseError):
        storage_result({"storage": {"total_bytes": 10, "free_bytes": 11}})


# --- anything at all: a result or OutputParseError -------------------------------------------------------

PARSERS: dict[str, Callable[[str], object]] = {
    "telephony": parse_telephony_registry,
    "sim_states": parse_sim_states,
    "wifi": parse_wifi_state,
    "diskstats": parse_diskstats,
    "df": parse_df_data,
    "charge_history": parse_charge_history,
    "software_info": lambda text: checked_result("software_info", text.encode("utf-8", "surrogatepass")),
    "network_record": lambda text: checked_result("network_record", text.encode("utf-8", "surrogatepass")),
}
FRAGMENTS = [
    "last known state:\n",
    "  Phone Id=0\n",
    "  Phone Id=1\n",
    "  mServiceState=0 0 voice",
    "mVoiceRegState=1(",
    "  mSignalStrength=SignalStrength: ",
    "99 0 -120 ",
    "-87 ",
    "level=",
    "rsrp=",
    "2147483647",
    "gsm|lte",
    "  mDataConnectionState=2\n",
    "READY,",
    "ABSENT",
    "Wi-Fi is enabled\n",
    "mWifiInfo ",
    "RSSI: -",
    "Supplicant state: ",
    "COMPLETED",
    "Data-Free: ",
    "K / ",
    "K total",
    "/data\n",
    "1K-blocks",
    " 88% ",
    "9,h,0,",
    "Bl=",
    "Bs=d,",
    "Bp=u,",
    "Bt=",
    "Bv=",
    "Bh=h,",
    "  +1h2m3s4ms (2) 095 ",
    "status=discharging ",
    "plug=ac ",
    "temp=",
    "volt=",
    '{"slots": [',
    '{"slot": 0, ',
    '"sim_state": "ready", ',
    '"service_state": "in_service"',
    "}",
    "]",
    ",",
    '{"display": {"touch_detections": ["abnormal"',
    "\n",
    " ",
    "-",
    "\x00",
    "é漢",
]
syntax_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=60).map("".join)


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=400), syntax_text))
def test_any_answer_gives_a_result_or_a_parse_error(name: str, text: str) -> None:
    try:
        PARSERS[name](text)
    except OutputParseError:
        pass

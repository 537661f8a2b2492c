"""Every capture in samples/ (what real phones printed, from public sources) goes through its parser.

The captures carry a `#` header saying where they come from; `body()` drops it so
the parser sees what the phone printed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core.identifiers import Imei
from app.device.parsers import OutputParseError
from app.device.parsers.am_parser import parse_am_start
from app.device.parsers.battery_parser import (
    parse_battery_cycle_count,
    parse_batterystats,
    parse_dumpsys_battery,
)
from app.device.parsers.getprop_parser import build_info, parse_getprop, parse_getprop_value
from app.device.parsers.imei_parser import imei_from_dumpsys_iphonesubinfo, imei_from_parcel, parcel_string16
from app.device.parsers.logcat_parser import parse_logcat_threadtime
from app.device.parsers.package_parser import parse_dumpsys_package, parse_package_list

SAMPLES = Path(__file__).parent / "samples"


def sample(prefix: str) -> str:
    return next(SAMPLES.glob(f"{prefix}_*.txt")).read_text("utf-8")


def body(prefix: str) -> str:
    """The capture without its `#` provenance header lines."""
    return "\n".join(line for line in sample(prefix).splitlines() if not line.startswith("#")) + "\n"


def between(text: str, start: str, end: str) -> str:
    head = text.index(start) + len(start)
    return text[head : text.index(end, head)]


# --- 01/02 getprop -------------------------------------------------------------------------------


def test_oneplus_getprop_keeps_the_three_line_value_and_reads_identity() -> None:
    props = parse_getprop(body("01"))
    assert props.get("persist.sys.boot.reason.history") == (
        "reboot,ota,1691858645\nreboot,unattended,ota_update,1691858601\nreboot,ota,1691857091"
    )
    assert props.get("gsm.serial") == "002088880C30132410AA03UC"
    info = build_info(props)
    assert (info.serial, info.model, info.brand, info.android_release, info.sdk) == (
        "90241ad3",
        "BE2028",
        "OnePlus",
        "11",
        30,
    )
    assert info.software_version == "BE2028_17_230705"
    assert len(props) == 34


def test_coloros_and_realme_vendor_properties_give_the_rom_and_version() -> None:
    lines = [m.group(1) for m in re.finditer(r"^\s*\*\s*(\[.*\]: \[.*\])\s*$", sample("02"), re.M)]
    props = parse_getprop("\n".join(lines))
    assert props.get("ro.build.version.oplusrom") == "V13.1.0"  # the later, higher version line wins
    assert props.get("ro.build.version.realmeui") == "V5.0"
    info = build_info(props)
    assert info.software_version == "PJD110_15.0.0.840(CN01)"
    assert info.vendor_rom == "ColorOS V13.1.0"
    row = next(line for line in sample("02").splitlines() if "romVersion" in line)
    display_id = row.split("|")[3].strip()
    assert build_info(parse_getprop(f"[ro.build.display.id]: [{display_id}]\n")).software_version == (
        "RMX3350_13.1.0.400(CN01)"
    )


def test_getprop_of_one_key_is_the_value_line() -> None:
    transcript = sample("03")
    assert parse_getprop_value(between(transcript, "getprop ro.build.version.release\n", "./adb")) == "15"
    assert parse_getprop_value(between(transcript, "getprop device_name\n", "./adb")) == ""


def test_a_value_cut_off_by_a_dropped_connection_is_not_guessed() -> None:
    props = parse_getprop("[a]: [1]\n[b]: [first line\nsecond")
    assert dict(props.values) == {"a": "1"}


# --- 03/04 dumpsys battery -----------------------------------------------------------------------


def test_android15_dumpsys_battery_with_charging_state_and_policy() -> None:
    battery = parse_dumpsys_battery(between(sample("03"), "./adb shell dumpsys battery\n", "./adb"))
    assert (battery.level, battery.scale, battery.percent) == (54, 100, 54)
    assert (battery.status, battery.health, battery.present) == ("discharging", "good", True)
    assert (battery.voltage_mv, battery.temperature_c, battery.technology) == (3906, 22.0, "Li-ion")
    assert (battery.charging_state, battery.charging_policy) == (0, 0)
    assert battery.charge_counter_uah == 2848000
    assert dict(battery.extra) == {}


def test_old_dumpsys_battery_without_dock_or_charging_lines() -> None:
    battery = parse_dumpsys_battery(between(sample("04"), "```sh\n", "```"))
    assert (battery.level, battery.usb_powered, battery.status, battery.technology) == (44, True, "charging", "Li-poly")
    assert battery.charging_state is None and battery.voltage_mv == 3872


def test_vendor_battery_lines_are_kept_as_extra() -> None:
    text = body("03").split("./adb shell dumpsys battery\n")[1].split("./adb")[0]
    text += "  mSavedBatteryAsoc: 92\n  mSavedBatteryUsage: 31000\n  (UPDATES STOPPED -- use 'reset' to restart)\n"
    battery = parse_dumpsys_battery(text)
    assert battery.extra["mSavedBatteryAsoc"] == "92"
    assert battery.updates_stopped


def test_output_that_is_not_dumpsys_battery_is_a_parse_error() -> None:
    with pytest.raises(OutputParseError):
        parse_dumpsys_battery(body("10"))


# --- broadcast, 05/06 batterystats --------------------------------------------------------------

STICKY = """  Sticky broadcasts for user -1:
  * Sticky action android.intent.action.BATTERY_CHANGED:
    Intent: act=android.intent.action.BATTERY_CHANGED flg=0x60000010 (has extras)
      Bundle[{technology=Li-ion, health=2, status=3, level=80, android.os.extra.CYCLE_COUNT=412, scale=100}]
"""


def test_cycle_count_from_the_battery_changed_broadcast() -> None:
    assert parse_battery_cycle_count(STICKY) == 412
    assert parse_battery_cycle_count(STICKY.replace("android.os.extra.CYCLE_COUNT=412, ", "")) is None
    other = "  * Sticky action android.intent.action.USB_STATE:\n    android.os.extra.CYCLE_COUNT=9\n"
    assert parse_battery_cycle_count(other) is None


def test_samsung_battery_history_gives_reset_time_and_levels() -> None:
    stats = parse_batterystats(body("05"))
    assert stats.history_reset_time == "2022-01-04-17-30-01"
    assert stats.history_levels == (100, 95, 79)
    assert stats.last_learned_capacity_mah is None  # this capture has no capacity lines


def test_learned_capacity_lines() -> None:
    text = (
        "Statistics since last charge:\n  System starts: 0, currently on battery: false\n"
        "  Estimated battery capacity: 4500 mAh\n  Last learned battery capacity: 4115 mAh\n"
        "  Min learned battery capacity: 4020 mAh\n  Max learned battery capacity: 4200 mAh\n"
    )
    stats = parse_batterystats(text)
    assert (stats.estimated_capacity_mah, stats.last_learned_capacity_mah) == (4500, 4115)
    assert (stats.min_learned_capacity_mah, stats.max_learned_capacity_mah) == (4020, 4200)


# --- 04/07 IMEI ----------------------------------------------------------------------------------


def test_imei_from_the_parcel_hex_words() -> None:
    parcel = between(sample("07"), "awesome-adb/", "#  word0")
    parcel = parcel[parcel.index("Result:") :]
    assert imei_from_parcel(parcel) == Imei("860955027785041")


def test_imei_from_the_awesome_adb_parcel_and_old_dumpsys() -> None:
    text = sample("04")
    assert imei_from_parcel(text[text.index("Result: Parcel") :]) == Imei("860955027785041")
    assert imei_from_dumpsys_iphonesubinfo(between(text, "Phone Subscriber Info:", "```")) == Imei("860955027785041")


def test_parcel_exception_null_and_bad_check_digit() -> None:
    assert parcel_string16("Result: Parcel(\n  0x00000000: 00000000 ffffffff '........')\n") is None
    with pytest.raises(OutputParseError, match="exception"):
        imei_from_parcel("Result: Parcel(\n  0x00000000: ffffffec 00000000 '........')\n")
    wrong = sample("07").replace("00000031", "00000032")
    with pytest.raises(OutputParseError, match="check digit"):
        imei_from_parcel(wrong[wrong.index("Result:") :])


# --- 08 dumpsys package --------------------------------------------------------------------------


def test_updated_system_app_reports_the_installed_not_the_hidden_version() -> None:
    text = sample("08")
    first = text[: text.index("# SOURCE B")]
    dump = parse_dumpsys_package(first)
    installed = dump.installed("com.tekartik.package1")
    assert installed is not None
    assert (installed.version_code, installed.version_name, installed.target_sdk) == (20, "1.0.16", 36)
    (hidden,) = dump.hidden_system_packages
    assert (hidden.version_code, hidden.version_name, hidden.hidden_system) == (15, "1.0.11", True)


def test_samsung_dumpsys_package_block() -> None:
    dump = parse_dumpsys_package(sample("08")[sample("08").index("# SOURCE B") :])
    record = dump.installed("com.samsung.android.provider.filterprovider")
    assert record is not None and (record.version_code, record.version_name, record.min_sdk) == (
        500700000,
        "5.0.07",
        28,
    )
    assert dump.installed("com.repaircounter.diagtool") is None


# --- 09 pm list packages -------------------------------------------------------------------------


def test_pm_list_packages_with_and_without_version_codes() -> None:
    listed = parse_package_list(body("09"))
    assert [(p.name, p.version_code) for p in listed[:3]] == [
        ("com.android.managedprovisioning", 35),
        ("com.google.android.apps.wallpaper.nexus", 170000000),
        ("com.android.chrome", 636771932),
    ]
    assert len(listed) == 13 and listed[-1].name == "com.android.externalstorage" and listed[-1].version_code is None


def test_pm_list_packages_source_dir_installer_and_uid() -> None:
    line = (
        "package:/data/app/~~GSf==/com.a.b-fN==/base.apk=com.a.b versionCode:7  installer=com.android.vending uid:10057"
    )
    (package,) = parse_package_list(line)
    assert (package.name, package.version_code, package.installer, package.uid) == (
        "com.a.b",
        7,
        "com.android.vending",
        10057,
    )
    assert package.source_dir == "/data/app/~~GSf==/com.a.b-fN==/base.apk"
    with pytest.raises(OutputParseError):
        parse_package_list("package:com.a.b; rm -rf /")


# --- 10 logcat -----------------------------------------------------------------------------------


def test_logcat_threadtime_capture() -> None:
    lines = parse_logcat_threadtime("--------- beginning of main\n" + body("10"))
    assert len(lines) == 40
    first = lines[0]
    assert (first.month, first.day, first.time, first.pid, first.tid, first.level, first.tag) == (
        3,
        17,
        "16:13:38.811",
        1702,
        2395,
        "D",
        "WindowManager",
    )
    assert first.message.startswith("printFreezingDisplayLogsopening app wtoken")
    assert lines[-1].tag == "PowerManagerService" and lines[-1].message.startswith("acquire lock=166121161")


# --- 11 am start ---------------------------------------------------------------------------------

AM_LINES = {
    line.split("#")[0].rstrip()
    for line in body("11").splitlines()
    if line.strip()
    and not line.startswith(("Stopping", "Status", "LaunchState", "Activity:", "TotalTime", "WaitTime", "Complete"))
}


def test_am_start_success_and_service_start() -> None:
    started = parse_am_start("Starting: Intent { cmp=com.example/.MainActivity }\n", exit_code=0)
    assert started.started and not started.service and started.component == "com.example/.MainActivity"
    service = parse_am_start("Starting service: Intent { cmp=com.example/.MyService }\n")
    assert service.started and service.service and service.component == "com.example/.MyService"
    assert "Starting service: Intent { cmp=com.example/.MyService }" in AM_LINES


def test_am_error_type_3_with_exit_0_is_a_failure() -> None:
    text = (
        "Starting: Intent { cmp=com.example/.MainActivity }\nError type 3\n"
        "Error: Activity class {com.example/com.example.MainActivity} does not exist.\n"
    )
    result = parse_am_start(text, exit_code=0)
    assert not result.started or result.error
    assert result.error == "Error type 3"


@pytest.mark.parametrize("line", sorted(line for line in AM_LINES if line.startswith(("Error", "Exception"))))
def test_every_am_error_line_of_the_capture_is_an_error(line: str) -> None:
    result = parse_am_start(line + "\n", exit_code=0)
    assert result.error == line.strip() and not (result.started and not result.error)


def test_am_start_wait_output_gives_launch_state_and_time() -> None:
    text = "Starting: Intent { cmp=com.example/.MainActivity }\n" + "\n".join(
        line.split("#")[0].rstrip()
        for line in body("11").splitlines()
        if line.startswith(("Status", "LaunchState", "TotalTime", "Complete"))
    )
    result = parse_am_start(text)
    assert (result.launch_state, result.total_time_ms) == ("COLD", 812)


def test_am_output_with_nothing_recognisable_is_a_parse_error() -> None:
    with pytest.raises(OutputParseError):
        parse_am_start("hello\n", exit_code=0)

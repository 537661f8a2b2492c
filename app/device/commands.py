"""Pure builders of the shell command lines the app sends to a phone.

Each builder checks its arguments against a strict pattern before quoting them,
so nothing from a ticket, reference data or the phone itself can smuggle shell
syntax into a command.  Builders return the exact text passed to `shell:`.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable

from app.device.parsers.package_parser import PACKAGE_NAME

_PROP_KEY = re.compile(r"\A[A-Za-z0-9_.\-]{1,128}\Z")
_SESSION_ID = re.compile(r"\A[A-Za-z0-9_\-]{1,64}\Z")
_CATEGORY = re.compile(r"\A[a-z][a-z0-9_]{0,39}\Z")
_COMPONENT_CLASS = re.compile(r"\A\.?[A-Za-z_][A-Za-z0-9_]{0,127}(?:\.[A-Za-z_][A-Za-z0-9_]{0,127}){0,31}\Z")
_DEVICE_PATH = re.compile(r"\A/[A-Za-z0-9_.\-/]{1,255}\Z")

#: Android 14/15 `service call iphonesubinfo` codes: getDeviceId (slot 1) and getDeviceIdForPhone (by slot).
IPHONESUBINFO_DEVICE_ID = 1
IPHONESUBINFO_DEVICE_ID_FOR_PHONE = 4
#: Where a session's result files go on the phone (docs/ARCHITECTURE.md section 7); relative to the tool's package.
SESSION_ROOT = "/sdcard/Android/data/{package}/files/sessions"


class CommandArgumentError(ValueError):
    """A value is not allowed into a device command line."""


def _checked(pattern: re.Pattern[str], value: str, what: str) -> str:
    if not isinstance(value, str) or not pattern.match(value) or ".." in value.split("/"):
        raise CommandArgumentError(f"not an allowed {what}: {value!r}")
    return value


def package_name(value: str) -> str:
    """`value` when it is a valid Android package name, else CommandArgumentError."""
    return _checked(PACKAGE_NAME, value, "package name")


def session_id(value: str) -> str:
    return _checked(_SESSION_ID, value, "session id")


def category_name(value: str) -> str:
    """A data category identifier (docs/ARCHITECTURE.md section 8), e.g. `device_info`."""
    return _checked(_CATEGORY, value, "category")


def device_path(value: str) -> str:
    """An absolute device path with only plain characters and no `..` component."""
    return _checked(_DEVICE_PATH, value, "device path")


def getprop_command(key: str | None = None) -> str:
    return "getprop" if key is None else f"getprop {_checked(_PROP_KEY, key, 'property key')}"


def dumpsys_battery_command() -> str:
    return "dumpsys battery"


def battery_broadcast_command() -> str:
    """The sticky broadcasts, where Android 14+ keeps BATTERY_CHANGED with its CYCLE_COUNT extra."""
    return "dumpsys activity broadcasts"


def batterystats_command() -> str:
    return "dumpsys batterystats"


def batterystats_checkin_command() -> str:
    """Battery statistics in the comma-separated checkin form, whose `9,h,...` records are the charge history."""
    return "dumpsys batterystats --checkin"


def telephony_registry_command() -> str:
    """Service state and signal strength of every SIM slot."""
    return "dumpsys telephony.registry"


def wifi_dump_command() -> str:
    """The Wi-Fi service's state; it names networks and access points, so it needs their consent."""
    return "dumpsys wifi"


def diskstats_command() -> str:
    return "dumpsys diskstats"


def df_data_command() -> str:
    """Size and free space of the data partition, in 1K blocks (toybox `df`)."""
    return "df /data"


def dumpsys_package_command(package: str) -> str:
    return f"dumpsys package {package_name(package)}"


def list_packages_command(show_versioncode: bool = True, name_filter: str | None = None) -> str:
    parts = ["pm", "list", "packages"]
    if show_versioncode:
        parts.append("--show-versioncode")
    if name_filter is not None:
        parts.append(package_name(name_filter))
    return " ".join(parts)


def logcat_dump_command(max_lines: int = 5000) -> str:
    """The last `max_lines` log records in threadtime format, without waiting for new ones."""
    if not 1 <= max_lines <= 1_000_000:
        raise CommandArgumentError("max_lines out of range")
    return f"logcat -d -v threadtime -t {int(max_lines)}"


def iphonesubinfo_command(slot: int = 0, code: int | None = None) -> str:
    """`service call iphonesubinfo` for the IMEI of SIM slot `slot` (codes of Android 14/15 by default)."""
    if slot not in (0, 1):
        raise CommandArgumentError("slot must be 0 or 1")
    if slot == 0:
        return f"service call iphonesubinfo {int(code or IPHONESUBINFO_DEVICE_ID)} s16 com.android.shell"
    return (
        f"service call iphonesubinfo {int(code or IPHONESUBINFO_DEVICE_ID_FOR_PHONE)} i32 {slot} "
        "s16 com.android.shell s16 null"
    )


def session_folder(package: str, session: str) -> str:
    """The Diagnostic Tool's result folder for one session."""
    return f"{SESSION_ROOT.format(package=package_name(package))}/{session_id(session)}"


def start_diagnostic_service_command(package: str, service: str, session: str, categories: Iterable[str]) -> str:
    """`am start-foreground-service` of the tool with the session id and the consented categories."""
    names = [category_name(c) for c in categories]
    if not names:
        raise CommandArgumentError("at least one category is needed")
    component = f"{package_name(package)}/{_checked(_COMPONENT_CLASS, service, 'service class')}"
    return (
        f"am start-foreground-service -n {component} --es session {session_id(session)} "
        f"--es categories {','.join(names)}"
    )


def am_start_activity_command(package: str, activity: str) -> str:
    component = f"{package_name(package)}/{_checked(_COMPONENT_CLASS, activity, 'activity class')}"
    return f"am start -n {component}"


def force_stop_command(package: str) -> str:
    return f"am force-stop {package_name(package)}"


def remove_tree_command(path: str) -> str:
    return f"rm -rf {shlex.quote(device_path(path))}"


def pm_install_command(remote_apk: str, replace: bool = True) -> str:
    flags = "-r -t " if replace else "-t "
    return f"pm install {flags}{shlex.quote(device_path(remote_apk))}"


# --- the wipe action of the Diagnostic Tool (docs/ARCHITECTURE.md section 7) ------------------------

#: The tool's wipe service; present from the contract's version 3.0.0 (versionCode 300).
WIPE_SERVICE = ".WipeService"
#: Where the tool writes a wipe's result before it resets; relative to the tool's package.
WIPE_ROOT = "/sdcard/Android/data/{package}/files/wipe"


def wipe_folder(package: str, session: str) -> str:
    """The folder holding one wipe's `result.json`; removing it tells the tool the result was taken."""
    return f"{WIPE_ROOT.format(package=package_name(package))}/{session_id(session)}"


def start_wipe_command(package: str, session: str) -> str:
    """`am start-foreground-service` of the tool's wipe action for one session."""
    return f"am start-foreground-service -n {package_name(package)}/{WIPE_SERVICE} --es session {session_id(session)}"


def dumpsys_account_command() -> str:
    """The accounts on the phone (only their count is read: the names are the customer's)."""
    return "dumpsys account"

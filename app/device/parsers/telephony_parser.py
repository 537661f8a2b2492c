"""Signal and service state per SIM slot, from `dumpsys telephony.registry`, and SIM states from getprop.

`dumpsys telephony.registry` prints a `last known state:` block with one
`Phone Id=N` section per slot.  Two layouts are in use:

* up to Android 9, `mServiceState=0 0 voice home data home <operator> ...`
  (the first number is the voice registration state) and
  `mSignalStrength=SignalStrength: 99 0 -120 ... 26 -87 -7 ... gsm|lte`
  (the LTE RSRP is the ninth number);
* from Android 10, `mServiceState={mVoiceRegState=0(IN_SERVICE), ...}` and
  `mSignalStrength=SignalStrength:{... mLte=CellSignalStrengthLte: rssi=.. rsrp=-95 ... level=3 ...}`.

Only the state, the signal level (0-4) and the strongest dBm reading are
kept; operator names, cell identities and call numbers in the same dump are
not.  `gsm.sim.state` (getprop) lists the SIM state of each slot, comma-separated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.device.parsers import OutputParseError, checked_text

#: A telephony dump worth parsing is small; a longer answer is refused.
MAX_TELEPHONY_CHARS = 2 * 1024 * 1024
MAX_SLOTS = 4
#: Voice registration states (android.telephony.ServiceState).
_SERVICE_STATES = {0: "in_service", 1: "out_of_service", 2: "emergency_only", 3: "power_off"}
_SIM_STATES = {
    "READY": "ready",
    "LOADED": "ready",
    "ABSENT": "absent",
    "NOT_READY": "not_ready",
    "PIN_REQUIRED": "locked",
    "PUK_REQUIRED": "locked",
    "NETWORK_LOCKED": "locked",
    "PERM_DISABLED": "error",
    "CARD_IO_ERROR": "error",
    "CARD_RESTRICTED": "error",
    "UNKNOWN": "unknown",
}
#: LTE RSRP (dBm) at or above which a level counts (AOSP's default thresholds).
_RSRP_LEVELS = ((-85, 4), (-95, 3), (-105, 2), (-115, 1))
_INVALID = 2147483647

_PHONE_ID = re.compile(r"^\s*Phone Id=(\d{1,2})\s*$")
_NEW_VOICE_STATE = re.compile(r"mVoiceRegState=(\d)")
_OLD_SERVICE_STATE = re.compile(r"^\s*mServiceState=(\d) ")
_LEVEL = re.compile(r"\blevel=(\d)\b")
_RSRP = re.compile(r"\brsrp=(-?\d{1,10})\b")
_DBM = re.compile(r"\b(?:rssi|dbm|mDbm)=(-?\d{1,10})\b")
_OLD_SIGNAL = re.compile(r"^\s*mSignalStrength=SignalStrength: ((?:-?\d{1,10} ){8,20})")
_DATA_STATE = re.compile(r"^\s*mDataConnectionState=(-?\d)\s*$")


@dataclass(frozen=True)
class SlotSignal:
    """One slot's network state as `telephony.registry` reported it."""

    slot: int
    service_state: str
    signal_level: int | None
    signal_dbm: int | None
    data_connected: bool | None


def parse_telephony_registry(text: str) -> tuple[SlotSignal, ...]:
    """Each `Phone Id` section's state; OutputParseError when there is none (garbage, permission denial)."""
    text = checked_text(text, "dumpsys telephony.registry", MAX_TELEPHONY_CHARS)
    sections: dict[int, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("registrations:"):  # listeners follow: nothing about the slots
            current = None
            continue
        found = _PHONE_ID.match(line)
        if found:
            slot = int(found.group(1))
            current = sections.setdefault(slot, []) if slot < MAX_SLOTS else None
        elif current is not None and len(current) < 400:
            current.append(line[:4096])
    slots = tuple(_slot(slot, lines) for slot, lines in sorted(sections.items()))
    if not slots or all(s.service_state == "unknown" and s.signal_level is None for s in slots):
        raise OutputParseError("dumpsys telephony.registry: no slot state in the output")
    return slots


def _slot(slot: int, lines: list[str]) -> SlotSignal:
    state, level, dbm, data = "unknown", None, None, None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("mServiceState="):
            state = _service_state(stripped) or state
        elif stripped.startswith("mSignalStrength="):
            level, dbm = _signal(stripped)
        elif (found := _DATA_STATE.match(line)) is not None:
            data = found.group(1) == "2"  # TelephonyManager.DATA_CONNECTED
    return SlotSignal(slot, state, level, dbm, data)


def _service_state(line: str) -> str | None:
    found = _NEW_VOICE_STATE.search(line) or _OLD_SERVICE_STATE.match(line)
    return _SERVICE_STATES.get(int(found.group(1)), "unknown") if found else None


def _signal(line: str) -> tuple[int | None, int | None]:
    old = _OLD_SIGNAL.match(line)
    if old:
        numbers = [int(n) for n in old.group(1).split()]
        rsrp = numbers[8] if len(numbers) > 8 and -140 <= numbers[8] <= -44 else None
        return _level_from_rsrp(rsrp), rsrp
    levels = [int(n) for n in _LEVEL.findall(line)]
    readings = [int(n) for n in _RSRP.findall(line) + _DBM.findall(line)]
    valid = [n for n in readings if n != _INVALID and -150 <= n < 0]
    return (max(levels) if levels else None), (max(valid) if valid else None)


def _level_from_rsrp(rsrp: int | None) -> int | None:
    if rsrp is None:
        return None
    return next((level for threshold, level in _RSRP_LEVELS if rsrp >= threshold), 0)


def parse_sim_states(text: str) -> tuple[str, ...]:
    """`getprop gsm.sim.state`: one state per slot (`READY,ABSENT`); () when the property is empty."""
    value = checked_text(text, "gsm.sim.state", 1024).strip()
    if not value:
        return ()
    states = [part.strip().upper() for part in value.split(",")][:MAX_SLOTS]
    if not all(re.fullmatch(r"[A-Z_]{0,32}", s) for s in states):  # an empty entry: that slot is unknown
        raise OutputParseError("gsm.sim.state: not a list of SIM states")
    return tuple(_SIM_STATES.get(s, "unknown") for s in states)


@dataclass(frozen=True)
class WifiState:
    enabled: bool
    connected: bool
    rssi_dbm: int | None


_WIFI_ENABLED = re.compile(r"^Wi-Fi is (enabled|disabled)", re.MULTILINE)
_WIFI_INFO = re.compile(r"^\s*mWifiInfo\b(.{0,4000})$", re.MULTILINE)
_WIFI_RSSI = re.compile(r"\bRSSI: (-?\d{1,4})\b")
_WIFI_STATE = re.compile(r"\bSupplicant state: ([A-Z_]{1,32})")


def parse_wifi_state(text: str) -> WifiState:
    """`dumpsys wifi`: on or off, associated or not, and the signal; network names are not kept."""
    text = checked_text(text, "dumpsys wifi", 16 * 1024 * 1024)
    enabled = _WIFI_ENABLED.search(text)
    if enabled is None:
        raise OutputParseError("dumpsys wifi: no 'Wi-Fi is enabled/disabled' line")
    info = _WIFI_INFO.search(text)
    rssi = state = None
    if info is not None:
        found_rssi, found_state = _WIFI_RSSI.search(info.group(1)), _WIFI_STATE.search(info.group(1))
        rssi = int(found_rssi.group(1)) if found_rssi else None
        state = found_state.group(1) if found_state else None
    connected = state == "COMPLETED"
    usable_rssi = rssi if connected and rssi is not None and -127 <= rssi <= 0 else None
    return WifiState(enabled.group(1) == "enabled", connected, usable_rssi)

"""Battery facts from `dumpsys battery`, the sticky BATTERY_CHANGED broadcast and `dumpsys batterystats`.

AOSP's `dumpsys battery` prints `  Key: value` lines; Android 14+ adds `Charging state`
and `Charging policy`; vendors add their own lines (Samsung `mSavedBatteryAsoc` ...),
which are kept in `extra` rather than dropped.  `health` there is a code, not a
percentage: a true health percentage needs the maker's on-phone tool.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from app.device.parsers import OutputParseError, checked_text, int_or_none

#: BatteryManager.BATTERY_HEALTH_* codes.
HEALTH_NAMES = MappingProxyType(
    {1: "unknown", 2: "good", 3: "overheat", 4: "dead", 5: "over_voltage", 6: "unspecified_failure", 7: "cold"}
)
#: BatteryManager.BATTERY_STATUS_* codes.
STATUS_NAMES = MappingProxyType({1: "unknown", 2: "charging", 3: "discharging", 4: "not_charging", 5: "full"})

_LINE = re.compile(r"\A\s{0,8}([A-Za-z][A-Za-z0-9 _\-()/.]{0,63}?):\s?(.{0,256})\Z")
_KNOWN_KEYS = {
    "AC powered",
    "USB powered",
    "Wireless powered",
    "Dock powered",
    "Max charging current",
    "Max charging voltage",
    "Charge counter",
    "status",
    "health",
    "present",
    "level",
    "scale",
    "voltage",
    "temperature",
    "technology",
    "Charging state",
    "Charging policy",
}


@dataclass(frozen=True)
class BatteryState:
    """`dumpsys battery` as typed fields; `extra` keeps vendor lines verbatim."""

    level: int | None
    scale: int | None
    status_code: int | None
    health_code: int | None
    present: bool | None
    voltage_mv: int | None
    temperature_tenths_c: int | None
    technology: str
    charge_counter_uah: int | None
    ac_powered: bool | None
    usb_powered: bool | None
    wireless_powered: bool | None
    charging_state: int | None
    charging_policy: int | None
    updates_stopped: bool
    extra: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def percent(self) -> int | None:
        """Charge level in percent (level scaled by `scale`)."""
        if self.level is None or not self.scale:
            return None
        return round(self.level * 100 / self.scale)

    @property
    def health(self) -> str:
        return HEALTH_NAMES.get(self.health_code or 0, "unknown")

    @property
    def status(self) -> str:
        return STATUS_NAMES.get(self.status_code or 0, "unknown")

    @property
    def temperature_c(self) -> float | None:
        return None if self.temperature_tenths_c is None else self.temperature_tenths_c / 10


def parse_dumpsys_battery(text: str) -> BatteryState:
    """`dumpsys battery`, old and Android 14/15 layouts, vendor lines in `extra`."""
    text = checked_text(text, "dumpsys battery", limit=1024 * 1024)
    fields: dict[str, str] = {}
    extra: dict[str, str] = {}
    seen_header = False
    for line in text.splitlines():
        if line.startswith("Current Battery Service state"):
            seen_header = True
            continue
        match = _LINE.match(line)
        if not match:
            continue
        key, value = match.group(1).strip(), match.group(2).strip()
        (fields if key in _KNOWN_KEYS else extra)[key] = value
    if not seen_header or "level" not in fields:
        raise OutputParseError("dumpsys battery: no battery service state in the output")
    return _battery_state(fields, extra, updates_stopped="UPDATES STOPPED" in text)


def _battery_state(fields: dict[str, str], extra: dict[str, str], updates_stopped: bool) -> BatteryState:
    def number(key: str) -> int | None:
        return int_or_none(fields.get(key))

    return BatteryState(
        level=number("level"),
        scale=number("scale"),
        status_code=number("status"),
        health_code=number("health"),
        present=_flag(fields.get("present")),
        voltage_mv=number("voltage"),
        temperature_tenths_c=number("temperature"),
        technology=fields.get("technology", "")[:32],
        charge_counter_uah=number("Charge counter"),
        ac_powered=_flag(fields.get("AC powered")),
        usb_powered=_flag(fields.get("USB powered")),
        wireless_powered=_flag(fields.get("Wireless powered")),
        charging_state=number("Charging state"),
        charging_policy=number("Charging policy"),
        updates_stopped=updates_stopped,
        extra=MappingProxyType(dict(list(extra.items())[:64])),
    )


def _flag(value: str | None) -> bool | None:
    return {"true": True, "false": False}.get((value or "").strip().lower())


_CYCLE_COUNT = re.compile(r"android\.os\.extra\.CYCLE_COUNT=(-?\d{1,9})")
_BATTERY_CHANGED = "android.intent.action.BATTERY_CHANGED"


def parse_battery_cycle_count(text: str) -> int | None:
    """Cycle count from the sticky BATTERY_CHANGED broadcast (`dumpsys activity broadcasts`).

    Android 14+ puts `android.os.extra.CYCLE_COUNT` in that intent's extras; older
    phones do not, and None says so.  A negative count (-1 = unsupported) is None.
    """
    text = checked_text(text, "broadcasts")
    start = text.find(_BATTERY_CHANGED)
    while start != -1:
        window = text[start : start + 8192]
        match = _CYCLE_COUNT.search(window)
        if match:
            count = int(match.group(1))
            return count if count >= 0 else None
        start = text.find(_BATTERY_CHANGED, start + len(_BATTERY_CHANGED))
    return None


@dataclass(frozen=True)
class BatteryStatsSummary:
    """What `dumpsys batterystats` (human format) tells about the battery's capacity and history."""

    estimated_capacity_mah: int | None
    last_learned_capacity_mah: int | None
    min_learned_capacity_mah: int | None
    max_learned_capacity_mah: int | None
    history_reset_time: str
    history_levels: tuple[int, ...]


_CAPACITY = re.compile(
    r"\A\s*(Estimated battery capacity|Last learned battery capacity|Min learned battery capacity"
    r"|Max learned battery capacity):\s*(\d{1,7}(?:\.\d{1,3})?)\s*mAh"
)
_HISTORY_LEVEL = re.compile(r"\A\s*(?:0|\+[0-9dhms]{1,40}) \(\d{1,3}\) (\d{3})\b")
_RESET = re.compile(r"RESET:TIME: (\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})")
_MAX_LEVELS = 10_000


def parse_batterystats(text: str) -> BatteryStatsSummary:
    """Learned and estimated capacity, plus the level steps of the Battery History section."""
    text = checked_text(text, "batterystats")
    capacities: dict[str, int] = {}
    levels: list[int] = []
    reset = ""
    for line in text.splitlines():
        capacity = _CAPACITY.match(line)
        if capacity:
            capacities.setdefault(capacity.group(1), int(float(capacity.group(2))))
            continue
        level = _HISTORY_LEVEL.match(line)
        if level and len(levels) < _MAX_LEVELS and (not levels or levels[-1] != int(level.group(1))):
            levels.append(int(level.group(1)))
        if not reset and "RESET:TIME" in line:
            found = _RESET.search(line)
            reset = found.group(1) if found else ""
    if text.strip() and not (capacities or levels or reset):
        raise OutputParseError("batterystats: no capacity lines and no battery history")
    return BatteryStatsSummary(
        estimated_capacity_mah=capacities.get("Estimated battery capacity"),
        last_learned_capacity_mah=capacities.get("Last learned battery capacity"),
        min_learned_capacity_mah=capacities.get("Min learned battery capacity"),
        max_learned_capacity_mah=capacities.get("Max learned battery capacity"),
        history_reset_time=reset,
        history_levels=tuple(levels),
    )

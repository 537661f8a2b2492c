"""What each diagnostic function collects, through the gate only.

One collector per function identifier of the catalogue.  Each reads the
categories its function declares, from the Diagnostic Tool's result files when
the tool ran, and through shell fallbacks where the tool is missing or not
needed (identity from getprop, battery from `dumpsys battery`, batterystats
and the cycle-count broadcast, logs from `logcat -d`).  A collector returns
None when nothing could be read; device failures (unplug, timeout) propagate
so the flow can end the run as incomplete.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.core.battery_verdict import BatteryReadings, Reading, ReadingSource
from app.core.identifiers import IdentifierError, Imei, parse_imei
from app.core.localized import LocalizedText
from app.core.privacy_catalogue import FUNCTIONS
from app.device.errors import DeviceCommandFailed, OutputTooLarge, TransferFailed
from app.device.parsers import OutputParseError, function_results
from app.device.parsers.charge_history_parser import parse_charge_history
from app.device.parsers.storage_parser import parse_df_data, parse_diskstats
from app.device.parsers.telephony_parser import SlotSignal, parse_sim_states, parse_telephony_registry, parse_wifi_state
from app.device.parsers.tool_results import (
    load_result_json,
    parse_battery_record_result,
    parse_device_info_result,
)
from app.device.session import RemoteFileMissing
from app.diagnostics import notes as run_notes
from app.diagnostics.gate import SOFTWARE_PROPERTIES, ConsentGate

log = logging.getLogger(__name__)

#: How many log lines the `logs` function asks the phone for.
LOGCAT_LINES = 50_000
#: The source name of a reading from the Diagnostic Tool's result files.
TOOL = ReadingSource.DIAGNOSTIC_TOOL.value


@dataclass(frozen=True)
class ToolRun:
    """The tool session this run started, and whether its `done` marker appeared."""

    package: str
    session: str
    ready: bool


@dataclass
class CollectionContext:
    gate: ConsentGate
    tool: ToolRun | None
    #: Scanner or typed IMEI when neither the tool nor `service call` gives one (None: none offered).
    ask_imei: Callable[[], str | None] = lambda: None
    notes: list[LocalizedText] = field(default_factory=list)
    #: Readings several functions share (the tool's software_info), read once per run.
    cache: dict[str, dict[str, Any] | None] = field(default_factory=dict)

    def tool_json(self, category: str) -> dict[str, Any] | None:
        """A category's checked result object from the tool, or None (no tool, missing, invalid, unavailable)."""
        raw = self.tool_bytes(category)
        if raw is None:
            return None
        try:
            value = load_result_json(raw)
        except OutputParseError:
            self.notes.append(run_notes.result_failed_checks(category))
            return None
        return None if value.get("available") is False else value

    def tool_bytes(self, category: str) -> bytes | None:
        if self.tool is None or not self.tool.ready:
            self.gate.require((category,), "tool_result")  # the same check as a read: no consent, no answer
            return None
        try:
            return self.gate.tool_result(self.tool.package, self.tool.session, category)
        except RemoteFileMissing:
            return None
        except OutputTooLarge:
            self.notes.append(run_notes.result_too_large(category))
            return None
        except TransferFailed as exc:
            if type(exc) is not TransferFailed:
                raise
            self.notes.append(run_notes.result_not_copied(category))
            return None


@dataclass(frozen=True)
class FunctionResult:
    """What one function found: data (JSON-ready), where it came from, and a log text for `logs`."""

    categories: tuple[str, ...]
    source: str
    data: dict[str, Any]
    log_text: str | None = None
    readings: BatteryReadings | None = None


# --- identity --------------------------------------------------------------------------------------


def collect_identity(ctx: CollectionContext) -> FunctionResult | None:
    build = ctx.gate.build_info()
    imeis, imei_source, tool_info = _tool_imeis(ctx)
    if not imeis:
        imeis, imei_source = _service_call_imeis(ctx.gate), "service_call"
    if not imeis:
        imeis, imei_source = _typed_imei(ctx), "typed"
    data = {
        "imei": [i.digits for i in imeis] or None,
        "model": build.model or (tool_info.model if tool_info else "") or None,
        "brand": build.brand or None,
        "manufacturer": build.manufacturer or None,
        "serial": build.serial or (tool_info.serial if tool_info else "") or None,
        "android_release": build.android_release or None,
        "sdk": build.sdk,
        "build": build.software_version or (tool_info.software_version if tool_info else "") or None,
        "rom_version": build.vendor_rom or None,
        "sources": {"properties": "getprop", "imei": imei_source if imeis else None},
    }
    return FunctionResult(("device_info",), "diagnostic_tool+getprop" if tool_info else "getprop", data)


def _tool_imeis(ctx: CollectionContext) -> tuple[list[Imei], str, Any]:
    raw = ctx.tool_bytes("device_info")
    if raw is None:
        return [], "", None
    try:
        info = parse_device_info_result(raw)
    except OutputParseError:
        ctx.notes.append(run_notes.result_failed_checks("device_info"))
        return [], "", None
    return list(info.imeis), "diagnostic_tool", info


def _service_call_imeis(gate: ConsentGate) -> list[Imei]:
    found: list[Imei] = []
    for slot in (0, 1):
        try:
            imei = gate.imei_from_service_call(slot)
        except DeviceCommandFailed:
            imei = None
        if imei is not None and imei not in found:
            found.append(imei)
    return found


def _typed_imei(ctx: CollectionContext) -> list[Imei]:
    typed = ctx.ask_imei()
    if not typed:
        return []
    try:
        return [parse_imei(typed)]
    except IdentifierError:
        ctx.notes.append(run_notes.TYPED_IMEI_INVALID)
        return []


# --- battery and charging ----------------------------------------------------------------------------


def _dumpsys_battery(gate: ConsentGate) -> Any:
    try:
        return gate.battery()
    except DeviceCommandFailed:
        return None


def collect_battery(ctx: CollectionContext) -> FunctionResult | None:
    state = _dumpsys_battery(ctx.gate)
    sources: dict[str, str] = {}
    data: dict[str, Any] = {
        key: None
        for key in (
            "level",
            "status",
            "health",
            "health_percent",
            "cycle_count",
            "temperature_c",
            "voltage_mv",
            "learned_capacity_mah",
            "design_capacity_mah",
        )
    }
    if state is not None:
        data.update(
            level=state.percent,
            status=state.status,
            health=state.health,
            temperature_c=state.temperature_c,
            voltage_mv=state.voltage_mv,
        )
        sources.update(
            {
                k: ReadingSource.DUMPSYS_BATTERY.value
                for k in ("level", "status", "health", "temperature_c", "voltage_mv")
                if data[k] is not None
            }
        )
    readings = _battery_readings(ctx, data, sources)
    if state is None and not sources:
        return None
    data["source"] = sources
    return FunctionResult(("battery_record",), _joined_sources(sources), data, readings=readings)


def _battery_readings(ctx: CollectionContext, data: dict[str, Any], sources: dict[str, str]) -> BatteryReadings:
    record = _tool_battery(ctx)
    tool = ReadingSource.DIAGNOSTIC_TOOL
    if record is not None:
        data.update(
            health_percent=record.health_percent,
            cycle_count=record.cycle_count,
            learned_capacity_mah=record.full_charge_capacity_mah,
            design_capacity_mah=record.design_capacity_mah,
        )
        sources.update(
            {k: tool.value for k in ("health_percent", "cycle_count", "learned_capacity_mah", "design_capacity_mah")}
        )
        return BatteryReadings(
            Reading(record.health_percent, tool),
            Reading(record.cycle_count, tool),
            Reading(record.full_charge_capacity_mah, tool),
            Reading(record.design_capacity_mah, tool),
        )
    cycles = _optional(ctx.gate.battery_cycle_count)
    learned = _optional(ctx.gate.learned_capacity_mah)
    if cycles is not None:
        data["cycle_count"], sources["cycle_count"] = cycles, ReadingSource.CYCLE_COUNT_BROADCAST.value
    if learned is not None:
        data["learned_capacity_mah"], sources["learned_capacity_mah"] = learned, ReadingSource.BATTERYSTATS.value
    return BatteryReadings(
        cycle_count=Reading(cycles, ReadingSource.CYCLE_COUNT_BROADCAST) if cycles is not None else None,
        learned_capacity_mah=Reading(learned, ReadingSource.BATTERYSTATS) if learned is not None else None,
    )


def _tool_battery(ctx: CollectionContext) -> Any:
    raw = ctx.tool_bytes("battery_record")
    if raw is None:
        return None
    try:
        return parse_battery_record_result(raw)
    except OutputParseError:
        if b'"available": false' not in raw:
            ctx.notes.append(run_notes.result_failed_checks("battery_record"))
        return None


def _optional(call: Callable[[], int | None]) -> int | None:
    try:
        return call()
    except DeviceCommandFailed:
        return None


def _joined_sources(sources: dict[str, str]) -> str:
    return "+".join(dict.fromkeys(sources.values())) or "none"


def collect_charging(ctx: CollectionContext) -> FunctionResult | None:
    state = _dumpsys_battery(ctx.gate)
    if state is None:
        return None
    data = {
        "status": state.status,
        "level": state.percent,
        "ac_powered": state.ac_powered,
        "usb_powered": state.usb_powered,
        "wireless_powered": state.wireless_powered,
        "charging_state": state.charging_state,
        "charging_policy": state.charging_policy,
        "voltage_mv": state.voltage_mv,
        "temperature_c": state.temperature_c,
        "health": state.health,
    }
    sources = {k: ReadingSource.DUMPSYS_BATTERY.value for k, v in data.items() if v is not None}
    history = _parsed_text(ctx, "dumpsys batterystats --checkin", ctx.gate.charge_history_text, parse_charge_history)
    if history is not None:
        data["history"] = dataclasses.asdict(history)
        sources["history"] = "batterystats --checkin"
    data["sources"] = sources
    return FunctionResult(("battery_record",), _joined_sources(sources), data)


# --- logs --------------------------------------------------------------------------------------------


def collect_logs(ctx: CollectionContext) -> FunctionResult | None:
    try:
        text = ctx.gate.logcat_text(LOGCAT_LINES)
    except DeviceCommandFailed:
        ctx.notes.append(run_notes.LOGCAT_FAILED)
        return None
    fault = ctx.tool_json("software_fault")
    data = {"software_fault": fault, "raw_chars": len(text)}
    return FunctionResult(
        ("logs", "software_fault"), "logcat" + ("+diagnostic_tool" if fault else ""), data, log_text=text
    )


# --- display, network, bluetooth, camera, storage, software ---------------------------------------------
#
# Each reads the tool's schema-checked result first; where Android has a shell command for the same
# reading, that answers when the tool does not.  Every reading names its source in `sources`.


def _schema_result(ctx: CollectionContext, category: str) -> dict[str, Any] | None:
    """A category's tool result checked against its JSON Schema, or None (no tool, missing, invalid, unavailable)."""
    raw = ctx.tool_bytes(category)
    if raw is None:
        return None
    try:
        value = function_results.checked_result(category, raw)
    except OutputParseError:
        ctx.notes.append(run_notes.result_failed_checks(category))
        return None
    return None if value.get("available") is False else value


def _parsed_text(ctx: CollectionContext, what: str, read: Callable[[], str], parse: Callable[[str], Any]) -> Any:
    """A shell reading parsed, or None when the command failed or its answer is garbage (noted)."""
    try:
        return parse(read())
    except (DeviceCommandFailed, OutputTooLarge):
        return None
    except OutputParseError:
        ctx.notes.append(run_notes.answer_unreadable(what))
        return None


def _software_info(ctx: CollectionContext) -> dict[str, Any] | None:
    if "software_info" not in ctx.cache:
        ctx.cache["software_info"] = _schema_result(ctx, "software_info")
    else:
        ctx.gate.require(("software_info",), "tool_result")  # cached, but still only with consent
    return ctx.cache["software_info"]


def collect_display(ctx: CollectionContext) -> FunctionResult | None:
    found = function_results.display_result(_software_info(ctx) or {})
    if found is None:
        return None
    data: dict[str, Any] = {
        "touch_detections": list(found.touch_detections),
        "dead_pixels": found.dead_pixels,
        "brightness_control": found.brightness_control,
    }
    data["sources"] = {k: TOOL for k, v in data.items() if v is not None}
    return FunctionResult(("software_info",), TOOL, data)


def collect_network(ctx: CollectionContext) -> FunctionResult | None:
    tool = _schema_result(ctx, "network_record")
    if tool is not None and tool.get("slots"):
        data: dict[str, Any] = {"slots": tool["slots"], "wifi": tool.get("wifi"), "sources": {"slots": TOOL}}
        if tool.get("wifi") is not None:
            data["sources"]["wifi"] = TOOL
        return FunctionResult(FUNCTIONS["network"].categories, TOOL, data)
    slots = _parsed_text(ctx, "dumpsys telephony.registry", ctx.gate.telephony_text, parse_telephony_registry)
    sims = _parsed_text(ctx, "gsm.sim.state", ctx.gate.sim_state_text, parse_sim_states) or ()
    wifi = _parsed_text(ctx, "dumpsys wifi", ctx.gate.wifi_text, parse_wifi_state)
    if not slots and not sims and wifi is None:
        return None
    data = {"slots": _slot_rows(slots or (), sims), "wifi": None, "sources": {}}
    data["sources"]["slots"] = "+".join(n for n, v in (("telephony.registry", slots), ("gsm.sim.state", sims)) if v)
    if wifi is not None:
        data["wifi"] = {"enabled": wifi.enabled, "connected": wifi.connected, "rssi_dbm": wifi.rssi_dbm}
        data["sources"]["wifi"] = "dumpsys wifi"
    return FunctionResult(FUNCTIONS["network"].categories, "shell", data)


def _slot_rows(slots: tuple[SlotSignal, ...], sims: tuple[str, ...]) -> list[dict[str, Any]]:
    by_slot = {s.slot: s for s in slots}
    rows = []
    for index in range(max(len(sims), max(by_slot, default=-1) + 1)):
        signal = by_slot.get(index)
        rows.append(
            {
                "slot": index,
                "sim_state": sims[index] if index < len(sims) else "unknown",
                "service_state": signal.service_state if signal else "unknown",
                "signal_level": signal.signal_level if signal else None,
                "signal_dbm": signal.signal_dbm if signal else None,
                "data_connected": signal.data_connected if signal else None,
            }
        )
    return rows


def collect_bluetooth(ctx: CollectionContext) -> FunctionResult | None:
    tool = _schema_result(ctx, "bluetooth_record")
    if not tool or set(tool) <= {"available"}:
        return None
    data = {k: tool.get(k) for k in ("enabled", "switch_test", "paired_devices", "scan_found")}
    data["sources"] = {k: TOOL for k, v in data.items() if v is not None}
    return FunctionResult(("bluetooth_record",), TOOL, data)


def collect_camera(ctx: CollectionContext) -> FunctionResult | None:
    tool = _schema_result(ctx, "camera_startup")
    ctx.gate.require(("photo_record",), "tool_result")  # the function's other category: read by nothing here
    cameras = function_results.camera_results(tool or {})
    if not cameras:
        return None
    data = {
        "cameras": [{"id": c.camera_id, "facing": c.facing, "started": c.started, "focus": c.focus} for c in cameras],
        "sources": {"cameras": TOOL},
    }
    return FunctionResult(("camera_startup",), TOOL, data)


def collect_storage(ctx: CollectionContext) -> FunctionResult | None:
    tool = function_results.storage_result(_software_info(ctx) or {})
    chip = None
    if tool is not None:
        total, free, chip = tool
        source = TOOL
    else:
        space = _parsed_text(ctx, "dumpsys diskstats", ctx.gate.diskstats_text, parse_diskstats)
        source = "dumpsys diskstats"
        if space is None:
            space, source = _parsed_text(ctx, "df /data", ctx.gate.df_data_text, parse_df_data), "df"
        if space is None:
            return None
        total, free = space.total_bytes, space.free_bytes
    data: dict[str, Any] = {
        "total_bytes": total,
        "free_bytes": free,
        "used_percent": round((total - free) / total * 100.0, 1),
        "chip_health_percent": chip,
    }
    data["sources"] = {k: (TOOL if k == "chip_health_percent" else source) for k, v in data.items() if v is not None}
    return FunctionResult(("software_info",), source, data)


def collect_software(ctx: CollectionContext) -> FunctionResult | None:
    system = function_results.system_result(_software_info(ctx) or {})
    data: dict[str, Any] = {"fingerprint": None, "security_patch": None, "android_release": None, "sources": {}}
    if system is not None:
        for key in ("fingerprint", "security_patch", "android_release"):
            if getattr(system, key) is not None:
                data[key], data["sources"][key] = getattr(system, key), TOOL
    for key, prop in zip(("fingerprint", "security_patch", "android_release"), SOFTWARE_PROPERTIES, strict=True):
        if data[key] is None:
            value = _parsed_text(
                ctx, f"getprop {prop}", functools.partial(ctx.gate.software_property, prop), _short_value
            )
            if value:
                data[key], data["sources"][key] = value, "getprop"
    if not data["sources"]:
        return None
    return FunctionResult(("software_info",), _joined_sources(data["sources"]), data)


def _short_value(text: str) -> str | None:
    value = text.strip()
    if len(value) > 256 or not value.isprintable():
        raise OutputParseError("getprop: not a short printable value")
    return value or None


#: The collector of every diagnostic function of the catalogue.
COLLECTORS: dict[str, Callable[[CollectionContext], FunctionResult | None]] = {
    "identity": collect_identity,
    "battery": collect_battery,
    "charging": collect_charging,
    "display": collect_display,
    "network": collect_network,
    "bluetooth": collect_bluetooth,
    "camera": collect_camera,
    "logs": collect_logs,
    "storage": collect_storage,
    "software": collect_software,
}
assert set(COLLECTORS) == set(FUNCTIONS), "every catalogue function needs a collector"

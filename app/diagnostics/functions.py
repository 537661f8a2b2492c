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

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.core.battery_verdict import BatteryReadings, Reading, ReadingSource
from app.core.identifiers import IdentifierError, Imei, parse_imei
from app.core.localized import LocalizedText
from app.core.privacy_catalogue import FUNCTIONS
from app.device.errors import DeviceCommandFailed, OutputTooLarge, TransferFailed
from app.device.parsers import OutputParseError
from app.device.parsers.tool_results import (
    load_result_json,
    parse_battery_record_result,
    parse_device_info_result,
)
from app.device.session import RemoteFileMissing
from app.diagnostics import notes as run_notes
from app.diagnostics.gate import ConsentGate

log = logging.getLogger(__name__)

#: How many log lines the `logs` function asks the phone for.
LOGCAT_LINES = 50_000


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
    }
    return FunctionResult(("battery_record",), ReadingSource.DUMPSYS_BATTERY.value, data)


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


# --- functions only the tool can answer ---------------------------------------------------------------


def _tool_only(function: str) -> Callable[[CollectionContext], FunctionResult | None]:
    categories = FUNCTIONS[function].categories

    def collect(ctx: CollectionContext) -> FunctionResult | None:
        found = {category: ctx.tool_json(category) for category in categories}
        present = tuple(c for c, value in found.items() if value is not None)
        if not present:
            return None
        return FunctionResult(present, "diagnostic_tool", {c: found[c] for c in present})

    collect.__name__ = f"collect_{function}"
    return collect


#: The collector of every diagnostic function of the catalogue.
COLLECTORS: dict[str, Callable[[CollectionContext], FunctionResult | None]] = {
    "identity": collect_identity,
    "battery": collect_battery,
    "charging": collect_charging,
    "display": _tool_only("display"),
    "network": _tool_only("network"),
    "bluetooth": _tool_only("bluetooth"),
    "camera": _tool_only("camera"),
    "logs": collect_logs,
    "storage": _tool_only("storage"),
    "software": _tool_only("software"),
}
assert set(COLLECTORS) == set(FUNCTIONS), "every catalogue function needs a collector"

"""The Diagnostic Tool's result files (`<category>.json`), checked before anything stores them.

The tool runs on the customer's phone, so its files are untrusted like any other
output: size-bounded, strict JSON (no NaN, no duplicate keys), expected types
and ranges, IMEIs check-digit verified.  Categories other than `device_info` and
`battery_record` are returned as checked JSON objects for the diagnostics flow.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.core.identifiers import IdentifierError, Imei, parse_imei
from app.device.parsers import OutputParseError

MAX_RESULT_BYTES = 2 * 1024 * 1024
_MAX_DEPTH = 32


@dataclass(frozen=True)
class DeviceInfoResult:
    imeis: tuple[Imei, ...]
    serial: str
    model: str
    software_version: str


@dataclass(frozen=True)
class BatteryRecordResult:
    health_percent: int
    cycle_count: int
    design_capacity_mah: int
    full_charge_capacity_mah: int


def load_result_json(data: bytes) -> dict[str, Any]:
    """A result file's JSON object; OutputParseError for anything else."""
    if not isinstance(data, bytes) or len(data) > MAX_RESULT_BYTES:
        raise OutputParseError("tool result: not bytes or too large")
    try:
        value = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise OutputParseError("tool result: not valid JSON") from exc
    if not isinstance(value, dict):
        raise OutputParseError("tool result: not a JSON object")
    if _depth(value) > _MAX_DEPTH:
        raise OutputParseError("tool result: nested too deeply")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _depth(value: Any, level: int = 0) -> int:
    if level > _MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max([_depth(v, level + 1) for v in value.values()] or [level])
    if isinstance(value, list):
        return max([_depth(v, level + 1) for v in value] or [level])
    return level


def _text(value: dict[str, Any], key: str, limit: int = 128) -> str:
    field = value.get(key)
    if not isinstance(field, str) or not field or len(field) > limit or not field.isprintable():
        raise OutputParseError(f"tool result: {key} missing or not a short text")
    return field


def _number(value: dict[str, Any], key: str, low: int, high: int) -> int:
    field = value.get(key)
    if isinstance(field, bool) or not isinstance(field, int) or not low <= field <= high:
        raise OutputParseError(f"tool result: {key} missing or out of range")
    return field


def parse_device_info_result(data: bytes) -> DeviceInfoResult:
    value = load_result_json(data)
    imeis = value.get("imei")
    if not isinstance(imeis, list) or not 1 <= len(imeis) <= 4 or not all(isinstance(i, str) for i in imeis):
        raise OutputParseError("tool result: imei must be a list of 1-4 texts")
    try:
        checked = tuple(parse_imei(i) for i in imeis)
    except IdentifierError as exc:
        raise OutputParseError(f"tool result: {exc}") from exc
    return DeviceInfoResult(
        checked, _text(value, "serial", 64), _text(value, "model", 64), _text(value, "software_version")
    )


def parse_battery_record_result(data: bytes) -> BatteryRecordResult:
    value = load_result_json(data)
    record = BatteryRecordResult(
        health_percent=_number(value, "health_percent", 0, 100),
        cycle_count=_number(value, "cycle_count", 0, 100_000),
        design_capacity_mah=_number(value, "design_capacity_mah", 1, 100_000),
        full_charge_capacity_mah=_number(value, "full_charge_capacity_mah", 0, 100_000),
    )
    if record.full_charge_capacity_mah > record.design_capacity_mah * 2:
        raise OutputParseError("tool result: full charge capacity is implausible for the design capacity")
    return record

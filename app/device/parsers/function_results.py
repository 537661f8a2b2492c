"""The Diagnostic Tool's result files for display, storage, software, network, Bluetooth and camera.

Each `<category>.json` is checked against its published JSON Schema
(`resources/diagtool/schemas/<category>.schema.json`: types, ranges, lengths,
no unknown fields) after `load_result_json`'s size, depth and strict-JSON
checks, and only then mapped to a typed record.  The schema is the contract
with the tool's maker; a file that breaks it is refused whole (OutputParseError),
never half-read.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.reference_data import default_resources_dir
from app.device.parsers import OutputParseError
from app.device.parsers.tool_results import load_result_json

#: The categories whose tool result has a published schema.
SCHEMA_CATEGORIES = ("software_info", "network_record", "bluetooth_record", "camera_startup")


def schema_path(category: str) -> Path:
    return default_resources_dir() / "diagtool" / "schemas" / f"{category}.schema.json"


@functools.cache
def _validator(category: str) -> Any:
    import jsonschema

    schema = json.loads(schema_path(category).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def checked_result(category: str, data: bytes) -> dict[str, Any]:
    """The result object when it keeps to its schema; OutputParseError naming the first problem."""
    value = load_result_json(data)
    problem = next(iter(_validator(category).iter_errors(value)), None)
    if problem is not None:
        where = "/".join(str(part) for part in problem.absolute_path) or "(top)"
        raise OutputParseError(f"tool result {category}: {where}: {problem.validator} check failed")
    return value


@dataclass(frozen=True)
class DisplayResult:
    touch_detections: tuple[str, ...]
    dead_pixels: int | None
    brightness_control: str | None


@dataclass(frozen=True)
class SystemResult:
    fingerprint: str | None
    security_patch: str | None
    android_release: str | None


@dataclass(frozen=True)
class CameraResult:
    camera_id: str
    facing: str
    started: bool
    focus: str | None


def display_result(value: dict[str, Any]) -> DisplayResult | None:
    section = value.get("display")
    if section is None:
        return None
    return DisplayResult(
        tuple(section["touch_detections"]), section.get("dead_pixels"), section.get("brightness_control")
    )


def storage_result(value: dict[str, Any]) -> tuple[int, int, int | None] | None:
    """(total bytes, free bytes, chip health percent or None)."""
    section = value.get("storage")
    if section is None:
        return None
    if section["free_bytes"] > section["total_bytes"]:
        raise OutputParseError("tool result software_info: storage free is more than its total")
    return section["total_bytes"], section["free_bytes"], section.get("chip_health_percent")


def system_result(value: dict[str, Any]) -> SystemResult | None:
    section = value.get("system")
    if section is None:
        return None
    return SystemResult(section.get("fingerprint"), section.get("security_patch"), section.get("android_release"))


def camera_results(value: dict[str, Any]) -> tuple[CameraResult, ...]:
    return tuple(
        CameraResult(item["id"], item["facing"], item["started"], item.get("focus"))
        for item in value.get("cameras", [])
    )

"""`getprop` output: `[key]: [value]` lines, where a value may span several lines."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from app.device.parsers import OutputParseError, checked_text

_RECORD_START = re.compile(r"\[([A-Za-z0-9_.\-:@]{1,256})\]: \[(.*)\Z", re.DOTALL)
#: Properties a counter needs, in the order the software version is looked for (vendor first).
SOFTWARE_VERSION_KEYS = (
    "ro.build.display.id.show",
    "ro.build.display.id",
    "ro.build.version.oplusrom.display",
    "ro.build.version.oplusrom",
    "ro.build.version.opporom",
    "ro.build.version.realmeui",
    "ro.rom.version",
    "ro.build.version.incremental",
)
_MAX_PROPERTIES = 20_000


@dataclass(frozen=True)
class Properties:
    """System properties read from a phone (read-only mapping)."""

    values: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, key: str, default: str = "") -> str:
        return self.values.get(key, default)

    def __len__(self) -> int:
        return len(self.values)


@dataclass(frozen=True)
class BuildInfo:
    """What identifies a phone and its software, from its properties."""

    serial: str
    model: str
    brand: str
    manufacturer: str
    device: str
    android_release: str
    sdk: int | None
    software_version: str
    vendor_rom: str


def parse_getprop(text: str) -> Properties:
    """All `[key]: [value]` records; a value runs until the `]` that ends its last line.

    Lines before the first record and lines after a finished record that do not
    start a new one (noise some shells print) are skipped.
    """
    text = checked_text(text, "getprop")
    values: dict[str, str] = {}
    key: str | None = None
    parts: list[str] = []
    for line in text.splitlines():
        match = _RECORD_START.match(line)
        if match and (key is None or _finished(parts)):
            _store(values, key, parts)
            key, parts = match.group(1), [match.group(2)]
        elif key is not None and not _finished(parts):
            parts.append(line)
        if len(values) > _MAX_PROPERTIES:
            raise OutputParseError("getprop: too many properties")
    _store(values, key, parts)
    if text.strip() and not values:
        raise OutputParseError("getprop: no [key]: [value] records")
    return Properties(MappingProxyType(values))


def _finished(parts: list[str]) -> bool:
    return bool(parts) and parts[-1].endswith("]")


def _store(values: dict[str, str], key: str | None, parts: list[str]) -> None:
    if key is None or not _finished(parts):
        return  # a record cut off in the middle is dropped, not guessed at
    values[key] = "\n".join(parts)[:-1]


def parse_getprop_value(text: str) -> str:
    """The answer of `getprop KEY`: the value followed by a newline (empty when unset)."""
    text = checked_text(text, "getprop value", limit=1024 * 1024)
    return text[:-1] if text.endswith("\n") else text


def build_info(props: Properties) -> BuildInfo:
    """Identity and software version, with the vendor ROM version where the phone has one."""
    sdk_text = props.get("ro.build.version.sdk")
    return BuildInfo(
        serial=props.get("ro.serialno") or props.get("ro.boot.serialno"),
        model=props.get("ro.product.model"),
        brand=props.get("ro.product.brand"),
        manufacturer=props.get("ro.product.manufacturer"),
        device=props.get("ro.product.device"),
        android_release=props.get("ro.build.version.release"),
        sdk=int(sdk_text) if sdk_text.isascii() and sdk_text.isdigit() and len(sdk_text) < 6 else None,
        software_version=next((props.get(k) for k in SOFTWARE_VERSION_KEYS if props.get(k)), ""),
        vendor_rom=_vendor_rom(props),
    )


def _vendor_rom(props: Properties) -> str:
    for key, name in (
        ("ro.build.version.oplusrom", "ColorOS"),
        ("ro.build.version.opporom", "ColorOS"),
        ("ro.build.version.realmeui", "realme UI"),
        ("ro.oxygen.version", "OxygenOS"),
    ):
        if props.get(key):
            return f"{name} {props.get(key)}"
    return ""

"""`dumpsys package <pkg>` and `pm list packages --show-versioncode`.

An updated system app appears twice in `dumpsys package`: once under `Packages:`
(the installed update) and once under `Hidden system packages:` (the factory
image).  The installed version is the first; the hidden one is kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.device.parsers import OutputParseError, checked_text, int_or_none

_PACKAGE_NAME = r"[A-Za-z][A-Za-z0-9_]{0,127}(?:\.[A-Za-z0-9_]{1,127}){0,31}"
PACKAGE_NAME = re.compile(rf"\A{_PACKAGE_NAME}\Z")
_BLOCK_START = re.compile(rf"\A  Package \[({_PACKAGE_NAME})\] \([0-9a-f]{{1,16}}\):\Z")
_VERSION_CODE = re.compile(r"\A\s+versionCode=(\d{1,19})(?: minSdk=(\d{1,5}))?(?: targetSdk=(\d{1,5}))?")
_VERSION_NAME = re.compile(r"\A\s+versionName=(.{0,128})\Z")
_SECTIONS = {"Packages:": False, "Hidden system packages:": True}
_MAX_BLOCKS = 5_000


@dataclass(frozen=True)
class PackageRecord:
    """One `Package [name]` block of `dumpsys package`."""

    name: str
    version_code: int | None
    version_name: str
    min_sdk: int | None
    target_sdk: int | None
    hidden_system: bool


@dataclass(frozen=True)
class PackageDump:
    """All package blocks in a `dumpsys package` answer."""

    packages: tuple[PackageRecord, ...]
    hidden_system_packages: tuple[PackageRecord, ...]

    def installed(self, name: str) -> PackageRecord | None:
        """The installed (not the hidden factory) record of `name`, or None when not installed."""
        return next((p for p in self.packages if p.name == name), None)


def parse_dumpsys_package(text: str) -> PackageDump:
    """Package blocks with their version code and name, split by section."""
    text = checked_text(text, "dumpsys package")
    records: list[PackageRecord] = []
    hidden = False
    current: dict[str, object] | None = None
    for line in text.splitlines():
        if line in _SECTIONS:
            _close(records, current)
            current, hidden = None, _SECTIONS[line]
            continue
        start = _BLOCK_START.match(line)
        if start:
            _close(records, current)
            current = {"name": start.group(1), "hidden_system": hidden}
            if len(records) > _MAX_BLOCKS:
                raise OutputParseError("dumpsys package: too many package blocks")
        elif current is not None:
            _read_field(current, line)
    _close(records, current)
    return PackageDump(
        packages=tuple(r for r in records if not r.hidden_system),
        hidden_system_packages=tuple(r for r in records if r.hidden_system),
    )


def _read_field(current: dict[str, object], line: str) -> None:
    code = _VERSION_CODE.match(line)
    if code and "version_code" not in current:
        current["version_code"] = int(code.group(1))
        current["min_sdk"] = int_or_none(code.group(2))
        current["target_sdk"] = int_or_none(code.group(3))
        return
    name = _VERSION_NAME.match(line)
    if name and "version_name" not in current:
        current["version_name"] = name.group(1).strip()


def _close(records: list[PackageRecord], current: dict[str, object] | None) -> None:
    if current is None:
        return
    records.append(
        PackageRecord(
            name=str(current["name"]),
            version_code=current.get("version_code"),  # type: ignore[arg-type]
            version_name=str(current.get("version_name", "")),
            min_sdk=current.get("min_sdk"),  # type: ignore[arg-type]
            target_sdk=current.get("target_sdk"),  # type: ignore[arg-type]
            hidden_system=bool(current["hidden_system"]),
        )
    )


@dataclass(frozen=True)
class ListedPackage:
    """One line of `pm list packages`: `package:[<path>=]<pkg>[ versionCode:<n>][  installer=<x>][ uid:<n>]`."""

    name: str
    version_code: int | None = None
    source_dir: str = ""
    installer: str = ""
    uid: int | None = None


_LIST_TAIL = re.compile(r"(?: versionCode:(\d{1,19}))?(?:  installer=(\S{1,128}))?(?: uid:(\d{1,10}))?\Z")


def parse_package_list(text: str) -> tuple[ListedPackage, ...]:
    """Every `package:` line; other lines (warnings) are skipped, a bad `package:` line is an error."""
    text = checked_text(text, "pm list packages")
    found: list[ListedPackage] = []
    for line in text.splitlines():
        if line.startswith("package:"):
            found.append(_listed_package(line[len("package:") :].rstrip("\r")))
    return tuple(found)


def _listed_package(rest: str) -> ListedPackage:
    head, _, _ = rest.partition(" ")
    tail = _LIST_TAIL.search(rest, len(head))
    if tail is None or tail.start() != len(head):
        raise OutputParseError("pm list packages: unexpected fields after the package name")
    source_dir, _, name = head.rpartition("=")  # source dirs contain '=' since Android 11: split on the last
    if not PACKAGE_NAME.match(name):
        raise OutputParseError("pm list packages: not a package name")
    return ListedPackage(
        name=name,
        version_code=int_or_none(tail.group(1)),
        source_dir=source_dir[:512],
        installer=tail.group(2) or "",
        uid=int_or_none(tail.group(3)),
    )

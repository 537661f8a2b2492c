"""Which phone a ticket is for: what a plugged phone says about itself, and where the intake gets it.

The identifiers themselves (IMEI, TAC, scans of box labels) are parsed and checked in
`app.core.identifiers`; a phone's own report is untrusted and cleaned here before use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from app.core.identifiers import is_valid_imei


@dataclass(frozen=True)
class DeviceIdentity:
    """What a plugged phone says about itself (every field may be missing)."""

    model: str | None
    imeis: tuple[str, ...]
    serial: str | None
    software_version: str | None


@runtime_checkable
class DeviceIdentitySource(Protocol):
    """Where the intake gets a plugged phone's identity (the diagnostics service implements it).

    Returns None when no phone is plugged in or it cannot be read; the
    intake then asks for a scanned or typed IMEI.
    """

    def read_identity(self) -> DeviceIdentity | None: ...


@dataclass(frozen=True)
class FixedIdentitySource:
    """A source that always answers the same (demo mode, tests, a phone read once elsewhere)."""

    identity: DeviceIdentity | None

    def read_identity(self) -> DeviceIdentity | None:
        return self.identity


def checked_identity(identity: DeviceIdentity) -> DeviceIdentity:
    """A phone's own report is untrusted too: keep only valid IMEIs and bounded texts."""

    def bounded(value: str | None) -> str | None:
        if value is None:
            return None
        cleaned = "".join(ch for ch in value.strip() if ch.isprintable())[:64]
        return cleaned or None

    imeis = tuple(i for i in dict.fromkeys(identity.imeis) if is_valid_imei(i))[:2]
    return DeviceIdentity(bounded(identity.model), imeis, bounded(identity.serial), bounded(identity.software_version))

"""Which phone a ticket is for: IMEIs typed, scanned or read from a plugged phone.

An IMEI is 15 digits whose last is a Luhn check digit; the first 8 are the
TAC (type allocation code), which names the model.  A scanner reading the
box label may send extra text ("IMEI1: 86...", both IMEIs of a dual-SIM
phone on one line, an IMEISV with 16 digits), so `imeis_in_scan` pulls out
every valid IMEI it finds and nothing else.  Everything here is pure and
bounded: scanned text is untrusted input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol, runtime_checkable

IMEI_LENGTH = 15
TAC_LENGTH = 8
#: Longest scanner or typed text looked at; a box label with two IMEIs and words fits easily.
MAX_SCAN_LENGTH = 256
_DIGIT_RUN = re.compile(r"\d{14,17}")


class InvalidImei(ValueError):
    """Text that is not a valid IMEI; `reason` says which rule it broke, in English."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"{text[:32]!r} is not a valid IMEI: {reason}")
        self.reason = reason


def luhn_check_digit(body: str) -> str:
    """The check digit that makes `body` + digit Luhn-valid (body is the first 14 IMEI digits)."""
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def normalise_imei(text: str) -> str:
    """Typed text to a checked 15-digit IMEI; spaces, dashes and slashes are allowed, nothing else.

    Raises InvalidImei saying whether the length or the check digit is wrong,
    so the person knows whether a digit is missing or mistyped.
    """
    if len(text) > MAX_SCAN_LENGTH:
        raise InvalidImei(text, "too long")
    digits = re.sub(r"[\s\-/]", "", text)
    if not digits.isascii() or not digits.isdigit():
        raise InvalidImei(text, "only digits are allowed")
    if len(digits) != IMEI_LENGTH:
        raise InvalidImei(text, f"it has {len(digits)} digits, an IMEI has {IMEI_LENGTH}")
    if luhn_check_digit(digits[:-1]) != digits[-1]:
        raise InvalidImei(text, "the check digit does not match (a digit is mistyped)")
    return digits


def is_valid_imei(text: str) -> bool:
    try:
        normalise_imei(text)
    except InvalidImei:
        return False
    return True


def imeis_in_scan(text: str) -> tuple[str, ...]:
    """Every valid IMEI in a scanned string, in order, duplicates dropped.

    A 16- or 17-digit run (IMEISV, or an IMEI glued to a check field) yields
    its first 15 digits when those are a valid IMEI.
    """
    found: list[str] = []
    for run in _DIGIT_RUN.findall(text[:MAX_SCAN_LENGTH]):
        candidate = run[:IMEI_LENGTH]
        if len(candidate) == IMEI_LENGTH and is_valid_imei(candidate) and candidate not in found:
            found.append(candidate)
    return tuple(found)


#: Model hints by TAC for the models the outlet network services (the demo catalogue's).
DEFAULT_TAC_MODELS: Mapping[str, str] = MappingProxyType(
    {
        "86095502": "RC-X1",
        "35209900": "RC-X2 Pro",
        "86123405": "RC-X2 Pro",
        "86123404": "RC-A5",
        "86411205": "PHN110",
        "86720305": "CPH2581",
        "35391811": "RMX3851",
        "86945406": "PJD110",
    }
)


@dataclass(frozen=True)
class TacCatalogue:
    """TAC to model, from the built-in hints and whatever the benefit registry knows."""

    models: Mapping[str, str] = field(default_factory=lambda: DEFAULT_TAC_MODELS)

    @classmethod
    def with_registry(cls, registered: Iterable[tuple[str, str]]) -> TacCatalogue:
        """Add (IMEI, model) pairs, e.g. from the care-benefit registry."""
        merged = dict(DEFAULT_TAC_MODELS)
        for imei, model in registered:
            merged.setdefault(imei[:TAC_LENGTH], model)
        return cls(MappingProxyType(merged))

    def model_hint(self, imei: str) -> str | None:
        """The model this IMEI's TAC belongs to, when known (a hint: the person confirms it)."""
        return self.models.get(imei[:TAC_LENGTH]) if len(imei) >= TAC_LENGTH else None


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

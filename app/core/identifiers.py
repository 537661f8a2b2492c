"""Handset identifiers: IMEI, IMEI-SV and TAC.

Every identifier that reaches a ticket comes from an untrusted source (a phone's
output, a scanned box label, a person typing), so each one is parsed here into a
frozen dataclass and its check digit verified.  Anything else raises
`IdentifierError`, a `ValueError`, so callers can tell "not an identifier" from a bug.

Formats (3GPP TS 23.003):

- IMEI: 15 decimal digits = TAC (8) + serial (6) + Luhn check digit (1).
- IMEI-SV: 16 decimal digits = TAC (8) + serial (6) + software version (2), no check digit.
- TAC: the 8-digit type allocation code that starts an IMEI; it names the model.

This is the one identifiers module: tickets, diagnostics, the scanner and the UI all
parse and check identifiers here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: Separators people and labels put inside identifiers ("35-209900-176148-1", "35 209900 176148 1").
_SEPARATORS = re.compile(r"[\s\-./]")
#: Longer than any identifier with separators; anything longer is not worth parsing.
_MAX_INPUT = 64


class IdentifierError(ValueError):
    """The text is not a valid identifier of the asked kind (wrong length, characters or check digit).

    `reason` is English; `code` ("wrong_length", "check_digit", ...) and `digits` let a GUI word it.
    """

    def __init__(self, kind: str, reason: str, code: str = "invalid", digits: int | None = None) -> None:
        super().__init__(f"not a valid {kind}: {reason}")
        self.kind = kind
        self.reason = reason
        self.code = code
        self.digits = digits


def _compact(text: object, kind: str) -> str:
    """The text without separators, or IdentifierError when it cannot be one."""
    if not isinstance(text, str):
        raise IdentifierError(kind, "not text")
    if len(text) > _MAX_INPUT:
        raise IdentifierError(kind, "too long", "too_long")
    return _SEPARATORS.sub("", text.strip())


def luhn_check_digit(body: str, base: int = 10) -> int:
    """The Luhn check digit that completes `body` (digits in `base`, 10 or 16)."""
    total = 0
    for position, char in enumerate(reversed(body)):
        value = int(char, base)
        if position % 2 == 0:  # the digit next to the (future) check digit is doubled
            value *= 2
            value = value // base + value % base
        total += value
    return (base - total % base) % base


def luhn_is_valid(number: str) -> bool:
    """True when the last decimal digit of `number` is its Luhn check digit."""
    if not number.isascii() or not number.isdigit() or len(number) < 2:
        return False
    return luhn_check_digit(number[:-1]) == int(number[-1])


@dataclass(frozen=True)
class Tac:
    """Type allocation code: the first 8 digits of an IMEI; names the maker and model."""

    digits: str

    def __str__(self) -> str:
        return self.digits


@dataclass(frozen=True)
class Imei:
    """A check-digit-verified 15-digit IMEI."""

    digits: str

    @property
    def tac(self) -> Tac:
        return Tac(self.digits[:8])

    @property
    def serial_number(self) -> str:
        return self.digits[8:14]

    @property
    def check_digit(self) -> int:
        return int(self.digits[14])

    def masked(self) -> str:
        """The IMEI with the serial hidden, as printed on slips: TAC kept, last 4 digits shown."""
        return self.digits[:8] + "***" + self.digits[11:]

    def __str__(self) -> str:
        return self.digits


@dataclass(frozen=True)
class ImeiSv:
    """A 16-digit IMEI software version: TAC, serial and a 2-digit software version number."""

    digits: str

    @property
    def tac(self) -> Tac:
        return Tac(self.digits[:8])

    @property
    def software_version(self) -> str:
        return self.digits[14:16]

    @property
    def imei(self) -> Imei:
        """The IMEI of the same handset (the check digit is computed, IMEI-SV has none)."""
        body = self.digits[:14]
        return Imei(body + str(luhn_check_digit(body)))

    def __str__(self) -> str:
        return self.digits


IMEI_LENGTH = 15
TAC_LENGTH = 8


def parse_imei(text: str) -> Imei:
    """An IMEI from 15 digits (separators allowed); raises IdentifierError unless the Luhn digit matches.

    The reason says whether a digit is missing or mistyped, so the person knows what to fix.
    """
    digits = _compact(text, "IMEI")
    if not digits.isascii() or not digits.isdigit():
        raise IdentifierError("IMEI", "only digits are allowed", "not_digits")
    if len(digits) != IMEI_LENGTH:
        raise IdentifierError(
            "IMEI", f"it has {len(digits)} digits, an IMEI has {IMEI_LENGTH}", "wrong_length", len(digits)
        )
    if not luhn_is_valid(digits):
        raise IdentifierError("IMEI", "the check digit does not match (a digit is mistyped)", "check_digit")
    return Imei(digits)


def normalise_imei(text: str) -> str:
    """Typed or scanned text to its checked 15 IMEI digits; IdentifierError otherwise."""
    return parse_imei(text).digits


def is_valid_imei(text: str) -> bool:
    try:
        parse_imei(text)
    except IdentifierError:
        return False
    return True


def parse_imei_sv(text: str) -> ImeiSv:
    """An IMEI-SV from 16 digits (separators allowed)."""
    digits = _compact(text, "IMEI-SV")
    if len(digits) != 16 or not digits.isascii() or not digits.isdigit():
        raise IdentifierError("IMEI-SV", "an IMEI-SV has 16 digits")
    return ImeiSv(digits)


def parse_tac(text: str) -> Tac:
    """A TAC from 8 digits."""
    digits = _compact(text, "TAC")
    if len(digits) != 8 or not digits.isascii() or not digits.isdigit():
        raise IdentifierError("TAC", "a TAC has 8 digits")
    return Tac(digits)


def find_imeis(text: str, limit: int = 4) -> list[Imei]:
    """Luhn-valid IMEIs found as standalone 15-digit runs in free text (a box label, a modem reply).

    Bounded: at most `limit` results and only the first 4 KiB of text are looked at.
    """
    found: list[Imei] = []
    for match in re.finditer(r"(?<!\d)\d{15}(?!\d)", text[:4096]):
        if luhn_is_valid(match.group()) and Imei(match.group()) not in found:
            found.append(Imei(match.group()))
            if len(found) >= limit:
                break
    return found


#: Longest scanned text looked at; a box label with two IMEIs and words fits easily.
MAX_SCAN_LENGTH = 256
_DIGIT_RUN = re.compile(r"\d{14,17}")


def imeis_in_scan(text: str) -> tuple[str, ...]:
    """Every valid IMEI in a scanned box label, in order, duplicates dropped.

    Unlike `find_imeis`, a 16- or 17-digit run (an IMEI-SV, or an IMEI glued to a check
    field) yields its first 15 digits when those are a valid IMEI.
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

"""A spare part's label: what it says, and whether its maker's key signed it.  Pure: no I/O.

A serialised part carries a label (printed as a QR code or a Code 128 barcode; a keyboard-
wedge or serial scanner types it) of the form::

    RCP1|<part number>|<serial>|<key id>|<signature>

The signature is Ed25519, by the maker's key named by `key id`, over
``RCP1|<part number>|<serial>``, in unpadded base64url (86 characters).  The makers'
public keys are reference data (``resources/reference/part_makers.json``), so a label is
checked with no network.  A scan is untrusted input: its length is bounded before anything
else, and only the one strict form is accepted, so nothing odd reaches a log or the store.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "RCP1"
#: Longest label read; a real one is under 160 characters.
MAX_LABEL = 200
_LABEL = re.compile(
    r"^RCP1\|(?P<part>[A-Z0-9][A-Z0-9-]{0,31})\|(?P<serial>[A-Z0-9]{6,32})"
    r"\|(?P<key>[a-z0-9][a-z0-9-]{0,31})\|(?P<sig>[A-Za-z0-9_-]{86})$"
)
_KEY_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")
#: What a scanner may add around the label (the Enter a keyboard wedge types): taken off, nothing else.
_SCANNER_ENDS = "\r\n\t "


class LabelRefused(ValueError):
    """A label that is not a genuine part's; `reason` is stable for scripts and the window."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PartLabel:
    part_id: str
    serial: str
    key_id: str
    signature: bytes

    @property
    def signed_text(self) -> bytes:
        return signed_text(self.part_id, self.serial)


@dataclass(frozen=True, slots=True)
class MakerKeys:
    version: str
    keys: Mapping[str, Ed25519PublicKey]


def signed_text(part_id: str, serial: str) -> bytes:
    return f"{PREFIX}|{part_id}|{serial}".encode("ascii")


def parse_label(scanned: str) -> PartLabel:
    """The label's fields, or LabelRefused("malformed") for anything but the one strict form."""
    if len(scanned) > MAX_LABEL + len(_SCANNER_ENDS):
        raise LabelRefused(
            "malformed", f"The scan is {len(scanned)} characters long; a part label is at most {MAX_LABEL}."
        )
    text = scanned.strip(_SCANNER_ENDS)
    found = _LABEL.match(text) if len(text) <= MAX_LABEL else None
    if found is None:
        raise LabelRefused("malformed", "The scan is not a part label (RCP1|part|serial|key|signature).")
    try:
        signature = base64.urlsafe_b64decode(found["sig"] + "==")
    except (binascii.Error, ValueError):
        raise LabelRefused("malformed", "The label's signature is not base64url.") from None
    return PartLabel(found["part"], found["serial"], found["key"], signature)


def verify_label(scanned: str, makers: MakerKeys) -> PartLabel:
    """The label, if its maker's key signed exactly this part number and serial; else LabelRefused."""
    label = parse_label(scanned)
    key = makers.keys.get(label.key_id)
    if key is None:
        raise LabelRefused("unknown_maker", f"The label names key {label.key_id!r}, which is not a known maker's.")
    try:
        key.verify(label.signature, label.signed_text)
    except InvalidSignature:
        raise LabelRefused(
            "bad_signature", f"The label of {label.part_id} serial {label.serial} is not signed by its maker."
        ) from None
    return label


def make_label(part_id: str, serial: str, key_id: str, private: Ed25519PrivateKey) -> str:
    """A label as the maker prints it (for the maker's tools, the demo and the tests)."""
    signature = private.sign(signed_text(part_id, serial))
    encoded = base64.urlsafe_b64encode(signature).decode("ascii").rstrip("=")
    return f"{PREFIX}|{part_id}|{serial}|{key_id}|{encoded}"


def parse_maker_keys(data: Any, where: str = "part_makers.json") -> MakerKeys:
    """The makers' public keys from reference data; ValueError naming the place of a problem."""
    if not isinstance(data, dict) or data.get("format") != 1:
        raise ValueError(f"{where}: format must be 1")
    makers = data.get("makers")
    if not isinstance(makers, list) or not makers:
        raise ValueError(f"{where}: makers must be a non-empty list")
    keys: dict[str, Ed25519PublicKey] = {}
    for index, maker in enumerate(makers):
        place = f"{where}: makers[{index}]"
        key_id = maker.get("key_id") if isinstance(maker, dict) else None
        raw = maker.get("public_key") if isinstance(maker, dict) else None
        if not isinstance(key_id, str) or not _KEY_ID.match(key_id):
            raise ValueError(f"{place}.key_id: must be lowercase letters, digits and hyphens")
        keys[key_id] = _public_key(raw, place)
    return MakerKeys(str(data.get("version", "")), MappingProxyType(keys))


def pulled_maker_key(item: Any) -> tuple[str, Ed25519PublicKey | None]:
    """One `part_makers` item the upstream published: `{"key": KEY_ID, "public_key": BASE64}` adds or
    replaces a maker's key, `{"key": KEY_ID, "retired": true}` withdraws it (a leaked or expired key:
    labels signed by it are refused from then on).  ValueError naming the problem."""
    key_id = item.get("key") if isinstance(item, dict) else None
    place = f"part_makers {key_id!r}"
    if not isinstance(key_id, str) or not _KEY_ID.match(key_id):
        raise ValueError(f"{place}: key must be lowercase letters, digits and hyphens")
    if item.get("retired") is True:
        return key_id, None
    return key_id, _public_key(item.get("public_key"), place)


def with_pulled(shipped: MakerKeys, items: list[Any]) -> MakerKeys:
    """`shipped` with the pulled items applied in order (a later item for a key wins); an item that
    does not hold is left out whole, as every pulled reference item is."""
    keys = dict(shipped.keys)
    for item in items:
        try:
            key_id, key = pulled_maker_key(item)
        except ValueError:
            continue
        if key is None:
            keys.pop(key_id, None)
        else:
            keys[key_id] = key
    return MakerKeys(f"{shipped.version}+{len(items)}" if items else shipped.version, MappingProxyType(keys))


def _public_key(raw: object, place: str) -> Ed25519PublicKey:
    try:
        material = base64.b64decode(str(raw), validate=True)
        return Ed25519PublicKey.from_public_bytes(material)
    except (binascii.Error, ValueError):
        raise ValueError(f"{place}.public_key: must be a raw Ed25519 public key in base64") from None

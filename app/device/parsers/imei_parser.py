"""IMEI from `service call iphonesubinfo` (a libbinder Parcel hex dump) and old `dumpsys iphonesubinfo`.

The Parcel answer is `Result: Parcel(` then rows `0xOFFSET: w1 w2 w3 w4 'ascii'` and `)`.
Word 0 is the exception code (0 = none), word 1 the String16 length (0xffffffff = null),
then UTF-16 code units, two per little-endian word.  The hex words are decoded; the
ASCII column is ignored because it is only a preview.
"""

from __future__ import annotations

import re

from app.core.identifiers import IdentifierError, Imei, parse_imei
from app.device.parsers import OutputParseError, checked_text

_ROW = re.compile(r"\A\s*0x[0-9a-fA-F]{1,8}:((?:\s+[0-9a-fA-F]{8}){1,4})")
_NULL_STRING = 0xFFFFFFFF
_MAX_WORDS = 256


def parcel_words(text: str) -> list[int]:
    """The 32-bit words of a `Result: Parcel(...)` dump."""
    text = checked_text(text, "service call", limit=64 * 1024)
    if "Parcel(" not in text:
        raise OutputParseError("service call: no Parcel in the answer")
    words: list[int] = []
    for line in text.splitlines():
        row = _ROW.match(line)
        if row:
            words.extend(int(word, 16) for word in row.group(1).split())
        if len(words) > _MAX_WORDS:
            raise OutputParseError("service call: Parcel too long for an IMEI")
    return words


def parcel_string16(text: str) -> str | None:
    """The String16 a Parcel answer carries; None for a null string; OutputParseError for an exception."""
    words = parcel_words(text)
    if len(words) < 2:
        raise OutputParseError("service call: Parcel too short")
    if words[0] != 0:
        raise OutputParseError(f"service call: the phone answered with exception code {words[0]:#x}")
    length = words[1]
    if length == _NULL_STRING:
        return None
    units: list[int] = []
    for word in words[2:]:
        units.extend((word & 0xFFFF, word >> 16))  # little-endian: low half is the first code unit
    if length > len(units):
        raise OutputParseError("service call: String16 shorter than its length")
    try:
        return "".join(chr(unit) for unit in units[:length]).encode("utf-16", "surrogatepass").decode("utf-16")
    except (UnicodeError, ValueError) as exc:
        raise OutputParseError("service call: String16 is not valid UTF-16") from exc


def imei_from_parcel(text: str) -> Imei | None:
    """The IMEI a `service call iphonesubinfo` answer carries, check digit verified; None when null."""
    value = parcel_string16(text)
    if value is None or value == "":
        return None
    try:
        return parse_imei(value)
    except IdentifierError as exc:
        raise OutputParseError(f"service call: the answer is not an IMEI ({exc.reason})") from exc


_DEVICE_ID = re.compile(r"\A\s*Device ID = (\S{1,32})\s*\Z")


def imei_from_dumpsys_iphonesubinfo(text: str) -> Imei | None:
    """Android 4.4 and older: `Device ID = <imei>` in `dumpsys iphonesubinfo`."""
    text = checked_text(text, "dumpsys iphonesubinfo", limit=64 * 1024)
    for line in text.splitlines():
        match = _DEVICE_ID.match(line)
        if match:
            try:
                return parse_imei(match.group(1))
            except IdentifierError as exc:
                raise OutputParseError(f"dumpsys iphonesubinfo: Device ID is not an IMEI ({exc.reason})") from exc
    return None

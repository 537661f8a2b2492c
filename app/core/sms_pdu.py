"""SMS in PDU mode (3GPP TS 23.040 and 23.038): SMS-SUBMIT out, SMS-SUBMIT and SMS-STATUS-REPORT in.

The counter sends short messages through a GSM modem in PDU mode (`AT+CMGF=0`), so it
builds the transfer-layer bytes itself:

* text made only of characters that sit in the GSM 7-bit default alphabet goes as
  packed septets (160 per single message, 153 per part of a long one); anything
  else, Chinese included, goes as UCS2 (UTF-16 big-endian: 70 characters, 67 per
  part), never splitting a surrogate pair across parts;
* a long text is cut into parts that carry a user-data header with the 8-bit
  concatenation element (IEI 0x00: reference, total, sequence number), so the
  phone puts them back together;
* each part asks for a status report (TP-SRR), so the modem can pass on a
  delivery report (`+CDS`) where the network gives one;
* the SMSC field is a single 00 octet: the modem uses the centre stored on its SIM.

The decoders read what a modem sends back (a status report) and what the simulated
modem receives (a submit); both refuse malformed input with `PduError` instead of
guessing, because the bytes come from a device.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# The printable ASCII characters whose GSM default-alphabet code differs from ASCII;
# every other character of _GSM_SAME keeps its ASCII code (TS 23.038, 6.2.1).
_GSM_MOVED = {"@": 0x00, "$": 0x02, "_": 0x11}
_GSM_SAME = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 !\"#%&'()*+,-./:;<=>?\n\r")
_GSM_BACK = {code: char for char, code in _GSM_MOVED.items()}

DCS_GSM7 = 0x00
DCS_UCS2 = 0x08
#: TP-MTI values (the two low bits of the first octet).
MTI_SUBMIT = 0x01
MTI_STATUS_REPORT = 0x02
_SRR = 0x20
_UDHI = 0x40
_VPF_RELATIVE = 0x10
#: Relative validity 0xA7: 24 hours (TS 23.040 9.2.3.12.1: 12 h + (0xA7 - 143) x 30 min).
VALIDITY_24_HOURS = 0xA7
_CONCAT_8BIT = 0x00
_UDH_CONCAT_LENGTH = 6  # UDHL, IEI, IEDL, reference, total, sequence
MAX_USER_DATA = 140
#: Parts one message may take; the counter's templates are far shorter.
MAX_PARTS = 8
_MAX_ADDRESS_DIGITS = 20


class PduError(ValueError):
    """A PDU that cannot be built or read (a bad number, a text too long, malformed hex)."""


@dataclass(frozen=True)
class SubmitPdu:
    """One SMS-SUBMIT ready for `AT+CMGS=<tpdu_length>`: the hex to send after the prompt."""

    hex: str
    tpdu_length: int


@dataclass(frozen=True)
class Concatenation:
    reference: int
    total: int
    sequence: int


@dataclass(frozen=True)
class DecodedSubmit:
    number: str
    text: str
    dcs: int
    status_report_requested: bool
    concatenation: Concatenation | None


@dataclass(frozen=True)
class StatusReport:
    """A delivery report: TP-ST 0x00-0x1F means the message reached the phone (TS 23.040 9.2.3.15)."""

    message_reference: int
    recipient: str
    status: int

    @property
    def delivered(self) -> bool:
        return self.status < 0x20

    @property
    def still_trying(self) -> bool:
        return 0x20 <= self.status < 0x40


# --- alphabets ---------------------------------------------------------------------------------


def fits_gsm7(text: str) -> bool:
    return all(char in _GSM_SAME or char in _GSM_MOVED for char in text)


def _septets(text: str) -> list[int]:
    return [_GSM_MOVED.get(char, ord(char)) for char in text]


def _pack(septets: Sequence[int], fill_bits: int) -> bytes:
    """Septets packed low bit first, after `fill_bits` zero bits (the padding after a header)."""
    value = 0
    for index, septet in enumerate(septets):
        value |= septet << (fill_bits + 7 * index)
    bit_count = fill_bits + 7 * len(septets)
    return value.to_bytes((bit_count + 7) // 8, "little")


def _unpack(data: bytes, fill_bits: int, count: int) -> list[int]:
    value = int.from_bytes(data, "little") >> fill_bits
    return [(value >> (7 * index)) & 0x7F for index in range(count)]


def _gsm7_text(septets: Sequence[int]) -> str:
    chars = [_GSM_BACK.get(code, chr(code)) for code in septets]
    if any(char not in _GSM_SAME and char not in _GSM_MOVED for char in chars):
        raise PduError("The 7-bit text uses characters outside the subset this counter sends.")
    return "".join(chars)


def _utf16_units(text: str) -> list[bytes]:
    """The text as UCS2 characters, a character outside the BMP kept as one surrogate pair."""
    return [char.encode("utf-16-be") for char in text]


# --- addresses ---------------------------------------------------------------------------------


def _address(number: str) -> bytes:
    """TP-DA: digit count, type of address (0x91 international, 0x81 unknown), swapped semi-octets."""
    international = number.startswith("+")
    digits = number[1:] if international else number
    if not digits or not digits.isascii() or not digits.isdigit() or len(digits) > _MAX_ADDRESS_DIGITS:
        raise PduError("A phone number is 1 to 20 digits, with an optional leading +.")
    padded = digits + ("F" if len(digits) % 2 else "")
    swapped = "".join(padded[i + 1] + padded[i] for i in range(0, len(padded), 2))
    return bytes([len(digits), 0x91 if international else 0x81]) + bytes.fromhex(swapped)


def _read_address(data: bytes, at: int) -> tuple[str, int]:
    """(number, offset after the address) of an address field starting at `at`."""
    digit_count, kind = _byte(data, at), _byte(data, at + 1)
    octets = (digit_count + 1) // 2
    body = data[at + 2 : at + 2 + octets]
    if len(body) != octets or digit_count > _MAX_ADDRESS_DIGITS:
        raise PduError("The address field is cut short.")
    semi = "".join(f"{octet & 0x0F:X}{octet >> 4:X}" for octet in body)[:digit_count]
    if not semi.isdigit() and digit_count:
        raise PduError("The address holds something other than digits.")
    return ("+" if kind & 0x70 == 0x10 else "") + semi, at + 2 + octets


def _byte(data: bytes, at: int) -> int:
    if at >= len(data):
        raise PduError("The PDU ends early.")
    return data[at]


# --- SMS-SUBMIT ---------------------------------------------------------------------------------


def _chunks(text: str) -> tuple[int, Sequence[Sequence[int]]]:
    """(DCS, parts) with each part as septets (GSM 7-bit) or UCS2 bytes."""
    if fits_gsm7(text):
        septets = _septets(text)
        if len(septets) <= 160:
            return DCS_GSM7, [septets]
        return DCS_GSM7, [septets[i : i + 153] for i in range(0, len(septets), 153)]
    units = _utf16_units(text)
    if sum(len(u) for u in units) <= MAX_USER_DATA:
        return DCS_UCS2, [b"".join(units)]
    parts: list[bytes] = []
    current = b""
    for unit in units:
        if len(current) + len(unit) > MAX_USER_DATA - _UDH_CONCAT_LENGTH:
            parts.append(current)
            current = b""
        current += unit
    parts.append(current)
    return DCS_UCS2, parts


def encode_submit(number: str, text: str, *, concat_reference: int = 0, status_report: bool = True) -> list[SubmitPdu]:
    """The SMS-SUBMIT PDUs (one per part) that carry `text` to `number`."""
    if not text:
        raise PduError("An empty message is not sent.")
    if not 0 <= concat_reference <= 0xFF:
        raise PduError("The concatenation reference is one octet.")
    address = _address(number)
    dcs, parts = _chunks(text)
    if len(parts) > MAX_PARTS:
        raise PduError(f"The text needs {len(parts)} parts; at most {MAX_PARTS} are sent.")
    total = len(parts)
    pdus = []
    for sequence, part in enumerate(parts, start=1):
        header = bytes([5, _CONCAT_8BIT, 3, concat_reference, total, sequence]) if total > 1 else b""
        user_data, length = _user_data(dcs, part, header)
        first = MTI_SUBMIT | _VPF_RELATIVE | (_SRR if status_report else 0) | (_UDHI if header else 0)
        tpdu = bytes([first, 0x00]) + address + bytes([0x00, dcs, VALIDITY_24_HOURS, length]) + user_data
        pdus.append(SubmitPdu(hex=("00" + tpdu.hex()).upper(), tpdu_length=len(tpdu)))
    return pdus


def _user_data(dcs: int, part: Sequence[int], header: bytes) -> tuple[bytes, int]:
    """(TP-UD, TP-UDL): UDL counts septets for 7-bit text (header and fill included), octets for UCS2."""
    if dcs == DCS_UCS2:
        return header + bytes(part), len(header) + len(part)
    header_septets = (len(header) * 8 + 6) // 7
    fill = header_septets * 7 - len(header) * 8
    return header + _pack(part, fill), header_septets + len(part)


def decode_submit(hex_text: str) -> DecodedSubmit:
    """Read an SMS-SUBMIT as a modem receives it after `AT+CMGS` (the SMSC field first)."""
    data = _from_hex(hex_text)
    at = 1 + _byte(data, 0)  # skip the SMSC field
    first = _byte(data, at)
    if first & 0x03 != MTI_SUBMIT:
        raise PduError("This PDU is not an SMS-SUBMIT.")
    number, at = _read_address(data, at + 2)  # after the first octet and TP-MR
    dcs = _byte(data, at + 1)
    at += 2 + _validity_length(first)
    length = _byte(data, at)
    text, concat = _read_user_data(data[at + 1 :], dcs, length, bool(first & _UDHI))
    return DecodedSubmit(number, text, dcs, bool(first & _SRR), concat)


def tpdu_length(hex_text: str) -> int:
    """The length `AT+CMGS` announces: the octets after the SMSC field."""
    data = _from_hex(hex_text)
    return len(data) - 1 - _byte(data, 0)


def _validity_length(first: int) -> int:
    return {0x00: 0, 0x10: 1, 0x08: 7, 0x18: 7}[first & 0x18]


def _read_user_data(user_data: bytes, dcs: int, length: int, has_header: bool) -> tuple[str, Concatenation | None]:
    header = b""
    if has_header:
        header = user_data[: 1 + _byte(user_data, 0)]
    concat = _concatenation(header)
    if dcs & 0x0C == DCS_UCS2:
        body = user_data[len(header) : length]
        if len(user_data) < length or len(body) % 2:
            raise PduError("The UCS2 text is cut short.")
        try:
            return body.decode("utf-16-be"), concat
        except UnicodeDecodeError as exc:
            raise PduError("The UCS2 text is not valid UTF-16.") from exc
    if dcs & 0x0C != DCS_GSM7:
        raise PduError("Only GSM 7-bit and UCS2 texts are read.")
    header_septets = (len(header) * 8 + 6) // 7
    count = length - header_septets
    packed = user_data[len(header) :]
    fill = header_septets * 7 - len(header) * 8
    if count < 0 or len(packed) < (fill + 7 * count + 7) // 8:
        raise PduError("The 7-bit text is cut short.")
    return _gsm7_text(_unpack(packed, fill, count)), concat


def _concatenation(header: bytes) -> Concatenation | None:
    """The 8-bit concatenation element of a user-data header, if there is one."""
    at = 1
    while at + 1 < len(header):
        element, size = header[at], header[at + 1]
        value = header[at + 2 : at + 2 + size]
        if element == _CONCAT_8BIT and size == 3 and len(value) == 3:
            reference, total, sequence = value
            if not 1 <= sequence <= total:
                raise PduError("The part number is outside the part count.")
            return Concatenation(reference, total, sequence)
        at += 2 + size
    return None


def join_parts(parts: Sequence[DecodedSubmit]) -> str:
    """The whole text of a message from its decoded parts (in any order); PduError if one is missing."""
    if len(parts) == 1 and parts[0].concatenation is None:
        return parts[0].text
    concats = [part.concatenation for part in parts]
    if any(c is None for c in concats):
        raise PduError("A part of a long message has no concatenation header.")
    ordered = sorted(parts, key=lambda part: part.concatenation.sequence if part.concatenation else 0)
    sequences = [part.concatenation.sequence for part in ordered if part.concatenation]
    totals = {c.total for c in concats if c}
    references = {c.reference for c in concats if c}
    if len(totals) != 1 or len(references) != 1 or sequences != list(range(1, totals.pop() + 1)):
        raise PduError("The parts do not make one whole message.")
    return "".join(part.text for part in ordered)


# --- SMS-STATUS-REPORT ----------------------------------------------------------------------------


def encode_status_report(message_reference: int, recipient: str, status: int, at: Sequence[int]) -> str:
    """A status report as a modem passes it on in `+CDS` (SMSC field 00); `at` is the 7 time octets."""
    stamp = bytes(at)
    if len(stamp) != 7:
        raise PduError("A service-centre time stamp is 7 octets.")
    body = bytes([MTI_STATUS_REPORT, message_reference & 0xFF]) + _address(recipient) + stamp + stamp
    return ("00" + (body + bytes([status & 0xFF])).hex()).upper()


def decode_status_report(hex_text: str) -> StatusReport:
    data = _from_hex(hex_text)
    at = 1 + _byte(data, 0)
    first = _byte(data, at)
    if first & 0x03 != MTI_STATUS_REPORT:
        raise PduError("This PDU is not an SMS-STATUS-REPORT.")
    reference = _byte(data, at + 1)
    recipient, at = _read_address(data, at + 2)
    return StatusReport(reference, recipient, _byte(data, at + 14))  # after TP-SCTS and TP-DT


def _from_hex(hex_text: str) -> bytes:
    cleaned = hex_text.strip()
    if len(cleaned) > 2 * (MAX_USER_DATA + 64):
        raise PduError("The PDU is longer than any SMS.")
    try:
        return bytes.fromhex(cleaned)
    except ValueError as exc:
        raise PduError("The PDU is not hexadecimal.") from exc

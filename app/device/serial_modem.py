"""IMEI from a phone's AT-command modem port (for phones that cannot run ADB).

Many phones expose a modem port over USB (a COM port on Windows, /dev/ttyACM* on
Linux).  `AT+CGSN` (3GPP TS 27.007) answers the IMEI of the active modem;
`AT+CGSN=1` asks for the IMEI explicitly; MediaTek modems answer the IMEI of
each SIM slot to `AT+EGMR=0,7` and `AT+EGMR=0,10`.  The modem is untrusted:
every answer is bounded, read until its final result code or a timeout, and only
check-digit-valid 15-digit numbers are taken.
"""

from __future__ import annotations

import time
from typing import Protocol

import serial

from app.core.identifiers import Imei, find_imeis
from app.device.errors import SerialPortError

#: Tried in order; each Luhn-valid IMEI found is kept once, in the order found.
IMEI_COMMANDS = ("AT+CGSN", "AT+CGSN=1", "AT+EGMR=0,7", "AT+EGMR=0,10")
_FINAL = ("OK", "ERROR", "+CME ERROR", "+CMS ERROR", "NO CARRIER")
_MAX_ANSWER = 4096


class SerialLine(Protocol):
    """The part of `serial.Serial` used here (tests may pass a real Serial on a pseudo-terminal)."""

    def write(self, data: bytes) -> int | None: ...
    def read(self, size: int = 1) -> bytes: ...
    def reset_input_buffer(self) -> None: ...


def open_serial_port(port: str, baudrate: int = 115200, timeout: float = 0.2) -> serial.Serial:
    """Open a serial port, turning pyserial's errors into SerialPortError."""
    try:
        return serial.Serial(port, baudrate=baudrate, timeout=timeout)
    except (serial.SerialException, ValueError, OSError) as exc:
        raise SerialPortError(
            f"The serial port {port} could not be opened.", code="serial_port_cannot_open", params={"port": port}
        ) from exc


class AtModem:
    """Sends AT commands and collects the answer lines up to the final result code."""

    def __init__(self, line: SerialLine, command_timeout: float = 2.0) -> None:
        self._line = line
        self._timeout = command_timeout

    def command(self, command: str) -> tuple[list[str], str]:
        """(information lines, final result code); the final code is "" on a timeout."""
        try:
            self._line.reset_input_buffer()
            self._line.write(command.encode("ascii") + b"\r")
            return self._answer(command)
        except (serial.SerialException, OSError) as exc:
            raise SerialPortError("The modem port stopped answering.") from exc

    def _answer(self, command: str) -> tuple[list[str], str]:
        received = bytearray()
        deadline = time.monotonic() + self._timeout
        while time.monotonic() < deadline and len(received) < _MAX_ANSWER:
            received += self._line.read(256)
            lines = _lines(received)
            final = next((line for line in lines if line.startswith(_FINAL)), None)
            if final is not None:
                info = [line for line in lines[: lines.index(final)] if line != command]
                return info, final
        return [line for line in _lines(received) if line != command], ""


def _lines(data: bytearray) -> list[str]:
    text = bytes(data[:_MAX_ANSWER]).decode("ascii", "replace")
    return [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]


def read_modem_imeis(line: SerialLine, commands: tuple[str, ...] = IMEI_COMMANDS, timeout: float = 2.0) -> list[Imei]:
    """Every distinct valid IMEI the modem gives (both SIM slots where it allows), in order found."""
    modem = AtModem(line, timeout)
    _, final = modem.command("AT")
    if final != "OK":
        raise SerialPortError("No modem answered on this port.")
    modem.command("ATE0")  # echo off; some modems ignore it, echoed lines are filtered anyway
    found: list[Imei] = []
    for command in commands:
        info, final = modem.command(command)
        if final != "OK":
            continue
        for imei in find_imeis("\n".join(info)):
            if imei not in found:
                found.append(imei)
    return found

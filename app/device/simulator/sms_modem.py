"""A simulated GSM modem on a pseudo-terminal, for the tests and demo mode.

pyserial opens the pty's slave side exactly as it opens a COM port; a thread on the
master side answers the commands the counter uses (`AT`, `ATE0`, `AT+CMGF=0`,
`AT+CNMI=...`, `AT+CMGS=<n>` with the `> ` prompt and Ctrl-Z), decodes every PDU it
receives (refusing a wrong length or a malformed PDU with `+CMS ERROR: 304` as a
modem does) and, when asked, sends a delivery report (`+CDS`).

Faults are queued and used up one per `AT+CMGS` (or per command for `silent`):

* `cms:<n>`: answer `+CMS ERROR: <n>` after the PDU (busy 42, no network 331, no credit 8 ...);
* `silent`: say nothing to the next command (a modem that hangs or was switched off);
* `lost_answer`: take the message (it counts as received) but never answer, as when the
  counter crashes or the cable drops right after Ctrl-Z;
* `unplug`: close the port before the next command, as when the USB modem is pulled;
* `pass`: take the next part normally (to aim a later fault at a later part).
"""

from __future__ import annotations

import os
import select
import threading
from collections import deque
from dataclasses import dataclass, field

from app.core.sms_pdu import DecodedSubmit, PduError, decode_submit, encode_status_report, join_parts, tpdu_length

CTRL_Z = 0x1A
ESC = 0x1B
_MAX_PDU_HEX = 2 * 200


@dataclass
class SimulatedSmsModem:
    """The modem's side of a pty pair; `received` holds every message part it accepted, decoded."""

    master: int
    delivery_reports: bool = True
    received: list[DecodedSubmit] = field(default_factory=list)
    faults: deque[str] = field(default_factory=deque)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _next_reference: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> SimulatedSmsModem:
        self._thread = threading.Thread(target=self._serve, name="simulated-sms-modem", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self._close_master()

    def add_faults(self, *faults: str) -> None:
        with self._lock:
            self.faults.extend(faults)

    def texts_to(self, number: str) -> list[DecodedSubmit]:
        with self._lock:
            return [part for part in self.received if part.number == number]

    def messages_to(self, number: str) -> list[str]:
        """The whole texts received for `number`, parts joined (a message's parts arrive one after another)."""
        messages: list[list[DecodedSubmit]] = []
        for part in self.texts_to(number):
            starts = part.concatenation is None or part.concatenation.sequence == 1 or not messages
            if starts:
                messages.append([part])
            else:
                messages[-1].append(part)
        return [join_parts(parts) for parts in messages]

    # --- the command loop -------------------------------------------------------------------------

    def _serve(self) -> None:
        pending = bytearray()
        pdu_length: int | None = None
        while not self._stop.is_set() and self.master >= 0:
            try:
                if not select.select([self.master], [], [], 0.05)[0]:
                    continue
                pending += os.read(self.master, 1024)
            except OSError:
                return
            while True:
                if pdu_length is not None:
                    if CTRL_Z not in pending and ESC not in pending:
                        break
                    self._take_pdu(pending, pdu_length)
                    pdu_length = None
                    continue
                if b"\r" not in pending:
                    break
                end = pending.index(b"\r")
                command = bytes(pending[:end]).decode("ascii", "replace").strip()
                del pending[: end + 1]
                pdu_length = self._answer(command)

    def _answer(self, command: str) -> int | None:
        """Answer one command line; the announced PDU length after `AT+CMGS=<n>`."""
        if not command:
            return None
        fault = self._next_fault(("silent", "unplug"))
        if fault == "unplug":
            self._close_master()
            return None
        if fault == "silent":
            return None
        upper = command.upper()
        if upper.startswith("AT+CMGS="):
            length = upper.removeprefix("AT+CMGS=")
            if length.isdigit() and 7 <= int(length) <= 180:
                self._write(b"\r\n> ")
                return int(length)
            self._write(b"\r\n+CMS ERROR: 304\r\n")
            return None
        known = upper in ("AT", "ATE0", "AT+CMGF=0") or upper.startswith("AT+CNMI=")
        self._write(b"\r\nOK\r\n" if known else b"\r\nERROR\r\n")
        return None

    def _take_pdu(self, pending: bytearray, announced: int) -> None:
        end = next(i for i, byte in enumerate(pending) if byte in (CTRL_Z, ESC))
        cancelled = pending[end] == ESC
        hex_text = bytes(pending[:end]).decode("ascii", "replace").strip()
        del pending[: end + 1]
        if cancelled:
            self._write(b"\r\nOK\r\n")
            return
        fault = self._next_fault(("cms:", "lost_answer", "pass"))
        if fault.startswith("cms:"):
            self._write(f"\r\n+CMS ERROR: {fault.removeprefix('cms:')}\r\n".encode())
            return
        try:
            if len(hex_text) > _MAX_PDU_HEX or tpdu_length(hex_text) != announced:
                raise PduError("length")
            part = decode_submit(hex_text)
        except PduError:
            self._write(b"\r\n+CMS ERROR: 304\r\n")
            return
        with self._lock:
            self.received.append(part)
            reference = self._next_reference = (self._next_reference + 1) % 256
        if fault == "lost_answer":
            return
        self._write(f"\r\n+CMGS: {reference}\r\n\r\nOK\r\n".encode())
        if self.delivery_reports and part.status_report_requested:
            report = encode_status_report(reference, part.number, 0x00, [0x62, 0x21, 0x20, 0x11, 0x22, 0x33, 0x23])
            self._write(f"\r\n+CDS: {len(report) // 2 - 1}\r\n{report}\r\n".encode())

    def _next_fault(self, kinds: tuple[str, ...]) -> str:
        with self._lock:
            if self.faults and self.faults[0].startswith(kinds):
                return self.faults.popleft()
        return ""

    def _write(self, data: bytes) -> None:
        if self.master >= 0:
            try:
                os.write(self.master, data)
            except OSError:
                self._close_master()

    def _close_master(self) -> None:
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


@dataclass
class SimulatedModemPort:
    """A pty pair with the simulated modem on its master side; `port` is the name to open."""

    port: str
    modem: SimulatedSmsModem
    _slave: int

    def close(self) -> None:
        self.modem.stop()
        os.close(self._slave)


def start_simulated_modem(delivery_reports: bool = True) -> SimulatedModemPort:
    """Open a pty, start the simulated modem on it, and return the port name for pyserial."""
    master, slave = os.openpty()
    modem = SimulatedSmsModem(master, delivery_reports=delivery_reports).start()
    return SimulatedModemPort(os.ttyname(slave), modem, slave)

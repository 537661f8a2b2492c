"""Short messages through the outlet's GSM modem in PDU mode (3GPP TS 27.005).

The exchange for one part: `AT+CMGS=<octets after the SMSC field>`, the modem's
prompt `> `, the PDU in hex ended by Ctrl-Z, then `+CMGS: <message reference>` and
`OK`, or `+CMS ERROR: <n>`.  Delivery reports come unsolicited as
`+CDS: <length>` followed by the status-report PDU once `AT+CNMI` asks for them.

The modem is untrusted: every read is bounded in size and time; anything that is
not the expected answer is a failure with a `fault` the queue can act on.  Where
the failure happened matters: before Ctrl-Z nothing left the counter, after it the
message may be out, which `SmsNotSent.after_submit` says (docs/ARCHITECTURE.md
section 13).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import serial

from app.core.sms_pdu import PduError, StatusReport, SubmitPdu, decode_status_report
from app.device.errors import SmsNotSent
from app.device.serial_modem import SerialLine

CTRL_Z = b"\x1a"
ESC = b"\x1b"
_MAX_BUFFER = 8192
_CMS = re.compile(r"\+CMS ERROR:\s*(\d{1,4})")
_CMGS = re.compile(r"\+CMGS:\s*(\d{1,3})")
_CDS = re.compile(rb"\+CDS:\s*\d{1,3}\r*\n\s*([0-9A-Fa-f]{2,400})\r*\n")

# +CMS ERROR codes (TS 27.005 3.2.5; 1-127 are the RP causes of TS 24.011 E.2) grouped by what
# the queue does about them: wait and retry, or give up on this message.
_BUSY = frozenset({41, 42, 47, 302, 314, 515})  # temporary failure, congestion, resources, SIM/ME busy
_NO_NETWORK = frozenset({17, 27, 38, 331, 332})  # network failure/out of order, no service, timeout
_NO_CREDIT = frozenset({8, 10, 50})  # operator barring (prepaid credit out), call barred, not subscribed
_REJECTED = frozenset({1, 21, 28, 29, 30, 96, 304, 305})  # bad number, rejected, malformed PDU


def fault_of_cms(code: int) -> str:
    """What a +CMS ERROR code means for the queue: busy, no_network, no_credit, rejected or unknown."""
    for fault, codes in (("busy", _BUSY), ("no_network", _NO_NETWORK), ("no_credit", _NO_CREDIT)):
        if code in codes:
            return fault
    return "rejected" if code in _REJECTED else "unknown"


class SmsModem:
    """One modem port; `prepare` once, then `submit` each part."""

    def __init__(self, line: SerialLine, answer_timeout: float = 10.0, prompt_timeout: float = 3.0) -> None:
        self._line = line
        self._answer_timeout = answer_timeout
        self._prompt_timeout = prompt_timeout
        self._buffer = bytearray()
        self._reports: list[StatusReport] = []

    # --- the plain AT exchange -------------------------------------------------------------------

    def prepare(self) -> None:
        """Check the modem answers, echo off, PDU mode, delivery reports routed to us where supported."""
        if self._command("AT", self._prompt_timeout) != "OK":
            raise SmsNotSent("The modem does not answer.", "no_answer")
        self._command("ATE0", self._prompt_timeout)
        final = self._command("AT+CMGF=0", self._prompt_timeout)
        if final != "OK":
            raise SmsNotSent("The modem refuses PDU mode.", "unknown")
        self._command("AT+CNMI=2,1,0,1,0", self._prompt_timeout)  # +CDS direct; a refusal only loses reports

    def _command(self, command: str, timeout: float) -> str:
        self._write(command.encode("ascii") + b"\r", after_submit=False)
        return self._final(timeout, after_submit=False)[0]

    # --- one part -------------------------------------------------------------------------------

    def submit(self, pdu: SubmitPdu, before_submit: Callable[[], None] | None = None) -> int:
        """Send one part; its TP-MR on success.  `before_submit` runs just before Ctrl-Z is written,
        so the caller can record "this part may be out from now on" first."""
        self._write(f"AT+CMGS={pdu.tpdu_length}\r".encode("ascii"), after_submit=False)
        self._await_prompt()
        if before_submit is not None:
            try:
                before_submit()
            except BaseException:
                self._write(ESC, after_submit=False)  # leave the prompt without sending
                raise
        self._write(pdu.hex.encode("ascii") + CTRL_Z, after_submit=True)
        final, lines = self._final(self._answer_timeout, after_submit=True)
        if final == "OK":
            reference = next((m for m in map(_CMGS.search, lines) if m), None)
            if reference is not None:
                return int(reference.group(1))
            raise SmsNotSent("The modem said OK without a message reference.", "unknown", after_submit=True)
        if final == "":
            raise SmsNotSent("The modem did not answer after the message.", "no_answer", after_submit=True)
        return self._refused(final)

    def _refused(self, final: str) -> int:
        match = _CMS.search(final)
        code = int(match.group(1)) if match else None
        fault = fault_of_cms(code) if code is not None else "unknown"
        # A +CMS ERROR after Ctrl-Z is the network's or modem's refusal: the message did not go out.
        raise SmsNotSent(f"The modem refused the message ({final[:40]}).", fault, cms=code)

    def _await_prompt(self) -> None:
        deadline = time.monotonic() + self._prompt_timeout
        while time.monotonic() < deadline:
            if b">" in self._buffer:
                del self._buffer[: self._buffer.index(b">") + 1]
                return
            final = _final_in(_lines(self._buffer))
            if final:
                self._buffer.clear()
                self._refused(final)
            self._read_some(after_submit=False)
        self._write(ESC, after_submit=False)  # cancel the half-open command if the modem woke late
        raise SmsNotSent("The modem gave no prompt for the message.", "no_answer")

    # --- delivery reports ----------------------------------------------------------------------

    def wait_for_reports(self, seconds: float) -> list[StatusReport]:
        """Read for up to `seconds` (sooner once one arrives) and hand over the delivery reports seen so far."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not self._reports:
            self._read_some(after_submit=False)
            self._take_reports()
        reports, self._reports = self._reports, []
        return reports

    def _take_reports(self) -> None:
        """Move each complete `+CDS` report out of the buffer (so none is read twice)."""
        for match in list(_CDS.finditer(self._buffer)):
            try:
                self._reports.append(decode_status_report(match.group(1).decode("ascii")))
            except PduError:
                continue  # a garbled report is dropped; the message itself is recorded as sent
        self._buffer[:] = _CDS.sub(b"", bytes(self._buffer))

    # --- bytes ---------------------------------------------------------------------------------

    def _final(self, timeout: float, *, after_submit: bool) -> tuple[str, list[str]]:
        """(final result code, lines before it); ("", lines) on a timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._take_reports()
            lines = _lines(self._buffer)
            final = _final_in(lines)
            if final:
                del self._buffer[:]
                return final, lines[: lines.index(final)]
            self._read_some(after_submit=after_submit)
        self._take_reports()
        self._buffer.clear()
        return "", []

    def _read_some(self, *, after_submit: bool) -> None:
        try:
            chunk = self._line.read(256)
        except (serial.SerialException, OSError) as exc:
            raise SmsNotSent("The modem port went away.", "unplugged", after_submit=after_submit) from exc
        if len(self._buffer) + len(chunk) > _MAX_BUFFER:
            self._buffer.clear()  # a babbling device: drop what it said rather than grow
        self._buffer += chunk

    def _write(self, data: bytes, *, after_submit: bool) -> None:
        try:
            self._line.write(data)
        except (serial.SerialException, OSError) as exc:
            raise SmsNotSent("The modem port went away.", "unplugged", after_submit=after_submit) from exc


_FINAL_CODES = ("OK", "ERROR", "+CMS ERROR", "+CME ERROR")


def _final_in(lines: list[str]) -> str:
    return next((line for line in lines if line.startswith(_FINAL_CODES)), "")


def _lines(data: bytearray) -> list[str]:
    text = bytes(data).decode("ascii", "replace")
    return [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]

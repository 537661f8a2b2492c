"""An ESC/POS thermal printer on a serial port: status check, sending a job, a queue of jobs to retry.

The printer is asked for its status (`DLE EOT`) before every job, so a
counter hears "paper out" at once instead of finding a blank slip.  When the
printer cannot take a job, the job is kept in a `PrintRetryQueue` and sent
again when the person has fixed the printer (persistence of the queue is the
storage layer's, later).  The bytes come ready-made from
`app.device.escpos`; this module only talks to the port.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import serial

from app.device.escpos import (
    STATUS_OFFLINE_CAUSE,
    STATUS_PAPER,
    STATUS_PRINTER,
    EscPosFormatError,
    PrinterStatus,
    merge_status,
    parse_offline_cause,
    parse_paper_status,
    parse_printer_status,
    status_query,
)
from app.errors import KnownError

log = logging.getLogger(__name__)

#: Bytes written per call: small enough that a slow printer's flow control is honoured in steps.
WRITE_CHUNK = 4096


class PrinterOffline(KnownError):
    """The printer does not answer, or says it is offline (cover open, error)."""

    exit_code = 61
    next_step = "Check that the printer is on, its cover is closed and its cable is plugged in, then print again."


class PaperOut(KnownError):
    """The printer reports no paper."""

    exit_code = 62
    next_step = "Load a new paper roll and print again."


class PrinterPortError(KnownError):
    """The serial port cannot be opened (wrong name, in use, no permission)."""

    exit_code = 63
    next_step = "Check the printer's port name in the settings and that no other program uses it."


class SerialLike(Protocol):
    """The part of `serial.Serial` this module uses."""

    def write(self, data: bytes) -> int | None: ...
    def read(self, size: int = 1) -> bytes: ...
    def flush(self) -> None: ...
    def reset_input_buffer(self) -> None: ...
    def close(self) -> None: ...


def open_serial_port(port: str, baudrate: int = 19200, timeout: float = 1.0) -> SerialLike:
    """Open a printer port (8N1, hardware flow control off, as most receipt printers ship)."""
    try:
        return serial.Serial(port=port, baudrate=baudrate, timeout=timeout, write_timeout=max(5.0, timeout * 5))
    except (serial.SerialException, OSError, ValueError) as exc:
        raise PrinterPortError(f"Cannot open printer port {port}: {exc}", params={"port": port}) from exc


class ThermalPrinter:
    """One ESC/POS printer on one serial port, used by one worker at a time."""

    def __init__(
        self,
        port: str,
        *,
        baudrate: int = 19200,
        timeout: float = 1.0,
        opener: Callable[[str, int, float], SerialLike] = open_serial_port,
    ) -> None:
        self.port = port
        self._baudrate = baudrate
        self._timeout = timeout
        self._opener = opener

    def status(self) -> PrinterStatus:
        """Ask the printer how it is; raises PrinterOffline when it does not answer."""
        link = self._opener(self.port, self._baudrate, self._timeout)
        try:
            return self._status(link)
        finally:
            link.close()

    def print_job(self, job: bytes) -> None:
        """Check status, then send the job.  Raises PaperOut / PrinterOffline / PrinterPortError."""
        link = self._opener(self.port, self._baudrate, self._timeout)
        try:
            raise_unless_ready(self._status(link), self.port)
            for start in range(0, len(job), WRITE_CHUNK):
                link.write(job[start : start + WRITE_CHUNK])
            link.flush()
        except serial.SerialTimeoutException as exc:
            raise PrinterOffline(f"The printer on {self.port} stopped taking data", params={"port": self.port}) from exc
        except (serial.SerialException, OSError) as exc:
            raise PrinterPortError(f"Lost the printer port {self.port}: {exc}", params={"port": self.port}) from exc
        finally:
            link.close()
        log.info("sent %d bytes to the printer on %s", len(job), self.port)

    def _status(self, link: SerialLike) -> PrinterStatus:
        link.reset_input_buffer()
        try:
            general = parse_printer_status(self._ask(link, STATUS_PRINTER))
            paper = parse_paper_status(self._ask(link, STATUS_PAPER))
            parts = [general, paper]
            if general.offline:
                parts.append(parse_offline_cause(self._ask(link, STATUS_OFFLINE_CAUSE)))
        except EscPosFormatError as exc:  # something answers, but not an ESC/POS printer
            raise PrinterOffline(
                f"The device on {self.port} is not answering as a receipt printer",
                code="not_a_receipt_printer",
                params={"port": self.port},
            ) from exc
        return merge_status(*parts)

    def _ask(self, link: SerialLike, kind: int) -> int:
        link.write(status_query(kind))
        link.flush()
        reply = link.read(1)
        if len(reply) != 1:
            raise PrinterOffline(f"The printer on {self.port} does not answer", params={"port": self.port})
        return reply[0]


def raise_unless_ready(status: PrinterStatus, port: str) -> None:
    """Turn a status into the error the person needs to see, most specific first."""
    if status.paper_out:
        raise PaperOut(f"The printer on {port} is out of paper", params={"port": port})
    if status.cover_open:
        raise PrinterOffline(
            f"The printer on {port} has its cover open", code="printer_cover_open", params={"port": port}
        )
    if status.offline or status.error:
        raise PrinterOffline(f"The printer on {port} is offline", params={"port": port})


@dataclass
class PendingJob:
    """A print job waiting to be sent again."""

    description: str
    data: bytes
    job_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    attempts: int = 0
    last_error: str = ""


class PrintRetryQueue:
    """Jobs the printer could not take, kept in order until it can.

    `submit` tries a job at once and keeps it on a printer condition a person
    can fix (paper, cover, power, cable); `retry` sends the kept jobs in order
    and stops at the first that fails again, so slips come out in sequence.
    """

    def __init__(self) -> None:
        self._jobs: list[PendingJob] = []

    @property
    def pending(self) -> tuple[PendingJob, ...]:
        return tuple(self._jobs)

    def submit(self, printer: ThermalPrinter, data: bytes, description: str) -> KnownError | None:
        """Print now, or keep the job.  Returns the error that kept it (None when printed)."""
        job = PendingJob(description, data)
        if self._jobs:  # earlier slips are still waiting: keep the order
            self._jobs.append(job)
            return self.retry(printer)
        error = self._attempt(printer, job)
        if error is not None:
            self._jobs.append(job)
        return error

    def retry(self, printer: ThermalPrinter) -> KnownError | None:
        """Send kept jobs in order; returns the error that stopped the run, None when all printed."""
        while self._jobs:
            error = self._attempt(printer, self._jobs[0])
            if error is not None:
                return error
            self._jobs.pop(0)
        return None

    def discard(self, job_id: str) -> None:
        """Drop a kept job the person no longer wants printed."""
        self._jobs = [job for job in self._jobs if job.job_id != job_id]

    @staticmethod
    def _attempt(printer: ThermalPrinter, job: PendingJob) -> KnownError | None:
        job.attempts += 1
        try:
            printer.print_job(job.data)
        except (PaperOut, PrinterOffline, PrinterPortError) as exc:
            job.last_error = exc.message
            log.warning("print job %s kept to retry: %s", job.job_id, type(exc).__name__)
            return exc
        return None

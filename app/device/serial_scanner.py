"""A 2D barcode scanner on a serial (COM) port: framed lines, IMEIs from box labels, debounced.

Scanners send each code followed by CR, LF or CR LF.  A box label's 2D code often
carries several fields ("IMEI1:... IMEI2:... SN:..."); the IMEIs in it are the
check-digit-valid 15-digit numbers.  A code read twice within the debounce time
(the trigger held, or the label seen twice) is reported once.  Overlong lines
are dropped up to their terminator, so a stuck or hostile device cannot grow
memory, and control characters are removed from the text kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import serial

from app.core.identifiers import Imei, find_imeis
from app.device.errors import SerialPortError
from app.device.serial_modem import SerialLine

MAX_LINE = 2048


@dataclass(frozen=True)
class ScannedLabel:
    """One scan: the code's text (control characters removed) and the IMEIs in it."""

    text: str
    imeis: tuple[Imei, ...]


class LineFramer:
    """Splits a byte stream into lines at CR/LF; drops lines over `max_line` bytes."""

    def __init__(self, max_line: int = MAX_LINE) -> None:
        self._max = max_line
        self._buffer = bytearray()
        self._overlong = False

    def feed(self, data: bytes) -> list[bytes]:
        lines = []
        for byte in data:
            if byte in (0x0D, 0x0A):
                if self._buffer and not self._overlong:
                    lines.append(bytes(self._buffer))
                self._buffer.clear()
                self._overlong = False
            elif len(self._buffer) < self._max:
                self._buffer.append(byte)
            else:
                self._overlong = True
        return lines


def label_from_line(line: bytes) -> ScannedLabel:
    text = "".join(c if c.isprintable() else " " for c in line.decode("utf-8", "replace")).strip()
    return ScannedLabel(text, tuple(find_imeis(text)))


class Debouncer:
    """Lets a code through unless the same code passed within `seconds`."""

    def __init__(self, seconds: float = 1.5, clock: Callable[[], float] = time.monotonic) -> None:
        self._seconds = seconds
        self._clock = clock
        self._last: tuple[str, float] | None = None

    def accept(self, text: str) -> bool:
        now = self._clock()
        if self._last is not None and self._last[0] == text and now - self._last[1] < self._seconds:
            self._last = (text, now)  # a held trigger keeps extending the window
            return False
        self._last = (text, now)
        return True


class BarcodeScannerReader:
    """Reads scans on a thread and calls `on_scan(label)` for each new one (on that thread)."""

    def __init__(
        self,
        line: SerialLine,
        on_scan: Callable[[ScannedLabel], None],
        *,
        debounce_seconds: float = 1.5,
        max_line: int = MAX_LINE,
    ) -> None:
        self._line = line
        self._on_scan = on_scan
        self._framer = LineFramer(max_line)
        self._debouncer = Debouncer(debounce_seconds)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.error: SerialPortError | None = None

    def start(self) -> BarcodeScannerReader:
        self._thread = threading.Thread(target=self._run, name="barcode-scanner", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> BarcodeScannerReader:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data = self._line.read(256)  # returns after the port's read timeout when idle
            except (serial.SerialException, OSError, TypeError, ValueError):  # Type/Value: closed under us
                self.error = SerialPortError("The barcode scanner was disconnected.")
                return
            for raw in self._framer.feed(data):
                label = label_from_line(raw)
                if label.text and self._debouncer.accept(label.text):
                    self._on_scan(label)

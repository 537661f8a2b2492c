"""The serial barcode scanner as a Qt object: scans arrive as a signal on the GUI thread.

`BarcodeScannerReader` (app.device.serial_scanner) reads framed, debounced lines on its own
thread; this adapter opens the port on a worker thread too (a USB adapter can take a moment),
hands each scan to the GUI thread through a queued signal, and notices when the reader
stopped because the scanner was unplugged.  Nothing here ever waits on the GUI thread
except `stop(wait=True)` when the window closes.

Signals: `scanned(str)` with a scan's text; `state_changed()` when it starts listening, stops,
or meets a problem (`problem`: "" or CANNOT_OPEN or DISCONNECTED; the GUI words them).
"""

from __future__ import annotations

import logging
import threading

import serial
from PySide6.QtCore import QObject, QTimer, Signal

from app.device.errors import SerialPortError
from app.device.serial_modem import open_serial_port
from app.device.serial_scanner import BarcodeScannerReader, ScannedLabel

log = logging.getLogger(__name__)

# Serial barcode scanners leave the factory at 9600 baud, 8N1 (USB CDC scanners ignore the rate).
SCANNER_BAUD = 9600
_WATCH_MS = 1000
CANNOT_OPEN, DISCONNECTED = "cannot_open", "disconnected"


class ScannerLink(QObject):
    scanned = Signal(str)
    state_changed = Signal()
    _opened = Signal(object, object, int)  # (port, reader or None, generation), from the opening thread
    _failed = Signal(int)  # generation, from the opening thread

    def __init__(self, parent: QObject | None = None, *, debounce_seconds: float = 1.5) -> None:
        super().__init__(parent)
        self._debounce = debounce_seconds
        self._port: serial.Serial | None = None
        self._reader: BarcodeScannerReader | None = None
        self._generation = 0  # a newer start() makes a slow opening of an older port moot
        self.port_name = ""
        self.problem = ""
        self._opened.connect(self._on_opened)
        self._failed.connect(self._on_failed)
        self._watch = QTimer(self)
        self._watch.setInterval(_WATCH_MS)
        self._watch.timeout.connect(self._check_reader)

    @property
    def listening(self) -> bool:
        return self._reader is not None

    def start(self, port_name: str) -> None:
        """Listen on `port_name` ("" for no scanner); the previous port is let go first."""
        self.stop()
        self._generation += 1
        self.port_name, self.problem = port_name, ""
        if not port_name:
            self.state_changed.emit()
            return
        generation = self._generation
        threading.Thread(target=self._open, args=(port_name, generation), name="scanner-open", daemon=True).start()
        self.state_changed.emit()  # "opening ..." until the worker reports

    def stop(self, *, wait: bool = False) -> None:
        """Stop listening; the reader's thread ends and the port closes off the GUI thread unless `wait`."""
        self._watch.stop()
        reader, port = self._reader, self._port
        self._reader, self._port = None, None
        if reader is None:
            return
        if wait:
            _close(reader, port)
        else:
            threading.Thread(target=_close, args=(reader, port), name="scanner-close", daemon=True).start()

    # --- worker threads ------------------------------------------------------------------------

    def _open(self, port_name: str, generation: int) -> None:
        try:
            port = open_serial_port(port_name, baudrate=SCANNER_BAUD)
        except SerialPortError:
            self._failed.emit(generation)
            return
        reader = BarcodeScannerReader(port, self._on_scan, debounce_seconds=self._debounce)
        self._opened.emit(port, reader, generation)

    def _on_scan(self, label: ScannedLabel) -> None:
        """On the reader's thread: a queued signal carries the text to the GUI thread."""
        self.scanned.emit(label.text)

    # --- GUI thread ----------------------------------------------------------------------------

    def _on_opened(self, port: serial.Serial, reader: BarcodeScannerReader, generation: int) -> None:
        if generation != self._generation:  # the person chose another port meanwhile
            port.close()
            return
        self._port, self._reader = port, reader.start()
        self._watch.start()
        log.info("listening to the barcode scanner on %s", self.port_name)
        self.state_changed.emit()

    def _on_failed(self, generation: int) -> None:
        if generation == self._generation:
            self.problem = CANNOT_OPEN
            log.warning("the barcode scanner's port %s could not be opened", self.port_name)
            self.state_changed.emit()

    def _check_reader(self) -> None:
        reader = self._reader
        if reader is not None and reader.error is not None:
            log.warning("the barcode scanner on %s was disconnected", self.port_name)
            self.stop()
            self.problem = DISCONNECTED
            self.state_changed.emit()


def _close(reader: BarcodeScannerReader, port: serial.Serial | None) -> None:
    reader.stop()
    if port is not None:
        try:
            port.close()
        except (serial.SerialException, OSError):
            log.debug("the scanner port was already gone")

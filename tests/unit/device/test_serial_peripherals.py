"""AT modem IMEI reading and the serial barcode scanner, over pseudo-terminal pairs with a scripted peer.

pyserial opens the pty's slave side exactly as it opens a COM port; a thread on the
master side plays the modem or the scanner.
"""

from __future__ import annotations

import os
import select
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import serial
from hypothesis import given
from hypothesis import strategies as st

from app.core.identifiers import Imei
from app.device.errors import SerialPortError
from app.device.serial_modem import open_serial_port, read_modem_imeis
from app.device.serial_scanner import BarcodeScannerReader, Debouncer, LineFramer, ScannedLabel, label_from_line

IMEI1, IMEI2 = "868915051234565", "868915051234573"


class Pty:
    """A pseudo-terminal pair: `port` for pyserial, `master` for the scripted peer."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        self.port = open_serial_port(os.ttyname(self.slave), timeout=0.05)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_modem(self, answers: Callable[[str], bytes]) -> None:
        """Answer each CR-terminated command with `answers(command)`."""

        def loop() -> None:
            pending = b""
            while not self._stop.is_set():
                if not select.select([self.master], [], [], 0.05)[0]:
                    continue
                pending += os.read(self.master, 1024)
                while b"\r" in pending:
                    command, pending = pending.split(b"\r", 1)
                    os.write(self.master, answers(command.decode().strip()))

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def hang_up(self) -> None:
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.port.close()
        for fd in (self.master, self.slave):
            if fd >= 0:
                os.close(fd)


@pytest.fixture
def pty() -> Iterator[Pty]:
    pair = Pty()
    try:
        yield pair
    finally:
        pair.close()


def mediatek_dual_sim(command: str) -> bytes:
    answers = {
        "AT": b"\r\nOK\r\n",
        "ATE0": b"ATE0\r\r\nOK\r\n",  # the echo of the command that turns echo off
        "AT+CGSN": f"\r\n{IMEI1}\r\n\r\nOK\r\n".encode(),
        "AT+CGSN=1": f'\r\n+CGSN: "{IMEI1}"\r\n\r\nOK\r\n'.encode(),
        "AT+EGMR=0,7": f'\r\n+EGMR: "{IMEI1}"\r\n\r\nOK\r\n'.encode(),
        "AT+EGMR=0,10": f'\r\n+EGMR: "{IMEI2}"\r\n\r\nOK\r\n'.encode(),
    }
    return answers.get(command, b"\r\nERROR\r\n")


def test_both_imeis_of_a_dual_sim_modem(pty: Pty) -> None:
    pty.run_modem(mediatek_dual_sim)
    assert read_modem_imeis(pty.port, timeout=1.0) == [Imei(IMEI1), Imei(IMEI2)]


def test_a_modem_that_refuses_vendor_commands_and_echoes(pty: Pty) -> None:
    def plain(command: str) -> bytes:
        echo = command.encode() + b"\r"
        if command == "AT+CGSN":
            return echo + f"\r\n+CGSN: {IMEI1}\r\n\r\nOK\r\n".encode()
        return echo + (b"\r\nOK\r\n" if command in ("AT", "ATE0") else b"\r\n+CME ERROR: 4\r\n")

    pty.run_modem(plain)
    assert read_modem_imeis(pty.port, timeout=1.0) == [Imei(IMEI1)]


def test_wrong_check_digits_and_garbage_give_no_imei(pty: Pty) -> None:
    def hostile(command: str) -> bytes:
        if command == "AT":
            return b"\r\nOK\r\n"
        return b"\r\n\xff\xfe86891505123456" + b"7" + b"\x00" * 50 + b"868915051234566\r\nOK\r\n"

    pty.run_modem(hostile)
    assert read_modem_imeis(pty.port, timeout=1.0) == []


def test_a_port_with_no_modem_is_a_serial_port_error(pty: Pty) -> None:
    with pytest.raises(SerialPortError):
        read_modem_imeis(pty.port, timeout=0.3)


def test_opening_a_missing_port_is_a_serial_port_error() -> None:
    with pytest.raises(SerialPortError):
        open_serial_port("/dev/does-not-exist-rc")


def collect_scans(pty: Pty, debounce: float) -> tuple[BarcodeScannerReader, list[ScannedLabel], threading.Event]:
    scans: list[ScannedLabel] = []
    arrived = threading.Event()

    def on_scan(label: ScannedLabel) -> None:
        scans.append(label)
        arrived.set()

    return BarcodeScannerReader(pty.port, on_scan, debounce_seconds=debounce), scans, arrived


def wait_for(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_scanner_reads_a_box_label_once_however_long_the_trigger_is_held(pty: Pty) -> None:
    reader, scans, _ = collect_scans(pty, debounce=5.0)
    label = f"IMEI1:{IMEI1} IMEI2:{IMEI2} SN:9c1d3a7f\r\n".encode()
    with reader:
        pty.send(label + label + label)
        pty.send(b"X" * 5000 + b"\r\n")  # overlong: dropped
        pty.send(b"SN:ZY22H\rIMEI 86891505123456 7\n")  # CR framing; a spaced IMEI is not a 15-digit run
        wait_for(lambda: len(scans) >= 3)
    assert [s.imeis for s in scans] == [(Imei(IMEI1), Imei(IMEI2)), (), ()]
    assert [s.text for s in scans[1:]] == ["SN:ZY22H", "IMEI 86891505123456 7"]


def test_scanner_reports_a_pulled_cable(pty: Pty) -> None:
    reader, _, _ = collect_scans(pty, debounce=1.0)
    with reader:
        pty.hang_up()  # the scanner's end goes away, as when its cable is pulled
        wait_for(lambda: reader.error is not None)
    assert isinstance(reader.error, SerialPortError)


def test_framer_debouncer_and_label_cleaning() -> None:
    framer = LineFramer(max_line=8)
    assert framer.feed(b"abc\r\ndef") == [b"abc"] and framer.feed(b"\n") == [b"def"]
    assert framer.feed(b"123456789\r\nok\r\n") == [b"ok"]
    now = [0.0]
    debouncer = Debouncer(1.0, clock=lambda: now[0])
    assert debouncer.accept("A") and not debouncer.accept("A")
    now[0] = 0.9
    assert not debouncer.accept("A")  # still held: the window moves on
    now[0] = 2.0
    assert debouncer.accept("A") and debouncer.accept("B")
    assert label_from_line(f"\x1b[0m{IMEI1}\x1d".encode()).imeis == (Imei(IMEI1),)
    assert label_from_line(b"\x00\x07").text == ""


def test_serial_exception_type_is_pyserials() -> None:
    assert issubclass(serial.SerialException, OSError)


@given(chunks=st.lists(st.binary(max_size=64), max_size=40), max_line=st.integers(1, 32))
def test_framing_any_byte_stream_gives_bounded_lines_without_terminators(chunks: list[bytes], max_line: int) -> None:
    framer = LineFramer(max_line=max_line)
    lines = [line for chunk in chunks for line in framer.feed(chunk)]
    assert all(0 < len(line) <= max_line and b"\r" not in line and b"\n" not in line for line in lines)
    stream = b"".join(chunks)
    expected = [part for part in stream.replace(b"\r", b"\n").split(b"\n")[:-1] if 0 < len(part) <= max_line]
    assert lines == expected  # complete lines only, overlong ones dropped, chunking does not matter

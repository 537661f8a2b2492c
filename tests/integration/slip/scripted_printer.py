"""A scripted ESC/POS printer on the far end of a pseudo-terminal pair.

No receipt printer can be plugged into the test machine, so the peer stands in
for one on a real tty: the code under test opens the pty's slave side with
pyserial exactly as it opens /dev/ttyUSB0 or COM3, writes real bytes and reads
real replies.  Like a printer's firmware, the peer splits the stream into
commands, answers `DLE EOT n` status queries with the bytes its scripted state
calls for, and collects the rest as jobs (a job starts at `ESC @` and ends at
the cut).
"""

from __future__ import annotations

import os
import select
import threading
import tty

STATUS_OK = {1: 0x12, 2: 0x12, 4: 0x12}
STATUS_PAPER_OUT = {1: 0x1A, 2: 0x32, 4: 0x7E}  # offline (bit 3), stopped by paper end, both paper-end bits
STATUS_PAPER_NEAR_END = {1: 0x12, 2: 0x12, 4: 0x1E}
STATUS_COVER_OPEN = {1: 0x1A, 2: 0x16, 4: 0x12}
STATUS_SILENT: dict[int, int] = {}  # powered off: no reply at all
STATUS_GARBAGE = {1: 0xFF, 2: 0xFF, 4: 0xFF}


def command_length(buffer: bytes | bytearray) -> int | None:
    """Length of the ESC/POS command at the start of `buffer`, or None while it is incomplete."""
    head = bytes(buffer[:3])
    if head[:1] == b"\x10":
        return 3 if len(buffer) >= 3 else None
    if head[:2] == b"\x1b@":
        return 2
    if head[:2] == b"\x1bd":
        return 3 if len(buffer) >= 3 else None
    if head[:2] == b"\x1dV":
        if len(buffer) < 3:
            return None
        return 4 if buffer[2] in (65, 66) else 3
    if head == b"\x1dv0":
        if len(buffer) < 8:
            return None
        width = buffer[4] | (buffer[5] << 8)
        height = buffer[6] | (buffer[7] << 8)
        return 8 + width * height
    if len(head) < 2 and head[:1] in (b"\x1b", b"\x1d"):
        return None
    return 1


class ScriptedPrinter:
    """Runs on a thread; `state` may be changed between jobs (paper loaded, cover closed)."""

    def __init__(self) -> None:
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self.state: dict[int, int] = dict(STATUS_OK)
        self.queries: list[int] = []
        self.jobs: list[bytes] = []
        self._current = bytearray()
        self._pending = bytearray()
        self._stop = threading.Event()
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="scripted-printer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self._master, 65536)
            except OSError:
                continue
            self._pending += chunk
            self._consume()

    def _consume(self) -> None:
        while self._pending:
            length = command_length(self._pending)
            if length is None or length > len(self._pending):
                return
            command = bytes(self._pending[:length])
            del self._pending[:length]
            self._handle(command)

    def _handle(self, command: bytes) -> None:
        with self._changed:
            if command[:2] == b"\x10\x04":
                self.queries.append(command[2])
                if command[2] in self.state:
                    os.write(self._master, bytes([self.state[command[2]]]))
                return
            self._current += command
            if command[:2] == b"\x1dV":
                self.jobs.append(bytes(self._current))
                self._current.clear()
                self._changed.notify_all()

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> list[bytes]:
        """The first `count` complete jobs, waiting for the tty to deliver them."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.jobs) >= count, timeout):
                raise AssertionError(f"printer received {len(self.jobs)} jobs, expected {count}")
            return list(self.jobs[:count])

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        os.close(self._master)
        os.close(self._slave)

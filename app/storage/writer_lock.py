"""One writer per store: an operating-system lock on `counter.lock`, held while a store is open.

Two processes on one store would each keep a connection to `counter.db`; a key
rotation in one replaces the file under the other, whose next acknowledged write
then goes into the replaced file and is lost.  So a signed-in session (the GUI, or
one command) holds this lock for as long as its store is open, and a second
process is refused with `StoreInUse`, which names the holder.

The lock belongs to the process: sessions inside one process share it (counted),
and the operating system drops it when the process dies, so a crash never leaves
the store locked.  On Windows the lock is mandatory for the bytes it covers, so the
locked byte lies far past the holder's description, which others read to name it.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from app.storage.errors import StoreInUse

LOCKED_BYTE = 1 << 30
MAX_DESCRIPTION = 1024


@dataclass
class _Held:
    fd: int
    count: int


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # per open file, not per process: no silent release
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def describe_this_process(holder: str) -> str:
    command = " ".join(os.path.basename(arg) if i == 0 else arg for i, arg in enumerate(sys.argv[:3]))
    since = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
    return f"{holder} (process {os.getpid()} on {socket.gethostname()}, `{command}`, since {since})"


def _holder_of(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)  # os.pread does not exist on Windows
    text = os.read(fd, MAX_DESCRIPTION).decode("utf-8", "replace").strip("\x00 \n")
    return text or "another process"


class WriterLock:
    """This process's share of the store's lock; `release()` once per `acquire_writer_lock()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._released = False

    @property
    def sharers(self) -> int:
        """How many open stores of this process share the lock (a key rotation needs it alone)."""
        with _guard:
            held = _held.get(self.path)
            return held.count if held else 0

    def release(self) -> None:
        with _guard:
            if self._released:
                return
            self._released = True
            held = _held[self.path]
            held.count -= 1
            if held.count == 0:
                del _held[self.path]
                os.ftruncate(held.fd, 0)  # a description left behind would name a holder that is gone
                _unlock(held.fd)
                os.close(held.fd)


def acquire_writer_lock(path: Path, holder: str) -> WriterLock:
    """Take (or share, inside this process) the store's lock; raise StoreInUse naming its holder."""
    path = path.resolve()
    with _guard:
        held = _held.get(path)
        if held is not None:
            held.count += 1
            return WriterLock(path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            holder_text = _holder_of(fd)
            os.close(fd)
            raise StoreInUse(f"The store is in use by {holder_text}.")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, describe_this_process(holder).encode()[:MAX_DESCRIPTION])
        _held[path] = _Held(fd, 1)
        return WriterLock(path)

"""The `sync:` service (AOSP SYNC.TXT, file_sync_protocol.h): STAT, STA2/LST2, LIST, LIS2, RECV, SEND, QUIT.

STA2/LST2 are answered when the profile advertises `stat_v2`, LIS2 when it
advertises `ls_v2`; the v2 send/receive forms (`sendrecv_v2`) are not offered.

Each request is `id[4] | u32 LE length | path`.  Every reply to a STAT goes out in
one WRTE (adbutils reads it with a single 12-byte read); file data goes out as
64 KiB DATA blocks packed into WRTEs of the host's payload size.
"""

from __future__ import annotations

import errno
import stat
import struct
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.device.simulator.filesystem import MAX_FILE_BYTES, MemoryFileSystem

if TYPE_CHECKING:
    from app.device.simulator.server import Stream

MAX_PATH = 1024
SYNC_DATA_MAX = 64 * 1024
_STAT_V2 = struct.Struct("<4sIQQIIIIQqqq")
_DENT_V1 = struct.Struct("<4sIIII")
_DENT_V2 = struct.Struct("<4sIQQIIIIQqqqI")


def serve(stream: Stream, files: MemoryFileSystem, features: Iterable[str]) -> None:
    """Answer sync requests until QUIT or the host closes the stream."""
    stat_v2 = "stat_v2" in features
    ls_v2 = "ls_v2" in features
    while True:
        request = stream.read_exact(8)
        kind, length = request[:4], int.from_bytes(request[4:], "little")
        if length > MAX_PATH:
            _fail(stream, "path too long")
            return
        path = stream.read_exact(length).decode("utf-8", "replace") if length else ""
        if kind == b"QUIT":
            return
        if kind == b"STAT":
            stream.write(_stat_v1(files, path))
        elif kind in (b"STA2", b"LST2") and stat_v2:
            stream.write(_stat_v2(files, path, kind))
        elif kind == b"LIST":
            stream.write(_listing(files, path))
        elif kind == b"LIS2" and ls_v2:
            stream.write(_listing_v2(files, path))
        elif kind == b"RECV":
            _send_file(stream, files, path)
        elif kind == b"SEND":
            if not _receive_file(stream, files, path):
                return
        else:
            _fail(stream, "unknown sync request")
            return


def _stat_v1(files: MemoryFileSystem, path: str) -> bytes:
    entry = files.get(path)
    if entry is None:
        return b"STAT" + bytes(12)
    return b"STAT" + struct.pack("<III", entry.mode, min(len(entry.data), 0xFFFFFFFF), entry.mtime)


def _stat_v2(files: MemoryFileSystem, path: str, kind: bytes) -> bytes:
    entry = files.get(path)
    if entry is None:
        return _STAT_V2.pack(kind, errno.ENOENT, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    nlink = 2 if entry.is_dir else 1
    return _STAT_V2.pack(
        kind, 0, 0, 0, entry.mode, nlink, 2000, 2000, len(entry.data), entry.mtime, entry.mtime, entry.mtime
    )


def _listing(files: MemoryFileSystem, path: str) -> bytes:
    parts = []
    for name, entry in files.list_dir(path) or []:
        encoded = name.encode()
        parts.append(_DENT_V1.pack(b"DENT", entry.mode, len(entry.data), entry.mtime, len(encoded)) + encoded)
    parts.append(b"DONE" + bytes(16))
    return b"".join(parts)


def _listing_v2(files: MemoryFileSystem, path: str) -> bytes:
    parts = []
    for name, entry in files.list_dir(path) or []:
        encoded = name.encode()
        nlink = 2 if entry.is_dir else 1
        parts.append(
            _DENT_V2.pack(
                b"DNT2",
                0,
                0,
                0,
                entry.mode,
                nlink,
                2000,
                2000,
                len(entry.data),
                entry.mtime,
                entry.mtime,
                entry.mtime,
                len(encoded),
            )
            + encoded
        )
    parts.append(_DENT_V2.pack(b"DONE", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    return b"".join(parts)


def _fail(stream: Stream, message: str) -> None:
    encoded = message.encode()
    stream.write(b"FAIL" + len(encoded).to_bytes(4, "little") + encoded)


def _send_file(stream: Stream, files: MemoryFileSystem, path: str) -> None:
    entry = files.get(path)
    if entry is None or not stat.S_ISREG(entry.mode):
        _fail(stream, "No such file or directory" if entry is None else "Is a directory")
        return
    view = memoryview(entry.data)
    batch: list[bytes] = []
    batch_size = 0
    for offset in range(0, len(view), SYNC_DATA_MAX):
        block = view[offset : offset + SYNC_DATA_MAX]
        batch += (b"DATA" + len(block).to_bytes(4, "little"), block.tobytes())
        batch_size += len(block) + 8
        if batch_size + SYNC_DATA_MAX + 8 > stream.max_payload:
            stream.write(b"".join(batch))
            batch, batch_size = [], 0
    batch.append(b"DONE" + bytes(4))
    stream.write(b"".join(batch))


def _receive_file(stream: Stream, files: MemoryFileSystem, spec: str) -> bool:
    """SEND `path,mode`: DATA blocks then DONE mtime; answer OKAY or FAIL.  False ends the session."""
    path, _, mode_text = spec.rpartition(",")
    mode = int(mode_text) if mode_text.isdigit() and len(mode_text) < 8 else 0o644
    received: list[bytes] = []
    size = 0
    while True:
        header = stream.read_exact(8)
        kind, length = header[:4], int.from_bytes(header[4:], "little")
        if kind == b"DONE":
            break
        if kind != b"DATA" or length > SYNC_DATA_MAX * 16 or size + length > MAX_FILE_BYTES:
            _fail(stream, "bad or oversized SEND data")
            return False
        received.append(stream.read_exact(length))
        size += length
    if not path.startswith("/") or path.endswith("/"):
        _fail(stream, f"cannot write {path!r}")
        return True
    try:
        files.write(path, b"".join(received), mode)
    except (NotADirectoryError, KeyError):
        _fail(stream, f"cannot write {path!r}: not a directory")
        return True
    stream.write(b"OKAY" + bytes(4))
    return True

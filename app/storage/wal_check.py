"""Read a SQLite write-ahead log before SQLite does, to tell a torn last write from lost commits.

SQLite applies a WAL's frames up to the first one whose checksum fails and silently
drops the rest.  After a crash that is right for a half-written last transaction (it
was never acknowledged: commits wait for the WAL's fsync), but when a frame in the
middle is damaged, every commit after it is dropped too, acknowledged or not.  Here
the frames are checked the way SQLite checks them (file format, section 4.4: salts
and the running checksum); a commit frame of this WAL generation found after the
first bad frame means acknowledged commits are about to be lost.  Frame headers and
checksums are plain in SQLCipher too: the checksum covers the encrypted page.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
MAGIC_LITTLE, MAGIC_BIG = 0x377F0682, 0x377F0683


@dataclass(frozen=True)
class WalDamage:
    first_bad_frame: int
    commits_lost: int  # commit frames of this WAL after the first bad frame


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def damage(wal: Path) -> WalDamage | None:
    """None when the WAL is absent, empty, whole, or only its last transaction is torn."""
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return None
    if len(data) < HEADER:
        return None
    magic, _version, page_size, _ckpt, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:HEADER])
    if magic not in (MAGIC_LITTLE, MAGIC_BIG) or page_size < 512:
        return None  # not a WAL SQLite would read either
    big = magic == MAGIC_BIG
    s0, s1 = _checksum(data[:24], big, 0, 0)
    if (s0, s1) != (c1, c2):
        return None  # SQLite ignores the whole WAL; nothing in it was ever applied
    return _scan_frames(data, page_size, big, (salt1, salt2), (s0, s1))


def _scan_frames(
    data: bytes, page_size: int, big: bool, salts: tuple[int, int], checksum: tuple[int, int]
) -> WalDamage | None:
    frame_size = FRAME_HEADER + page_size
    s0, s1 = checksum
    first_bad: int | None = None
    commits_after = 0
    for index, offset in enumerate(range(HEADER, len(data) - frame_size + 1, frame_size)):
        _page, commit, fsalt1, fsalt2, c1, c2 = struct.unpack(">6I", data[offset : offset + FRAME_HEADER])
        if (fsalt1, fsalt2) != salts:
            continue  # left over from an earlier WAL generation: never part of this one
        if first_bad is None:
            n0, n1 = _checksum(data[offset : offset + 8], big, s0, s1)
            n0, n1 = _checksum(data[offset + FRAME_HEADER : offset + frame_size], big, n0, n1)
            if (n0, n1) == (c1, c2):
                s0, s1 = n0, n1
                continue
            first_bad = index + 1
        elif commit:
            commits_after += 1
    if first_bad is None or commits_after == 0:
        return None
    return WalDamage(first_bad, commits_after)

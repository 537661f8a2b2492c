"""The simulated phone's storage: an in-memory tree of files and folders, safe across threads."""

from __future__ import annotations

import posixpath
import stat
import threading
import time
from dataclasses import dataclass

#: The largest file one push may create on the simulated phone.
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass
class Entry:
    mode: int
    data: bytes
    mtime: int

    @property
    def is_dir(self) -> bool:
        return stat.S_ISDIR(self.mode)


def normalise(path: str) -> str:
    """An absolute, normalised POSIX path (`..` cannot climb above `/`)."""
    return posixpath.normpath("/" + path.lstrip("/")) if path else "/"


class MemoryFileSystem:
    """Files and folders keyed by absolute path; parents are created on write, like `mkdir -p`."""

    def __init__(self) -> None:
        self._entries: dict[str, Entry] = {"/": Entry(stat.S_IFDIR | 0o755, b"", int(time.time()))}
        self._lock = threading.Lock()

    def write(self, path: str, data: bytes, mode: int = 0o644) -> None:
        path = normalise(path)
        with self._lock:
            self._make_parents(path)
            self._entries[path] = Entry(stat.S_IFREG | (mode & 0o7777), bytes(data), int(time.time()))

    def mkdir(self, path: str) -> None:
        path = normalise(path)
        with self._lock:
            self._make_parents(path + "/x")

    def _make_parents(self, path: str) -> None:
        parent = posixpath.dirname(path)
        chain = []
        while parent not in self._entries:
            chain.append(parent)
            parent = posixpath.dirname(parent)
        if not self._entries[parent].is_dir:
            raise NotADirectoryError(parent)
        for folder in reversed(chain):
            self._entries[folder] = Entry(stat.S_IFDIR | 0o771, b"", int(time.time()))

    def get(self, path: str) -> Entry | None:
        with self._lock:
            return self._entries.get(normalise(path))

    def read(self, path: str) -> bytes | None:
        entry = self.get(path)
        return None if entry is None or entry.is_dir else entry.data

    def list_dir(self, path: str) -> list[tuple[str, Entry]] | None:
        """(name, entry) of the folder's direct children, or None when it is not a folder."""
        path = normalise(path)
        with self._lock:
            entry = self._entries.get(path)
            if entry is None or not entry.is_dir:
                return None
            prefix = path.rstrip("/") + "/"
            return sorted(
                (p[len(prefix) :], e)
                for p, e in self._entries.items()
                if p.startswith(prefix) and "/" not in p[len(prefix) :] and p != path
            )

    def remove(self, path: str, recursive: bool = False) -> bool:
        path = normalise(path)
        with self._lock:
            entry = self._entries.get(path)
            if entry is None or path == "/":
                return False
            if entry.is_dir and not recursive:
                return False
            prefix = path + "/"
            for key in [p for p in self._entries if p == path or p.startswith(prefix)]:
                del self._entries[key]
            return True

    def clear(self) -> None:
        """Empty the storage (a factory reset): only the root folder is left."""
        with self._lock:
            self._entries = {"/": Entry(stat.S_IFDIR | 0o755, b"", int(time.time()))}

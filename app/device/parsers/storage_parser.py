"""How full the phone's data partition is: `dumpsys diskstats` first, `df /data` when that says nothing.

`dumpsys diskstats` (DiskStatsService) prints `Data-Free: <free>K / <total>K
total = <n>% free` and, on newer Android, per-app sizes; only the Data line is
read here (the per-app lines name the customer's apps).  Toybox `df` prints a
header and `<filesystem> <1K-blocks> <used> <available> <use%> <mounted on>`
rows; the row mounted on `/data` is taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.device.parsers import OutputParseError, checked_text

MAX_STORAGE_CHARS = 4 * 1024 * 1024
#: 64 TiB in KiB: anything larger is not a phone's partition.
_MAX_KIB = 64 * 1024**3

_DATA_FREE = re.compile(r"^Data-Free: (\d{1,15})K / (\d{1,15})K total", re.MULTILINE)
_DF_ROW = re.compile(r"^(\S{1,256})\s+(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s+\d{1,3}%\s+(\S{1,256})\s*$")


@dataclass(frozen=True)
class StorageSpace:
    total_bytes: int
    free_bytes: int

    @property
    def used_percent(self) -> float:
        return round((self.total_bytes - self.free_bytes) / self.total_bytes * 100.0, 1)


def _space(total_kib: int, free_kib: int, what: str) -> StorageSpace:
    if not 0 < total_kib <= _MAX_KIB or not 0 <= free_kib <= total_kib:
        raise OutputParseError(f"{what}: sizes out of range")
    return StorageSpace(total_kib * 1024, free_kib * 1024)


def parse_diskstats(text: str) -> StorageSpace:
    text = checked_text(text, "dumpsys diskstats", MAX_STORAGE_CHARS)
    found = _DATA_FREE.search(text)
    if found is None:
        raise OutputParseError("dumpsys diskstats: no Data-Free line")
    return _space(int(found.group(2)), int(found.group(1)), "dumpsys diskstats")


def parse_df_data(text: str) -> StorageSpace:
    """The `/data` row of `df` in 1K blocks."""
    text = checked_text(text, "df", MAX_STORAGE_CHARS)
    for line in text.splitlines()[:10_000]:
        row = _DF_ROW.match(line)
        if row and row.group(5) == "/data":
            return _space(int(row.group(2)), int(row.group(4)), "df")
    raise OutputParseError("df: no row for /data")

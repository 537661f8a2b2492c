"""`logcat -v threadtime`: `MM-DD HH:MM:SS.mmm  PID  TID L TAG: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.device.parsers import checked_text

_THREADTIME = re.compile(
    r"\A(\d\d)-(\d\d) (\d\d:\d\d:\d\d\.\d{3})\s+(\d{1,10})\s+(\d{1,10})\s([VDIWEFS])\s(.*)\Z", re.DOTALL
)
#: Tags may contain ':' or spaces, so the tag ends at the first ': ' after the level letter.
_TAG_END = ": "


@dataclass(frozen=True)
class LogLine:
    """One log record; the year and time zone are the phone's and are not in the line."""

    month: int
    day: int
    time: str
    pid: int
    tid: int
    level: str
    tag: str
    message: str


def parse_logcat_threadtime(text: str, max_lines: int = 200_000) -> tuple[LogLine, ...]:
    """Log records in order; separator lines (`--------- beginning of main`) and noise are skipped."""
    text = checked_text(text, "logcat")
    records: list[LogLine] = []
    for line in text.splitlines():
        if len(records) >= max_lines:
            break
        record = _record(line)
        if record is not None:
            records.append(record)
    return tuple(records)


def _record(line: str) -> LogLine | None:
    match = _THREADTIME.match(line)
    if not match:
        return None
    rest = match.group(7)
    tag, separator, message = rest.partition(_TAG_END)
    if not separator:
        tag, message = rest.rstrip(":"), ""
    return LogLine(
        month=int(match.group(1)),
        day=int(match.group(2)),
        time=match.group(3),
        pid=int(match.group(4)),
        tid=int(match.group(5)),
        level=match.group(6),
        tag=tag.strip()[:128],
        message=message[:8192],
    )

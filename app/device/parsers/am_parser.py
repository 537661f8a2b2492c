"""Results of `am start`, `am startservice` and `am start-foreground-service`.

The exit status of `am` is not a reliable success signal on every Android version
(`Error type 3` comes with exit 0 on some), so the text decides: any line starting
with `Error`, `Exception` or `java.` means failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.device.parsers import OutputParseError, checked_text, int_or_none

_STARTING = re.compile(r"\AStarting(?: service)?: Intent \{ (.{0,512}) \}")
_COMPONENT = re.compile(r"\bcmp=(\S{1,256})")
_FAILURE_PREFIXES = ("Error", "Exception", "java.", "Security exception")


@dataclass(frozen=True)
class AmStartResult:
    """What `am` said: started or not, the component, and the first error or warning line."""

    started: bool
    service: bool
    component: str
    error: str
    warning: str
    launch_state: str
    total_time_ms: int | None


def parse_am_start(text: str, exit_code: int | None = None) -> AmStartResult:
    """Interpret `am start`/`startservice`/`start-foreground-service` output (stdout and stderr merged)."""
    text = checked_text(text, "am start", limit=256 * 1024)
    started = service = False
    component = error = warning = launch_state = ""
    total_time: int | None = None
    for raw in text.splitlines():
        line = raw.strip()
        starting = _STARTING.match(line)
        if starting:
            started, service = True, line.startswith("Starting service")
            found = _COMPONENT.search(starting.group(1))
            component = found.group(1) if found else component
        elif line.startswith(_FAILURE_PREFIXES) and not error:
            error = line[:512]
        elif line.startswith("Warning:") and not warning:
            warning = line[:512]
        elif line.startswith("LaunchState:"):
            launch_state = line.partition(":")[2].strip()[:16]
        elif line.startswith("TotalTime:"):
            total_time = int_or_none(line.partition(":")[2])
    if not (started or error or warning):
        if exit_code not in (None, 0):
            error = f"am exited with status {exit_code}"
        else:
            raise OutputParseError("am start: output names no intent, error or warning")
    ok = started and not error and (exit_code in (None, 0))
    return AmStartResult(ok, service, component, error, warning, launch_state, total_time)

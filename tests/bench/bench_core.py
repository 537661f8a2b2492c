"""Benchmarks of the pure domain core; run as `python tests/bench/bench_core.py`.

Prints rows `name | value | baseline | ratio`.  Each baseline is measured in
the same run on the same input, so the ratio survives a slower machine:

* redact_text: log lines per second one line at a time (the logging
  filter's case) and MB/s over a whole capture (the diagnostics service's
  case), each against one bare `re.sub` of a single phone pattern over the
  same input (the least any redactor must do).
* due_at: deadlines per second across a week of business hours, against
  adding a plain `timedelta` to the same datetimes.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.redaction import redact_text  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "unit" / "device" / "samples" / "10_logcat_threadtime_loghub.txt"
PERSONAL = [
    "03-17 16:14:01.001  1702  2395 I Telephony: incoming call from +86 138 1234 5678",
    "03-17 16:14:01.002  1702  2395 D AccountManager: Account {name=wei.zhang@example.com, type=com.google}",
    '03-17 16:14:01.003  1702  2395 D WifiStateMachine: SSID: "ZhangHome", BSSID: 0a:1b:2c:3d:4e:5f, rssi: -55',
    "03-17 16:14:01.004  1702  2395 I LocationManager: Location[gps 22.543096,114.057865 hAcc=5]",
    "03-17 16:14:01.005  1702  2395 I PhoneSubInfo: getDeviceId imei=860955027785041",
]


def _log_lines(count: int) -> list[str]:
    plain = [line for line in SAMPLE.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    mixed = plain + PERSONAL
    return [mixed[index % len(mixed)] for index in range(count)]


def _best_rate(work: Callable[[], object], items: int, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return items / best


def bench_redaction() -> tuple[str, float, float]:
    lines = _log_lines(50_000)
    phone_only = re.compile(r"1[3-9]\d{9}")
    value = _best_rate(lambda: [redact_text(line) for line in lines], len(lines))
    baseline = _best_rate(lambda: [phone_only.sub("[PHONE]", line) for line in lines], len(lines))
    return "redact_text lines/s", value, baseline


def bench_redaction_capture() -> tuple[str, float, float]:
    """A whole `logcat -d` capture at once, as the diagnostics service redacts it (MB/s)."""
    text = "\n".join(_log_lines(50_000))
    megabytes = len(text.encode("utf-8")) / 1e6
    phone_only = re.compile(r"1[3-9]\d{9}")
    value = _best_rate(lambda: redact_text(text), 1) * megabytes
    baseline = _best_rate(lambda: phone_only.sub("[PHONE]", text), 1) * megabytes
    return "redact_text capture MB/s", value, baseline


def bench_deadlines() -> tuple[str, float, float] | None:
    try:
        from app.core.deadlines import Priority, default_calendar, due_at
    except ImportError:
        return None
    calendar = default_calendar()
    starts = [datetime(2026, 11, 16, 7, 0) + timedelta(minutes=37 * n) for n in range(5_000)]
    value = _best_rate(lambda: [due_at(s, Priority.P3, calendar) for s in starts], len(starts))
    baseline = _best_rate(lambda: [s + timedelta(hours=24) for s in starts], len(starts))
    return "due_at P3 per s", value, baseline


def main() -> None:
    print("name | value | baseline | ratio")
    for row in (bench_redaction(), bench_redaction_capture(), bench_deadlines()):
        if row is None:
            continue
        name, value, baseline = row
        print(f"{name} | {value:,.1f} | {baseline:,.1f} | {value / baseline:.3f}")


if __name__ == "__main__":
    main()

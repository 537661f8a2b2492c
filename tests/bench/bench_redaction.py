"""Redaction of a whole logcat capture, in MB/s on one core (not collected as tests).

Run: python tests/bench/bench_redaction.py
Rows: name | value | baseline | ratio, all in MB/s of CPU time (time.process_time, so other
processes on a shared machine do not count), best of 5, on 5 MB logs built in the run:

  realistic: lines of a real `logcat -v threadtime` capture (tests/unit/device/samples/10) with
      fresh times and pids, personal data planted in 1 line of 50;
  chinese: the same with Chinese words in every fifth line (non-ASCII text, as on a Chinese phone);
  dense: the diagnostics benchmark's old synthetic log, personal data in 3 lines of 4 (a worst case
      no phone writes).

Each log has three rows against baselines measured on the same bytes in the same run:
  redact_text vs plain re scan: one bare `re.sub` of a single phone pattern (the least any
      redactor must do with `re`);
  redact_text vs exact passes: every exact pattern over the whole text (the redaction without the
      Hyperscan prefilter);
  prefilter share: the Hyperscan scan alone, against the whole redaction;
and redact_capture, what the diagnostics flow runs (lines bounded, then redact_log: redact_text and a customer's name).
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core import redaction_prefilter  # noqa: E402
from app.core.redaction import redact_exact, redact_text  # noqa: E402
from app.diagnostics.logs import redact_capture  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "unit" / "device" / "samples" / "10_logcat_threadtime_loghub.txt"
LOG_BYTES = 5 * 1024 * 1024
PERSONAL = (
    "incoming call from +86 138 1234 5678",
    "Account {name=wei.zhang@example.com, type=com.google}",
    'SSID: "ZhangHome", BSSID: 0a:1b:2c:3d:4e:5f, rssi: -55',
    "Location[gps 22.543096,114.057865 hAcc=5]",
    "getDeviceId imei=860955027785041",
    "bt connect 3c:52:82:1a:2b:3c",
)
CHINESE = ("正在连接到网络", "电池温度正常", "应用程序无响应", "屏幕已关闭")


def realistic_log(seed: int = 7, chinese: bool = False) -> str:
    """Real capture lines with new headers; every 50th line carries personal data."""
    rng = random.Random(seed)
    bodies = [
        line.split(": ", 1)
        for line in SAMPLE.read_text("utf-8").splitlines()
        if line and not line.startswith("#") and ": " in line
    ]
    lines, size = [], 0
    while size < LOG_BYTES:
        head, message = rng.choice(bodies)
        level_tag = head[31:]
        if chinese and len(lines) % 5 == 0:
            message += " " + rng.choice(CHINESE)
        if len(lines) % 50 == 0:
            message += " " + rng.choice(PERSONAL)
        line = (
            f"11-23 10:{rng.randrange(60):02d}:{rng.randrange(60):02d}.{rng.randrange(1000):03d} "
            f"{rng.randrange(1, 32768):5d} {rng.randrange(1, 32768):5d} {level_tag}: {message}"
        )
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(lines) + "\n"


def dense_log() -> str:
    from bench_diagnostics import five_megabyte_log  # the log the diagnostics benchmark used before

    return five_megabyte_log()


def cpu_rate(work: Callable[[], object], megabytes: float, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return megabytes / best


def rows_for(name: str, text: str) -> list[tuple[str, float, float]]:
    megabytes = len(text.encode("utf-8")) / 1e6
    phone = re.compile(r"1[3-9]\d{9}")
    ours = cpu_rate(lambda: redact_text(text), megabytes)
    plain = cpu_rate(lambda: phone.sub("[PHONE]", text), megabytes)
    exact = cpu_rate(lambda: redact_exact(text), megabytes, repeats=1)
    scan = cpu_rate(lambda: redaction_prefilter.flagged_lines(text), megabytes)
    capture = cpu_rate(
        lambda: redact_capture(text, keep_ssid=False, keep_bssid=False, customer_names=("Bench Customer",)),
        megabytes,
    )
    return [
        (f"{name}: redact_capture (lines bounded, a customer name) MB/s vs plain re scan", capture, plain),
        (f"{name}: redact_text MB/s vs plain re scan", ours, plain),
        (f"{name}: redact_text MB/s vs exact passes", ours, exact),
        (f"{name}: redact_text MB/s vs prefilter scan alone", ours, scan),
    ]


def main() -> None:
    redact_text(realistic_log(1)[:100_000])  # builds the Hyperscan database once, outside the timing
    rows = []
    rows += rows_for("realistic", realistic_log())
    rows += rows_for("chinese", realistic_log(chinese=True))
    rows += rows_for("dense", dense_log())
    print("name | value | baseline | ratio")
    for name, value, baseline in rows:
        print(f"{name} | {value:,.1f} | {baseline:,.1f} | {value / baseline:.2f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()

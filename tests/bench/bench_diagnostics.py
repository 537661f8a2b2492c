"""Diagnostics-flow benchmark against a baseline measured in the same run (not collected as tests).

Run: python tests/bench/bench_diagnostics.py
Rows: name | value | baseline | ratio, for two 5 MB logs:
  realistic: lines of a real capture with 1 line in 50 holding personal data (bench_redaction.py);
  dense: a synthetic log with personal data in 3 lines of 4 (a worst case no phone writes).
For each:
  diagnose_ms: DiagnosticsFlow.run of identity + battery + logs (a 5 MB logcat) on a phone with the
      Diagnostic Tool: consent gate, tool version, tool start, `done` polling, result pulls and checks,
      getprop, dumpsys battery, logcat, redaction, zlib, encrypted store writes with journal and outbox,
      clean-up.  Baseline: a bare adbutils sequence of the same adb commands (no parsing, no storing).
  redact_5MB_ms: the redaction of that log inside each run (timed there; CPU-bound, no adb involved).
  diagnose_excl_redaction_ms: each run minus its own redaction time, against the same baseline
      (target <= 1.2 for the whole run, diagnose_ms).  Rounds of ours and of the baseline
      alternate, so machine load hits both alike.
The phone is `repair-counter handset-sim` in its own process, behind a real adb server.
"""

from __future__ import annotations

import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import adbutils  # noqa: E402

from app.accounts import service  # noqa: E402
from app.core.reference_data import default_resources_dir, load_reference_data  # noqa: E402
from app.device.adb_server import AdbServer, bundled_adb_path  # noqa: E402
from app.device.session import DeviceSession  # noqa: E402
from app.diagnostics import flow as flow_module  # noqa: E402
from app.diagnostics.consent import ConsentInput, give_consent  # noqa: E402
from app.diagnostics.flow import DiagnosticsFlow, RunRequest, ScriptedPrompts  # noqa: E402
from app.diagnostics.logs import redact_capture  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.storage.sealing import Argon2Params  # noqa: E402
from app.storage.vault import Vault  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "resources" / "handsets" / "coloros-oneplus8-tool"
TOOL = "com.repaircounter.diagtool"
LOG_BYTES = 5 * 1024 * 1024
ROUNDS = 8
CATEGORIES = ("device_info", "battery_record", "logs", "software_fault")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def five_megabyte_log() -> str:
    """Threadtime lines like a real phone's, some with data the redaction must remove."""
    rng = random.Random(4)
    tags = ("ActivityManager", "WindowManager", "PowerManagerService", "WifiService", "Telecom", "AndroidRuntime")
    lines, size = [], 0
    while size < LOG_BYTES:
        tag = rng.choice(tags)
        extra = rng.choice(
            (
                "",
                f" caller 1381234{rng.randrange(10_000):04d}",
                f' SSID: "Cafe-{rng.randrange(99)}"',
                f" user=someone{rng.randrange(999)}@example.com",
            )
        )
        line = (
            f"11-23 10:{rng.randrange(60):02d}:{rng.randrange(60):02d}.{rng.randrange(1000):03d}  "
            f"{rng.randrange(1, 32768):5d} {rng.randrange(1, 32768):5d} D {tag}: event {rng.randrange(10**9)} "
            f"state={rng.choice(('on', 'off', 'idle'))}{extra}"
        )
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines) + "\n"


def bench_profile(folder: Path, log: str) -> Path:
    profile = folder / "bench-phone"
    shutil.copytree(PROFILE, profile)
    (profile / "logcat.txt").write_text(log, encoding="utf-8")
    toml = (
        (profile / "profile.toml").read_text(encoding="utf-8").replace("result_delay_ms = 300", "result_delay_ms = 0")
    )
    (profile / "profile.toml").write_text(toml, encoding="utf-8")
    return profile


def bare_sequence(device: adbutils.AdbDevice) -> None:
    """The adb commands the flow sends, through plain adbutils."""
    session = "benchbare"
    folder = f"/sdcard/Android/data/{TOOL}/files/sessions/{session}"
    device.shell(f"dumpsys package {TOOL}")
    device.shell(
        f"am start-foreground-service -n {TOOL}/.DiagnosticService --es session {session} "
        f"--es categories {','.join(CATEGORIES)}"
    )
    while not device.sync.exists(f"{folder}/done"):
        time.sleep(0.05)
    device.sync.read_bytes(f"{folder}/device_info.json")
    device.shell("getprop")
    device.sync.read_bytes(f"{folder}/battery_record.json")
    device.shell("dumpsys battery")
    device.shell("logcat -d -v threadtime -t 50000")
    device.sync.read_bytes(f"{folder}/software_fault.json")
    device.shell(f"rm -rf {folder}")
    device.shell(f"am force-stop {TOOL}")


def measure(log: str) -> tuple[float, float, float, float]:
    """Median seconds of (our run, the bare sequence, our redaction, our run less its redaction)."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        phone = subprocess.Popen(
            [sys.executable, "-m", "app", "handset-sim", "--profile", str(bench_profile(folder, log))],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            address = phone.stdout.readline().strip().removeprefix("listening on ")  # type: ignore[union-attr]
            with AdbServer(port=free_port(), home=folder, adb_path=bundled_adb_path()) as server:
                client = server.client()
                client.connect(address, timeout=10)
                client.wait_for(address, state="device", timeout=10)
                vault = Vault(
                    DataPaths(folder / "data"), argon2=Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)
                )
                first = service.initialise_store(
                    vault, service.OutletInfo("SZ01", "Bench", "CN"), "M001", "Bench", "bench-password"
                )
                session = first.session
                reference = load_reference_data(default_resources_dir())
                consent = give_consent(
                    session, reference.consents, ConsentInput("Bench Customer", CATEGORIES, method="verbal")
                )
                flow = DiagnosticsFlow(session, reference, tool_timeout=10, poll_seconds=0.05)
                device = DeviceSession(client, address)
                request = RunRequest(("identity", "battery", "logs"), consent)

                redaction: list[float] = []

                def timed_redaction(*args, **kwargs):  # type: ignore[no-untyped-def]
                    start = time.perf_counter()
                    try:
                        return redact_capture(*args, **kwargs)
                    finally:
                        redaction.append(time.perf_counter() - start)

                flow_module.redact_capture = timed_redaction  # measure the redaction where it happens

                def ours() -> None:
                    report = flow.run(device, request, ScriptedPrompts())
                    assert report.complete and report.log_lines >= min(50_000, log.count("\n")), report.to_json()

                bare_device = adbutils.AdbClient(port=server.port).device(address)
                ours(), bare_sequence(bare_device)  # warm-up
                totals, redactions, bares = [], [], []
                for _ in range(ROUNDS):
                    redaction.clear()
                    start = time.perf_counter()
                    ours()
                    totals.append(time.perf_counter() - start)
                    redactions.append(sum(redaction))
                    start = time.perf_counter()
                    bare_sequence(bare_device)
                    bares.append(time.perf_counter() - start)
                ours_s, bare_s = statistics.median(totals), statistics.median(bares)
                redact_s = statistics.median(redactions)
                rest_s = statistics.median(t - r for t, r in zip(totals, redactions, strict=True))
                session.lock()
                client.disconnect(address)
        finally:
            phone.terminate()
            phone.wait(timeout=10)
    return ours_s, bare_s, redact_s, rest_s


def main() -> None:
    from bench_redaction import realistic_log

    rows = []
    for name, log in (("realistic", realistic_log()), ("dense", five_megabyte_log())):
        ours_s, bare_s, redact_s, rest_s = measure(log)
        rows += [
            f"{name}: diagnose_ms | {ours_s * 1000:.0f} | {bare_s * 1000:.0f} | {ours_s / bare_s:.2f}",
            f"{name}: redact_5MB_ms | {redact_s * 1000:.0f} | - | -",
            f"{name}: diagnose_excl_redaction_ms | {rest_s * 1000:.0f} | {bare_s * 1000:.0f} | {rest_s / bare_s:.2f}",
        ]
    print("name | value | baseline | ratio")
    print("\n".join(rows))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()

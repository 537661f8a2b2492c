"""Device-layer benchmarks against baselines measured in the same run (not collected as tests).

Run: python tests/bench/bench_device.py
Rows: name | value | baseline | ratio
  identify_ms: DeviceSession.identify (getprop, dumpsys battery, tool version, parsed) vs bare adbutils
               shell() calls of the same three commands; ratio = ours / bare (target <= 1.3).
  pull_64MiB_MBps: DeviceSession.pull throughput vs `adb pull` of the same file; ratio = ours / adb
               (target >= 0.8).
Both go through a real adb server (adbutils' bundled binary) to a simulated handset that runs in
its own process (`repair-counter handset-sim`), as a phone would: in-process it would compete with
the Python client for the GIL while `adb pull` (C++) would not.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import adbutils  # noqa: E402

from app.device.adb_server import AdbServer, bundled_adb_path, free_loopback_port  # noqa: E402
from app.device.session import DeviceSession  # noqa: E402

TOOL = "com.repaircounter.diagtool"
PROFILE = Path(__file__).resolve().parents[2] / "resources" / "handsets" / "coloros-oneplus8-tool"
ROUNDS = 40
PULL_BYTES = 64 * 1024 * 1024


free_port = free_loopback_port


def median_ms(action, rounds: int = ROUNDS) -> float:  # type: ignore[no-untyped-def]
    action()  # warm-up
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def bench_identify(client: adbutils.AdbClient, address: str) -> tuple[float, float]:
    session = DeviceSession(client, address)
    ours = median_ms(lambda: session.identify(TOOL))
    bare_device = adbutils.AdbClient(host="127.0.0.1", port=client.port).device(address)

    def bare() -> None:
        bare_device.shell("getprop")
        bare_device.shell("dumpsys battery")
        bare_device.shell(f"dumpsys package {TOOL}")

    return ours, median_ms(bare)


def bench_pull(server: AdbServer, client: adbutils.AdbClient, address: str, folder: Path) -> tuple[float, float]:
    session = DeviceSession(client, address)
    ours_s, adb_s = [], []
    for _ in range(5):
        start = time.perf_counter()
        session.pull("/sdcard/bench.bin", folder / "ours.bin")
        ours_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = server.run("-s", address, "pull", "/sdcard/bench.bin", str(folder / "adb.bin"), timeout=120)
        adb_s.append(time.perf_counter() - start)
        assert result.returncode == 0, result.stderr
    assert (folder / "ours.bin").stat().st_size == PULL_BYTES == (folder / "adb.bin").stat().st_size
    mb = PULL_BYTES / 1e6
    return mb / min(ours_s), mb / min(adb_s)


def bench_profile(folder: Path) -> Path:
    """The ColorOS profile plus a 64 MiB file on the phone."""
    profile = folder / "bench-phone"
    shutil.copytree(PROFILE, profile)
    (profile / "bench.bin").write_bytes(os.urandom(PULL_BYTES))
    with (profile / "profile.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[files]\n"/sdcard/bench.bin" = { file = "bench.bin" }\n')
    return profile


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        phone = subprocess.Popen(
            [sys.executable, "-m", "app", "handset-sim", "--profile", str(bench_profile(folder))],
            cwd=Path(__file__).resolve().parents[2],
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
                ours, bare = bench_identify(client, address)
                ours_rate, adb_rate = bench_pull(server, client, address, folder)
                client.disconnect(address)
        finally:
            phone.terminate()
            phone.wait(timeout=10)
    print("name | value | baseline | ratio")
    print(f"identify_ms | {ours:.2f} | {bare:.2f} | {ours / bare:.2f}")
    print(f"pull_64MiB_MBps | {ours_rate:.0f} | {adb_rate:.0f} | {ours_rate / adb_rate:.2f}")


if __name__ == "__main__":
    main()

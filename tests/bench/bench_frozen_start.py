"""Start-up of the frozen app to the sign-in window, against the same start from the venv (not a test).

Run: python tests/bench/bench_frozen_start.py      (after `bash installer/build`; needs Xvfb and xwininfo)
Rows: name | value | baseline | ratio
  cold_start_s: a new process until the sign-in window is mapped on a real X server (Xvfb, xcb
                platform), with the program's files dropped from the page cache first
                (posix_fadvise DONTNEED on every file of the bundle, or of the venv, the app's
                sources and the Python it runs on); baseline: `.venv/bin/repair-counter`.
                Target: ratio <= 1.5.
  warm_start_s: the same with the files already cached.
Both open an existing store (so the sign-in window, not the first-run wizard, shows), with adb
pointed at a missing file: starting an adb server takes seconds and is the same for both.
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "build" / "dist" / "repair-counter" / "repair-counter"
VENV_APP = ROOT / ".venv" / "bin" / "repair-counter"
ROUNDS = 3
WINDOW_TITLE = "Repair Counter"


def evict(*trees: Path) -> None:
    """Drop these files' pages from the page cache, so the next start reads them from disk."""
    for tree in trees:
        for folder, _, files in os.walk(tree):
            for name in files:
                try:
                    fd = os.open(os.path.join(folder, name), os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    return server, f":{number}"


def window_is_viewable(display: str) -> bool:
    answer = subprocess.run(
        ["xwininfo", "-display", display, "-name", WINDOW_TITLE], capture_output=True, text=True, check=False
    )
    return "IsViewable" in answer.stdout


def time_to_window(command: list[str], env: dict[str, str], display: str) -> float:
    errors = tempfile.TemporaryFile()
    started = time.perf_counter()
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    try:
        while not window_is_viewable(display):
            if app.poll() is not None:
                errors.seek(0)
                said = errors.read()[-2000:].decode(errors="replace")
                raise RuntimeError(f"{command[0]} exited with {app.returncode} before its window showed:\n{said}")
            if time.perf_counter() - started > 120:
                raise RuntimeError(f"{command[0]}: no window after 120 s")
            time.sleep(0.01)
        elapsed = time.perf_counter() - started
        print(f"{command[0]}: {elapsed:.2f} s", file=sys.stderr, flush=True)
        return elapsed
    finally:
        errors.close()
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def missing_x_tools() -> bool:
    """True (after saying which) when Xvfb or xwininfo is not installed."""
    for tool in ("Xvfb", "xwininfo"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing (Debian packages xvfb, x11-utils)", file=sys.stderr)
            return True
    return False


def start_env(home: Path, display: str) -> dict[str, str]:
    """What every measured start runs with: its own HOME and store, the X display, no adb server (adb
    pointed at a missing file: starting one takes seconds and says nothing of the app's own start)."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "ADBUTILS_ADB_PATH": str(home / "no-adb"),
        "REPAIR_COUNTER_DATA_DIR": str(home / "data"),
        "LANG": "C.UTF-8",
    }


def make_store(data_dir: Path, env: dict[str, str]) -> None:
    subprocess.run(
        [str(VENV_APP), "init", "--data-dir", str(data_dir), "--outlet", "SZ01", "--name", "Bench outlet",
         "--region", "CN", "--admin", "E1001", "--password-stdin"],
        input="bench-pass-1\n", env=env, text=True, check=True, capture_output=True,
    )  # fmt: skip


def main() -> int:
    if not FROZEN.is_file():
        print(f"no frozen app at {FROZEN}: run `bash installer/build` first", file=sys.stderr)
        return 1
    if missing_x_tools():
        return 1
    xvfb, display = start_xvfb()
    home = Path(tempfile.mkdtemp(prefix="bench-frozen-start-"))
    try:
        env = start_env(home, display)
        make_store(home / "data", env)
        frozen_files = [FROZEN.parent]
        venv_files = [ROOT / ".venv", ROOT / "app", ROOT / "resources", Path(sysconfig.get_paths()["stdlib"])]
        venv_files += [Path(sys.base_prefix) / "lib"]  # libpython and the standard library the venv runs on
        cold: dict[str, list[float]] = {"frozen": [], "venv": []}
        warm: dict[str, list[float]] = {"frozen": [], "venv": []}
        runs = {"frozen": ([str(FROZEN)], frozen_files), "venv": ([str(VENV_APP)], venv_files)}
        for _ in range(ROUNDS):
            for name, (command, files) in runs.items():  # interleaved, so load on the machine hits both
                evict(*files)
                cold[name].append(time_to_window(command, env, display))
                warm[name].append(time_to_window(command, env, display))
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(home, ignore_errors=True)
    print("name | value | baseline | ratio")
    for label, samples in (("cold_start_s", cold), ("warm_start_s", warm)):
        ours, base = statistics.median(samples["frozen"]), statistics.median(samples["venv"])
        print(f"{label} (median of {ROUNDS}) | {ours:.2f} s | {base:.2f} s venv | {ours / base:.2f}x")
    ratio = statistics.median(cold["frozen"]) / statistics.median(cold["venv"])
    print(f"cold start ratio {ratio:.2f}: {'within' if ratio <= 1.5 else 'OVER'} the 1.5x target", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Cold start to the sign-in window, against a bare PySide6 window, in the same run (not a test).

Run: python tests/bench/bench_cold_start.py      (needs Xvfb and xwininfo)
Rows: name | value | baseline | ratio
  sign_in_window_s: `.venv/bin/repair-counter` (the GUI on an existing store, as a counter starts it
                    every morning) until its sign-in window is mapped on a real X server (Xvfb, xcb);
                    baseline: a bare PySide6 window (QApplication + one QWidget) the same way.
                    Target: ratio <= 2.
Each is the median of ROUNDS starts, interleaved so the machine's load hits both alike. adb is pointed
at a missing file: the app must not start an adb server before sign-in, and the bench must not touch
a real one.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from tests.bench.bench_frozen_start import VENV_APP, WINDOW_TITLE, make_store, start_xvfb, time_to_window

ROUNDS = 5
BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv[:1])\n"
    "window = QWidget()\n"
    f"window.setWindowTitle({WINDOW_TITLE!r})\n"
    "window.show()\n"
    "app.exec()\n"
)


def live_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb that is still up a moment after starting: two started at once (other benchmarks, xvfb-run)
    can pick the same free display, and the one that loses exits."""
    for _ in range(5):
        xvfb, display = start_xvfb()
        time.sleep(0.5)
        if xvfb.poll() is None:
            return xvfb, display
    raise RuntimeError("Xvfb did not stay up")


def main() -> int:
    for tool in ("Xvfb", "xwininfo"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing (Debian packages xvfb, x11-utils)", file=sys.stderr)
            return 1
    xvfb, display = live_xvfb()
    home = Path(tempfile.mkdtemp(prefix="bench-cold-start-"))
    try:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "ADBUTILS_ADB_PATH": str(home / "no-adb"),
            "REPAIR_COUNTER_DATA_DIR": str(home / "data"),
            "LANG": "C.UTF-8",
        }
        make_store(home / "data", env)
        runs = {"bare": [sys.executable, "-c", BARE_WINDOW], "app": [str(VENV_APP)]}
        samples: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(ROUNDS):
            for name, command in runs.items():
                samples[name].append(time_to_window(command, env, display))
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(home, ignore_errors=True)
    app, bare = statistics.median(samples["app"]), statistics.median(samples["bare"])
    print("name | value | baseline | ratio")
    print(f"sign_in_window_s (median of {ROUNDS}) | {app:.2f} s | {bare:.2f} s bare PySide6 window | {app / bare:.2f}x")
    verdict = "within" if app / bare <= 2 else "OVER"
    summary = f"cold start: app {app:.2f} s, bare {bare:.2f} s, ratio {app / bare:.2f}: {verdict} the 2x target"
    print(summary, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Cold start to the sign-in window, against a bare PySide6 window, in the same run (not a test).

Run: python tests/bench/bench_cold_start.py [--before DIR]     (needs Xvfb and xwininfo)
     --before DIR: also start the same command from another checkout of the code (`git archive main |
     tar -x -C DIR`), in the same rounds, for a before/after on equal load.
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

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from tests.bench.bench_frozen_start import (
    VENV_APP,
    WINDOW_TITLE,
    make_store,
    missing_x_tools,
    start_env,
    time_to_window,
)

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
    """An Xvfb of our own on a free display of a high range that answers a client, retried: several agents
    start X servers on this machine, and one picked by -displayfd was at times another's :0."""
    for number in random.sample(range(150, 400), 8):
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        xvfb = subprocess.Popen(
            ["Xvfb", f":{number}", "-nolisten", "tcp", "-screen", "0", "1366x768x24"], stderr=subprocess.DEVNULL
        )
        display = f":{number}"
        for _ in range(50):
            time.sleep(0.1)
            answer = subprocess.run(["xwininfo", "-display", display, "-root"], capture_output=True, check=False)
            if xvfb.poll() is not None or answer.returncode == 0:
                break
        if xvfb.poll() is None and answer.returncode == 0:
            return xvfb, display
        xvfb.terminate()
        xvfb.wait()
    raise RuntimeError("no Xvfb could be started")


def from_checkout(folder: str) -> list[str]:
    """`repair-counter` run from another checkout of the code (its `app` ahead of the installed one)."""
    code = f"import sys; sys.path.insert(0, {folder!r}); from app.cli import main; sys.exit(main())"
    return [sys.executable, "-c", code]


def timed_start(command: list[str], env: dict[str, str], display: str) -> float:
    """Seconds to the window; a start whose X connection was refused (a loaded machine) is tried again."""
    for attempt in range(3):
        try:
            return time_to_window(command, env, display)
        except RuntimeError as exc:
            if "could not connect to display" not in str(exc) or attempt == 2:
                raise
            print("the X server refused a connection; trying that start again", file=sys.stderr)
    raise AssertionError("unreachable")


def main() -> int:
    if missing_x_tools():
        return 1
    xvfb, display = live_xvfb()
    home = Path(tempfile.mkdtemp(prefix="bench-cold-start-"))
    try:
        env = start_env(home, display)
        make_store(home / "data", env)
        runs = {"bare": [sys.executable, "-c", BARE_WINDOW], "app": [str(VENV_APP)]}
        if "--before" in sys.argv:
            runs["before"] = from_checkout(sys.argv[sys.argv.index("--before") + 1])
        samples: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(ROUNDS):
            for name, command in runs.items():
                samples[name].append(timed_start(command, env, display))
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(home, ignore_errors=True)
    app, bare = statistics.median(samples["app"]), statistics.median(samples["bare"])
    print("name | value | baseline | ratio")
    print(f"sign_in_window_s (median of {ROUNDS}) | {app:.2f} s | {bare:.2f} s bare PySide6 window | {app / bare:.2f}x")
    if "before" in samples:
        before = statistics.median(samples["before"])
        print(f"the same before (--before) | {before:.2f} s | {bare:.2f} s bare PySide6 window | {before / bare:.2f}x")
    verdict = "within" if app / bare <= 2 else "OVER"
    summary = f"cold start: app {app:.2f} s, bare {bare:.2f} s, ratio {app / bare:.2f}: {verdict} the 2x target"
    print(summary, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

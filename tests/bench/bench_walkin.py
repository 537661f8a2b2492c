"""The scripted walk-in of tests/ui/test_walkin_keyboard.py: its key count and wall time, in English and
Chinese; run as `python tests/bench/bench_walkin.py` (timings are printed, never asserted).

Prints rows `name | value | baseline | ratio`, each baseline from the same run:

* extra keys against the keys of the customer's own data typed in the same walk-in (issue 14
  measured 119 extra keys against 63 before the counter flow was joined);
* the walk-in's wall time against the diagnostics run inside it (the phone's own time, which no
  key saves): the ratio is what the window, the store and the slip add around the phone.

The walk-in runs in pytest (it needs pytest-qt's key events and the real adb server fixture), in
its own process; the test prints one line per language, read here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.timing import row  # noqa: E402

LINE = re.compile(
    r"walk-in \((?P<language>[\w]+)\): (?P<extra>\d+) extra keys beyond (?P<data>\d+) keys of customer data, "
    r"(?P<wall>[\d.]+) s wall, diagnostics run (?P<run>[\d.]+) s"
)


def main() -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    command = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", "tests/ui/test_walkin_keyboard.py"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    found = list(LINE.finditer(result.stdout))
    if not found:
        print(result.stdout[-3000:], result.stderr[-2000:], file=sys.stderr)
        return 1
    print("name | value | baseline | ratio")
    for match in found:
        language = match["language"]
        row(f"walk-in {language}: extra keys / customer data keys", float(match["extra"]), float(match["data"]), "keys")
        row(f"walk-in {language}: wall / diagnostics run", float(match["wall"]), float(match["run"]), "s")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())

"""Run every benchmark in tests/bench/ and print one table.

    .venv/bin/python tests/bench/run_all.py [NAME ...]

Each bench_*.py runs in its own process (so one cannot warm another's caches)
and prints rows `name | value | baseline | ratio`; this collects them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main(selected: list[str]) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    rows, failed = [], []
    for script in sorted(HERE.glob("bench_*.py")):
        if selected and not any(s in script.stem for s in selected):
            continue
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            failed.append(script.name)
            print(result.stderr[-2000:], file=sys.stderr)
        cells = [[c.strip() for c in line.split("|")] for line in result.stdout.splitlines() if line.count("|") == 3]
        rows += [(script.stem[6:], *c) for c in cells if c[0] != "name"]  # a script's own header row
    widths = [
        max(len(str(r[i])) for r in rows + [("bench", "measure", "value", "baseline", "ratio")]) for i in range(5)
    ]
    header = ("bench", "measure", "value", "baseline", "ratio")
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)))
    if failed:
        print(f"FAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

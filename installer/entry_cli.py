"""Entry point of the frozen `repair-counter` executable (installer/repair-counter.spec)."""

import multiprocessing
import sys
import traceback

from app.cli import main


def run() -> int:
    try:
        return main()
    except Exception:
        # The GUI replaces sys.excepthook with its crash dialog; from a console the trace is wanted too.
        if sys.stderr is not None:
            traceback.print_exc()
        raise


if __name__ == "__main__":
    # A frozen program re-runs itself for child processes (the upstream's workers); this stops them there.
    multiprocessing.freeze_support()
    raise SystemExit(run())

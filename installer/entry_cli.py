"""Entry point of the frozen `repair-counter` executable (installer/repair-counter.spec)."""

import multiprocessing

from app.cli import main

if __name__ == "__main__":
    # A frozen program re-runs itself for child processes (the upstream's workers); this stops them there.
    multiprocessing.freeze_support()
    raise SystemExit(main())

"""Every location the app writes to, declared once.

Nothing is written outside the data directory.  It comes from `--data-dir`,
else `REPAIR_COUNTER_DATA_DIR`, else the per-user application-data folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "REPAIR_COUNTER_DATA_DIR"


def resources_dir() -> Path:
    """The read-only `resources/` folder (fonts, translations, consent texts, reference data, handsets).

    From a checkout or a pip install it sits beside the `app` package.  In the frozen app
    (PyInstaller, installer/repair-counter.spec) modules have no folder of their own, so it is
    inside the bundle: `sys._MEIPASS`, which is the `_internal` folder next to the executable.
    """
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None) or Path(sys.executable).resolve().parent / "_internal"
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


RESOURCES = resources_dir()


def default_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "RepairCounter"


def resolve_data_dir(explicit: str | os.PathLike[str] | None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    return Path(from_env).expanduser().resolve() if from_env else default_data_dir()


@dataclass(frozen=True)
class DataPaths:
    """The files inside one data directory."""

    root: Path

    @classmethod
    def at(cls, explicit: str | os.PathLike[str] | None) -> DataPaths:
        return cls(resolve_data_dir(explicit))

    @property
    def database(self) -> Path:
        return self.root / "counter.db"

    @property
    def key_file(self) -> Path:
        return self.root / "counter.keys"

    @property
    def lock_file(self) -> Path:
        """Held by the process that has the store open (app/storage/writer_lock.py)."""
        return self.root / "counter.lock"

    @property
    def staging(self) -> Path:
        """Files made only to be handed on at once (the diagnostic tool's installer), never the system temp."""
        return self.root / "staging"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def slips(self) -> Path:
        """Where the counter saves slips as PDF by default (Save PDF starts here); made on first use."""
        return self.root / "slips"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    def ensure_root(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)

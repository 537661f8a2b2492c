"""Every user setting, declared once, kept as JSON in the data directory (never in the registry
or ~/.config: nothing is written outside the data directory)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.storage.atomic_file import write_atomically

LANGUAGES = ("en", "zh_CN")
MAX_PORT = 200  # longer than any device path or COM name


@dataclass
class Settings:
    language: str = "en"
    #: Minutes without a key press or mouse event before the window locks.
    idle_lock_minutes: int = 5
    #: The serial port of a 2D barcode scanner ("" for none; picked from the PC's ports, never preset).
    scanner_port: str = ""

    def validated(self) -> Settings:
        language = self.language if self.language in LANGUAGES else "en"
        minutes = self.idle_lock_minutes if isinstance(self.idle_lock_minutes, int) else 5
        port = self.scanner_port if isinstance(self.scanner_port, str) and len(self.scanner_port) <= MAX_PORT else ""
        return Settings(language, min(max(minutes, 1), 240), port.strip())


def load_settings(path: Path) -> Settings:
    """Unknown keys are ignored and bad values replaced, so an old or edited file never stops the app."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    if not isinstance(data, dict):
        return Settings()
    try:
        return Settings(**{k: v for k, v in data.items() if k in known}).validated()
    except TypeError:
        return Settings()


def save_settings(path: Path, settings: Settings) -> None:
    if path.parent.is_dir():
        write_atomically(path, json.dumps(asdict(settings.validated()), indent=1).encode())

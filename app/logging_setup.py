"""Logging: one rotating file in the data directory, and nothing personal in it.

Every line passes through `redact_text` after it is fully formatted
(traceback included), so a phone number in an exception message is caught
too.  Customer names cannot be recognised by a pattern, so the services
register the names they handle (`remember_names`) and the formatter removes
them as well.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from app.core.redaction import redact_names, redact_text

LOG_FILE = "repair-counter.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
_MAX_NAMES = 500


class RedactingFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self._names: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def remember_names(self, names: Iterable[str]) -> None:
        with self._lock:
            for name in names:
                if name and len(name.strip()) >= 2:
                    self._names[name.strip()] = None
                    self._names.move_to_end(name.strip())
            while len(self._names) > _MAX_NAMES:
                self._names.popitem(last=False)

    def format(self, record: logging.LogRecord) -> str:
        line = redact_text(super().format(record))
        with self._lock:
            names = list(self._names)
        return redact_names(line, names) if names else line


_formatter = RedactingFormatter()


def remember_names(names: Iterable[str]) -> None:
    """Tell the log formatter about customer names it must never write."""
    _formatter.remember_names(names)


def configure_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Send the app's log records to a rotating file in `logs_dir` (idempotent)."""
    logs_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = logs_dir / LOG_FILE
    stop_logging()
    root = logging.getLogger("app")
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(_formatter)
    handler._repair_counter = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def stop_logging() -> None:
    """Detach and close the log file (on exit, and between tests)."""
    root = logging.getLogger("app")
    for handler in list(root.handlers):
        if getattr(handler, "_repair_counter", False):
            root.removeHandler(handler)
            handler.close()

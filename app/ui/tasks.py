"""The one background-task helper: run a callable off the GUI thread, get its result or its
error back on the GUI thread.  Widgets are touched only in the callbacks.

Tests use `ImmediateTasks`, which runs the callable at once on the calling thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Done = Callable[[Any], object]
Failed = Callable[[BaseException], object]


RETIRED_KEPT = 16


class _Relay(QObject):
    """Lives on the GUI thread; its signals carry a worker's outcome back there."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class BackgroundTasks(QObject):
    """Signals: `busy_changed(bool)` when the first task starts or the last one ends."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[_Relay] = set()
        #: Relays whose outcome was delivered, released some runs later: never from inside their own
        #: signal, even when a callback starts another task or runs a nested event loop (a dialog).
        self._retired: list[_Relay] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(self, fn: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        del self._retired[:-RETIRED_KEPT]
        relay = _Relay()  # no Qt parent: Python owns it, so nothing deletes it under a running slot
        relay.succeeded.connect(lambda result: self._finish(relay, on_done, result))
        relay.failed.connect(lambda exc: self._finish(relay, on_error, exc))
        self._running.add(relay)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay))

    def _finish(self, relay: _Relay, callback: Callable[[Any], object], value: Any) -> None:
        self._running.discard(relay)
        if not self._running:
            self.busy_changed.emit(False)
        self._retired.append(relay)
        callback(value)


class ImmediateTasks(BackgroundTasks):
    """For tests: runs the callable at once, on the calling thread."""

    def run(self, fn: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001
            on_error(exc)
        else:
            on_done(result)

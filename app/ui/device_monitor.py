"""Phones coming and going, delivered to the GUI thread as Qt signals.

The device hub's tracker calls back on its own thread; emitting a signal of a
QObject that lives on the GUI thread queues the call there, so widgets are
only ever touched on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from app.device.errors import AdbServerUnavailable
from app.device.hub import DeviceHub
from app.device.session import DeviceSession
from app.device.tracking import DeviceEvent

T = TypeVar("T")


class DeviceMonitor(QObject):
    """Signals: `device_changed(serial, state)`; state "absent" when a phone goes away."""

    device_changed = Signal(str, str)

    def __init__(
        self, hub_factory: Callable[[Callable[[DeviceEvent], None]], DeviceHub], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.hub: DeviceHub = hub_factory(self._on_event)

    def _on_event(self, event: DeviceEvent) -> None:  # tracker thread
        self.device_changed.emit(event.serial, event.state)

    def states(self) -> dict[str, str]:
        return self.hub.states()

    def model_of(self, serial: str) -> str:
        return self.hub.model_of(serial)

    def start(self) -> None:
        self.hub.start()

    def stop(self) -> None:
        self.hub.stop()


class NoPhones:
    """The `PhoneJobs` when no adb server could be started: every job says why."""

    def model_of(self, serial: str) -> str:
        return ""

    def run(self, serial: str, job: Callable[[DeviceSession], T]) -> T:
        raise AdbServerUnavailable("No adb server is running, so no phone can be reached.")

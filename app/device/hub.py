"""The device layer put together for the app: tracking plus one worker per phone.

`DeviceHub` follows the adb server's device list, hands each event to the
app's listener (the GUI marshals it to its thread), and runs jobs on the phone's
own worker.  When a phone goes away its worker is dropped, so a replugged
phone starts with a fresh session.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from adbutils import AdbClient

from app.device.session import DeviceSession
from app.device.tracking import ABSENT, DeviceEvent, DeviceTracker
from app.device.workers import DeviceWorkers

T = TypeVar("T")


class DeviceHub:
    """Attached phones and their states, and a way to run work on each (context manager)."""

    def __init__(
        self, client: AdbClient, on_event: Callable[[DeviceEvent], None] | None = None, *, poll_seconds: float = 1.0
    ) -> None:
        self._client = client
        self._listener = on_event
        self._workers = DeviceWorkers(lambda serial: DeviceSession(client, serial))
        self._tracker = DeviceTracker(client, self._on_event, retry_seconds=poll_seconds)

    def _on_event(self, event: DeviceEvent) -> None:
        if event.state == ABSENT:
            self._workers.forget(event.serial)
        if self._listener is not None:
            self._listener(event)

    def states(self) -> dict[str, str]:
        """{serial: state} as last reported (device, unauthorized, offline, ...)."""
        return self._tracker.snapshot()

    def model_of(self, serial: str) -> str:
        """The model the phone announced to the adb server ("" when not known)."""
        return self._tracker.model_of(serial)

    def submit(self, serial: str, job: Callable[[DeviceSession], T]) -> Future[T]:
        """Run `job(session)` on the phone's worker; the Future carries the result or a DeviceError."""
        return self._workers.submit(serial, job)

    def run(self, serial: str, job: Callable[[DeviceSession], T]) -> T:
        """`submit` and wait, for a caller already off the GUI thread (a `PhoneJobs`)."""
        return self._workers.run(serial, job)

    def start(self) -> DeviceHub:
        self._tracker.start()
        return self

    def stop(self) -> None:
        self._tracker.stop()
        self._workers.shutdown(wait=True)

    def __enter__(self) -> DeviceHub:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

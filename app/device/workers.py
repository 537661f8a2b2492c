"""One worker thread per phone, so a phone is used by one job at a time (as Electrum's device thread).

Jobs are callables taking the phone's `DeviceSession`; results and errors come
back through `concurrent.futures.Future`, which the GUI's background-task
helper or a test can wait on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol, TypeVar

from app.device.session import DeviceSession

T = TypeVar("T")


class PhoneJobs(Protocol):
    """Where work on a phone runs: one job at a time per phone (`DeviceWorkers`, `DeviceHub`)."""

    def run(self, serial: str, job: Callable[[DeviceSession], T]) -> T:
        """Run `job(session)` on the phone's own worker and return its result (or raise its error)."""
        ...


class DeviceWorkers:
    """A single-thread executor and a session for each serial, made on first use."""

    def __init__(self, session_factory: Callable[[str], DeviceSession]) -> None:
        self._session_factory = session_factory
        self._workers: dict[str, tuple[ThreadPoolExecutor, DeviceSession]] = {}
        self._lock = threading.Lock()

    def submit(self, serial: str, job: Callable[[DeviceSession], T]) -> Future[T]:
        """Run `job(session)` on the phone's own worker, after any job already queued for it."""
        with self._lock:
            if serial not in self._workers:
                executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"phone-{serial}")
                self._workers[serial] = (executor, self._session_factory(serial))
            executor, session = self._workers[serial]
        return executor.submit(job, session)

    def run(self, serial: str, job: Callable[[DeviceSession], T]) -> T:
        """`submit` and wait: the caller (a background task, never the GUI thread) gets the result."""
        return self.submit(serial, job).result()

    def serials(self) -> list[str]:
        with self._lock:
            return list(self._workers)

    def forget(self, serial: str) -> None:
        """The phone went away: let its queued jobs finish (they fail fast) and drop its worker."""
        with self._lock:
            worker = self._workers.pop(serial, None)
        if worker is not None:
            worker[0].shutdown(wait=False, cancel_futures=True)

    def shutdown(self, wait: bool = True) -> None:
        with self._lock:
            workers = list(self._workers.values())
            self._workers.clear()
        for executor, _ in workers:
            executor.shutdown(wait=wait, cancel_futures=True)

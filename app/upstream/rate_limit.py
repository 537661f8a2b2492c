"""Failed enrolment attempts, limited per outlet and per client address.

An enrolment code is 16 letters of base32 (80 bits), so guessing is hopeless anyway;
the limit keeps a scripted guesser from loading the database and the log, and makes
a stolen code's owner see the refusals.  Kept in memory: a restart forgets it, which
only gives a guesser another handful of tries.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES = 10
WINDOW_SECONDS = 15 * 60


class FailureLimiter:
    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, *keys: str) -> int:
        """Seconds until any of `keys` may try again; 0 when all may try now."""
        now = self._clock()
        with self._lock:
            waits = [self._wait(key, now) for key in keys]
        return max(waits, default=0)

    def failed(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)

    def _wait(self, key: str, now: float) -> int:
        times = self._failures.get(key)
        if not times:
            return 0
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) < self.max_failures:
            if not times:
                del self._failures[key]
            return 0
        return max(1, int(times[0] + self.window - now + 0.999))

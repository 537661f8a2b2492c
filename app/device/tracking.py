"""Which phones the adb server sees and in what state, as events (no Qt: a callback and a queue).

The tracker holds one `host:track-devices` connection open on its own thread.
Each time the server reports a change (or every `retry_seconds`), the server's
device list is read and the differences become `DeviceEvent`s:
a new phone, a state change (device / unauthorized / offline ...), or `absent`
when it is gone.  If the server goes away the tracker reports every phone absent
and retries until stopped.
"""

from __future__ import annotations

import logging
import queue
import select
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass

from adbutils import AdbClient, AdbConnection
from adbutils.errors import AdbError

from app.device.errors import AdbServerUnavailable

log = logging.getLogger(__name__)

DEVICE = "device"
UNAUTHORIZED = "unauthorized"
OFFLINE = "offline"
ABSENT = "absent"

#: What the technician should do for each state (English, Simplified Chinese).
STATE_ADVICE: dict[str, tuple[str, str]] = {
    DEVICE: ("Ready.", "已就绪。"),
    UNAUTHORIZED: (
        'Unlock the phone and tap "Allow" in the "Allow USB debugging?" dialog.',
        "请解锁手机，并在“允许 USB 调试吗？”对话框中点按“允许”。",
    ),
    "authorizing": ("Waiting for the phone to allow USB debugging.", "正在等待手机允许 USB 调试。"),
    OFFLINE: (
        "The phone stopped answering: unplug it, plug it in again, and keep it unlocked.",
        "手机无响应：请拔下后重新连接，并保持解锁。",
    ),
    ABSENT: ("The phone was disconnected.", "手机已断开连接。"),
}


def advice_for(state: str) -> tuple[str, str]:
    """(English, Chinese) advice for a device state; other states get a generic hint."""
    return STATE_ADVICE.get(
        state, ("Reconnect the phone and turn on USB debugging.", "请重新连接手机并打开 USB 调试。")
    )


@dataclass(frozen=True)
class DeviceEvent:
    """A phone appeared, changed state, or went away (`state == "absent"`)."""

    serial: str
    state: str
    previous: str | None


def parse_device_list(text: str) -> dict[str, str]:
    """`serial<TAB>state` lines, as the server sends them, into {serial: state}."""
    devices: dict[str, str] = {}
    for line in text.splitlines()[:256]:
        serial, tab, state = line.partition("\t")
        if tab and serial and len(serial) <= 256:
            devices[serial] = state.strip()[:64]
    return devices


def model_from_tags(tags: dict[str, str]) -> str:
    """The model a phone announced to the adb server when it connected (`adb devices -l`), not read
    from the phone; the server writes non-letters as `_` ("Pixel_7"), shown here as spaces."""
    return " ".join(tags.get("model", "").replace("_", " ").split())[:64]


def diff_devices(before: dict[str, str], after: dict[str, str]) -> list[DeviceEvent]:
    events = [DeviceEvent(s, ABSENT, st) for s, st in before.items() if s not in after]
    events += [DeviceEvent(s, st, before.get(s)) for s, st in after.items() if before.get(s) != st]
    return events


class DeviceTracker:
    """Follows the adb server's device list on a thread.

    Events go to `on_event` (called on the tracker thread) and to `events`
    (a queue any thread may read).  `snapshot()` is the latest known list.
    """

    def __init__(
        self, client: AdbClient, on_event: Callable[[DeviceEvent], None] | None = None, retry_seconds: float = 1.0
    ) -> None:
        self._client = client
        self._on_event = on_event
        self._retry = retry_seconds
        self.events: queue.Queue[DeviceEvent] = queue.Queue()
        self._devices: dict[str, str] = {}
        self._models: dict[str, str] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._connection: AdbConnection | None = None
        self._thread: threading.Thread | None = None

    def snapshot(self) -> dict[str, str]:
        with self._lock:
            return dict(self._devices)

    def model_of(self, serial: str) -> str:
        """The phone's model as the adb server lists it ("" when not known, e.g. before USB debugging
        is allowed); known before the event that announces the phone is sent."""
        with self._lock:
            return self._models.get(serial, "")

    def start(self) -> DeviceTracker:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="device-tracker", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        connection = self._connection
        if connection is not None:  # wake the reader; it closes the connection itself
            try:
                connection.conn.shutdown(socket.SHUT_RDWR)
            except (OSError, AdbError):
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> DeviceTracker:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._follow()
            except (AdbError, AdbServerUnavailable, OSError, ValueError) as exc:
                log.debug("device tracking interrupted: %s", exc)
            self._publish({})  # server gone: every phone is absent until it answers again
            self._stop.wait(self._retry)

    def _follow(self) -> None:
        connection = self._client.make_connection(timeout=None)
        self._connection = connection
        try:
            connection.conn.settimeout(None)
            connection.send_command("host:track-devices")
            connection.check_okay()
            while not self._stop.is_set():
                readable, _, _ = select.select([connection.conn], [], [], self._retry)
                if readable:
                    size = int(connection.read_exact(4).decode("ascii"), 16)
                    connection.read_exact(size)
                # The server's current list is the truth: some servers (adb 29) do not push every
                # change (e.g. to "unauthorized") on the tracking connection, so it is only a trigger.
                listed = self._client.list(extended=True)  # with the model each phone announced
                self._publish({d.serial: d.state for d in listed}, {d.serial: model_from_tags(d.tags) for d in listed})
        except EOFError:
            pass
        finally:
            connection.close()
            self._connection = None

    def _publish(self, devices: dict[str, str], models: dict[str, str] | None = None) -> None:
        with self._lock:
            events = diff_devices(self._devices, devices)
            self._devices = devices
            self._models = models or {}
        for event in events:
            self.events.put(event)
            if self._on_event is not None:
                try:
                    self._on_event(event)
                except Exception:  # a listener's bug must not stop tracking
                    log.exception("device event listener failed")

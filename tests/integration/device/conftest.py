"""Real adb servers (adbutils' bundled binary and Debian's /usr/bin/adb when present) on an isolated
port and HOME, and simulated handsets connected to them.  The server is session-scoped (starting one
costs about a second); each test's phones are disconnected and stopped in teardown."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.device.adb_client import CounterAdbClient, connect_network_device, disconnect_network_device
from app.device.adb_server import AdbServer, bundled_adb_path, free_loopback_port
from app.device.session import DeviceSession
from app.device.simulator import SimulatedHandset, load_profile
from app.device.simulator.profile import HandsetProfile, profile_from_mapping

HANDSETS = Path(__file__).resolve().parents[3] / "resources" / "handsets"
TOOL = "com.repaircounter.diagtool"

ADB_BINARIES = [pytest.param(bundled_adb_path(), id="adbutils-adb")]
if Path("/usr/bin/adb").is_file():
    ADB_BINARIES.append(pytest.param(Path("/usr/bin/adb"), id="debian-adb"))


free_port = free_loopback_port


@pytest.fixture(scope="session", params=ADB_BINARIES)
def adb_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AdbServer]:
    server = AdbServer(port=free_port(), home=tmp_path_factory.mktemp("adb-home"), adb_path=request.param)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def client(adb_server: AdbServer) -> CounterAdbClient:
    return adb_server.client()


def wait_for_state(client: CounterAdbClient, serial: str, states: set[str], timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    state = "absent"
    while time.monotonic() < deadline:
        state = {d.serial: d.state for d in client.list()}.get(serial, "absent")
        if state in states:
            return state
        time.sleep(0.05)
    raise AssertionError(f"{serial} stayed {state}, wanted {states}")


class Phones:
    """Starts simulated handsets and connects them; everything is undone in teardown."""

    def __init__(self, client: CounterAdbClient) -> None:
        self.client = client
        self.started: list[SimulatedHandset] = []

    def start(
        self, profile: str | HandsetProfile, *, wait: set[str] | None = frozenset({"device"})
    ) -> SimulatedHandset:  # type: ignore[assignment]
        loaded = load_profile(HANDSETS / profile) if isinstance(profile, str) else profile
        handset = SimulatedHandset(loaded).start()
        self.started.append(handset)
        # A simulated phone that resets or is unplugged leaves the list, as the USB stack removes a real one.
        handset.on_gone.append(lambda: disconnect_network_device(self.client, handset.address))
        connect_network_device(self.client, handset.address)
        if wait:
            wait_for_state(self.client, handset.address, set(wait))
        return handset

    def wait_for_state(self, serial: str, states: set[str], timeout: float = 10) -> str:
        return wait_for_state(self.client, serial, states, timeout)

    def session(self, handset: SimulatedHandset, **kwargs: object) -> DeviceSession:
        return DeviceSession(self.client, handset.address, **kwargs)  # type: ignore[arg-type]

    def close(self) -> None:
        for handset in self.started:
            self.client.disconnect(handset.address)
            handset.stop()


@pytest.fixture
def phones(client: CounterAdbClient) -> Iterator[Phones]:
    made = Phones(client)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def inline_profile(tmp_path: Path) -> Callable[..., HandsetProfile]:
    def make(serial: str = "SIMFAULT1", **sections: object) -> HandsetProfile:
        data = {"device": {"serial": serial, "model": "RMX3350", "product": "RMX3350", "name": "RE54E4L1"}, **sections}
        return profile_from_mapping(data, tmp_path, serial)

    return make

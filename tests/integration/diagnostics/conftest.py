"""The diagnostics flow against simulated handsets through a real adb server (adbutils' bundled binary).

The server and phone helpers are imported from the device tests' conftest rather than copied; one
server binary is enough here (the device tests already cover both).  `recording` makes a simulated
phone keep every adb service it was asked to open and every shell line it ran, so a test can prove
that nothing reached the phone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.core.reference_data import default_resources_dir, load_reference_data
from app.device.adb_server import AdbServer, bundled_adb_path
from app.device.session import DeviceSession
from app.device.simulator import SimulatedHandset
from app.diagnostics.consent import ConsentInput, give_consent
from app.diagnostics.flow import DiagnosticsFlow
from app.storage.diagnostics_repository import ConsentRecord
from tests.integration.device.conftest import Phones, free_port, inline_profile  # noqa: F401 - a fixture

PNG_SIGNATURE = bytes.fromhex("89504e470d0a1a0a") + b"\x00\x00\x00\rIHDR" + bytes(40)


class Recorder:
    """What one simulated phone was asked: adb services opened and shell lines run."""

    def __init__(self, handset: SimulatedHandset) -> None:
        self.services: list[str] = []
        self.lines: list[str] = []
        original_service, original_line = handset.service_for, handset.shell.run_line

        def service_for(service: str):  # type: ignore[no-untyped-def]
            self.services.append(service)
            return original_service(service)

        def run_line(line: str):  # type: ignore[no-untyped-def]
            self.lines.append(line)
            return original_line(line)

        handset.service_for = service_for  # type: ignore[method-assign]
        handset.shell.run_line = run_line  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def diag_adb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AdbServer]:
    server = AdbServer(port=free_port(), home=tmp_path_factory.mktemp("diag-adb-home"), adb_path=bundled_adb_path())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def phones(diag_adb_server: AdbServer) -> Iterator[Phones]:
    made = Phones(diag_adb_server.client())
    try:
        yield made
    finally:
        made.close()


@pytest.fixture(scope="session")
def reference():
    return load_reference_data(default_resources_dir())


@pytest.fixture
def flow(manager, reference) -> DiagnosticsFlow:
    return DiagnosticsFlow(manager, reference, tool_timeout=10, poll_seconds=0.05)


@pytest.fixture
def consent_for(manager, reference) -> Callable[..., ConsentRecord]:
    def make(
        *categories: str, name: str = "Wang Fang", ticket: str | None = "SZ01-20261123-0001", method: str = "signature"
    ) -> ConsentRecord:
        return give_consent(
            manager,
            reference.consents,
            ConsentInput(
                name,
                tuple(categories),
                "zh_CN",
                method,
                PNG_SIGNATURE if method == "signature" else None,
                method == "tick",
                ticket,
            ),
        )

    return make


def device_session(phones: Phones, handset: SimulatedHandset, timeout: float = 5.0) -> DeviceSession:
    return DeviceSession(phones.client, handset.address, timeout=timeout)


HANDSETS = Path(__file__).resolve().parents[3] / "resources" / "handsets"

"""Delayed acks: a server that asks for them (ADB_BURST_MODE=1 for adb 36, ADB_DELAYED_ACK=1 for older)
and a phone that advertises `delayed_ack`; data must still arrive whole in both directions."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.device.adb_server import AdbServer, bundled_adb_path
from app.device.session import DeviceSession
from app.device.simulator import SimulatedHandset
from app.device.simulator.profile import profile_from_mapping

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def burst_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AdbServer]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = AdbServer(
        port=port,
        home=tmp_path_factory.mktemp("burst-home"),
        adb_path=bundled_adb_path(),
        extra_env={"ADB_BURST_MODE": "1", "ADB_DELAYED_ACK": "1"},
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize(
    "features", [["shell_v2", "stat_v2", "delayed_ack"], ["shell_v2", "stat_v2"]], ids=["negotiated", "phone-without"]
)
def test_transfers_are_whole_with_and_without_delayed_acks(
    burst_server: AdbServer, tmp_path: Path, features: list[str]
) -> None:
    profile = profile_from_mapping(
        {"device": {"serial": "SIMBURST", "model": "M"}, "adb": {"features": features}}, tmp_path, "burst"
    )
    client = burst_server.client()
    with SimulatedHandset(profile) as handset:
        payload = os.urandom(9 * 1024 * 1024 + 3)
        handset.files.write("/sdcard/big.bin", payload)
        client.connect(handset.address, timeout=10)
        try:
            client.wait_for(handset.address, state="device", timeout=10)
            session = DeviceSession(client, handset.address)
            assert session.pull("/sdcard/big.bin", tmp_path / "big.bin") == len(payload)
            assert (tmp_path / "big.bin").read_bytes() == payload
            assert session.push(payload, "/data/local/tmp/back.bin") == len(payload)
            assert handset.files.read("/data/local/tmp/back.bin") == payload
            assert session.shell("getprop ro.serialno").text == "SIMBURST\n"
            negotiated = [c.delayed_ack for c in handset.connections()]
            assert negotiated == ["delayed_ack" in features]
        finally:
            client.disconnect(handset.address)

"""Finding the outlet hub by mDNS: a real `hub serve` announces itself, a real zeroconf browser
(`hub find`, its own process) finds it on loopback; `--no-mdns` keeps it quiet.

Multicast on the loopback interface works in this sandbox (checked when this was written); where
it does not, these tests fail rather than pass vacuously, and the record building and TXT parsing
test below still runs without any network.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from zeroconf import ServiceInfo

from app.cli.hub_commands import PASSPHRASE_ENV
from app.hub import discovery
from tests.integration.hub.harness import HUB_PASSPHRASE, key_of
from tests.integration.hub.test_scenario import HubProcess
from tests.integration.upstream.upstream_harness import free_port

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]
FINGERPRINT = "0123456789abcdef" * 4


def find_on_loopback() -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "app", "hub", "find", "--timeout", "2", "--interface", "127.0.0.1", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, env={**os.environ, PASSPHRASE_ENV: HUB_PASSPHRASE},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_the_record_carries_outlet_port_and_fingerprint_prefix_and_reads_back() -> None:
    info = discovery.advertisement("SZ01", 8471, FINGERPRINT, ["192.0.2.7", "10.0.0.3"])
    assert info.type == discovery.SERVICE_TYPE and "SZ01" in info.name
    found = discovery.found_hubs(info)
    assert [(h.address, h.port, h.outlet, h.fingerprint_prefix) for h in found] == [
        ("192.0.2.7", 8471, "SZ01", FINGERPRINT[:16]),
        ("10.0.0.3", 8471, "SZ01", FINGERPRINT[:16]),
    ]
    assert found[0].url == "https://192.0.2.7:8471"
    assert len(FINGERPRINT[:16]) < len(FINGERPRINT)  # a prefix to tell hubs apart, never the pin itself


def test_another_programs_record_of_that_type_is_not_a_hub() -> None:
    other = ServiceInfo(
        discovery.SERVICE_TYPE, f"printer.{discovery.SERVICE_TYPE}", port=9100,
        addresses=[socket.inet_aton("192.0.2.9")], properties={"outlet": "SZ01", "fp": "not-hex!"},
    )  # fmt: skip
    assert discovery.found_hubs(other) == []


@pytest.mark.parametrize("mdns", [True, False], ids=["announced", "no-mdns"])
def test_hub_find_lists_a_served_hub_unless_no_mdns(tmp_path: Path, mdns: bool) -> None:
    folder, port = tmp_path / "hub", free_port()
    key_of(folder)  # the cheap key cost, fixed before the hub process derives its key
    hub = HubProcess(folder, port, extra=() if mdns else ("--no-mdns",))
    hub.start()
    try:
        found = find_on_loopback()
    finally:
        hub.close()
    log = (tmp_path / "hub.log").read_text()
    fingerprint = log.split("certificate fingerprint: ")[1].split()[0]
    ours = [h for h in found if h["port"] == port]
    if mdns:
        assert ours == [
            {"address": "127.0.0.1", "port": port, "outlet": "SZ01", "fingerprint_prefix": fingerprint[:16],
             "url": f"https://127.0.0.1:{port}"}
        ], log  # fmt: skip
    else:
        assert ours == [] and "announced" not in log, log

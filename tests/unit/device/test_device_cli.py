"""`repair-counter handset-sim` in-process: ports, output, and usage errors."""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import pytest

from app.cli.device_commands import register, run_handset_sim
from app.errors import UsageError

HANDSETS = Path(__file__).resolve().parents[3] / "resources" / "handsets"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    return parser.parse_args(argv)


def free_port_pair() -> int:
    """A port whose next one is free too (checked by binding both; other tests use ports too)."""
    while True:
        with socket.socket() as first, socket.socket() as second:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            if port >= 65000 or 5555 <= port <= 5586:
                continue
            try:
                second.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
            return port


def test_fixed_ports_are_consecutive_and_printed(capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port_pair()
    args = parse(
        [
            "handset-sim",
            "--profile",
            str(HANDSETS / "coloros-oneplus8-tool"),
            "--profile",
            str(HANDSETS / "unauthorised-oppo-reno"),
            "--port",
            str(port),
        ]
    )
    stop = threading.Event()
    runner = threading.Thread(target=lambda: run_handset_sim(args, stop))
    runner.start()
    try:
        for candidate in (port, port + 1):
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", candidate)) == 0:
                        break
                time.sleep(0.05)
    finally:
        stop.set()
        runner.join(timeout=10)
    assert not runner.is_alive()
    assert capsys.readouterr().out.splitlines() == [
        f"listening on 127.0.0.1:{port}",
        f"listening on 127.0.0.1:{port + 1}",
    ]


@pytest.mark.parametrize(
    "argv", [["--port", "5560"], ["--port", "65535", "--profile", str(HANDSETS / "unauthorised-oppo-reno")]]
)
def test_bad_ports_are_usage_errors(argv: list[str]) -> None:
    args = parse(["handset-sim", "--profile", str(HANDSETS / "coloros-oneplus8-tool"), *argv])
    with pytest.raises(UsageError):
        run_handset_sim(args, threading.Event())


def test_a_folder_without_profile_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as error:
        run_handset_sim(parse(["handset-sim", "--profile", str(tmp_path)]), threading.Event())
    assert error.value.exit_code == 2

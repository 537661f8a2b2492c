"""The operator commands, run through the real command line (SQLite upstream)."""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography import x509

import app.cli
from app.sync.relay import enrol
from app.sync.transport import UpstreamEndpoint
from app.upstream.storage import open_upstream_store
from tests.integration.upstream.upstream_harness import free_port, make_ca_and_server_cert

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]


def run(*argv: str) -> int:
    return app.cli.main(list(argv))


def test_upstream_code_prints_a_code_the_outlet_can_enrol_with(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'up.db'}"
    assert run("upstream-code", "--db", db, "--outlet", "SZ01") == 0
    code = capsys.readouterr().out.strip()
    assert len(code) >= 16
    port = free_port()
    with serve(db, port, tmp_path):
        enrolment, _ = enrol(UpstreamEndpoint(f"http://127.0.0.1:{port}"), "SZ01", code)
    assert enrolment.outlet == "SZ01"


def test_upstream_code_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("upstream-code", "--db", f"sqlite:///{tmp_path / 'up.db'}", "--outlet", "SZ 01; x") == 2
    assert run("upstream-code", "--db", "mysql://h/db", "--outlet", "SZ01") == 70
    assert "Unsupported database URL" in capsys.readouterr().err


def test_upstream_publish_from_json_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'up.db'}"
    (tmp_path / "ref.json").write_text(
        json.dumps(
            {"retention": [{"key": "CN/logs", "days": 30}], "diagtool": [{"key": "min_version", "version": "3.2.0"}]}
        )
    )
    (tmp_path / "price_list.csv").write_text("key,price\nBAT-X1,199\nLCD-X1,899\n")
    assert run("upstream-publish", "--db", db, str(tmp_path / "ref.json")) == 0
    assert run("upstream-publish", "--db", db, str(tmp_path / "price_list.csv")) == 0
    out = capsys.readouterr().out
    assert "retention: 1 items published" in out and "price_list: 2 items published" in out
    store = open_upstream_store(db)
    try:
        prices = [json.loads(item) for _, item in store.reference_after("price_list", 0, 10)]
    finally:
        store.close()
    assert prices == [{"key": "BAT-X1", "price": "199"}, {"key": "LCD-X1", "price": "899"}]
    (tmp_path / "bad.json").write_text('{"price_list": [{"no_key": 1}]}')
    assert run("upstream-publish", "--db", db, str(tmp_path / "bad.json")) == 72


class serve:
    """`repair-counter upstream` in a child process, stopped with SIGTERM as a service manager does."""

    def __init__(self, db: str, port: int, tmp_path: Path, *extra: str) -> None:
        self.command = [sys.executable, "-m", "app", "upstream", "--db", db, "--port", str(port), *extra]
        self.url = f"http://127.0.0.1:{port}"
        self.log = tmp_path / f"upstream-{port}.log"
        self.verify: ssl.SSLContext | bool = True

    def __enter__(self) -> serve:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/openapi.json", timeout=1, verify=self.verify).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"upstream did not start: {self.log.read_text()}")
            time.sleep(0.1)

    def __exit__(self, *_: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.returncode = self.process.wait(timeout=20)


def test_upstream_command_serves_and_keeps_its_signing_key(tmp_path: Path) -> None:
    db_path = tmp_path / "up.db"
    port = free_port()
    with serve(f"sqlite:///{db_path}", port, tmp_path) as first:
        key_one = httpx.get(f"{first.url}/v1/signing-key").json()
    # uvicorn shuts down gracefully, then re-raises SIGTERM so a service manager sees it.
    assert first.returncode in (0, -signal.SIGTERM)
    assert "Application shutdown complete" in first.log.read_text()
    key_file = Path(str(db_path) + ".signing-key.pem")
    assert key_file.stat().st_mode & 0o777 == 0o600
    with serve(f"sqlite:///{db_path}", port, tmp_path) as second:
        assert httpx.get(f"{second.url}/v1/signing-key").json() == key_one, "receipts stay verifiable after a restart"


def test_a_postgres_upstream_needs_an_explicit_signing_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("upstream", "--db", "postgresql://u@127.0.0.1:1/x") == 2
    assert "--signing-key" in capsys.readouterr().err


def test_plain_http_off_loopback_needs_an_explicit_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'up.db'}"
    assert run("upstream", "--db", db, "--host", "0.0.0.0") == 2
    assert "Refusing plain HTTP" in capsys.readouterr().err
    assert run("upstream", "--db", db, "--tls-cert", str(tmp_path / "cert.pem")) == 2


def test_upstream_command_serves_https(tmp_path: Path) -> None:
    ca, cert, key = make_ca_and_server_cert(tmp_path, x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    db = f"sqlite:///{tmp_path / 'up.db'}"
    assert run("upstream-code", "--db", db, "--outlet", "SZ01") == 0
    port = free_port()
    server = serve(db, port, tmp_path, "--tls-cert", str(cert), "--tls-key", str(key))
    server.url = f"https://127.0.0.1:{port}"
    server.verify = ssl.create_default_context(cafile=str(ca))
    with server:
        info = httpx.get(f"{server.url}/v1/signing-key", verify=server.verify).json()
    assert len(info["key_id"]) == 64

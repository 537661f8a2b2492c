"""Real parts for the upstream tests: uvicorn on a free loopback port, a throwaway PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from glob import glob
from pathlib import Path

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID

from app.core.sharing_rules import parse_sharing_rules
from app.sync.policy import SharingPolicy
from app.sync.relay import enrol
from app.sync.transport import UpstreamEndpoint
from app.upstream.enrolment import issue_enrol_code
from app.upstream.service import create_app

#: The outlet the tests enrol.
OUTLET = "SZ01"

_GENERIC = {"*": {"fields": ["n", "status", "model", "request_id", "reason"]}}
#: The transport tests push generic operations (upsert {"n": 1, "status": "open"}), which the
#: shipped allow-list rightly keeps at the counter; this one lets them through.
TRANSPORT_POLICY = SharingPolicy(
    "CN",
    parse_sharing_rules(
        {
            "format": 1,
            "version": "transport-tests",
            "default_region": "CN",
            "regions": {
                "CN": {
                    "entities": {
                        entity: {action: _GENERIC for action in ("upsert", "rectify", "delete", "erase")}
                        for entity in ("ticket", "device", "consent", "part", "customer")
                    }
                }
            },
        }
    ).regions["CN"],
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class UpstreamServer:
    """The upstream app served by uvicorn in a thread; can be stopped and started again on
    the same port and database, as an operator restarting the service would."""

    def __init__(
        self,
        db_url: str,
        *,
        port: int | None = None,
        key: Ed25519PrivateKey | None = None,
        ssl_certfile: str | None = None,
        ssl_keyfile: str | None = None,
    ) -> None:
        self.db_url = db_url
        self.port = port or free_port()
        self.key = key or Ed25519PrivateKey.generate()
        self._ssl = {"ssl_certfile": ssl_certfile, "ssl_keyfile": ssl_keyfile} if ssl_certfile else {}
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.app = None

    @property
    def url(self) -> str:
        scheme = "https" if self._ssl else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.app = create_app(self.db_url, signing_key=self.key)
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="error",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=2,
            **self._ssl,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="upstream-under-test", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the upstream did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=15)
        assert not self._thread.is_alive(), "the upstream did not stop"
        self._server = None
        self._thread = None

    def restart(self) -> None:
        self.stop()
        self.start()

    @property
    def store(self):  # noqa: ANN201 - the app's UpstreamStore
        assert self.app is not None
        return self.app.state.store


def enrol_outlet(server: UpstreamServer, outlet: str = OUTLET) -> str:
    """Issue a code on the server side and redeem it over HTTP, as an outlet would; the token."""
    code = issue_enrol_code(server.store, outlet)
    enrolment, _ = enrol(UpstreamEndpoint(server.url), outlet, code)
    return enrolment.token


# -- TLS ----------------------------------------------------------------------------------


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_ca_and_server_cert(folder: Path, san: x509.GeneralName) -> tuple[Path, Path, Path]:
    """(ca.pem, server.pem, server.key) with the server certificate valid for `san` only."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Test CA"))
        .issuer_name(_name("Test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = (
        x509.CertificateBuilder()
        .subject_name(_name("upstream"))
        .issuer_name(ca.subject)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([san]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return paths


# -- PostgreSQL -------------------------------------------------------------------------------


def postgres_bin_dir() -> Path | None:
    """Debian's postgresql binaries (/usr/lib/postgresql/N/bin), newest version, or None."""
    candidates = sorted(glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


@dataclass
class PostgresCluster:
    """A throwaway cluster in a temp dir, run as the unprivileged `postgres` user when we are root
    (the server refuses to run as root), on a free port, with trust auth on loopback only."""

    bin_dir: Path
    base: Path
    port: int
    options: str = ""

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    @classmethod
    def start(cls, bin_dir: Path) -> PostgresCluster:
        base = Path(tempfile.mkdtemp(prefix="rc-upstream-pg-"))
        if os.geteuid() == 0:
            shutil.chown(base, "postgres", "postgres")
        cluster = cls(bin_dir=bin_dir, base=base, port=free_port())
        data = base / "data"
        cluster._run(
            str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"
        )
        options = (
            f"-p {cluster.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={base}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        cluster.options = options
        cluster._run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start")
        return cluster

    def restart(self) -> None:
        """Restart the server: every open connection is cut, as in a database failover."""
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.base / "data"),
            "-o",
            self.options,
            "-l",
            str(self.base / "log"),
            "-m",
            "fast",
            "-w",
            "restart",
        )

    def database(self, name: str) -> str:
        """A fresh database in the cluster; its URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.base / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

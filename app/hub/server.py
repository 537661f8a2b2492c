"""Running the hub: its data folder, its certificate, and uvicorn serving TLS on the LAN.

`HubServer(folder, outlet).start()` serves in a thread (the tests, three counters on
loopback); `repair-counter hub serve` runs the same in the foreground.  The folder holds the
hub's database (`hub.db`), its certificate and key, and nothing else.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from datetime import timedelta
from pathlib import Path
from types import TracebackType

import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI

from app.errors import UsageError
from app.hub.certificate import ensure_certificate, fingerprint_of_file
from app.hub.forwarder import forward_every
from app.hub.service import create_hub_app
from app.storage.atomic_file import write_atomically
from app.storage.sealing import Argon2Params, password_key
from app.sync.policy import SharingPolicy
from app.upstream.enrolment import issue_enrol_code
from app.upstream.loopback import serve_in_thread, stop_thread
from app.upstream.storage import UpstreamStore, open_encrypted_store

DATABASE_FILE = "hub.db"
#: The salt and Argon2id cost of the hub's database key, made with the database and kept beside it.
KEY_SALT_FILE = "hub-key-salt.json"
#: A counter joins while someone stands at it: the code is good for a day.
JOIN_CODE_LIFETIME = timedelta(days=1)
MIN_PASSPHRASE = 12


def hub_key(folder: Path, passphrase: str, params: Argon2Params | None = None) -> bytes:
    """The database key from the hub's passphrase (Argon2id; salt and cost fixed at first use).

    The hub keeps every walk-in customer's record, so its database is encrypted like a
    counter's; the passphrase is the hub operator's, never stored.
    """
    if len(passphrase) < MIN_PASSPHRASE:
        raise UsageError(f"The hub's passphrase must have at least {MIN_PASSPHRASE} characters.")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    salt_file = folder / KEY_SALT_FILE
    if not salt_file.is_file():
        chosen = params or Argon2Params()
        record = {"salt": os.urandom(16).hex(), "argon2": chosen.to_json()}
        write_atomically(salt_file, json.dumps(record).encode())
    record = json.loads(salt_file.read_bytes()[:4096])
    return password_key(passphrase, bytes.fromhex(record["salt"]), Argon2Params.from_json(record["argon2"]))


def open_hub_store(folder: Path, key: bytes) -> UpstreamStore:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return open_encrypted_store((folder / DATABASE_FILE).resolve(), key)


def issue_join_code(folder: Path, key: bytes, counter: str) -> tuple[str, str]:
    """A one-time code for `counter` and the certificate fingerprint to show beside it."""
    cert, _ = ensure_certificate(folder)
    store = open_hub_store(folder, key)
    try:
        return issue_enrol_code(store, counter, JOIN_CODE_LIFETIME), fingerprint_of_file(cert)
    finally:
        store.close()


class HubServer:
    """The hub on `host:port` (port 0: a free one) over TLS with its own certificate."""

    def __init__(self, folder: Path, outlet: str, key: bytes, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.folder = folder
        self.key = key
        self.outlet = outlet
        self.host = host
        self.port = port or free_port(host)
        self.cert_path, self.key_path = ensure_certificate(folder)
        self.store: UpstreamStore | None = None
        self.app: FastAPI | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"https://{self.host}:{self.port}"

    @property
    def fingerprint(self) -> str:
        return fingerprint_of_file(self.cert_path)

    def _server_for(self) -> uvicorn.Server:
        self.store = open_hub_store(self.folder, self.key)
        self.app = create_hub_app(self.store, self.outlet, Ed25519PrivateKey.generate())
        config = uvicorn.Config(
            self.app,
            host=self.host,
            port=self.port,
            log_level="error",
            access_log=False,
            lifespan="on",
            ssl_certfile=str(self.cert_path),
            ssl_keyfile=str(self.key_path),
        )
        return uvicorn.Server(config)

    def serve_forever(self, policy: SharingPolicy | None = None, forward_interval: float = 30.0) -> None:
        """Serve until interrupted, forwarding to the region every `forward_interval` seconds."""
        server = self._server_for()
        stop = threading.Event()
        if policy is not None and self.store is not None:
            store = self.store
            threading.Thread(
                target=forward_every, args=(store, policy, forward_interval, stop), name="hub-forward", daemon=True
            ).start()
        try:
            server.run()
        finally:
            stop.set()

    def start(self, timeout: float = 15) -> HubServer:
        self._server, self._thread = serve_in_thread(self._server_for(), "outlet-hub", timeout)
        return self

    def stop(self) -> None:
        stop_thread(self._server, self._thread)
        self._server = self._thread = None

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])

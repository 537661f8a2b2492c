"""The reference upstream served by uvicorn in a thread on 127.0.0.1, for the self-test.

`repair-counter upstream` serves it in the foreground for operators; the self-test
(app/cli/self_test.py) needs it beside the counter in one process, on a free
loopback port, stopped when the check ends.
"""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI

from app.upstream.service import create_app
from app.upstream.storage import UpstreamStore


class LoopbackUpstream:
    """`with LoopbackUpstream("sqlite:///FILE") as upstream:` serves on `upstream.url` until the block ends."""

    def __init__(self, db_url: str, *, start_timeout: float = 15) -> None:
        self.db_url = db_url
        self.start_timeout = start_timeout
        self.port = _free_port()
        self.app: FastAPI | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def store(self) -> UpstreamStore:
        if self.app is None:
            raise RuntimeError("the loopback upstream is not running")
        store: UpstreamStore = self.app.state.store
        return store

    def start(self) -> LoopbackUpstream:
        self.app = create_app(self.db_url, signing_key=Ed25519PrivateKey.generate())
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="error", access_log=False, lifespan="on"
        )
        self._server, self._thread = serve_in_thread(uvicorn.Server(config), "loopback-upstream", self.start_timeout)
        return self

    def stop(self) -> None:
        stop_thread(self._server, self._thread)
        self._server = self._thread = None

    def __enter__(self) -> LoopbackUpstream:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def serve_in_thread(server: uvicorn.Server, name: str, timeout: float) -> tuple[uvicorn.Server, threading.Thread]:
    """Run `server` on a daemon thread and wait until it listens (RuntimeError if it does not)."""
    thread = threading.Thread(target=server.run, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            stop_thread(server, thread)
            raise RuntimeError(f"{name} did not start on {server.config.host}:{server.config.port}")
        time.sleep(0.01)
    return server, thread


def stop_thread(server: uvicorn.Server | None, thread: threading.Thread | None) -> None:
    if server is not None:
        server.should_exit = True
    if thread is not None:
        thread.join(timeout=15)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])

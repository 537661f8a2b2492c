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
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="loopback-upstream", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + self.start_timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                self.stop()
                raise RuntimeError(f"the upstream did not start on 127.0.0.1:{self.port}")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
        self._server = self._thread = None

    def __enter__(self) -> LoopbackUpstream:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])

"""A hub on loopback and two counters joined to it, for the hub's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.hub.server import HubServer
from tests.integration.hub.harness import join, key_of, new_counter


@pytest.fixture
def hub(tmp_path: Path):
    with HubServer(tmp_path / "hub", "SZ01", key_of(tmp_path / "hub")) as server:
        yield server


@pytest.fixture
def counters(tmp_path: Path, hub: HubServer):
    sessions = {name: new_counter(tmp_path, name) for name in ("A", "B")}
    for name, session in sessions.items():
        join(session, hub.folder, hub.url, name)
    yield sessions
    for session in sessions.values():
        if session.store.is_open:  # a test may have locked one (a counter replaced)
            session.lock()

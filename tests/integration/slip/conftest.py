"""Fixtures for the slip's integration tests: a scripted printer on a pseudo-terminal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.slip.scripted_printer import ScriptedPrinter


@pytest.fixture
def scripted_printer() -> Iterator[ScriptedPrinter]:
    peer = ScriptedPrinter()
    try:
        yield peer
    finally:
        peer.close()

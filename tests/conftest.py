"""Test-wide set-up: headless Qt, and every writable path inside a temporary folder."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.fixtures_store"]


@pytest.fixture(autouse=True, scope="session")
def _widgets_application(qapp):  # noqa: ANN001, ANN202 - pytest-qt's fixture
    """One QApplication per test process, made first.  Rendering a PDF in-process makes a bare
    QGuiApplication when none runs (as the command line needs), and a widget test that a worker
    runs after it then finds the wrong kind of application and cannot start."""
    return qapp

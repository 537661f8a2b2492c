"""The status bar's sync part against the real upstream: pending count, Sync now, last error."""

from __future__ import annotations

import pytest

from app.settings import Settings
from app.tickets.intake import open_ticket
from app.ui.language import LanguageSwitcher
from app.ui.main_window import MainWindow
from app.ui.tasks import ImmediateTasks
from tests.fixtures_store import sample_ticket
from tests.integration.sync.test_counter_sync import enrolled, upstream  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration


def _window(qtbot, vault) -> MainWindow:
    window = MainWindow(vault, Settings(), ImmediateTasks(), LanguageSwitcher())
    qtbot.addWidget(window)
    return window


def test_not_enrolled_says_so_and_keeps_changes(qtbot, vault, manager) -> None:
    window = _window(qtbot, vault)
    window.start_session(manager)
    assert "not enrolled" in window.sync_status.label.text()
    assert not window.sync_status.button.isEnabled()


def test_sync_now_empties_the_queue_and_a_dead_line_shows_the_reason(qtbot, vault, enrolled, upstream) -> None:  # noqa: F811
    open_ticket(enrolled, sample_ticket(1))
    window = _window(qtbot, vault)
    window.start_session(enrolled)
    assert "waiting" in window.sync_status.label.text()
    window.sync_status.button.click()
    assert "; 0 waiting" in window.sync_status.label.text() and "never" not in window.sync_status.label.text()

    open_ticket(enrolled, sample_ticket(2))
    upstream.stop()
    window.sync_status.button.click()
    text = window.sync_status.label.text()
    assert "1 waiting" in text and "last error" in text

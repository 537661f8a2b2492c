"""Verify the store from the journal page: the work runs off the GUI thread behind a busy bar."""

from __future__ import annotations

from app.ui.pages.journal_page import JournalPage
from app.ui.tasks import BackgroundTasks


def test_verify_shows_a_busy_bar_then_what_holds(qtbot, manager) -> None:
    tasks = BackgroundTasks()
    page = JournalPage(tasks)
    qtbot.addWidget(page)
    page.show_session(manager)
    page.show()
    page.verify_button.click()
    assert page.busy.isVisible() and not page.verify_button.isEnabled()  # the click returned at once
    assert page.result.text() == "Verifying..."
    qtbot.waitUntil(lambda: not tasks.busy and not page.busy.isVisible(), timeout=30_000)
    assert page.verify_button.isEnabled()
    assert page.result.text().startswith("Everything holds:")

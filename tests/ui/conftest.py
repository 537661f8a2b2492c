"""GUI fixtures: a main window over a real store, with background work run at once."""

from __future__ import annotations

import pytest

from app.settings import Settings
from app.ui.language import LanguageSwitcher
from app.ui.main_window import MainWindow
from app.ui.tasks import ImmediateTasks


@pytest.fixture
def make_window(qtbot, vault):
    switchers: list[LanguageSwitcher] = []

    def build(settings: Settings | None = None) -> MainWindow:
        switchers.append(LanguageSwitcher())
        window = MainWindow(vault, settings or Settings(), ImmediateTasks(), switchers[-1])
        qtbot.addWidget(window)
        return window

    yield build
    for switcher in switchers:  # translators are application-wide: leave English behind
        switcher.apply("en")

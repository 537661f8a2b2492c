"""The "Outlet hub" page through the real window, against a real TLS hub on loopback, with the real
background tasks (a worker thread): join by the form, sync behind the busy bar, see the counters and
the conflict of two counters changing one field apart, keep the other value, and find it settled on
the other counter too; then the same page in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.hub import discovery
from app.hub.server import HubServer, issue_join_code
from app.settings import Settings
from app.storage import replica_repository
from app.sync import hub_client
from app.tickets.outlet_calendar import set_hours
from app.ui.language import LanguageSwitcher
from app.ui.main_window import MainWindow
from app.ui.tasks import BackgroundTasks
from tests.integration.hub.harness import join, key_of, new_counter
from tests.ui.test_language_leaks import _english

pytestmark = pytest.mark.integration
CTRL = Qt.KeyboardModifier.ControlModifier
HOURS_HERE, HOURS_THERE = "09:00-18:00", "10:00-19:00"
WAIT_MS = 30_000


@pytest.fixture
def hub(tmp_path: Path):
    with HubServer(tmp_path / "hub", "SZ01", key_of(tmp_path / "hub")) as server:
        yield server


@pytest.fixture
def other_counter(tmp_path: Path, hub: HubServer):
    """Counter B: joined, its Monday hours changed and sent before counter A (the window) joins."""
    session = new_counter(tmp_path, "B")
    join(session, hub.folder, hub.url, "B")
    set_hours(session, "mon", HOURS_THERE)
    hub_client.hub_sync_once(session)
    yield session
    session.lock()


@pytest.fixture
def window(qtbot, vault, manager):
    switcher = LanguageSwitcher()
    built = MainWindow(vault, Settings(), BackgroundTasks(), switcher)
    qtbot.addWidget(built)
    built.resize(1366, 768)
    built.show()
    built.start_session(manager)
    yield built
    switcher.apply("en")


def _table(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_join_sync_see_the_conflict_keep_the_other_value_and_it_is_settled_everywhere(
    qtbot, window, manager, hub: HubServer, other_counter
) -> None:
    workspace = window.workspace
    page = workspace.hub
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_H, CTRL)
    assert workspace.pages.currentWidget() is page
    assert page.join_box.isVisible() and not page.sync_button.isVisible()

    code, fingerprint = issue_join_code(hub.folder, hub.key, "A")
    qtbot.keyClicks(page.address, hub.url)
    qtbot.keyClicks(page.counter_code, "A")
    qtbot.keyClicks(page.join_code, code)
    qtbot.keyClicks(page.fingerprint, fingerprint[:32])
    page.join_button.click()
    qtbot.waitUntil(lambda: page.sync_button.isVisible() and not page.busy.busy, timeout=WAIT_MS)
    assert "as counter A" in page.link_label.text() and not page.join_box.isVisible()

    set_hours(manager, "mon", HOURS_HERE)  # made before this counter has seen B's change: a conflict
    window.sync_status.refresh()
    assert "0 changes kept here" not in window.sync_status.label.text()  # the sign-up's and this change
    page.sync_button.click()
    assert page.busy.busy and not page.sync_button.isEnabled()  # the round runs on a worker thread
    qtbot.waitUntil(lambda: page.result.text().startswith("Synced"), timeout=WAIT_MS)
    assert page.sync_button.isEnabled() and not page.busy.busy
    assert sorted((row[0], row[1]) for row in _table(page.counters)) == [("A", "Online"), ("B", "Online")]
    assert "Waiting on this counter: 0 change(s)." in page.waiting.text()
    assert "0 changes kept here" in window.sync_status.label.text()  # the status bar follows the round
    [row] = _table(page.conflicts)
    assert row[:2] == ["Opening hours Monday", "hours"]
    assert {row[2], row[4]} == {HOURS_HERE, HOURS_THERE} and row[6] == "To settle"
    other = row[4]

    page.conflicts.selectRow(0)
    page.keep_other.click()  # settles, then syncs at once so the others see the choice
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 0 and not page.busy.busy, timeout=WAIT_MS)
    hub_client.hub_sync_once(other_counter)
    for session in (manager, other_counter):
        [settled] = hub_client.conflicts(session, include_settled=True)
        assert settled.settled_by == "A" and settled.settled_at
        assert replica_repository.record(session.store, "outlet_calendar", settled.entity_id)["hours"] == other
    assert replica_repository.snapshot(manager.store) == replica_repository.snapshot(other_counter.store)

    window.language_box.setCurrentIndex(window.language_box.findData("zh_CN"))
    qtbot.waitUntil(lambda: page.heading.text() == "网点集线器", timeout=2000)
    assert page.sync_button.text().startswith("立即同步")
    assert _english(window) == []


def test_a_hub_that_does_not_answer_is_said_on_the_page_and_the_window_stays_usable(
    qtbot, window, manager, hub: HubServer
) -> None:
    join(manager, hub.folder, hub.url, "A")
    hub.stop()
    page = window.workspace.hub
    window.workspace.go_to(window.workspace.pages.indexOf(page))
    qtbot.waitUntil(lambda: "The hub did not answer" in page.waiting.text(), timeout=WAIT_MS)
    assert page.counters.rowCount() == 0 and page.sync_button.isEnabled()


def test_find_hubs_fills_the_address_only_the_fingerprint_is_still_typed(qtbot, window, hub: HubServer) -> None:
    page = window.workspace.hub
    window.workspace.go_to(window.workspace.pages.indexOf(page))
    with discovery.announced("SZ01", hub.port, hub.fingerprint, "127.0.0.1"):  # what `hub serve` announces
        page.find_button.click()
        assert page.busy.busy and not page.find_button.isEnabled()  # listening runs on a worker thread
        qtbot.waitUntil(lambda: not page.busy.busy, timeout=WAIT_MS)
    assert page.address.text() == hub.url
    assert f"outlet SZ01, certificate {hub.fingerprint[:16]}..." in page.found.text()
    assert page.fingerprint.text() == ""  # never taken from what answered: read from the hub's screen

"""The IMEI question on the diagnostics page, through a real adb server and a simulated phone that
gives no IMEI (no Diagnostic Tool, and `service call iphonesubinfo` is not found): the technician
scans (a keyboard-wedge scanner types digits and Return) or types it, or skips."""
# ruff: noqa: F811 - the adb server and phone fixtures are imported from the diagnostics integration conftest

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from app.device.session import DeviceSession
from app.device.workers import DeviceWorkers
from app.diagnostics.flow import DiagnosticsFlow
from app.storage import diagnostics_repository as repo
from app.ui.dialogs.imei_entry_dialog import ImeiEntryDialog
from app.ui.language import LanguageSwitcher
from app.ui.pages.diagnostics_page import DiagnosticsPage
from app.ui.tasks import BackgroundTasks, ImmediateTasks
from tests.integration.device.conftest import inline_profile  # noqa: F401 - a fixture
from tests.integration.diagnostics.conftest import (  # noqa: F401 - fixtures
    Recorder,
    diag_adb_server,
    phones,
    reference,
)

pytestmark = pytest.mark.integration
T = TypeVar("T")
RUN_TIMEOUT_MS = 20_000
VALID = "490154203237518"  # the Luhn digit is 8
WRONG_CHECK_DIGIT = "490154203237519"


def make_page(qtbot, manager, phones, reference, tmp_path, imei_wait_seconds: float = 60.0):
    """A page whose flow has no tool installer (empty apk_dir), so identity comes from getprop only."""
    tasks = BackgroundTasks()
    page = DiagnosticsPage(
        tasks,
        DeviceWorkers(lambda serial: DeviceSession(phones.client, serial, timeout=5)),
        reference,
        flow_factory=lambda session: DiagnosticsFlow(
            session, reference, apk_dir=tmp_path, tool_timeout=5, poll_seconds=0.05
        ),
        imei_wait_seconds=imei_wait_seconds,
    )
    qtbot.addWidget(page)
    page.show()
    page.show_session(manager)
    return page, tasks


@pytest.fixture
def page(qtbot, manager, phones, reference, tmp_path):
    made, tasks = make_page(qtbot, manager, phones, reference, tmp_path)
    yield made
    qtbot.waitUntil(lambda: not tasks.busy, timeout=RUN_TIMEOUT_MS)  # no worker outlives the test


@pytest.fixture
def no_imei_phone(phones, inline_profile):
    """A phone with no tool and no `service call` capture: the simulated shell answers `not found`."""
    handset = phones.start(inline_profile())
    recorder = Recorder(handset)
    return handset, recorder


def start_identity_run(qtbot, page: DiagnosticsPage, address: str) -> ImeiEntryDialog:
    """Consent ticked, identity only; returns the IMEI dialog once the run asks for it."""
    page.set_device(address, "device")
    page.function_boxes["identity"].setChecked(True)
    page.start_button.click()
    consent = page.consent_dialog
    qtbot.waitUntil(consent.isVisible)
    consent.customer.setText("Chen Jing")
    consent.tick.setChecked(True)
    consent.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.imei_dialog is not None and page.imei_dialog.isVisible(), timeout=10_000)
    return page.imei_dialog


def scan(qtbot, dialog: ImeiEntryDialog, text: str) -> None:
    """What a keyboard-wedge scanner does: key presses into the focused field, then Return."""
    qtbot.keyClicks(dialog.field, text)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)


def test_a_scanned_valid_imei_is_recorded_as_typed(qtbot, page, no_imei_phone, manager) -> None:
    handset, recorder = no_imei_phone
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        dialog = start_identity_run(qtbot, page, handset.address)
        assert any(line.startswith("service call iphonesubinfo") for line in recorder.lines)  # asked after it failed
        assert dialog.field.hasFocus()
        scan(qtbot, dialog, VALID)
    report = finished.args[0]
    assert not dialog.isVisible()
    assert report.identity["imei"] == [VALID] and report.identity["sources"]["imei"] == "typed"
    stored = repo.results_for_run(manager.store, report.run_id)
    assert any(VALID in repr(result) for result in stored)
    cells = {
        page.results.table.item(r, 0).text(): page.results.table.item(r, 1).text()
        for r in range(page.results.table.rowCount())
    }
    assert cells["IMEI"] == "*********237518"


def test_an_invalid_imei_cannot_be_accepted_and_says_why(qtbot, page, no_imei_phone) -> None:
    handset, _ = no_imei_phone
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        dialog = start_identity_run(qtbot, page, handset.address)
        scan(qtbot, dialog, WRONG_CHECK_DIGIT)
        qtbot.wait(300)  # Return must not close it, and the run keeps waiting for an answer
        assert dialog.isVisible() and page.cancel_button.isEnabled()
        assert not dialog.use_button.isEnabled()
        assert "check digit does not match" in dialog.status.text()
        dialog.buttons.accepted.emit()  # even a forced accept is refused while the value fails the check
        assert dialog.isVisible()
        dialog.field.clear()
        scan(qtbot, dialog, "4901542032")
        assert dialog.isVisible() and "15 digits; this has 10" in dialog.status.text()
        dialog.field.clear()
        scan(qtbot, dialog, "35-209900-176148-1")  # separators as on a box label
        assert not dialog.isVisible()
    report = finished.args[0]
    assert report.identity["imei"] == ["352099001761481"] and report.identity["sources"]["imei"] == "typed"


def test_skip_leaves_the_imei_empty(qtbot, page, no_imei_phone) -> None:
    handset, _ = no_imei_phone
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        dialog = start_identity_run(qtbot, page, handset.address)
        qtbot.keyClicks(dialog.field, VALID)  # even with a valid value typed, Skip records none
        dialog.skip_button.click()
    report = finished.args[0]
    assert report.identity["imei"] is None and report.identity["sources"]["imei"] is None
    assert report.identity["model"] == "RMX3350"  # the rest of identity is still collected
    cells = {
        page.results.table.item(r, 0).text(): page.results.table.item(r, 1).text()
        for r in range(page.results.table.rowCount())
    }
    assert "IMEI" not in cells and cells["Model"] == "RMX3350"  # an empty row is left out


def test_an_unanswered_question_times_out_and_the_run_goes_on(
    qtbot, manager, phones, reference, tmp_path, no_imei_phone
) -> None:
    handset, _ = no_imei_phone
    page, tasks = make_page(qtbot, manager, phones, reference, tmp_path, imei_wait_seconds=0.5)
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        dialog = start_identity_run(qtbot, page, handset.address)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2_000)  # closed, so a late answer is not taken
    assert finished.args[0].identity["imei"] is None and finished.args[0].status == "complete"
    qtbot.waitUntil(lambda: not tasks.busy, timeout=RUN_TIMEOUT_MS)


def test_cancel_while_the_imei_question_is_open(qtbot, page, no_imei_phone) -> None:
    handset, _ = no_imei_phone
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        dialog = start_identity_run(qtbot, page, handset.address)
        page.cancel_button.click()
    assert finished.args[0].status == "cancelled" and not dialog.isVisible()


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", "Waiting for the scanner"),
        ("IMEI:490154203237518", "Only digits"),
        ("49015420323751", "15 digits; this has 14"),
        ("4901542032375180", "15 digits; this has 16"),
        (WRONG_CHECK_DIGIT, "check digit does not match"),
    ],
)
def test_the_dialog_explains_each_kind_of_wrong_value(qtbot, typed, why) -> None:
    dialog = ImeiEntryDialog()
    qtbot.addWidget(dialog)
    dialog.field.setText(typed)
    assert why in dialog.status.text() and not dialog.use_button.isEnabled() and dialog.imei() is None
    dialog.field.setText(VALID)
    assert dialog.use_button.isEnabled() and "49015420" in dialog.status.text()
    assert dialog.imei() is not None and dialog.imei().digits == VALID


def test_the_field_is_bounded(qtbot) -> None:
    dialog = ImeiEntryDialog()
    qtbot.addWidget(dialog)
    dialog.field.setText("1" * 10_000)  # a scanner reading the wrong barcode, or a stuck key
    assert len(dialog.field.text()) == 40 and dialog.imei() is None


def test_the_dialog_speaks_simplified_chinese(qtbot) -> None:
    switcher = LanguageSwitcher()
    switcher.apply("zh_CN")
    try:
        dialog = ImeiEntryDialog()
        qtbot.addWidget(dialog)
        dialog.field.setText(WRONG_CHECK_DIGIT)
        assert dialog.status.text() == "校验位不符：有数字错误。请重新扫描或核对数字。"
        assert dialog.skip_button.text() == "跳过（不记录 IMEI）"
    finally:
        switcher.apply("en")  # translators are application-wide: leave English behind


def test_on_the_gui_thread_the_question_is_modal(qtbot, manager, phones, reference, tmp_path, no_imei_phone) -> None:
    """With ImmediateTasks and phone jobs run in place, the flow runs on the GUI thread: the dialog runs
    its own event loop.  (Per-phone workers would block the GUI thread waiting for their own prompt.)"""
    handset, _ = no_imei_phone

    class PhonesInPlace:
        def run(self, serial: str, job: Callable[[DeviceSession], T]) -> T:
            return job(DeviceSession(phones.client, serial, timeout=5))

    page = DiagnosticsPage(
        ImmediateTasks(),
        PhonesInPlace(),
        reference,
        flow_factory=lambda session: DiagnosticsFlow(session, reference, apk_dir=tmp_path, tool_timeout=5),
    )
    qtbot.addWidget(page)
    page.show()
    page.show_session(manager)
    page.set_device(handset.address, "device")
    page.function_boxes["identity"].setChecked(True)
    page.start_button.click()
    page.consent_dialog.customer.setText("Chen Jing")
    page.consent_dialog.tick.setChecked(True)
    seen: list[bool] = []

    def answer_when_shown() -> None:  # runs inside the dialog's own event loop
        if page.imei_dialog is not None and page.imei_dialog.isVisible():
            seen.append(page.imei_dialog.isModal())
            scan(qtbot, page.imei_dialog, WRONG_CHECK_DIGIT)  # refused: the loop goes on
            page.imei_dialog.field.clear()
            scan(qtbot, page.imei_dialog, VALID)
        else:
            QTimer.singleShot(50, answer_when_shown)

    QTimer.singleShot(50, answer_when_shown)
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        page.consent_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert seen == [True]
    assert finished.args[0].identity["imei"] == [VALID] and finished.args[0].identity["sources"]["imei"] == "typed"

"""The counter flow's parts beyond the walk-in: diagnostics from a ticket (its phone, and another
phone), the Diagnostics page finding a phone plugged in before it opened, step progress that moves,
and the consent dialog's name and first field.  Phones are the demo's, through a real adb server."""
# ruff: noqa: F811 - fixtures are imported from the walk-in test and the diagnostics integration conftest

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QScrollArea

from app.core.privacy_catalogue import categories_for
from app.core.reference_data import default_resources_dir, load_reference_data
from app.demo import DEMO_PASSWORD
from app.diagnostics.report import RunReport
from app.storage import diagnostics_repository
from app.storage.ticket_records import Agreement
from app.tickets.intake import open_ticket
from app.tickets.moves import load
from app.ui.device_monitor import NoPhones
from app.ui.dialogs.consent_dialog import ConsentDialog
from app.ui.pages.diagnostics_page import DiagnosticsPage
from app.ui.pages.diagnostics_results import ProgressPanel
from app.ui.tasks import ImmediateTasks
from app.ui.ticket_run import TicketRun
from tests.integration.diagnostics.conftest import diag_adb_server  # noqa: F401 - a fixture
from tests.integration.tickets.conftest import walk_in
from tests.ui.test_walkin_keyboard import RUN_TIMEOUT_MS, Counter, counter  # noqa: F401 - a fixture

pytestmark = pytest.mark.integration

#: The demo phone's IMEIs (resources/handsets/coloros-oneplus8-tool/results/device_info.json).
PHONE_IMEI = "868915051234565"
SIGNED = Agreement("service_agreement", 1, "en", "Zhang Wei", "ab" * 32)


def signed_in(qtbot, built: Counter) -> Counter:
    built.window.login.password.setText(DEMO_PASSWORD)
    built.window.login.sign_in_button.click()
    qtbot.waitUntil(lambda: built.window.session is not None, timeout=10_000)
    return built


def run_from_the_ticket(qtbot, built: Counter, number: str) -> ConsentDialog:
    """Open the ticket, press Ctrl+D where the cursor waits, and have the customer tick and agree."""
    tickets = built.window.workspace.tickets
    tickets.open_ticket(number)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tickets.detail.diagnose_button, timeout=2000)
    qtbot.keyClick(tickets.detail.diagnose_button, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ConsentDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ConsentDialog)
    dialog.tick.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def test_diagnostics_from_a_ticket_fill_it_move_it_and_show_the_run(qtbot, counter) -> None:
    built = signed_in(qtbot, counter("en"))
    session = built.window.session
    # A send-in taken without its IMEI: the run reads it from the phone and the ticket takes it.
    send_in = walk_in(
        service_type="send_in", imei="", customer_address="1 Binhe Avenue", device_model="IN2010", agreement=SIGNED
    )
    number = open_ticket(session, send_in).number
    detail = built.window.workspace.tickets.detail
    dialog = run_from_the_ticket(qtbot, built, number)
    assert (dialog.customer.text(), dialog.ticket.text()) == ("Zhang Wei", number)  # nothing copied by hand
    qtbot.waitUntil(lambda: detail.heading.text() == f"{number} - Diagnosing", timeout=RUN_TIMEOUT_MS)
    assert built.window.workspace.tickets.tabs.currentWidget() is detail  # back on the ticket
    shown = detail._fact_labels["diagnostics"][1].text()
    assert "Diagnostics complete: Identity, Display" in shown, shown  # the checks of its fault (screen)
    assert load(session, number).row.imei == PHONE_IMEI  # taken from the phone, with its source journaled
    (consent,) = diagnostics_repository.consents_for_ticket(session.store, number)
    assert consent.ticket_number == number and consent.customer_id is not None


def test_diagnostics_on_another_customers_phone_stop_and_leave_the_ticket_received(qtbot, counter) -> None:
    built = signed_in(qtbot, counter("en"))
    session = built.window.session
    number = open_ticket(session, walk_in(agreement=SIGNED)).number  # its IMEI is not the plugged phone's
    finished: list[tuple[object, RunReport | None]] = []
    built.window.workspace.diagnostics.ticket_run_ended.connect(lambda request, report: finished.append(report))
    run_from_the_ticket(qtbot, built, number)
    qtbot.waitUntil(lambda: bool(finished), timeout=RUN_TIMEOUT_MS)
    assert finished == [None]
    boxes = [box for box in built.window.findChildren(QMessageBox) if box.isVisible()]
    assert boxes and "is not the phone of ticket" in boxes[0].text(), [b.text() for b in boxes]
    assert load(session, number).status == "received"
    assert built.window.workspace.tickets.tabs.currentWidget() is built.window.workspace.tickets.detail


def test_the_diagnostics_page_finds_a_phone_plugged_in_before_it_opened(qtbot, counter) -> None:
    built = signed_in(qtbot, counter("en"))
    workspace = built.window.workspace
    workspace.diagnostics.set_device(None, "absent")  # as if no event had reached the page
    (serial,) = [s for s, state in built.monitor.states().items() if state == "device"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert workspace.pages.currentWidget() is workspace.diagnostics
    assert workspace.diagnostics.current_serial == serial
    assert workspace.diagnostics.state_label.text() == "Connected"
    model = built.monitor.model_of(serial)
    assert model and workspace.diagnostics.phone_label.text() == f"{model} (…{serial[-4:]})"  # not 127.0.0.1:PORT


def test_a_step_without_a_fraction_runs_busy_and_counts_its_seconds(qtbot) -> None:
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    panel.reset([("tool", "Diagnostic tool"), ("battery", "Battery")])
    assert panel.times["tool"].text() == ""  # not started
    panel.set_progress("tool", 0.0)
    assert panel.bars["tool"].maximum() == 0  # busy, not stuck at 0 %
    qtbot.waitUntil(lambda: panel.times["tool"].text() not in ("", "0.0 s"), timeout=2000)  # the clock ticks
    panel.set_progress("tool", 0.4)
    assert (panel.bars["tool"].maximum(), panel.bars["tool"].value()) == (100, 40)
    panel.set_progress("tool", 1.0)
    panel.set_progress("battery", 0.0)
    took = panel.elapsed("tool")
    qtbot.wait(300)
    assert panel.elapsed("tool") == took and panel.bars["tool"].value() == 100  # a finished step stops
    panel.stop()  # the phone went away during the battery step
    assert panel.bars["battery"].maximum() == 100 and panel.elapsed("battery") is not None


@pytest.fixture(scope="module")
def library():
    return load_reference_data(default_resources_dir()).consents


def test_the_consent_dialog_needs_a_name_and_starts_on_what_is_left_to_do(qtbot, library) -> None:
    categories = categories_for(("identity", "battery"))
    unnamed = ConsentDialog(library, categories, "en")
    qtbot.addWidget(unnamed)
    unnamed.show()
    qtbot.waitExposed(unnamed)
    assert unnamed.focusWidget() is unnamed.customer  # not the language box
    unnamed.tick.setChecked(True)
    ok = unnamed.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and unnamed.missing_name.isVisible()
    unnamed.customer.setText("Zhang Wei")
    assert ok.isEnabled() and not unnamed.missing_name.isVisible()
    assert not unnamed.findChildren(QScrollArea)  # the text is never in a little scroll box

    named_customer = ConsentDialog(library, categories, "en", customer_name="Zhang Wei", ticket_number="SZ01-X")
    qtbot.addWidget(named_customer)
    named_customer.show()
    qtbot.waitExposed(named_customer)
    assert named_customer.focusWidget() is named_customer.tick


def test_a_ticket_request_without_a_phone_waits_on_the_page_for_start(qtbot, manager, library) -> None:
    reference = load_reference_data(default_resources_dir())
    page = DiagnosticsPage(ImmediateTasks(), NoPhones(), reference)
    qtbot.addWidget(page)
    page.show()
    page.show_session(manager)
    ended: list[object] = []
    page.ticket_run_ended.connect(lambda request, report: ended.append(report))
    page.run_for_ticket(TicketRun("Zhang Wei", "SZ01-20261123-0001", "battery_drain"))
    assert ended == [] and page.consent_dialog is None  # nothing to ask consent for yet
    assert "Plug in the customer's phone" in page.results.status.text()
    assert page.chosen_functions() == ("identity", "battery", "software")  # the ticket's fault chose them
    page.set_device("127.0.0.1:5555", "device")  # the phone is plugged in
    page.start_button.click()
    assert page.consent_dialog is not None
    assert (page.consent_dialog.customer.text(), page.consent_dialog.ticket.text()) == (
        "Zhang Wei",
        "SZ01-20261123-0001",
    )
    page.consent_dialog.reject()  # the customer declines: the counter goes back to the ticket
    assert ended == [None] and page.ticket_run is None

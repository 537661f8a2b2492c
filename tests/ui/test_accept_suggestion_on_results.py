"""The results panel's accept button sets the fault category of the run's ticket (issue 15 item 3).

The real diagnostics page, a real adb server and the simulated Honor (whose tool reports a touch
failure); the run is for a ticket taken in with the category "other".
"""
# ruff: noqa: F811 - the adb server, phone and page fixtures are imported from the diagnostics tests

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.tickets import moves
from app.tickets.intake import open_ticket
from tests.integration.diagnostics.conftest import diag_adb_server, phones, reference  # noqa: F401 - fixtures
from tests.integration.tickets.conftest import SIGNED, walk_in
from tests.ui.test_diagnostics_page import RUN_TIMEOUT_MS, choose, page  # noqa: F401 - a fixture

pytestmark = pytest.mark.integration


def test_accepting_on_the_results_panel_sets_the_tickets_category(qtbot, page, phones, manager) -> None:
    ticket = walk_in(device_model="ALT-NX1", imei="358211904567816", fault_category="other", agreement=SIGNED)
    number = open_ticket(manager, ticket).number
    handset = phones.start("honor-400-lite-android15")
    page.set_device(handset.address, "device")
    choose(page, "identity", "display")
    with qtbot.waitSignal(page.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        page.start_button.click()
        dialog = page.consent_dialog
        qtbot.waitUntil(lambda: dialog.isVisible())
        dialog.customer.setText("Zhang Wei")
        dialog.ticket.setText(number)
        dialog.pad.draw_stroke([(20 + 8 * i, 60 + (i % 5) * 6) for i in range(30)])
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert finished.args[0].ticket == number and finished.args[0].suggestions[0]["fault"] == "screen"
    assert moves.load(manager, number).fault_category == "other"  # nothing chosen before the click
    page.results.accept_button.click()
    assert moves.load(manager, number).fault_category == "screen"
    assert f"Ticket {number} now has this fault category." in page.results.suggestions.text()
    assert not page.results.accept_button.isVisible()

"""The counter flow joined: "Run diagnostics" on the intake wizard or a ticket runs on the Diagnostics
page and comes back.

The Diagnostics page shows while the run goes (consent, progress); when it ends the counter
returns to where the run was asked: the wizard's device step, filled from the run, or the
ticket, moved to Diagnosing and showing the run.  A role without diagnostics (a clerk) gets
nothing from the request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.diagnostics.report import RunReport
from app.ui.ticket_run import TicketRun

if TYPE_CHECKING:
    from app.ui.main_window import Workspace


def join_counter_flow(workspace: Workspace) -> None:
    tickets, diagnostics = workspace.tickets, workspace.diagnostics

    def start(request: TicketRun) -> None:
        row = workspace.pages.indexOf(diagnostics)
        item = workspace.nav.item(row)
        if workspace.session is None or item is None or item.isHidden():
            return
        workspace.nav.setCurrentRow(row)  # the page picks up the phones plugged in meanwhile
        diagnostics.run_for_ticket(request)

    def ended(request: TicketRun, report: RunReport | None) -> None:
        workspace.window().activateWindow()  # the keys go to the counter again, not to the closed dialog
        workspace.nav.setCurrentRow(workspace.pages.indexOf(tickets))
        if request.origin == "intake":
            tickets.tabs.setCurrentWidget(tickets.intake)
            tickets.intake.take_run(report)
        elif request.ticket_number:
            tickets.open_ticket(request.ticket_number)

    tickets.intake.diagnostics_requested.connect(start)
    tickets.detail.diagnostics_requested.connect(start)
    diagnostics.ticket_run_ended.connect(ended)

"""What a "Run diagnostics" on the intake wizard or the ticket page asks the Diagnostics page for.

The consent dialog opens already holding the customer's name and the ticket
number (none yet on the wizard: the run is filed under the ticket when it is
saved), and the checks start from the ticket's fault category.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.privacy_catalogue import FAULTS, functions_for_fault

#: Checks of a run from a ticket when no fault category is chosen yet: who the phone is, and the
#: battery, which every slip reports on.
BASIC_CHECKS = ("identity", "battery")


@dataclass(frozen=True)
class TicketRun:
    customer_name: str
    ticket_number: str | None = None
    fault_category: str | None = None
    #: "intake" or "ticket": where the counter goes back to when the run ends.
    origin: str = "ticket"

    def functions(self) -> tuple[str, ...]:
        """identity first (a ticket's run checks the phone is the ticket's), then the fault's checks."""
        fault = self.fault_category
        by_fault = functions_for_fault(fault) if fault is not None and fault in FAULTS else BASIC_CHECKS[1:]
        return ("identity", *(f for f in by_fault if f != "identity"))

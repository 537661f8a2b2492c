"""Errors of the repair-ticket service a person can act on (exit codes 50-59)."""

from __future__ import annotations

from app.errors import KnownError, Problem


class TicketError(KnownError):
    """Base of the ticket service's known errors (never raised itself; each subclass has its own code)."""

    exit_code = 1


class TicketNotFound(TicketError):
    exit_code = 50
    next_step = "Check the ticket number on the slip (e.g. SZ01-20261122-0042), or search by phone or IMEI."


class TransitionNotAllowed(TicketError):
    """Codes: transition_not_allowed (params current, target, allowed), ticket_closed, ticket_already
    (params current), collect_by_pickup."""

    exit_code = 51
    next_step = "Choose one of the statuses the message lists."


class IntakeIncomplete(TicketError):
    """Fields missing or not valid; `problems` maps each field to what is wrong with it."""

    exit_code = 52
    next_step = "Fill in or correct the fields named, then submit again."

    def __init__(self, problems: dict[str, Problem]) -> None:
        listed = "; ".join(f"{name}: {problem}" for name, problem in problems.items())
        super().__init__(f"The intake is not complete: {listed}.", params={"fields": list(problems)})
        self.problems = dict(problems)


class SlipNotGenuine(TicketError):
    """A scanned slip QR code whose verification code does not match."""

    exit_code = 53
    next_step = "Ask for the original slip, or search by the ticket number and the customer's phone."


class PickupRefused(TicketError):
    exit_code = 54
    next_step = "Ask for the slip and the phone number given at intake; a manager can help if both are lost."


class AgreementMissing(TicketError):
    exit_code = 55
    next_step = "Show the customer the service agreement and have it signed before any work starts."


class ApprovalMissing(TicketError):
    exit_code = 56
    next_step = "Record the customer's approval of the estimate first (ticket approve NO)."


class ProgressNotFound(TicketError):
    """Deliberately the same answer whether the number is unknown or the phone/IMEI does not match."""

    exit_code = 57
    next_step = "Check the ticket number and give the phone number or IMEI used at intake."


class TicketChanged(TicketError):
    exit_code = 58
    next_step = "Open the ticket again to see its current status, then retry."


class FaultCategoryRefused(TicketError):
    """The ticket's fault category cannot be set: codes unknown_fault_category (params category),
    fault_category_ticket_closed (params ticket, current)."""

    exit_code = 108
    next_step = "Choose one of the fault categories listed, on a ticket that is still open."

"""Errors of the privacy desk a person can act on (exit codes 90-99)."""

from __future__ import annotations

from app.errors import KnownError


class UnknownCustomer(KnownError):
    """No customer with this id (never existed, or already erased)."""

    exit_code = 90
    next_step = "Check the customer id on the request, or search the ticket by number or phone."


class UnknownRequest(KnownError):
    exit_code = 91
    next_step = "List the requests with `repair-counter request list` and use a number shown there."


class RequestClosed(KnownError):
    exit_code = 92
    next_step = "A closed request stays closed; open a new one if the person asks again."


class IdentityNotChecked(KnownError):
    """A request needs a recorded identity check before it is taken."""

    exit_code = 93
    next_step = "Check an identity document or the phone number and ticket, then say how."


class ProcessingRestricted(KnownError):
    """The customer asked for restriction: their data is kept but not processed."""

    exit_code = 94
    next_step = "Nothing may be done with this customer's data until a manager lifts the restriction."


class ExportUnreadable(KnownError):
    """An export file that does not open with the password or key given, or is not ours."""

    exit_code = 95
    next_step = "Check the password or key the customer chose, or make a new export."


class WeakExportPassword(KnownError):
    exit_code = 96
    next_step = "Choose at least 10 characters, or let the app make a key to show once."


class GuardianConsentNeeded(KnownError):
    """A child below the region's age needs a guardian's consent before identity data is taken."""

    exit_code = 97
    next_step = "Record the guardian's name and consent, or take no identity data."


class InvalidRequestInput(KnownError):
    exit_code = 98
    next_step = "Correct the value and try again."

"""Errors of the consented diagnostics flow a person can act on (exit codes 80-89)."""

from __future__ import annotations

from typing import Any

from app.errors import KnownError


class DiagnosticsError(KnownError):
    """Something in the diagnostics flow needs the technician's attention."""

    exit_code = 80
    next_step = "Check the phone and the consent, then start the diagnostics again."


class CategoryNotConsented(DiagnosticsError):
    """The flow asked the phone for a data category the customer did not agree to (the gate said no)."""

    exit_code = 81
    next_step = "Ask the customer whether they agree to this data category, or run only the consented checks."

    def __init__(self, message: str, *, category: str | None, call: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.category = category
        self.call = call


class ConsentNotActive(DiagnosticsError):
    """There is no consent for this run, or the customer withdrew it."""

    exit_code = 82
    next_step = "Record the customer's consent before running diagnostics."


class ToolUpdateNeeded(DiagnosticsError):
    """The on-phone tool is too old or missing and nobody answered whether to update it."""

    exit_code = 83
    next_step = "Ask the customer, then run again with --accept-update or --refuse-update."


class ToolApkRejected(DiagnosticsError):
    """The Diagnostic Tool installer is missing or its SHA-256 is not the one reference data names."""

    exit_code = 84
    next_step = "Do not install it. Sync reference data or reinstall Repair Counter to get the genuine installer."


class DiagnosticsCancelled(DiagnosticsError):
    """The technician cancelled the run."""

    exit_code = 85
    next_step = "Start the diagnostics again when ready."


class InvalidConsentInput(DiagnosticsError):
    """Consent details are incomplete (no categories, no customer name, no signature or tick)."""

    exit_code = 86
    next_step = "Fill in the customer's name, choose the categories, and have the customer sign or tick."


class ConsentBeyondNeed(DiagnosticsError):
    """A category was to be consented that none of the chosen functions reads (minimum necessary)."""

    exit_code = 87
    next_step = "Ask consent only for the categories the chosen checks read (they are listed with each check)."


class NoConsentingCustomer(DiagnosticsError):
    """A diagnostics consent that names no customer: restriction and withdrawal could not reach it."""

    exit_code = 89
    next_step = "Name the customer: give the ticket, or the phone number of a customer known at this counter."


class RunNotFound(DiagnosticsError):
    """No diagnostic run or consent with that id."""

    exit_code = 88
    next_step = "Check the identifier."

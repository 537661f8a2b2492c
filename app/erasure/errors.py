"""Data forgetting failures a person can act on (exit codes 110-117).

Each ends a wipe with no certificate; the `code` names the case for the window's
words (app/ui/problem_words.py) and the command line's `code:` line.  What the phone
printed never goes into a message.
"""

from __future__ import annotations

from app.errors import KnownError


class WipeError(KnownError):
    """The wipe did not end in a certificate."""

    exit_code = 110
    next_step = "Nothing was certified. Check the phone and the cable, then offer the wipe again."


class WipeToolUnavailable(WipeError):
    """The Diagnostic Tool with the wipe action is missing or too old, and it was not updated."""

    exit_code = 111
    next_step = "Ask the customer to agree to the tool update (--accept-update), or reset the phone by hand."


class PhoneNotEncrypted(WipeError):
    """The phone's storage is not encrypted, so destroying its keys would not erase anything."""

    exit_code = 112
    next_step = "Do not certify this phone: an unencrypted phone needs the maker's full overwrite procedure."


class WipeImeiMismatch(WipeError):
    """The phone on the cable is not the ticket's phone (or gives no IMEI to compare)."""

    exit_code = 113
    next_step = "Check that the right phone is connected and that the ticket's IMEI is correct."


class WipeInterrupted(WipeError):
    """The phone left the cable before the tool reported: nobody can say what was erased."""

    exit_code = 114
    next_step = "Reconnect the phone; if it still starts with the customer's data, offer the wipe again."


class WipeReportedFailure(WipeError):
    """The tool reported that the wipe failed, or wrote a result the app cannot read."""

    exit_code = 115
    next_step = "The phone was not reset. Check for a device administrator policy on the phone, then try again."


class PhoneStayedConnected(WipeError):
    """The tool reported success but the phone did not reset and leave the cable."""

    exit_code = 116
    next_step = "Nothing was certified. Restart the phone and check whether it was reset."


class CertificateInvalid(KnownError):
    """A certificate of erasure does not verify; `code` says why."""

    exit_code = 117
    next_step = "Do not accept this certificate: ask the outlet that issued it for the original."


class WipeRecordMissing(KnownError):
    """No wipe job or certificate with that id or ticket."""

    exit_code = 118
    next_step = "Check the ticket number or the certificate id (repair-counter wipe-certificate show --ticket NO)."

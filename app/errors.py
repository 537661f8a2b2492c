"""Errors a person can act on, told apart from bugs.

Every service raises a subclass of `KnownError` for a condition that is the
environment's or the user's doing (wrong password, damaged file, phone
unplugged).  The command line prints `message` and `next_step` and exits with
`exit_code`; the GUI shows its own dialog for each class.  Anything else is a
bug and gets the crash path.  Exit codes are unique per class so scripts and
tests can tell them apart without matching strings.
"""

from __future__ import annotations


class KnownError(Exception):
    """A failure with an explanation and a next step for the person."""

    exit_code = 1
    #: What to do next, shown under the message.
    next_step = ""

    def __init__(self, message: str, *, next_step: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if next_step is not None:
            self.next_step = next_step


class UsageError(KnownError):
    """The command line was given something it cannot use."""

    exit_code = 2


class PermissionDenied(KnownError):
    """The signed-in account's role does not allow this action."""

    exit_code = 13
    next_step = "Ask an outlet manager to do this, or to change your role."

"""Errors a person can act on, told apart from bugs.

Every service raises a subclass of `KnownError` for a condition that is the
environment's or the user's doing (wrong password, damaged file, phone
unplugged).  Each carries a stable `code` (by default its class name in
snake_case) and the `params` that make it specific (a port, a ticket number),
next to its English `message` and `next_step`.  Services never word a problem
for a person in any other language: the GUI words codes and params in the
chosen language (`app.ui.problem_words`), the command line prints the English
(`app.cli.problem_report`) and exits with `exit_code`.  Anything else is a bug
and gets the crash path.  Exit codes are unique per class so scripts and tests
can tell them apart without matching strings.

`Problem` is the same idea for one field of a form: an English text that also
carries a code and its parameters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def snake_case(name: str) -> str:
    return _CAMEL.sub("_", name).lower()


class KnownError(Exception):
    """A failure with an explanation and a next step for the person."""

    exit_code = 1
    #: What to do next, shown under the message (English; the GUI words its own by code).
    next_step = ""
    #: A stable name of the problem, for the GUI and the CLI to word it; never shown as is.
    code = "known_error"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__:
            cls.code = snake_case(cls.__name__)

    def __init__(
        self,
        message: str,
        *,
        next_step: str | None = None,
        params: Mapping[str, object] | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:  # a finer code for this occurrence (one class, several cases)
            self.code = code
        #: What makes this occurrence specific (a port, a ticket number), for the wording.
        self.params: dict[str, object] = dict(params or {})
        if next_step is not None:
            self.next_step = next_step


class Problem(str):
    """One problem with one input: its English text, plus a stable `code` and `params` to word it by."""

    code: str
    params: Mapping[str, object]

    def __new__(cls, code: str, english: str, **params: object) -> Problem:
        problem = super().__new__(cls, english)
        problem.code = code
        problem.params = params
        return problem


class UsageError(KnownError):
    """The command line was given something it cannot use."""

    exit_code = 2


class PermissionDenied(KnownError):
    """The signed-in account's role does not allow this action."""

    exit_code = 13
    next_step = "Ask an outlet manager to do this, or to change your role."

"""How the command line reports a problem a person can act on: the service's English, its code for scripts.

The exit code stays the error class's own (`KnownError.exit_code`); the code line lets a
script tell problems of one class apart (a refused move: closed ticket or wrong status)
without matching the sentence.
"""

from __future__ import annotations

import sys
from typing import TextIO

from app.errors import KnownError


def report_known_error(error: KnownError, stream: TextIO | None = None) -> None:
    out = stream or sys.stderr
    print(f"error: {error.message}", file=out)
    if error.next_step:
        print(f"next: {error.next_step}", file=out)
    print(f"code: {error.code}", file=out)

"""What a print leaves behind for the journal: which slip, which copy, where, and a digest of the output.

The tickets service writes one of these into the audit journal for every print
(issue 6: "each print is journaled"), and takes the next copy number from the
count of earlier ones.  Pure data, no I/O.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Literal

SlipFormat = Literal["a5", "a4", "thermal"]
SLIP_FORMATS: tuple[SlipFormat, ...] = ("a5", "a4", "thermal")


@dataclass(frozen=True)
class SlipPrintRecord:
    ticket_number: str
    copy_number: int
    language: str
    slip_format: SlipFormat
    #: "file:<path>", "escpos:<port>" or "printer:<name>".
    target: str
    pages: int
    #: SHA-256 of the bytes produced (PDF, image or ESC/POS job), so a disputed slip can be matched.
    sha256: str
    printed_at: dt.datetime


def make_record(
    ticket_number: str,
    copy_number: int,
    language: str,
    slip_format: SlipFormat,
    target: str,
    pages: int,
    output: bytes,
    now: dt.datetime | None = None,
) -> SlipPrintRecord:
    """A journal record for output just produced."""
    return SlipPrintRecord(
        ticket_number=ticket_number,
        copy_number=copy_number,
        language=language,
        slip_format=slip_format,
        target=target,
        pages=pages,
        sha256=hashlib.sha256(output).hexdigest(),
        printed_at=now or dt.datetime.now(dt.UTC),
    )

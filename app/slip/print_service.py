"""Printing a ticket's slip, and the print journal every print leaves.

Every slip that leaves the counter (a PDF written, a page sent to a system
printer, a thermal job the printer took) is one `slip_print` row, one audit
journal entry and one outbox row, in one transaction.  The copy number comes
from the journal: the first slip of a ticket is the original, the n-th reprint
says `COPY n`.  Thermal jobs the printer cannot take (paper out, offline, port
gone) are kept in the store with their bytes and sent in order by
`retry_thermal_jobs`, so a restart loses none.

Printing needs `Permission.PRINT_SLIPS`; every entry point checks it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.accounts.session import Session
from app.core.roles import Permission
from app.device.thermal_printer import (
    PaperOut,
    PrinterOffline,
    PrinterPortError,
    ThermalPrinter,
)
from app.errors import KnownError
from app.privacy_rules.restriction import Purpose, ensure_may_process
from app.slip.content import Language
from app.slip.from_ticket import slip_content_for
from app.slip.layout import SlipLayout, build_layout
from app.slip.print_record import SlipFormat, SlipPrintRecord, make_record
from app.storage import slip_repository
from app.storage.slip_repository import PrintRow, QueuedJob
from app.tickets import moves

log = logging.getLogger(__name__)

#: What a printer can do wrong that a person can fix; the job is kept for these.
PRINTER_PROBLEMS = (PaperOut, PrinterOffline, PrinterPortError)


@dataclass(frozen=True)
class RetryOutcome:
    """What a retry run printed, and the problem that stopped it (None when the queue is empty)."""

    printed: tuple[PrintRow, ...]
    error: KnownError | None
    still_waiting: int


def slip_layout(session: Session, number: str, lang: Language | None = None) -> SlipLayout:
    """The next slip of this ticket, laid out and signed with the store's slip key.

    `lang` None: the customer's language (zh_CN when not stored); given: that language.
    """
    session.require(Permission.PRINT_SLIPS)
    ensure_may_process(session.store, number, Purpose.PRINTING)  # a restricted customer's slip is not made
    content = slip_content_for(session, number, lang, override_language=lang is not None)
    return build_layout(content, slip_repository.slip_key(session.store))


def record_print(session: Session, record: SlipPrintRecord) -> PrintRow:
    """Journal a print: the row, the audit entry and the outbox row commit together."""
    session.require(Permission.PRINT_SLIPS)
    detail = moves.load(session, record.ticket_number)
    with session.store.transaction(session.actor) as work:
        row = slip_repository.insert_print(
            work,
            ticket_number=record.ticket_number,
            copy_number=record.copy_number,
            language=record.language,
            slip_format=record.slip_format,
            target=record.target,
            pages=record.pages,
            sha256=record.sha256,
        )
        work.record("ticket", detail.row.id, "print_slip", _journal_change(row))
    log.info("slip %s copy %d printed to %s", row.ticket_number, row.copy_number, row.slip_format)
    return row


def _journal_change(row: PrintRow) -> dict[str, object]:
    return {
        "number": row.ticket_number,
        "copy": row.copy_number,
        "format": row.slip_format,
        "target": row.target,
        "pages": row.pages,
        "sha256": row.sha256,
        "language": row.language,
        "print_id": row.id,
    }


def print_to_file(
    session: Session, number: str, out_path: Path, slip_format: SlipFormat = "a5", lang: Language | None = None
) -> PrintRow:
    """Write the ticket's slip to a file (.pdf; thermal also .png/.pbm/.bin) and journal it."""
    from app.slip.render_fonts import ensure_gui_application
    from app.slip.render_output import write_slip

    _app = ensure_gui_application()  # held until rendering is done
    layout = slip_layout(session, number, lang)
    return record_print(session, write_slip(layout, Path(out_path), slip_format))


def print_to_thermal(
    session: Session, number: str, port: str, lang: Language | None = None, *, printer: ThermalPrinter | None = None
) -> PrintRow:
    """Send the ticket's slip to the ESC/POS printer on `port` and journal it.

    When the printer cannot take it, the job is kept in the store and the
    printer's error (PaperOut, PrinterOffline, PrinterPortError) is raised;
    `retry_thermal_jobs` sends it later.  Jobs already waiting for the port go
    first, so slips come out in the order they were asked for.
    """
    from app.slip.render_fonts import ensure_gui_application
    from app.slip.render_output import thermal_job

    _app = ensure_gui_application()
    layout = slip_layout(session, number, lang)
    data = thermal_job(layout)
    printer = printer or ThermalPrinter(port)
    description = f"{layout.ticket_number} copy {layout.copy_number}"
    if any(job.port == port for job in slip_repository.queued_jobs(session.store)):
        job = _keep(session, layout, port, description, data, "waiting behind earlier slips")
        outcome = retry_thermal_jobs(session, port, printer=printer)
        printed = [
            row
            for row in outcome.printed
            if (row.ticket_number, row.copy_number) == (job.ticket_number, job.copy_number)
        ]
        if outcome.error is not None or not printed:
            raise outcome.error or PrinterOffline(f"Slip {job.description} is still waiting")
        return printed[0]
    try:
        printer.print_job(data)
    except PRINTER_PROBLEMS as error:
        _keep(session, layout, port, description, data, error.message)
        raise
    return record_print(
        session,
        make_record(layout.ticket_number, layout.copy_number, layout.language, "thermal", f"escpos:{port}", 1, data),
    )


def _keep(session: Session, layout: SlipLayout, port: str, description: str, data: bytes, reason: str) -> QueuedJob:
    with session.store.transaction(session.actor) as work:
        job = slip_repository.queue_job(
            work,
            ticket_number=layout.ticket_number,
            copy_number=layout.copy_number,
            language=layout.language,
            port=port,
            description=description,
            data=data,
            last_error=reason,
        )
    log.warning("slip %s kept to print again on %s", description, port)
    return job


def pending_jobs(session: Session) -> list[QueuedJob]:
    """Thermal slips waiting to be printed again, oldest first."""
    session.require(Permission.PRINT_SLIPS)
    return slip_repository.queued_jobs(session.store)


def retry_thermal_jobs(
    session: Session,
    port: str | None = None,
    *,
    printer: ThermalPrinter | None = None,
    printer_for: Callable[[str], ThermalPrinter] = ThermalPrinter,
) -> RetryOutcome:
    """Send the kept jobs (of `port`, or all) in order; stop at the first the printer refuses again."""
    session.require(Permission.PRINT_SLIPS)
    printed: list[PrintRow] = []
    for job in slip_repository.queued_jobs(session.store):
        if port is not None and job.port != port:
            continue
        target = printer if printer is not None else printer_for(job.port)
        try:
            target.print_job(job.data)
        except PRINTER_PROBLEMS as error:
            with session.store.transaction(session.actor) as work:
                slip_repository.note_failed_attempt(work, job.id, error.message)
            return RetryOutcome(tuple(printed), error, _waiting(session, port))
        printed.append(_printed_from_queue(session, job))
    return RetryOutcome(tuple(printed), None, _waiting(session, port))


def _printed_from_queue(session: Session, job: QueuedJob) -> PrintRow:
    record = make_record(job.ticket_number, job.copy_number, job.language, "thermal", f"escpos:{job.port}", 1, job.data)
    detail = moves.load(session, job.ticket_number)
    with session.store.transaction(session.actor) as work:
        slip_repository.remove_job(work, job.id)
        row = slip_repository.insert_print(
            work,
            ticket_number=record.ticket_number,
            copy_number=record.copy_number,
            language=record.language,
            slip_format="thermal",
            target=record.target,
            pages=1,
            sha256=record.sha256,
        )
        work.record("ticket", detail.row.id, "print_slip", {**_journal_change(row), "retried": True})
    return row


def _waiting(session: Session, port: str | None) -> int:
    return sum(1 for job in slip_repository.queued_jobs(session.store) if port is None or job.port == port)


def discard_job(session: Session, job_id: str) -> bool:
    """Drop a kept slip the person no longer wants printed (journaled: a slip not printed is a fact too)."""
    session.require(Permission.PRINT_SLIPS)
    job = next((j for j in slip_repository.queued_jobs(session.store) if j.id == job_id), None)
    if job is None:
        return False
    detail = moves.load(session, job.ticket_number)
    with session.store.transaction(session.actor) as work:
        removed = slip_repository.remove_job(work, job_id)
        work.record(
            "ticket",
            detail.row.id,
            "discard_slip_job",
            {"number": job.ticket_number, "copy": job.copy_number, "job": job.id},
        )
    return removed

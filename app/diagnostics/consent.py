"""Recording and withdrawing the customer's consent (docs/ARCHITECTURE.md sections 1, 4 and 8).

A consent cites the exact text the customer saw (text id, version, language),
lists the data categories agreed to, and carries its evidence: a signature
drawn on screen (PNG bytes), an explicit tick where no pad can be used, or
"verbal" when given to the signed-in technician at the command line.
Withdrawal stops processing (the gate re-reads the consent before every phone
call) and deletes the diagnostic data collected under it and for its ticket;
both steps are journaled.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from app.accounts.session import Session
from app.core.privacy_catalogue import UnknownIdentifier, check_categories
from app.core.reference_data import ConsentLibrary
from app.core.roles import Permission
from app.diagnostics.errors import InvalidConsentInput, RunNotFound
from app.logging_setup import remember_names
from app.storage import diagnostics_repository as repo
from app.storage.diagnostics_repository import ConsentRecord

log = logging.getLogger(__name__)

DIAGNOSTICS_TEXT = "diagnostics"
TOOL_UPDATE_TEXT = "tool_update"
METHODS = ("signature", "tick", "verbal")
LANGUAGES = ("zh_CN", "en")
#: A signature drawn on a counter pad is a few kB; anything near this is not one.
MAX_SIGNATURE_BYTES = 512 * 1024
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_TICKET_NUMBER = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9\-]{0,39}\Z")


@dataclass(frozen=True)
class ConsentInput:
    """What the consent dialog (or the command line) collected from the customer."""

    customer_name: str
    categories: tuple[str, ...]
    language: str = "zh_CN"
    method: str = "signature"
    signature_png: bytes | None = None
    ticked: bool = False
    ticket_number: str | None = None
    text_id: str = DIAGNOSTICS_TEXT
    #: None: the latest version of the text (what the dialog shows).
    text_version: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _checked_input(given: ConsentInput, library: ConsentLibrary) -> tuple[tuple[str, ...], int]:
    name = given.customer_name.strip()
    if not name or len(name) > 100 or not name.isprintable():
        raise InvalidConsentInput("The customer's name is missing or not a plain name.")
    if given.language not in LANGUAGES:
        raise InvalidConsentInput(f"The consent language must be one of {', '.join(LANGUAGES)}.")
    if given.method not in METHODS:
        raise InvalidConsentInput(f"Consent is given by {', '.join(METHODS)}.")
    if given.ticket_number is not None and not _TICKET_NUMBER.match(given.ticket_number):
        raise InvalidConsentInput("The ticket number has an unexpected form.")
    _check_evidence(given)
    try:
        categories = check_categories(given.categories)
    except UnknownIdentifier as exc:
        raise InvalidConsentInput(f"Unknown data category {exc.identifier!r}.") from exc
    if not categories and given.text_id == DIAGNOSTICS_TEXT:
        raise InvalidConsentInput("The customer agreed to no data category.")
    try:
        document = (
            library.latest(given.text_id)
            if given.text_version is None
            else library.version(given.text_id, given.text_version)
        )
    except KeyError as exc:
        raise InvalidConsentInput(f"No consent text {given.text_id!r} of that version.") from exc
    return categories, document.version


def _check_evidence(given: ConsentInput) -> None:
    if given.method == "signature":
        png = given.signature_png
        if not png or not png.startswith(_PNG_MAGIC) or len(png) > MAX_SIGNATURE_BYTES:
            raise InvalidConsentInput("The signature is missing or is not a PNG image from the pad.")
    elif given.method == "tick" and not given.ticked:
        raise InvalidConsentInput("The customer has not ticked the consent box.")


def give_consent(session: Session, library: ConsentLibrary, given: ConsentInput) -> ConsentRecord:
    """Store the consent and journal it; the returned record is what the gate enforces."""
    session.require(Permission.RUN_DIAGNOSTICS)
    categories, version = _checked_input(given, library)
    remember_names([given.customer_name])
    with session.store.transaction(session.actor) as work:
        record = repo.insert_consent(
            work,
            text_id=given.text_id,
            text_version=version,
            language=given.language,
            categories=categories,
            customer_name=given.customer_name.strip(),
            ticket_number=given.ticket_number,
            method=given.method,
            signature_png=given.signature_png if given.method == "signature" else None,
        )
        public = _public(record)
        work.record(
            "diag_consent", record.id, "give", {**public, "customer": record.customer_name}, outbox_payload=public
        )
    log.info(
        "consent %s recorded (%s v%d, %d categories, %s)",
        record.id,
        record.text_id,
        version,
        len(categories),
        record.method,
    )
    return record


def _public(record: ConsentRecord) -> dict[str, object]:
    """What the journal digest and the outbox carry: the evidence's digest, never the drawing."""
    return {
        "text_id": record.text_id,
        "version": record.text_version,
        "language": record.language,
        "categories": list(record.categories),
        "ticket": record.ticket_number,
        "method": record.method,
        "signature_sha256": record.signature_sha256,
        "given_at": record.given_at,
        "technician": record.technician,
    }


@dataclass(frozen=True)
class Withdrawal:
    consent_id: str
    withdrawn_at: str
    runs: tuple[str, ...]
    deleted: dict[str, int]


def withdraw_consent(session: Session, consent_id: str) -> Withdrawal:
    """Mark the consent withdrawn and delete the diagnostic data of its runs and its ticket, journaled."""
    session.require(Permission.RUN_DIAGNOSTICS)
    record = repo.consent_by_id(session.store, consent_id)
    if record is None:
        raise RunNotFound("There is no consent with that id.")
    runs = repo.run_ids_for_withdrawal(session.store, consent_id, record.ticket_number)
    with session.store.transaction(session.actor) as work:
        repo.mark_consent_withdrawn(work, consent_id)
        work.record("diag_consent", consent_id, "withdraw", {"ticket": record.ticket_number, "at": work.at})
        deleted = repo.erase_run_data(work, runs)
        for run_id in runs:
            repo.finish_run_if_running(work, run_id, "withdrawn")
        work.record("diag_consent", consent_id, "erase_data", {"runs": runs, "deleted": deleted})
        at = work.at
    log.info("consent %s withdrawn; diagnostic data of %d runs deleted", consent_id, len(runs))
    return Withdrawal(consent_id, at, tuple(runs), deleted)

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
from app.core.privacy_catalogue import UnknownIdentifier, categories_for, check_categories
from app.core.reference_data import ConsentLibrary
from app.core.roles import Permission
from app.diagnostics.errors import ConsentBeyondNeed, InvalidConsentInput, RunNotFound
from app.logging_setup import remember_names
from app.privacy_rules.restriction import Purpose, ensure_may_process
from app.storage import diagnostics_repository as repo
from app.storage import privacy_repository
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
    #: The customer record this consent belongs to when no ticket names one (found by phone at the counter).
    customer_id: str | None = None
    #: The functions chosen for the run; when given, a category none of them reads is refused.
    functions: tuple[str, ...] | None = None


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
    if given.functions is not None and given.text_id == DIAGNOSTICS_TEXT:
        _check_needed(categories, given.functions)
    try:
        document = (
            library.latest(given.text_id)
            if given.text_version is None
            else library.version(given.text_id, given.text_version)
        )
    except KeyError as exc:
        raise InvalidConsentInput(f"No consent text {given.text_id!r} of that version.") from exc
    return categories, document.version


def _check_needed(categories: tuple[str, ...], functions: tuple[str, ...]) -> None:
    """Minimum necessary: consent is recorded only for what the chosen functions read."""
    try:
        needed = set(categories_for(functions))
    except UnknownIdentifier as exc:
        raise InvalidConsentInput(f"Unknown diagnostic function {exc.identifier!r}.") from exc
    unused = [c for c in categories if c not in needed]
    if unused:
        raise ConsentBeyondNeed(
            f"No chosen check reads {', '.join(unused)}: consent is asked only for what the checks need"
            f" ({', '.join(sorted(needed)) or 'nothing'}). / 所选检测项目不读取 {', '.join(unused)}，不得就此征求同意。"
        )


def _check_evidence(given: ConsentInput) -> None:
    if given.method == "signature":
        png = given.signature_png
        if not png or not png.startswith(_PNG_MAGIC) or len(png) > MAX_SIGNATURE_BYTES:
            raise InvalidConsentInput("The signature is missing or is not a PNG image from the pad.")
    elif given.method == "tick" and not given.ticked:
        raise InvalidConsentInput("The customer has not ticked the consent box.")


def check_consent(
    session: Session, library: ConsentLibrary, given: ConsentInput
) -> tuple[tuple[str, ...], int, str | None]:
    """Everything `give_consent` checks, without recording: (categories, text version, customer id).

    The command line calls it before it touches the phone, so a refusal costs nothing.
    """
    categories, version = _checked_input(given, library)
    customer_id = consenting_customer(session, given)
    # A customer who restricted processing is refused before anything is recorded or read.
    ensure_may_process(session.store, given.ticket_number, Purpose.DIAGNOSTICS, customer_id)
    return categories, version, customer_id


def give_consent(session: Session, library: ConsentLibrary, given: ConsentInput) -> ConsentRecord:
    """Store the consent and journal it; the returned record is what the gate enforces."""
    session.require(Permission.RUN_DIAGNOSTICS)
    categories, version, customer_id = check_consent(session, library, given)
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
            customer_id=customer_id,
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


def consenting_customer(session: Session, given: ConsentInput) -> str | None:
    """The customer the consent names: the ticket's, else the one chosen at the counter."""
    store = session.store
    from_ticket = privacy_repository.customer_of_ticket(store, given.ticket_number) if given.ticket_number else None
    if given.customer_id is None:
        return from_ticket
    if from_ticket is not None and from_ticket != given.customer_id:
        raise InvalidConsentInput("The ticket belongs to another customer.")
    if not privacy_repository.customer_exists(store, given.customer_id):
        raise InvalidConsentInput("There is no such customer.")
    return given.customer_id


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
    #: True when the consent had been withdrawn before: nothing was done or journaled this time.
    already: bool = False

    def describe(self) -> str:
        """What the person is told, in English and Chinese."""
        if self.already:
            return (
                f"consent {self.consent_id} already withdrawn at {self.withdrawn_at}"
                f" / 该同意已于 {self.withdrawn_at} 撤回"
            )
        deleted = ", ".join(f"{count} {kind}" for kind, count in self.deleted.items()) or "nothing"
        return (
            f"consent {self.consent_id} withdrawn at {self.withdrawn_at}; deleted {deleted}"
            f" / 同意已于 {self.withdrawn_at} 撤回，相关诊断数据已删除"
        )


def withdraw_consent(session: Session, consent_id: str) -> Withdrawal:
    """Mark the consent withdrawn and delete the diagnostic data of its runs and its ticket, journaled.

    Idempotent: a consent withdrawn before answers with that time, and nothing is journaled again.
    """
    session.require(Permission.RUN_DIAGNOSTICS)
    record = repo.consent_by_id(session.store, consent_id)
    if record is None:
        raise RunNotFound("There is no consent with that id.")
    if record.withdrawn_at is not None:
        return Withdrawal(consent_id, record.withdrawn_at, (), {}, already=True)
    runs = repo.run_ids_for_withdrawal(session.store, consent_id, record.ticket_number)
    with session.store.transaction(session.actor) as work:
        if not repo.mark_consent_withdrawn(work, consent_id):  # withdrawn meanwhile, by another window
            at = repo.consent_withdrawn_at(session.store, consent_id) or work.at
            return Withdrawal(consent_id, at, (), {}, already=True)
        work.record("diag_consent", consent_id, "withdraw", {"ticket": record.ticket_number, "at": work.at})
        deleted = repo.erase_run_data(work, runs)
        for run_id in runs:
            repo.finish_run_if_running(work, run_id, "withdrawn")
        work.record("diag_consent", consent_id, "erase_data", {"runs": runs, "deleted": deleted})
        at = work.at
    log.info("consent %s withdrawn; diagnostic data of %d runs deleted", consent_id, len(runs))
    return Withdrawal(consent_id, at, tuple(runs), deleted)

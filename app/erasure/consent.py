"""The customer's decision on data forgetting: agreed (a consent recorded like the diagnostics one) or refused.

The customer is shown what a wipe means (the `data_forgetting` consent text:
everything on the phone is erased, backups are theirs, it cannot be undone) and
signs.  An agreement is a consent record citing that text, with its evidence
(signature PNG and its digest, a tick, or "verbal" at the command line), and a
wipe job that will run under it.  A refusal is a wipe job of its own, journaled,
and printed on the slip.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts.session import Session
from app.core.reference_data import ConsentLibrary
from app.core.roles import Permission
from app.diagnostics.consent import ConsentInput, give_consent
from app.diagnostics.errors import InvalidConsentInput
from app.storage import erasure_repository as repo
from app.storage.erasure_repository import WipeJobRow
from app.tickets.moves import load

DATA_FORGETTING_TEXT = "data_forgetting"


@dataclass(frozen=True)
class WipeDecision:
    """What the consent dialog (or the command line) collected."""

    ticket_number: str
    #: The name the customer signed with.
    signed_by: str
    agreed: bool
    language: str = "zh_CN"
    method: str = "signature"
    signature_png: bytes | None = None
    ticked: bool = False


def record_wipe_decision(session: Session, library: ConsentLibrary, decision: WipeDecision) -> WipeJobRow:
    """Record an agreement (consent + job ready to run) or a refusal (a closed job); both journaled."""
    session.require(Permission.RUN_DIAGNOSTICS)
    load(session, decision.ticket_number)  # an unknown ticket is refused before anything is recorded
    name = decision.signed_by.strip()
    if not name or len(name) > 100 or not name.isprintable():
        raise InvalidConsentInput("The customer's name is missing or not a plain name.")
    consent_id = None
    if decision.agreed:
        consent_id = give_consent(session, library, _consent_input(decision, name)).id
    with session.store.transaction(session.actor) as work:
        job = repo.insert_job(
            work, decision.ticket_number, "agreed" if decision.agreed else "refused", consent_id, name
        )
        work.record(
            "wipe_job",
            job.id,
            "agree" if decision.agreed else "refuse",
            {"ticket": job.ticket_number, "consent": consent_id, "signed_by": name, "at": work.at},
            outbox_payload={"ticket": job.ticket_number, "decision": job.decision, "at": work.at},
        )
    return job


def _consent_input(decision: WipeDecision, name: str) -> ConsentInput:
    return ConsentInput(
        name,
        (),
        decision.language,
        decision.method,
        decision.signature_png,
        decision.ticked,
        decision.ticket_number,
        DATA_FORGETTING_TEXT,
    )


def tool_update_consent(session: Session, library: ConsentLibrary, job: WipeJobRow, decision: WipeDecision) -> str:
    """The customer's separate consent to update the tool first (recorded like the diagnostics one)."""
    given = ConsentInput(
        job.signed_by,
        (),
        decision.language,
        decision.method,
        decision.signature_png,
        decision.ticked,
        job.ticket_number,
        "tool_update",
    )
    return give_consent(session, library, given).id

"""Certificates of erasure as kept with the ticket: the stored rows back into certificate documents."""

from __future__ import annotations

import json
from typing import Any

from app.accounts.session import Session
from app.core.roles import Permission
from app.erasure import certificate as cert
from app.erasure.errors import WipeRecordMissing
from app.storage import erasure_repository as repo
from app.storage.erasure_repository import CertificateRow, WipeJobRow
from app.storage.store import Store


def document_for(row: CertificateRow) -> dict[str, Any]:
    """The certificate file's content: body, outlet signature, and the countersignature once synced."""
    countersignature = json.loads(row.countersignature) if row.countersignature else None
    return cert.document(json.loads(row.body), json.loads(row.signature), countersignature)


def certificate_document(session: Session, certificate_id: str) -> dict[str, Any]:
    session.require(Permission.READ_TICKETS)
    row = repo.certificate_by_id(session.store, certificate_id)
    if row is None:
        raise WipeRecordMissing("There is no certificate of erasure with that id.")
    return document_for(row)


def ticket_certificates(session: Session, ticket_number: str) -> list[dict[str, Any]]:
    """Every certificate kept with the ticket, oldest first (usually one)."""
    session.require(Permission.READ_TICKETS)
    return [document_for(row) for row in repo.certificates_for_ticket(session.store, ticket_number)]


def outlet_public_key(session: Session) -> tuple[str, bytes]:
    """The key id and raw public key this outlet signs certificates with, for others to pin
    (`wipe-certificate verify --outlet-key`): without it a verifier only knows the file is intact."""
    session.require(Permission.READ_TICKETS)
    public = cert.public_key_of(cert.signing_key_from_seed(repo.signing_seed(session.store)))
    return cert.key_id_for(public), public


#: Service types whose phone leaves the customer's hands for days or for good: the counter offers
#: data forgetting at their intake (issue 20); any other ticket gets it on request.
OFFERED_AT_INTAKE = frozenset({"send_in", "return_exchange"})


def decisions(store: Store, ticket_number: str) -> list[WipeJobRow]:
    """The ticket's wipe jobs that ended in the customer's last word: a refusal or a finished wipe
    (a failed or abandoned wipe decides nothing), oldest first."""
    return [job for job in repo.jobs_for_ticket(store, ticket_number) if job.status in ("refused", "done")]


def offer_pending(session: Session, ticket_number: str, service_type: str) -> bool:
    """True while a send-in or return/exchange ticket has neither a refusal nor a finished wipe."""
    return service_type in OFFERED_AT_INTAKE and not decisions(session.store, ticket_number)


def file_bytes(document: dict[str, Any]) -> bytes:
    """What a certificate file holds: the document, indented for people, UTF-8 (verification re-canonicalises)."""
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")

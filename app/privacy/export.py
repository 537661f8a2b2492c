"""The access export: everything stored about one customer, machine-readable, encrypted, journaled.

The document follows `resources/privacy/customer-export.schema.json` and is
validated against it before anything is written.  The file wraps it in the
envelope of `resources/privacy/envelope.schema.json`: AES-256-GCM under a key
from a password the customer chooses (Argon2id), or under a random key shown
once (and never stored).  Only managers and auditors may export personal data;
each export is journaled (who, when, which customer, the file's digest) and
recorded so an erasure deletes the file too.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.accounts.session import Session
from app.core.reference_data import default_resources_dir
from app.core.roles import Permission
from app.core.warranty import shown_record
from app.privacy_rules.errors import ExportUnreadable, UnknownCustomer, WeakExportPassword
from app.storage import diagnostics_repository as diag
from app.storage import erasure_repository as erasure
from app.storage import message_repository as messages
from app.storage import privacy_repository as repo
from app.storage import staff_repository
from app.storage.atomic_file import write_atomically
from app.storage.erasure_repository import CertificateRow, WipeJobRow
from app.storage.privacy_records import CustomerFacts, PrivacyRequest
from app.storage.sealing import Argon2Params, password_key
from app.storage.store import Store

FORMAT = "repair-counter.customer-export"
ENVELOPE_FORMAT = "repair-counter.encrypted-export"
ASSOCIATED_DATA = b"repair-counter.encrypted-export/1"
MIN_PASSWORD = 10
#: An export file is small; anything much larger is not ours.
MAX_EXPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    export_id: str
    path: Path
    sha256: str
    protection: str
    #: The key to show once when no password was chosen (base32 in groups); None with a password.
    key_shown_once: str | None


# --- the document ----------------------------------------------------------------------------


def _split(text: str | None) -> list[str]:
    return [part for part in (text or "").split(",") if part]


_TICKET_FIELDS = (
    "number",
    "service_type",
    "status",
    "device_model",
    "imei",
    "imei2",
    "serial",
    "software_version",
    "fault",
    "fault_category",
    "purchase_date",
    "courier",
    "tracking_number",
    "created_at",
    "updated_at",
    "priority",
    "due_at",
    "purchase_proof",
    "parcel_condition",
    "estimate",
    "deposit",
)
#: JSON kept on the ticket (column -> key in the export): every stored value goes out, signers included.
_TICKET_JSON = {
    "intake_json": "intake",
    "agreement_json": "agreement",
    "warranty_json": "warranty",
    "approval_json": "approval",
    "pickup_json": "pickup",
}


def _json_object(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"unreadable": text}  # shown as stored rather than left out
    return value if isinstance(value, dict) else {"value": value}


def _ticket(ticket: dict[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    stored = {k: ticket.get(k) for k in _TICKET_FIELDS}
    kept = {key: _json_object(ticket.get(column)) for column, key in _TICKET_JSON.items()}
    if kept["warranty"]:  # the reason wording as given, which the store keeps only as its code and dates
        kept["warranty"] = shown_record(kept["warranty"])
    return {**stored, **kept, "events": ticket["events"], "lines": ticket["lines"], **after}


def after_repair_values(store: Store, ticket_id: str, number: str) -> dict[str, Any]:
    """What the store keeps of a ticket beyond its row: the consent to messages and each message
    (never its text, which is not stored), the rating, and any data forgetting with its certificate."""
    consent = messages.consent_of(store, ticket_id)
    rating = messages.satisfaction_of(store, ticket_id)
    certificates = {c.job_id: c for c in erasure.certificates_for_ticket(store, number)}
    return {
        "message_consent": None
        if consent is None
        else {
            "language": consent.language,
            "care_guide": consent.care_guide,
            "given_at": consent.given_at,
            "withdrawn_at": consent.withdrawn_at,
        },
        "messages": [
            {
                "event": m.event,
                "state": m.state,
                "parts_total": m.parts_total,
                "parts_sent": m.parts_sent,
                "created_at": m.created_at,
                "sent_at": m.sent_at,
                "holds_phone_number": m.holds_number,
            }
            for m in messages.messages_of_ticket(store, ticket_id)
        ],
        "rating": None
        if rating is None
        else {"rating": rating[0], "comment": rating[1], "outcome": rating[2], "taken": rating[3]},
        "data_forgetting": [_wipe(job, certificates.get(job.id)) for job in erasure.jobs_for_ticket(store, number)],
    }


def _wipe(job: WipeJobRow, certificate: CertificateRow | None) -> dict[str, Any]:
    return {
        "decision": job.decision,
        "status": job.status,
        "signed_by": job.signed_by,
        "technician": job.technician,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
        "failure_code": job.failure_code,
        "steps": list(job.steps),
        "certificate": None
        if certificate is None
        else {"id": certificate.id, "issued_at": certificate.issued_at, "digest": certificate.digest},
    }


def collected_values(store: Store, run_id: str) -> dict[str, Any]:
    """What a diagnostic run collected and still holds: each function's data, the battery readings, the logs."""
    battery = diag.battery_for_run(store, run_id)
    return {
        "results": [
            {
                "function": r.function,
                "categories": list(r.categories),
                "source": r.source,
                "data": r.data,
                "collected_at": r.collected_at,
            }
            for r in diag.results_for_run(store, run_id)
        ],
        "battery": None
        if battery is None
        else {
            "advice": battery.advice,
            "health_percent": battery.health_percent,
            "health_basis": battery.health_basis,
            "in_warranty": battery.in_warranty,
            "readings": battery.readings,
            "decided_at": battery.decided_at,
        },
        "logs": [
            {
                "captured_at": log.captured_at,
                "expires_at": log.expires_at,
                "line_count": log.line_count,
                "text": diag.log_text(store, log.id),
            }
            for log in diag.logs_for_run(store, run_id)
        ],
    }


def _request(request: PrivacyRequest) -> dict[str, Any]:
    return {
        "number": request.number,
        "kind": request.kind,
        "received_at": request.received_at,
        "due_at": request.due_at,
        "status": request.status,
        "closed_at": request.closed_at,
    }


def export_document(
    facts: CustomerFacts,
    requests: list[PrivacyRequest],
    made_at: str,
    outlet: str,
    collected: Mapping[str, dict[str, Any]] | None = None,
    after_repair: Mapping[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The customer's data as the schema describes it; `collected` is each run's `collected_values`,
    `after_repair` each ticket's `after_repair_values` (by ticket id)."""
    found = collected or {}
    after = after_repair or {}
    return {
        "format": FORMAT,
        "version": 1,
        "made_at": made_at,
        "outlet": outlet,
        "customer": dict(facts.customer),
        "privacy": dict(facts.privacy) if facts.privacy else None,
        "tickets": [_ticket(t, after.get(t["id"], {})) for t in facts.tickets],
        "consents": [{**c, "categories": _split(c["categories"])} for c in facts.consents],
        "diagnostic_runs": [
            {
                **r,
                "functions": _split(r["functions"]),
                "categories": _split(r["categories"]),
                **found.get(r["id"], {"results": [], "battery": None, "logs": []}),
            }
            for r in facts.diagnostic_runs
        ],
        "contacts": list(facts.contacts),
        "requests": [_request(r) for r in requests],
    }


def schema_path(name: str = "customer-export.schema.json") -> Path:
    return default_resources_dir() / "privacy" / name


@lru_cache(maxsize=2)
def _validator(name: str) -> Any:
    import jsonschema

    schema = json.loads(schema_path(name).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_problems(document: Any, name: str = "customer-export.schema.json") -> list[str]:
    """Where `document` departs from the schema (empty: it conforms)."""
    errors = sorted(_validator(name).iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errors]


# --- encryption ------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def new_shown_key() -> tuple[bytes, str]:
    """A random 32-byte key and its spelling for the screen: base32 in groups of four."""
    key = os.urandom(32)
    spelled = base64.b32encode(key).decode("ascii").rstrip("=")
    return key, "-".join(spelled[i : i + 4] for i in range(0, len(spelled), 4))


def key_from_spelling(spelled: str) -> bytes:
    letters = "".join(ch for ch in spelled.upper() if ch.isalnum())
    try:
        key = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except ValueError:
        raise ExportUnreadable("That is not an export key (letters A-Z and digits 2-7).") from None
    if len(key) != 32:
        raise ExportUnreadable("That export key is incomplete.")
    return key


def seal(document: dict[str, Any], *, password: str | None, kdf: Argon2Params) -> tuple[bytes, str | None]:
    """(envelope bytes, key shown once or None)."""
    plain = json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")
    shown: str | None = None
    if password is not None:
        if len(password) < MIN_PASSWORD:
            raise WeakExportPassword(f"The export password needs at least {MIN_PASSWORD} characters.")
        salt = os.urandom(16)
        key = password_key(password, salt, kdf)
        kdf_json: dict[str, Any] | None = {"name": "argon2id", "salt": _b64(salt), **kdf.to_json()}
    else:
        key, shown = new_shown_key()
        kdf_json = None
    nonce = os.urandom(12)
    envelope = {
        "format": ENVELOPE_FORMAT,
        "version": 1,
        "protection": "password" if password is not None else "key",
        "kdf": kdf_json,
        "nonce": _b64(nonce),
        "ciphertext": _b64(AESGCM(key).encrypt(nonce, plain, ASSOCIATED_DATA)),
    }
    return json.dumps(envelope, sort_keys=True).encode("ascii"), shown


def open_export(data: bytes, *, password: str | None = None, key: str | None = None) -> dict[str, Any]:
    """The document inside an export file (checked against both schemas)."""
    if len(data) > MAX_EXPORT_BYTES:
        raise ExportUnreadable("This file is too large to be an export.")
    try:
        envelope = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise ExportUnreadable("This file is not a Repair Counter export.") from None
    if schema_problems(envelope, "envelope.schema.json"):
        raise ExportUnreadable("This file is not a Repair Counter export.")
    try:
        if envelope["protection"] == "password":
            if password is None or envelope["kdf"] is None:
                raise ExportUnreadable("This export opens with the password the customer chose.")
            kdf = envelope["kdf"]
            secret = password_key(password, base64.b64decode(kdf["salt"]), Argon2Params.from_json(kdf))
        else:
            if key is None:
                raise ExportUnreadable("This export opens with the key shown when it was made.")
            secret = key_from_spelling(key)
        plain = AESGCM(secret).decrypt(
            base64.b64decode(envelope["nonce"]), base64.b64decode(envelope["ciphertext"]), ASSOCIATED_DATA
        )
    except (InvalidTag, ValueError):
        raise ExportUnreadable("The export does not open with this password or key.") from None
    document = json.loads(plain)
    if schema_problems(document):
        raise ExportUnreadable("The export opened but its content does not follow the export schema.")
    return dict(document)


# --- the service -----------------------------------------------------------------------------


def customer_document(session: Session, customer_id: str) -> dict[str, Any]:
    """The export document for `customer_id` (also what the printable PDF shows)."""
    session.require(Permission.EXPORT_PERSONAL_DATA)
    facts = repo.customer_facts(session.store, customer_id)
    if facts is None:
        raise UnknownCustomer(f"No customer {customer_id}.")
    outlet = staff_repository.outlet(session.store)
    from app.clock import iso

    document = export_document(
        facts,
        repo.requests_of_customer(session.store, customer_id),
        iso(session.store.clock()),
        outlet.code if outlet else "",
        {run["id"]: collected_values(session.store, run["id"]) for run in facts.diagnostic_runs},
        {t["id"]: after_repair_values(session.store, t["id"], t["number"]) for t in facts.tickets},
    )
    problems = schema_problems(document)
    if problems:  # our own bug: the document and its schema disagree
        raise AssertionError(f"export does not follow its schema: {problems[:3]}")
    return document


def make_export(
    session: Session,
    customer_id: str,
    out_path: Path,
    *,
    password: str | None = None,
    request: PrivacyRequest | None = None,
    kdf: Argon2Params | None = None,
) -> ExportResult:
    """Write the encrypted export to `out_path`; journaled; the key is returned to be shown once."""
    document = customer_document(session, customer_id)
    data, shown = seal(document, password=password, kdf=kdf or session.vault.argon2)
    out_path = Path(out_path).resolve()
    write_atomically(out_path, data)
    digest = hashlib.sha256(data).hexdigest()
    export_id = str(uuid.uuid4())
    protection = "password" if password is not None else "key"
    with session.store.transaction(session.actor) as work:
        repo.record_export(
            work, export_id, customer_id, request.id if request else None, protection, str(out_path), digest
        )
        work.record(
            "privacy_export",
            export_id,
            "export",
            {
                "customer": customer_id,
                "sha256": digest,
                "protection": protection,
                "request": request.number if request else None,
            },
        )
    return ExportResult(export_id, out_path, digest, protection, shown)

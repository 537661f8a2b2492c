"""Certificates of erasure countersigned by the upstream at sync (issue 20).

For each certificate not yet countersigned, its digest goes up (nothing else:
the certificate itself, with its masked IMEI, went up through the outbox under
the region's allow-list); the upstream answers with its Ed25519 signature, which
is checked against the key pinned at enrolment before it is kept with the
certificate.  An answer that does not verify is not kept and is reported.
"""

from __future__ import annotations

import base64
import hmac
import json
import logging
from typing import Protocol

from app.accounts.session import Session
from app.erasure.certificate import countersignature_holds
from app.errors import KnownError
from app.storage import erasure_repository
from app.sync.protocol import Countersignature, CountersignRequest

log = logging.getLogger(__name__)


class _Countersigner(Protocol):
    def countersign(self, request: CountersignRequest) -> Countersignature: ...


def countersign_waiting(
    session: Session, relay: _Countersigner, outlet: str, key_id: str, public_key: bytes
) -> tuple[int, list[str]]:
    """(certificates countersigned now, problems); a problem leaves that certificate waiting for the next round."""
    signed, problems = 0, []
    for row in erasure_repository.certificates_awaiting_countersignature(session.store):
        try:
            answer = relay.countersign(CountersignRequest(certificate=row.id, digest=row.digest))
        except KnownError as exc:
            problems.append(f"certificate {row.id} not countersigned: {exc.message}")
            break  # the line or the upstream is down: the rest waits for the next round
        if not _genuine(answer, row.id, row.digest, outlet, key_id, public_key):
            problems.append(f"certificate {row.id}: the countersignature is not the enrolled upstream's")
            continue
        _keep(session, row.id, answer, public_key)
        signed += 1
    return signed, problems


def _genuine(answer: Countersignature, certificate: str, digest: str, outlet: str, key_id: str, key: bytes) -> bool:
    return (
        answer.certificate == certificate
        and hmac.compare_digest(answer.digest, digest)
        and answer.outlet == outlet
        and answer.key_id == key_id
        and countersignature_holds(key, digest, outlet, answer.signed_at, answer.signature)
    )


def _keep(session: Session, certificate_id: str, answer: Countersignature, public_key: bytes) -> None:
    kept = {
        "algorithm": "Ed25519",
        "key_id": answer.key_id,
        "public_key": base64.b64encode(public_key).decode("ascii"),
        "outlet": answer.outlet,
        "signed_at": answer.signed_at,
        "signature": answer.signature,
    }
    with session.store.transaction(session.actor) as work:
        if erasure_repository.set_countersignature(
            work, certificate_id, json.dumps(kept), answer.signed_at, answer.key_id
        ):
            work.record(
                "wipe_certificate",
                certificate_id,
                "countersigned",
                {"key_id": answer.key_id, "signed_at": answer.signed_at},
                upstream=False,  # the upstream made it: nothing to send back
            )
    log.info("certificate %s countersigned by the upstream", certificate_id)

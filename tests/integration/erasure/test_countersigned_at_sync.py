"""The certificate's digest goes up at the next sync; the upstream's countersignature is kept and verifies offline."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.erasure import certificate as cert
from app.erasure import records
from app.erasure.errors import CertificateInvalid
from app.sync import service as sync
from app.upstream.enrolment import issue_enrol_code
from tests.integration.erasure.conftest import IMEI, decision, profile
from tests.integration.sync.test_counter_sync import upstream  # noqa: F401 - the real upstream on loopback

pytestmark = pytest.mark.integration


def test_a_genuine_certificate_is_countersigned_at_sync_and_verifies_with_the_upstreams_key(  # type: ignore[no-untyped-def]
    phones,
    manager,
    upstream,  # noqa: F811 - the fixture imported above
    ticket_for,
    agree,
    wipe_flow,
) -> None:
    sync.enroll(manager, upstream.url, issue_enrol_code(upstream.store, "SZ01"))
    ticket = ticket_for(IMEI["coloros-oneplus8-tool"])
    handset = phones.start(profile("coloros-oneplus8-tool"))
    outcome = wipe_flow.run(phones.session(handset, timeout=5), agree(ticket), decision(ticket), accept_update=False)

    report = sync.sync_once(manager).as_json()
    assert report["errors"] == []
    kept = records.certificate_document(manager, outcome.certificate_id)
    counter = kept["countersignature"]
    assert counter is not None and counter["outlet"] == "SZ01"
    assert kept["certificate"] == outcome.document["certificate"], "countersigning changes nothing in the body"

    upstream_key = upstream.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    checked = cert.verify_document(records.file_bytes(kept), upstream_key=upstream_key)
    assert checked.countersignature == "valid (pinned key)"

    # What went up about the certificate: its id, its digest and the masked IMEI, nothing else.
    went_up = [
        json.loads(payload)
        for payload in upstream.store.operation_payloads("SZ01", "wipe_certificate", outcome.certificate_id)
    ]
    assert [sorted(k for k in p if k != "local_action") for p in went_up] == [["certificate", "digest", "imei_masked"]]
    assert went_up[0]["imei_masked"] == "*********234565" and "Zhao" not in json.dumps(went_up)

    # Another key, or a countersignature lifted onto another certificate, does not pass.
    with pytest.raises(CertificateInvalid) as wrong_key:
        cert.verify_document(
            records.file_bytes(kept), upstream_key=base64.b64decode(kept["outlet_signature"]["public_key"])
        )
    assert wrong_key.value.code == "certificate_countersignature_invalid"
    forged = dict(kept, countersignature=dict(counter, signed_at="2030-01-01T00:00:00Z"))
    with pytest.raises(CertificateInvalid):
        cert.verify_document(records.file_bytes(forged), upstream_key=upstream_key)

    again = sync.sync_once(manager).as_json()
    assert again["errors"] == [] and records.certificate_document(manager, outcome.certificate_id) == kept

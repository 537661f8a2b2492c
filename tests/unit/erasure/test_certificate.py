"""The certificate of erasure's signatures: genuine ones verify, every kind of alteration or forgery does not."""

from __future__ import annotations

import base64
import copy
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.core.canonical_json import canonical_json
from app.erasure import certificate as cert
from app.erasure.errors import CertificateInvalid, WipeReportedFailure
from app.erasure.wipe import _checked_result

OUTLET_KEY = cert.signing_key_from_seed(b"outlet seed for the tests")
UPSTREAM_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def _body() -> dict:
    return {
        "id": "3f0c2a9e-8b1d-4c55-9a61-0f2d7e4b9c11", "ticket": "SZ01-20261202-0007", "outlet": "SZ01",
        "imei_masked": "*********234565", "model": "IN2010",
        "method": "factory reset: cryptographic erase of FBE keys", "standard": "NIST SP 800-88 Rev. 1 purge",
        "outcome": "success", "tool_result": {"android_version": "13"},
        "checks_before": [{"check": "encryption", "result": "encrypted"}],
        "checks_after": [{"check": "left_usb", "result": "absent"}], "technician": "E1001",
        "consent": {"id": "c1"}, "issued_at": "2026-12-02T09:30:14Z",
    }  # fmt: skip


def _countersigned(document: dict, key: Ed25519PrivateKey = UPSTREAM_KEY, outlet: str = "SZ01") -> dict:
    digest = cert.certificate_digest(document["certificate"], document["outlet_signature"])
    signed_at = "2026-12-02T10:00:00Z"
    public = cert.public_key_of(key)
    document = copy.deepcopy(document)
    document["countersignature"] = {
        "algorithm": "Ed25519", "key_id": cert.key_id_for(public), "public_key": base64.b64encode(public).decode(),
        "outlet": outlet, "signed_at": signed_at,
        "signature": base64.b64encode(key.sign(cert.countersign_message(digest, outlet, signed_at))).decode(),
    }  # fmt: skip
    return document


def _genuine() -> dict:
    body = _body()
    return cert.document(body, cert.sign_body(OUTLET_KEY, body), None)


def _bytes(document: dict) -> bytes:
    return json.dumps(document, indent=2, ensure_ascii=False).encode()


def test_a_genuine_certificate_verifies_however_its_json_is_laid_out() -> None:
    document = _genuine()
    compact = cert.verify_document(canonical_json(document))
    spaced = cert.verify_document(_bytes(document), outlet_key=cert.public_key_of(OUTLET_KEY))
    assert compact == spaced and compact.ticket == "SZ01-20261202-0007" and compact.countersignature == "absent"
    counter = cert.verify_document(_bytes(_countersigned(document)), upstream_key=cert.public_key_of(UPSTREAM_KEY))
    assert counter.countersignature == "valid (pinned key)"


def _altered(path: tuple[str, ...], value: object) -> dict:
    document = _genuine()
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return document


@pytest.mark.parametrize(
    ("document", "code"),
    [
        (_altered(("certificate", "imei_masked"), "*********000000"), "certificate_signature_invalid"),
        (_altered(("certificate", "ticket"), "SZ01-20261202-0008"), "certificate_signature_invalid"),
        (_altered(("certificate", "checks_after"), []), "certificate_signature_invalid"),
        (
            _altered(("outlet_signature", "signature"), base64.b64encode(bytes(64)).decode()),
            "certificate_signature_invalid",
        ),
        (_altered(("outlet_signature", "key_id"), "0" * 64), "certificate_malformed"),
        (_altered(("format",), "something/else"), "certificate_malformed"),
    ],
    ids=["imei", "ticket", "checks", "signature-bytes", "key-id", "format"],
)
def test_an_altered_certificate_does_not_verify(document: dict, code: str) -> None:
    with pytest.raises(CertificateInvalid) as refused:
        cert.verify_document(_bytes(document))
    assert refused.value.code == code and refused.value.exit_code == 117


def test_a_forger_with_their_own_key_fails_against_the_outlets_key_and_cannot_certify_a_failure() -> None:
    forger = Ed25519PrivateKey.generate()
    body = _body()
    forged = cert.document(body, cert.sign_body(forger, body), None)
    cert.verify_document(_bytes(forged))  # self-consistent, so the outlet's (or the upstream's) key decides
    with pytest.raises(CertificateInvalid) as wrong:
        cert.verify_document(_bytes(forged), outlet_key=cert.public_key_of(OUTLET_KEY))
    assert wrong.value.code == "certificate_wrong_outlet"
    failed = dict(body, outcome="failed")
    with pytest.raises(CertificateInvalid) as not_success:
        cert.verify_document(_bytes(cert.document(failed, cert.sign_body(OUTLET_KEY, failed), None)))
    assert not_success.value.code == "certificate_not_success"


def test_a_countersignature_by_another_key_or_for_another_outlet_does_not_verify() -> None:
    upstream = cert.public_key_of(UPSTREAM_KEY)
    by_other = _countersigned(_genuine(), key=Ed25519PrivateKey.generate())
    with pytest.raises(CertificateInvalid):
        cert.verify_document(_bytes(by_other), upstream_key=upstream)
    moved = _countersigned(_genuine())
    moved["countersignature"]["outlet"] = "BJ02"
    with pytest.raises(CertificateInvalid) as refused:
        cert.verify_document(_bytes(moved), upstream_key=upstream)
    assert refused.value.code == "certificate_countersignature_invalid"


@pytest.mark.parametrize(
    "raw",
    [
        None,
        b"\xff\xfe",
        b"[]",
        b'{"status": "maybe"}',
        b'{"status": "success", "method": "m", "standard": "s", "android_version": "13", "time": "t",'
        b' "encryption_state": "encrypted", "storage_bytes": true}',
        b'{"status": "success", "method": "m", "standard": "s", "android_version": "13", "time": "t",'
        b' "encryption_state": "unencrypted", "storage_bytes": 1024}',
    ],
    ids=["missing", "not-utf8", "not-object", "unknown-status", "bool-size", "unencrypted"],
)
def test_a_wipe_result_the_app_cannot_trust_is_refused(raw: bytes | None) -> None:
    with pytest.raises(WipeReportedFailure) as refused:
        _checked_result(raw)
    assert refused.value.code == "wipe_result_unreadable"

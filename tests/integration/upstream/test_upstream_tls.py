"""HTTPS with certificate checks: a throwaway CA and an upstream serving TLS on loopback."""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from upstream_harness import OUTLET, UpstreamServer

from app.sync.relay import enrol
from app.sync.transport import CertificateNotTrusted, UpstreamEndpoint
from app.upstream.enrolment import issue_enrol_code

pytestmark = pytest.mark.integration


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_ca_and_server_cert(folder: Path, san: x509.GeneralName) -> tuple[Path, Path, Path]:
    """(ca.pem, server.pem, server.key) with the server certificate valid for `san` only."""
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("Test CA")).issuer_name(_name("Test CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = (x509.CertificateBuilder().subject_name(_name("upstream")).issuer_name(ca.subject)
              .public_key(server_key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
              .add_extension(x509.SubjectAlternativeName([san]), critical=False)
              .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
              .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
              .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(server_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))
    return paths


def tls_upstream(tmp_path: Path, san: x509.GeneralName) -> Iterator[tuple[UpstreamServer, Path]]:
    ca, cert, key = make_ca_and_server_cert(tmp_path, san)
    server = UpstreamServer(f"sqlite:///{tmp_path / 'up.db'}", ssl_certfile=str(cert), ssl_keyfile=str(key))
    server.start()
    try:
        yield server, ca
    finally:
        server.stop()


@pytest.fixture
def https_upstream(tmp_path: Path) -> Iterator[tuple[UpstreamServer, Path]]:
    yield from tls_upstream(tmp_path, x509.IPAddress(ipaddress.ip_address("127.0.0.1")))


def test_enrolment_over_https_trusts_the_configured_ca_bundle(https_upstream: tuple[UpstreamServer, Path]) -> None:
    server, ca = https_upstream
    assert server.url.startswith("https://")
    enrolment, _ = enrol(UpstreamEndpoint(server.url, ca_bundle=ca), OUTLET, issue_enrol_code(server.store, OUTLET))
    assert enrolment.outlet == OUTLET


def test_a_certificate_the_system_store_does_not_vouch_for_is_refused(
    https_upstream: tuple[UpstreamServer, Path],
) -> None:
    server, ca = https_upstream
    code = issue_enrol_code(server.store, OUTLET)
    with pytest.raises(CertificateNotTrusted):
        enrol(UpstreamEndpoint(server.url), OUTLET, code)
    # The code never reached the server: it still works once the right CA is configured.
    assert enrol(UpstreamEndpoint(server.url, ca_bundle=ca), OUTLET, code)[0].outlet == OUTLET


def test_a_certificate_for_another_host_is_refused(tmp_path: Path) -> None:
    for server, ca in tls_upstream(tmp_path, x509.DNSName("upstream.example.com")):
        with pytest.raises(CertificateNotTrusted):
            enrol(UpstreamEndpoint(server.url, ca_bundle=ca), OUTLET, issue_enrol_code(server.store, OUTLET))

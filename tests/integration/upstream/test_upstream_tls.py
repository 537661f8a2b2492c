"""HTTPS with certificate checks: a throwaway CA and an upstream serving TLS on loopback."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509

from app.sync.relay import enrol
from app.sync.transport import CertificateNotTrusted, UpstreamEndpoint
from app.upstream.enrolment import issue_enrol_code
from tests.integration.upstream.upstream_harness import OUTLET, UpstreamServer, make_ca_and_server_cert

pytestmark = pytest.mark.integration


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

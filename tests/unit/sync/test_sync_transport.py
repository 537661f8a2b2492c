"""Transport checks and backoff (app/sync/transport.py, relay.Backoff)."""

from __future__ import annotations

import random
import ssl
from pathlib import Path

import pytest

from app.sync.relay import Backoff
from app.sync.transport import CertificateNotTrusted, InsecureUpstreamUrl, checked_base_url, tls_context


@pytest.mark.parametrize(
    "url",
    [
        "https://upstream.example.com",
        "https://10.0.0.5:8443/",
        "http://127.0.0.1:8470",
        "http://localhost:8470",
        "http://[::1]:8470",
        "http://127.8.9.10",
    ],
)
def test_https_anywhere_and_http_on_loopback_are_accepted(url: str) -> None:
    assert checked_base_url(url).host


@pytest.mark.parametrize(
    "url",
    [
        "http://upstream.example.com",
        "http://10.0.0.5:8470",
        "http://0.0.0.0:8470",
        "http://localhost.evil.com",
        "ftp://127.0.0.1",
        "https://user:pw@x.example",
        "not a url",
        "https://",
    ],
)
def test_clear_text_or_odd_addresses_are_refused(url: str) -> None:
    with pytest.raises(InsecureUpstreamUrl):
        checked_base_url(url)


def test_tls_context_checks_certificates_and_host_names() -> None:
    context = tls_context(None)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_a_missing_ca_bundle_is_a_known_error(tmp_path: Path) -> None:
    with pytest.raises(CertificateNotTrusted):
        tls_context(tmp_path / "absent.pem")


def test_backoff_grows_exponentially_with_full_jitter_up_to_the_cap() -> None:
    backoff = Backoff(base=0.5, cap=8.0, rng=random.Random(1))
    delays = [[backoff.delay(attempt) for _ in range(200)] for attempt in range(8)]
    for attempt, samples in enumerate(delays):
        ceiling = min(8.0, 0.5 * 2**attempt)
        assert all(0 <= d <= ceiling for d in samples)
        assert max(samples) > 0.8 * ceiling, "the jitter spans the whole window"
        assert len(set(samples)) > 150, "delays are jittered, not fixed"
    assert Backoff(base=1, cap=60).delay(10_000) <= 60

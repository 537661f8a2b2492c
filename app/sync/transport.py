"""How the counter reaches its upstream: HTTPS with certificate checks, plain HTTP only on loopback.

The checks sit here, before any request is made, so no code path can send an outlet's token
or records in clear text over a network, or trust a certificate nobody vouched for.
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.errors import KnownError


class InsecureUpstreamUrl(KnownError):
    """The upstream address would send data in clear text, or is not an address at all."""

    exit_code = 73
    next_step = "Use an https:// address (plain http:// is accepted only for 127.0.0.1 or localhost)."


class UpstreamUnreachable(KnownError):
    """The upstream could not be reached or kept failing after retries; data stays queued."""

    exit_code = 74
    next_step = "Nothing is lost: pending records stay queued. Check the line and try again later."


class EnrolmentRefused(KnownError):
    """The upstream refused the one-time enrolment code."""

    exit_code = 75
    next_step = "Ask the upstream operator for a new code (repair-counter upstream-code) and enrol again."


class UpstreamAuthRefused(KnownError):
    """The upstream refused this outlet's token."""

    exit_code = 76
    next_step = "Enrol the outlet again with a new code from the upstream operator."


class UpstreamProtocolError(KnownError):
    """The upstream answered something this version cannot use."""

    exit_code = 77
    next_step = "Check that the counter and the upstream run compatible versions; the queue is kept."


class CertificateNotTrusted(InsecureUpstreamUrl):
    """The upstream's HTTPS certificate does not check out against the trusted roots.

    A kind of InsecureUpstreamUrl (same exit code 73): either way the connection is not one
    the outlet's data may travel over."""

    next_step = "Install the upstream's CA certificate and give its path as the CA bundle setting."


LOOPBACK_NAMES = frozenset({"localhost"})


@dataclass(frozen=True)
class UpstreamEndpoint:
    """Where the upstream is and which roots vouch for it (None: the system store)."""

    url: str
    ca_bundle: Path | None = None
    connect_timeout: float = 5.0
    read_timeout: float = 30.0


def is_loopback_host(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_base_url(url: str) -> httpx.URL:
    """The URL, if it is https, or http to a loopback address; raises InsecureUpstreamUrl."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise InsecureUpstreamUrl(f"{url!r} is not a valid address.") from exc
    if not parsed.host or parsed.userinfo:
        raise InsecureUpstreamUrl(f"{url!r} must name a host and carry no user name or password.")
    if parsed.scheme == "https":
        return parsed
    if parsed.scheme == "http" and is_loopback_host(parsed.host):
        return parsed
    raise InsecureUpstreamUrl(f"Refusing to send outlet data in clear text to {parsed.host}.")


def tls_context(ca_bundle: Path | None) -> ssl.SSLContext:
    """Certificate and host-name checks on; roots from `ca_bundle` alone, else the system store."""
    if ca_bundle is None:
        return ssl.create_default_context()
    try:
        return ssl.create_default_context(cafile=str(ca_bundle))
    except (OSError, ssl.SSLError) as exc:
        raise CertificateNotTrusted(f"Cannot load the CA bundle {ca_bundle}: {exc}") from exc


def open_client(endpoint: UpstreamEndpoint, token: str | None = None) -> httpx.Client:
    """An HTTP client for the upstream with the checks above and bounded timeouts."""
    base = checked_base_url(endpoint.url)
    headers = {"authorization": f"Bearer {token}"} if token else {}
    timeout = httpx.Timeout(endpoint.read_timeout, connect=endpoint.connect_timeout)
    return httpx.Client(
        base_url=base,
        verify=tls_context(endpoint.ca_bundle),
        timeout=timeout,
        headers=headers,
        follow_redirects=False,  # a redirect could lead off to plain HTTP
        trust_env=False,  # no proxy from the environment sees the token
    )


def is_certificate_failure(exc: httpx.TransportError) -> bool:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False

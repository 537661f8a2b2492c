"""The hub's own TLS certificate: self-signed, made once, and pinned by every counter that joins.

No certificate authority vouches for a box on the outlet's LAN, and its address changes with
DHCP, so the counters trust this one certificate by its SHA-256 fingerprint (shown on the hub
beside the one-time code) instead of a name.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import socket
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.sync.hub_protocol import fingerprint_of_pem

CERTIFICATE_FILE = "hub-cert.pem"
KEY_FILE = "hub-key.pem"
#: Long-lived on purpose: a pinned certificate is replaced by joining again, not by expiry.
VALID_DAYS = 3650


def ensure_certificate(folder: Path) -> tuple[Path, Path]:
    """The certificate and key in `folder`, made on first use (the key owner-only)."""
    cert_path, key_path = folder / CERTIFICATE_FILE, folder / KEY_FILE
    if cert_path.is_file() and key_path.is_file():
        return cert_path, key_path
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Repair Counter outlet hub")])
    now = datetime.datetime.now(datetime.UTC)
    names: list[x509.GeneralName] = [
        x509.DNSName("localhost"),
        x509.DNSName(socket.gethostname() or "localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
    ]
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_bytes = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(key_bytes)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert_path, key_path


def fingerprint_of_file(path: Path) -> str:
    return fingerprint_of_pem(path.read_text(encoding="ascii"))


def grouped(fingerprint: str, groups: int = 8) -> str:
    """`ab12 cd34 ...`: the first `groups` groups of four, for reading aloud."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, groups * 4, 4))

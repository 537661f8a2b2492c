"""The Diagnostic Tool's version and its update (docs/ARCHITECTURE.md section 7).

The minimum version, the APK's file name and its SHA-256 come from reference
data.  An update needs its own consent; before the APK is installed its digest
is compared with the one reference data names, and the bytes that were checked
are the bytes installed (copied to a private temporary file first, so a file
swapped on disk after the check is never what reaches the phone).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.reference_data import DiagnosticToolRequirement, default_resources_dir
from app.device.parsers.package_parser import PackageRecord
from app.diagnostics.errors import ToolApkRejected
from app.diagnostics.gate import ConsentGate

#: Largest APK read for checking and installing.
MAX_APK_BYTES = 256 * 1024 * 1024


def default_apk_dir() -> Path:
    """Where the shipped (demo) Diagnostic Tool APK lives: resources/diagtool/."""
    return default_resources_dir() / "diagtool"


@dataclass(frozen=True)
class ToolCheck:
    """The tool on this phone against what reference data requires."""

    package: str
    installed_version: int | None
    installed_name: str | None
    required_version: int
    required_name: str
    #: A genuine installer is known (digest in reference data) and present.
    update_possible: bool

    @property
    def recent_enough(self) -> bool:
        return self.installed_version is not None and self.installed_version >= self.required_version

    @property
    def needs_update(self) -> bool:
        return not self.recent_enough


def apk_path(requirement: DiagnosticToolRequirement, apk_dir: Path) -> Path:
    return apk_dir / requirement.apk_file


def update_possible(requirement: DiagnosticToolRequirement, apk_dir: Path) -> bool:
    return requirement.apk_sha256 is not None and apk_path(requirement, apk_dir).is_file()


def check_tool(gate: ConsentGate, requirement: DiagnosticToolRequirement, apk_dir: Path) -> ToolCheck:
    record: PackageRecord | None = gate.tool_version(requirement.package)
    return ToolCheck(
        requirement.package,
        record.version_code if record else None,
        record.version_name if record else None,
        requirement.min_version_code,
        requirement.min_version_name,
        update_possible(requirement, apk_dir),
    )


def verified_apk(requirement: DiagnosticToolRequirement, apk_dir: Path) -> bytes:
    """The APK's bytes when their SHA-256 is the one reference data names; ToolApkRejected otherwise."""
    if requirement.apk_sha256 is None:
        raise ToolApkRejected("Reference data names no genuine Diagnostic Tool installer.")
    path = apk_path(requirement, apk_dir)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_APK_BYTES + 1)
    except OSError as exc:
        raise ToolApkRejected(f"The Diagnostic Tool installer {requirement.apk_file} cannot be read.") from exc
    if len(data) > MAX_APK_BYTES:
        raise ToolApkRejected("The Diagnostic Tool installer is larger than any genuine one.")
    if not hmac.compare_digest(hashlib.sha256(data).hexdigest(), requirement.apk_sha256):
        raise ToolApkRejected(f"The installer {requirement.apk_file} is not the genuine one (its SHA-256 differs).")
    return data


def install_verified(
    install: Callable[[Path], None], requirement: DiagnosticToolRequirement, apk_dir: Path, staging: Path
) -> None:
    """Check the digest, then install exactly the checked bytes with `install` (the gate's, or the wipe's).

    The checked copy is staged inside the data directory (`staging`), owner-only: nothing
    is written outside it, and no other user can swap the file between check and install.
    """
    data = verified_apk(requirement, apk_dir)
    staging.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.TemporaryDirectory(prefix="apk-", dir=staging) as folder:
        private = Path(folder) / requirement.apk_file
        fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        install(private)

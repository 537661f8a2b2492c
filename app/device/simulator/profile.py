"""Handset profiles: a folder with `profile.toml` and the verbatim outputs a real phone printed.

Format (issue 3), so a capture from a real phone drops in with no code change::

    [device]      serial, model, brand, manufacturer, product, name, android_release, sdk,
                  crypto_state ("encrypted" | "unencrypted"; ro.crypto.state), accounts (how many
                  `dumpsys account` lists), storage_bytes (what the wipe result reports)
    [adb]         features = [...], auth = "none" | "accept" | "deny"
    [diagtool]    package, version_code, version_name, service   (absent: tool not installed)
                  result_delay_ms (optional; how long the tool "works" before writing results)
                  wipe = "success" | "failed" | "unplug" (optional; how the wipe action ends)
    [diagtool.results]  category = { file = "..." } | { inline = '''...''' }
    [shell]       "exact command" | "prefix*" = { file = "..." } | { inline = '''...''' }, exit = N
    [files]       "/device/path" = { file = "..." } | { inline = '''...''' }
    [faults]      disconnect_after_bytes, disconnect_on_command, delay_ms, garbage_on_command,
                  oversize_on_command, oversize_bytes   (all optional)

Files named by `file =` must lie inside the profile folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

AUTH_MODES = ("none", "accept", "deny")
WIPE_OUTCOMES = ("success", "failed", "unplug")
CRYPTO_STATES = ("encrypted", "unencrypted")
#: Features this simulator implements; a profile may advertise only these.
SUPPORTED_FEATURES = frozenset(
    {"shell_v2", "stat_v2", "fixed_push_mkdir", "fixed_push_symlink_timestamp", "delayed_ack", "ls_v2"}
)
DEFAULT_FEATURES = ("shell_v2", "stat_v2", "fixed_push_mkdir")
_MAX_PROFILE_FILE = 256 * 1024 * 1024


class ProfileError(ValueError):
    """A profile folder or its profile.toml is not usable."""


@dataclass(frozen=True)
class DeviceSection:
    serial: str
    model: str
    brand: str = ""
    manufacturer: str = ""
    product: str = ""
    name: str = ""
    android_release: str = ""
    sdk: int = 0
    crypto_state: str = "encrypted"
    accounts: int = 1
    storage_bytes: int = 128 * 1024**3


@dataclass(frozen=True)
class DiagToolSection:
    package: str
    version_code: int
    version_name: str
    service: str
    results: dict[str, bytes] = field(default_factory=dict)
    result_delay_ms: int = 200
    #: How the wipe action ends (docs/ARCHITECTURE.md section 7): the phone resets and drops off USB
    #: ("success"), the tool reports a failure and the phone stays ("failed"), or the cable is pulled
    #: after the tool started and before it wrote its result ("unplug").
    wipe: str = "success"


@dataclass(frozen=True)
class ShellAnswer:
    output: bytes
    exit_code: int = 0


@dataclass(frozen=True)
class Faults:
    disconnect_after_bytes: int | None = None
    disconnect_on_command: tuple[str, ...] = ()
    delay_ms: int = 0
    garbage_on_command: tuple[str, ...] = ()
    oversize_on_command: tuple[str, ...] = ()
    oversize_bytes: int = 128 * 1024 * 1024


@dataclass(frozen=True)
class HandsetProfile:
    """Everything one simulated phone is and does."""

    name: str
    device: DeviceSection
    features: tuple[str, ...]
    auth: str
    diagtool: DiagToolSection | None
    shell: dict[str, ShellAnswer]
    files: dict[str, bytes]
    faults: Faults


def load_profile(folder: str | Path) -> HandsetProfile:
    """Read and check `folder/profile.toml`; ProfileError says what is wrong."""
    root = Path(folder).resolve()
    try:
        data = tomllib.loads((root / "profile.toml").read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{root}: cannot read profile.toml: {exc}") from exc
    return profile_from_mapping(data, root, name=root.name)


def profile_from_mapping(data: dict[str, Any], root: Path, name: str) -> HandsetProfile:
    """A profile from parsed TOML; `root` is where `file =` paths are looked up."""
    try:
        adb = data.get("adb", {})
        profile = HandsetProfile(
            name=name,
            device=DeviceSection(**data["device"]),
            features=tuple(adb.get("features", DEFAULT_FEATURES)),
            auth=adb.get("auth", "none"),
            diagtool=_diagtool(data.get("diagtool"), root),
            shell={key: _shell_answer(value, root) for key, value in data.get("shell", {}).items()},
            files={path: _content(value, root) for path, value in data.get("files", {}).items()},
            faults=_faults(data.get("faults", {})),
        )
    except (KeyError, TypeError, ValueError, OSError) as exc:
        raise ProfileError(f"{name}: {exc}") from exc
    _check(profile)
    return profile


def _check(profile: HandsetProfile) -> None:
    if profile.auth not in AUTH_MODES:
        raise ProfileError(f"{profile.name}: auth must be one of {AUTH_MODES}")
    unknown = set(profile.features) - SUPPORTED_FEATURES
    if unknown:
        raise ProfileError(f"{profile.name}: the simulator does not implement features {sorted(unknown)}")
    if not profile.device.serial or any(c in profile.device.serial for c in " \t\n;:"):
        raise ProfileError(f"{profile.name}: device.serial must be a plain word")
    if profile.diagtool is not None and profile.diagtool.wipe not in WIPE_OUTCOMES:
        raise ProfileError(f"{profile.name}: diagtool.wipe must be one of {WIPE_OUTCOMES}")
    if profile.device.crypto_state not in CRYPTO_STATES:
        raise ProfileError(f"{profile.name}: device.crypto_state must be one of {CRYPTO_STATES}")
    for path in profile.files:
        if not path.startswith("/") or ".." in path.split("/"):
            raise ProfileError(f"{profile.name}: file path {path!r} must be absolute without '..'")


def _diagtool(section: dict[str, Any] | None, root: Path) -> DiagToolSection | None:
    if section is None:
        return None
    section = dict(section)
    results = {category: _content(value, root) for category, value in section.pop("results", {}).items()}
    return DiagToolSection(results=results, **section)


def _shell_answer(value: dict[str, Any], root: Path) -> ShellAnswer:
    return ShellAnswer(output=_content(value, root), exit_code=int(value.get("exit", 0)))


def _content(value: dict[str, Any], root: Path) -> bytes:
    if "inline" in value:
        return str(value["inline"]).encode("utf-8")
    if "file" in value:
        path: Path = (root / str(value["file"])).resolve()
        if not path.is_relative_to(root):
            raise ProfileError(f"{value['file']!r} is outside the profile folder")
        if path.stat().st_size > _MAX_PROFILE_FILE:
            raise ProfileError(f"{value['file']!r} is too large")
        return path.read_bytes()
    raise ProfileError("an entry needs `file` or `inline`")


def _faults(section: dict[str, Any]) -> Faults:
    def names(key: str) -> tuple[str, ...]:
        value = section.get(key, ())
        return (value,) if isinstance(value, str) else tuple(value)

    return Faults(
        disconnect_after_bytes=section.get("disconnect_after_bytes"),
        disconnect_on_command=names("disconnect_on_command"),
        delay_ms=int(section.get("delay_ms", 0)),
        garbage_on_command=names("garbage_on_command"),
        oversize_on_command=names("oversize_on_command"),
        oversize_bytes=int(section.get("oversize_bytes", 128 * 1024 * 1024)),
    )

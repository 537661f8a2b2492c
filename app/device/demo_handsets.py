"""Simulated phones for demo and training mode, connected through the real adb server."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from adbutils import AdbClient

from app.device.adb_client import connect_network_device
from app.device.simulator import SimulatedHandset, load_profile
from app.paths import RESOURCES

#: The profiles shipped with the app (resources/handsets/, also inside the frozen app).
SHIPPED_PROFILES = RESOURCES / "handsets"


def shipped_profile_dirs(root: Path = SHIPPED_PROFILES) -> list[Path]:
    """Every profile folder under `root`, in name order."""
    return sorted(p.parent for p in root.glob("*/profile.toml"))


@contextlib.contextmanager
def running_demo_handsets(profile_dirs: Iterable[str | Path], adb: AdbClient) -> Iterator[list[tuple[str, str]]]:
    """Start one simulated phone per profile, `adb connect` each, and yield [(serial, profile name)].

    The serial is the adb transport name (`127.0.0.1:PORT`) the device layer uses.
    An unauthorised profile stays "unauthorized" in the server, as a real phone would.
    On exit every phone is disconnected from the server and stopped.
    """
    profiles = [load_profile(folder) for folder in profile_dirs]
    with contextlib.ExitStack() as running:
        attached: list[tuple[str, str]] = []
        for profile in profiles:
            handset = running.enter_context(SimulatedHandset(profile))
            running.callback(_disconnect, adb, handset.address)
            connect_network_device(adb, handset.address)
            attached.append((handset.address, profile.name))
        yield attached


def _disconnect(adb: AdbClient, address: str) -> None:
    with contextlib.suppress(Exception):  # the server may already be gone at shutdown
        adb.disconnect(address)

"""Finding the adb program and running an adb server on a port of our choosing.

adbutils would take any `adb` on PATH before its own binary; the counter prefers
the binary shipped in adbutils' wheel (known version), unless ADBUTILS_ADB_PATH
names another.  A server started here can be isolated (its own port and HOME,
where it keeps its keys), which is what tests and demo mode need.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path
from types import TracebackType

import adbutils

from app.device.adb_client import CounterAdbClient
from app.device.errors import AdbServerUnavailable

DEFAULT_PORT = 5037
#: Ports 5555-5585 are scanned by adb as emulators: a server or phone there shows up twice.
EMULATOR_PORTS = range(5555, 5586)


def bundled_adb_path() -> Path | None:
    """The adb binary inside adbutils' wheel, if this platform has one."""
    folder = Path(adbutils.__file__).parent / "binaries"
    for name in ("adb", "adb.exe"):
        if (folder / name).is_file():
            return folder / name
    return None


def locate_adb() -> Path:
    """ADBUTILS_ADB_PATH, else adbutils' bundled binary, else an `adb` on PATH."""
    chosen = os.environ.get("ADBUTILS_ADB_PATH")
    if chosen:
        if not Path(chosen).is_file():
            raise AdbServerUnavailable(f"ADBUTILS_ADB_PATH names {chosen}, which is not a file.")
        return Path(chosen)
    found = bundled_adb_path() or (Path(p) if (p := shutil.which("adb")) else None)
    if found is None:
        raise AdbServerUnavailable("No adb program was found.")
    return found


def free_loopback_port() -> int:
    """A free TCP port on 127.0.0.1 outside 5555-5585, which adb servers scan for emulators."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if port not in EMULATOR_PORTS:
            return port


class AdbServer:
    """An adb server process on `port`, with `home` as its HOME (keys live in `home/.android`).

    `start()` runs `adb start-server` (which returns once the server listens);
    `stop()` runs `adb kill-server`.  As a context manager it stops on exit.
    """

    def __init__(
        self,
        port: int = DEFAULT_PORT,
        home: Path | None = None,
        adb_path: Path | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        if port in EMULATOR_PORTS:
            raise ValueError("ports 5555-5585 belong to emulators")
        self.port = port
        self.home = home
        self.adb_path = adb_path or locate_adb()
        self.extra_env = dict(extra_env or {})  # e.g. ADB_BURST_MODE=1 for delayed acks

    def environment(self) -> dict[str, str]:
        env = dict(os.environ, ANDROID_ADB_SERVER_PORT=str(self.port), **self.extra_env)
        if self.home is not None:
            env["HOME"] = str(self.home)
            env["USERPROFILE"] = str(self.home)
        return env

    def run(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        """Run the adb program against this server (`adb -P PORT args...`)."""
        try:
            return subprocess.run(
                [str(self.adb_path), "-P", str(self.port), *args],
                env=self.environment(),
                capture_output=True,
                text=True,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise AdbServerUnavailable(f"The adb program could not run: {exc.__class__.__name__}") from exc

    def start(self) -> AdbServer:
        result = self.run("start-server")
        if result.returncode != 0:
            raise AdbServerUnavailable(f"The adb server did not start on port {self.port}.")
        return self

    def stop(self) -> None:
        try:
            self.run("kill-server", timeout=10)
        except AdbServerUnavailable:
            pass

    def client(self, socket_timeout: float | None = 30) -> CounterAdbClient:
        return CounterAdbClient(host="127.0.0.1", port=self.port, socket_timeout=socket_timeout)

    def __enter__(self) -> AdbServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

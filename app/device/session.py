"""One phone, driven through the adb server: bounded shell, file transfer, install, the tool contract.

A `DeviceSession` is used by one worker thread at a time (see `workers.py`).
Every answer is size-bounded while it streams in (a 100 MB answer is cut at the
limit, never buffered whole), parsed into dataclasses here, and adb failures
become the typed errors of `app.device.errors`, decided from the device's state
in the server's list rather than from error strings.  Nothing the phone sends
becomes a local path: local paths are the caller's, device paths are built by
`commands.py` from validated parts.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import socket
import struct
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TypeVar

from adbutils import AdbClient, AdbConnection
from adbutils.errors import AdbError, AdbTimeout

from app.core.identifiers import Imei
from app.device import commands
from app.device.errors import (
    AdbServerUnavailable,
    DeviceCommandFailed,
    DeviceError,
    DeviceGone,
    DeviceTimeout,
    DeviceUnauthorized,
    InstallFailed,
    OutputTooLarge,
    TransferFailed,
)
from app.device.parsers import OutputParseError
from app.device.parsers.account_parser import parse_accounts_count
from app.device.parsers.am_parser import AmStartResult, parse_am_start
from app.device.parsers.battery_parser import (
    BatteryState,
    parse_battery_cycle_count,
    parse_batterystats,
    parse_dumpsys_battery,
)
from app.device.parsers.getprop_parser import BuildInfo, Properties, build_info, parse_getprop
from app.device.parsers.imei_parser import imei_from_parcel
from app.device.parsers.logcat_parser import LogLine, parse_logcat_threadtime
from app.device.parsers.package_parser import PackageRecord, parse_dumpsys_package

_Parsed = TypeVar("_Parsed")
log = logging.getLogger(__name__)

#: Default bound on one shell answer.
DEFAULT_OUTPUT_LIMIT = 8 * 1024 * 1024
#: Default bound on one pulled file.
DEFAULT_PULL_LIMIT = 256 * 1024 * 1024
#: Bound on one Diagnostic Tool result file.
RESULT_FILE_LIMIT = 2 * 1024 * 1024
#: A wipe result is a few hundred bytes; anything near this is not one.
WIPE_RESULT_LIMIT = 64 * 1024
_SYNC_CHUNK = 64 * 1024
_READ_BUFFER = 1024 * 1024


class _Sink(Protocol):
    def write(self, data: bytes | memoryview, /) -> int: ...


class RemoteFileMissing(TransferFailed):
    """The file is not on the phone (yet)."""


@dataclass(frozen=True)
class ShellOutput:
    """A command's answer; `exit_code` is None when the phone cannot report it (no shell_v2)."""

    stdout: bytes
    stderr: bytes
    exit_code: int | None

    @property
    def text(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def all_text(self) -> str:
        return (self.stdout + self.stderr).decode("utf-8", "replace")


@dataclass(frozen=True)
class HandsetIdentity:
    """Who the phone is: build properties, battery state and the Diagnostic Tool's version."""

    transport: str
    build: BuildInfo
    battery: BatteryState | None
    tool: PackageRecord | None


class DeviceSession:
    """Commands to one phone, known to the adb server as `serial` (the transport name)."""

    def __init__(
        self, client: AdbClient, serial: str, *, output_limit: int = DEFAULT_OUTPUT_LIMIT, timeout: float = 30.0
    ) -> None:
        self._client = client
        self.serial = serial
        self.output_limit = output_limit
        self.timeout = timeout
        self._features: frozenset[str] | None = None

    # --- connections and errors ------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Turn adb and socket failures into the typed errors a person can act on."""
        try:
            yield
        except DeviceError:
            raise
        except (TimeoutError, AdbTimeout) as exc:
            raise DeviceTimeout(f"The phone did not answer in time ({what}).") from exc
        except (AdbError, EOFError, OSError) as exc:
            raise self._state_error(what) from exc

    def _state_error(self, what: str) -> DeviceError:
        try:
            states = {info.serial: info.state for info in self._client.list()}
        except (AdbError, OSError, AdbServerUnavailable):
            return AdbServerUnavailable("The adb server stopped answering.")
        state = states.get(self.serial)
        if state == "unauthorized":
            return DeviceUnauthorized(f"The phone {self.serial} has not allowed USB debugging.")
        if state in (None, "offline"):
            return DeviceGone(f"The phone {self.serial} is {'offline' if state else 'not connected'} ({what}).")
        return DeviceGone(f"The connection to the phone {self.serial} broke ({what}).")

    def _open(self, service: str) -> AdbConnection:
        """A connection to `service` on this phone (`host:tport:serial:` then the service)."""
        connection = self._client.make_connection(timeout=self.timeout)
        try:
            connection.send_command(f"host:tport:serial:{self.serial}")
            connection.check_okay()
            connection.read_exact(8)  # the transport id
            connection.send_command(service)
            connection.check_okay()
        except BaseException:
            connection.close()
            raise
        return connection

    def features(self) -> frozenset[str]:
        if self._features is None:
            with self._guard("features"), self._client.make_connection(timeout=self.timeout) as connection:
                connection.send_command(f"host-serial:{self.serial}:features")
                connection.check_okay()
                self._features = frozenset(connection.read_string_block().split(","))
        return self._features

    # --- shell -----------------------------------------------------------------------------------

    def shell(self, command: str, *, limit: int | None = None) -> ShellOutput:
        """Run `command`; more than `limit` bytes of answer raises OutputTooLarge (read so far, no further)."""
        limit = self.output_limit if limit is None else limit
        v2 = "shell_v2" in self.features()
        with self._guard(command.split(" ", 1)[0]):
            connection = self._open(f"shell,v2,raw:{command}" if v2 else f"shell:{command}")
            with connection:
                return _read_shell_v2(connection.conn, limit) if v2 else _read_shell_v1(connection.conn, limit)

    def checked_shell(self, command: str, *, limit: int | None = None) -> ShellOutput:
        """`shell`, raising DeviceCommandFailed when the command exits non-zero."""
        output = self.shell(command, limit=limit)
        if output.exit_code not in (0, None):
            raise DeviceCommandFailed(f"A command on the phone failed with status {output.exit_code}.")
        return output

    # --- identity --------------------------------------------------------------------------------

    def properties(self) -> Properties:
        return _parsed(parse_getprop, self.checked_shell(commands.getprop_command()).text)

    def battery(self) -> BatteryState:
        return _parsed(parse_dumpsys_battery, self.checked_shell(commands.dumpsys_battery_command()).text)

    def tool_version(self, package: str) -> PackageRecord | None:
        """The installed Diagnostic Tool (not a hidden factory copy), or None when not installed."""
        text = self.checked_shell(commands.dumpsys_package_command(package)).text
        return _parsed(parse_dumpsys_package, text).installed(package)

    def identify(self, tool_package: str) -> HandsetIdentity:
        """getprop, dumpsys battery and the tool's version; an unreadable battery answer is None."""
        build = build_info(self.properties())
        try:
            battery: BatteryState | None = self.battery()
        except DeviceCommandFailed:
            battery = None
        return HandsetIdentity(self.serial, build, battery, self.tool_version(tool_package))

    def battery_cycle_count(self) -> int | None:
        return _parsed(parse_battery_cycle_count, self.shell(commands.battery_broadcast_command()).text)

    def learned_capacity_mah(self) -> int | None:
        stats = self.shell(commands.batterystats_command(), limit=32 * 1024 * 1024).text
        return _parsed(parse_batterystats, stats).last_learned_capacity_mah

    def imei_from_service_call(self, slot: int = 0) -> Imei | None:
        """The IMEI through `service call iphonesubinfo`, check digit verified; None where that does not work."""
        try:
            return imei_from_parcel(self.shell(commands.iphonesubinfo_command(slot)).text)
        except OutputParseError:
            return None

    def logcat(self, max_lines: int = 5000, limit: int = 16 * 1024 * 1024) -> tuple[LogLine, ...]:
        text = self.shell(commands.logcat_dump_command(max_lines), limit=limit).text
        return parse_logcat_threadtime(text, max_lines=max_lines)

    # --- files -----------------------------------------------------------------------------------

    def stat(self, remote: str) -> tuple[int, int, int]:
        """(mode, size, mtime) of a device path; mode 0 means it does not exist."""
        with self._guard("stat"), self._open("sync:") as connection:
            reply = _sync_stat(connection.conn, remote)
            _sync_quit(connection.conn)
            return reply

    def exists(self, remote: str) -> bool:
        return self.stat(remote)[0] != 0

    def pull(self, remote: str, local: str | Path, *, max_bytes: int = DEFAULT_PULL_LIMIT) -> int:
        """Copy a device file to `local` (written whole or not at all); returns its size."""
        target = Path(local)
        partial = target.with_name(target.name + ".part")
        try:
            with partial.open("wb") as file:
                size = self._receive(remote, _LocalSink(file), max_bytes)
            os.replace(partial, target)
            return size
        except OSError as exc:  # the PC's side: disk full, folder gone, no permission
            raise TransferFailed(f"The copy of {remote} could not be saved on this computer.") from exc
        finally:
            partial.unlink(missing_ok=True)

    def read_file(self, remote: str, *, max_bytes: int = RESULT_FILE_LIMIT) -> bytes:
        sink = io.BytesIO()
        self._receive(remote, sink, max_bytes)
        return sink.getvalue()

    def _receive(self, remote: str, sink: _Sink, max_bytes: int) -> int:
        with self._guard("pull"), self._open("sync:") as connection:
            sock = connection.conn
            mode, size, _ = _sync_stat(sock, remote)
            if mode == 0:
                raise RemoteFileMissing(f"{remote} is not on the phone.")
            if size > max_bytes:
                raise OutputTooLarge(f"{remote} is {size} bytes, over the {max_bytes} byte limit.")
            received = _sync_receive(sock, remote, sink, max_bytes)
            _sync_quit(sock)
            return received

    def push(self, source: str | Path | bytes, remote: str, mode: int = 0o644) -> int:
        """Copy a local file (or bytes) to the phone; returns the bytes sent."""
        stream: BinaryIO = io.BytesIO(source) if isinstance(source, bytes) else Path(source).open("rb")
        with stream, self._guard("push"), self._open("sync:") as connection:
            sent = _sync_send(connection.conn, stream, remote, mode)
            _sync_quit(connection.conn)
            return sent

    def remove_tree(self, remote: str) -> None:
        self.shell(commands.remove_tree_command(remote))

    # --- apps ------------------------------------------------------------------------------------

    def install(self, apk: str | Path) -> None:
        """Push the APK and `pm install -r -t` it; InstallFailed carries the phone's reason code."""
        data = Path(apk).read_bytes()
        remote = f"/data/local/tmp/repaircounter-{hashlib.sha256(data).hexdigest()[:16]}.apk"
        self.push(data, remote)
        try:
            answer = self.shell(commands.pm_install_command(remote)).all_text
        finally:
            self.shell(f"rm -f {remote}")
        if not any(line.strip() == "Success" for line in answer.splitlines()):
            reason = _install_failure_reason(answer)
            raise InstallFailed(f"The phone refused the app ({reason or 'no reason given'}).", reason=reason)

    def am_start(self, package: str, activity: str) -> AmStartResult:
        output = self.shell(commands.am_start_activity_command(package, activity))
        return _parsed(parse_am_start, output.all_text, output.exit_code)

    # --- the Diagnostic Tool contract (docs/ARCHITECTURE.md section 7) --------------------------------------

    def start_diagnostic_tool(
        self, package: str, service: str, session: str, categories: Iterable[str]
    ) -> AmStartResult:
        command = commands.start_diagnostic_service_command(package, service, session, categories)
        output = self.shell(command)
        result = _parsed(parse_am_start, output.all_text, output.exit_code)
        if not result.started or result.error:
            raise DeviceCommandFailed("The Diagnostic Tool on the phone did not start.")
        return result

    def wait_for_session_done(self, package: str, session: str, timeout: float = 60, poll: float = 0.25) -> bool:
        done = f"{commands.session_folder(package, session)}/done"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exists(done):
                return True
            time.sleep(poll)
        return False

    def read_session_results(self, package: str, session: str, categories: Iterable[str]) -> dict[str, bytes]:
        """Each consented category's `<category>.json`; file names come from our categories, never the phone."""
        folder = commands.session_folder(package, session)
        names = [commands.category_name(category) for category in categories]
        return {name: self.read_file(f"{folder}/{name}.json") for name in names}

    def clean_session(self, package: str, session: str) -> None:
        self.remove_tree(commands.session_folder(package, session))
        self.shell(commands.force_stop_command(package))

    # --- the wipe action (docs/ARCHITECTURE.md section 7) ----------------------------------------

    def crypto_state(self) -> str:
        """`ro.crypto.state`: "encrypted", "unencrypted", or "" when the phone does not say."""
        return self.checked_shell(commands.getprop_command("ro.crypto.state")).text.strip()[:32]

    def accounts_count(self) -> int:
        """How many accounts `dumpsys account` lists (only the count: the names are personal data)."""
        return _parsed(parse_accounts_count, self.checked_shell(commands.dumpsys_account_command()).text)

    def start_wipe(self, package: str, session: str) -> None:
        """Ask the tool to wipe; DeviceCommandFailed when no wipe service started (tool missing or too old)."""
        output = self.shell(commands.start_wipe_command(package, session))
        result = _parsed(parse_am_start, output.all_text, output.exit_code)
        if not result.started or result.error:
            raise DeviceCommandFailed("The Diagnostic Tool on the phone has no wipe action.")

    def wait_for_wipe_result(self, package: str, session: str, timeout: float, poll: float = 0.1) -> bytes | None:
        """The tool's `result.json` once written, or None after `timeout`; DeviceGone if the phone leaves."""
        result = f"{commands.wipe_folder(package, session)}/result.json"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exists(result):
                return self.read_file(result, max_bytes=WIPE_RESULT_LIMIT)
            time.sleep(poll)
        return None

    def release_wipe(self, package: str, session: str) -> None:
        """Tell the tool its result was taken (the folder goes); a tool that reported success then resets."""
        self.remove_tree(commands.wipe_folder(package, session))

    def state_in_server(self) -> str:
        """This phone's state in the adb server's list ("device", "offline", ...), or "absent"."""
        with self._guard("devices"):
            return str({info.serial: info.state for info in self._client.list()}.get(self.serial, "absent"))


# --- wire helpers (bounded reads) ---------------------------------------------------------------


class _LocalSink:
    """A local file whose write errors are told apart from the phone's (they are not a lost phone)."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file

    def write(self, data: memoryview | bytes) -> int:
        try:
            return self._file.write(data)
        except OSError as exc:
            raise TransferFailed("The copy could not be written on this computer.") from exc


def _parsed(parser: Callable[..., _Parsed], *args: Any) -> _Parsed:
    try:
        return parser(*args)
    except OutputParseError as exc:
        raise DeviceCommandFailed("The phone's answer could not be read.") from exc


def _recv_exact(sock: socket.socket, count: int) -> bytes:
    buffer = bytearray(count)
    view = memoryview(buffer)
    got = 0
    while got < count:
        n = sock.recv_into(view[got:], count - got)
        if n == 0:
            raise EOFError("the connection closed")
        got += n
    return bytes(buffer)


def _recv_header(sock: socket.socket, count: int) -> bytes | None:
    """Exactly `count` bytes, or None when the stream ends cleanly before the first byte."""
    first = sock.recv(count)
    if not first:
        return None
    return first + _recv_exact(sock, count - len(first)) if len(first) < count else first


def _read_shell_v2(sock: socket.socket, limit: int) -> ShellOutput:
    stdout, stderr = bytearray(), bytearray()
    total = 0
    while True:
        header = _recv_header(sock, 5)
        if header is None:  # a phone always ends shell v2 with an exit packet: the link broke
            raise EOFError("the shell stream ended without an exit status")
        kind, length = header[0], int.from_bytes(header[1:], "little")
        if kind == 3:
            code = _recv_exact(sock, length) if length else b""
            return ShellOutput(bytes(stdout), bytes(stderr), code[0] if code else None)
        total += length
        if total > limit:
            raise OutputTooLarge(f"The phone's answer is over the {limit} byte limit; it was cut off.")
        data = _recv_exact(sock, length)
        if kind == 1:
            stdout += data
        elif kind == 2:
            stderr += data


def _read_shell_v1(sock: socket.socket, limit: int) -> ShellOutput:
    stdout = bytearray()
    while True:
        chunk = sock.recv(64 * 1024)
        if not chunk:
            return ShellOutput(bytes(stdout), b"", None)
        stdout += chunk
        if len(stdout) > limit:
            raise OutputTooLarge(f"The phone's answer is over the {limit} byte limit; it was cut off.")


def _sync_request(sock: socket.socket, kind: bytes, path: str) -> None:
    encoded = path.encode("utf-8")
    if len(encoded) > 1024:
        raise TransferFailed("The device path is too long.")
    sock.sendall(kind + struct.pack("<I", len(encoded)) + encoded)


def _sync_stat(sock: socket.socket, remote: str) -> tuple[int, int, int]:
    _sync_request(sock, b"STAT", remote)
    reply = _recv_exact(sock, 16)
    if reply[:4] != b"STAT":
        raise TransferFailed("The phone answered a file query with something else.")
    mode, size, mtime = struct.unpack("<III", reply[4:])
    return mode, size, mtime


def _sync_receive(sock: socket.socket, remote: str, sink: _Sink, max_bytes: int) -> int:
    """RECV into `sink`: large socket reads, DATA headers parsed in the buffer (few system calls)."""
    _sync_request(sock, b"RECV", remote)
    buffer = bytearray(_READ_BUFFER)
    view = memoryview(buffer)
    start = end = remaining = total = 0
    while True:
        while True:  # consume what is buffered
            if remaining:
                count = min(remaining, end - start)
                if not count:
                    break
                sink.write(view[start : start + count])
                start += count
                remaining -= count
                continue
            if end - start < 8:
                break
            kind, length = bytes(view[start : start + 4]), int.from_bytes(view[start + 4 : start + 8], "little")
            start += 8
            if kind == b"DONE":
                return total
            if kind == b"FAIL":
                raise TransferFailed(f"The phone could not send {remote}.")
            if kind != b"DATA" or length > _SYNC_CHUNK * 16:
                raise TransferFailed("The phone sent a malformed file transfer.")
            total += length
            if total > max_bytes:
                raise OutputTooLarge(f"{remote} is over the {max_bytes} byte limit; the copy was stopped.")
            remaining = length
        leftover = end - start  # at most a partial 8-byte header
        buffer[:leftover] = buffer[start:end]
        start, end = 0, leftover
        received = sock.recv_into(view[end:])
        if received == 0:
            raise EOFError("the connection closed in the middle of a file")
        end += received


def _sync_send(sock: socket.socket, source: BinaryIO, remote: str, mode: int) -> int:
    _sync_request(sock, b"SEND", f"{commands.device_path(remote)},{0o100000 | (mode & 0o777)}")
    sent = 0
    while chunk := source.read(_SYNC_CHUNK):
        sock.sendall(b"DATA" + struct.pack("<I", len(chunk)) + chunk)
        sent += len(chunk)
    sock.sendall(b"DONE" + struct.pack("<I", int(time.time())))
    reply = _recv_exact(sock, 8)
    if reply[:4] != b"OKAY":
        if reply[:4] == b"FAIL":
            _recv_exact(sock, min(int.from_bytes(reply[4:], "little"), 1024))
        raise TransferFailed(f"The phone refused the file {remote}.")
    return sent


def _sync_quit(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.sendall(b"QUIT" + bytes(4))


def _install_failure_reason(answer: str) -> str:
    for line in answer.splitlines():
        if line.startswith("Failure [") and "]" in line:
            reason = line[len("Failure [") : line.index("]")].split(":")[0]
            return "".join(c for c in reason if c.isalnum() or c == "_")[:64]
    return ""

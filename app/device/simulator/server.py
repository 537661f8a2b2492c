"""The simulated handset: the device side of the adb wire protocol over TCP.

A real adb server connects to it with `adb connect 127.0.0.1:PORT` and drives it
as it drives a phone.  Threads: one accepts connections, one reads each
connection's messages, and one runs each open stream's service.  Flow control
is the classic one (after each WRTE a stream waits for the host's OKAY) unless
both sides advertise `delayed_ack` (a server run with ADB_BURST_MODE=1 or
ADB_DELAYED_ACK=1, and a profile listing the feature): then each stream has a
send budget ("available send bytes") set by the host's OPEN arg1, spent by each
WRTE and refilled by the byte count each OKAY carries, and our OKAYs carry the
size of the WRTE they acknowledge.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from types import TracebackType

from app.device.simulator import sync_service
from app.device.simulator.filesystem import MemoryFileSystem
from app.device.simulator.phone_shell import CommandResult, InstalledPackage, PhoneShell, PhoneState
from app.device.simulator.profile import HandsetProfile
from app.device.simulator.wire import (
    A_AUTH,
    A_CLSE,
    A_CNXN,
    A_OKAY,
    A_OPEN,
    A_VERSION,
    A_WRTE,
    AUTH_RSAPUBLICKEY,
    AUTH_SIGNATURE,
    AUTH_TOKEN,
    MAX_PAYLOAD,
    Message,
    WireError,
    pack,
    read_message,
)

log = logging.getLogger(__name__)
#: How long a stream waits for the host's OKAY or for more request bytes before giving up.
STREAM_TIMEOUT_S = 120.0
#: Open streams one connection may have; more OPENs are refused (a phone has limits too).
MAX_STREAMS = 64
#: With delayed acks, how many bytes the host may send on a stream before our first OKAY.
RECEIVE_WINDOW = 4 * 1024 * 1024


class StreamClosed(Exception):
    """The host closed the stream or the connection went away."""


#: What runs a service on an opened stream (its thread ends the stream when it returns).
ServiceHandler = Callable[["Stream"], None]


class Stream:
    """One adb stream (a service opened by the host), with classic one-WRTE-in-flight flow control."""

    def __init__(self, connection: Connection, local_id: int, remote_id: int, send_window: int | None = None) -> None:
        self.connection = connection
        self.local_id = local_id
        self.remote_id = remote_id
        self._budget: int | None = send_window  # None: classic flow control
        self._budget_changed = threading.Condition()
        self._may_send = threading.Event()
        self._may_send.set()  # after our OKAY to OPEN, one WRTE may go out
        self._closed = threading.Event()
        self._inbox = bytearray()
        self._arrived = threading.Condition()

    @property
    def max_payload(self) -> int:
        return self.connection.host_max_payload

    def write(self, data: bytes) -> None:
        """Send `data` as WRTEs of at most the host's payload size, each after the previous OKAY."""
        view = memoryview(data)
        for offset in range(0, len(view), self.max_payload):
            chunk = bytes(view[offset : offset + self.max_payload])
            self._wait_for_turn(len(chunk))
            self.connection.send_payload(self, chunk)

    def _wait_for_turn(self, size: int) -> None:
        if self._budget is None:
            if not self._may_send.wait(STREAM_TIMEOUT_S) or self._closed.is_set():
                raise StreamClosed()
            self._may_send.clear()
            return
        with self._budget_changed:  # delayed acks: send while budget is left, it may go negative
            ready = self._budget_changed.wait_for(
                lambda: (self._budget or 0) > 0 or self._closed.is_set(), STREAM_TIMEOUT_S
            )
            if not ready or self._closed.is_set():
                raise StreamClosed()
            self._budget = (self._budget or 0) - size

    def read_exact(self, count: int) -> bytes:
        """The next `count` bytes the host wrote to this stream."""
        with self._arrived:
            ok = self._arrived.wait_for(lambda: len(self._inbox) >= count or self._closed.is_set(), STREAM_TIMEOUT_S)
            if not ok or len(self._inbox) < count:
                raise StreamClosed()
            data = bytes(self._inbox[:count])
            del self._inbox[:count]
            return data

    def on_okay(self, payload: bytes) -> None:
        if self._budget is None:
            self._may_send.set()
            return
        if len(payload) >= 4:
            with self._budget_changed:
                self._budget += int.from_bytes(payload[:4], "little", signed=True)
                self._budget_changed.notify_all()

    def on_write(self, data: bytes) -> None:
        with self._arrived:
            self._inbox += data
            self._arrived.notify_all()

    def on_close(self) -> None:
        self._closed.set()
        self._may_send.set()
        with self._arrived:
            self._arrived.notify_all()
        with self._budget_changed:
            self._budget_changed.notify_all()

    def finish(self) -> None:
        """Close our side: the host sees the end of the service's output."""
        if not self._closed.is_set():
            self._closed.set()
            self.connection.close_stream(self)


class Connection:
    """One TCP connection from an adb server: handshake, authorisation, streams."""

    def __init__(self, handset: SimulatedHandset, sock: socket.socket) -> None:
        self.handset = handset
        self.sock = sock
        self.host_max_payload = 4096
        self.delayed_ack = False
        self.online = False
        self.streams: dict[int, Stream] = {}
        self._next_id = 1
        self._send_lock = threading.Lock()
        self._bytes_sent = 0
        self._closed = threading.Event()

    # --- sending ---------------------------------------------------------------------------------

    def send(self, command: int, arg0: int, arg1: int, data: bytes = b"") -> None:
        with_checksum = command in (A_CNXN, A_AUTH)
        with self._send_lock:
            self.sock.sendall(pack(command, arg0, arg1, data, with_checksum))

    def send_payload(self, stream: Stream, data: bytes) -> None:
        """A WRTE; the `disconnect_after_bytes` fault tears the connection in the middle of one."""
        limit = self.handset.profile.faults.disconnect_after_bytes
        with self._send_lock:
            if limit is not None and self._bytes_sent + len(data) > limit:
                torn = pack(A_WRTE, stream.local_id, stream.remote_id, data)
                self.sock.sendall(torn[: 24 + max(0, limit - self._bytes_sent)])
                self._bytes_sent = limit
                self._abort_locked()
                raise StreamClosed()
            self._bytes_sent += len(data)
            self.sock.sendall(pack(A_WRTE, stream.local_id, stream.remote_id, data))

    def close_stream(self, stream: Stream) -> None:
        self.streams.pop(stream.local_id, None)
        try:
            self.send(A_CLSE, stream.local_id, stream.remote_id)
        except OSError:
            pass

    # --- receiving -------------------------------------------------------------------------------

    def serve(self) -> None:
        try:
            while not self._closed.is_set():
                self._dispatch(read_message(self.sock))
        except (WireError, OSError) as exc:
            log.debug("connection ended: %s", exc)
        finally:
            self.abort()

    def _dispatch(self, message: Message) -> None:
        if message.command == A_CNXN:
            self._on_connect(message)
        elif message.command == A_AUTH:
            self._on_auth(message)
        elif not self.online:
            return  # nothing but the handshake before authorisation
        elif message.command == A_OPEN:
            self._on_open(message)
        elif message.command == A_OKAY:
            stream = self.streams.get(message.arg1)
            if stream is not None:
                stream.on_okay(message.data)
        elif message.command == A_WRTE:
            self._on_write(message)
        elif message.command == A_CLSE:
            stream = self.streams.pop(message.arg1, None)
            if stream is not None:
                stream.on_close()

    def _on_connect(self, message: Message) -> None:
        self.host_max_payload = max(4096, min(message.arg1, MAX_PAYLOAD))
        banner = message.data.rstrip(b"\x00").decode("utf-8", "replace")
        host_features = banner.partition("features=")[2].split(";")[0].split(",")
        self.delayed_ack = "delayed_ack" in host_features and "delayed_ack" in self.handset.profile.features
        if self.handset.profile.auth == "none":
            self._go_online()
        else:
            self._send_token()

    def _send_token(self) -> None:
        self.send(A_AUTH, AUTH_TOKEN, 0, os.urandom(20))

    def _on_auth(self, message: Message) -> None:
        mode = self.handset.profile.auth
        if message.arg0 == AUTH_SIGNATURE:
            if mode == "accept" and self.handset.key_accepted.is_set():
                self._go_online()  # a key the person allowed before ("always allow")
            else:
                self._send_token()  # signature not recognised: the host then offers its public key
        elif message.arg0 == AUTH_RSAPUBLICKEY and mode == "accept":
            self.handset.key_accepted.set()  # the person tapped "Allow"
            self._go_online()
        # mode "deny": the dialog is never answered; the host keeps the phone "unauthorized"

    def _go_online(self) -> None:
        self.online = True
        self.send(A_CNXN, A_VERSION, MAX_PAYLOAD, self.handset.banner().encode())

    def _on_open(self, message: Message) -> None:
        service = message.data.rstrip(b"\x00").decode("utf-8", "replace")
        handler = self.handset.service_for(service)
        if handler is None:
            self.send(A_CLSE, 0, message.arg0)
            return
        if bool(message.arg1) != self.delayed_ack or len(self.streams) >= MAX_STREAMS:
            self.send(A_CLSE, 0, message.arg0)  # delayed acks asked for but not negotiated, or the reverse
            return
        local_id = self._next_id
        self._next_id += 1
        stream = Stream(self, local_id, message.arg0, message.arg1 if self.delayed_ack else None)
        self.streams[local_id] = stream
        self.send(A_OKAY, local_id, message.arg0, _ack(RECEIVE_WINDOW) if self.delayed_ack else b"")
        threading.Thread(target=self._run_service, args=(handler, stream), daemon=True).start()

    def _on_write(self, message: Message) -> None:
        stream = self.streams.get(message.arg1)
        if stream is None:
            return
        stream.on_write(message.data)
        self.send(A_OKAY, stream.local_id, stream.remote_id, _ack(len(message.data)) if self.delayed_ack else b"")

    def _run_service(self, handler: ServiceHandler, stream: Stream) -> None:
        try:
            handler(stream)
            stream.finish()
        except StreamClosed:
            pass
        except OSError as exc:
            log.debug("service ended: %s", exc)
        except _Disconnect:
            self.abort()

    # --- ending ----------------------------------------------------------------------------------

    def abort(self) -> None:
        """Drop the TCP connection at once (cable pulled)."""
        with self._send_lock:
            self._abort_locked()

    def _abort_locked(self) -> None:
        if self._closed.is_set():
            return
        self._closed.set()
        for stream in list(self.streams.values()):
            stream.on_close()
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.handset.forget(self)


class _Disconnect(Exception):
    """A fault asked the phone to drop off the bus."""


class SimulatedHandset:
    """One simulated phone listening on TCP; a context manager (`with SimulatedHandset(p) as phone:`).

    `port` is chosen by the system when 0.  `files` is the phone's storage,
    `state` its installed packages; tests may change both while it runs.
    """

    def __init__(self, profile: HandsetProfile, host: str = "127.0.0.1", port: int = 0) -> None:
        self.profile = profile
        self.host = host
        self.files = MemoryFileSystem()
        for path, data in profile.files.items():
            self.files.write(path, data)
        self.files.mkdir("/data/local/tmp")
        self.files.mkdir("/sdcard/Download")
        self.state = PhoneState()
        if profile.diagtool is not None:
            self.state.packages[profile.diagtool.package] = InstalledPackage(
                profile.diagtool.version_code, profile.diagtool.version_name
            )
        self.shell = PhoneShell(profile, self.files, self.state)
        self.state.drop_off_bus = self.leave_bus
        #: Called when the phone leaves the bus by itself (reset, cable pulled): the harness that
        #: "plugged" it in takes it out of the adb server's list, as the USB stack does for a real one.
        self.on_gone: list[Callable[[], None]] = []
        self.key_accepted = threading.Event()
        self._requested_port = port
        self._listener: socket.socket | None = None
        self._connections: set[Connection] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._accept_thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        if not self._requested_port:
            raise RuntimeError("the handset is not started")
        return self._requested_port

    @property
    def address(self) -> str:
        """What `adb connect` takes: `127.0.0.1:PORT`."""
        return f"{self.host}:{self.port}"

    def banner(self) -> str:
        device = self.profile.device
        return (
            f"device::ro.product.name={device.product};ro.product.model={device.model};"
            f"ro.product.device={device.name};features={','.join(self.profile.features)}"
        )

    def start(self) -> SimulatedHandset:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self._requested_port))
            listener.listen(8)
        except OSError:
            listener.close()  # a port in use must not leak the socket
            raise
        self._requested_port = int(listener.getsockname()[1])  # a restart comes back on the same port
        listener.settimeout(0.2)
        self._listener = listener
        self._stopping.clear()
        self.state.stopped.clear()
        self._accept_thread = threading.Thread(target=self._accept_loop, name=f"handset-{self.port}", daemon=True)
        self._accept_thread.start()
        return self

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            connection = Connection(self, sock)
            with self._lock:
                self._connections.add(connection)
            threading.Thread(target=connection.serve, daemon=True).start()

    def connections(self) -> list[Connection]:
        """The adb servers connected right now (each has `online` and `delayed_ack`)."""
        with self._lock:
            return list(self._connections)

    def forget(self, connection: Connection) -> None:
        with self._lock:
            self._connections.discard(connection)

    def drop_connections(self) -> None:
        """Cut every current connection (as if the cable were pulled) but keep listening."""
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            connection.abort()

    def leave_bus(self) -> None:
        """The phone resets or is unplugged: it stops answering and leaves the adb server's list."""
        for gone in list(self.on_gone):
            try:
                gone()
            except OSError:  # the adb server may be gone already; the phone leaves all the same
                log.debug("a handset's on_gone hook failed", exc_info=True)
        self.stop()

    def stop(self) -> None:
        """Stop listening, drop every connection, cancel the tool's pending work."""
        self._stopping.set()
        self.state.stopped.set()
        if self._accept_thread is not None:
            self._accept_thread.join(timeout=5)
        if self._listener is not None:
            self._listener.close()
        self.drop_connections()
        with self.state.lock:
            for timer in self.state.timers:
                timer.cancel()

    def __enter__(self) -> SimulatedHandset:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    # --- services --------------------------------------------------------------------------------

    def service_for(self, service: str) -> ServiceHandler | None:
        """The handler of an OPENed service name, or None for one a phone would refuse."""
        if service == "sync:":
            return lambda stream: sync_service.serve(stream, self.files, self.profile.features)
        if service.startswith("exec:"):
            return lambda stream: self._exec(stream, service[len("exec:") :])
        if service.startswith("shell"):
            options, separator, command = service[len("shell") :].partition(":")
            if not separator or (options and not options.startswith(",")):
                return None
            v2 = "v2" in options.split(",") and "shell_v2" in self.profile.features
            return lambda stream: self._shell(stream, command, v2)
        return None

    def _run(self, command: str) -> CommandResult:
        result = self.shell.run_line(command)
        if result.disconnect:
            raise _Disconnect()
        return result

    def _exec(self, stream: Stream, command: str) -> None:
        for chunk in self._run(command).stdout:
            stream.write(chunk)

    def _shell(self, stream: Stream, command: str, v2: bool) -> None:
        if not command.strip():
            return  # an interactive shell is not offered: the stream just ends
        result = self._run(command)
        if not v2:
            for chunk in result.stdout:
                stream.write(chunk)
            if result.stderr:
                stream.write(result.stderr)
            return
        for chunk in result.stdout:
            if chunk:
                stream.write(_shell_packet(1, chunk))
        if result.stderr:
            stream.write(_shell_packet(2, result.stderr))
        stream.write(_shell_packet(3, bytes([result.exit_code & 0xFF])))


def _ack(size: int) -> bytes:
    """A delayed-ack OKAY payload: the byte count acknowledged (or granted), int32 LE."""
    return size.to_bytes(4, "little", signed=True)


def _shell_packet(packet_id: int, data: bytes) -> bytes:
    """Shell protocol v2 framing: id (1 byte), length (u32 LE), data."""
    return bytes([packet_id]) + len(data).to_bytes(4, "little") + data

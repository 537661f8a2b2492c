"""An adbutils client that never starts an adb server behind the app's back.

adbutils starts `adb start-server` (with whatever `adb` is on PATH, on the
default port) when it cannot reach a server.  The counter starts its server
explicitly (`AdbServer`), so an unreachable server is reported as
`AdbServerUnavailable` instead of silently spawning another one.
"""

from __future__ import annotations

import socket

import adbutils
from adbutils import AdbConnection
from adbutils.errors import AdbConnectionError, AdbTimeout

from app.device.errors import AdbServerUnavailable


class _NoSpawnConnection(AdbConnection):  # type: ignore[misc]  # adbutils has no type information
    def _safe_connect(self):  # type: ignore[no-untyped-def]
        try:
            return self._create_socket()
        except (AdbTimeout, AdbConnectionError) as exc:
            raise AdbServerUnavailable("The adb server is not running.") from exc

    def close(self) -> None:
        """Close at once: adbutils' close sleeps 10 ms after a half-close, per connection."""
        attributes = self.__dict__  # adbutils keeps the socket in a private name
        sock: socket.socket | None = attributes.get("_AdbConnection__conn")
        if sock is not None:
            attributes["_AdbConnection__conn"] = None
            sock.close()


class CounterAdbClient(adbutils.AdbClient):  # type: ignore[misc]  # adbutils has no type information
    """`adbutils.AdbClient` on an explicit host and port, without implicit server start."""

    def __init__(self, host: str = "127.0.0.1", port: int = 5037, socket_timeout: float | None = 30) -> None:
        super().__init__(host=host, port=port, socket_timeout=socket_timeout)
        self._timeout = socket_timeout

    def make_connection(self, timeout: float | None = None) -> AdbConnection:
        connection = _NoSpawnConnection(self.host, self.port)
        if timeout or self._timeout:
            connection.conn.settimeout(timeout or self._timeout)
        return connection


def connect_network_device(client: adbutils.AdbClient, address: str, timeout: float = 10) -> str:
    """`adb connect ADDRESS`; returns the server's answer (it does not raise on failure).

    "connected to", "already connected to" and "failed to authenticate" (the
    phone is attached but unauthorised) all leave a device in the list.
    """
    return str(client.connect(address, timeout=timeout))


def disconnect_network_device(client: adbutils.AdbClient, address: str) -> None:
    """`adb disconnect ADDRESS`: the network phone leaves the server's list, as an unplugged USB one does.

    A server that no longer knows the address (or is gone) leaves nothing to do.
    """
    try:
        client.disconnect(address)
    except (adbutils.AdbError, OSError, AdbServerUnavailable):
        pass

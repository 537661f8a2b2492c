"""The adb transport's message format (AOSP protocol.txt), device side.

A message is a 24-byte header of six little-endian u32 (command, arg0, arg1,
data_length, checksum, magic = command ^ 0xffffffff) followed by the payload.
"""

from __future__ import annotations

import socket
import struct
from dataclasses import dataclass


def _command(name: bytes) -> int:
    return int.from_bytes(name, "little")


A_CNXN = _command(b"CNXN")
A_AUTH = _command(b"AUTH")
A_OPEN = _command(b"OPEN")
A_OKAY = _command(b"OKAY")
A_CLSE = _command(b"CLSE")
A_WRTE = _command(b"WRTE")
A_STLS = _command(b"STLS")
KNOWN_COMMANDS = frozenset({A_CNXN, A_AUTH, A_OPEN, A_OKAY, A_CLSE, A_WRTE, A_STLS})

A_VERSION = 0x01000001
#: The largest payload this device accepts; the host's own limit bounds what we send.
MAX_PAYLOAD = 1024 * 1024
#: CNXN and AUTH payloads must fit in this (adb.h MAX_PAYLOAD_V1).
MAX_HANDSHAKE_PAYLOAD = 4096
AUTH_TOKEN = 1
AUTH_SIGNATURE = 2
AUTH_RSAPUBLICKEY = 3
_HEADER = struct.Struct("<6I")


class WireError(Exception):
    """The peer sent something that is not an adb message, or went away."""


@dataclass(frozen=True)
class Message:
    command: int
    arg0: int
    arg1: int
    data: bytes

    @property
    def name(self) -> str:
        return self.command.to_bytes(4, "little").decode("ascii", "replace")


def checksum(data: bytes) -> int:
    """The byte sum old protocol versions carry (0 is sent from version 0x01000001 on)."""
    return sum(data) & 0xFFFFFFFF


def pack(command: int, arg0: int, arg1: int, data: bytes = b"", with_checksum: bool = False) -> bytes:
    header = _HEADER.pack(command, arg0, arg1, len(data), checksum(data) if with_checksum else 0, command ^ 0xFFFFFFFF)
    return header + data


def _read_exact(sock: socket.socket, count: int) -> bytes:
    buffer = bytearray()
    while len(buffer) < count:
        chunk = sock.recv(count - len(buffer))
        if not chunk:
            raise WireError("connection closed")
        buffer += chunk
    return bytes(buffer)


def read_message(sock: socket.socket) -> Message:
    """One message, checked: known command, matching magic, payload within bounds."""
    command, arg0, arg1, length, _checksum, magic = _HEADER.unpack(_read_exact(sock, _HEADER.size))
    if command not in KNOWN_COMMANDS or magic != command ^ 0xFFFFFFFF:
        raise WireError("not an adb message")
    if length > MAX_PAYLOAD or (command in (A_CNXN, A_AUTH) and length > MAX_HANDSHAKE_PAYLOAD):
        raise WireError("payload too large")
    return Message(command, arg0, arg1, _read_exact(sock, length) if length else b"")

"""The simulated handset's wire protocol seen from a minimal host written here (real TCP, no adb):
what exactly goes over the socket, and that a hostile host cannot take the phone down."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.device.simulator import SimulatedHandset
from app.device.simulator.profile import profile_from_mapping
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
    Message,
    pack,
    read_message,
)


def phone(auth: str = "none") -> SimulatedHandset:
    profile = profile_from_mapping(
        {
            "device": {"serial": "WIRE1", "model": "IN2010", "product": "OnePlus8_CH", "name": "OnePlus8"},
            "adb": {"auth": auth, "features": ["shell_v2", "stat_v2"]},
        },
        Path("."),
        "wire",
    )
    return SimulatedHandset(profile)


@pytest.fixture
def host() -> Iterator[tuple[SimulatedHandset, socket.socket]]:
    with phone() as handset:
        sock = socket.create_connection(("127.0.0.1", handset.port), timeout=5)
        try:
            yield handset, sock
        finally:
            sock.close()


def handshake(sock: socket.socket) -> Message:
    sock.sendall(pack(A_CNXN, A_VERSION, 256 * 1024, b"host::features=shell_v2\x00", with_checksum=True))
    return read_message(sock)


def test_cnxn_banner_names_the_phone_and_its_features(host: tuple[SimulatedHandset, socket.socket]) -> None:
    _, sock = host
    reply = handshake(sock)
    assert (reply.command, reply.arg0) == (A_CNXN, A_VERSION)
    assert reply.data == (
        b"device::ro.product.name=OnePlus8_CH;ro.product.model=IN2010;ro.product.device=OnePlus8;"
        b"features=shell_v2,stat_v2"
    )


def test_shell_v2_stream_flow_control_and_close(host: tuple[SimulatedHandset, socket.socket]) -> None:
    _, sock = host
    handshake(sock)
    sock.sendall(pack(A_OPEN, 7, 0, b"shell,v2,raw:getprop ro.serialno\x00"))
    okay = read_message(sock)
    assert (okay.command, okay.arg1, okay.data) == (A_OKAY, 7, b"")
    received = b""
    while True:
        message = read_message(sock)
        if message.command == A_CLSE:
            break
        assert message.command == A_WRTE and message.arg1 == 7
        received += message.data
        sock.sendall(pack(A_OKAY, 7, message.arg0))  # classic flow: one WRTE in flight
    assert received == b"\x01\x06\x00\x00\x00WIRE1\n" + b"\x03\x01\x00\x00\x00\x00"


def test_unknown_service_is_refused_with_clse(host: tuple[SimulatedHandset, socket.socket]) -> None:
    _, sock = host
    handshake(sock)
    sock.sendall(pack(A_OPEN, 9, 0, b"framebuffer:\x00"))
    refusal = read_message(sock)
    assert (refusal.command, refusal.arg0, refusal.arg1) == (A_CLSE, 0, 9)


def test_nothing_is_served_before_the_handshake(host: tuple[SimulatedHandset, socket.socket]) -> None:
    _, sock = host
    sock.sendall(pack(A_OPEN, 7, 0, b"shell:id\x00"))
    reply = handshake(sock)
    assert reply.command == A_CNXN  # the early OPEN was ignored, not answered


def test_deny_mode_asks_for_auth_and_never_connects() -> None:
    with phone("deny") as handset, socket.create_connection(("127.0.0.1", handset.port), timeout=2) as sock:
        token = handshake(sock)
        assert (token.command, token.arg0, len(token.data)) == (A_AUTH, AUTH_TOKEN, 20)
        sock.sendall(pack(A_AUTH, AUTH_SIGNATURE, 0, b"s" * 256, with_checksum=True))
        assert read_message(sock).arg0 == AUTH_TOKEN  # signature not accepted: a new token
        sock.sendall(pack(A_AUTH, AUTH_RSAPUBLICKEY, 0, b"KEY\x00", with_checksum=True))
        with pytest.raises(TimeoutError):
            sock.settimeout(0.5)
            read_message(sock)


def test_accept_mode_connects_after_the_public_key_and_then_knows_the_key() -> None:
    with phone("accept") as handset:
        with socket.create_connection(("127.0.0.1", handset.port), timeout=2) as sock:
            handshake(sock)
            sock.sendall(pack(A_AUTH, AUTH_SIGNATURE, 0, b"s" * 256, with_checksum=True))
            read_message(sock)
            sock.sendall(pack(A_AUTH, AUTH_RSAPUBLICKEY, 0, b"KEY\x00", with_checksum=True))
            assert read_message(sock).command == A_CNXN
        with socket.create_connection(("127.0.0.1", handset.port), timeout=2) as again:
            handshake(again)
            again.sendall(pack(A_AUTH, AUTH_SIGNATURE, 0, b"s" * 256, with_checksum=True))
            assert read_message(again).command == A_CNXN  # "always allow from this computer"


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00" * 24,
        pack(A_CNXN, A_VERSION, 4096, b"")[:20] + b"\xff\xff\xff\xff",  # wrong magic
        pack(A_WRTE, 1, 1, b"")[:12] + (64 * 1024 * 1024).to_bytes(4, "little") + pack(A_WRTE, 1, 1, b"")[16:],
        b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
)
def test_a_hostile_host_is_dropped_and_the_phone_keeps_serving(garbage: bytes) -> None:
    with phone() as handset:
        with socket.create_connection(("127.0.0.1", handset.port), timeout=2) as bad:
            bad.sendall(garbage)
            assert bad.recv(1) == b""  # the phone hung up on it
        with socket.create_connection(("127.0.0.1", handset.port), timeout=2) as good:
            assert handshake(good).command == A_CNXN

"""A fault-injecting HTTP proxy on loopback, between the relay and the real upstream.

It reads each request off the client's socket, and by a seeded dice roll:

- `reset_before`: drops the connection with a TCP reset before the upstream sees anything;
- `reset_after`: forwards, lets the upstream apply it, then resets instead of answering
  (the acknowledgement is lost: the relay must resend and get the stored result);
- `timeout`: forwards, then holds the answer longer than the client waits;
- `http500`: forwards (the upstream applies it), then answers 500 instead;
- `pass`: forwards and returns the upstream's answer unchanged.

Bounded: headers up to 64 KiB, bodies up to the upstream's own limit.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass, field

import httpx

MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 32 * 1024 * 1024
FAULTS = ("reset_before", "reset_after", "timeout", "http500")


@dataclass
class FaultPlan:
    """Probability of each fault per request; the rest pass.  `hold_seconds` for timeouts."""

    rates: dict[str, float] = field(default_factory=dict)
    hold_seconds: float = 1.0
    seed: int = 7

    def roll(self, rng: random.Random) -> str:
        point = rng.random()
        for fault in FAULTS:
            point -= self.rates.get(fault, 0.0)
            if point < 0:
                return fault
        return "pass"


class FaultProxy:
    def __init__(self, upstream_url: str, plan: FaultPlan) -> None:
        self.plan = plan
        self.counts: Counter[str] = Counter()
        self._rng = random.Random(plan.seed)
        self._lock = threading.Lock()
        self._forward = httpx.Client(base_url=upstream_url, timeout=30.0, trust_env=False)
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.05)  # accept() wakes up to notice close()
        self.port = int(self._listener.getsockname()[1])
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept_thread = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultProxy:
        self._accept_thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._stopping.set()
        self._accept_thread.join(timeout=5)
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._forward.close()

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(10)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _fault(self) -> str:
        with self._lock:
            fault = self.plan.roll(self._rng)
            self.counts[fault] += 1
            return fault

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = b""
        try:
            while not self._stopping.is_set():
                request, buffer = _read_request(conn, buffer)
                if request is None:
                    return
                if not self._answer(conn, *request):
                    return
        except (OSError, ValueError):
            return
        finally:
            conn.close()

    def _answer(self, conn: socket.socket, method: str, path: str, headers: dict[str, str], body: bytes) -> bool:
        """Handle one request; False when the connection is finished."""
        fault = self._fault()
        if fault == "reset_before":
            _reset(conn)
            return False
        forwarded = {k: v for k, v in headers.items() if k in ("authorization", "content-type")}
        try:
            response = self._forward.request(method, path, headers=forwarded, content=body)
        except httpx.HTTPError:
            _reset(conn)  # the upstream is down (restarting): the client sees a dropped line
            return False
        if fault == "reset_after":
            _reset(conn)
            return False
        if fault == "timeout":
            self._stopping.wait(self.plan.hold_seconds)
            return False
        if fault == "http500":
            conn.sendall(_http_response(500, b'{"detail":"injected"}'))
            return True
        conn.sendall(_http_response(response.status_code, response.content))
        return True


def _reset(conn: socket.socket) -> None:
    """Close with RST (linger 0), as a dropped line or a crashed middlebox does."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _read_request(conn: socket.socket, buffer: bytes) -> tuple[tuple[str, str, dict[str, str], bytes] | None, bytes]:
    while b"\r\n\r\n" not in buffer:
        if len(buffer) > MAX_HEADER_BYTES:
            raise ValueError("headers too large")
        chunk = conn.recv(65536)
        if not chunk:
            return None, b""
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    if length > MAX_BODY_BYTES:
        raise ValueError("body too large")
    while len(rest) < length:
        chunk = conn.recv(min(1 << 20, length - len(rest)))
        if not chunk:
            return None, b""
        rest += chunk
    return (method, path, headers, rest[:length]), rest[length:]


def _http_response(status: int, body: bytes) -> bytes:
    head = (f"HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n").encode(
        "latin-1"
    )
    return head + body

"""A link that breaks: a TCP proxy on loopback between counters and the TLS hub.

The hub's link is TLS pinned to the hub's own certificate, so an HTTP-level proxy (which
would have to terminate TLS) cannot sit in it; this one breaks the link below TLS, as a
pulled cable or a flaky switch does.  Per connection, by a seeded dice roll:

- `refuse`: reset at once (the hub sees nothing);
- `cut_late`: pass the request, cut the connection once the hub starts answering (the hub
  applied the push; the counter never hears so, and must resend safely);
- `pass`: carry everything both ways.

`cut_all` cuts every link (the line is down) until `mend()`.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
from collections import Counter

REQUEST_SENT = 3


class TcpFaultProxy:
    def __init__(self, target_port: int, *, refuse: float = 0.15, cut_late: float = 0.15, seed: int = 5) -> None:
        self.target_port = target_port
        self.rates = {"refuse": refuse, "cut_late": cut_late}
        self.counts: Counter[str] = Counter()
        self.cut_all = False
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.05)
        self.port = int(self._listener.getsockname()[1])
        self._stopping = threading.Event()
        self._accept_thread = threading.Thread(target=self._accept_loop, name="tcp-fault-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def __enter__(self) -> TcpFaultProxy:
        self._accept_thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stopping.set()
        self._accept_thread.join(timeout=5)
        self._listener.close()

    def _roll(self) -> str:
        with self._lock:
            if self.cut_all:
                fault = "refuse"
            else:
                point, fault = self._rng.random(), "pass"
                for name, rate in self.rates.items():
                    point -= rate
                    if point < 0:
                        fault = name
                        break
            self.counts[fault] += 1
            return fault

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._carry, args=(client, self._roll()), daemon=True).start()

    def _carry(self, client: socket.socket, fault: str) -> None:
        if fault == "refuse":
            _reset(client)
            client.close()
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
        except OSError:  # the hub is down: the counter sees a dropped line
            _reset(client)
            client.close()
            return
        done = threading.Event()
        sent = [0]  # chunks the counter sent: the handshake is two flights, a request comes after them
        threading.Thread(target=self._pipe, args=(client, upstream, done, sent, None), daemon=True).start()
        self._pipe(upstream, client, done, sent, REQUEST_SENT if fault == "cut_late" else None)
        for sock in (client, upstream):
            _reset(sock)
            sock.close()

    def _pipe(
        self, source: socket.socket, sink: socket.socket, done: threading.Event, sent: list[int], cut_after: int | None
    ) -> None:
        """Carry one direction; with `cut_after`, drop the line at the first answer once the counter
        has sent that many chunks (the hub has the request and answered; the counter hears nothing)."""
        source.settimeout(0.2)
        while not done.is_set() and not self._stopping.is_set():
            try:
                data = source.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if not data or (cut_after is not None and sent[0] >= cut_after):
                break
            if cut_after is None:
                sent[0] += 1
            try:
                sink.sendall(data)
            except OSError:
                break
        done.set()


def _reset(sock: socket.socket) -> None:
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass

"""Finding the outlet hub on the LAN by mDNS (DNS-SD), with python-zeroconf.

`hub serve` announces `_rcounter-hub._tcp.local.`: its addresses and port, and in TXT the
outlet's code and the first characters of its certificate's fingerprint.  (A DNS-SD service
name has at most 15 characters (RFC 6335), so not "repair-counter-hub", which zeroconf refuses.)

What answers is never trusted: finding gives an address to type less.  Joining still needs the
one-time code and the fingerprint read from the hub's own screen, and the certificate presented
is compared with that fingerprint (app/sync/hub_client.join); the TXT prefix only helps a person
tell two hubs apart.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import ifaddr
from zeroconf import InterfaceChoice, IPVersion, ServiceBrowser, ServiceInfo, ServiceListener, Zeroconf

SERVICE_TYPE = "_rcounter-hub._tcp.local."
#: Enough to tell hubs apart and to check against the screen; the whole fingerprint is typed at joining.
FINGERPRINT_PREFIX_CHARS = 16
TXT_OUTLET, TXT_FINGERPRINT, TXT_VERSION = "outlet", "fp", "v"
PROTOCOL_VERSION = "1"
INFO_WAIT_MS = 1500


@dataclass(frozen=True)
class FoundHub:
    address: str
    port: int
    outlet: str
    fingerprint_prefix: str

    @property
    def url(self) -> str:
        return f"https://{self.address}:{self.port}"

    def to_json(self) -> dict[str, object]:
        return {**self.__dict__, "url": self.url}


def lan_addresses() -> list[str]:
    """Every IPv4 address of this machine but loopback: what a hub on 0.0.0.0 is reached at."""
    found = {
        str(ip.ip)
        for adapter in ifaddr.get_adapters()
        for ip in adapter.ips
        if isinstance(ip.ip, str) and not ipaddress.ip_address(ip.ip).is_loopback
    }
    return sorted(found)


def advertised_addresses(host: str) -> list[str]:
    return lan_addresses() if host in ("0.0.0.0", "") else [host]


def advertisement(outlet: str, port: int, fingerprint: str, addresses: Sequence[str]) -> ServiceInfo:
    """The service record `hub serve` announces (one name per outlet and host)."""
    host = socket.gethostname().split(".")[0] or "hub"
    return ServiceInfo(
        SERVICE_TYPE,
        f"Repair Counter hub {outlet} on {host}.{SERVICE_TYPE}",
        addresses=[socket.inet_aton(a) for a in addresses],
        port=port,
        properties={
            TXT_OUTLET: outlet,
            TXT_FINGERPRINT: fingerprint[:FINGERPRINT_PREFIX_CHARS],
            TXT_VERSION: PROTOCOL_VERSION,
        },
        server=f"{host}-rc-hub.local.",
    )


def found_hubs(info: ServiceInfo) -> list[FoundHub]:
    """One entry per announced IPv4 address; none when the TXT is not a hub's (another program)."""
    text = {k.decode("utf-8", "replace"): (v or b"").decode("utf-8", "replace") for k, v in info.properties.items()}
    outlet, prefix = text.get(TXT_OUTLET, ""), text.get(TXT_FINGERPRINT, "").lower()
    if not outlet or not prefix or not info.port or any(c not in "0123456789abcdef" for c in prefix):
        return []
    return [FoundHub(a, info.port, outlet, prefix) for a in info.parsed_addresses(IPVersion.V4Only)]


def _zeroconf(interfaces: Sequence[str] | None) -> Zeroconf:
    chosen = list(interfaces) if interfaces else InterfaceChoice.All
    return Zeroconf(interfaces=chosen, ip_version=IPVersion.V4Only)


@contextmanager
def announced(
    outlet: str, port: int, fingerprint: str, host: str, interfaces: Sequence[str] | None = None
) -> Iterator[ServiceInfo]:
    """The hub announced while the block runs, withdrawn after (a `goodbye` the counters hear)."""
    info = advertisement(outlet, port, fingerprint, advertised_addresses(host))
    zc = _zeroconf(interfaces if interfaces is not None else ([host] if host not in ("0.0.0.0", "") else None))
    try:
        zc.register_service(info, allow_name_change=True)
        yield info
    finally:
        zc.close()  # unregisters every service first


class _Names(ServiceListener):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.names.add(name)

    def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.names.add(name)

    def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.names.discard(name)


def find_hubs(timeout: float = 3.0, interfaces: Sequence[str] | None = None) -> list[FoundHub]:
    """The hubs that answer within `timeout` seconds, by outlet and address."""
    zc = _zeroconf(interfaces)
    listener = _Names()
    browser = ServiceBrowser(zc, SERVICE_TYPE, listener)
    try:
        time.sleep(timeout)  # answers come in during the wait; DNS-SD has no "that was all"
        hubs: set[FoundHub] = set()
        for name in sorted(listener.names):
            info = zc.get_service_info(SERVICE_TYPE, name, timeout=INFO_WAIT_MS)
            hubs.update(found_hubs(info) if info else [])
        return sorted(hubs, key=lambda h: (h.outlet, h.address, h.port))
    finally:
        browser.cancel()
        zc.close()

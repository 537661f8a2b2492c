"""Realistic synthetic customers, devices and tickets, for demo mode and benchmarks.

Deterministic for a seed, with valid-looking Chinese mobile numbers and
Luhn-valid IMEIs, so search and masking behave as they would on real data.
"""

from __future__ import annotations

import random

from app.storage.ticket_repository import NewTicket

SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun"]
GIVEN = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yan", "Jun", "Tao", "Ming", "Xiu", "Hui"]
MODELS = ["PHN110", "CPH2581", "RMX3851", "PJD110", "CPH2609", "PHB110"]
TACS = ["86411205", "86720305", "35391811", "86945406"]
FAULTS = [
    "battery drains within half a day", "does not charge", "cracked screen", "no signal after update",
    "Wi-Fi drops", "rear camera blurry", "apps crash on start", "storage full warning",
]
SERVICE_TYPES = ["maintenance", "maintenance", "maintenance", "send_in", "return_exchange"]


def luhn_check_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def synthetic_ticket(rng: random.Random) -> NewTicket:
    body = rng.choice(TACS) + f"{rng.randrange(10**6):06d}"
    service_type = rng.choice(SERVICE_TYPES)
    return NewTicket(
        service_type=service_type,
        customer_name=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
        customer_phone=f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}",
        device_model=rng.choice(MODELS),
        imei=body + luhn_check_digit(body),
        fault=rng.choice(FAULTS),
        priority=rng.choice([1, 2, 3, 3, 3, 4]),
        customer_email=f"user{rng.randrange(10**6)}@example.com" if service_type != "maintenance" else "",
        customer_address="Room 1203, 88 Shennan Road, Futian, Shenzhen" if service_type != "maintenance" else "",
    )


def synthetic_tickets(count: int, seed: int = 7) -> list[NewTicket]:
    rng = random.Random(seed)
    return [synthetic_ticket(rng) for _ in range(count)]

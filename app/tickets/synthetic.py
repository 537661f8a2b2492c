"""Realistic synthetic customers, devices and tickets, for demo mode and benchmarks.

Deterministic for a seed, with valid-looking Chinese mobile numbers and
Luhn-valid IMEIs, so search and masking behave as they would on real data.
Each service type gets exactly the fields it asks (see service_types).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.core.identifiers import DEFAULT_TAC_MODELS, luhn_check_digit
from app.storage.ticket_records import CONDITION_ITEMS, NewTicket

SURNAMES = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Gao",
    "Lin",
    "Luo",
]
GIVEN = [
    "Wei",
    "Fang",
    "Na",
    "Min",
    "Jing",
    "Lei",
    "Yan",
    "Jun",
    "Tao",
    "Ming",
    "Xiu",
    "Hui",
    "Qiang",
    "Li",
    "Hong",
    "Ping",
    "Gang",
    "Yun",
    "Bo",
    "Xin",
]
TACS = list(DEFAULT_TAC_MODELS)
#: (fault category, description) pairs as customers put them.
FAULTS = [
    ("battery_drain", "battery drains within half a day"),
    ("no_charge", "does not charge"),
    ("screen", "cracked screen"),
    ("no_signal", "no signal after update"),
    ("wifi_bluetooth", "Wi-Fi drops"),
    ("camera", "rear camera blurry"),
    ("crash_freeze", "apps crash on start"),
    ("storage_full", "storage full warning"),
    ("water_damage", "dropped in water"),
]
SERVICE_TYPES = ["maintenance", "maintenance", "maintenance", "send_in", "return_exchange"]
COURIERS = ["SF Express", "JD Logistics", "EMS", "ZTO"]
STREETS = ["Shennan Road", "Huaqiang North Road", "Nanshan Avenue", "Binhe Avenue", "Jintian Road"]


def luhn_imei(rng: random.Random, tac: str | None = None) -> str:
    body = (tac or rng.choice(TACS)) + f"{rng.randrange(10**6):06d}"
    return body + str(luhn_check_digit(body))


def synthetic_ticket(rng: random.Random, today: date | None = None) -> NewTicket:
    today = today or date(2026, 11, 23)
    tac = rng.choice(TACS)
    service_type = rng.choice(SERVICE_TYPES)
    category, fault = rng.choice(FAULTS)
    dual = rng.random() < 0.3
    send_in, returning = service_type == "send_in", service_type == "return_exchange"
    purchase = today - timedelta(days=rng.randrange(20, 1200))
    return NewTicket(
        service_type=service_type,
        customer_name=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
        customer_phone=f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}",
        device_model=DEFAULT_TAC_MODELS[tac],
        imei=luhn_imei(rng, tac),
        imei2=luhn_imei(rng, tac) if dual else "",
        fault=fault if not returning or rng.random() < 0.5 else "",
        fault_category=category,
        priority=rng.choice([1, 2, 3, 3, 3, 4]),
        customer_email=f"user{rng.randrange(10**6)}@example.com"
        if returning or (send_in and rng.random() < 0.7)
        else "",
        customer_address=(
            f"Room {rng.randrange(101, 3300)}, {rng.randrange(1, 400)} {rng.choice(STREETS)}, Futian, Shenzhen"
        )
        if send_in or returning
        else "",
        courier=rng.choice(COURIERS) if send_in else "",
        tracking_number=f"SF{rng.randrange(10**12):012d}" if send_in else "",
        parcel_condition="box intact" if send_in else "",
        purchase_date=purchase if returning or rng.random() < 0.4 else None,
        purchase_proof="invoice photo" if returning else "",
        condition={
            item: ("damaged" if category == "screen" and item == "screen" else "ok") for item in CONDITION_ITEMS
        },
        accessories=("charger",) if rng.random() < 0.3 else (),
    )


def synthetic_tickets(count: int, seed: int = 7) -> list[NewTicket]:
    rng = random.Random(seed)
    return [synthetic_ticket(rng) for _ in range(count)]

"""The three service types and what each may ask (the privacy statement's lists).

Minimum necessary: a field a service type does not list is not asked, and a
value given for it anyway is refused rather than stored.  The wizard, the
command line and the service read this one table.

* maintenance (walk-in): name, phone, device, fault;
* send-in repair: adds e-mail, full address, courier and tracking number, and
  the parcel's condition on arrival (optional: a parcel may be handed in at
  the desk without a waybill, and its condition is noted when it is unpacked);
* return and exchange: name, phone, e-mail, address, device, purchase date
  and proof of purchase.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from app.core.identifiers import IdentifierError, normalise_imei
from app.core.localized import LocalizedText as T
from app.errors import Problem
from app.storage.ticket_records import (
    CONDITION_ITEMS,
    CONDITION_STATES,
    MAX_PHOTO_BYTES,
    MAX_PHOTOS,
    NewTicket,
)


class ServiceType(enum.StrEnum):
    MAINTENANCE = "maintenance"
    SEND_IN = "send_in"
    RETURN_EXCHANGE = "return_exchange"


class Need(enum.Enum):
    REQUIRED = "required"
    OPTIONAL = "optional"


REQ, OPT = Need.REQUIRED, Need.OPTIONAL

#: Field -> need, per service type; a field missing from a type's map is not asked for it.
FIELDS: Mapping[ServiceType, Mapping[str, Need]] = MappingProxyType(
    {
        ServiceType.MAINTENANCE: MappingProxyType(
            {
                "customer_name": REQ,
                "customer_phone": REQ,
                "device_model": REQ,
                "imei": REQ,
                "imei2": OPT,
                "serial": OPT,
                "purchase_date": OPT,
                "fault": REQ,
            }
        ),
        ServiceType.SEND_IN: MappingProxyType(
            {
                "customer_name": REQ,
                "customer_phone": REQ,
                "customer_email": OPT,
                "customer_address": REQ,
                "courier": OPT,
                "tracking_number": OPT,
                "parcel_condition": OPT,
                "device_model": REQ,
                # The customer may not know it; the first diagnostics run reads it from the phone.
                "imei": OPT,
                "imei2": OPT,
                "serial": OPT,
                "purchase_date": OPT,
                "fault": REQ,
            }
        ),
        ServiceType.RETURN_EXCHANGE: MappingProxyType(
            {
                "customer_name": REQ,
                "customer_phone": REQ,
                "customer_email": REQ,
                "customer_address": REQ,
                "device_model": REQ,
                "imei": REQ,
                "imei2": OPT,
                "serial": OPT,
                "purchase_date": REQ,
                "purchase_proof": REQ,
                "fault": OPT,
            }
        ),
    }
)

LABELS: Mapping[str, T] = MappingProxyType(
    {
        "customer_name": T("姓名", "Name"),
        "customer_phone": T("手机号", "Phone"),
        "customer_email": T("电子邮箱", "E-mail"),
        "customer_address": T("详细地址", "Full address"),
        "courier": T("快递公司", "Courier"),
        "tracking_number": T("快递单号", "Tracking number"),
        "parcel_condition": T("包裹到达时状况", "Parcel condition on arrival"),
        "device_model": T("型号", "Model"),
        "imei": T("IMEI", "IMEI"),
        "imei2": T("IMEI 2（双卡）", "IMEI 2 (dual SIM)"),
        "serial": T("序列号", "Serial number"),
        "purchase_date": T("购买日期", "Purchase date"),
        "purchase_proof": T("购机凭证", "Proof of purchase"),
        "fault": T("故障描述", "Fault description"),
    }
)

SERVICE_LABELS: Mapping[ServiceType, T] = MappingProxyType(
    {
        ServiceType.MAINTENANCE: T("到店维修", "Walk-in repair"),
        ServiceType.SEND_IN: T("寄修", "Send-in repair"),
        ServiceType.RETURN_EXCHANGE: T("退换货", "Return / exchange"),
    }
)

_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,18}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s.]{2,24}$")
_MAX_TEXT = {
    "customer_name": 100,
    "customer_address": 300,
    "fault": 2000,
    "courier": 60,
    "tracking_number": 40,
    "parcel_condition": 300,
    "device_model": 64,
    "serial": 64,
    "purchase_proof": 200,
    "customer_email": 254,
    "customer_phone": 24,
}


def parse_service_type(value: str) -> ServiceType:
    try:
        return ServiceType(value.strip().lower().replace("-", "_"))
    except ValueError:
        raise ValueError(f"unknown service type {value!r}; known: {', '.join(s.value for s in ServiceType)}") from None


def asked(service_type: ServiceType, field_name: str) -> Need | None:
    """Whether a field is asked for this service type (None: not asked at all)."""
    return FIELDS[service_type].get(field_name)


def normalise_phone(text: str) -> str:
    """Keep the digits and a leading plus: `138-1234 5678` -> `13812345678`.

    A Chinese mobile number given with its country code (`+86 138...`,
    `0086 138...`) is stored without it, so it is found however it was typed.
    """
    stripped = text.strip()
    digits = "".join(ch for ch in stripped if ch.isascii() and ch.isdigit())
    for prefix in ("0086", "86"):
        rest = digits[len(prefix) :]
        if digits.startswith(prefix) and len(rest) == 11 and rest.startswith("1"):
            return rest
    return ("+" if stripped.startswith("+") else "") + digits


def _value(new: NewTicket, name: str) -> object:
    return getattr(new, name)


def _present(value: object) -> bool:
    return value is not None and value != ""


def field_problems(new: NewTicket, today: date) -> dict[str, Problem]:
    """Every problem with the intake, by field (empty when it may be saved)."""
    try:
        service = parse_service_type(new.service_type)
    except ValueError as error:
        return {"service_type": Problem("service_type", str(error))}
    problems: dict[str, Problem] = {}
    for name in LABELS:
        need, value = asked(service, name), _value(new, name)
        if need is None and _present(value):
            problems[name] = Problem("not_asked", "not asked for this service type; leave it empty")
        elif need is Need.REQUIRED and not _present(value):
            problems[name] = Problem("required", "required")
        elif _present(value) and isinstance(value, str) and len(value) > _MAX_TEXT.get(name, 64):
            problems[name] = Problem(
                "too_long", f"longer than {_MAX_TEXT.get(name, 64)} characters", limit=_MAX_TEXT.get(name, 64)
            )
    problems.update(_format_problems(new, today))
    return {k: problems[k] for k in problems if k in problems}


def _format_problems(new: NewTicket, today: date) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    if new.customer_phone and not _PHONE.match(new.customer_phone):
        problems["customer_phone"] = Problem("not_phone", "not a phone number")
    if new.customer_email and not _EMAIL.match(new.customer_email):
        problems["customer_email"] = Problem("not_email", "not an e-mail address")
    for name in ("imei", "imei2"):
        value = _value(new, name)
        if isinstance(value, str) and value:
            try:
                normalise_imei(value)
            except IdentifierError as error:
                problems[name] = Problem(f"imei_{error.code}", error.reason, digits=error.digits)
    if new.imei and new.imei2 and new.imei == new.imei2:
        problems["imei2"] = Problem("same_imei", "the same as the first IMEI")
    if new.purchase_date is not None and new.purchase_date > today:
        problems["purchase_date"] = Problem("after_today", "after today")
    if not 1 <= new.priority <= 4:
        problems["priority"] = Problem("priority_range", "1 (most urgent) to 4")
    problems.update(_checklist_problems(new))
    return problems


def _photo_problems(new: NewTicket) -> dict[str, Problem]:
    if len(new.photos) > MAX_PHOTOS:
        return {"photos": Problem("too_many_photos", f"at most {MAX_PHOTOS} photos", limit=MAX_PHOTOS)}
    for photo in new.photos:
        if photo.part not in (*CONDITION_ITEMS, "other"):
            return {"photos": Problem("photo_part", f"a photo's part is one of {', '.join(CONDITION_ITEMS)}, other")}
        if len(photo.data) > MAX_PHOTO_BYTES:
            megabytes = MAX_PHOTO_BYTES // (1024 * 1024)
            return {"photos": Problem("photo_too_large", f"a photo is larger than {megabytes} MB", limit=megabytes)}
        if photo.media_type is None:
            return {"photos": Problem("photo_type", "photos must be JPEG or PNG")}
    return {}


def _checklist_problems(new: NewTicket) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    unknown = set(new.condition) - set(CONDITION_ITEMS)
    if unknown:
        problems["condition"] = Problem("condition_items", f"unknown checklist items {sorted(unknown)}")
    elif any(state not in CONDITION_STATES for state in new.condition.values()):
        problems["condition"] = Problem("condition_states", f"each item is one of {', '.join(CONDITION_STATES)}")
    if len(new.accessories) > 20 or any(len(a) > 60 or not a.strip() for a in new.accessories):
        problems["accessories"] = Problem("accessories", "at most 20 short names")
    problems.update(_photo_problems(new))
    for name in ("estimate", "deposit"):
        amount = _value(new, name)
        if amount is not None and (amount < 0 or amount > 1_000_000):  # type: ignore[operator]
            problems[name] = Problem("amount_range", "an amount from 0 to 1,000,000")
    return problems

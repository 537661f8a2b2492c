"""Masking of customer contact data and device identifiers printed on a slip.

The slip goes home with the customer and may be lost, so it carries only enough
to recognise the values: a phone keeps its first 3 and last 4 digits
(`138****5678`), an IMEI its last 6 digits, an e-mail its first letter and its
domain.  The functions are total: any input, however odd, comes back masked,
never whole.
"""

from __future__ import annotations

MASK = "*"
PHONE_HEAD = 3
PHONE_TAIL = 4
IMEI_TAIL = 6
#: Inputs longer than this are cut before masking: a slip field is never a dump of untrusted text.
MAX_INPUT = 256


def _digits(value: str) -> str:
    return "".join(ch for ch in value[:MAX_INPUT] if ch.isascii() and ch.isdigit())


def mask_phone(phone: str) -> str:
    """`13812345678` -> `138****5678`.

    A leading `+86`/`0086` country code is kept out of the visible head, so the
    head shows the carrier prefix.  Numbers too short to keep both ends hidden
    show only their last digits (at most a third of them).
    """
    digits = _digits(phone)
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 11:
            digits = digits[len(prefix):]
    if not digits:
        return ""
    if len(digits) >= PHONE_HEAD + PHONE_TAIL + 4:
        hidden = len(digits) - PHONE_HEAD - PHONE_TAIL
        return digits[:PHONE_HEAD] + MASK * hidden + digits[-PHONE_TAIL:]
    shown = len(digits) // 3
    return MASK * (len(digits) - shown) + (digits[-shown:] if shown else "")


def mask_imei(imei: str) -> str:
    """`490154203237518` -> `*********237518`: only the last 6 digits show."""
    digits = _digits(imei)
    if not digits:
        return ""
    shown = min(IMEI_TAIL, len(digits) // 2)
    return MASK * (len(digits) - shown) + (digits[-shown:] if shown else "")


def mask_email(email: str) -> str:
    """`zhang.wei@example.cn` -> `z***@example.cn`.

    Without a usable `@`, the value is treated as a local part and shows one
    letter.  The domain is kept because it tells the customer which address we
    hold without identifying them.
    """
    value = email.strip()[:MAX_INPUT]
    local, at, domain = value.rpartition("@")
    if not at:
        local, domain = value, ""
    if not local:
        return ""
    masked = local[0] + MASK * 3
    return f"{masked}@{domain}" if domain else masked

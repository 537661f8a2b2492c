"""Masking of contact details and device identifiers for the printed slip.

The slip goes home with the customer and may be lost; the after-sales guide
asks that it identify the customer to the counter without exposing them.  So:

* phone: first 3 and last 4 digits (`138****5678`); a country code +86 is
  dropped first, since every counter phone number there has it;
* IMEI / MEID / serial: only the last 6 characters (`*********123456`);
* e-mail: first letter of the mailbox and the full domain (`z***@example.com`);
* name: the first character, then one star per remaining character
  (`张*`, `Z***`), so staff can greet the customer by the family name.

Short or odd values (a 5-digit extension, a 1-letter mailbox) reveal less, never
more: the rule that holds for every input is that the full value cannot be read
back from the mask, and at most half of a short value shows.  The masks are
pure functions of the value; callers never print the original.
"""

from __future__ import annotations

MASK = "*"
_CN_COUNTRY_CODE = "86"
_CN_MOBILE_DIGITS = 11


def _digits(value: str) -> str:
    return "".join(char for char in value if char.isascii() and char.isdigit())


def _reveal(text: str, head: int, tail: int) -> str:
    hidden = len(text) - head - tail
    if hidden <= 0:
        raise ValueError("a mask must hide at least one character")
    return text[:head] + MASK * hidden + (text[-tail:] if tail else "")


def _short_reveal(text: str) -> str:
    """For values too short for the normal rule: at most half shows, at the end."""
    tail = len(text) // 2 if len(text) >= 4 else 0
    return MASK * (len(text) - tail) + (text[-tail:] if tail else "")


def mask_phone(phone: str) -> str:
    """`13812345678` and `+86 138-1234-5678` both give `138****5678`.

    Only the digits are kept; for 11 digits or more the first 3 and last 4
    show (after a leading 86 country code is dropped from a 13-digit number);
    shorter numbers show at most their last half, and never more than 4.
    """
    digits = _digits(phone)
    if len(digits) == _CN_MOBILE_DIGITS + len(_CN_COUNTRY_CODE) and digits.startswith(_CN_COUNTRY_CODE):
        digits = digits[len(_CN_COUNTRY_CODE) :]
    if len(digits) >= _CN_MOBILE_DIGITS:
        return _reveal(digits, 3, 4)
    if len(digits) >= 8:
        return _reveal(digits, 0, 4)
    return _short_reveal(digits)


def mask_imei(identifier: str) -> str:
    """`860955027785041` gives `*********785041`: only the last 6 show.

    Works for IMEI (15 digits, or 16 with SV), MEID (14 hex) and serial numbers;
    anything that is not a letter or digit is dropped.  An identifier shorter
    than 12 characters shows at most its last third.
    """
    chars = "".join(char for char in identifier if char.isascii() and char.isalnum()).upper()
    if len(chars) >= 12:
        return _reveal(chars, 0, 6)
    tail = len(chars) // 3
    return MASK * (len(chars) - tail) + (chars[-tail:] if tail else "")


def mask_email(email: str) -> str:
    """`zhang.wei@example.com` gives `z***@example.com`.

    The mailbox always becomes its first letter and three stars (so its
    length does not show); a one-letter mailbox shows no letter at all, since
    with the domain it would give the whole address away.  Text that is not
    an address (no `@`, or nothing after it) gives `***`.
    """
    local, at, domain = email.strip().rpartition("@")
    if not at or not local or not domain:
        return MASK * 3
    first = local[0] if len(local) > 1 else ""
    return f"{first}{MASK * 3}@{domain}"


def mask_name(name: str) -> str:
    """`张伟` gives `张*`, `Zhang Wei` gives `Z********`; a one-letter name gives `*`."""
    stripped = name.strip()
    if len(stripped) <= 1:
        return MASK * len(stripped)
    return stripped[0] + MASK * (len(stripped) - 1)

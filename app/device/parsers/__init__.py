"""Parsers that turn what a phone prints into typed objects.

A phone is untrusted input.  Every parser here takes decoded text, looks at a
bounded amount of it, works line by line in linear time, and raises only
`OutputParseError` on input it cannot make sense of.  Nothing past `app/device/`
sees raw adb output.
"""

from __future__ import annotations

#: The most text any parser looks at; a longer answer is refused rather than parsed.
MAX_PARSE_CHARS = 16 * 1024 * 1024


class OutputParseError(ValueError):
    """A command's output does not have the shape its parser expects."""


def checked_text(text: object, what: str, limit: int = MAX_PARSE_CHARS) -> str:
    """`text` when it is a str of acceptable size, else OutputParseError."""
    if not isinstance(text, str):
        raise OutputParseError(f"{what}: expected text, got {type(text).__name__}")
    if len(text) > limit:
        raise OutputParseError(f"{what}: output of {len(text)} characters is over the {limit} limit")
    return text


def int_or_none(value: str | None) -> int | None:
    """An int from a decimal field, or None when the field is absent or not a bounded number."""
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > 19 or not value.isascii():
        return None
    try:
        return int(value, 10)
    except ValueError:
        return None

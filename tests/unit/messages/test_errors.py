"""Each messages error has its own exit code in 131-135, and the modem's SmsNotSent is 130."""

from __future__ import annotations

from app.device.errors import SmsNotSent
from app.messages import errors


def test_messages_exit_codes_are_unique_and_in_range() -> None:
    classes = [
        c
        for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, errors.MessagesError) and c is not errors.MessagesError
    ]
    codes = [c.exit_code for c in classes]
    assert len(classes) == 5 and sorted(codes) == list(range(131, 136))
    assert all(c.next_step for c in classes)
    assert SmsNotSent.exit_code == 130 and SmsNotSent("x", "busy").code == "sms_busy"

"""Each ticket error has its own exit code in the tickets range 50-59 (full: FaultCategoryRefused has 108)."""

from __future__ import annotations

from app.tickets import errors, pricing


def test_ticket_exit_codes_are_unique_and_in_range() -> None:
    classes = [
        c
        for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, errors.TicketError) and c is not errors.TicketError
    ] + [pricing.PriceLookupFailed]
    codes = [c.exit_code for c in classes]
    assert sorted(codes) == sorted(set(codes))
    assert all(50 <= code <= 59 or code == 108 for code in codes)  # 108: FaultCategoryRefused, 50-59 being full
    assert all(c.next_step for c in classes)

"""Errors of the spare-parts service a person can act on (exit codes 103-107)."""

from __future__ import annotations

from app.errors import KnownError


class PartsError(KnownError):
    """Base of the parts service's known errors (never raised itself)."""

    exit_code = 1


class UnknownPart(PartsError):
    """A part number the price list in force does not have (params: part)."""

    exit_code = 103
    next_step = "Use a part number from the price list (repair-counter parts stock lists those held)."


class NotEnoughStock(PartsError):
    """The move would take the stock below zero or below what is reserved (params: part, available, wanted)."""

    exit_code = 104
    next_step = "Receive the part first, or raise a dispatch request (repair-counter parts dispatch PART)."


class PartLabelRefused(PartsError):
    """A scanned label that is not a genuine part's.  Codes: part_label_malformed,
    part_label_unknown_maker, part_label_forged (params: part, serial), part_label_wrong_part
    (params: part, expected)."""

    exit_code = 105
    next_step = "Do not fit this part: set it aside and report it to the maker, or scan the label again."


class StockMoveRefused(PartsError):
    """A move that cannot be made as asked.  Codes: quantity_invalid (params: quantity), reason_missing,
    serial_already_received (params: serial), serial_not_in_stock (params: serial)."""

    exit_code = 106
    next_step = "Correct the quantity, the reason or the label and try again."


class TicketPartsRefused(PartsError):
    """Codes: nothing_reserved (params: ticket), parts_ticket_status (params: ticket, current),
    estimate_not_approved (params: ticket), part_not_reserved (params: part, serial)."""

    exit_code = 107
    next_step = "Approve the estimate so its parts are reserved, or check the ticket's status."

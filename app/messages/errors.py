"""Problems of the messages service a person can act on (exit codes 131-136; 130 is the modem's SmsNotSent)."""

from __future__ import annotations

from app.errors import KnownError


class MessagesError(KnownError):
    """Base of the messages service's known errors (never raised itself)."""

    exit_code = 1


class MessageNotFound(MessagesError):
    exit_code = 131
    next_step = "List the messages with `repair-counter messages list` and copy the id."


class TemplateRefused(MessagesError):
    """A manager's template names a field a message may not carry, or is empty or too long."""

    exit_code = 132
    next_step = "Use only {ticket}, {model}, {outlet}, {address} and {guide}, in at most 400 characters."


class RatingRefused(MessagesError):
    """A rating outside 1-5, on a ticket not collected, or a second rating."""

    exit_code = 133
    next_step = "Rate a collected ticket once, with a whole number from 1 to 5."


class NotUncertain(MessagesError):
    """Only a message whose fate is unknown can be settled by hand."""

    exit_code = 134
    next_step = "List the messages; only those shown as uncertain need a decision."


class NoMessageConsent(MessagesError):
    """The ticket has no consent to messages to withdraw."""

    exit_code = 135
    next_step = "Give the consent first (`repair-counter messages consent TICKET --give`)."

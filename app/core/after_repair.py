"""After the repair (issue 17): which ticket events send a message, what a template may say,
when a failed send is tried again, and when a rating follow-up is due.

Pure rules; the messages service applies them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.core.workflow import Status

#: The events a customer may be told about, each from the status a ticket moves into.
STATUS_EVENTS: Mapping[Status, str] = {
    Status.RECEIVED: "received",
    Status.WAITING_FOR_PARTS: "waiting_for_parts",
    Status.READY_FOR_PICKUP: "ready_for_pickup",
    Status.RETURNED_UNREPAIRED: "not_repairable",
}
#: The care guide is sent at pickup when the customer chose it as a message.
CARE_GUIDE_EVENT = "care_guide"
EVENTS = (*STATUS_EVENTS.values(), CARE_GUIDE_EVENT)
#: What a template may name: the ticket, the phone's model, the outlet and where it is, the care
#: guide.  Never the customer's name, number or the IMEI: the message needs none of them.
FIELDS = frozenset({"ticket", "model", "outlet", "address", "guide"})
MAX_TEMPLATE = 400
#: Where the customer may get the care guide.
CARE_GUIDE_CHOICES = ("slip", "message", "none")

#: Waits after the 1st, 2nd, ... failed attempt; the last one repeats until MAX_ATTEMPTS.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))
#: About a day of tries with the longest wait: a message older than that has lost its point.
MAX_ATTEMPTS = 24
#: Faults worth waiting out; any other fault ends the message as failed.
RETRIED_FAULTS = frozenset({"busy", "no_network", "no_credit", "no_answer", "unplugged", "unknown"})
FOLLOW_UP_WITHIN = timedelta(hours=1)
RATINGS = range(1, 6)
MAX_COMMENT = 500
_DIGITS = re.compile(r"\d{7,}")


class TemplateProblem(ValueError):
    """A template that names something it may not, or is empty or too long."""


def template_problems(text: str) -> list[str]:
    """What is wrong with a template a manager wrote (empty when it may be used)."""
    problems = []
    if not text.strip():
        problems.append("the template is empty")
    if len(text) > MAX_TEMPLATE:
        problems.append(f"the template is longer than {MAX_TEMPLATE} characters")
    try:
        named = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return [*problems, "a brace is not closed; write {ticket}, {model}, {outlet}, {address} or {guide}"]
    for name in sorted(named - FIELDS):
        problems.append(f"{{{name}}} is not a field a message may carry")
    if _DIGITS.search(text):
        problems.append("the template holds a long number; a phone number or IMEI does not belong in it")
    return problems


def render(template: str, fields: Mapping[str, str]) -> str:
    """The message text: the template with its fields filled; a field left out stays empty."""
    problems = template_problems(template)
    if problems:
        raise TemplateProblem("; ".join(problems))
    return template.format_map({name: fields.get(name, "") for name in FIELDS}).strip()


def next_attempt(after_attempts: int, now: datetime) -> datetime | None:
    """When to try again after `after_attempts` failed tries; None once the message is given up."""
    if after_attempts >= MAX_ATTEMPTS:
        return None
    return now + RETRY_DELAYS[min(after_attempts, len(RETRY_DELAYS)) - 1]


@dataclass(frozen=True)
class FollowUpDue:
    ticket_number: str
    completed_at: datetime

    @property
    def due_at(self) -> datetime:
        return self.completed_at + FOLLOW_UP_WITHIN

    def overdue(self, now: datetime) -> bool:
        return now > self.due_at


@dataclass(frozen=True)
class MessageChoice:
    """What the customer said at intake: messages about this repair, in this language, and the care guide's way."""

    language: str = "zh_CN"
    care_guide: str = "slip"

    def __post_init__(self) -> None:
        if self.language not in ("zh_CN", "en"):
            raise ValueError(f"messages are written in zh_CN or en, not {self.language!r}")
        if self.care_guide not in CARE_GUIDE_CHOICES:
            raise ValueError(f"the care guide goes by one of {', '.join(CARE_GUIDE_CHOICES)}")

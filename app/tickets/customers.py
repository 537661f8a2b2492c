"""Which customer a new ticket belongs to: matched by phone AND name, or picked explicitly.

A phone number alone does not identify a person (a family shares one, a number is
reassigned), so a ticket with a known phone but another name opens a new customer;
the stored customer's name is never overwritten from the counter.  Correcting a
stored name is a rectification request at the privacy desk, which journals it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app.errors import Problem
from app.storage import ticket_repository
from app.storage.store import Store
from app.storage.ticket_records import NewTicket
from app.tickets.errors import IntakeIncomplete

RECTIFY_HINT = (
    "a correction of the stored details is a rectification request at the privacy desk"
    " (request new --kind rectification --customer ID)"
)


@dataclass(frozen=True)
class CustomerMatch:
    #: The returning customer's id; None when the ticket opens a new customer.
    customer_id: str | None
    #: How it was found: "picked", "phone_and_name" or "new" (journaled with the ticket).
    how: str
    #: The ticket with a picked customer's stored name and phone filled in.
    new: NewTicket


def same_name(first: str, second: str) -> bool:
    """Names compare without case and extra spaces ("wang  fang" is "Wang Fang")."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def picked_customer(store: Store, new: NewTicket) -> CustomerMatch | None:
    """The explicitly picked customer, its stored name and phone filled in where the intake left them
    empty; IntakeIncomplete when it is unknown or the intake gives another name or phone."""
    if not new.customer_id:
        return None
    found = ticket_repository.customer_by_id(store, new.customer_id)
    if found is None:
        raise IntakeIncomplete(
            {"customer": Problem("unknown_customer", f"no customer {new.customer_id!r}", customer=new.customer_id)}
        )
    customer_id, name, phone, _email, _address = found
    problems: dict[str, Problem] = {}
    if new.customer_name and not same_name(new.customer_name, name):
        problems["name"] = Problem(
            "customer_name_differs", f"the chosen customer is registered as {name!r}; {RECTIFY_HINT}", name=name
        )
    if new.customer_phone and phone and new.customer_phone != phone:
        problems["phone"] = Problem("customer_phone_differs", f"the chosen customer's phone differs; {RECTIFY_HINT}")
    if problems:
        raise IntakeIncomplete(problems)
    filled = dataclasses.replace(new, customer_name=name, customer_phone=new.customer_phone or phone)
    return CustomerMatch(customer_id, "picked", filled)


def matching_customer(store: Store, new: NewTicket) -> CustomerMatch:
    """The returning customer with this phone number and this name, or none (a new customer)."""
    for customer_id, name in ticket_repository.customers_with_phone(store, new.customer_phone):
        if same_name(name, new.customer_name):
            return CustomerMatch(customer_id, "phone_and_name", new)
    return CustomerMatch(None, "new", new)

"""The outlet hub's protocol (issue 22): models shared by the counters and the hub.

A counter pushes its operations with `hub_seen`, the hub position it had applied when it
made each change, and pulls every counter's operations (its own included) in the hub's
order.  Inside the outlet every field travels: no sharing policy applies on this link.
"""

from __future__ import annotations

import hashlib
import ssl
from typing import Annotated

from pydantic import Field, StringConstraints

from app.sync.protocol import MAX_BATCH_OPERATIONS, MAX_PULL_ITEMS, Operation, _Model

HUB_PREFIX = "/v1/hub"
#: A counter's code: the letter (and optional character) its ticket numbers carry.
COUNTER_PATTERN = r"^[A-Z][A-Z0-9]?$"
CounterCode = Annotated[str, StringConstraints(pattern=COUNTER_PATTERN)]
Position = Annotated[int, Field(ge=0, lt=2**62)]


class HubOperation(Operation):
    """An operation on the outlet link: what the counter had seen of the hub when it made it."""

    hub_seen: Position = 0


class HubPushBatch(_Model):
    operations: Annotated[list[HubOperation], Field(min_length=1, max_length=MAX_BATCH_OPERATIONS)]


class PlacedOperation(_Model):
    """An operation as the hub hands it on: its place in the hub's order and its author."""

    position: Position
    counter: CounterCode
    operation: HubOperation


class HubPullResponse(_Model):
    operations: Annotated[list[PlacedOperation], Field(max_length=MAX_PULL_ITEMS)]
    more: bool


class HubEnrolRequest(_Model):
    counter: CounterCode
    code: Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class HubEnrolResponse(_Model):
    counter: CounterCode
    outlet: Annotated[str, StringConstraints(max_length=32)]
    token: Annotated[str, StringConstraints(min_length=32, max_length=128)]


class CounterStatus(_Model):
    counter: CounterCode
    last_seen_at: str
    applied_position: Position


class HubStatus(_Model):
    outlet: str
    position: Position
    forwarded_position: Position
    counters: list[CounterStatus]


def fingerprint_of_pem(pem: str) -> str:
    """SHA-256 of a certificate's DER bytes, lower-case hex: what the hub shows and a counter pins."""
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()

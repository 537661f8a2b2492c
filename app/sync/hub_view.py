"""What the "Outlet hub" page shows, from the store and one call to the hub: the link, the
counters and whether each is online, what waits, and the conflicts with a name for each record.

No words here (the GUI words them): codes, numbers and times only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.accounts.session import Session
from app.core.roles import Permission
from app.storage import replica_repository
from app.storage.replica_repository import Conflict
from app.sync import hub_client

#: A counter that called the hub this recently is online: the page's "Sync now" and the
#: counters' rounds call far more often while someone works at them.
ONLINE_WITHIN = timedelta(minutes=10)
#: The replica's fields that name a record for a person, by kind of record.
NAMING_FIELDS = {"ticket": ("number",), "outlet_calendar": ("weekday", "day")}


@dataclass(frozen=True)
class LinkView:
    joined: bool
    url: str
    counter: str
    fingerprint: str
    pending_here: int


@dataclass(frozen=True)
class CounterOnline:
    counter: str
    online: bool
    last_seen_at: str
    applied_position: int


@dataclass(frozen=True)
class HubPicture:
    outlet: str
    position: int
    waiting_for_region: int
    counters: list[CounterOnline]


@dataclass(frozen=True)
class ConflictView:
    conflict: Conflict
    record: str
    #: Settled on this counter, the choice not yet back from the hub.
    waiting: bool


def link_view(session: Session) -> LinkView:
    session.require(Permission.READ_TICKETS)
    pending = session.store.pending_outbox_count()
    if not hub_client.is_joined(session):
        return LinkView(False, "", "", "", pending)
    link = hub_client.load_link(session)
    return LinkView(True, link.url, link.counter, link.fingerprint, pending)


def hub_picture(session: Session, now: datetime) -> HubPicture:
    """One call to the hub: its counters (online when seen within ONLINE_WITHIN of `now`) and its queue."""
    status = hub_client.hub_status(session)
    return HubPicture(
        outlet=status.outlet,
        position=status.position,
        waiting_for_region=status.position - status.forwarded_position,
        counters=[
            CounterOnline(c.counter, _recent(c.last_seen_at, now), c.last_seen_at, c.applied_position)
            for c in status.counters
        ],
    )


def _recent(at: str, now: datetime) -> bool:
    try:
        return now - datetime.fromisoformat(at) <= ONLINE_WITHIN
    except (TypeError, ValueError):  # a time without a zone, or none: not known to be online
        return False


def conflict_views(session: Session) -> list[ConflictView]:
    return [
        ConflictView(c, record_name(session, c), replica_repository.settle_waiting(session.store, c.other_op, c.field))
        for c in hub_client.conflicts(session)
    ]


def record_name(session: Session, conflict: Conflict) -> str:
    """The ticket's number or the weekday or day of the hours, as the replica holds it; else the id's start."""
    fields = replica_repository.record(session.store, conflict.entity, conflict.entity_id)
    for name in NAMING_FIELDS.get(conflict.entity, ()):
        if isinstance(fields.get(name), str) and fields[name]:
            return str(fields[name])
    return conflict.entity_id[:8]


def shown_value(encoded: str | None) -> str:
    """A conflict's value as a person reads it: text as is, anything else as JSON."""
    if encoded is None:
        return ""
    value = json.loads(encoded)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

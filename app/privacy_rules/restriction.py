"""Restriction of processing: the customer's data is kept but not used.

While a customer's restriction stands, their tickets cannot be diagnosed,
synced or printed.  Each refusal says why (since when, which request) in
English and Chinese:

* diagnostics: `ensure_may_process(store, ticket_number, Purpose.DIAGNOSTICS)`
  is called by `DiagnosticsFlow.run` before anything reaches the phone;
* printing: `write_ticket_slip` (or `ensure_may_process(..., Purpose.PRINTING)`
  in any other print path) before a slip of a stored ticket is rendered;
* sync: `app.sync.restriction_hold.RestrictionAwareOutbox` wraps the relay's
  outbox source and holds back the customer's records (erasures still leave:
  forgetting is not processing); `held_back` says which and why.
"""

from __future__ import annotations

import enum

from app.privacy_rules.errors import ProcessingRestricted
from app.storage import privacy_repository as repo
from app.storage.store import Store


class Purpose(enum.StrEnum):
    DIAGNOSTICS = "diagnostics"
    PRINTING = "printing"
    SYNC = "sync"


_WHAT = {
    Purpose.DIAGNOSTICS: ("cannot be diagnosed", "不能进行诊断"),
    Purpose.PRINTING: ("cannot be printed", "不能打印"),
    Purpose.SYNC: ("is not sent upstream", "不会上传"),
}


def refusal(store: Store, ticket_number: str | None, purpose: Purpose) -> str | None:
    """Why `purpose` may not touch this ticket's data, or None when it may."""
    if not ticket_number:
        return None
    customer_id = repo.customer_of_ticket(store, ticket_number)
    if customer_id is None:
        return None
    restricted = repo.restriction_of_customer(store, customer_id)
    if restricted is None:
        return None
    since, request_id = restricted
    request = repo.request_by_number(store, request_id) if request_id else None
    by = f" (request {request.number})" if request else ""
    en, zh = _WHAT[purpose]
    return (
        f"Ticket {ticket_number} {en}: the customer restricted the processing of their data on {since[:10]}{by}. "
        f"工单 {ticket_number} {zh}：客户已于 {since[:10]} 申请限制处理其个人信息。"
    )


def ensure_may_process(store: Store, ticket_number: str | None, purpose: Purpose) -> None:
    """Raise `ProcessingRestricted`, saying why, when the ticket's customer restricted processing."""
    why = refusal(store, ticket_number, purpose)
    if why is not None:
        raise ProcessingRestricted(why)


__all__ = ["Purpose", "ensure_may_process", "refusal"]

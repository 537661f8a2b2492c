"""The privacy desk reaches the message queue: a withdrawal or an erasure stops queued messages and
forgets their number."""

from __future__ import annotations

import pytest

from app.privacy import actions, requests
from app.storage import message_repository as repo
from app.storage import privacy_repository
from tests.integration.messages.conftest import PHONE, consenting_ticket


@pytest.mark.parametrize(("kind", "act"), [("withdrawal", actions.withdraw), ("erasure", actions.erase)])
def test_a_desk_request_stops_the_queue_and_forgets_the_number(manager, clock, kind, act) -> None:
    number = consenting_ticket(manager)
    customer = privacy_repository.customer_of_ticket(manager.store, number)
    assert customer is not None
    request = requests.new_request(manager, kind, customer, "ID card seen")
    act(manager, request.number)
    (row,) = repo.message_rows(manager.store)
    assert (row.state, row.holds_number) == ("stopped", False)
    assert manager.store.query("SELECT count(*) FROM message_queue WHERE phone = ?", (PHONE,)) == [(0,)]
    assert manager.store.query("SELECT count(*) FROM message_consent WHERE withdrawn_at IS NULL") == [(0,)]

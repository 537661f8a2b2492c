"""How one pushed batch is planned against what the upstream holds (app/upstream/storage/push_plan.py)."""

from __future__ import annotations

from app.upstream.storage.push_plan import RecordState, StoredOperation, plan_push
from app.upstream.storage.records import IncomingOperation

REC = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"


def op(
    op_id: str,
    seq: int,
    action: str = "upsert",
    payload: str = '{"v":1}',
    digest: str | None = None,
    entity_id: str = REC,
) -> IncomingOperation:
    return IncomingOperation(op_id, seq, "ticket", entity_id, action, payload, digest or f"d-{op_id}", "t")


def statuses(plan) -> list[tuple[str, str, bool]]:  # noqa: ANN001
    return [(o.op_id, o.status, o.replayed) for o in plan.outcomes]


def test_new_operations_apply_in_seq_order_whatever_the_sending_order() -> None:
    plan = plan_push([op("c", 3), op("a", 1), op("b", 2)], {}, {}, {})
    assert statuses(plan) == [("c", "applied", False), ("a", "applied", False), ("b", "applied", False)]
    assert plan.record_writes[("ticket", REC)].op_id == "c"


def test_an_operation_older_than_the_record_is_kept_but_superseded() -> None:
    plan = plan_push([op("a", 1)], {}, {("ticket", REC): RecordState(5, "upsert")}, {})
    assert statuses(plan) == [("a", "superseded", False)]
    assert plan.record_writes == {}
    assert [(row.op_id, status) for row, status in plan.new_rows] == [("a", "superseded")]


def test_replays_get_the_stored_status_or_a_conflict_when_the_content_differs() -> None:
    stored = {"a": StoredOperation("superseded", "d-a"), "b": StoredOperation("applied", "other")}
    plan = plan_push([op("a", 1), op("b", 2)], stored, {}, {})
    assert statuses(plan) == [("a", "superseded", True), ("b", "conflict", True)]
    assert plan.new_rows == [] and plan.record_writes == {}


def test_a_repeat_inside_one_batch_is_stored_once() -> None:
    plan = plan_push([op("a", 1), op("a", 1), op("a", 1, digest="x")], {}, {}, {})
    assert statuses(plan) == [("a", "applied", False), ("a", "applied", True), ("a", "conflict", True)]
    assert len(plan.new_rows) == 1


def test_an_erasure_scrubs_older_operations_including_late_ones() -> None:
    plan = plan_push([op("e", 5, action="erase", payload="{}"), op("a", 2, payload='{"phone":"138"}')], {}, {}, {})
    assert plan.erasures == [("ticket", REC, 5)]
    late = plan_push(
        [op("b", 3, payload='{"phone":"138"}'), op("n", 9, payload='{"v":2}')],
        {},
        {("ticket", REC): RecordState(5, "erase")},
        {("ticket", REC): 5},
    )
    assert [(row.op_id, row.payload_json, status) for row, status in late.new_rows] == [
        ("b", "{}", "superseded"),
        ("n", '{"v":2}', "applied"),
    ]


def test_an_erasure_followed_by_a_new_record_state_still_scrubs_older_late_arrivals() -> None:
    plan = plan_push(
        [op("old", 1, payload='{"name":"Li"}')], {}, {("ticket", REC): RecordState(8, "upsert")}, {("ticket", REC): 5}
    )
    assert plan.new_rows[0][0].payload_json == "{}"

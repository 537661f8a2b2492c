"""The hub's HTTP service: the reference upstream's app plus the routes counters sync through.

A counter joins with a one-time code (the upstream's enrolment, with the counter's code in
the place of an outlet code), then pushes its operations and pulls everyone's in the hub's
order.  Inside the outlet every field travels; nothing here applies a sharing policy (the
forwarder does, on the way to the region).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from app.sync.hub_protocol import (
    COUNTER_PATTERN,
    HUB_PREFIX,
    CounterStatus,
    HubEnrolRequest,
    HubEnrolResponse,
    HubOperation,
    HubPullResponse,
    HubPushBatch,
    HubStatus,
    PlacedOperation,
)
from app.sync.protocol import MAX_PULL_ITEMS, OpResult, PushResult, canonical_json, operation_digest
from app.upstream.enrolment import redeem_enrol_code
from app.upstream.service import Refusal, bearer_owner, create_app
from app.upstream.storage import UpstreamStore, hub_log
from app.upstream.storage.hub_log import HubOperationRow

CounterPath = Annotated[str, PathParam(pattern=COUNTER_PATTERN)]


def create_hub_app(store: UpstreamStore, outlet: str, signing_key: Ed25519PrivateKey | None = None) -> FastAPI:
    app = create_app("", signing_key, store=store)
    app.state.outlet = outlet
    _add_hub_routes(app, store, outlet)
    return app


def authorised_counter(request: Request, counter: CounterPath) -> str:
    """The path's counter, after checking the bearer token is that counter's (401 / 403)."""
    owner = bearer_owner(request, "counter", "join the hub again")
    if owner != counter:
        raise Refusal(403, "wrong_counter", "This token belongs to another counter.")
    return counter


Counter = Annotated[str, Depends(authorised_counter)]


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _add_hub_routes(app: FastAPI, store: UpstreamStore, outlet: str) -> None:
    @app.post(f"{HUB_PREFIX}/enrol", response_model=HubEnrolResponse)
    def enrol(request: HubEnrolRequest) -> HubEnrolResponse:
        token = redeem_enrol_code(store, request.counter, request.code)
        if token is None:
            raise Refusal(403, "enrol_code_invalid", "The code is unknown, used, expired or for another counter.")
        hub_log.counter_called(store, request.counter, _now(), None)
        return HubEnrolResponse(counter=request.counter, outlet=outlet, token=token)

    @app.post(f"{HUB_PREFIX}/counters/{{counter}}/push", response_model=PushResult)
    def push(counter: Counter, batch: HubPushBatch) -> Response:
        rows = [_row(counter, op) for op in batch.operations]
        held = hub_log.append_operations(store, rows, _now())
        hub_log.counter_called(store, counter, _now(), None)
        results = [
            OpResult(op_id=row.op_id, status="applied" if held[row.op_id] == row.digest else "conflict") for row in rows
        ]
        return Response(PushResult(results=results).model_dump_json(), media_type="application/json")

    @app.get(f"{HUB_PREFIX}/counters/{{counter}}/operations", response_model=HubPullResponse)
    def pull(
        counter: Counter,
        after: Annotated[int, Query(ge=0, lt=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_ITEMS)] = 500,
    ) -> Response:
        rows = hub_log.operations_after(store, after, limit + 1)
        hub_log.counter_called(store, counter, _now(), after)
        page = HubPullResponse(operations=[_placed(r) for r in rows[:limit]], more=len(rows) > limit)
        return Response(page.model_dump_json(), media_type="application/json")

    @app.get(f"{HUB_PREFIX}/counters/{{counter}}/status", response_model=HubStatus)
    def status(counter: Counter) -> HubStatus:
        return hub_status(store, outlet)


def hub_status(store: UpstreamStore, outlet: str) -> HubStatus:
    return HubStatus(
        outlet=outlet,
        position=hub_log.last_position(store),
        forwarded_position=hub_log.forwarded_position(store),
        counters=[
            CounterStatus(counter=c.counter, last_seen_at=c.last_seen_at, applied_position=c.applied_position)
            for c in hub_log.counters(store)
        ],
    )


def _row(counter: str, op: HubOperation) -> HubOperationRow:
    return HubOperationRow(
        position=0,
        counter=counter,
        op_id=op.op_id,
        seq=op.seq,
        entity=op.entity,
        entity_id=op.entity_id,
        action=op.action,
        payload_json=canonical_json(op.payload).decode("utf-8"),
        digest=operation_digest(op),
        hub_seen=op.hub_seen,
        created_at=op.created_at.isoformat(),
    )


def _placed(row: HubOperationRow) -> PlacedOperation:
    operation = HubOperation(
        op_id=row.op_id,
        seq=row.seq,
        entity=row.entity,
        entity_id=row.entity_id,
        action=row.action,  # type: ignore[arg-type]
        payload=json.loads(row.payload_json),
        created_at=datetime.fromisoformat(row.created_at),
        hub_seen=row.hub_seen,
    )
    return PlacedOperation(position=row.position, counter=row.counter, operation=operation)

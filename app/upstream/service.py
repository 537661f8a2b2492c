"""The reference upstream: an ASGI service the outlets' relays push to and pull from.

`create_app(db_url, signing_key=...)` builds a FastAPI app over one store; uvicorn serves
it.  The endpoints are plain `def`s: FastAPI runs them in its thread pool, and the store
keeps one database connection per thread.  Every route but enrolment and the public key
needs the outlet's bearer token, and a token opens only its own outlet's routes.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Annotated

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from app.errors import UsageError
from app.sync.anchors import key_id_for, public_key_bytes, sign_anchor
from app.sync.protocol import (
    API_PREFIX,
    MAX_BODY_BYTES,
    MAX_PULL_ITEMS,
    OUTLET_PATTERN,
    PART_PATTERN,
    AnchorReceipt,
    AnchorRequest,
    Cursor,
    EnrolRequest,
    EnrolResponse,
    Operation,
    OpResult,
    PartHolder,
    PartHolders,
    ProblemDetail,
    PullResponse,
    PushBatch,
    PushResult,
    ReferenceKind,
    SigningKeyInfo,
    Summary,
    canonical_json,
    operation_digest,
)
from app.upstream.anchoring import AnchorRefused, judge_anchor
from app.upstream.body_limit import BodyLimitMiddleware
from app.upstream.enrolment import redeem_enrol_code, secret_hash, utc_now
from app.upstream.rate_limit import FailureLimiter
from app.upstream.reports import region_query, region_report
from app.upstream.storage import (
    AnchorRow,
    IncomingOperation,
    UpstreamDatabaseUnavailable,
    UpstreamStore,
    open_upstream_store,
    parts_queries,
)

log = logging.getLogger(__name__)
OutletPath = Annotated[str, Path(pattern=OUTLET_PATTERN)]
PartPath = Annotated[str, Path(pattern=PART_PATTERN)]
MAX_CURSOR = 2**62
PROBLEMS: dict[int | str, dict[str, object]] = {
    code: {"model": ProblemDetail} for code in (400, 401, 403, 404, 409, 413, 422, 429, 503)
}


class Refusal(Exception):
    """An answer other than success, with a stable code for programs and a sentence for people."""

    def __init__(self, status: int, code: str, detail: str, *, retry_after: int | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.retry_after = retry_after


def create_app(
    db_url: str, signing_key: Ed25519PrivateKey | None = None, *, store: UpstreamStore | None = None
) -> FastAPI:
    """The upstream app over the database `db_url` names (schema created if missing).

    `signing_key` signs anchor receipts; without one a throwaway key is generated, which is
    only right for tests.  `store` lets a caller that already opened the store share it.
    """
    store = store or open_upstream_store(db_url)
    key = signing_key or Ed25519PrivateKey.generate()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="Repair Counter reference upstream",
        version="1",
        lifespan=lifespan,
        responses=PROBLEMS,
    )
    app.state.store = store
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    app.add_exception_handler(Refusal, _refusal_response)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(UpstreamDatabaseUnavailable, _database_unavailable)  # type: ignore[arg-type]
    _add_routes(app, store, key)
    return app


def _refusal_response(_: Request, exc: Refusal) -> JSONResponse:
    headers = {"retry-after": str(exc.retry_after)} if exc.retry_after else None
    return JSONResponse(status_code=exc.status, content={"code": exc.code, "detail": exc.detail}, headers=headers)


def _invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
    """422 without echoing the input: a value JSON cannot carry (1e999 parses to infinity, a
    lone surrogate cannot be UTF-8) would make FastAPI's own answer fail with a 500."""
    errors = [
        {
            "loc": [_printable(part) for part in error.get("loc", ())],
            "msg": _printable(error.get("msg", "")),
            "type": _printable(error.get("type", "")),
        }
        for error in exc.errors()[:20]
    ]
    return JSONResponse(
        status_code=422,
        content={"code": "invalid_request", "detail": "The request does not fit the protocol.", "errors": errors},
    )


def _printable(value: object) -> str:
    return str(value)[:300].encode("utf-8", "backslashreplace").decode("utf-8")


def _database_unavailable(_: Request, exc: UpstreamDatabaseUnavailable) -> JSONResponse:
    # 503 tells relays to retry later; the request changed nothing (its transaction rolled back).
    log.warning("database unavailable: %s", exc.message)
    return JSONResponse(
        status_code=503,
        content={"code": "database_unavailable", "detail": "The upstream's database is briefly unavailable."},
        headers={"retry-after": "1"},
    )


def _json(model: PushResult | PullResponse) -> Response:
    # Returned as bytes so FastAPI does not validate the response model a second time.
    return Response(content=model.model_dump_json(), media_type="application/json")


def bearer_owner(request: Request, whose: str, again: str) -> str:
    """Who the bearer token was issued to (an outlet, or a counter of the outlet hub), or 401."""
    store: UpstreamStore = request.app.state.store
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token or len(token) > 256:
        raise Refusal(401, "token_missing", f"Send the {whose}'s bearer token.")
    owner = store.outlet_for_token(secret_hash(token.strip()))
    if owner is None:
        raise Refusal(401, "token_unknown", f"The token is not valid; {again}.")
    return owner


def authorised_outlet(request: Request, outlet: OutletPath) -> str:
    """The path's outlet, after checking the bearer token is that outlet's (401 / 403)."""
    owner = bearer_owner(request, "outlet", "enrol the outlet again")
    if owner != outlet:
        raise Refusal(403, "wrong_outlet", "This token belongs to another outlet.")
    return outlet


Caller = Annotated[str, Depends(authorised_outlet)]


def authorised_operator(request: Request) -> None:
    """The region operator's bearer token, or 401 / 403 (an outlet's token reads only its own routes)."""
    store: UpstreamStore = request.app.state.store
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token or len(token) > 256:
        raise Refusal(401, "token_missing", "Send the region operator's bearer token.")
    if not store.is_operator_token(secret_hash(token.strip())):
        if store.outlet_for_token(secret_hash(token.strip())) is not None:
            raise Refusal(403, "not_operator", "An outlet's token cannot read the region's reports.")
        raise Refusal(401, "token_unknown", "The token is not valid; ask for a new operator token.")


Operator = Annotated[None, Depends(authorised_operator)]
ReportDate = Annotated[str, Query(min_length=10, max_length=10, pattern=r"^\d{4}-\d{2}-\d{2}$")]


def _add_routes(app: FastAPI, store: UpstreamStore, key: Ed25519PrivateKey) -> None:
    public_key = public_key_bytes(key)

    limiter = FailureLimiter()

    @app.post(f"{API_PREFIX}/enrol", response_model=EnrolResponse)
    def enrol(request: EnrolRequest, http: Request) -> EnrolResponse:
        who = (f"outlet:{request.outlet}", f"client:{http.client.host if http.client else '?'}")
        wait = limiter.retry_after(*who)
        if wait:
            raise Refusal(
                429, "enrol_rate_limited", "Too many failed enrolment attempts; try again later.", retry_after=wait
            )
        token = redeem_enrol_code(store, request.outlet, request.code)
        if token is None:
            limiter.failed(*who)
            raise Refusal(
                403, "enrol_code_invalid", "The enrolment code is unknown, used, expired or for another outlet."
            )
        return EnrolResponse(outlet=request.outlet, token=token)

    @app.get(f"{API_PREFIX}/signing-key", response_model=SigningKeyInfo)
    def signing_key_info() -> SigningKeyInfo:
        return SigningKeyInfo(key_id=key_id_for(public_key), public_key=base64.b64encode(public_key).decode())

    @app.post(f"{API_PREFIX}/outlets/{{outlet}}/push", response_model=PushResult)
    def push(outlet: Caller, batch: PushBatch) -> Response:
        return _json(apply_push(store, outlet, batch))

    @app.get(f"{API_PREFIX}/outlets/{{outlet}}/reference/{{kind}}", response_model=PullResponse)
    def pull(
        outlet: Caller,
        kind: ReferenceKind,
        after: Annotated[Cursor, Query()] = "0",
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_ITEMS)] = 500,
    ) -> Response:
        cursor = int(after)
        if cursor >= MAX_CURSOR:  # the pattern allows 19 digits; the database's integers stop at 2**63
            raise Refusal(422, "invalid_request", "The cursor is beyond any this upstream hands out.")
        return _json(reference_page(store, kind, cursor, limit))

    @app.post(f"{API_PREFIX}/outlets/{{outlet}}/anchors", response_model=AnchorReceipt)
    def anchor(outlet: Caller, request: AnchorRequest) -> AnchorReceipt:
        def sign(seq: int, head: str, now: datetime) -> tuple[str, str]:
            return sign_anchor(key, outlet, seq, head, now)

        try:
            row = store.append_anchor(outlet, lambda latest: judge_anchor(outlet, latest, request, sign, utc_now()))
        except AnchorRefused as exc:
            raise Refusal(409, exc.code, exc.detail) from exc
        return receipt_from_row(row)

    @app.get(f"{API_PREFIX}/outlets/{{outlet}}/anchors/latest", response_model=AnchorReceipt)
    def latest_anchor(outlet: Caller) -> AnchorReceipt:
        row = store.latest_anchor(outlet)
        if row is None:
            raise Refusal(404, "no_anchor", "This outlet has anchored no journal head yet.")
        return receipt_from_row(row)

    @app.get(f"{API_PREFIX}/reports/outlets")
    def outlets_report(
        _: Operator,
        first: Annotated[ReportDate, Query(alias="from")],
        last: Annotated[ReportDate, Query(alias="to")],
        period: Annotated[str, Query(max_length=8)] = "month",
        by: Annotated[str, Query(max_length=16)] = "none",
        zone: Annotated[str, Query(max_length=64)] = "UTC",
    ) -> JSONResponse:
        """Every outlet's ticket figures from what it synced, for the region's operator (issue 16)."""
        try:
            return JSONResponse(region_report(store, region_query(first, last, period, by, zone)))
        except UsageError as exc:
            raise Refusal(400, "bad_report_query", exc.message) from exc

    @app.get(f"{API_PREFIX}/outlets/{{outlet}}/parts/{{part_id}}/holders", response_model=PartHolders)
    def part_holders(_: Caller, part_id: PartPath) -> PartHolders:
        """Which outlets of the region hold this part, by the counts they last synced (issue 18)."""
        rows = parts_queries.part_holders(store, part_id)
        return PartHolders(
            part_id=part_id,
            holders=[
                PartHolder(outlet=outlet, on_hand=on_hand, available=available) for outlet, on_hand, available in rows
            ],
        )

    @app.get(f"{API_PREFIX}/outlets/{{outlet}}/summary", response_model=Summary)
    def summary(outlet: Caller) -> Summary:
        counts = store.outlet_counts(outlet)
        latest = store.latest_anchor(outlet)
        return Summary(
            outlet=outlet,
            records=counts.live,
            removed=counts.removed,
            operations=counts.operations,
            last_anchor_seq=None if latest is None else latest.seq,
        )


def apply_push(store: UpstreamStore, outlet: str, batch: PushBatch) -> PushResult:
    """Apply a batch once per op_id; answers in the request's order.

    The store applies the operations in seq order, so two changes to one record in the same
    batch land in the order the counter made them whatever order they were sent in.
    """
    outcomes = store.apply_operations(outlet, [_incoming(op) for op in batch.operations], utc_now().isoformat())
    return PushResult(
        results=[OpResult(op_id=o.op_id, status=o.status, replayed=o.replayed) for o in outcomes]  # type: ignore[arg-type]
    )


def _incoming(op: Operation) -> IncomingOperation:
    return IncomingOperation(
        op_id=op.op_id,
        seq=op.seq,
        entity=op.entity,
        entity_id=op.entity_id,
        action=op.action,
        payload_json=canonical_json(op.payload).decode("utf-8"),
        digest=operation_digest(op),
        created_at=op.created_at.isoformat(),
    )


def reference_page(store: UpstreamStore, kind: str, after: int, limit: int) -> PullResponse:
    rows = store.reference_after(kind, after, limit + 1)
    page = rows[:limit]
    cursor = page[-1][0] if page else after
    return PullResponse(
        kind=kind,  # type: ignore[arg-type]
        cursor=str(cursor),
        items=[json.loads(item) for _, item in page],
        more=len(rows) > limit,
    )


def receipt_from_row(row: AnchorRow) -> AnchorReceipt:
    return AnchorReceipt(
        outlet=row.outlet,
        seq=row.seq,
        head=row.head,
        received_at=datetime.fromisoformat(row.received_at),
        key_id=row.key_id,
        signature=row.signature,
    )

"""Issue 21 item 6, the upstream's part: hostile input gets a 4xx answer, never a 500, over real
HTTP on loopback; enrolment attempts are rate limited."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.sync.protocol import API_PREFIX, MAX_BODY_BYTES
from tests.integration.upstream.upstream_harness import OUTLET, UpstreamServer, enrol_outlet


@pytest.fixture
def server(tmp_path: Path) -> Iterator[UpstreamServer]:
    running = UpstreamServer(f"sqlite:///{tmp_path / 'upstream.db'}")
    running.start()
    yield running
    running.stop()


@pytest.fixture
def client(server: UpstreamServer) -> Iterator[httpx.Client]:
    token = enrol_outlet(server)
    with httpx.Client(base_url=server.url, headers={"authorization": f"Bearer {token}"}, timeout=30) as http:
        yield http


def _push_body(payload_json: str) -> bytes:
    op = (
        f'{{"op_id":"{uuid.uuid4()}","seq":1,"entity":"ticket","entity_id":"{uuid.uuid4()}",'
        f'"action":"upsert","payload":{payload_json},"created_at":"2026-11-23T02:00:00+00:00"}}'
    )
    return f'{{"operations":[{op}]}}'.encode()


@pytest.mark.parametrize(
    "payload", ['{"n": 1e999}', '{"n": "\\ud800"}', '{"\\udfff": 1}'], ids=["1e999", "lone-surrogate", "surrogate-key"]
)
def test_numbers_and_strings_json_cannot_carry_are_refused_with_4xx(client: httpx.Client, payload: str) -> None:
    response = client.post(
        f"{API_PREFIX}/outlets/{OUTLET}/push", content=_push_body(payload), headers={"content-type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_request"


def test_an_overflowing_cursor_is_refused_with_4xx(client: httpx.Client) -> None:
    response = client.get(f"{API_PREFIX}/outlets/{OUTLET}/reference/price_list", params={"after": "9" * 19})
    assert response.status_code == 422, response.text
    fine = client.get(f"{API_PREFIX}/outlets/{OUTLET}/reference/price_list", params={"after": str(2**62 - 1)})
    assert fine.status_code == 200


def test_an_oversized_chunked_body_gets_413(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        piece = b"x" * (1024 * 1024)
        for _ in range(MAX_BODY_BYTES // len(piece) + 2):
            yield piece

    response = client.post(f"{API_PREFIX}/outlets/{OUTLET}/push", content=chunks())
    assert response.status_code == 413, response.text
    assert response.json()["code"] == "body_too_large"


def test_enrolment_attempts_are_rate_limited(server: UpstreamServer) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        answers = [
            http.post(f"{API_PREFIX}/enrol", json={"outlet": "SZ02", "code": "AAAA-BBBB-CCCC-DDDD"}).status_code
            for _ in range(12)
        ]
        assert answers[:5] == [403] * 5, answers
        assert answers[-1] == 429, answers
        limited = http.post(f"{API_PREFIX}/enrol", json={"outlet": "SZ02", "code": "AAAA-BBBB-CCCC-DDDD"})
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0

"""Nothing of a walk-in leaves the outlet; of a send-in only what the courier needs; an erasure leaves no copy.

Tickets of every service type carry distinct marker values in every personal field (name,
phone, e-mail, address, the agreement's signer at intake, the signer of `sign-agreement`,
the pickup's signer, a fault text with a phone number and an e-mail address in it).  They
sync to the real upstream (`python -m app upstream`, its output kept as its log file), and
every row of every table and every file the upstream writes (database, WAL, shared memory,
log, key) is searched for each marker.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import pytest

from app.privacy import actions, requests
from app.storage import privacy_repository
from app.storage.ticket_records import Agreement, NewTicket
from app.sync import service as sync
from app.tickets import moves, pickup
from app.tickets.intake import open_ticket
from app.tickets.warranty_check import shipped_reference
from app.upstream.enrolment import issue_enrol_code
from app.upstream.storage import open_upstream_store
from tests.integration.upstream.upstream_harness import free_port

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]
IN_WARRANTY_IMEI = "860955027785041"


@dataclass(frozen=True)
class Markers:
    """One ticket's personal values, each unique in the whole test."""

    name: str
    phone: str
    email: str
    address: str
    intake_signer: str
    agreement_signer: str
    pickup_signer: str
    fault_phone: str
    fault_email: str

    def all(self) -> dict[str, str]:
        return dict(self.__dict__)


def markers(n: int) -> Markers:
    return Markers(
        name=f"Qiname{n}x",
        phone=f"1391111000{n}",
        email=f"mail{n}x@example.org",
        address=f"Addr{n}x Shennan Road {n}",
        intake_signer=f"Intakesigner{n}x",
        agreement_signer=f"Agreesigner{n}x",
        pickup_signer=f"Pickupsigner{n}x",
        fault_phone=f"1372222000{n}",
        fault_email=f"fault{n}x@example.net",
    )


def new_ticket(service_type: str, m: Markers) -> NewTicket:
    fields: dict[str, object] = dict(
        service_type=service_type,
        customer_name=m.name,
        customer_phone=m.phone,
        device_model="RC-X1",
        imei=IN_WARRANTY_IMEI,
        fault=f"screen flickers; call {m.fault_phone} or write to {m.fault_email}",
        agreement=Agreement("service_agreement", 1, "zh_CN", m.intake_signer, "ab" * 32),
    )
    if service_type != "maintenance":
        fields.update(customer_email=m.email, customer_address=m.address)
    if service_type == "send_in":
        fields.update(courier="SF", tracking_number="SF1234567890")
    if service_type == "return_exchange":
        fields.update(purchase_date=date(2026, 11, 1), purchase_proof="invoice 2026-1101")
    return NewTicket(**fields)  # type: ignore[arg-type]


def open_sign_and_collect(session, service_type: str, m: Markers) -> str:
    number = open_ticket(session, new_ticket(service_type, m)).number
    document = shipped_reference().consents.latest("service_agreement")
    moves.sign_agreement(session, number, document, "zh_CN", m.agreement_signer, b"strokes")
    for status in ("diagnosing", "repairing", "quality_check", "ready_for_pickup"):
        moves.move_ticket(session, number, status, note=f"customer asked to call {m.fault_phone}")
    pickup.collect(session, number, m.phone[-4:], m.pickup_signer, b"strokes")
    return number


class UpstreamProcess:
    """`python -m app upstream` on a SQLite file, its output written to a log file beside it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "upstream.db"
        self.log = folder / "upstream.log"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [sys.executable, "-m", "app", "upstream", "--db", f"sqlite:///{self.db}", "--port", str(self.port)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=log
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/openapi.json", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the upstream did not start: {self.log.read_text()}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def enrol_code(self) -> str:
        store = open_upstream_store(f"sqlite:///{self.db}")
        try:
            return issue_enrol_code(store, "SZ01")
        finally:
            store.close()

    def every_row(self) -> str:
        """Every value of every row of every table, as one text (read while the server runs)."""
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return "\n".join(
                repr(row)
                for table in tables
                for row in conn.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            )
        finally:
            conn.close()

    def files(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in self.folder.iterdir() if p.is_file()}


@pytest.fixture
def upstream_process(tmp_path: Path) -> Iterator[UpstreamProcess]:
    folder = tmp_path / "upstream"
    folder.mkdir()
    server = UpstreamProcess(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def found(server: UpstreamProcess, value: str) -> list[str]:
    """Where `value` is: "rows" and/or the names of the files holding it."""
    places = ["rows"] if value in server.every_row() else []
    return places + [name for name, data in server.files().items() if value.encode() in data]


COURIER_FIELDS = {"name", "phone", "address"}


def test_walk_in_data_never_leaves_and_send_in_only_for_the_courier(manager, upstream_process) -> None:
    by_type = {"maintenance": markers(1), "send_in": markers(2), "return_exchange": markers(3)}
    for service_type, m in by_type.items():
        open_sign_and_collect(manager, service_type, m)
    sync.enroll(manager, upstream_process.url, upstream_process.enrol_code())
    report = sync.sync_once(manager)
    assert report.errors == [] and report.pushed > 0 and report.pending == 0

    everything = upstream_process.every_row()
    assert "RC-X1" in everything and "ticket" in everything, "the tickets reached the upstream"
    leaks = {
        (service_type, field): where
        for service_type, m in by_type.items()
        for field, value in m.all().items()
        if (where := found(upstream_process, value))
    }
    expected = {("send_in", field) for field in COURIER_FIELDS}
    assert set(leaks) == expected, f"found upstream: {leaks}"
    assert "[PHONE]" in everything and "[EMAIL]" in everything, "the fault text went up redacted"


def test_an_erased_send_in_customer_leaves_no_copy_in_any_file_of_the_upstream(manager, upstream_process) -> None:
    m = markers(4)
    number = open_sign_and_collect(manager, "send_in", m)
    sync.enroll(manager, upstream_process.url, upstream_process.enrol_code())
    sync.sync_once(manager)
    assert found(upstream_process, m.name), "before the erasure the courier's copy is upstream"

    customer = privacy_repository.customer_of_ticket(manager.store, number)
    assert customer is not None
    request = requests.new_request(manager, "erasure", customer, "ID card checked")
    actions.erase(manager, request.number)
    report = sync.sync_once(manager)
    assert report.errors == []
    for field, value in m.all().items():
        assert found(upstream_process, value) == [], f"{field} still upstream after the erasure"

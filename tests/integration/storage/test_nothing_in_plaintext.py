"""Nothing in plaintext at rest: no marker value in any file under the data directory."""

from __future__ import annotations

import logging

import pytest

from app.logging_setup import configure_logging, stop_logging
from app.storage.ticket_repository import NewTicket
from app.tickets.intake import open_ticket

MARKERS = {
    "name": "Quintessa Marker",
    "phone": "13907551234",
    "email": "quintessa.marker@example.org",
    "imei": "356938035643809",
    "address": "Markerstrasse 77 Futian",
}


def _files_containing(root, needles: dict[str, str]) -> list[str]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for label, value in needles.items():
            for encoding in ("utf-8", "utf-16-le"):
                if value.encode(encoding) in data:
                    found.append(f"{path.name}: {label} ({encoding})")
    return found


@pytest.fixture(autouse=True)
def _detach_log_file():
    yield
    stop_logging()


def test_no_marker_reaches_database_wal_shm_key_file_or_logs(vault, manager) -> None:
    configure_logging(vault.paths.logs)
    for i in range(20):
        open_ticket(
            manager,
            NewTicket(
                service_type="send_in",
                customer_name=MARKERS["name"],
                customer_phone=MARKERS["phone"],
                device_model="PHN110",
                imei=MARKERS["imei"],
                fault=f"no power {i}",
                customer_email=MARKERS["email"],
                customer_address=MARKERS["address"],
            ),
        )
    # A careless log line with every marker in it: the redaction filter must catch it.
    logging.getLogger("app.test").warning(
        "customer %s phone %s mail %s imei %s", MARKERS["name"], MARKERS["phone"], MARKERS["email"], MARKERS["imei"]
    )
    for handler in logging.getLogger("app").handlers:
        handler.flush()

    wal = vault.paths.database.with_name("counter.db-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the test must look at a live WAL"
    log_text = (vault.paths.logs / "repair-counter.log").read_text("utf-8")
    assert "[PHONE]" in log_text and "[NAME]" in log_text  # the line was written, redacted
    assert _files_containing(vault.paths.root, MARKERS) == []
    manager.lock()
    assert _files_containing(vault.paths.root, MARKERS) == []


def test_the_scan_would_find_a_marker_in_plaintext(tmp_path) -> None:
    (tmp_path / "leak.txt").write_text(f"oops {MARKERS['phone']}")
    assert _files_containing(tmp_path, MARKERS) == ["leak.txt: phone (utf-8)"]

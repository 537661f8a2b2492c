"""Every retention rule at its boundary, with a controlled clock: the day before nothing goes,
the day after it has gone, and what is kept for statistics is still there."""

from __future__ import annotations

import json
from datetime import date, timedelta

from app.core.reference_data import BenefitRegistry, RegisteredDevice
from app.core.retention import DEFAULT_POLICY, RetentionPeriod
from app.privacy.retention_engine import run_retention
from app.storage import message_repository
from tests.integration.privacy.conftest import MARKERS, START, add_diagnostics, queue_a_message

DAY = timedelta(days=1)
#: 12 calendar months after START (23 Nov 2026): 23 Nov 2027, same time of day.
YEAR_LATER = START.replace(year=2027)


def _purge(manager, *, dry_run=False, policy=DEFAULT_POLICY, registry=None):
    return run_retention(manager.store, manager.actor, policy, dry_run=dry_run, registry=registry)


def _customer(manager):
    return manager.store.query_one("SELECT name, phone, email, address FROM customer")


def _ticket(manager, number):
    return manager.store.query_one(
        "SELECT customer_id, fault, imei, serial, status, service_type, device_model, fault_category, anonymised_at"
        " FROM ticket WHERE number = ?",
        (number,),
    )


def test_contact_data_stays_the_day_before_twelve_months_and_is_gone_the_day_after(manager, clock, marked) -> None:
    clock.now = YEAR_LATER - DAY
    assert _purge(manager).counts["contact_data"] == 0
    assert _customer(manager) == (MARKERS["name"], MARKERS["phone"], MARKERS["email"], MARKERS["address"])
    clock.now = YEAR_LATER + DAY
    receipt = _purge(manager)
    assert receipt.counts["contact_data"] == 1
    assert manager.store.query("SELECT name, phone, email, address FROM customer WHERE name <> ''") == []


def test_contact_data_takes_queued_messages_numbers_and_rating_comments_with_it(manager, clock, marked) -> None:
    queue_a_message(manager, marked.number)
    with manager.store.transaction(manager.actor) as work:
        message_repository.record_satisfaction(work, marked.id, "rated", "pickup", 2, f"call {MARKERS['phone']}")
    assert manager.store.query("SELECT phone FROM message_queue") == [(MARKERS["phone"],)]
    clock.now = YEAR_LATER + DAY
    assert _purge(manager).counts["contact_data"] == 1
    assert manager.store.query("SELECT phone, state FROM message_queue") == [(None, "stopped")]
    assert manager.store.query("SELECT rating, comment FROM satisfaction") == [(2, None)]  # kept for statistics


def test_the_rule_bites_at_the_expiry_instant_itself(manager, clock, marked) -> None:
    clock.now = YEAR_LATER - timedelta(milliseconds=1)
    assert _purge(manager, dry_run=True).counts["contact_data"] == 0
    clock.now = YEAR_LATER
    assert _purge(manager, dry_run=True).counts["contact_data"] == 1


def test_service_records_are_anonymised_after_twelve_months_keeping_the_statistics(manager, clock, marked) -> None:
    add_diagnostics(manager, marked.number, MARKERS["name"], with_log=False)
    clock.now = YEAR_LATER - DAY
    _purge(manager)
    assert _ticket(manager, marked.number)[1] == MARKERS["fault"]
    clock.now = YEAR_LATER + DAY
    assert _purge(manager).counts["service_records"] == 1
    customer_id, fault, imei, _serial, status, service_type, model, category, anonymised = _ticket(
        manager, marked.number
    )
    assert (customer_id, fault) == (None, None)
    assert (status, service_type, model, category) == ("received", "send_in", "RC-X1", "other")
    assert anonymised is not None
    assert imei == MARKERS["imei"]  # device identifiers follow their own, longer rule
    consent = manager.store.query_one("SELECT customer_name, signature_png, signature_sha256 FROM diag_consent")
    assert consent[0] == "" and consent[1] is None and len(consent[2]) == 64  # reduced to its digest
    assert manager.store.query("SELECT id FROM customer") == []  # nothing left to keep the row for


def test_a_visit_resets_the_clock(manager, clock, marked) -> None:
    from app.privacy_rules.contact import log_contact

    clock.now = START + timedelta(days=100)
    log_contact(manager, marked_customer_id(manager), "call")
    clock.now = YEAR_LATER + DAY
    assert _purge(manager).counts["contact_data"] == 0
    clock.now = YEAR_LATER + timedelta(days=101)
    assert _purge(manager).counts["contact_data"] == 1


def marked_customer_id(manager) -> str:
    return manager.store.query_one("SELECT id FROM customer")[0]


def test_device_identifiers_stay_ten_years_from_last_contact(manager, clock, marked) -> None:
    add_diagnostics(manager, marked.number, MARKERS["name"], with_log=False)
    ten_years = START.replace(year=2036)
    clock.now = ten_years - DAY
    receipt = _purge(manager)
    assert receipt.counts["device_identifiers"] == 0
    assert _ticket(manager, marked.number)[2] == MARKERS["imei"]
    clock.now = ten_years + DAY
    assert _purge(manager).counts["device_identifiers"] == 1
    assert _ticket(manager, marked.number)[2:4] == (None, None)
    assert manager.store.query("SELECT 1 FROM diag_result WHERE function = 'identity'") == []


def test_device_identifiers_go_at_the_products_end_of_life_when_that_is_sooner(manager, clock, marked) -> None:
    end_of_life = date(2029, 6, 30)
    registry = BenefitRegistry(
        "t", {MARKERS["imei"]: RegisteredDevice(MARKERS["imei"], "RC-X1", None, end_of_life, ())}
    )
    clock.now = START.replace(year=2029, month=6, day=29)
    assert _purge(manager, registry=registry).counts["device_identifiers"] == 0
    clock.now = START.replace(year=2029, month=7, day=1)
    assert _purge(manager, registry=registry).counts["device_identifiers"] == 1
    assert _ticket(manager, marked.number)[2] is None


def test_logs_and_raw_diagnostic_data_go_thirty_days_after_capture(manager, clock, marked) -> None:
    add_diagnostics(manager, marked.number, MARKERS["name"])
    clock.now = START + timedelta(days=29)
    receipt = _purge(manager)
    assert (receipt.counts["diagnostic_logs"], receipt.counts["diagnostic_data"]) == (0, 0)
    clock.now = START + timedelta(days=31)
    receipt = _purge(manager)
    assert (receipt.counts["diagnostic_logs"], receipt.counts["diagnostic_data"]) == (1, 1)
    functions = [r[0] for r in manager.store.query("SELECT function FROM diag_result")]
    assert functions == ["identity"]  # kept with the service record


def test_a_region_override_shortens_a_period(manager, clock, marked) -> None:
    add_diagnostics(manager, marked.number, MARKERS["name"])
    eu = DEFAULT_POLICY.with_periods("EU", {"diagnostic_logs": RetentionPeriod(days=14)})
    clock.now = START + timedelta(days=13)
    assert _purge(manager, policy=eu).counts["diagnostic_logs"] == 0
    clock.now = START + timedelta(days=15)
    assert _purge(manager, policy=eu).counts["diagnostic_logs"] == 1


def test_a_dry_run_changes_nothing_and_a_real_run_leaves_a_receipt_with_counts_only(manager, clock, marked) -> None:
    clock.now = YEAR_LATER + DAY
    dry = _purge(manager, dry_run=True)
    assert dry.counts["contact_data"] == 1 and dry.receipt_id is None
    assert _customer(manager)[0] == MARKERS["name"]
    head_before = manager.store.journal_head()
    real = _purge(manager)
    row = manager.store.query_one("SELECT region, counts FROM purge_receipt WHERE id = ?", (real.receipt_id,))
    assert row[0] == "default" and json.loads(row[1]) == real.counts
    assert manager.store.journal_head().seq == head_before.seq + 1
    payload = manager.store.query_one("SELECT payload FROM outbox WHERE entity = 'purge_receipt'")[0]
    assert not any(value in payload for value in MARKERS.values())


def test_an_older_customer_and_a_recent_one_are_told_apart(manager, clock, marked) -> None:
    from app.tickets.intake import open_ticket
    from tests.integration.privacy.conftest import other_ticket

    clock.now = START + timedelta(days=200)
    open_ticket(manager, other_ticket())
    clock.now = YEAR_LATER + DAY
    assert _purge(manager).counts["contact_data"] == 1
    assert [r[0] for r in manager.store.query("SELECT name FROM customer WHERE name <> ''")] == ["Zhang Wei"]


def test_delivered_outbox_rows_go_thirty_days_after_delivery_and_waiting_ones_are_emptied(
    manager, clock, marked
) -> None:
    from app.tickets.intake import open_ticket
    from tests.integration.privacy.conftest import other_ticket

    manager.store.mark_outbox_sent([op.op_id for op in manager.store.pending_outbox()])  # delivered at START
    clock.now = START + timedelta(days=200)
    waiting = open_ticket(manager, other_ticket())
    clock.now = START + timedelta(days=29)
    assert _purge(manager).counts["outbox_delivered"] == 0
    clock.now = START + timedelta(days=31)
    assert _purge(manager).counts["outbox_delivered"] >= 1
    assert manager.store.query("SELECT 1 FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?", ("2026-12-01",)) == []
    clock.now = (START + timedelta(days=201)).replace(year=2028)  # 12 months and a day after that customer came
    _purge(manager)
    payload = manager.store.query_one(
        "SELECT payload FROM outbox WHERE entity_id = ? AND action = 'create'", (waiting.id,)
    )[0]
    assert payload == "{}"

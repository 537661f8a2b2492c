"""Name search through the key table: Chinese names by pinyin and initials, pattern characters
as plain text, and nothing of an erased customer found by any search."""

from __future__ import annotations

import pytest

from app.accounts import service
from app.core.retention import DEFAULT_POLICY
from app.privacy import actions, requests
from app.privacy.retention_engine import run_retention
from app.tickets.intake import open_ticket
from app.tickets.search import search
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.integration.tickets.conftest import walk_in

CUSTOMERS = {
    "王芳": "13800000001",
    "汪方": "13800000002",
    "李娜": "13800000003",
    "刘芳": "13800000004",
    "Wang Fang": "13800000005",
    "100% Fix": "13800000006",
    "100 Fix": "13800000007",
    "a_b": "13800000008",
    "axb": "13800000009",
    "back\\slash": "13800000010",
    "backslash": "13800000011",
}


def names_found(session, query: str) -> set[str]:
    return {row.customer_name for row in search(session, query)}


@pytest.fixture
def customers(manager, clock):
    for name, phone in CUSTOMERS.items():
        open_ticket(manager, walk_in(customer_name=name, customer_phone=phone))
    return manager


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("wangfang", {"王芳", "汪方", "Wang Fang"}),
        ("wang fang", {"王芳", "汪方", "Wang Fang"}),
        ("WANGF", {"王芳", "汪方", "Wang Fang"}),
        ("wf", {"王芳", "汪方"}),
        ("ln", {"李娜"}),
        ("lina", {"李娜"}),
        ("liuf", {"刘芳"}),
        ("王", {"王芳"}),
        ("fang", {"Wang Fang"}),
    ],
)
def test_pinyin_initials_and_words_find_the_right_customers(customers, query, expected) -> None:
    assert names_found(customers, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("100%", {"100% Fix"}),
        ("100% f", {"100% Fix"}),
        ("a_", {"a_b"}),
        ("back\\", {"back\\slash"}),
        ("%", set()),
        ("_", set()),
    ],
)
def test_percent_underscore_and_backslash_are_literal(customers, query, expected) -> None:
    assert names_found(customers, query) == expected


def test_a_rectified_name_is_found_by_the_new_name_only(customers) -> None:
    customer = customers.store.query_one("SELECT id FROM customer WHERE name = '李娜'")[0]
    request = requests.new_request(customers, "rectification", customer, "ID card seen")
    actions.rectify(customers, request.number, {"name": "赵敏"})
    assert names_found(customers, "lina") == set() and names_found(customers, "ln") == set()
    assert names_found(customers, "zhaomin") == {"赵敏"} and names_found(customers, "zm") == {"赵敏"}


def every_search_of(name: str, phone: str) -> list[str]:
    """Each way the counter could look the customer up (the device's IMEI finds the anonymised ticket,
    never the person: no name, no phone)."""
    imei = walk_in().imei
    return [name, name[:1], "wangfang", "wf", "wang", phone, phone[-4:], "+86" + phone, imei, imei[-6:]]


def assert_found_by_nothing(session, customer_id: str, name: str, phone: str) -> None:
    found = {query: search(session, query) for query in every_search_of(name, phone)}
    assert all(row.customer_name != name for rows in found.values() for row in rows), found
    assert all(row.customer_phone != phone for rows in found.values() for row in rows), found
    # a scan, not a seek: a key row under any stored form of the id (text or 16 bytes) shows
    keys = session.store.query("SELECT key FROM customer_search_key WHERE id_as_text(customer_id) = ?", (customer_id,))
    assert keys == [], "the erased name's keys (pinyin, initials) are gone from the store"


def customer_named(session, name: str) -> str:
    return session.store.query_one("SELECT id FROM customer WHERE name = ?", (name,))[0]


def test_a_customer_erased_at_the_privacy_desk_is_found_by_no_search(customers) -> None:
    name, phone = "王芳", CUSTOMERS["王芳"]
    assert name in names_found(customers, "wf")
    customer = customer_named(customers, name)
    request = requests.new_request(customers, "erasure", customer, "ID card seen")
    actions.erase(customers, request.number)
    assert_found_by_nothing(customers, customer, name, phone)
    assert names_found(customers, "wf") == {"汪方"}, "the other wf customer is still found"


def test_a_customer_purged_by_retention_is_found_by_no_search(manager, clock) -> None:
    name, phone = "王芳", CUSTOMERS["王芳"]
    open_ticket(manager, walk_in(customer_name=name, customer_phone=phone))
    assert names_found(manager, "wangfang") == {name}
    customer = customer_named(manager, name)
    clock.now = clock.now.replace(year=clock.now.year + 11)  # past every retention period
    run_retention(manager.store, manager.actor, DEFAULT_POLICY)
    assert_found_by_nothing(manager, customer, name, phone)
    assert manager.store.query("SELECT count(*) FROM customer_search_key") == [(0,)]


def test_keys_of_customers_from_before_the_key_table_are_filled_once_on_open(vault, manager, clock) -> None:
    open_ticket(manager, walk_in(customer_name="王芳", customer_phone=CUSTOMERS["王芳"]))
    with manager.store.transaction(manager.actor) as work:  # the store as migration 13 finds it
        work.execute("DELETE FROM customer_search_key")
        work.execute("INSERT INTO meta (key, value) VALUES ('name_keys_backfill', 'pending')")
    assert names_found(manager, "wf") == set()
    manager.lock()
    again = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        assert names_found(again, "wf") == {"王芳"}
        assert again.store.meta_value("name_keys_backfill") is None
    finally:
        again.store.close()

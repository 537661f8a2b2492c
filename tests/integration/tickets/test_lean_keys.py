"""The lean name-search keys (issue 13): each key row holds its customer's UUID as 16 bytes and no
index on customer_id is kept.  A store from before finds the same tickets by name; every path that
forgets, changes or deletes a name leaves no key of the old one (the triggers delete by the keys
the old name gives); keys computed under another key scheme are rebuilt when the store opens."""

from __future__ import annotations

import importlib.metadata
import random
import uuid

import pytest

from app.accounts import service
from app.core.name_keys import name_keys
from app.core.retention import DEFAULT_POLICY
from app.privacy import actions, requests
from app.privacy.retention_engine import run_retention
from app.storage import digest_bytes, migrations, name_search, privacy_retention
from app.storage.schema_lean_keys import LEAN_KEYS_SCHEMA
from app.tickets.intake import open_ticket
from app.tickets.search import search
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD, OUTLET
from tests.integration.tickets.conftest import walk_in

NAMES = ["王芳", "汪方", "Wang Fang", "李娜", "曾国藩", "Bob Smith Jr", "100% Fix"]
QUERIES = [
    "wangfang",
    "wang fang",
    "wf",
    "王",
    "fang",
    "lina",
    "ln",
    "zengguofan",
    "cengguofan",
    "zgf",
    "smith",
    "100%",
]


def phone_of(index: int) -> str:
    return f"1380000{index:04d}"


def open_tickets_for(session, names: list[str]) -> None:  # noqa: ANN001 - a signed-in session
    for index, name in enumerate(names):
        open_ticket(session, walk_in(customer_name=name, customer_phone=phone_of(index)))


def numbers_found(session) -> dict[str, set[str]]:  # noqa: ANN001
    return {query: {row.number for row in search(session, query)} for query in QUERIES}


def key_rows(session) -> set[tuple[str, str]]:  # noqa: ANN001
    """Every (key, customer id as text) in the key table: a scan, so a key stored under any form of id shows."""
    return set(session.store.query("SELECT key, id_as_text(customer_id) FROM customer_search_key"))


def keys_the_names_give(session) -> set[tuple[str, str]]:  # noqa: ANN001
    customers = session.store.query("SELECT id, name FROM customer")
    return {(key, customer_id) for customer_id, name in customers for key in name_keys(name)}


def assert_keys_are_exactly_the_names(session) -> None:  # noqa: ANN001
    """No key without the name it came from, no name without its keys."""
    assert key_rows(session) == keys_the_names_give(session)


def customer_named(session, name: str) -> str:  # noqa: ANN001
    return session.store.query_one("SELECT id FROM customer WHERE name = ?", (name,))[0]


def _old_id(customer_id):  # noqa: ANN001, ANN202 - how the code before the migration stored the id
    return customer_id


@pytest.fixture
def store_from_before(vault, monkeypatch):
    """A store at the migration before this one, its keys written as that code wrote them: customer ids
    as text, an index on customer_id, triggers deleting by customer id.  Today's id encoder is switched
    to pass text through (the same SQL writes the same columns); its searches are recorded."""
    full = migrations.MIGRATIONS
    before = full.index(LEAN_KEYS_SCHEMA)
    monkeypatch.setattr(migrations, "MIGRATIONS", full[:before])
    monkeypatch.setattr(migrations, "LATEST_VERSION", before)
    with monkeypatch.context() as old_code:
        old_code.setattr(name_search, "stored_id", _old_id)
        session = service.initialise_store(vault, OUTLET, ADMIN, "Li Na", ADMIN_PASSWORD).session
        open_tickets_for(session, NAMES)
        with session.store.transaction(session.actor) as work:  # that code kept no scheme
            work.execute("DELETE FROM meta WHERE key = ?", (name_search.SCHEME_META,))
        found = numbers_found(session)
        assert session.store.query("SELECT DISTINCT typeof(customer_id) FROM customer_search_key") == [("text",)]
        session.lock()
    monkeypatch.setattr(migrations, "MIGRATIONS", full)
    monkeypatch.setattr(migrations, "LATEST_VERSION", len(full))
    return found


def test_a_migrated_store_finds_the_same_tickets_by_name(vault, store_from_before) -> None:
    assert all(store_from_before[query] for query in QUERIES if query != "cengguofan"), store_from_before
    session = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        assert numbers_found(session) == store_from_before
        types = session.store.query(
            "SELECT DISTINCT typeof(customer_id) || length(customer_id) FROM customer_search_key"
        )
        assert types == [("blob16",)]
        indexes = session.store.query(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_search_key'"
        )
        assert indexes == [], "no index beside the key table's own primary key"
        assert session.store.meta_value(name_search.SCHEME_META) == name_search.KEY_SCHEME
        assert session.store.meta_value(name_search.BACKFILL_MARKER) is None
        assert_keys_are_exactly_the_names(session)
    finally:
        session.lock()


@pytest.fixture
def customers(manager, clock):  # noqa: ARG001 - the clock keeps the tickets' moments fixed
    open_tickets_for(manager, NAMES)
    assert_keys_are_exactly_the_names(manager)
    return manager


def test_a_rectified_name_leaves_no_key_of_the_old_one(customers) -> None:
    customer = customer_named(customers, "曾国藩")
    request = requests.new_request(customers, "rectification", customer, "ID card seen")
    actions.rectify(customers, request.number, {"name": "赵敏"})
    assert not {key for key, owner in key_rows(customers) if owner == customer} & set(name_keys("曾国藩"))
    assert_keys_are_exactly_the_names(customers)
    assert {row.customer_name for row in search(customers, "zm")} == {"赵敏"}


def test_an_erased_name_leaves_no_key_and_a_namesake_keeps_its_own(customers) -> None:
    customer = customer_named(customers, "王芳")
    request = requests.new_request(customers, "erasure", customer, "ID card seen")
    actions.erase(customers, request.number)
    assert [key for key, owner in key_rows(customers) if owner == customer] == []
    assert_keys_are_exactly_the_names(customers)
    assert {row.customer_name for row in search(customers, "wf")} == {"汪方"}, "the other wf keeps its key"


def test_contact_data_deleted_by_retention_leaves_no_key(customers) -> None:
    gone = [customer_named(customers, name) for name in ("汪方", "Wang Fang")]
    with customers.store.transaction(customers.actor) as work:
        privacy_retention.delete_contact_data(work, gone)
    assert not [owner for _, owner in key_rows(customers) if owner in gone]
    assert_keys_are_exactly_the_names(customers)


def test_customers_purged_by_retention_leave_no_key_and_a_newer_one_keeps_its_own(customers, clock) -> None:
    purged = {customer_named(customers, name) for name in NAMES}
    clock.now = clock.now.replace(year=clock.now.year + 11)  # past every retention period
    open_ticket(customers, walk_in(customer_name="王小明", customer_phone=phone_of(99)))
    run_retention(customers.store, customers.actor, DEFAULT_POLICY)
    assert customers.store.query("SELECT name FROM customer") == [("王小明",)]
    assert not [owner for _, owner in key_rows(customers) if owner in purged]
    assert_keys_are_exactly_the_names(customers)


def test_an_id_that_is_not_a_uuid_is_kept_as_text_found_and_deleted(customers) -> None:
    with customers.store.transaction(customers.actor) as work:
        work.execute(
            "INSERT INTO customer (id, name, created_at, last_contact_at) VALUES ('legacy-7', 'Wang Fang', ?, ?)",
            (work.at, work.at),
        )
        name_search.add_keys(work, "legacy-7", "Wang Fang")
    args = name_search.candidate_args("wang")
    assert "legacy-7" in {row[0] for row in customers.store.query(name_search.CANDIDATES_SQL, args)}
    assert_keys_are_exactly_the_names(customers)
    with customers.store.transaction(customers.actor) as work:
        work.execute("UPDATE customer SET name = '' WHERE id = 'legacy-7'")
    assert_keys_are_exactly_the_names(customers)


def test_keys_of_another_key_scheme_are_rebuilt_when_the_store_opens(vault, customers) -> None:
    """As after a pypinyin update: a key the old reading gave would outlive its name, since the
    triggers delete only the keys the name gives now."""
    customer = customer_named(customers, "曾国藩")
    with customers.store.transaction(customers.actor) as work:
        work.execute("INSERT INTO customer_search_key VALUES ('cengguofan-old', id_as_bytes(?))", (customer,))
        work.execute("UPDATE meta SET value = 'rules 0' WHERE key = ?", (name_search.SCHEME_META,))
    customers.lock()
    again = service.sign_in(vault, ADMIN, ADMIN_PASSWORD)
    try:
        assert again.store.meta_value(name_search.SCHEME_META) == name_search.KEY_SCHEME
        assert_keys_are_exactly_the_names(again)
        assert name_search.backfill(again.store.connection) == 0, "the same scheme: nothing rebuilt"
        request = requests.new_request(again, "erasure", customer, "ID card seen")
        actions.erase(again, request.number)
        assert not [owner for _, owner in key_rows(again) if owner == customer]
    finally:
        again.store.close()


def test_the_key_scheme_names_the_pypinyin_installed() -> None:
    assert importlib.metadata.version("pypinyin") == name_search.PYPINYIN_VERSION, (
        "a pypinyin update may read names otherwise: set PYPINYIN_VERSION (the stored keys are rebuilt)"
    )


#: The keys under NAME_KEYS_RULES = 1.  A change here changes what the triggers delete: bump
#: name_search.NAME_KEYS_RULES with it, so every store rebuilds its keys once.
PINNED_KEYS = {
    "Wang Fang": ["wang fang", "wangfang", "fang"],
    "王芳": ["王芳", "wangfang", "wf"],
    "曾国藩": ["曾国藩", "cengguofan", "cgf", "zengguofan", "zgf"],
    "Ｂｏｂ  SMITH jr": ["bob smith jr", "bobsmithjr", "smith", "jr"],
    "单田芳 Li": ["单田芳 li", "单田芳li", "li", "dantianfangli", "dtfl", "shantianfangli", "stfl"],
    "": [],
}


def test_the_keys_of_sample_names_are_pinned_under_the_rules_number() -> None:
    assert name_search.NAME_KEYS_RULES == 1
    assert {name: name_keys(name) for name in PINNED_KEYS} == PINNED_KEYS


def test_the_search_spells_a_key_row_id_as_the_store_shows_it() -> None:
    rng = random.Random(13)
    ids = [uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(200)] + [uuid.UUID(int=0)]
    for stored in [*(i.bytes for i in ids), bytes(range(16)), b"\xff" * 16]:
        assert digest_bytes.shown_id(stored) == str(uuid.UUID(bytes=stored))  # spelled without a UUID
    for other in (b"short", "legacy-7", None):
        assert digest_bytes.shown_id(other) == other
    assert name_search.KEY_FUNCTIONS["id_as_text"] is digest_bytes.shown_id
    assert [digest_bytes.shown_id(digest_bytes.stored_id(str(i))) for i in ids] == [str(i) for i in ids]

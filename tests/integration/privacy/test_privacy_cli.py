"""The privacy commands for real: `request new|list|close|do`, `export`, `purge`, through `app.cli.main`."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

import app.cli
from app.logging_setup import stop_logging
from app.privacy.export import open_export
from app.tickets.intake import open_ticket
from tests.fixtures_store import ADMIN, ADMIN_PASSWORD
from tests.integration.privacy.conftest import MARKERS, marker_ticket

pytestmark = pytest.mark.integration


@pytest.fixture
def cli(vault, manager, monkeypatch, capsys):
    """Run a command against the fixture's data directory; (exit code, stdout, stderr)."""
    ticket = open_ticket(manager, marker_ticket())
    manager.lock()
    monkeypatch.setenv("REPAIR_COUNTER_USER", ADMIN)
    monkeypatch.setenv("REPAIR_COUNTER_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("REPAIR_COUNTER_DATA_DIR", str(vault.paths.root))

    def run(*args: str) -> tuple[int, str, str]:
        code = app.cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    run.ticket = ticket  # type: ignore[attr-defined]
    yield run
    stop_logging()


def test_request_new_list_close(cli) -> None:
    code, out, err = cli(
        "request",
        "new",
        "--kind",
        "access",
        "--ticket",
        cli.ticket.number.lower(),
        "--identity-check",
        "ID card seen",
        "--json",
    )
    assert code == 0, err
    created = json.loads(out)
    assert created["status"] == "open" and created["overdue"] is False
    code, out, _ = cli("request", "list", "--json")
    assert [r["number"] for r in json.loads(out)] == [created["number"]]
    assert cli("request", "close", created["number"], "--status", "done", "--outcome", "handed over")[0] == 0
    code, _, err = cli("request", "close", created["number"], "--status", "done", "--outcome", "again")
    assert code == 92 and "already closed" in err


def test_export_with_a_key_shown_once_opens(cli, tmp_path) -> None:
    _, out, _ = cli(
        "request", "new", "--kind", "access", "--ticket", cli.ticket.number, "--identity-check", "ID", "--json"
    )
    customer = json.loads(out)["customer_id"]
    code, out, err = cli(
        "export", "--customer", customer, "--out", str(tmp_path / "x.rcx"), "--pdf", str(tmp_path / "x.pdf")
    )
    assert code == 0, err
    key = out.splitlines()[2].strip()
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    pdf = PdfReader(tmp_path / "x.pdf")
    assert pdf.is_encrypted and pdf.decrypt(key) != 0, "the printable answer opens with the key shown once"
    document = open_export((tmp_path / "x.rcx").read_bytes(), key=key)
    assert document["customer"]["name"] == MARKERS["name"]


def test_erasure_through_request_do_and_a_dry_purge(cli) -> None:
    _, out, _ = cli(
        "request", "new", "--kind", "erasure", "--ticket", cli.ticket.number, "--identity-check", "ID", "--json"
    )
    number = json.loads(out)["number"]
    code, out, err = cli("request", "do", number)
    assert code == 0, err
    assert json.loads(out[: out.rindex("}") + 1])["tickets_anonymised"] == 1
    code, out, err = cli("purge", "--dry-run", "--json")
    assert code == 0, err
    receipt = json.loads(out)
    assert receipt["dry_run"] is True and receipt["region"] == "CN" and receipt["receipt"] is None
    code, out, _ = cli("purge", "--json")
    assert json.loads(out)["receipt"]


def test_an_unknown_customer_has_its_own_exit_code(cli, tmp_path) -> None:
    code, _, err = cli("export", "--customer", "nobody", "--out", str(tmp_path / "n.rcx"))
    assert code == 90 and "No customer" in err

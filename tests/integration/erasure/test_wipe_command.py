"""`repair-counter wipe` and `wipe-certificate show|verify` in real processes, against a real adb server."""

from __future__ import annotations

import base64
import json
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.integration.diagnostics.test_diagnose_command import diagnose as repair_counter
from tests.integration.erasure.conftest import IMEI, profile

pytestmark = pytest.mark.integration


def wipe(server, data_dir, ticket: str, *more: str):  # type: ignore[no-untyped-def]
    """`repair-counter wipe` for the ticket, the customer Zhao Lei deciding."""
    return repair_counter(server, data_dir, "wipe", "--ticket", ticket, "--consent-signed-by", "Zhao Lei", *more)


def test_wipe_writes_a_certificate_that_verifies_offline_and_refuses_an_altered_copy(  # type: ignore[no-untyped-def]
    phones, diag_adb_server, manager, vault, ticket_for, tmp_path, monkeypatch
) -> None:
    ticket = ticket_for(IMEI["coloros-oneplus8-tool"])
    manager.lock()
    handset = phones.start(profile("coloros-oneplus8-tool"))
    out = tmp_path / "certificate.json"
    data_dir = vault.paths.root
    wiped = wipe(
        diag_adb_server,
        data_dir,
        ticket,
        "--device",
        handset.address,
        "--out",
        str(out),
        "--language",
        "en",
    )
    assert wiped.returncode == 0, wiped.stderr
    assert handset.state.wiped and json.loads(out.read_text("utf-8"))["certificate"]["ticket"] == ticket

    verified = repair_counter(diag_adb_server, data_dir, "wipe-certificate", "verify", str(out))
    assert verified.returncode == 0, verified.stderr
    assert f"for ticket {ticket}: valid" in verified.stdout and "countersignature: absent" in verified.stdout
    assert "the key in the file" in verified.stdout  # intact, but who signed is proven only with a pinned key
    published = repair_counter(diag_adb_server, data_dir, "wipe-certificate", "key")
    assert published.returncode == 0, published.stderr
    outlet_key = published.stdout.split("public key (base64): ")[1].split()[0]
    check = (diag_adb_server, data_dir, "wipe-certificate", "verify", str(out), "--outlet-key")
    pinned = repair_counter(*check, outlet_key)
    assert pinned.returncode == 0 and "(the key given)" in pinned.stdout, pinned.stderr
    other_key = base64.b64encode(bytes(32)).decode()  # another outlet's key: the same file is refused
    foreign = repair_counter(*check, other_key)
    assert foreign.returncode == 117 and "code: certificate_wrong_outlet" in foreign.stderr

    shown = repair_counter(diag_adb_server, data_dir, "wipe-certificate", "show", "--ticket", ticket)
    assert shown.returncode == 0 and json.loads(shown.stdout) == json.loads(out.read_text("utf-8"))
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # the counter PC's zone: the paper shows its local time
    _the_pdf_reads_back(diag_adb_server, data_dir, ticket, json.loads(out.read_text("utf-8")), tmp_path)

    altered = json.loads(out.read_text("utf-8"))
    altered["certificate"]["imei_masked"] = "*********000000"
    forged = tmp_path / "altered.json"
    forged.write_text(json.dumps(altered), "utf-8")
    refused = repair_counter(diag_adb_server, data_dir, "wipe-certificate", "verify", str(forged))
    assert refused.returncode == 117
    assert "code: certificate_signature_invalid" in refused.stderr and "altered or forged" in refused.stderr


def _the_pdf_reads_back(server, data_dir, ticket: str, document, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The printed certificate, read back: its words in both languages, and its QR code carrying the signature."""
    body = document["certificate"]
    for language, words in (("en", "Certificate of Erasure"), ("zh_CN", "数据清除证明")):
        pdf = tmp_path / f"certificate-{language}.pdf"
        made = repair_counter(
            server, data_dir, "wipe-certificate", "show", "--ticket", ticket, "--pdf", str(pdf), "--language", language
        )
        assert made.returncode == 0, made.stderr
        text = _tool("pdftotext", str(pdf), "-")
        assert words in text and ticket in text and body["imei_masked"] in text and body["id"] in text
        assert "NIST SP 800-88" in text and "868915051234565" not in text and "Zhao" not in text
        issued = datetime.fromisoformat(body["issued_at"]).astimezone(ZoneInfo("Asia/Shanghai"))
        assert f"{issued:%Y-%m-%d %H:%M} (UTC+08:00)" in text and body["issued_at"] not in text  # not UTC ISO
        _tool("pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / f"page-{language}"))
        (png,) = tmp_path.glob(f"page-{language}*.png")
        codes = dict(line.split(":", 1) for line in _tool("zbarimg", "-q", str(png)).splitlines())
        assert codes["CODE-128"] == ticket
        assert codes["QR-Code"] == f"RCW1/{body['id']}/{document['outlet_signature']['signature']}"


def _tool(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True, timeout=60).stdout


def test_a_refusal_is_recorded_and_a_failure_exits_with_its_code(  # type: ignore[no-untyped-def]
    phones, diag_adb_server, manager, vault, ticket_for, tmp_path, monkeypatch
) -> None:
    ticket = ticket_for(IMEI["coloros-oneplus8-tool"])
    manager.lock()
    data_dir = vault.paths.root
    refused = wipe(diag_adb_server, data_dir, ticket, "--refused")
    assert refused.returncode == 0 and "refused data forgetting" in refused.stdout
    slip = tmp_path / "slip.pdf"
    printed = repair_counter(diag_adb_server, data_dir, "slip", ticket, "--pdf", str(slip), "--lang", "en")
    assert printed.returncode == 0, printed.stderr
    assert "Data forgetting declined: the phone was not erased." in _tool("pdftotext", str(slip), "-")
    handset = phones.start(profile("coloros-oneplus8-tool", crypto_state="unencrypted"))
    failed = wipe(diag_adb_server, data_dir, ticket, "--device", handset.address)
    assert failed.returncode == 112, failed.stderr
    assert "code: phone_not_encrypted" in failed.stderr and "not encrypted" in failed.stderr
    assert failed.stdout == "" and not handset.state.wiped
    shown = repair_counter(diag_adb_server, data_dir, "wipe-certificate", "show", "--ticket", ticket)
    assert shown.stdout.strip() == f"ticket {ticket}: no certificate of erasure"

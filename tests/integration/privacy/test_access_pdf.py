"""The printable access answer: an encrypted PDF (AES-256) whose text, once opened with the
password, shows the customer's data in both languages (pdftotext)."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader

from app.privacy.export import customer_document
from app.slip.render_access import write_access_pdf
from tests.integration.privacy.conftest import MARKERS, add_diagnostics

PASSWORD = "customer picked this"


def test_the_pdf_is_encrypted_and_shows_the_customers_data(manager, clock, marked, tmp_path, qapp) -> None:
    add_diagnostics(manager, marked.number, MARKERS["name"])
    customer = manager.store.query_one("SELECT id FROM customer")[0]
    path = tmp_path / "access.pdf"
    pages = write_access_pdf(customer_document(manager, customer), path, password=PASSWORD)
    assert pages >= 1
    reader = PdfReader(path)
    assert reader.is_encrypted and reader.decrypt("wrong password") == 0
    locked = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert locked.returncode != 0 and MARKERS["name"] not in locked.stdout, "no text without the password"
    for value in (MARKERS["name"], MARKERS["phone"], MARKERS["email"]):
        assert value.encode() not in path.read_bytes()
    text = subprocess.run(
        ["pdftotext", "-upw", PASSWORD, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for value in (MARKERS["name"], MARKERS["phone"], MARKERS["email"], MARKERS["imei"], marked.number):
        assert value in text
    assert "个人信息查阅" in text and "Your personal data" in text
    assert "device_info" in text  # the consented categories

"""The printable access answer: a real PDF whose text (pdftotext) shows the customer's data in both languages."""

from __future__ import annotations

import subprocess

from app.privacy.export import customer_document
from app.slip.render_access import write_access_pdf
from tests.integration.privacy.conftest import MARKERS, add_diagnostics


def test_the_pdf_shows_the_customers_data(manager, clock, marked, tmp_path, qapp) -> None:
    add_diagnostics(manager, marked.number, MARKERS["name"])
    customer = manager.store.query_one("SELECT id FROM customer")[0]
    pages = write_access_pdf(customer_document(manager, customer), tmp_path / "access.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "access.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert pages >= 1
    for value in (MARKERS["name"], MARKERS["phone"], MARKERS["email"], MARKERS["imei"], marked.number):
        assert value in text
    assert "个人信息查阅" in text and "Your personal data" in text
    assert "device_info" in text  # the consented categories

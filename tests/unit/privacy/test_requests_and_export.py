"""Pure parts of the desk: due dates at month ends, overdue and late, the shown key's spelling, and the
sealed envelope opening only with its password."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.privacy.export import key_from_spelling, new_shown_key, open_export, seal
from app.privacy.requests import due_dates
from app.privacy_rules.errors import ExportUnreadable
from app.storage.privacy_records import PrivacyRequest
from app.storage.sealing import Argon2Params

CHEAP = Argon2Params(time_cost=1, memory_kib=8192, parallelism=1)


def test_one_month_from_the_31st_of_january_is_the_end_of_february() -> None:
    aimed, latest = due_dates(datetime(2027, 1, 31, 9, 0, tzinfo=UTC))
    assert aimed == datetime(2027, 2, 7, 9, 0, tzinfo=UTC)
    assert latest == datetime(2027, 2, 28, 9, 0, tzinfo=UTC)


def _request(status: str = "open") -> PrivacyRequest:
    return PrivacyRequest(
        "id",
        "PR-20270101-0001",
        "access",
        "c",
        "2027-01-01T00:00:00.000+00:00",
        "2027-01-08T00:00:00.000+00:00",
        "2027-02-01T00:00:00.000+00:00",
        status,
        "ID",
        "E1",
    )


def test_overdue_after_seven_days_late_after_a_month_and_never_once_closed() -> None:
    request = _request()
    assert not request.is_overdue("2027-01-08T00:00:00.000+00:00")
    assert request.is_overdue("2027-01-08T00:00:00.001+00:00") and not request.is_late("2027-01-31T00:00:00.000+00:00")
    assert request.is_late("2027-02-01T00:00:00.001+00:00")
    assert not _request("done").is_overdue("2027-03-01T00:00:00.000+00:00")


def test_the_shown_key_reads_back_however_it_is_typed() -> None:
    key, spelled = new_shown_key()
    assert len(spelled) == 52 + 12 and key_from_spelling(spelled.lower().replace("-", " ")) == key
    with pytest.raises(ExportUnreadable):
        key_from_spelling(spelled[:-4])


def test_a_tampered_envelope_does_not_open() -> None:
    document = {"format": "repair-counter.customer-export"}
    data, shown = seal(document, password="long enough password", kdf=CHEAP)
    assert shown is None
    tampered = data.replace(b'"ciphertext": "', b'"ciphertext": "AAAA')
    with pytest.raises(ExportUnreadable, match="does not open"):
        open_export(tampered, password="long enough password")
    with pytest.raises(ExportUnreadable, match="does not follow the export schema"):
        open_export(data, password="long enough password")  # opens, but this document is not an export
    with pytest.raises(ExportUnreadable, match="not a Repair Counter export"):
        open_export(b"not json at all", password="x")

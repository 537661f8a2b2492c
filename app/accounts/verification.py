"""`repair-counter verify`: is the store whole, is the journal intact, is it not an older copy?"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from app.accounts.session import Session
from app.core.roles import Permission
from app.storage.errors import JournalBroken
from app.storage.journal import JournalEntry
from app.sync.service import receipt_check

RECEIPT_PROBLEMS = {
    "signature_invalid": "the receipt's signature is not the upstream's",
    "journal_behind_receipt": "the journal ends before an entry the upstream confirmed: the database is an older copy",
    "journal_differs_from_receipt": "the journal differs from what the upstream confirmed: it was rewritten",
}
from app.storage.store import integrity_problems, verify_journal


@dataclass
class VerifyReport:
    ok: bool = True
    journal_entries: int = 0
    journal_head: str = ""
    damaged_pages: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def fail(self, problem: str) -> None:
        self.ok = False
        self.problems.append(problem)


def verify_store(session: Session) -> VerifyReport:
    """Run every check; on success record the head as the new anchor."""
    session.require(Permission.VERIFY_STORE)
    report = VerifyReport()
    structural, pages = integrity_problems(session.store)
    report.damaged_pages = list(pages)
    for problem in structural[:20]:
        report.fail(f"database structure: {problem}")
    if pages:
        listed = ", ".join(map(str, pages[:20]))
        report.fail(f"the database is damaged: page {listed} fails the encryption integrity check")
    chain = verify_journal(session.store)
    report.journal_entries, report.journal_head = chain.entries, chain.head.hash
    if not chain.ok:
        report.fail(f"audit journal: {chain.problem}")
    try:
        session.vault.check_anchor(session.store)
    except JournalBroken as exc:
        report.fail(f"anchor: {exc.message}")
    for problem in receipt_check(session):
        report.fail(
            f"upstream receipt for journal entry {problem.seq}: {RECEIPT_PROBLEMS.get(problem.reason, problem.reason)}"
        )
    if report.ok:
        session.vault.save_anchor(session.store)
    return report


def read_journal(session: Session, *, after: int = 0, limit: int = 200) -> list[JournalEntry]:
    """Journal entries for the journal viewer (managers and auditors only)."""
    session.require(Permission.READ_JOURNAL)
    return session.store.journal_entries(after=after, limit=limit)

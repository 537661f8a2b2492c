"""The audit journal: an append-only hash chain over digests of every business write.

An entry says who did what to which record, and when; the change itself
appears only as a keyed digest, so the journal carries no personal data.
Triggers refuse UPDATE and DELETE; the chain catches anything done around them
(an edited file, a deleted or reordered row), and the anchor kept in the key
file catches a database replaced by an older copy of itself.

The store keeps no entry's previous hash (issue 13): it is the hash of the entry
before it, which is read from there (GENESIS before entry 1).  Each hash still covers
the one before it, so an entry edited, moved or put in another's place no longer
matches its hash, and the entries after it no longer match theirs.  `at` is kept in
its stored form (stored_time.py) and read back as the exact text the hash covers.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from app.storage.digest_bytes import shown, shown_id, stored, stored_id
from app.storage.stored_time import shown_time, stored_time

GENESIS = "0" * 64


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    at: str
    actor: str
    entity: str
    entity_id: str
    action: str
    change_digest: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class JournalHead:
    seq: int
    hash: str


def canonical_json(change: dict[str, Any]) -> str:
    """The change as the digest covers it (sorted keys); the outbox sends the same text."""
    return json.dumps(change, sort_keys=True, default=str, ensure_ascii=False)


def digest_of(salt: bytes, canonical: str) -> str:
    """Keyed, so a low-entropy value (a phone number) cannot be found by guessing its digest."""
    return hmac.new(salt, canonical.encode(), hashlib.sha256).hexdigest()


def change_digest(salt: bytes, change: dict[str, Any]) -> str:
    return digest_of(salt, canonical_json(change))


def entry_hash(
    prev_hash: str, seq: int, at: str, actor: str, entity: str, entity_id: str, action: str, digest: str
) -> str:
    material = "|".join((prev_hash, str(seq), at, actor, entity, entity_id, action, digest))
    return hashlib.sha256(material.encode()).hexdigest()


def head(conn: Any) -> JournalHead:
    row = conn.execute("SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1").fetchone()
    return JournalHead(row[0], shown(row[1])) if row else JournalHead(0, GENESIS)


def append(conn: Any, *, at: str, actor: str, entity: str, entity_id: str, action: str, digest: str) -> JournalHead:
    """Append one entry inside the caller's transaction."""
    previous = head(conn)
    seq = previous.seq + 1
    new_hash = entry_hash(previous.hash, seq, at, actor, entity, entity_id, action, digest)
    conn.execute(
        "INSERT INTO audit_journal (seq, at, actor, entity, entity_id, action, change_digest, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, stored_time(at), actor, entity, stored_id(entity_id), action, stored(digest), stored(new_hash)),
    )
    return JournalHead(seq, new_hash)


def entries(conn: Any, *, after: int = 0, limit: int = 1000) -> list[JournalEntry]:
    """Entries after `after`, each with the hash of the entry before it in the journal as its `prev_hash`."""
    rows = conn.execute(
        "SELECT seq, at, actor, entity, entity_id, action, change_digest, hash"
        " FROM audit_journal WHERE seq > ? ORDER BY seq LIMIT ?",
        (after, limit),
    ).fetchall()
    prev_hash = _hash_up_to(conn, after)
    found = []
    for row in rows:
        entry = _entry(prev_hash, *row)
        found.append(entry)
        prev_hash = entry.hash
    return found


def _hash_up_to(conn: Any, seq: int) -> str:
    """The hash of the last entry numbered `seq` or below (GENESIS when there is none)."""
    row = conn.execute("SELECT hash FROM audit_journal WHERE seq <= ? ORDER BY seq DESC LIMIT 1", (seq,)).fetchone()
    return str(shown(row[0])) if row else GENESIS


def _entry(
    prev_hash: str, seq: int, at: Any, actor: str, entity: str, entity_id: Any, action: str, *digests: Any
) -> JournalEntry:
    """An entry as stored (ids and digests as bytes, digest_bytes.py; `at` as stored_time.py keeps it)
    in the text the chain hashes."""
    change_digest, hash_ = map(shown, digests)
    return JournalEntry(
        seq, shown_time(at), actor, entity, shown_id(entity_id), action, change_digest, prev_hash, hash_
    )


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    head: JournalHead
    problem: str = ""
    bad_seq: int | None = None


def verify_chain(conn: Any, batch: int = 5000) -> ChainReport:
    """Walk the whole chain: numbering without gaps, each link, each hash."""
    expected_prev, expected_seq, count = GENESIS, 1, 0
    last = JournalHead(0, GENESIS)
    while True:
        chunk = entries(conn, after=last.seq, limit=batch)
        if not chunk:
            return ChainReport(True, count, last)
        for entry in chunk:
            problem = _entry_problem(entry, expected_seq, expected_prev)
            if problem:
                return ChainReport(False, count, last, problem, entry.seq)
            expected_prev, expected_seq, count = entry.hash, entry.seq + 1, count + 1
            last = JournalHead(entry.seq, entry.hash)


def chain_problem_after(conn: Any, seq: int, head_hash: str, batch: int = 5000) -> str:
    """Whether the entries after `seq` continue, link by link, from the entry hashed `head_hash`.

    What a session checks before it moves the anchor forward: the new head must
    descend from the anchored one, not merely exist.  Returns "" when they do.
    """
    expected_prev, expected_seq = head_hash, seq + 1
    while True:
        chunk = entries(conn, after=expected_seq - 1, limit=batch)
        if not chunk:
            return ""
        for entry in chunk:
            problem = _entry_problem(entry, expected_seq, expected_prev)
            if problem:
                return problem
            expected_prev, expected_seq = entry.hash, entry.seq + 1


def _entry_problem(entry: JournalEntry, expected_seq: int, expected_prev: str) -> str:
    if entry.seq != expected_seq:
        return f"entry {expected_seq} is missing (next is {entry.seq})"
    if entry.prev_hash != expected_prev:
        return f"entry {entry.seq} does not follow entry {entry.seq - 1} (reordered or replaced)"
    recomputed = entry_hash(
        entry.prev_hash,
        entry.seq,
        entry.at,
        entry.actor,
        entry.entity,
        entry.entity_id,
        entry.action,
        entry.change_digest,
    )
    if recomputed != entry.hash:
        # Its hash covers its own fields and the hash before it: either was changed.
        return f"entry {entry.seq} was edited, or does not follow entry {entry.seq - 1} (reordered or replaced)"
    return ""


def hash_at(conn: Any, seq: int) -> str | None:
    row = conn.execute("SELECT hash FROM audit_journal WHERE seq = ?", (seq,)).fetchone()
    return shown(row[0]) if row else None

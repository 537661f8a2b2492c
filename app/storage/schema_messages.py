"""Schema migration for messages after the repair, ratings and follow-ups (issue 17).

Appended to `migrations.MIGRATIONS` after the migrations before it (append-only).

* `message_consent`: per ticket, whether the customer agreed at intake to be told about
  this repair by short message, in which language, and where the care guide goes
  (`slip`, `message`, `none`); `withdrawn_at` stops every message not yet sent;
* `message_queue`: one row per (ticket, event).  It holds no text (rendered at send
  time from the template and the ticket) and the phone number only until the message
  is sent, failed or stopped.  `state`: queued -> sending -> sent, or uncertain (a part
  was handed to the modem and no answer came: never resent without a person deciding),
  failed (given up), stopped (consent withdrawn).  `parts_sent`/`refs` say which parts
  the modem accepted, with its message references, so a resumed message never sends a
  part twice; `part_in_flight` is the part between Ctrl-Z and the modem's answer;
* `message_attempt`: each try, with counts and the outcome, never the text or number;
* `message_template`: a manager's wording of an event's template (overrides the shipped one);
* `satisfaction`: one row per ticket: a 1-5 `rating` and optional `comment` taken at
  pickup, or the result of the follow-up call (`outcome`: rated, declined, no_answer).
  The reports read ratings from `satisfaction.rating` joined on `ticket_id`.
"""

from __future__ import annotations

MESSAGES_SCHEMA: list[str] = [
    """CREATE TABLE message_consent (
        ticket_id TEXT PRIMARY KEY REFERENCES ticket (id),
        language TEXT NOT NULL CHECK (language IN ('zh_CN', 'en')),
        care_guide TEXT NOT NULL DEFAULT 'slip' CHECK (care_guide IN ('slip', 'message', 'none')),
        given_at TEXT NOT NULL, given_by TEXT NOT NULL, withdrawn_at TEXT)""",
    """CREATE TABLE message_queue (
        id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES ticket (id), event TEXT NOT NULL,
        phone TEXT,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'uncertain', 'failed', 'stopped')),
        concat_ref INTEGER NOT NULL CHECK (concat_ref BETWEEN 0 AND 255),
        parts_total INTEGER NOT NULL DEFAULT 0, parts_sent INTEGER NOT NULL DEFAULT 0,
        part_in_flight INTEGER, refs TEXT NOT NULL DEFAULT '', delivered_parts INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, last_fault TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, sent_at TEXT,
        UNIQUE (ticket_id, event),
        CHECK (phone IS NULL OR state IN ('queued', 'sending', 'uncertain')))""",
    "CREATE INDEX message_queue_due ON message_queue (next_attempt_at) WHERE state = 'queued'",
    """CREATE TABLE message_attempt (
        seq INTEGER PRIMARY KEY, message_id TEXT NOT NULL REFERENCES message_queue (id), at TEXT NOT NULL,
        parts_total INTEGER NOT NULL, parts_sent INTEGER NOT NULL, outcome TEXT NOT NULL, cms INTEGER)""",
    "CREATE INDEX message_attempt_message ON message_attempt (message_id, seq)",
    """CREATE TABLE message_template (
        event TEXT NOT NULL, language TEXT NOT NULL CHECK (language IN ('zh_CN', 'en')), body TEXT NOT NULL,
        updated_by TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (event, language))""",
    """CREATE TABLE satisfaction (
        ticket_id TEXT PRIMARY KEY REFERENCES ticket (id),
        rating INTEGER CHECK (rating BETWEEN 1 AND 5), comment TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('rated', 'declined', 'no_answer')),
        taken TEXT NOT NULL CHECK (taken IN ('pickup', 'follow_up')),
        recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL,
        CHECK ((outcome = 'rated') = (rating IS NOT NULL)))""",
]

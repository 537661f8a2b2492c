"""Sync with the upstream: protocol models shared with app/upstream, the outbox relay, the
per-region policy on what leaves the outlet, and anchor receipts."""

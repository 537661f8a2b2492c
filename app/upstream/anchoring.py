"""The rule for accepting an audit-journal head: heads only go up along one chain.

A pure function over the latest stored anchor and the request, so the rule is tested on its
own and the store runs it inside the transaction that appends the new anchor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.sync.protocol import AnchorRequest
from app.upstream.storage import AnchorRow

#: Signs (seq, head, received_at) for the outlet: returns (key_id, signature).
Signer = Callable[[int, str, datetime], tuple[str, str]]


class AnchorRefused(Exception):
    """The head goes backwards or forks from the anchored chain; `code` is for programs."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def judge_anchor(
    outlet: str, latest: AnchorRow | None, request: AnchorRequest, sign: Signer, now: datetime
) -> AnchorRow:
    """The anchor row to store (or the stored one, for a repeat); raises AnchorRefused."""
    if latest is not None and (request.seq, request.head) == (latest.seq, latest.head):
        return latest  # a repeat of the last request (its answer was lost): same receipt again
    _check_descends(latest, request)
    key_id, signature = sign(request.seq, request.head, now)
    return AnchorRow(outlet, request.seq, request.head, now.isoformat(timespec="microseconds"), key_id, signature)


def _check_descends(latest: AnchorRow | None, request: AnchorRequest) -> None:
    claimed = None if request.prev_seq is None else (request.prev_seq, request.prev_head)
    if latest is None:
        if claimed is not None:
            raise AnchorRefused("anchor_unknown_prev", "This upstream holds no earlier anchor for the outlet.")
        return
    if request.seq < latest.seq:
        raise AnchorRefused("anchor_backwards", f"Journal head {request.seq} is behind the anchored {latest.seq}.")
    if request.seq == latest.seq:
        raise AnchorRefused("anchor_fork", f"Journal head {request.seq} differs from the one anchored at that seq.")
    if claimed != (latest.seq, latest.head):
        raise AnchorRefused(
            "anchor_fork", f"The journal does not continue from the last anchored head (seq {latest.seq})."
        )

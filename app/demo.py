"""Demo and training mode: a throwaway store with demo staff and tickets (and simulated phones),
so a new person sees the whole flow with no phone and no real customer data."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.accounts import service
from app.core.roles import Role
from app.parts.stock import Move, make_move, set_place
from app.paths import DataPaths
from app.storage.sealing import Argon2Params
from app.storage.vault import Vault
from app.tickets.intake import open_ticket
from app.tickets.synthetic import synthetic_tickets

DEMO_PASSWORD = "demo-pass"
DEMO_STAFF = (
    ("T001", "Demo Technician", Role.TECHNICIAN),
    ("C001", "Demo Clerk", Role.INTAKE_CLERK),
    ("A001", "Demo Auditor", Role.AUDITOR),
)
DEMO_MANAGER = "M001"

#: A drawer of spare parts for the demo's Spare parts page: (part, count, bin, minimum); the last
#: screen is below its minimum, so the low-stock filter has something to show.
DEMO_STOCK = (
    ("BAT-X1", 6, "A-01", 2),
    ("CHG-X1", 3, "A-02", 1),
    ("BAT-X2P", 4, "B-01", 2),
    ("SCR-X2P", 1, "B-02", 2),
)


@dataclass(frozen=True)
class DemoStore:
    paths: DataPaths
    recovery_key: str

    @property
    def login_hint(self) -> str:
        return (
            f"Demo mode: throwaway data in {self.paths.root}. Accounts {DEMO_MANAGER} (manager), "
            f"T001 (technician), C001 (clerk), A001 (auditor); password '{DEMO_PASSWORD}'."
        )


def make_demo_store(root: Path | None = None, tickets: int = 25) -> DemoStore:
    paths = DataPaths(Path(root) if root else Path(tempfile.mkdtemp(prefix="repair-counter-demo-")) / "data")
    # Demo data is throwaway: a cheaper Argon2id keeps the demo snappy on slow counter PCs.
    vault = Vault(paths, argon2=Argon2Params(time_cost=2, memory_kib=32768, parallelism=1))
    first = service.initialise_store(
        vault,
        service.OutletInfo(
            "SZ01", "Shenzhen Futian Service Centre", "CN", "Floor 2, 6008 Shennan Avenue, Futian, Shenzhen"
        ),
        DEMO_MANAGER,
        "Demo Manager",
        DEMO_PASSWORD,
    )
    for engineer_id, name, role in DEMO_STAFF:
        service.add_account(first.session, engineer_id, name, role, DEMO_PASSWORD)
    for new in synthetic_tickets(tickets, seed=2026):
        open_ticket(first.session, new)
    for part_id, count, bin_location, minimum in DEMO_STOCK:
        make_move(first.session, Move(part_id, "receive", count, "demo stock"))
        set_place(first.session, part_id, bin_location, minimum)
    first.session.lock()
    return DemoStore(paths, first.recovery_key)

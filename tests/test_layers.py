"""The layering rules of docs/ARCHITECTURE.md sections 2 and 3, checked by parsing every module.

No Qt below app/ui/ (slip rendering excepted), no SQL outside app/storage/ (and the
upstream's own store in app/upstream/storage/), no adb outside app/device/, and the
services in one order: each imports only the services before it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
SQL_START = re.compile(
    r"^\s*(SELECT\s.*\bFROM\s+\w+|INSERT\s+(OR\s+\w+\s+)?INTO\s+\w+|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s+\w+"
    r"|CREATE\s+(TABLE|(UNIQUE\s+)?INDEX|TRIGGER|VIEW)\s|DROP\s+(TABLE|INDEX|TRIGGER|VIEW)\s|ALTER\s+TABLE\s"
    r"|PRAGMA\s+\w+|BEGIN(\s+(IMMEDIATE|EXCLUSIVE|TRANSACTION))?\s*;?\s*$|WITH\s+\w+\s+AS\s*\()",
    re.IGNORECASE | re.DOTALL,
)
DB_MODULES = {"sqlite3", "sqlcipher3", "psycopg"}


def _modules() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(APP.parent).as_posix()


def imported_roots(tree: ast.AST) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def sql_literals(tree: ast.AST) -> list[str]:
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_START.match(node.value)
    ]


#: The services, each importing only those before it (plus core, storage, device and the
#: shared modules directly under app/).  The privacy rules every service consults come early;
#: the privacy desk, which acts on other areas, comes after them all.  The outlet hub runs the
#: upstream inside the outlet, so it comes after it and is the one service that may import it.
#: The upstream is the region's server: it shares the sync protocol, and no counter package imports it.
SERVICE_ORDER = (
    "accounts",
    "privacy_rules",
    "tickets",
    "parts",
    "messages",
    "diagnostics",
    "erasure",
    "slip",
    "sync",
    "privacy",
    "reports",
    "upstream",
    "hub",
)
#: On top: they may import any service; no service imports them.
TOP = ("cli", "ui", "demo")
SERVICES = {*SERVICE_ORDER, *TOP}
LOWER_LAYERS = ("app/core/", "app/storage/", "app/device/")


def app_modules_imported(tree: ast.AST) -> set[str]:
    """Second-level names of app.* imports: `from app.slip.x import y` gives 'slip'."""
    found: set[str] = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found.update(n.split(".")[1] for n in names if n.startswith("app.") and n.count(".") >= 1)
    return found


def package_of(rel: str) -> str | None:
    """'app/tickets/intake.py' -> 'tickets'; None for modules directly under app/."""
    parts = rel.split("/")
    return parts[1] if len(parts) > 2 else None


def order_violations(rel: str, tree: ast.AST) -> list[str]:
    """Imports of a service at or after this one in SERVICE_ORDER, or of the top (ui, cli, demo)."""
    own = package_of(rel)
    if own not in SERVICE_ORDER:
        return []
    allowed = set(SERVICE_ORDER[: SERVICE_ORDER.index(own)]) | {own}
    imported = app_modules_imported(tree) & SERVICES
    return [f"{rel}: the {own} service imports the {other} service after it" for other in sorted(imported - allowed)]


def may_hold_sql(rel: str) -> bool:
    return rel.startswith(("app/storage/", "app/upstream/storage/"))


def may_import_qt(rel: str) -> bool:
    return rel.startswith("app/ui/") or re.match(r"app/slip/render", rel) is not None


def layer_violations(rel: str, source: str) -> list[str]:
    tree = ast.parse(source)
    roots = imported_roots(tree)
    found = []
    if "PySide6" in roots and not may_import_qt(rel):
        found.append(f"{rel}: imports PySide6 outside app/ui/")
    if "adbutils" in roots and not rel.startswith("app/device/"):
        found.append(f"{rel}: imports adbutils outside app/device/")
    if rel.startswith(LOWER_LAYERS):
        for service in sorted(app_modules_imported(tree) & SERVICES):
            found.append(f"{rel}: a lower layer imports the {service} layer above it")
    if rel.startswith("app/core/"):
        for other in sorted(app_modules_imported(tree) & {"storage", "device"}):
            found.append(f"{rel}: the pure core imports app.{other}")
    found += order_violations(rel, tree)
    if "upstream" in app_modules_imported(tree) and not rel.startswith(("app/upstream/", "app/hub/", "app/cli/")):
        found.append(f"{rel}: the counter imports the region's upstream server")
    if not may_hold_sql(rel):
        for module in sorted(roots & DB_MODULES):
            found.append(f"{rel}: imports {module} outside app/storage/")
        for literal in sql_literals(tree):
            found.append(f"{rel}: SQL outside app/storage/: {literal.strip()[:40]!r}")
    return found


def test_every_module_respects_its_layer() -> None:
    problems = [p for path in _modules() for p in layer_violations(_rel(path), path.read_text("utf-8"))]
    assert problems == []


@pytest.mark.parametrize(
    ("rel", "source"),
    [
        ("app/core/x.py", "from PySide6.QtCore import QObject"),
        ("app/tickets/x.py", "import adbutils"),
        ("app/tickets/x.py", "import sqlcipher3"),
        ("app/tickets/x.py", "Q = 'SELECT id FROM ticket'"),
        ("app/sync/x.py", "Q = '''\n  insert into outbox values (1)'''"),
        ("app/device/x.py", "from app.slip.codes import qr_payload"),
        ("app/core/x.py", "import app.storage.store"),
        ("app/accounts/x.py", "from app.sync.service import receipt_check"),
        ("app/privacy_rules/x.py", "from app.tickets.intake import open_ticket"),
        ("app/tickets/x.py", "from app.privacy.actions import erase"),
        ("app/tickets/x.py", "from app.parts.stock import make_move"),
        ("app/parts/x.py", "from app.slip.content import SlipContent"),
        ("app/diagnostics/x.py", "import app.slip.content"),
        ("app/sync/x.py", "from app.privacy.export import export"),
        ("app/sync/x.py", "from app.upstream.storage import UpstreamStore"),
        ("app/privacy/x.py", "from app.ui.language import current"),
        ("app/tickets/x.py", "from app.cli import main"),
        ("app/upstream/service.py", "import sqlite3"),
        ("app/ui/x.py", "from app.upstream.storage import open_upstream_store"),
        ("app/demo.py", "import app.upstream.service"),
    ],
)
def test_the_checker_catches_a_violation(rel: str, source: str) -> None:
    assert layer_violations(rel, source), "a checker that finds nothing proves nothing"


@pytest.mark.parametrize(
    ("rel", "source"),
    [
        ("app/ui/x.py", "from PySide6.QtCore import QObject"),
        ("app/slip/render_pdf.py", "from PySide6.QtGui import QPdfWriter"),
        ("app/device/x.py", "import adbutils"),
        ("app/storage/x.py", "import sqlcipher3\nQ = 'SELECT 1'"),
        ("app/tickets/x.py", "MESSAGE = 'Select a ticket first'"),
        ("app/ui/x.py", "HINT = 'Begin the diagnostics when the customer agrees'"),
        ("app/tickets/x.py", "from app.privacy_rules.children import AgeDeclaration"),
        ("app/sync/x.py", "from app.tickets.intake import open_ticket"),
        ("app/parts/x.py", "from app.tickets.pricing import prices_in_force"),
        ("app/slip/x.py", "from app.parts.on_ticket import parts_on_ticket"),
        ("app/privacy/x.py", "from app.sync.policy import FORGETTING_ACTIONS"),
        ("app/upstream/x.py", "from app.sync.protocol import PushRequest"),
        ("app/upstream/storage/x.py", "import psycopg\nQ = 'SELECT 1 FROM records'"),
        ("app/ui/x.py", "from app.privacy.actions import erase"),
        ("app/cli/x.py", "from app.upstream.service import create_app"),
    ],
)
def test_the_checker_allows_what_is_allowed(rel: str, source: str) -> None:
    assert layer_violations(rel, source) == []

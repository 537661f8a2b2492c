"""The layering rules of docs/ARCHITECTURE.md section 2, checked by parsing every module.

No Qt below app/ui/ (slip rendering excepted), no SQL outside app/storage/,
no adb outside app/device/.
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


SERVICES = {"ui", "accounts", "tickets", "slip", "sync", "privacy", "diagnostics", "upstream", "cli", "demo"}
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
    if not rel.startswith("app/storage/"):
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
    ],
)
def test_the_checker_allows_what_is_allowed(rel: str, source: str) -> None:
    assert layer_violations(rel, source) == []

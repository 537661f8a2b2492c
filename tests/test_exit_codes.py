"""Every known error that sets its own exit code sets one no other sets.

Scripts at the counter branch on the exit code (README, "Exit codes"), so two classes sharing one make
a script do the wrong thing.  Each service picks its codes on its own, and merging work from several
hands gave three collisions in one day (wipe vs backups, wipe vs fault suggestions); this catches the
next one before it ships.  Family bases that stand for "some problem of this service" keep the generic 1.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import defaultdict

import app
from app.errors import KnownError

#: Modules that need a display or start something when imported; none of them defines an error class.
SKIPPED_PACKAGES = ("app.ui", "app.__main__")


def _import_every_module() -> None:
    for module in pkgutil.walk_packages(app.__path__, prefix="app."):
        if not module.name.startswith(SKIPPED_PACKAGES):
            importlib.import_module(module.name)


def _every_subclass(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_every_subclass(sub)}
    return found


def test_no_two_error_classes_set_the_same_exit_code() -> None:
    _import_every_module()
    classes_by_code: dict[int, list[str]] = defaultdict(list)
    for cls in _every_subclass(KnownError):
        own_code = cls.__dict__.get("exit_code")
        if own_code is not None and own_code != 1:
            classes_by_code[own_code].append(f"{cls.__module__}.{cls.__qualname__}")
    shared = {code: names for code, names in classes_by_code.items() if len(names) > 1}
    assert len(classes_by_code) > 60, "the import walk missed the services"
    assert shared == {}

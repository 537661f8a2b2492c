"""Where the read-only resources are: beside the package in a checkout, inside the bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path

from app import paths


def test_a_checkout_finds_the_resources_folder_beside_the_app_package() -> None:
    found = paths.resources_dir()
    assert found == Path(paths.__file__).resolve().parent.parent / "resources"
    assert (found / "fonts" / "wqy-microhei.ttc").is_file()


def test_a_frozen_app_finds_them_inside_its_bundle(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert paths.resources_dir() == tmp_path / "_internal" / "resources"


def test_without_meipass_a_frozen_app_looks_next_to_its_executable(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "repair-counter"))
    assert paths.resources_dir() == tmp_path / "_internal" / "resources"

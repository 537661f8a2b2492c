"""Reading reference-data files for `upstream-publish` (app/upstream/publishing.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.upstream.errors import ReferenceFileError
from app.upstream.publishing import read_reference_file


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_json_maps_kinds_to_items(tmp_path: Path) -> None:
    data = {
        "price_list": [{"key": "BAT-X1", "price": 199}],
        "retention": [{"key": "CN/logs", "days": 30}],
        "consent_texts": [{"key": "diag:3:zh-CN", "text": "我同意诊断"}],
    }
    assert read_reference_file(write(tmp_path / "ref.json", json.dumps(data, ensure_ascii=False))) == data


def test_csv_takes_its_kind_from_the_file_name_or_the_option(tmp_path: Path) -> None:
    text = "\ufeffkey,price,名称\nBAT-X1,199,电池\nLCD-X1,899,屏幕\n"
    by_name = read_reference_file(write(tmp_path / "price_list.csv", text))
    assert by_name == {
        "price_list": [
            {"key": "BAT-X1", "price": "199", "名称": "电池"},
            {"key": "LCD-X1", "price": "899", "名称": "屏幕"},
        ]
    }
    assert list(read_reference_file(write(tmp_path / "prices.csv", text), "price_list")) == ["price_list"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("prices.csv", "key,price\nA,1\n", "unknown kind"),
        ("price_list.csv", "sku,price\nA,1\n", "no 'key' column"),
        ("price_list.csv", "key,price\nA,1,extra\n", "line 2"),
        ("price_list.csv", "key,price\nA\n", "line 2"),
        ("ref.json", "{not json", "not valid JSON"),
        ("ref.json", '["a"]', "expected an object"),
        ("ref.json", '{"price_list": {"key": "A"}}', "expected a list"),
        ("ref.json", '{"price_list": [{"price": 1}]}', "'key'"),
        ("ref.json", '{"price_list": [{"key": ""}]}', "'key'"),
        ("ref.json", '{"price_list": [7]}', "must be an object"),
        ("ref.json", '{"price_list": [{"key": "A", "price": NaN}]}', "JSON compliant"),
        ("ref.yaml", "price_list: []", "only .json and .csv"),
    ],
)
def test_bad_files_are_known_errors_naming_the_problem(tmp_path: Path, name: str, text: str, message: str) -> None:
    with pytest.raises(ReferenceFileError) as caught:
        read_reference_file(write(tmp_path / name, text))
    assert message in caught.value.message
    assert caught.value.exit_code == 72


def test_non_utf8_and_missing_files_are_known_errors(tmp_path: Path) -> None:
    (tmp_path / "price_list.csv").write_bytes("key\n电池\n".encode("gbk"))
    with pytest.raises(ReferenceFileError, match="UTF-8"):
        read_reference_file(tmp_path / "price_list.csv")
    with pytest.raises(ReferenceFileError, match="Cannot read"):
        read_reference_file(tmp_path / "absent.json")

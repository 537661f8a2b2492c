"""Name search keys: what a name is found by, and the index range a prefix reads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.name_keys import MAX_KEYS, name_keys, normalise, prefix_range, query_prefixes


def test_a_chinese_name_gets_its_pinyin_and_initials_and_nothing_else() -> None:
    assert name_keys("王芳") == ["王芳", "wangfang", "wf"]


def test_a_surname_is_also_found_by_its_surname_reading() -> None:
    # 曾 reads "ceng" in most words but "zeng" as a surname: the counter types zeng.
    assert {"zengxiaoming", "zxm"} <= set(name_keys("曾小明"))
    assert {"shantianfang", "stf"} <= set(name_keys("单田芳"))


def test_a_latin_name_gets_the_whole_name_its_words_and_the_name_without_spaces() -> None:
    assert name_keys("  Wang   FANG ") == ["wang fang", "wangfang", "fang"]


def test_full_width_letters_and_case_fold_together() -> None:
    assert normalise("ＺＨＡＮＧ Wei") == "zhang wei"
    assert "straße" in name_keys("STRASSE") or "strasse" in name_keys("Straße")


def test_pattern_characters_are_kept_as_text() -> None:
    assert name_keys("100%_Fix\\Ltd") == ["100%_fix\\ltd"]


def test_a_query_tries_its_space_free_form_too() -> None:
    assert query_prefixes("Wang Fang") == ["wang fang", "wangfang"]
    assert query_prefixes("wf") == ["wf"]
    assert query_prefixes("   ") == []


def test_a_long_name_gets_a_bounded_number_of_keys() -> None:
    assert len(name_keys(" ".join(f"word{i}" for i in range(100)))) == MAX_KEYS


@given(st.text(min_size=1, max_size=6).filter(lambda s: normalise(s) == s and s), st.text(max_size=6))
def test_the_range_holds_exactly_the_keys_with_the_prefix(prefix: str, rest: str) -> None:
    low, high = prefix_range(prefix)
    inside = prefix + rest
    assert low <= inside < high
    # the code points just outside the prefix's range fall outside it (UTF-8 byte order = code point order)
    assert not (low <= prefix[:-1] < high) or prefix[:-1].startswith(prefix)

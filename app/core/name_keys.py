"""Search keys of a customer's name, and the key ranges a typed query looks up (pure).

A name is found by a prefix of any of its keys, read from an index as a range
(`key >= low AND key < high`), so no character of a name or a query is a
pattern character: `%`, `_` and `\\` are just text.  The keys of a name:

* the whole name, NFKC-normalised and casefolded, words separated by one space;
* the same without spaces (`wang fang` and `wangfang` both find `Wang Fang`);
* each whole word after the first (`fang` finds `Wang Fang`; the first word's prefixes are the
  whole name's, so it needs no key of its own, and each key is a page written per new customer);
* for a name with Chinese characters, its pinyin in full (`wangfang` finds 王芳)
  and its initials (`wf`), also with the surname reading of a character read
  otherwise in words (曾 is `zeng` as a surname, `ceng` in 曾经).
"""

from __future__ import annotations

import re
import unicodedata

#: Longest key kept: a prefix longer than this still matches the truncated key's start.
MAX_KEY_CHARS = 64
#: Most keys one name gets (a name of many words gets its first words' keys).
MAX_KEYS = 24
#: Surnames read differently from the same character in words (pypinyin gives the word reading).
#: Every reading pypinyin knows would add wrong keys (王 has a rare `yu`) and a page per key to each write.
SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "乐": "yue",
    "盖": "ge",
    "覃": "qin",
    "缪": "miao",
    "翟": "zhai",
    "薄": "bo",
    "藏": "zang",
    "种": "chong",
    "秘": "bi",
    "召": "shao",
    "员": "yun",
    "黑": "he",
    "繁": "po",
    "折": "she",
    "句": "gou",
    "洗": "xian",
}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_SPACES = re.compile(r"\s+")
_SURROGATES = range(0xD800, 0xE000)


def normalise(text: str) -> str:
    """NFKC, casefolded, runs of white space as one space, trimmed (full-width Ａ is a)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def name_keys(name: str) -> list[str]:
    """Every key the name is found by, without repeats, at most MAX_KEYS."""
    full = normalise(name)
    if not full:
        return []
    words = full.split(" ")
    keys = [full, full.replace(" ", ""), *words[1:]]
    if _HAN.search(full):
        keys += _pinyin_keys(full)
    unique = dict.fromkeys(key[:MAX_KEY_CHARS] for key in keys if key)
    return list(unique)[:MAX_KEYS]


def _pinyin_keys(full: str) -> list[str]:
    """Full pinyin and initials, with the word reading of the first character and its surname reading."""
    # pypinyin loads its dictionaries on import (0.15 s): only when a Chinese name is keyed, not at start-up.
    from pypinyin import Style, lazy_pinyin

    syllables = [s.strip() for s in lazy_pinyin(full, style=Style.NORMAL) if s.strip()]
    surnames = [syllables[0]]
    if SURNAME_READINGS.get(full[0], syllables[0]) != syllables[0]:
        surnames.append(SURNAME_READINGS[full[0]])
    keys: list[str] = []
    for surname in surnames:
        spelled = [surname, *syllables[1:]]
        keys.append("".join(spelled).replace(" ", ""))
        keys.append("".join(_initials(part) for part in spelled))
    return keys


def _initials(part: str) -> str:
    """`wang` -> `w`; a non-Chinese run kept by pypinyin (`bob`, `bob smith`) gives each word's first letter."""
    return "".join(word[0] for word in part.split(" ") if word)


def query_prefixes(query: str) -> list[str]:
    """The prefixes a typed query is looked up by: as typed (normalised), and without its spaces."""
    typed = normalise(query)[:MAX_KEY_CHARS]
    if not typed:
        return []
    return list(dict.fromkeys((typed, typed.replace(" ", ""))))


def prefix_range(prefix: str) -> tuple[str, str]:
    """(low, high) such that `low <= key < high` holds exactly for the keys starting with `prefix`.

    SQLite's BINARY order on UTF-8 text is code-point order, so the end of the
    range is the prefix with its last character moved one code point up
    (skipping the surrogates, which UTF-8 cannot hold).
    """
    if not prefix:
        raise ValueError("an empty prefix has no range")
    head, last = prefix[:-1], ord(prefix[-1])
    if last == 0x10FFFF:
        # nothing follows the last code point: end after the longest key that could start with it
        return prefix, prefix_range(head)[1] if head else "\U0010ffff" * (MAX_KEY_CHARS + 1)
    following = last + 1
    if following in _SURROGATES:
        following = _SURROGATES.stop
    return prefix, head + chr(following)

"""The project explains itself: references to the design point into docs/ARCHITECTURE.md, and exist.

Code comments cite the design as "docs/ARCHITECTURE.md section N" (or "sections N and M", or a link
to a heading's anchor).  A section that is renumbered or removed would leave those comments pointing
at nothing; a comment citing a design document outside the repository points at nothing for anyone
who clones it.  Both fail here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"
SCANNED_FOLDERS = ("app", "tests", "installer", "resources", "docs")
SCANNED_FILES = ("README.md", "pyproject.toml", ".ci/run")
TEXT_SUFFIXES = {".py", ".md", ".sh", ".toml", ".json", ".txt", ".cfg", ".ini", ".yml", ".yaml"}

# Written in two pieces so this file does not match itself.
FORBIDDEN = (
    re.compile(r"\bDESIGN" + r"\.md\b"),
    re.compile(r"\bshared" + r"/"),
)
#: "ARCHITECTURE.md section 5", "sections 4 and 8", "sections 1, 4 and 8"; a reference may wrap
#: onto the next line of a docstring or a `#` comment.
SECTION_REFERENCE = re.compile(
    r"ARCHITECTURE\.md[\s#]+sections?[\s#]+(?P<numbers>\d+(?:\.\d+)?(?:(?:,|,?[\s#]+and)[\s#]+\d+(?:\.\d+)?)*)"
)
ANY_SECTION_MENTION = re.compile(r"ARCHITECTURE\.md[\s#]+sections?\b")
ANCHOR_REFERENCE = re.compile(r"ARCHITECTURE\.md#(?P<anchor>[A-Za-z0-9_-]+)")
NUMBERED_HEADING = re.compile(r"^#{2,4} (?P<number>\d+(?:\.\d+)*)\. (?P<title>.+)$", re.MULTILINE)
EXPLICIT_ANCHOR = re.compile(r'<a id="(?P<anchor>[^"]+)"></a>')


def scanned_files() -> list[Path]:
    files = [ROOT / name for name in SCANNED_FILES if (ROOT / name).is_file()]
    for folder in SCANNED_FOLDERS:
        files.extend(
            path
            for path in sorted((ROOT / folder).rglob("*"))
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts
        )
    return files


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def forbidden_mentions(rel: str, text: str) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if any(pattern.search(line) for pattern in FORBIDDEN):
            found.append(f"{rel}:{number}: {line.strip()[:100]}")
    return found


def github_slug(title: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    kept = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return kept.replace(" ", "-")


def document_sections(markdown: str) -> set[str]:
    return {match["number"] for match in NUMBERED_HEADING.finditer(markdown)}


def document_anchors(markdown: str) -> set[str]:
    slugs = {github_slug(f"{m['number']}. {m['title']}") for m in NUMBERED_HEADING.finditer(markdown)}
    slugs |= {github_slug(line.lstrip("#")) for line in markdown.splitlines() if line.startswith("#")}
    return slugs | {match["anchor"] for match in EXPLICIT_ANCHOR.finditer(markdown)}


def cited_sections(text: str) -> list[str]:
    return [
        number
        for match in SECTION_REFERENCE.finditer(text)
        for number in re.findall(r"\d+(?:\.\d+)?", match["numbers"])
    ]


def reference_problems(rel: str, text: str, sections: set[str], anchors: set[str]) -> list[str]:
    problems = [f"{rel}: section {n} is not in docs/ARCHITECTURE.md" for n in cited_sections(text) if n not in sections]
    if len(ANY_SECTION_MENTION.findall(text)) != len(SECTION_REFERENCE.findall(text)):
        problems.append(f"{rel}: a reference to docs/ARCHITECTURE.md names no section number")
    problems += [
        f"{rel}: anchor #{m['anchor']} is not in docs/ARCHITECTURE.md"
        for m in ANCHOR_REFERENCE.finditer(text)
        if m["anchor"] not in anchors
    ]
    return problems


def test_the_document_is_in_the_repository_with_numbered_sections() -> None:
    sections = document_sections(ARCHITECTURE.read_text("utf-8"))
    assert {str(n) for n in range(1, 13)} <= sections


def test_nothing_points_at_a_design_document_outside_the_repository() -> None:
    this_file = Path(__file__).resolve()
    problems = [
        problem
        for path in scanned_files()
        if path.resolve() != this_file
        for problem in forbidden_mentions(_rel(path), path.read_text("utf-8", errors="replace"))
    ]
    assert problems == []


def test_every_section_reference_names_a_section_that_exists() -> None:
    markdown = ARCHITECTURE.read_text("utf-8")
    sections, anchors = document_sections(markdown), document_anchors(markdown)
    this_file = Path(__file__).resolve()  # its examples of dangling references are on purpose
    texts = {
        _rel(path): path.read_text("utf-8", errors="replace") for path in scanned_files() if path.resolve() != this_file
    }
    problems = [p for rel, text in texts.items() for p in reference_problems(rel, text, sections, anchors)]
    assert problems == []
    # The references exist at all: a pattern that matched nothing would prove nothing.
    assert sum(len(cited_sections(text)) for text in texts.values()) >= 30


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(docs/ARCHITECTURE.md section 7)", ["7"]),
        ("docs/ARCHITECTURE.md sections 4 and 8", ["4", "8"]),
        ("docs/ARCHITECTURE.md sections 1, 4 and 8", ["1", "4", "8"]),
        ("(docs/ARCHITECTURE.md\nsection 12)", ["12"]),
        ("# see docs/ARCHITECTURE.md\n# section 5.2, the rotation", ["5.2"]),
        ("docs/ARCHITECTURE.md, the whole of it", []),
    ],
)
def test_the_reference_pattern_reads_what_comments_write(text: str, expected: list[str]) -> None:
    assert cited_sections(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("see docs/ARCHITECTURE.md section 99", "section 99 is not"),
        ("see docs/ARCHITECTURE.md section", "names no section number"),
        ("see docs/ARCHITECTURE.md#no-such-heading", "anchor #no-such-heading"),
    ],
)
def test_the_checker_catches_a_dangling_reference(text: str, why: str) -> None:
    problems = reference_problems("app/x.py", text, {"1", "2"}, {"s1", "1-intro"})
    assert any(why in problem for problem in problems), problems


def test_the_checker_catches_an_outside_design_document() -> None:
    assert forbidden_mentions("app/x.py", '"""As in ' + "DESIGN" + '.md section 5."""')
    assert forbidden_mentions("tests/x.py", 'Path("/work/' + "shared" + '/device-samples/a.txt")')
    assert forbidden_mentions("app/x.py", "DESIGN_CATEGORIES = ()") == []


def test_heading_anchors_match_githubs() -> None:
    assert github_slug("5. The encrypted store and its keys") == "5-the-encrypted-store-and-its-keys"
    assert github_slug("9. Sync with the upstream") == "9-sync-with-the-upstream"

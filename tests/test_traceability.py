"""docs/TRACEABILITY.md has one row per requirement of
../shared/REQUIREMENTS.md, and every test it cites exists."""

import re

import pytest

ROW = re.compile(r"^\|\s*([A-Z]\d+)\s*\|(.*)\|(.*)\|\s*(todo|partial|done)\s*\|\s*$")


@pytest.fixture(scope="module")
def requirement_ids(root):
    path = root.parent / "shared" / "REQUIREMENTS.md"
    assert path.is_file(), f"{path} must sit beside the repository"
    return re.findall(r"^- ([A-Z]\d+) ", path.read_text(), re.MULTILINE)


@pytest.fixture(scope="module")
def rows(root):
    rows = {}
    for line in (root / "docs" / "TRACEABILITY.md").read_text().splitlines():
        if m := ROW.match(line):
            assert m.group(1) not in rows, f"two rows for {m.group(1)}"
            rows[m.group(1)] = (m.group(2).strip(), m.group(3).strip(), m.group(4))
    return rows


@pytest.fixture(scope="module")
def test_names(root):
    names = set()
    for path in list(root.glob("addons/*/tests/*.py")) + list(root.glob("tests/**/*.py")):
        names |= set(re.findall(r"def (test_\w+)", path.read_text()))
    return names


def test_one_row_per_requirement(requirement_ids, rows):
    assert len(requirement_ids) > 40
    assert sorted(rows) == sorted(requirement_ids)


def test_cited_tests_exist(rows, test_names):
    for req, (_impl, tests, status) in rows.items():
        cited = re.findall(r"test_\w+", tests)
        missing = set(cited) - test_names
        assert not missing, f"{req} cites tests that do not exist: {missing}"
        if status in ("done", "partial"):
            assert cited, f"{req} is {status} but cites no test"


def test_every_prefix_is_read(root, requirement_ids):
    """The catalogue names its prefixes in its header ("Prefixes: C complaints,
    S service calls, ..."): an ID of each of them is read, so a new prefix is
    never left out of the rows."""
    text = (root.parent / "shared" / "REQUIREMENTS.md").read_text()
    header = text.split("Prefixes:", 1)[1].split("\n\n", 1)[0]
    declared = set(re.findall(r"\b([A-Z]) [a-z]", header))
    assert {"C", "S", "W", "V", "X", "T", "P", "I", "F", "H", "R"} <= declared
    assert declared == {req[0] for req in requirement_ids}

"""Big files read in chunks: the cuts, and a chunked check equal to a whole one.

Every comparison is row for row and finding for finding (tests.chunking.assert_same) on a raw
set whose outcomes file holds quoted multi-line records, keys repeated across chunks, rows that
are repeats and faulty, normalised cells in several chunks, NUL and non-UTF-8 lines, ragged
rows, stray and unclosed quotes, blank lines and CRLF line ends.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from carryover.ingest.chunks import (
    ENV_CHUNK_BYTES,
    chunk_bytes,
    kept_quotes,
    plan_chunks,
    read_chunk,
)
from carryover.validate.validation import Validation
from schemas import SPECS
from tests.chunking import assert_same, check_with, tricky_raw

OUTCOMES = SPECS["outcomes"]


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tricky_raw(tmp_path_factory.mktemp("chunks") / "raw")


@pytest.fixture(scope="module")
def whole(raw: Path) -> Validation:
    return check_with(raw, 0)


def _lines(raw: Path) -> list[bytes]:
    return (raw / "outcomes.csv").read_bytes().split(b"\n")


def test_the_tricky_file_has_what_it_claims(whole: Validation) -> None:
    """The comparisons below are worth something only if the faults are really there."""
    rules = set(whole.findings["rule"].to_list())
    assert {
        "duplicate_key",
        "row_encoding",
        "row_nul_byte",
        "row_quoting",
        "row_ragged",
        "value_normalised",
    } <= rules
    assert whole.clean["outcomes"]["source"].str.contains("\n").sum() > 10
    dup = whole.findings.filter(rule="duplicate_key")["message"].to_list()
    assert any("repeats line 2" in m for m in dup)


def test_a_plan_covers_the_file_in_order_and_numbers_its_lines(raw: Path) -> None:
    data = (raw / "outcomes.csv").read_bytes()
    plan = plan_chunks(raw, OUTCOMES, "outcomes.csv", 3000)
    assert plan is not None
    assert len(plan.chunks) > 10
    assert plan.header + b"".join(data[c.start : c.end] for c in plan.chunks) == data
    tiny = plan_chunks(raw, OUTCOMES, "outcomes.csv", 173)
    assert tiny is not None
    assert tiny.header + b"".join(data[c.start : c.end] for c in tiny.chunks) == data
    assert plan.size == len(data)
    for chunk in plan.chunks:
        before = data[: chunk.start]
        lines = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n")
        assert chunk.line_offset + 2 == lines + 1
        assert kept_quotes(data[len(plan.header) : chunk.start]) % 2 == 0


def test_small_files_and_a_zero_size_are_read_whole(raw: Path) -> None:
    assert plan_chunks(raw, OUTCOMES, "outcomes.csv", 0) is None
    assert plan_chunks(raw, OUTCOMES, "outcomes.csv", 10**9) is None
    assert plan_chunks(raw, SPECS["groups"], "groups.csv", 100) is not None


def test_a_header_that_names_no_column_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "outcomes.csv").write_text("a,b\n" + "1,2\n" * 1000, encoding="utf-8")
    assert plan_chunks(tmp_path, OUTCOMES, "outcomes.csv", 100) is None


def test_quotes_on_lines_extract_drops_do_not_count() -> None:
    assert kept_quotes(b'a,"b\nc"\n') == 2
    assert kept_quotes(b'a,"b\x00\nc"\n') == 1
    assert kept_quotes(b'a,"b\xe9\nc"\n') == 1
    assert kept_quotes(b'a,"b\xe9\r\nc"\rd"\n') == 2


def test_the_chunk_size_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_CHUNK_BYTES, raising=False)
    assert chunk_bytes() == 8 * 1024 * 1024
    monkeypatch.setenv(ENV_CHUNK_BYTES, "4096")
    assert chunk_bytes() == 4096
    monkeypatch.setenv(ENV_CHUNK_BYTES, "lots")
    assert chunk_bytes() == 8 * 1024 * 1024


@pytest.mark.parametrize("size", [300, 4096, 30_000])
def test_a_chunked_check_equals_a_whole_one(raw: Path, whole: Validation, size: int) -> None:
    assert_same(whole, check_with(raw, size))


def _boundary_sizes(raw: Path) -> dict[str, int]:
    """Chunk sizes whose first cut would fall just before a line of each tricky kind."""
    lines = _lines(raw)
    header = len(lines[0]) + 1
    sizes: dict[str, int] = {}
    offset = header
    kinds = {
        "multi-line record start": lambda line: line.count(b'"') % 2 == 1 and b"Table 2," in line,
        "inside a multi-line record": lambda line: line.startswith(b"footnote"),
        "NUL byte": lambda line: b"\x00" in line,
        "not UTF-8": lambda line: b"\xe9" in line,
        "ragged": lambda line: line.endswith(b",extra"),
        "CRLF": lambda line: line.endswith(b"\r"),
    }
    for line in lines[1:]:
        for kind, test in kinds.items():
            if kind not in sizes and offset - header > 2000 and test(line):
                sizes[kind] = offset - header
        offset += len(line) + 1
    assert sizes.keys() == kinds.keys()
    return sizes


def test_cuts_at_tricky_lines_give_the_same_result(raw: Path, whole: Validation) -> None:
    for kind, size in _boundary_sizes(raw).items():
        plan = plan_chunks(raw, OUTCOMES, "outcomes.csv", size)
        assert plan is not None, kind
        assert_same(whole, check_with(raw, size))


def test_a_cut_is_never_inside_a_quoted_record(raw: Path) -> None:
    size = _boundary_sizes(raw)["inside a multi-line record"]
    plan = plan_chunks(raw, OUTCOMES, "outcomes.csv", size)
    assert plan is not None
    first = read_chunk(plan, 0)
    assert first.rows["source"].str.contains("\n").any()
    second = read_chunk(plan, 1)
    assert not second.findings["message"].str.contains("footnote").any()
    assert second.rows["source_line"][0] == plan.chunks[1].line_offset + 2


def test_normalised_cells_in_many_chunks_give_one_warning_each(
    raw: Path, whole: Validation
) -> None:
    chunked = check_with(raw, 700)
    warnings = chunked.findings.filter(rule="value_normalised")
    assert warnings.height == 2
    assert (
        warnings["message"].to_list()
        == whole.findings.filter(rule="value_normalised")["message"].to_list()
    )

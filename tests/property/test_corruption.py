"""Random corruption of a valid raw file never crashes a run and never loses a row."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from carryover.cli.app import app
from carryover.ingest.extract import BOM
from carryover.steps import transform_all
from schemas import SPECS
from tests.support import valid_texts, validate_texts, write_raw

pytestmark = pytest.mark.slow  # many generated examples each

VALID = {name: text.encode("utf-8") for name, text in valid_texts().items()}
ALPHABET = [
    b",",
    b'"',
    b"\n",
    b"\r",
    b"\r\n",
    b"\x00",
    b"\xff",
    b"\xe9",
    b";",
    b"x",
    b"1",
    b" ",
    b"%",
]
LINE_BREAK = re.compile(rb"\r\n|\r|\n")

mutation = st.tuples(
    st.sampled_from(["insert", "replace", "delete", "truncate"]),
    st.floats(0, 1, allow_nan=False),
    st.sampled_from(ALPHABET),
)


def mutate(data: bytes, edits: list[tuple[str, float, bytes]]) -> bytes:
    for kind, where, piece in edits:
        at = int(where * len(data))
        if kind == "insert":
            data = data[:at] + piece + data[at:]
        elif kind == "replace":
            data = data[:at] + piece + data[at + 1 :]
        elif kind == "delete":
            data = data[:at] + data[at + 1 :]
        else:
            data = data[:at]
    return data


def assert_nothing_lost(table: str, data: bytes) -> None:
    """Every non-blank line after the header lies in exactly one loaded or quarantined row."""
    texts: dict[str, str | bytes] = {**valid_texts(), table: data}
    validation = validate_texts(texts)
    transform_all(validation)  # must not crash either
    stats = next(f for f in validation.files if f.table_name == table)
    assert stats.loaded_rows + stats.quarantined_rows == stats.data_rows

    body = data[len(BOM) :] if data.startswith(BOM) else data
    lines = LINE_BREAK.split(body)
    expected = {
        number for number, line in enumerate(lines, start=1) if number > 1 and line.strip(b" \t")
    }
    covered: list[int] = []
    clean = validation.clean[table]
    for start, span in clean.select("source_line", "_span").iter_rows():
        covered += range(start, start + span)
    held = validation.quarantine.filter(validation.quarantine["table_name"] == table)
    for start, raw in held.select("source_line", "raw").iter_rows():
        covered += range(start, start + raw.count("\n") + 1)
    assert len(covered) == len(set(covered)), "a line is in two rows"
    assert expected <= set(covered), f"lines lost: {sorted(expected - set(covered))}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=st.sampled_from(sorted(SPECS)), edits=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_files_lose_no_row(table: str, edits: list[tuple[str, float, bytes]]) -> None:
    """Byte edits, truncation, stray delimiters and quotes: every row is loaded or quarantined."""
    assert_nothing_lost(table, mutate(VALID[table], edits))


@settings(max_examples=60, deadline=None)
@given(table=st.sampled_from(sorted(SPECS)), data=st.binary(max_size=600))
def test_random_bytes_lose_no_row(table: str, data: bytes) -> None:
    """Arbitrary bytes in place of a file are read, reported and accounted for."""
    assert_nothing_lost(table, VALID[table].splitlines(keepends=True)[0] + data)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=st.sampled_from(sorted(SPECS)), edits=st.lists(mutation, min_size=1, max_size=6))
def test_check_never_shows_a_traceback(tmp_path_factory, table: str, edits) -> None:
    """The command a user runs ends in exit 0 or 1 with findings, never a traceback."""
    raw = write_raw(tmp_path_factory.mktemp("raw"), {**VALID, table: mutate(VALID[table], edits)})
    result = CliRunner().invoke(app, ["check", "--raw", str(raw)])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output

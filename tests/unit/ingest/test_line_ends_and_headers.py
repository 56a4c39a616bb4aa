"""Files that once lost every row or quarantined every row over a separator: now read."""

from __future__ import annotations

import polars as pl
import pytest

from tests.support import valid_texts, validate_texts


@pytest.mark.parametrize("end", ["\x85", "\u2028", "\u2029"])
def test_a_file_with_nel_line_ends_loads_every_row(end: str) -> None:
    """A NEL-separated file once counted 0 data rows; its rows load, with one warning."""
    texts = valid_texts()
    lines = texts["outcomes"].splitlines()
    texts["outcomes"] = end.join(lines) + end
    validation = validate_texts(texts)
    stats = [f for f in validation.files if f.table_name == "outcomes"]
    assert stats[0].data_rows == len(lines) - 1
    assert stats[0].loaded_rows == len(lines) - 1
    notes = validation.findings.filter(pl.col("rule") == "file_line_ends")
    assert notes["source_file"].to_list() == ["outcomes.csv"]
    assert validation.findings.filter(pl.col("severity") == "error").is_empty()


def test_a_nel_inside_a_file_with_line_feeds_stays_in_its_cell() -> None:
    """With LF line ends present, a NEL is text (a cell may hold one), not a line end."""
    texts = valid_texts()
    header, first, *rest = texts["outcomes"].splitlines()
    cells = first.split(",")
    cells[-1] = "Table\x852"
    texts["outcomes"] = "\n".join([header, ",".join(cells), *rest]) + "\n"
    validation = validate_texts(texts)
    assert validation.findings.filter(pl.col("rule") == "file_line_ends").is_empty()
    assert "Table\x852" in validation.clean["outcomes"]["source"].to_list()


@pytest.mark.parametrize("rows_too", [False, True])
def test_a_header_with_a_trailing_comma_is_not_an_unnamed_column(rows_too: bool) -> None:
    """'...,source,' once made every row row_ragged naming ''; now one warning, rows load."""
    texts = valid_texts()
    header, *rows = texts["outcomes"].splitlines()
    rows = [row + "," for row in rows] if rows_too else rows
    texts["outcomes"] = "\n".join([header + ",", *rows]) + "\n"
    validation = validate_texts(texts)
    assert validation.findings.filter(pl.col("rule") == "row_ragged").is_empty()
    notes = validation.findings.filter(pl.col("rule") == "file_trailing_separator")
    assert notes.height == 1
    assert validation.clean["outcomes"].height == len(rows)
    assert validation.findings.filter(pl.col("severity") == "error").is_empty()

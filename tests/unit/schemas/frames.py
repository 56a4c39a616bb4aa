"""The bundled valid tables as extract reads them, for the schema tests of each table."""

from __future__ import annotations

import polars as pl

from schemas.keys import key_values
from schemas.table import SchemaPlan, run_plan
from tests.support import extract_texts, valid_texts


def rows(table: str) -> pl.DataFrame:
    """A table's rows from tests/data/valid, as text cells with their file, line and row."""
    return pl.concat([ex.rows for ex in extract_texts(valid_texts())[table]])


def ids(table: str, *columns: str) -> pl.Series:
    """The table's (composite) keys, as the plans of the tables that reference it take them."""
    return key_values(rows(table), columns)


def rules(plan: SchemaPlan, frame: pl.DataFrame) -> list[tuple[str, str | None]]:
    """The (rule, column) of every finding the plan gives on the frame."""
    return run_plan(plan, frame).select("rule", "column_name").rows()


def with_cell(frame: pl.DataFrame, column: str, value: str | None, row: int = 0) -> pl.DataFrame:
    """The frame with one cell replaced."""
    values = frame[column].to_list()
    values[row] = value
    return frame.with_columns(pl.Series(column, values, dtype=pl.String))

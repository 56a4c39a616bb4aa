"""An article's claims as the rows frame the claims table's validators read.

Built column by column in one step: an article is small, and a chain of frame operations per
article (add the file, the span and the row number, then order the columns) cost more than
reading many articles' text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from carryover.ingest.extract import SPAN, empty_rows
from schemas.claims import SPEC as CLAIMS
from schemas.table import ROW

_SCHEMA = empty_rows(CLAIMS).schema


def claims_frame(rows: Sequence[Mapping[str, Any]], source_file: str) -> pl.DataFrame:
    """The reader's claim rows (text cells and `source_line`) from one article file, in order.

    Columns as `empty_rows(CLAIMS)`: the claims columns, then the file, line, span (1) and row
    number (from 0); a column a row lacks is empty.
    """
    n = len(rows)
    data: dict[str, list[Any]] = {c: [r.get(c) for r in rows] for c in CLAIMS.column_names}
    data["source_file"] = [source_file] * n
    data["source_line"] = [r.get("source_line") for r in rows]
    data[SPAN] = [1] * n
    data[ROW] = list(range(n))
    return pl.DataFrame(data, schema=_SCHEMA)

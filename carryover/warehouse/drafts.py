"""`carryover check-article`: draft articles judged against the current warehouse, read-only.

The reference tables come from the warehouse's latest run, opened read-only (nothing is written);
the judging is carryover.validate.drafts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from carryover.core.errors import WarehouseError
from carryover.validate.drafts import REFERENCE_TABLES, judge_drafts, read_draft
from carryover.warehouse.access import read_only


@dataclass(frozen=True)
class ArticleCheck:
    """Findings about the drafts (source_file is the path as given), and each draft's lines."""

    findings: pl.DataFrame
    lines: dict[str, list[str]]

    @property
    def errors(self) -> int:
        """Number of error findings."""
        return int((self.findings["severity"] == "error").sum())

    @property
    def warnings(self) -> int:
        """Number of warning findings."""
        return int((self.findings["severity"] == "warning").sum())


def reference_tables(warehouse: Path) -> dict[str, pl.DataFrame]:
    """The clean tables a draft is judged against, read from the warehouse read-only."""
    with read_only(warehouse) as con:
        tables: dict[str, pl.DataFrame] = {}
        for name in REFERENCE_TABLES:
            try:
                tables[name] = con.sql(f'select * from "{name}"').pl()
            except duckdb.Error as exc:
                raise WarehouseError(
                    f"the warehouse {warehouse} has no table {name}: is it a carryover warehouse?"
                ) from exc
        return tables


def check_articles(paths: Sequence[Path], shown: Sequence[str], warehouse: Path) -> ArticleCheck:
    """Judge draft files (read-only throughout); `shown[i]` names `paths[i]` in findings."""
    tables = reference_tables(warehouse)
    articles = [read_draft(path, name) for path, name in zip(paths, shown, strict=True)]
    return ArticleCheck(judge_drafts(articles, tables), {a.source_file: a.lines for a in articles})

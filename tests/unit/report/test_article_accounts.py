"""The report's articles: verdicts and numbers lines worked out once, as its own filters gave.

The way it was done before (filters of the whole frames for each article) is kept here as the
reference.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import polars as pl

from carryover import steps
from carryover.claims import accounting
from carryover.report import model
from carryover.report.model import load_report_data
from carryover.warehouse.build import RunRecord
from carryover.warehouse.build import load as load_warehouse
from tests.support import PROJECT_ROOT


def _account_alone(a: dict[str, Any], numbers: pl.DataFrame | None, findings: pl.DataFrame) -> None:
    """One article's verdict from filters of the whole frames (the reference)."""
    errors = findings.filter(
        (pl.col("source_file") == a["source_file"])
        & (pl.col("severity") == "error")
        & ~pl.col("rule").is_in(accounting.VERDICT_RULES)
    ).height
    a["numbers_line"] = None
    a["unread"] = []
    unread = 0
    if numbers is not None and a["source_file"].startswith("articles/"):
        own = numbers.filter(
            (pl.col("article_id") == a["id"]) & (pl.col("source_file") == a["source_file"])
        )
        if own.height:
            row = accounting.summary(own).row(0, named=True)
            a["numbers_line"] = accounting.summary_line(row)
            unread = row["unread"]
        a["unread"] = [
            {"line": r["source_line"], "column": r["column_name"], "message": r["message"]}
            for r in findings.filter(
                (pl.col("rule") == "number_unread") & (pl.col("source_file") == a["source_file"])
            ).iter_rows(named=True)
        ]
    a["ready"] = errors == 0 and a["wrong"] == 0 and unread == 0
    a["verdict"] = (
        model.READY
        if a["ready"]
        else (model.NEEDS_FIXES if a["wrong"] or errors else model.NOT_READ)
    )


def test_every_article_is_accounted_as_by_its_own_filters(tmp_path: Path) -> None:
    """The dev corpus, twice under other names (ids shared by two files): the same articles."""
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    corpus = sorted((PROJECT_ROOT / "tests" / "data" / "articles" / "real").glob("*.md"))
    for md in corpus:
        shutil.copy(md, raw / "articles" / md.name)
        (raw / "articles" / "again").mkdir(exist_ok=True)
        shutil.copy(md, raw / "articles" / "again" / md.name)
    checked = steps.check(raw, analytics=False)
    validation = checked.validation
    run = RunRecord("run-a", dt.datetime.now(dt.UTC), None, "errors", str(raw))
    warehouse = tmp_path / "w.duckdb"
    load_warehouse(warehouse, run, validation, checked.derived, stopped=[])
    data = load_report_data(warehouse, "run-a")
    articles = model._articles(data)
    assert len(articles) > len(corpus)
    unresolved = data.findings.filter(pl.col("rule") == "claim_unresolved")
    verdicts = set()
    for a in articles:
        expected = {k: v for k, v in a.items() if k not in ("numbers_line", "unread", "ready")}
        if a["source_file"].startswith("articles/"):
            rows = unresolved.filter(pl.col("source_file") == a["source_file"])
            assert a["unresolved"] == [
                {"line": r["source_line"], "message": r["message"]}
                for r in rows.iter_rows(named=True)
            ]
        _account_alone(expected, data.article_numbers, data.findings)
        assert a == expected
        verdicts.add(a["verdict"])
    assert model.READY in verdicts
    assert model.NOT_READ in verdicts or model.NEEDS_FIXES in verdicts
    assert any(a["unread"] for a in articles)

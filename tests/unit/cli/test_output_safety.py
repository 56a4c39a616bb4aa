"""Printed cells cannot drive the terminal, and claims.csv may name an article by its file stem."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

import carryover.cli.app as cli
from carryover.cli.app import app
from carryover.core.visible import visible
from carryover.steps import check
from carryover.warehouse.build import RunRecord, load
from tests.support import valid_texts, validate_texts, write_raw

ESCAPES = "\x1b[2J\x1b[31m\x9b0m\u202e\x07"


def _raw_with_escapes(tmp_path: Path) -> Path:
    texts = valid_texts()
    header, first, *rest = texts["outcomes"].splitlines()
    cells = first.split(",")
    cells[-1] = f"Table 2 {ESCAPES}"  # the source column: text, loaded as it is
    bad = first.split(",")
    bad[5] = f"12{ESCAPES}"  # pre_mean: a number_type finding quoting the cell
    texts["outcomes"] = "\n".join([header, ",".join(cells), ",".join(bad), *rest]) + "\n"
    raw = write_raw(tmp_path / "raw", texts)
    (raw / "outcomes").mkdir()
    (raw / "outcomes" / f"part{ESCAPES}.csv").write_text("", encoding="utf-8")  # file_empty
    return raw


def test_check_shows_escape_sequences_instead_of_obeying_them(tmp_path: Path) -> None:
    """A file name or cell with ESC [2J cannot clear the screen: it is shown escaped."""
    result = CliRunner().invoke(app, ["check", "--raw", str(_raw_with_escapes(tmp_path))])
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output
    assert "\x9b" not in result.output
    assert "\u202e" not in result.output
    assert "\\x1b[2J" in result.output


def test_run_prints_findings_the_same_safe_way(tmp_path: Path) -> None:
    """`run` prints its findings with the same function as `check`."""
    raw = _raw_with_escapes(tmp_path)
    findings = check(raw).validation.findings
    assert findings.filter(pl.col("source_file").str.contains("\x1b", literal=True)).height
    printed: list[str] = []
    original = cli.out.print
    cli.out.print = lambda *args, **kwargs: printed.append(str(args[0]))  # type: ignore[method-assign]
    try:
        cli._print_findings(cli._located(findings, raw), 0)
    finally:
        cli.out.print = original  # type: ignore[method-assign]
    assert printed
    assert not any("\x1b" in line for line in printed)


def test_sql_tables_and_json_show_escapes_and_csv_stays_exact(tmp_path: Path) -> None:
    """Table output escapes; JSON escapes C1 and bidi characters losslessly; piped CSV is exact."""
    validation = validate_texts(
        {**valid_texts(), "outcomes": _raw_with_escapes(tmp_path).joinpath(
            "outcomes.csv").read_text(encoding="utf-8")}
    )  # fmt: skip
    warehouse = tmp_path / "w.duckdb"
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    from carryover.steps import transform_all

    load(warehouse, RunRecord("r1", now, now, "ok", "raw"), validation, transform_all(validation))
    query = "select source from outcomes where source like 'Table 2 %'"
    runner = CliRunner()
    table = runner.invoke(app, ["sql", "--warehouse", str(warehouse), query])
    assert table.exit_code == 0, table.output
    assert "\x1b" not in table.stdout
    assert visible(f"Table 2 {ESCAPES}") in table.stdout
    as_json = runner.invoke(app, ["sql", "--warehouse", str(warehouse), "--format", "json", query])
    assert "\x9b" not in as_json.stdout
    assert "\u202e" not in as_json.stdout
    assert json.loads(as_json.stdout)[0]["source"] == f"Table 2 {ESCAPES}"
    as_csv = runner.invoke(app, ["sql", "--warehouse", str(warehouse), "--format", "csv", query])
    assert f"Table 2 {ESCAPES}" in as_csv.stdout  # not a terminal: the data as it is
    shell = runner.invoke(app, ["sql", "--warehouse", str(warehouse)], input=query + ";\n")
    assert "\x1b" not in shell.stdout


def test_a_hyphenated_article_id_in_claims_csv_is_accepted(tmp_path: Path) -> None:
    """`review-a` (a file stem) is read as the article id review_a, not quarantined."""
    texts = valid_texts()
    texts["claims"] += "review-a,9,trial_2020,n,,,,30\n"
    validation = validate_texts(texts)
    assert validation.findings.filter(pl.col("rule") == "slug_format").is_empty()
    claims = validation.clean["claims"]
    assert "review_a" in claims["article_id"].to_list()
    bad = valid_texts()
    bad["claims"] += "Review-A,9,trial_2020,n,,,,30\n"
    rejected = validate_texts(bad).findings.filter(pl.col("rule") == "slug_format")
    assert rejected["column_name"].to_list() == ["article_id"]

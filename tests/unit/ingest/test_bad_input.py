"""The bad-input catalog: findings at file:line, only affected rows quarantined, nothing lost.

No case shows a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from carryover.cli.app import app
from carryover.core.errors import RawDirError
from carryover.report.markdown import md_cell
from carryover.steps import check, transform_all
from carryover.warehouse.build import RunRecord, load
from tests.support import valid_texts, write_raw

HEADER = (
    "study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,"
    "change_abs,change_pct,source"
)
ROW = "trial_2020,sq,back_squat,{measure},kg,{pre},,{post},,{abs},{pct},{source}"


def row(measure: str = "5RM", pre: str = "", post: str = "", abs_: str = "", pct: str = "5.0",
        source: str = "Table 3") -> str:  # fmt: skip
    return ROW.format(measure=measure, pre=pre, post=post, abs=abs_, pct=pct, source=source)


def checked(tmp_path: Path, outcomes: str | bytes, **others: str | bytes):
    texts: dict[str, str | bytes] = {**valid_texts(), "outcomes": outcomes, **others}
    result = check(write_raw(tmp_path / "raw", texts))
    for f in result.validation.files:
        assert f.loaded_rows + f.quarantined_rows == f.data_rows, f
    return result.validation


def found(v, file: str = "outcomes.csv") -> list[tuple[str, int | None, str | None]]:
    f = v.findings.filter(pl.col("source_file") == file)
    return f.select("rule", "source_line", "column_name").rows()


def loaded(v, column: str) -> list[object]:
    return v.clean["outcomes"].filter(pl.col("measure") == "5RM")[column].to_list()


GOOD = valid_texts()["outcomes"]


def with_column(text: str, name: str, value: str) -> str:
    """Add a column (header name and a value on every row)."""
    lines = text.rstrip("\n").split("\n")
    return "\n".join([lines[0] + "," + name] + [line + "," + value for line in lines[1:]]) + "\n"


CATALOG = [
    # (case, outcomes.csv content, expected findings in outcomes.csv, rows quarantined)
    ("empty file", "", [("file_empty", 1, None)], 0),
    ("header only", HEADER + "\n", [], 0),
    ("missing required column", GOOD.replace(",source", "").replace(",Table 2", "")
     .replace(",Abstract", ""), [("column_missing", 1, "source")], 4),
    ("unknown extra column", with_column(GOOD, "notes", "x"), [("column_unknown", 1, "notes")], 0),
    ("duplicate header names", with_column(GOOD, "unit", "lb"), [("column_duplicate", 1, "unit")],
     4),
    ("too many fields", GOOD + row() + ",extra\n", [("row_ragged", 6, None)], 1),
    ("too few fields", GOOD + "trial_2020,sq,back_squat,5RM\n", [("row_ragged", 6, "unit")], 1),
    ("unterminated quote", GOOD + row(source='"Table 3') + "\n", [("row_quoting", 6, "source")], 1),
    ("quoted field spanning lines", GOOD + row(source='"Table\n3"') + "\n" + row(measure="6RM")
     + "\n" + row(measure="7RM", pct="x") + "\n", [("number_type", 9, "change_pct")], 1),
    ("utf-8 BOM", b"\xef\xbb\xbf" + GOOD.encode(), [], 0),
    ("latin-1 bytes", GOOD.encode() + row(source="Tabl\xe9 3").encode("latin-1") + b"\n",
     [("row_encoding", 6, "source")], 1),
    ("NUL byte", GOOD + row(source="Ta\x00ble") + "\n", [("row_nul_byte", 6, None)], 1),
    ("CRLF and mixed line ends", GOOD.replace("\n", "\r\n", 2) + row() + "\r" + row(measure="6RM",
     pct="x") + "\n", [("number_type", 7, "change_pct")], 1),
    ("semicolon-separated", GOOD.replace(",", ";"), [("file_delimiter", 1, None)], 0),
    ("decimal comma", GOOD + row(pct='"21,2"') + "\n", [("number_type", 6, "change_pct")], 1),
    ("percent sign", GOOD + row(pct="21.2%") + "\n", [("value_normalised", 6, "change_pct")], 0),
    ("thousands separator", GOOD + row(pre='"1,234.5"', post="1300") + "\n",
     [("number_type", 6, "pre_mean")], 1),
    ("spaces around cells", GOOD + row(pct="  5.0 ", source=" Table 3 ") + "\n", [], 0),
    ("NA spellings as missing", GOOD + row(pre="NA", post="n/a", abs_="-") + "\n" + row(
     measure="6RM", pre=".", post="-") + "\n", [("value_normalised", 6, "change_abs"),
     ("value_normalised", 6, "post_mean"), ("value_normalised", 6, "pre_mean"),
     ("value_normalised", 7, "post_mean"), ("value_normalised", 7, "pre_mean")], 0),
    ("scientific notation", GOOD + row(pre="1.0e2", post="1.05E2", pct="") + "\n", [], 0),
    ("huge number", GOOD + row(pct="1e400") + "\n", [("number_type", 6, "change_pct")], 1),
    ("negative zero", GOOD + row(pre="100", post="100", abs_="-0.0", pct="-0") + "\n", [], 0),
    ("not CSV: a PDF", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", [("file_not_csv", 1, None)], 0),
    ("not CSV: a zip", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)),
     [("file_not_csv", 1, None)], 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("content", "expected", "quarantined"),
    [case[1:] for case in CATALOG],
    ids=[case[0] for case in CATALOG],
)
def test_catalog(tmp_path: Path, content: str | bytes, expected: list, quarantined: int) -> None:  # type: ignore[type-arg]
    """Findings at their line and column; only the affected rows quarantined; nothing lost."""
    v = checked(tmp_path, content)
    assert sorted(found(v)) == sorted(expected)
    stats = next(f for f in v.files if f.table_name == "outcomes")
    assert stats.quarantined_rows == quarantined


def test_normalised_values_load_as_numbers(tmp_path: Path) -> None:
    """'21.2%' loads as 21.2, '1.0e2' as 100, '-0' as 0 (not -0), 'NA' as missing."""
    v = checked(tmp_path, GOOD + row(pre="1.0e2", post="NA", abs_="-0.0", pct="21.2%") + "\n")
    values = v.clean["outcomes"].filter(pl.col("measure") == "5RM").row(0, named=True)
    assert (values["pre_mean"], values["post_mean"], values["change_pct"]) == (100.0, None, 21.2)
    assert str(values["change_abs"]) == "0.0"


def test_a_huge_integer_is_not_a_crash(tmp_path: Path) -> None:
    """A whole number too large to store is an integer_type error, not an overflow."""
    groups = valid_texts()["groups"] + "trial_2020,big,Big,back_squat,99999999999999999999\n"
    v = checked(tmp_path, GOOD, groups=groups)
    assert found(v, "groups.csv") == [("integer_type", 4, "n")]


def test_a_10_mb_cell_loads_and_findings_show_an_excerpt(tmp_path: Path) -> None:
    """A 10 MB text cell is stored whole; a 10 MB number cell is an error with a short excerpt."""
    big = "x" * 10_000_000
    v = checked(
        tmp_path, GOOD + row(source=big) + "\n" + row(measure="6RM", pct="9" * 10**7) + "\n"
    )
    assert loaded(v, "source") == [big]
    (finding,) = v.findings.filter(pl.col("rule") == "number_type").rows(named=True)
    assert finding["source_line"] == 7
    assert len(finding["value"]) < 300


def test_a_link_outside_the_raw_directory_is_not_followed(tmp_path: Path) -> None:
    """A symlink that leads out of the raw directory is refused; one that stays inside is read."""
    secret = tmp_path / "elsewhere.csv"
    secret.write_text(GOOD)
    raw = write_raw(tmp_path / "raw", {k: v for k, v in valid_texts().items() if k != "outcomes"})
    (raw / "outcomes.csv").symlink_to(secret)
    v = check(raw).validation
    assert found(v) == [("file_outside_raw", None, None)]
    (raw / "outcomes.csv").unlink()
    (raw / "data").mkdir()
    (raw / "data" / "outcomes.csv").write_text(GOOD)
    (raw / "outcomes.csv").symlink_to(raw / "data" / "outcomes.csv")
    assert found(check(raw).validation) == []


def test_a_raw_directory_that_is_missing_or_a_file_cannot_be_used(tmp_path: Path) -> None:
    """No raw directory: one clear sentence (the CLI turns it into exit 2)."""
    with pytest.raises(RawDirError, match="does not exist"):
        check(tmp_path / "nope")
    (tmp_path / "file").write_text("x")
    with pytest.raises(RawDirError, match="is not a directory"):
        check(tmp_path / "file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any directory")
def test_an_unreadable_raw_directory_cannot_be_used(tmp_path: Path) -> None:
    """A raw directory without read permission: one clear sentence."""
    raw = write_raw(tmp_path / "raw", valid_texts())
    raw.chmod(0)
    try:
        with pytest.raises(RawDirError, match="not readable"):
            check(raw)
    finally:
        raw.chmod(0o755)


def test_values_that_look_like_sql_or_formulas_stay_inert_text(tmp_path: Path) -> None:
    """SQL and spreadsheet formulas are stored as they are and shown escaped, never run."""
    hostile = ["'); drop table studies; --", "=cmd|' /C calc'!A0", '=HYPERLINK("http://x")']
    groups = valid_texts()["groups"] + "".join(
        f'trial_2020,g{i},"{h.replace(chr(34), chr(34) * 2)}",,1\n' for i, h in enumerate(hostile)
    )
    v = checked(tmp_path, GOOD, groups=groups)
    warehouse = tmp_path / "w.duckdb"
    now = __import__("datetime").datetime.now(__import__("datetime").UTC)
    load(warehouse, RunRecord("r", now, now, "ok", "raw"), v, transform_all(v))
    con = duckdb.connect(str(warehouse), read_only=True)
    labels = [r[0] for r in con.sql("select label from groups where group_id like 'g%'").fetchall()]
    tables = {r[0] for r in con.sql("show tables").fetchall()}
    con.close()
    assert labels == hostile
    assert "studies" in tables
    assert md_cell(hostile[1]) == "=cmd\\|' /C calc'!A0"


@pytest.mark.slow  # the whole check once per catalog case
def test_the_cli_never_shows_a_traceback_for_any_catalog_case(tmp_path: Path) -> None:
    """Every catalog case through `carryover check`: exit 0 or 1, findings, no traceback."""
    runner = CliRunner()
    for name, content, _, _ in CATALOG:
        raw = write_raw(
            tmp_path / name.replace(" ", "_").replace(":", ""),
            {**valid_texts(), "outcomes": content},
        )
        result = runner.invoke(app, ["check", "--raw", str(raw)])
        assert result.exit_code in (0, 1), (name, result.output)
        assert "Traceback" not in result.output, name

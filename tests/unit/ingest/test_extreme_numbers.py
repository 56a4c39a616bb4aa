"""Numbers no 64-bit float holds (huge exponents or digit strings) are findings, never a crash."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from carryover.core.rounding import half_width
from carryover.steps import check
from schemas.columns import representable
from tests.support import valid_texts, write_raw

OUTCOME = "trial_2020,sq,back_squat,5RM,kg,,,,,,{value},Table 3"
REFUSED = [
    "1e-99999999999999999999",
    "0e999999999999999999999",
    "1e-400",
    "0.5e-400",
    "0e400",
    "1" + "0" * 400,
    "1e400",
    "-1e999999999999999999999999999999",
    "0." + "0" * 400 + "1",
]
ACCEPTED = [
    ("0e-99999999999999999999", 0.0),
    ("0" * 400 + "12.5", 12.5),
    ("12.5" + "0" * 400, 12.5),
    ("1e-300", 1e-300),
    ("1.5e2", 150.0),
    ("-0.0e5", 0.0),
]


def _checked(tmp_path: Path, table: str, row: str):  # type: ignore[no-untyped-def]
    texts = valid_texts()
    texts[table] = texts[table] + row + "\n"
    result = check(write_raw(tmp_path / "raw", texts))
    for f in result.validation.files:
        assert f.loaded_rows + f.quarantined_rows == f.data_rows, f
    return result


@pytest.mark.parametrize("value", REFUSED)
def test_an_unrepresentable_change_pct_is_a_finding_at_its_line(tmp_path: Path, value: str) -> None:
    """The cell is a number_type error at outcomes.csv, its line and column; the rest loads."""
    result = _checked(tmp_path, "outcomes", OUTCOME.format(value=value))
    findings = result.validation.findings.filter(pl.col("source_file") == "outcomes.csv")
    hits = findings.filter(pl.col("rule") == "number_type")
    assert hits.height == 1, findings
    assert hits["column_name"][0] == "change_pct"
    assert hits["source_line"][0] == len(valid_texts()["outcomes"].splitlines()) + 1
    loaded = result.validation.clean["outcomes"]
    assert loaded.height == len(valid_texts()["outcomes"].splitlines()) - 1


@pytest.mark.parametrize("value", REFUSED)
def test_an_unrepresentable_claim_value_is_a_finding(tmp_path: Path, value: str) -> None:
    """claims.csv value goes through the same number check: a finding, not a stopped run."""
    result = _checked(tmp_path, "claims", f"review,9,trial_2020,n,,,,{value}")
    hits = result.validation.findings.filter(
        (pl.col("source_file") == "claims.csv") & (pl.col("rule") == "number_type")
    )
    assert hits.height == 1
    assert hits["column_name"][0] == "value"


@pytest.mark.parametrize(("value", "number"), ACCEPTED)
def test_a_long_but_representable_number_loads_with_its_value(
    tmp_path: Path, value: str, number: float
) -> None:
    """Long zeros or a huge negative exponent on a zero are still the number they write."""
    result = _checked(tmp_path, "outcomes", OUTCOME.format(value=value))
    errors = result.validation.findings.filter(
        (pl.col("severity") == "error") & (pl.col("column_name") == "change_pct")
    )
    assert errors.filter(pl.col("rule") == "number_type").is_empty(), errors
    changes = result.validation.clean["outcomes"].filter(pl.col("measure") == "5RM")
    assert changes["change_pct"].to_list() == [number]


def test_the_rounding_step_takes_any_exponent() -> None:
    """half_width never raises: too large an exponent is inf, too small is 0."""
    frame = pl.DataFrame({"t": ["1e-99999999999999999999", "0e999999999999999999999", "1.25"]})
    widths = frame.select(half_width(pl.col("t")).alias("t"))["t"].to_list()
    assert widths == [0.0, float("inf"), 0.005]
    ok = frame.select(representable(pl.col("t")).alias("t"))["t"].to_list()
    assert ok == [False, False, True]

"""A blog-style draft, checked as an editor would with `carryover check`: never "ready" with errors.

tests/data/articles/drafts/hip-thrust-or-squat-draft.md names Hammond et al. only as "A 2019
study published in PeerJ" with its DOI as a link, states a wrong hip thrust gain (28.4%, the
paper: 24.8%) and a wrong group size (12 of 14 in the hip thrust group, the paper: 7 per group),
and a true group size ("The hip thrust group, 10 women", Barbalho et al.).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from carryover.cli.app import app
from carryover.steps import check

ROOT = Path(__file__).resolve().parents[3]
DRAFT = ROOT / "tests" / "data" / "articles" / "drafts" / "hip-thrust-or-squat-draft.md"


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    for csv in (ROOT / "raw").glob("*.csv"):
        if csv.name != "claims.csv":
            shutil.copy(csv, raw / csv.name)
    shutil.copy(DRAFT, raw / "articles" / DRAFT.name)
    return raw


def test_the_draft_is_checked_or_told_number_by_number(raw_dir: Path) -> None:
    """Every number is a claim, a non-claim with its reason, or unread with a warning.

    The unread warnings stand at their line and column; the wrong gain is caught; no true figure
    is called wrong.
    """
    validation = check(raw_dir).validation
    numbers = validation.derived["article_numbers"]
    by_place = {
        (r["line"], r["text"]): (r["disposition"], r["reason"] or r["verdict"], r["study_id"])
        for r in numbers.iter_rows(named=True)
    }
    assert by_place[(7, "2019")] == ("non_claim", "citation_year", None)
    assert by_place[(7, "14")] == ("claim", "supported", "hammond_2019")
    assert by_place[(8, "4")] == ("claim", "supported", "hammond_2019")
    assert by_place[(9, "28.4%")] == ("claim", "contradicted", "hammond_2019")
    assert by_place[(9, "10.2%")] == ("claim", "supported", "hammond_2019")
    assert by_place[(14, "22")] == ("claim", "supported", "barbalho_2020")
    assert by_place[(15, "4.3%")] == ("claim", "supported", "barbalho_2020")
    assert by_place[(15, "35.9%")] == ("claim", "supported", "barbalho_2020")
    # The group sizes: checked once the data holds them per group, else told as unread.
    for place in ((8, "12"), (14, "10")):
        disposition, verdict, _ = by_place[place]
        assert (disposition, verdict) in (
            ("unread", "not_interpreted"),
            ("claim", "contradicted" if place == (8, "12") else "supported"),
        )
    unread = numbers.filter(pl.col("disposition") == "unread")
    warned = validation.findings.filter(pl.col("rule") == "number_unread")
    assert sorted(warned["source_line"].to_list()) == sorted(unread["line"].to_list())
    assert all("column" in c for c in warned["column_name"].to_list())
    # The Hammond passage is linked by its DOI, journal and year, not skipped.
    resolved = numbers.filter(pl.col("study_id") == "hammond_2019")["resolved_by"].to_list()
    assert resolved
    assert all("doi" in r and "journal" in r and "year" in r for r in resolved)
    assert not validation.findings.filter(
        (pl.col("rule") == "claim_vs_source") & pl.col("message").str.contains("10.2%")
    ).height


def test_the_cli_says_the_draft_is_not_ready(raw_dir: Path) -> None:
    """`carryover check` prints the article's numbers line and 'not ready', and exits 1."""
    result = CliRunner().invoke(app, ["check", "--raw", str(raw_dir)])
    assert result.exit_code == 1, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith("hip_thrust_or_squat_draft:"))
    assert " numbers: " in line
    assert "checked (" in line
    assert line.endswith("- not ready")
    assert "claim_vs_source" in result.stdout


def test_claim_checks_say_which_cues_linked_each_claim(raw_dir: Path) -> None:
    """resolved_by is in claim_checks too, for every claim read from the draft."""
    checks = check(raw_dir).validation.derived["claim_checks"]
    cues = checks.filter(pl.col("study_id") == "barbalho_2020")["resolved_by"].to_list()
    assert cues
    assert all(c is not None and c.startswith("author: Barbalho") for c in cues)

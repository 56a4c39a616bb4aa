"""What a new user trips over, said plainly: the version, typos in a header, an unknown group."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from carryover.cli.app import app
from tests.support import valid_texts, write_raw

pytestmark = pytest.mark.slow


def test_version_prints_the_installed_version() -> None:
    """`carryover --version` prints the package's version and exits 0."""
    result = subprocess.run(
        [sys.executable, "-c", "from carryover.cli.app import main; main()", "--version"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert result.stdout == f"carryover {version('carryover')}\n"


def _check(raw: Path) -> list[str]:
    result = CliRunner().invoke(app, ["check", "--raw", str(raw), "--max-findings", "0"])
    assert "Traceback" not in result.output
    return result.stdout.splitlines()


def test_a_misspelt_optional_column_names_the_column_it_was_meant_to_be(tmp_path: Path) -> None:
    """'change_percent' is ignored, with 'did you mean change_pct' and what that costs."""
    texts = valid_texts()
    texts["outcomes"] = texts["outcomes"].replace(",change_pct,", ",change_percent,", 1)
    lines = _check(write_raw(tmp_path / "raw", texts))
    assert any(
        line.endswith(
            "outcomes.csv:1: warning [column_unknown] change_percent: column 'change_percent' "
            "is not part of the contract; it is ignored; did you mean 'change_pct'? "
            "('change_pct' is absent, so its values are not read)"
        )
        for line in lines
    ), lines


def test_a_misspelt_required_column_is_missing_and_says_which_header_it_may_be(
    tmp_path: Path,
) -> None:
    """'studyid' for 'study_id': the missing column's error points at the look-alike."""
    texts = valid_texts()
    texts["groups"] = texts["groups"].replace("study_id,", "studyid,", 1)
    lines = _check(write_raw(tmp_path / "raw", texts))
    assert any(
        line.endswith(
            "groups.csv:1: error [column_missing] study_id: required column 'study_id' is "
            "missing from the header (the header has 'studyid': a typo?)"
        )
        for line in lines
    ), lines
    assert any("did you mean 'study_id'?" in line for line in lines)


def test_unrelated_names_get_no_suggestion(tmp_path: Path) -> None:
    """An extra 'notes' column is just unknown: nothing in the contract looks like it."""
    texts = valid_texts()
    rows = texts["exercises"].splitlines()
    texts["exercises"] = "\n".join([rows[0] + ",notes", *(r + ",x" for r in rows[1:])]) + "\n"
    lines = _check(write_raw(tmp_path / "raw", texts))
    [notes] = [line for line in lines if "[column_unknown]" in line]
    assert notes.endswith("column 'notes' is not part of the contract; it is ignored")


def test_unknown_group_names_the_groups_file_and_the_valid_ids(tmp_path: Path) -> None:
    """Groups read from groups/trial.csv: the message names that file and lists sq, ht."""
    texts = valid_texts()
    groups = texts.pop("groups")
    texts["outcomes"] += "trial_2020,zz,back_squat,3RM,kg,,,,,,5,A\n"
    texts["claims"] += "review,7,trial_2020,change_pct,zz,back_squat,1RM,5\n"
    raw = write_raw(tmp_path / "raw", texts)
    (raw / "groups").mkdir()
    (raw / "groups" / "trial.csv").write_text(groups, encoding="utf-8")
    lines = [line for line in _check(raw) if "[unknown_group]" in line]
    expected = (
        "group 'zz' of study 'trial_2020' is not a valid group in groups/trial.csv; "
        "the valid groups of trial_2020 are: ht, sq"
    )
    assert len(lines) == 2, lines
    assert lines[0].endswith(f"claims.csv:4: error [unknown_group] group_id: {expected}")
    assert lines[1].endswith(f"outcomes.csv:6: error [unknown_group] group_id: {expected}")

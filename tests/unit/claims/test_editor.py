"""Editor-grade verdicts on the demonstration article: nearest figure, copied figure, caution."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from carryover.steps import check

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, object]]:
    raw = tmp_path_factory.mktemp("editor") / "raw"
    (raw / "articles").mkdir(parents=True)
    for csv in (ROOT / "raw").glob("*.csv"):
        if csv.name != "claims.csv":
            shutil.copy(csv, raw / csv.name)
    shutil.copy(ROOT / "raw" / "articles" / "hip-thrust-vs-squat.md", raw / "articles")
    table = check(raw).validation.derived["claim_checks"]
    wrong = table.filter(pl.col("verdict") != "supported")
    return {r["line"]: r for r in wrong.iter_rows(named=True)}


def test_a_wrong_test_is_still_compared_with_the_nearest_figure(checks: dict) -> None:  # type: ignore[type-arg]
    """'three-rep max' (line 18), 'front squat' (line 21): the value is the study's figure.

    Both match the study's figure for the same group in the test it did use.
    """
    assert checks[18]["nearest_value"] == 24.8
    assert "Barbell hip thrust 1RM" in str(checks[18]["nearest_what"])
    assert "which this value matches" in str(checks[18]["fix"])
    assert checks[21]["nearest_value"] == 10.2
    assert "Barbell back squat 1RM" in str(checks[21]["nearest_what"])


def test_a_figure_from_another_study_is_said_to_be_copied(checks: dict) -> None:  # type: ignore[type-arg]
    """35.9% for Hammond's squat group (line 13) is Barbalho's figure for the back squat."""
    assert "Barbalho et al. 2020" in str(checks[13]["copied_from"])
    assert "copied from the wrong study" in str(checks[13]["fix"])
    assert checks[17]["copied_from"] is None  # 21.2% is no study's figure


def test_a_cautioned_study_shows_its_caution_beside_its_claims(checks: dict) -> None:  # type: ignore[type-arg]
    """Barbalho et al. 2020 has a caution in studies.csv; Hammond et al. 2019 has none."""
    assert "audit" in str(checks[25]["caution"])
    assert checks[13]["caution"] is None

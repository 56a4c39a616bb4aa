"""Analytics on the study data: every test, directions, change-score SDs, cautions, plots."""

from __future__ import annotations

import dataclasses
import math

import polars as pl
import pytest

from carryover.analytics import effects as analytics
from carryover.analytics.transforms import outcome_changes
from carryover.core.config import PROJECT_ROOT
from carryover.report.html import render_html
from carryover.steps import check
from tests.report_frames import report_data
from tests.support import validate_texts
from tests.unit.schemas.test_study_rules import EXERCISES, GROUPS, _texts


def _rows(texts: dict[str, str]) -> pl.DataFrame:
    validation = validate_texts(texts)
    assert validation.errors == 0, validation.findings.to_dicts()
    clean = validation.clean
    return analytics.carryover(
        clean["studies"],
        clean["groups"],
        clean["outcomes"],
        outcome_changes(clean["outcomes"]),
        clean["exercises"],
    )


def test_a_lower_is_better_test_gives_a_positive_transfer_ratio() -> None:
    """Sprint times fall: a squat group's -2% against a sprint group's -4% is a ratio of 0.5."""
    texts = _texts()
    texts["groups"] = GROUPS + "trial_2020,sp,Sprint group,sprint_10m,10,,,,,,\n"
    texts["outcomes"] += (
        "trial_2020,sq,sprint_10m,time,,,,,,,-2.0,T\ntrial_2020,sp,sprint_10m,time,,,,,,,-4.0,T\n"
    )
    rows = _rows(texts).filter(pl.col("test_exercise") == "sprint_10m").sort("group_id")
    assert rows.select("group_id", "role", "change_pct", "lower_is_better").rows() == [
        ("sp", "specific", -4.0, True),
        ("sq", "cross", -2.0, True),
    ]
    assert rows["transfer_ratio"].to_list() == [None, pytest.approx(0.5)]


def test_hip_thrust_to_a_jump_is_a_carryover_row() -> None:
    """A group that trained the hip thrust and was tested on a jump is a cross row."""
    texts = _texts()
    texts["exercises"] = EXERCISES + "vertical_jump,Vertical jump,,jump,cm,no,\n"
    texts["outcomes"] += "trial_2020,ht,vertical_jump,height,,,,,,,5.4,Abstract\n"
    rows = _rows(texts).filter(pl.col("test_exercise") == "vertical_jump")
    assert rows.select("trained_exercise", "role", "measure_family", "change_pct").rows() == [
        ("hip_thrust", "cross", "height", 5.4)
    ]
    pooled = analytics.pooled(rows)
    assert pooled.select("trained_exercise", "test_exercise", "k_studies").rows() == [
        ("hip_thrust", "vertical_jump", 1)
    ]


def test_d_change_uses_the_sd_of_the_changes() -> None:
    """D = c(n-1)·change/SD_change and Var = 1/n + d²/(2n) (metafor SMCC), on Hagerupsen's SG."""
    texts = _texts()
    texts["outcomes"] = (
        "study_id,group_id,test_exercise,measure,unit,change_abs,change_abs_sd,source\n"
        "trial_2020,sq,back_squat,1RM,kg,21.0,11.5,Abstract\n"
    )
    row = _rows(texts).row(0, named=True)
    c = 1 - 3 / (4 * 9 - 1)
    d = c * 21.0 / 11.5
    assert row["d_change"] == pytest.approx(d)
    assert row["d_change_var"] == pytest.approx(1 / 10 + d**2 / 20)
    assert row["d_change_scale"] == "unit"
    assert row["g"] is None


def test_the_pooled_table_has_a_sensitivity_row_without_cautioned_studies() -> None:
    """A pooled row with a cautioned study is repeated without it, pooled from the others."""
    base = {
        "study_id": ["a", "b"],
        "group_id": ["g", "g"],
        "trained_exercise": ["hip_thrust", "hip_thrust"],
        "test_exercise": ["back_squat", "back_squat"],
        "measure": ["1RM", "1RM"],
        "measure_family": [analytics.RM_FAMILY] * 2,
        "is_specific": [False, False],
        "n": [10, 30],
        "change_pct": [4.0, 20.0],
        "transfer_ratio": [0.1, 0.9],
        "g": [None, None],
        "g_var": [None, None],
        "caution": ["audited", None],
    }
    rows = pl.DataFrame(base, schema_overrides={"g": pl.Float64, "g_var": pl.Float64})
    pooled = analytics.pooled(rows)
    assert pooled.select("subset", "studies", "participants", "cautioned_studies").rows() == [
        (analytics.ALL_STUDIES, "a, b", 40, "a"),
        (analytics.WITHOUT_CAUTIONED, "b", 30, "a"),
    ]
    assert pooled["change_pct_mean"].to_list() == pytest.approx([(40 + 600) / 40, 20.0])


@pytest.fixture(scope="module")
def bundled() -> dict[str, pl.DataFrame]:
    checked = check(PROJECT_ROOT / "raw")
    return {**checked.derived, **checked.validation.clean}


def test_the_bundled_data_computes_g_and_its_pooling_on_real_sds(
    bundled: dict[str, pl.DataFrame],
) -> None:
    """Kikuchi & Nakazato 2017's pre/post SDs give g; it is pooled (k_g = 1) per pair."""
    rows = bundled["carryover"].filter(pl.col("g").is_not_null())
    assert set(rows["study_id"].to_list()) == {"kikuchi_2017"}
    bench = rows.filter(pl.col("group_id") == "bp").row(0, named=True)
    c = 1 - 3 / (4 * 8 - 1)
    assert bench["g"] == pytest.approx(c * (65.0 - 60.0) / 12.1)
    pooled = bundled["carryover_pooled"].filter(pl.col("k_g") > 0)
    assert sorted(pooled["trained_exercise"].to_list()) == ["bench_press", "push_up"]
    assert all(math.isfinite(x) for x in pooled["g_ci_lo"].to_list())


def test_barbalho_caution_shows_in_the_pooled_table(bundled: dict[str, pl.DataFrame]) -> None:
    """The hip thrust -> back squat row names barbalho_2020 and has a row without it."""
    rows = bundled["carryover_pooled"].filter(
        (pl.col("trained_exercise") == "hip_thrust") & (pl.col("test_exercise") == "back_squat")
    )
    assert rows["subset"].to_list() == [analytics.ALL_STUDIES, analytics.WITHOUT_CAUTIONED]
    assert rows["cautioned_studies"].to_list() == ["barbalho_2020", "barbalho_2020"]
    assert "barbalho_2020" not in rows["studies"][1]
    barbalho = bundled["carryover"].filter(pl.col("study_id") == "barbalho_2020")
    assert barbalho["caution"].null_count() == 0


def test_the_report_plots_show_the_new_tests(bundled: dict[str, pl.DataFrame]) -> None:
    """Jumps, sprints and agility get heatmaps; the cautioned pooled rows are listed."""
    data = dataclasses.replace(
        report_data(), carryover=bundled["carryover"], carryover_pooled=bundled["carryover_pooled"]
    )
    page = render_html(data)
    for test in ("vertical_jump", "broad_jump", "pro_agility", "dash_36_6m", "ball_kick"):
        assert test in page
    assert "Carryover matrix (height)" in page
    assert "Carryover matrix (time)" in page
    assert "hip_thrust -&gt; back_squat (RM strength): barbalho_2020" in page

"""The carryover formulas against published examples; the per-study labels, ratios and pooling."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
from statsmodels.stats.meta_analysis import combine_effects

from carryover.analytics import effects as analytics
from carryover.core.config import PROJECT_ROOT
from carryover.steps import check
from tests.analytics_frames import Arm, carryover_of, pool

# Morris (2008), Table 1 data as metafor's test suite types it in
# (tests/testthat/test_analysis_example_morris2008.r): treatment and control arms of five studies.
MORRIS_T = {
    "m_pre": [30.6, 23.5, 0.5, 53.4, 35.6],
    "m_post": [38.5, 26.8, 0.7, 75.9, 36.0],
    "sd_pre": [15.0, 3.1, 0.1, 14.5, 4.7],
    "n": [20, 50, 9, 10, 14],
    "r": [0.47, 0.64, 0.77, 0.89, 0.44],
}
MORRIS_C = {
    "m_pre": [23.1, 24.9, 0.6, 55.7, 34.8],
    "m_post": [19.7, 25.3, 0.6, 60.7, 33.4],
    "sd_pre": [13.8, 4.1, 0.2, 17.3, 3.1],
    "n": [20, 42, 9, 11, 14],
    "r": [0.47, 0.64, 0.77, 0.89, 0.44],
}
# metafor's escalc(measure="SMCR") results for them.
METAFOR_T_YI = [0.5056, 1.0481, 1.8054, 1.4181, 0.0801]
METAFOR_T_VI = [0.0594, 0.0254, 0.2322, 0.1225, 0.0802]
METAFOR_C_YI = [-0.2365, 0.0958, 0.0000, 0.2667, -0.4250]
METAFOR_C_VI = [0.0544, 0.0173, 0.0511, 0.0232, 0.0864]


def _smcr(data: dict[str, list[float]]) -> pl.DataFrame:
    frame = pl.DataFrame(data)
    change = pl.col("m_post") - pl.col("m_pre")
    return frame.with_columns(
        analytics.smcr(change, pl.col("sd_pre"), pl.col("n")).alias("g")
    ).with_columns(analytics.smcr_var(pl.col("g"), pl.col("n"), pl.col("r")).alias("v"))


def test_small_sample_correction_is_beckers_approximation() -> None:
    """c(m) = 1 - 3/(4m - 1): c(9) = 32/35, c(19) = 0.96; no correction exists below m = 1."""
    frame = pl.DataFrame({"m": [9, 19, 0]}).select(analytics.small_sample_c(pl.col("m")))
    assert frame.to_series().to_list()[:2] == pytest.approx([32 / 35, 0.96])
    assert frame.to_series()[2] is None


def test_standardized_mean_change_matches_metafors_morris_example() -> None:
    """Becker's g and its variance reproduce metafor's SMCR values for Morris (2008).

    metafor uses the exact gamma-function correction; Becker's approximation differs from it by
    less than 0.0012 (g) and 0.0003 (variance) at n = 9 and 10; from n = 14 on, g agrees to four
    decimals.
    """
    for data, yi, vi in (
        (MORRIS_T, METAFOR_T_YI, METAFOR_T_VI),
        (MORRIS_C, METAFOR_C_YI, METAFOR_C_VI),
    ):
        frame = _smcr(data)
        assert frame["g"].to_list() == pytest.approx(yi, abs=0.0012)
        assert frame["v"].to_list() == pytest.approx(vi, abs=0.0003)
        large = [i for i, n in enumerate(data["n"]) if n >= 14]
        assert [round(frame["g"][i], 4) for i in large] == [yi[i] for i in large]


def test_standardized_mean_change_by_hand() -> None:
    """Study 1 of Morris: c(19)·(38.5 - 30.6)/15.0 = 0.96·0.52667 = 0.50560; Var = 0.059391."""
    frame = _smcr({k: v[:1] for k, v in MORRIS_T.items()})
    assert frame["g"][0] == pytest.approx(0.5056, abs=1e-9)
    # 2(1 - 0.47)/20 + 0.5056²/40 = 0.053 + 0.25563136/40 = 0.053 + 0.006390784
    assert frame["v"][0] == pytest.approx(0.059390784, abs=1e-9)


def test_controlled_effect_matches_morris_table_1() -> None:
    """g(treatment) - g(control) reproduces Morris (2008) Table 1: 0.74, 0.95, 1.81, 1.15, 0.51."""
    arms = []
    for i in range(5):
        for group, data in (("t", MORRIS_T), ("c", MORRIS_C)):
            arms.append(
                Arm(
                    study=f"s{i}",
                    group=group,
                    trained=None if group == "c" else "back_squat",
                    test="back_squat",
                    n=data["n"][i],
                    pre=data["m_pre"][i],
                    post=data["m_post"][i],
                    pre_sd=data["sd_pre"][i],
                    prepost_r=data["r"][i],
                )
            )
    rows = carryover_of(arms).filter(pl.col("group_id") == "t").sort("study_id")
    assert rows["controlled_g"].round(2).to_list() == [0.74, 0.95, 1.81, 1.15, 0.51]
    metafor_sum = [0.1138, 0.0426, 0.2833, 0.1458, 0.1667]
    assert rows["controlled_g_var"].to_list() == pytest.approx(metafor_sum, abs=0.0003)
    assert rows["control_group_id"].to_list() == ["c"] * 5


def test_log_response_ratio_and_variance_by_hand() -> None:
    """Morris study 1: ln(38.5/30.6) = 0.229658, and its variance term by term.

    Var = 15²/(20·30.6²) + 11.6²/(20·38.5²) - 2·0.47·15·11.6/(20·30.6·38.5).
    """
    frame = pl.DataFrame(
        {"pre": [30.6], "post": [38.5], "sd_pre": [15.0], "sd_post": [11.6], "n": [20], "r": [0.47]}
    ).select(
        analytics.log_response_ratio(pl.col("pre"), pl.col("post")).alias("y"),
        analytics.log_response_ratio_var(
            pl.col("pre"),
            pl.col("post"),
            pl.col("sd_pre"),
            pl.col("sd_post"),
            pl.col("n"),
            pl.col("r"),
        ).alias("v"),
    )
    assert frame["y"][0] == pytest.approx(0.229658, abs=1e-6)
    # 0.012014610 + 0.004539045 - 0.006941686
    assert frame["v"][0] == pytest.approx(0.009611969, abs=1e-9)


def test_hammond_transfer_ratio_from_the_bundled_data() -> None:
    """Hammond: the squat group's hip thrust gain 13.3% / the hip thrust group's 24.8% = 0.536."""
    derived = check(PROJECT_ROOT / "raw").derived
    rows = derived["carryover"].filter(pl.col("study_id") == "hammond_2019")
    bbs_ht = rows.filter((pl.col("group_id") == "bbs") & (pl.col("test_exercise") == "hip_thrust"))
    assert bbs_ht["role"].to_list() == ["cross"]
    assert bbs_ht["reference_group_id"].to_list() == ["bht"]
    assert bbs_ht["transfer_ratio"][0] == pytest.approx(13.3 / 24.8)
    assert round(bbs_ht["transfer_ratio"][0], 2) == 0.54
    bht_bs = rows.filter((pl.col("group_id") == "bht") & (pl.col("test_exercise") == "back_squat"))
    assert bht_bs["transfer_ratio"][0] == pytest.approx(7.7 / 10.2)
    specific = rows.filter(pl.col("is_specific"))
    assert specific["transfer_ratio"].null_count() == specific.height == 2
    assert rows["g"].null_count() == rows.height  # no SDs in the abstract: no effect size


def test_transfer_ratio_needs_exactly_one_reference_group_with_a_gain() -> None:
    """None or several groups that trained the tested exercise, or a reference gain <= 0: null."""
    none = [Arm("a", "sq", "back_squat", "hip_thrust", pct=10.0)]
    several = [
        Arm("b", "sq", "back_squat", "hip_thrust", pct=10.0),
        Arm("b", "ht1", "hip_thrust", "hip_thrust", pct=20.0),
        Arm("b", "ht2", "hip_thrust", "hip_thrust", pct=25.0),
    ]
    flat = [
        Arm("c", "sq", "back_squat", "hip_thrust", pct=10.0),
        Arm("c", "ht", "hip_thrust", "hip_thrust", pct=0.0),
    ]
    loss = [
        Arm("d", "sq", "back_squat", "hip_thrust", pct=10.0),
        Arm("d", "ht", "hip_thrust", "hip_thrust", pct=-2.0),
    ]
    ok = [
        Arm("e", "sq", "back_squat", "hip_thrust", pct=-5.0),
        Arm("e", "ht", "hip_thrust", "hip_thrust", pct=20.0),
    ]
    rows = carryover_of(none + several + flat + loss + ok).filter(pl.col("group_id") == "sq")
    ratios = dict(zip(rows["study_id"], rows["transfer_ratio"], strict=True))
    assert ratios == {"a": None, "b": None, "c": None, "d": None, "e": -0.25}
    refs = dict(zip(rows["study_id"], rows["reference_group_id"], strict=True))
    assert refs == {"a": None, "b": None, "c": "ht", "d": "ht", "e": "ht"}


def test_transfer_ratio_compares_the_same_measure_only() -> None:
    """A 3RM cross gain is not divided by the reference group's 1RM gain."""
    rows = carryover_of(
        [
            Arm("a", "sq", "back_squat", "hip_thrust", measure="3RM", pct=10.0),
            Arm("a", "ht", "hip_thrust", "hip_thrust", measure="1RM", pct=20.0),
        ]
    )
    assert rows.filter(pl.col("group_id") == "sq")["transfer_ratio"].to_list() == [None]


def test_transfer_ratio_in_sd_units() -> None:
    """transfer_ratio_g divides the cross group's g by the reference group's g."""
    rows = carryover_of(
        [
            Arm("a", "sq", "back_squat", "hip_thrust", n=10, pre=100.0, post=105.0, pre_sd=10.0),
            Arm("a", "ht", "hip_thrust", "hip_thrust", n=10, pre=100.0, post=120.0, pre_sd=10.0),
        ]
    )
    cross = rows.filter(pl.col("group_id") == "sq")
    assert cross["transfer_ratio_g"][0] == pytest.approx(0.25)
    assert cross["transfer_ratio"][0] == pytest.approx(0.25)


def test_control_groups_are_carried_and_give_the_controlled_change() -> None:
    """A control group is a `control` row; a trained group's controlled change subtracts it."""
    rows = carryover_of(
        [
            Arm("a", "sq", "back_squat", "back_squat", pct=12.0),
            Arm("a", "ctl", None, "back_squat", pct=2.0),
            Arm("b", "sq", "back_squat", "back_squat", pct=12.0),
            Arm("b", "ctl1", None, "back_squat", pct=2.0),
            Arm("b", "ctl2", None, "back_squat", pct=3.0),
        ]
    )
    control = rows.filter(pl.col("group_id") == "ctl")
    assert control.select("role", "is_specific", "trained_exercise").row(0) == (
        "control",
        None,
        None,
    )
    assert control["controlled_change_pct"].to_list() == [None]
    trained = rows.filter(pl.col("group_id") == "sq").sort("study_id")
    assert trained["controlled_change_pct"].to_list() == [pytest.approx(10.0), None]
    assert trained["control_group_id"].to_list() == ["ctl", None]


def test_prepost_r_defaults_and_a_study_overrides_it() -> None:
    """Without prepost_r the default 0.5 is used and said; a study's own r replaces it."""
    rows = carryover_of(
        [
            Arm("a", "sq", "back_squat", "back_squat", n=10, pre=100.0, post=110.0, pre_sd=10.0),
            Arm(
                "b",
                "sq",
                "back_squat",
                "back_squat",
                n=10,
                pre=100.0,
                post=110.0,
                pre_sd=10.0,
                prepost_r=0.9,
            ),
        ]
    ).sort("study_id")
    assert rows["prepost_r"].to_list() == [0.5, 0.9]
    assert rows["prepost_r_source"].to_list() == ["default", "studies.csv"]
    g = (1 - 3 / 35) * 1.0
    assert rows["g"].to_list() == pytest.approx([g, g])
    assert rows["g_var"].to_list() == pytest.approx(
        [2 * 0.5 / 10 + g**2 / 20, 2 * 0.1 / 10 + g**2 / 20]
    )


def test_effect_sizes_are_null_without_the_figures_they_need() -> None:
    """No pre_sd: no g; no means: no lnrr; no post_sd: no lnrr variance."""
    rows = carryover_of(
        [
            Arm("a", "sq", "back_squat", "back_squat", pct=10.0),
            Arm("b", "sq", "back_squat", "back_squat", n=10, pre=100.0, post=110.0),
            Arm("c", "sq", "back_squat", "back_squat", n=10, pre=100.0, post=110.0, pre_sd=9.0),
        ]
    ).sort("study_id")
    assert rows["g"].is_null().to_list() == [True, True, False]
    assert rows["lnrr"].is_null().to_list() == [True, False, False]
    assert rows["lnrr_var"].null_count() == 3


def test_measure_family_groups_rm_tests() -> None:
    """1RM and 12RM are `RM strength`; anything else stays its own family."""
    frame = pl.DataFrame({"m": ["1RM", "12RM", "isometric"]})
    families = frame.select(analytics.measure_family(pl.col("m"))).to_series().to_list()
    assert families == ["RM strength", "RM strength", "isometric"]


def test_pooling_matches_statsmodels_dersimonian_laird() -> None:
    """Pooled g, its CI, tau² and I² equal statsmodels' combine_effects(method_re='dl')."""
    effects = [0.5056, 1.0481, 1.8054, 1.4181, 0.0801]
    variances = [0.0594, 0.0254, 0.2322, 0.1225, 0.0802]
    ours = pool(effects, variances)
    theirs = combine_effects(np.array(effects), np.array(variances), method_re="dl")
    frame = theirs.summary_frame()
    assert ours["pooled"] == pytest.approx(theirs.mean_effect_re, rel=1e-12)
    assert ours["ci_lo"] == pytest.approx(frame.loc["random effect", "ci_low"], rel=1e-9)
    assert ours["ci_hi"] == pytest.approx(frame.loc["random effect", "ci_upp"], rel=1e-9)
    assert ours["tau2"] == pytest.approx(theirs.tau2, rel=1e-12)
    assert ours["i2"] == pytest.approx(100 * theirs.i2, rel=1e-12)
    assert ours["q"] == pytest.approx(theirs.q, rel=1e-12)


def test_pooling_reproduces_dersimonian_and_kacker_2007_clasp_example() -> None:
    """DerSimonian & Kacker (2007) Tables 3-4, CLASP trials, DL: tau 0.2323, mu -0.3240, se 0.1540.

    The log odds ratios and their variances are computed here from the 2x2 counts (as metafor's
    analysis example dersimonian2007 does): ln(a·d/(b·c)) and 1/a + 1/b + 1/c + 1/d.
    """
    n1 = [156, 303, 565, 1570, 103, 4659]
    n2 = [74, 303, 477, 1565, 105, 4650]
    a = [5, 5, 12, 69, 9, 313]
    c = [8, 17, 9, 94, 11, 352]
    ys = [
        math.log(ai * (m2 - ci) / ((m1 - ai) * ci))
        for ai, ci, m1, m2 in zip(a, c, n1, n2, strict=True)
    ]
    vs = [
        1 / ai + 1 / (m1 - ai) + 1 / ci + 1 / (m2 - ci)
        for ai, ci, m1, m2 in zip(a, c, n1, n2, strict=True)
    ]
    row = pool(ys, vs)
    assert round(math.sqrt(row["tau2"]), 4) == 0.2323
    assert round(row["pooled"], 4) == -0.3240
    assert round(row["se"], 4) == 0.1540


def test_pooled_table_rows_and_single_study_marks() -> None:
    """One row per trained x tested x family; k = 1 rows are marked and equal their study."""
    arms = [
        Arm("a", "sq", "back_squat", "back_squat", n=10, pre=100.0, post=110.0, pre_sd=10.0),
        Arm("a", "ht", "hip_thrust", "back_squat", n=8, pre=100.0, post=104.0, pre_sd=10.0),
        Arm("b", "sq", "back_squat", "back_squat", n=12, pre=100.0, post=115.0, pre_sd=12.0),
        Arm("b", "ctl", None, "back_squat", n=12, pct=1.0),
    ]
    rows = carryover_of(arms)
    pooled = analytics.pooled(rows).sort("trained_exercise")
    assert pooled.select("trained_exercise", "k_studies", "single_study").rows() == [
        ("back_squat", 2, False),
        ("hip_thrust", 1, True),
    ]
    single = pooled.row(1, named=True)
    study = rows.filter(pl.col("group_id") == "ht").row(0, named=True)
    assert single["g_pooled"] == pytest.approx(study["g"])
    assert single["g_se"] == pytest.approx(math.sqrt(study["g_var"]))
    assert single["transfer_ratio"] == pytest.approx(study["transfer_ratio"])
    assert single["tau2"] is None
    assert single["i2"] is None
    both = pooled.row(0, named=True)
    assert both["participants"] == 22
    assert both["change_pct_mean"] == pytest.approx((10 * 10 + 12 * 15) / 22)
    assert both["measures"] == "1RM"
    assert both["studies"] == "a, b"


def test_pooling_mixes_only_like_with_like() -> None:
    """Other tested or trained exercises are other rows; 1RM and 3RM pool; controls do not."""
    arms = [
        Arm("a", "sq", "back_squat", "back_squat", pct=10.0),
        Arm("a", "sq", "back_squat", "hip_thrust", pct=5.0),
        Arm("a", "ctl", None, "hip_thrust", pct=1.0),
        Arm("b", "sq", "back_squat", "back_squat", measure="3RM", pct=20.0),
    ]
    pooled = analytics.pooled(carryover_of(arms)).sort("test_exercise")
    assert pooled.select("test_exercise", "measures", "k_studies").rows() == [
        ("back_squat", "1RM, 3RM", 2),
        ("hip_thrust", "1RM", 1),
    ]


def test_analytics_of_empty_tables_are_empty() -> None:
    """No outcomes: no carryover rows and no pooled rows, with their columns."""
    rows = carryover_of([])
    assert rows.height == 0
    assert rows.columns == list(analytics.CARRYOVER_COLUMNS)
    pooled = analytics.pooled(rows)
    assert pooled.height == 0
    assert pooled.columns == list(analytics.POOLED_COLUMNS)

"""Rules of the study data beyond within-group outcomes: tests, groups, contrasts, statistics."""

from __future__ import annotations

import polars as pl
import pytest

from carryover.analytics import effects as analytics
from carryover.analytics.transforms import outcome_changes
from schemas.rules import RULES
from tests.support import valid_texts, validate_texts

EXERCISES = (
    "exercise_id,name,aliases,kind,unit,lower_is_better,muscle\n"
    "back_squat,Barbell back squat,back squat;squat,strength,kg,no,\n"
    "hip_thrust,Barbell hip thrust,hip thrust,,kg,,\n"
    "sprint_10m,10 m sprint,,sprint,s,yes,\n"
    "quadriceps_volume,Quadriceps muscle volume,,muscle_size,cm3,no,quadriceps\n"
)
GROUPS = (
    "study_id,group_id,label,trained_exercise,n,n_randomized,sex,age_mean,age_sd,"
    "training_status,source\n"
    "trial_2020,sq,Squat group,back_squat,10,,,,,,\n"
    "trial_2020,ht,Hip thrust group,hip_thrust,10,,,,,,\n"
)
C = "trial_2020,hip_thrust,1RM,sq,ht,{est},{unit},{se},{lo},{hi},,{p},{rel},{fav},{adj},{inf},T"


def contrast(**cells: str) -> str:
    values = {"est": "", "unit": "kg", "se": "", "lo": "", "hi": "", "p": "", "rel": ""}
    values |= {"fav": "", "adj": "", "inf": ""} | cells
    return C.format(**values)


def stat(test: str, df1: str, value: str, p: str, rel: str = "=", tails: str = "") -> str:
    df2 = ""
    if "," in df1:
        df1, df2 = df1.split(",")
    return f"trial_2020,Table 4,x,{test},{df1},{df2},{value},{p},{rel},{tails}"


# (table, appended row, expected rule or None for "passes", column of the finding)
CASES = [
    ("exercises", "sprint,Sprint,,sprint,s,yes,", None, None),
    ("exercises", "sprint,Sprint,,run,s,yes,", "value_not_allowed", "kind"),
    ("exercises", "sprint,Sprint,,sprint,s,maybe,", "flag_value", "lower_is_better"),
    ("exercises", "sprint,Sprint,,sprint,sec,yes,", "unit_value", "unit"),
    ("exercises", "quads,Quads,,muscle_size,mm,no,", "required", "muscle"),
    ("exercises", "quads,Quads,,muscle_size,mm,no,quadriceps", None, None),
    # A muscle's volume is measured in cm3 (MRI); other spellings of the unit are not allowed.
    ("exercises", "glute_vol,Glute volume,,muscle_size,cm3,no,gluteus maximus", None, None),
    (
        "exercises",
        "glute_vol,Glute volume,,muscle_size,cm^3,no,gluteus maximus",
        "unit_value",
        "unit",
    ),
    # Any test keeps the rounding-aware agreement rules; a time's percent change keeps its sign.
    ("outcomes", "trial_2020,sq,sprint_10m,time,s,2.00,,1.96,,,-2.0,T", None, None),
    (
        "outcomes",
        "trial_2020,sq,sprint_10m,time,s,2.00,,1.96,,,2.0,T",
        "figures_disagree",
        "change_pct",
    ),
    ("outcomes", "trial_2020,sq,sprint_10m,speed,s,,,,,,-2.0,T", "measure_format", "measure"),
    ("outcomes", "trial_2020,sq,sprint_10m,time,sec,,,,,-0.04,,T", "unit_value", "unit"),
    # A volume outcome: a relative change alone, or the means in cm3, checked like any other.
    ("outcomes", "trial_2020,sq,quadriceps_volume,volume,,,,,,,4.9,T", None, None),
    (
        "outcomes",
        "trial_2020,sq,quadriceps_volume,volumes,,,,,,,4.9,T",
        "measure_format",
        "measure",
    ),
    ("outcomes", "trial_2020,sq,quadriceps_volume,volume,cm3,1000,,1049,,,4.9,T", None, None),
    (
        "outcomes",
        "trial_2020,sq,quadriceps_volume,volume,cm3,1000,,1049,,,9.4,T",
        "figures_disagree",
        "change_pct",
    ),
    ("outcomes", "trial_2020,sq,quadriceps_volume,volume,ml,1000,,1049,,,,T", "unit_value", "unit"),
    ("groups", "trial_2020,x,X,back_squat,5,4,,,,,", "analysed_exceeds_randomized", "n"),
    ("groups", "trial_2020,x,X,back_squat,4,5,,,,,", None, None),
    ("groups", "trial_2020,x,X,back_squat,,,female,21.5,1.2,trained,Table 1", None, None),
    ("groups", "trial_2020,x,X,back_squat,5,,women,,,,", "value_not_allowed", "sex"),
    ("groups", "trial_2020,x,X,back_squat,5,,,,-1,,", "out_of_range", "age_sd"),
    ("contrasts", contrast(est="1"), None, None),
    ("contrasts", contrast(est="1", lo="2", hi="5"), "contrast_ci_excludes_estimate", "estimate"),
    ("contrasts", contrast(est="1.9", lo="2", hi="5"), None, None),
    ("contrasts", contrast(est="3", se="0.5", lo="1", hi="5"), "contrast_se_disagrees", "se"),
    ("contrasts", contrast(est="3", se="1", lo="1", hi="5"), None, None),
    # Asymmetric (arms 0.5 and 6): not back-calculated from the SE.
    ("contrasts", contrast(est="3", se="0.5", lo="2.5", hi="9"), None, None),
    ("contrasts", contrast(est="-2", fav="sq"), "contrast_favoured_disagrees", "favoured_group"),
    ("contrasts", contrast(est="-2", fav="ht"), None, None),
    ("contrasts", contrast(est="0", fav="sq"), None, None),
    (
        "contrasts",
        "trial_2020,back_squat,1RM,ht,sq,5.5,kg,,,,,,,,,,T",
        "contrast_vs_changes",
        "estimate",
    ),
    ("contrasts", "trial_2020,back_squat,1RM,ht,sq,-5.5,kg,,,,,,,,,,T", None, None),
    ("contrasts", "trial_2020,back_squat,1RM,ht,sq,5.5,kg,,,,,,,,yes,,T", None, None),
    ("contrasts", contrast(est="1").replace(",sq,ht,", ",sq,sq,"), "same_group", "group_b"),
    ("contrasts", contrast(est="1", fav="zz"), "favoured_not_compared", "favoured_group"),
    ("contrasts", contrast(), "contrast_no_result", "estimate"),
    ("contrasts", contrast(inf="likely", fav="ht"), None, None),
    ("contrasts", contrast(est="1", lo="0"), "ci_incomplete", "ci_hi"),
    ("contrasts", contrast(est="1", lo="3", hi="-1"), "ci_order", "ci_lo"),
    ("contrasts", contrast(est="1", unit=""), "unit_required", "unit"),
    ("contrasts", contrast(p="0.04", rel="<="), "value_not_allowed", "p_relation"),
    ("contrasts", contrast(p="0.04", rel="<"), None, None),
    ("contrasts", contrast(est="1", adj="maybe"), "flag_value", "adjusted"),
    ("contrasts", contrast(est="1").replace(",sq,ht,", ",zz,ht,"), "unknown_group", "group_a"),
    ("statistics", stat("F", "2,30", "3.32", "0.05"), None, None),
    ("statistics", stat("F", "1,22", "10.53", "0.0004"), "p_inconsistent", "p"),
    ("statistics", stat("F", "1,22", "10.53", "0.0037"), None, None),
    ("statistics", stat("t", "20", "1.50", "0.03"), "decision_error", "p"),
    ("statistics", stat("t", "30", "4.00", "0.001", "<"), None, None),
    ("statistics", stat("t", "30", "2.00", "0.001", "<"), "p_inconsistent", "p"),
    ("statistics", stat("t", "30", "1.00", "0.05", ">"), None, None),
    ("statistics", stat("t", "30", "3.00", "0.05", ">"), "decision_error", "p"),
    ("statistics", stat("t", "30", "2.05", "0.02", tails="1"), None, None),
    ("statistics", stat("t", "30", "2.05", "0.02"), "p_inconsistent", "p"),
    ("statistics", stat("chi2", "1", "3.84", "0.05"), None, None),
    ("statistics", stat("r", "18", "0.83", "0.001", "<"), None, None),
    ("statistics", stat("z", "", "3.40", "0.001", "<"), None, None),
    ("statistics", stat("F", "", "7.794", "0.011"), "statistic_incomplete", "p"),
    ("statistics", stat("z", "", "2.5", "", ""), "statistic_incomplete", "p"),
    ("statistics", stat("q", "1", "2", "0.5"), "value_not_allowed", "test"),
    ("statistics", stat("t", "10,5", "2", "0.07"), "statistic_df", "df2"),
    ("statistics", stat("z", "10", "2", "0.05"), "statistic_df", "df1"),
    ("statistics", stat("F", "1,10", "4", "0.07", tails="1"), "statistic_tails", "tails"),
    ("statistics", stat("r", "10", "1.5", "0.01"), "out_of_range", "value"),
    ("statistics", stat("F", "1,10", "-4", "0.07"), "out_of_range", "value"),
    ("statistics", "nostudy,Table 4,x,z,,,2,0.05,=,", "unknown_study", "study_id"),
    (
        "statistics",
        stat("F", "2,30", "3.32", "0.05").replace(",=,", ",<=,"),
        "value_not_allowed",
        "p_relation",
    ),
]
TESTED_BY_NAME = {"groups_randomized_mismatch", "study_caution"}
"""Rules proved by the named tests below rather than by one appended row."""


def _texts() -> dict[str, str]:
    texts = valid_texts()
    texts["exercises"] = EXERCISES
    texts["groups"] = GROUPS
    return texts


def test_the_extended_valid_set_has_no_findings() -> None:
    """The baseline (new columns filled or empty, contrasts and statistics) is clean."""
    validation = validate_texts(_texts())
    assert validation.findings.is_empty(), validation.findings.to_dicts()
    assert validation.quarantine.is_empty()


@pytest.mark.parametrize(("table", "row", "rule", "column"), CASES)
def test_study_rule_cases(table: str, row: str, rule: str | None, column: str | None) -> None:
    """A row that breaks a rule yields it at file:line:column; a good row yields nothing."""
    texts = _texts()
    texts[table] += row + "\n"
    line = texts[table].count("\n")
    findings = validate_texts(texts).findings
    if rule is None:
        assert findings.is_empty(), findings.to_dicts()
        return
    hits = findings.filter(pl.col("rule") == rule)
    assert hits.height >= 1, findings.to_dicts()
    hit = hits.row(0, named=True)
    assert (hit["source_file"], hit["source_line"], hit["column_name"]) == (
        f"{table}.csv",
        line,
        column,
    )
    assert hit["severity"] == RULES[rule].severity
    assert hit["message"]


def test_enes_f_and_p_are_reported_as_inconsistent_not_as_a_decision_error() -> None:
    """F(1,22) = 10.53 implies p = 0.0037; the printed 0.0004 is inconsistent, both significant."""
    texts = _texts()
    texts["statistics"] += stat("F", "1,22", "10.53", "0.0004") + "\n"
    findings = validate_texts(texts).findings
    assert findings["rule"].to_list() == ["p_inconsistent"]
    assert "implies p = 0.0037" in findings["message"][0]


@pytest.mark.parametrize(("first", "second", "found"), [("15", "14", True), ("15", "15", False)])
def test_groups_randomized_add_up_to_the_study(first: str, second: str, found: bool) -> None:
    """Where every group gives n_randomized, they add up to the study's n_randomized (30)."""
    texts = _texts()
    texts["groups"] = (
        GROUPS.splitlines()[0]
        + f"\ntrial_2020,sq,Squat,back_squat,10,{first},,,,,\n"
        + f"trial_2020,ht,Thrust,hip_thrust,10,{second},,,,,\n"
    )
    findings = validate_texts(texts).findings
    expected = [("groups_randomized_mismatch", "studies.csv", 2, "n_randomized")] if found else []
    assert findings.select("rule", "source_file", "source_line", "column_name").rows() == expected


def _cautioned() -> dict[str, str]:
    texts = _texts()
    header, row = texts["studies"].splitlines()
    texts["studies"] = f"{header},caution\n{row},Audited data\n"
    texts["claims"] = (
        texts["claims"].splitlines()[0] + "\nreview,7,trial_2020,change_pct,sq,back_squat,1RM,12\n"
    )
    return texts


def test_a_caution_is_a_warning_and_shows_beside_claims_figures_and_pooled_rows() -> None:
    """study_caution warns at the study; claim verdicts, carryover and pooled rows carry it."""
    validation = validate_texts(_cautioned())
    assert validation.findings.select(
        "rule", "source_file", "source_line", "column_name"
    ).rows() == [("study_caution", "studies.csv", 2, "caution")]
    assert validation.derived["claim_checks"]["caution"].to_list() == ["Audited data"]
    clean = validation.clean
    rows = analytics.carryover(
        clean["studies"],
        clean["groups"],
        clean["outcomes"],
        outcome_changes(clean["outcomes"]),
        clean["exercises"],
    )
    assert set(rows["caution"].to_list()) == {"Audited data"}
    pooled = analytics.pooled(rows)
    assert set(pooled["cautioned_studies"].to_list()) == {"trial_2020"}
    # Only the cautioned study: no sensitivity row can remain.
    assert set(pooled["subset"].to_list()) == {analytics.ALL_STUDIES}


def test_no_caution_no_warning() -> None:
    """A study without a caution raises no study_caution."""
    assert validate_texts(_texts()).findings.is_empty()


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("n,sq,,,10", "supported"),
        # 20 is the study's groups in total, not the squat group: judged against the group.
        ("n,sq,,,20", "contradicted"),
        ("n,,,,20", "supported"),
        ("change_abs,ht,back_squat,1RM,6.5", "supported"),
        ("change_abs,ht,back_squat,1RM,8", "contradicted"),
        ("contrast,sq,back_squat,1RM,5.5", "supported"),
        ("contrast,ht,back_squat,1RM,-5.5", "supported"),
        ("contrast,ht,back_squat,1RM,5.5", "contradicted"),
        ("contrast,sq,hip_thrust,1RM,3", "unverifiable"),
    ],
)
def test_claims_state_group_sizes_changes_in_the_unit_and_contrasts(
    claim: str, verdict: str
) -> None:
    """A per-group n, a kg change and a between-group difference are judged like other claims."""
    texts = _texts()
    texts["claims"] = texts["claims"].splitlines()[0] + f"\nreview,7,trial_2020,{claim}\n"
    validation = validate_texts(texts)
    assert validation.derived["claim_checks"]["verdict"].to_list() == [verdict]


@pytest.mark.parametrize(("value", "verdict"), [("-2.0", "supported"), ("2.0", "contradicted")])
def test_a_claim_about_any_test_is_judged(value: str, verdict: str) -> None:
    """A sprint claim is judged on the time's change as reported, sign included."""
    texts = _texts()
    texts["outcomes"] += "trial_2020,sq,sprint_10m,time,,,,,,,-2.0,Abstract\n"
    texts["claims"] = (
        texts["claims"].splitlines()[0]
        + f"\nreview,7,trial_2020,change_pct,sq,sprint_10m,time,{value}\n"
    )
    validation = validate_texts(texts)
    assert validation.derived["claim_checks"]["verdict"].to_list() == [verdict]

"""Muscle size, jumps and other tests that are not lifts are read even when the data lacks them.

Such a figure is read with its study, group and test, and its measure is the test's own (a
thickness, a jump's height); when the study's data holds no figure of that kind it is judged
unverifiable, naming the test, never "exercise not tested". A lift still needs its repetition
maximum named or known.
"""

from __future__ import annotations

import polars as pl

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.outcome_tests import default_measures
from tests.support import valid_texts, validate_texts

EXERCISES = """exercise_id,name,aliases,kind,unit,lower_is_better,muscle
back_squat,Barbell back squat,back squat;squat,strength,kg,no,
hip_thrust,Barbell hip thrust,hip thrust,strength,kg,no,
leg_press,Leg press,leg press,strength,kg,no,
vertical_jump,Vertical jump,vertical jump,jump,cm,no,
countermovement_jump,Countermovement jump,countermovement jump;cmj,jump,cm,no,
quadriceps_thickness,Quadriceps thickness,quadriceps thickness;quadriceps mt,muscle_size,mm,no,quads
glute_csa,Gluteus maximus cross-sectional area,glute csa,muscle_size,cm2,no,gluteus maximus
"""
JUMP_OUTCOME = "trial_2020,sq,vertical_jump,height,cm,,,,,,5.0,Abstract\n"
STUDY = "A study by Doe et al. trained adults. "


def tables(extra_outcomes: str = "", claims: str = "") -> dict[str, pl.DataFrame]:
    texts = valid_texts()
    texts["exercises"] = EXERCISES
    texts["outcomes"] += extra_outcomes
    texts["claims"] = "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"
    texts["claims"] += claims
    v = validate_texts(texts)
    tables_wrong = v.findings.filter(
        (pl.col("severity") == "error") & (pl.col("table_name") != "claims")
    )
    assert tables_wrong.is_empty(), tables_wrong.to_dicts()
    return {**v.clean, **v.derived}


def read(text: str, extra_outcomes: str = "") -> tuple[list[tuple[object, ...]], list[str]]:
    c = tables(extra_outcomes)
    context = Context.from_tables(c["studies"], c["groups"], c["exercises"], c["outcomes"])
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.select("group_id", "test_exercise", "measure", "value").rows()
    said = ex.findings.filter(pl.col("rule") != "number_unread")["message"].to_list()
    return rows, said


def verdicts(claims: str, extra_outcomes: str = "") -> list[tuple[str, str]]:
    checks = tables(extra_outcomes, claims)["claim_checks"].sort("source_line")
    return list(zip(checks["verdict"].to_list(), checks["fix"].to_list(), strict=True))


def test_a_test_that_is_not_a_lift_has_its_own_measure() -> None:
    c = tables(JUMP_OUTCOME)
    found = default_measures(c["exercises"], c["outcomes"])
    assert found["quadriceps_thickness"] == "thickness"  # a muscle in mm
    assert found["glute_csa"] == "csa"  # a muscle in cm2
    assert found["countermovement_jump"] == "height"  # a jump
    assert found["vertical_jump"] == "height"  # as the data records it


def test_a_lift_has_no_measure_of_its_own() -> None:
    c = tables(JUMP_OUTCOME)
    found = default_measures(c["exercises"], c["outcomes"])
    assert "back_squat" not in found
    assert "leg_press" not in found


def test_a_muscle_size_figure_the_data_lacks_is_read_with_its_group_and_test() -> None:
    rows, _ = read(STUDY + "Quadriceps MT increased by 12.2% in the squat group.")
    assert rows == [("sq", "quadriceps_thickness", "thickness", "12.2")]


def test_a_lift_without_a_known_test_is_still_a_warning() -> None:
    rows, said = read(STUDY + "The squat group's leg press increased by 12%.")
    assert rows == []
    assert any("cannot tell which test" in s for s in said)


def test_a_repetition_maximum_named_nearby_is_not_a_muscle_tests_measure() -> None:
    text = STUDY + "Squat 1RM and quadriceps MT increased, by 12.2% for the squat group."
    rows, _ = read(text)
    assert ("sq", "quadriceps_thickness", "thickness", "12.2") in rows
    assert not any(r[1] == "quadriceps_thickness" and r[2] == "1RM" for r in rows)


def test_a_jump_both_groups_improved_on_is_one_claim_per_group() -> None:
    rows, _ = read(STUDY + "Both groups improved their countermovement jump by 4%.")
    assert sorted(rows) == [
        ("ht", "countermovement_jump", "height", "4"),
        ("sq", "countermovement_jump", "height", "4"),
    ]


def test_a_group_named_right_after_the_figure_owns_it() -> None:
    text = (
        STUDY + "Both groups grew, but the squat group improved more than the hip thrust group in "
        "quadriceps MT (12.2% for the squat group and 2% for the hip thrust group)."
    )
    rows, _ = read(text)
    assert rows == [
        ("sq", "quadriceps_thickness", "thickness", "12.2"),
        ("ht", "quadriceps_thickness", "thickness", "2"),
    ]


def test_a_group_named_before_the_figure_keeps_it_when_none_follows() -> None:
    rows, _ = read(STUDY + "The hip thrust group improved quadriceps MT by 2%.")
    assert rows == [("ht", "quadriceps_thickness", "thickness", "2")]


def test_a_jump_the_data_lacks_is_unverifiable_naming_the_test() -> None:
    claim = "r,2,trial_2020,change_pct,sq,countermovement_jump,height,12.4\n"
    [(verdict, fix)] = verdicts(claim)
    assert verdict == "unverifiable"
    assert "no Countermovement jump height figure for the Squat group" in fix


def test_a_jump_the_recorded_jump_data_lacks_is_not_tested() -> None:
    claim = "r,2,trial_2020,change_pct,sq,countermovement_jump,height,12.4\n"
    [(verdict, _)] = verdicts(claim, JUMP_OUTCOME)
    assert verdict == "exercise not tested"


def test_a_muscle_size_the_data_lacks_is_unverifiable_naming_the_muscle() -> None:
    claim = "r,2,trial_2020,change_pct,ht,quadriceps_thickness,thickness,2\n"
    [(verdict, fix)] = verdicts(claim)
    assert verdict == "unverifiable"
    assert "no Quadriceps thickness figure for the Hip thrust group" in fix


def test_the_exercise_a_gain_came_with_names_the_group_that_trained_it() -> None:
    text = (
        STUDY
        + "The countermovement jump rose more with the squat (~12%) than with the hip thrust (8%)."
    )
    rows, _ = read(text)
    assert [r[:3] for r in rows] == [
        ("sq", "countermovement_jump", "height"),  # '~12%' is read as an interval around 12
        ("ht", "countermovement_jump", "height"),
    ]
    assert rows[1][3] == "8"


def test_with_an_exercise_and_no_other_test_named_the_exercise_is_not_a_group() -> None:
    rows, said = read(
        STUDY + "Gains were larger with the squat (12%) than with the hip thrust (8%)."
    )
    assert rows == []
    assert any("cannot tell which group" in s for s in said)


def test_a_group_is_named_by_its_exercise_when_another_group_shares_an_alias() -> None:
    """'squat' names both squats; 'front squat' still names the front squat group alone."""
    texts = valid_texts()
    texts["exercises"] = EXERCISES + "front_squat,Barbell front squat,front squat;squat,,kg,no,\n"
    texts["groups"] = (
        "study_id,group_id,label,trained_exercise,n\n"
        "trial_2020,bs,Back squat (BS),back_squat,10\n"
        "trial_2020,fs,Front squat (FS),front_squat,10\n"
    )
    texts["outcomes"] = texts["outcomes"].splitlines()[0] + "\n"
    texts["contrasts"] = texts["contrasts"].splitlines()[0] + "\n"
    texts["claims"] = "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"
    c = validate_texts(texts).clean
    context = Context.from_tables(c["studies"], c["groups"], c["exercises"], c["outcomes"])
    text = STUDY + (
        "Both gave similar gains in quadriceps MT, with a small lead for the front squat "
        "(5.1% against 4.4%)."
    )
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.select("group_id", "test_exercise", "measure", "value").rows()
    assert rows == [
        ("fs", "quadriceps_thickness", "thickness", "5.1"),
        ("bs", "quadriceps_thickness", "thickness", "4.4"),
    ]


def reader_with_contrasts(contrasts: str) -> Context:
    texts = valid_texts()
    texts["exercises"] = EXERCISES
    texts["outcomes"] = "\n".join(
        line for line in texts["outcomes"].splitlines() if ",sq,back_squat," not in line
    )
    texts["contrasts"] = texts["contrasts"].splitlines()[0] + "\n" + contrasts
    texts["claims"] = "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"
    c = validate_texts(texts).clean
    return Context.from_tables(
        c["studies"], c["groups"], c["exercises"], c["outcomes"], c["contrasts"]
    )


ONE_TEST = "trial_2020,leg_press,1RM,sq,ht,5,kg,,,,,,,sq,,,Abstract\n"


def read_in(context: Context, text: str) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", [STUDY + text]), context)
    return ex.rows.select("group_id", "test_exercise", "measure", "value").rows()


def test_a_gain_on_a_test_reported_between_groups_takes_that_tests_measure() -> None:
    rows = read_in(reader_with_contrasts(ONE_TEST), "The squat group's leg press rose 12%.")
    assert rows == [("sq", "leg_press", "1RM", "12")]


def test_a_test_reported_with_two_measures_between_groups_gives_none() -> None:
    two = ONE_TEST + "trial_2020,leg_press,3RM,sq,ht,4,kg,,,,,,,sq,,,Abstract\n"
    assert read_in(reader_with_contrasts(two), "The squat group's leg press rose 12%.") == []


def test_a_percent_more_than_another_group_is_not_a_gain() -> None:
    text = "The squat group's leg press rose 12% more than the hip thrust group's."
    assert read_in(reader_with_contrasts(ONE_TEST), text) == []


def test_a_percent_then_a_comparison_in_a_clause_of_its_own_is_a_gain() -> None:
    text = "The squat group's leg press rose 12%, more than the hip thrust group's."
    assert read_in(reader_with_contrasts(ONE_TEST), text) == [("sq", "leg_press", "1RM", "12")]

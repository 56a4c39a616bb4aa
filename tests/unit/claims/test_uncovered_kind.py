"""A muscle-size claim on a study whose data records no muscle-size outcome is unverifiable.

Muscle size is often measured and left out of the data (an abstract gives the strength figures
only): with no outcome of that kind for the study, the data cannot say the study did not test
it. Once the data records a muscle-size outcome for the study, a muscle it does not list is
"exercise not tested" as for any other test.
"""

from __future__ import annotations

from tests.support import valid_texts, validate_texts

EXERCISES = """exercise_id,name,aliases,kind,unit,lower_is_better,muscle
back_squat,Barbell back squat,back squat;squat,strength,kg,no,
hip_thrust,Barbell hip thrust,hip thrust,strength,kg,no,
leg_press,Leg press,leg press,strength,kg,no,
quadriceps_thickness,Quadriceps muscle thickness,quadriceps thickness,muscle_size,mm,no,quadriceps
glute_size,Gluteus maximus muscle thickness,gluteus maximus thickness,muscle_size,mm,no,gluteus
"""
HEADER = "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"
QUADS = "r,2,trial_2020,change_pct,sq,quadriceps_thickness,thickness,12.2\n"
GLUTES = "trial_2020,sq,glute_size,thickness,mm,20.0,2.0,22.0,2.0,,,Table 3\n"


def verdicts(claims: str, extra_outcomes: str = "") -> list[str]:
    texts = valid_texts()
    texts["exercises"] = EXERCISES
    texts["outcomes"] += extra_outcomes
    texts["claims"] = HEADER + claims
    v = validate_texts(texts)
    return v.derived["claim_checks"].sort("source_line")["verdict"].to_list()


def test_muscle_size_on_a_study_with_no_muscle_size_data_is_unverifiable() -> None:
    assert verdicts(QUADS) == ["unverifiable"]


def test_a_muscle_the_recorded_muscle_size_data_lacks_is_not_tested() -> None:
    assert verdicts(QUADS, GLUTES) == ["exercise not tested"]


def test_a_recorded_muscle_size_figure_is_judged() -> None:
    claim = "r,2,trial_2020,change_pct,sq,glute_size,thickness,10\n"
    assert verdicts(claim, GLUTES) == ["supported"]


def test_a_strength_test_the_study_lacks_is_still_not_tested() -> None:
    claim = "r,2,trial_2020,change_pct,sq,leg_press,1RM,10\n"
    assert verdicts(claim) == ["exercise not tested"]
    assert verdicts(claim, GLUTES) == ["exercise not tested"]

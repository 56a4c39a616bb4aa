"""schemas/outcomes.py: one row per group x test exercise x measure."""

from schemas import outcomes
from tests.unit.schemas.frames import ids, rows, rules, with_cell


def _plan() -> outcomes.SchemaPlan:
    return outcomes.row_plan(ids("groups", "study_id", "group_id"), ids("exercises", "exercise_id"))


def test_the_valid_outcomes_pass() -> None:
    """The bundled outcomes break no rule."""
    assert rules(_plan(), rows("outcomes")) == []


def test_an_outcome_of_an_unknown_exercise_is_refused() -> None:
    """test_exercise must name an exercise."""
    frame = with_cell(rows("outcomes"), "test_exercise", "leg_press")
    assert ("unknown_exercise", "test_exercise") in rules(_plan(), frame)


def test_a_mean_that_is_not_a_number_is_refused() -> None:
    """pre_mean is a number."""
    frame = with_cell(rows("outcomes"), "pre_mean", "about 100")
    assert ("number_type", "pre_mean") in rules(_plan(), frame)

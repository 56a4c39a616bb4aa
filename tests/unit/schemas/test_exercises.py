"""schemas/exercises.py: one row per exercise."""

from schemas import exercises
from tests.unit.schemas.frames import rows, rules, with_cell


def test_the_valid_exercises_pass() -> None:
    """The bundled exercises break no rule."""
    assert rules(exercises.row_plan(), rows("exercises")) == []


def test_an_exercise_id_twice_is_a_duplicate_key() -> None:
    """Two rows with one exercise_id: the second is a duplicate."""
    frame = rows("exercises")
    frame = with_cell(frame, "exercise_id", frame["exercise_id"][0], row=1)
    assert ("duplicate_key", "exercise_id") in rules(exercises.row_plan(), frame)


def test_an_exercise_id_that_is_not_a_slug_is_refused() -> None:
    """An id with spaces and capitals is not a slug."""
    frame = with_cell(rows("exercises"), "exercise_id", "Back Squat")
    assert rules(exercises.row_plan(), frame) == [("slug_format", "exercise_id")]

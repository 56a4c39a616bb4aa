"""schemas/groups.py: one row per study arm."""

from schemas import groups
from tests.unit.schemas.frames import ids, rows, rules, with_cell


def _plan() -> groups.SchemaPlan:
    return groups.row_plan(ids("studies", "study_id"), ids("exercises", "exercise_id"))


def test_the_valid_groups_pass() -> None:
    """The bundled groups break no rule."""
    assert rules(_plan(), rows("groups")) == []


def test_a_group_of_an_unknown_study_is_refused() -> None:
    """study_id must name a study."""
    frame = with_cell(rows("groups"), "study_id", "nobody_1999")
    assert ("unknown_study", "study_id") in rules(_plan(), frame)


def test_a_group_of_no_participants_is_out_of_range() -> None:
    """N is at least 1."""
    frame = with_cell(rows("groups"), "n", "0")
    assert rules(_plan(), frame) == [("out_of_range", "n")]

"""schemas/claims.py: one row per figure an article states about a study."""

from schemas import claims
from tests.unit.schemas.frames import ids, rows, rules, with_cell


def _plan() -> claims.SchemaPlan:
    return claims.row_plan(
        ids("studies", "study_id"),
        ids("groups", "study_id", "group_id"),
        ids("exercises", "exercise_id"),
    )


def test_the_valid_claims_pass() -> None:
    """The bundled claims break no rule."""
    assert rules(_plan(), rows("claims")) == []


def test_a_claim_about_an_unknown_study_is_refused() -> None:
    """study_id must name a study."""
    frame = with_cell(rows("claims"), "study_id", "nobody_1999")
    assert ("unknown_study", "study_id") in rules(_plan(), frame)


def test_an_unknown_quantity_is_refused() -> None:
    """Quantity is one of the known kinds of figure."""
    frame = with_cell(rows("claims"), "quantity", "weight")
    assert ("quantity_value", "quantity") in rules(_plan(), frame)

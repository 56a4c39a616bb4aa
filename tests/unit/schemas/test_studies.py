"""schemas/studies.py: one row per study."""

from schemas import studies
from tests.unit.schemas.frames import rows, rules, with_cell


def test_the_valid_studies_pass() -> None:
    """The bundled studies break no rule."""
    assert rules(studies.row_plan(2026), rows("studies")) == []


def test_a_study_without_a_citation_is_refused() -> None:
    """Citation is required."""
    frame = with_cell(rows("studies"), "citation", None)
    assert rules(studies.row_plan(2026), frame) == [("required", "citation")]


def test_a_malformed_doi_is_refused() -> None:
    """A DOI must read 10.NNNN/suffix."""
    frame = with_cell(rows("studies"), "doi", "doi:abc")
    assert rules(studies.row_plan(2026), frame) == [("doi_format", "doi")]

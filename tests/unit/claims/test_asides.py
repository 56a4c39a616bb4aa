"""A study named in a parenthesised aside does not become the study the article goes on about."""

from __future__ import annotations

from carryover.claims.articles import Context
from tests.unit.claims.test_articles import context, read  # noqa: F401 - the fixture


def studies_of(claims: list[tuple[object, ...]], quantity: str) -> list[tuple[object, object]]:
    """(study, value) of the claims of one quantity, in order."""
    return [(c[1], c[6]) for c in claims if c[2] == quantity]


def test_a_study_named_in_an_aside_leaves_the_subject_in_place(
    context: Context,  # noqa: F811
) -> None:
    text = (
        "The study by Hammond et al. is the first of its kind (Contreras et al. had published "
        "one on boys before, but it was soon criticised for its design). The programme lasted "
        "4 weeks."
    )
    claims, _ = read(text, context)
    assert studies_of(claims, "duration_weeks") == [("hammond_2019", "4")]


def test_a_citation_in_parentheses_is_no_aside(context: Context) -> None:  # noqa: F811
    """'(Contreras et al. 2017)' has few words: the study it cites is the one read on."""
    text = "Unlike the study by Hammond et al., this one trained boys (Contreras et al. 2017). "
    claims, _ = read(text + "The programme lasted 6 weeks.", context)
    assert studies_of(claims, "duration_weeks") == [("contreras_2017", "6")]


def test_the_figures_of_an_aside_are_not_read_as_the_subjects(
    context: Context,  # noqa: F811
) -> None:
    """'(Contreras et al. had run a 6-week study ...)' in a sentence about Hammond's: unread."""
    text = (
        "The study by Hammond et al. is the first of its kind (Contreras et al. had run a "
        "6-week study on boys before, but it was soon criticised for its design)."
    )
    claims, _ = read(text, context)
    assert studies_of(claims, "duration_weeks") == []
    claims, _ = read(text.replace("(", "and ").replace(")", ""), context)
    assert studies_of(claims, "duration_weeks") == [("contreras_2017", "6")]

"""The people's age in a parenthesis right after them is an age claim, not an unread number.

Reading: carryover.claims.facts (`_age_in_parenthesis`) through the article reader.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from tests.support import context_of
from tests.unit.claims.test_sessions import EXERCISES, GROUPS, OUTCOMES, STUDIES, V


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def ages(text: str, context: Context) -> list[tuple[str, str | None]]:
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    rows = ex.rows.filter(pl.col("quantity") == "age").select("value", "value_to").rows()
    return [(str(v), None if t is None else str(t)) for v, t in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (V + "The study took 17 young men (around 20 years old).", [("18.0", "22.0")]),
        (V + "All the participants were men, young (21 years on average) and active.",
         [("21", None)]),
        (V + "It enrolled 30 volunteers (about 25 years of age).", [("22.5", "27.5")]),
    ],
)  # fmt: skip
def test_an_age_in_a_parenthesis_after_the_people_is_read(
    text: str, expected: list[tuple[str, str | None]], context: Context
) -> None:
    """'17 young men (around 20 years old)': their age, an approximation as a range."""
    assert ages(text, context) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no people before the parenthesis
        V + "The squat rack (about 20 years old) still works.",
        # years of training, not of age
        V + "The men (trained for 5 years on average) lifted.",
        # a group is named: the age could be the group's
        V + "The 5-set group, 11 men (around 20 years old), trained.",
        V + "The low volume group, 11 men (around 20 years old), trained.",
    ],
)
def test_other_years_in_a_parenthesis_are_no_age(text: str, context: Context) -> None:
    """A parenthesis after no people, or years of training, or in a sentence naming a group."""
    assert ages(text, context) == []

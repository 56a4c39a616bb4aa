"""Casual words for people count them too: '34 fit guys', '20 lads', '12 dudes', '18 trainees'."""

from __future__ import annotations

import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from tests.support import context_of
from tests.unit.claims.test_sessions import EXERCISES, GROUPS, OUTCOMES, STUDIES, V


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


@pytest.mark.parametrize("people", ["fit guys", "young lads", "dudes", "male trainees"])
def test_a_casual_word_for_people_counts_the_sample(people: str, context: Context) -> None:
    """'a research team assigned 34 fit guys to three routines': the study's sample."""
    text = V + f"The team assigned 34 {people} to one of the routines."
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    assert ("n", "34") in ex.rows.select("quantity", "value").rows()


def test_without_a_study_a_count_of_guys_is_no_claim(context: Context) -> None:
    """General writing about 34 guys at a gym names no study: no claim."""
    ex = read_article(Article("articles/a.md", "a", ["I train with 34 guys at my gym."]), context)
    assert ex.rows.is_empty()
    told = dict(ex.numbers.select("text", "disposition").rows())
    assert told["34"] != accounting.CLAIM

"""A paper named by its whole title and year is that study, though the year follows a title word.

Linking: carryover.claims.titles through the article reader; and the accounting's fit of a weekly
frequency with words between the count and 'sessions' ('three weight sessions a week').
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from carryover.claims.titles import titled_study
from tests.support import context_of
from tests.unit.claims.test_sessions import EXERCISES, GROUPS, OUTCOMES

STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
volume_2019,"Vole A, Mole B. Resistance training volume enhances muscle hypertrophy in trained \
men. Med Sci Sports Exerc. 2019.",2019,,Men,34,8,3
"""
TITLE = "Resistance Training Volume Enhances Muscle Hypertrophy in Trained Men"


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def read(text: str, context: Context) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The claims (study, quantity, value) and the rules of the findings."""
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.select("study_id", "quantity", "value").rows()
    return [(str(s), str(q), str(v)) for s, q, v in rows], ex.findings["rule"].to_list()


def test_a_whole_title_and_year_name_the_study(context: Context) -> None:
    """'In <title> (2019), researchers found ...': the study, decided by its title."""
    claims, rules = read(f"In {TITLE} (2019), researchers followed 34 men for 8 weeks.", context)
    assert ("volume_2019", "n", "34") in claims
    assert ("volume_2019", "duration_weeks", "8") in claims
    assert "study_not_in_data" not in rules


@pytest.mark.parametrize(
    "text",
    [
        # another year: another paper with the same title words
        f"In {TITLE} (2012), researchers followed 34 men for 8 weeks.",
        # part of the title only: a paper the data does not hold
        "In Muscle Hypertrophy in Trained Men (2019), researchers followed 34 men for 8 weeks.",
    ],
)
def test_a_partial_title_or_another_year_is_no_study_in_the_data(
    text: str, context: Context
) -> None:
    """The mention stays a study the data does not hold, and its numbers make no claim."""
    claims, rules = read(text, context)
    assert claims == []
    assert "study_not_in_data" in rules


def test_a_title_needs_four_content_words() -> None:
    """A short title ('Squat depth') names no paper by itself."""
    titles = {"short": {"squat", "depth"}, "long": {"training", "volume", "strength", "trained"}}
    years = {"short": 2019, "long": 2019}
    words = {"squat", "depth", "training", "volume", "strength", "trained"}
    assert titled_study(words, "Men (2019)", titles, years) == "long"
    assert titled_study({"squat", "depth"}, "Depth (2019)", titles, years) is None


def test_a_weekly_frequency_takes_its_own_count_not_an_earlier_one(context: Context) -> None:
    """'3 groups, each to do three weight sessions a week': the claim is 'three', not '3'."""
    text = f"In {TITLE} (2019), 34 men made up 3 groups, each to do three weight sessions a week."
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    told = dict(ex.numbers.select("text", "disposition").rows())
    assert told["three"] == accounting.CLAIM
    assert told["3"] != accounting.CLAIM
    weekly = ex.rows.filter(pl.col("quantity") == "sessions_per_week")["value"].to_list()
    assert weekly == ["3"]

"""Design figures written in words, with 'to' or with an 'x'.

A weekly frequency of 'different days' beside the counts of a volume study's set scheme; training
experience, ages, session lengths and multiples of body weight.

Reading: the article reader (`read_article`) and the accounting of every number.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from tests.support import VOLUME_2019, context_of

EXERCISES = """exercise_id,name,aliases
back_squat,Barbell back squat,back squat;squat
"""
STUDIES, GROUPS = VOLUME_2019
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
volume_2019,low,back_squat,1RM,kg,,,,,,20.0,Abstract
"""
V = "A study by Vole et al. (2019) compared training volumes in trained men. "


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def dispositions(text: str, context: Context) -> list[tuple[str, str, str | None]]:
    """Each number's text, disposition and quantity (or non-claim reason), in line order."""
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    return [
        (t, d, q if d == "claim" else r)
        for t, d, q, r in ex.numbers.sort("column")
        .select("text", "disposition", "quantity", "reason")
        .rows()
    ]


def test_different_days_a_week_are_the_weekly_frequency(context: Context) -> None:
    """'on three different days per week' is 3 sessions a week, read on that 'three'.

    Not on the 'three' of the set scheme before it.
    """
    got = dispositions(
        V + "They did one, three or five sets of 8-12 repetitions each. The sessions took place "
        "on three different days per week over eight weeks.",
        context,
    )
    threes = [g for g in got if g[0] == "three"]
    assert threes == [
        ("three", "non_claim", "set_rep_scheme"),
        ("three", "claim", "sessions_per_week"),
    ]
    assert ("one", "non_claim", "set_rep_scheme") in got


@pytest.mark.parametrize(
    "text",
    [
        V + "The men had two rest days per week.",
        V + "The tests were two non-consecutive days apart.",
    ],
)
def test_rest_days_and_days_between_tests_are_no_frequency(text: str, context: Context) -> None:
    """A rest day is no session, and days between tests are no weekly frequency."""
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    assert "sessions_per_week" not in ex.rows["quantity"].to_list()
    assert ex.rows.filter(pl.col("quantity") == "sessions_per_week").height == 0


def claimed(text: str, context: Context) -> list[tuple[str, str]]:
    """The claims read: (quantity, value)."""
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    return [(str(q), str(v)) for q, v in ex.rows.select("quantity", "value").rows()]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # training experience given as a word range or a compound number word
        (V + "Even experienced lifters (one to four-plus years of steady lifting) gained.",
         ("other", "2.5")),
        (V + "They had Twenty-four years of training experience.", ("other", "24")),
        # an age range written with 'to'
        (V + "It compared healthy men aged 18 to 35, split into three groups.", ("age", "18")),
        # a session's length after 'lifting ... for'
        (V + "Lifting weights three times a week for a mere 13 minutes is all it needs.",
         ("other", "13")),
        # a ratio of session lengths
        (V + "They improved as much as the men who spent five times as long in the gym.",
         ("other", "5")),
        # strength as a multiple of body weight
        (V + "They could start the squat at 1,5 times their body weight.", ("other", "1.5")),
        (V + "Those 1RMs came to ~1.25x and ~1.5x body weight.", ("other", "1.25")),
        (V + "Those 1RMs came to ~1.25x and ~1.5x body weight.", ("other", "1.5")),
    ],
)  # fmt: skip
def test_design_figures_in_words_are_read(
    text: str, claim: tuple[str, str], context: Context
) -> None:
    """Design figures written with words, 'to' or an 'x' are claims about the study."""
    assert claim in claimed(text, context)


@pytest.mark.parametrize(
    "text",
    [
        V + "Aim to squat 1.5 times your body weight.",
        V + "The bar weighed 1.5 times more than the dumbbell.",
        V + "They trained three times a week and rested for 2 minutes between sets.",
        V + "Training for 10 minutes before the test was allowed.",
        V + "The squat group rested three times as long between sets.",
        V + "The bar moved two times longer than before.",
        V + "The squat rose from 18 to 35 kg in the men.",
    ],
)
def test_figures_near_those_words_stay_unclaimed(text: str, context: Context) -> None:
    """Advice to the reader, a rest, a time before a test: no `other` or age claim."""
    assert [c for c in claimed(text, context) if c[0] in ("other", "age")] == []

"""The half of a sample an arm took is a claim about its design (carryover.claims.shares)."""

from __future__ import annotations

import time

import polars as pl
import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from carryover.claims.numbers import numbers
from carryover.claims.shares import allocation_share
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
back_squat,Back squat,back squat;squat
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
load_2015,"Load A, Rep B. Low- vs high-load training in trained men. J Strength Cond Res. 2015.",\
2015,,Men,18,8,3
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
load_2015,hl,High load (HL),back_squat,9
load_2015,ll,Low load (LL),back_squat,9
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
load_2015,hl,back_squat,1RM,kg,,,,,,20,Abstract
load_2015,ll,back_squat,1RM,kg,,,,,,9,Abstract
"""
NAMED = "Load and colleagues (2015) trained 18 young men with high or low loads.\n"


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def told(text: str, context: Context) -> tuple[list[str], dict[str, str]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    others = ex.rows.filter(pl.col("quantity") == "other")["value"].to_list()
    dispositions = {
        t.lower(): d for t, d in ex.numbers.select("text", "disposition").rows() if t.isalpha()
    }
    return others, dispositions


READ = [
    "Half of the men trained with weights of 70-80 percent of their maximum.",
    "Half of the subjects trained with heavy loads. The other half of the participants trained "
    "with light loads.",
    "The other half trained with weights of 30-50 percent of the load.",
    "Half of them were assigned to the high-load group.",
]


@pytest.mark.parametrize("text", READ)
def test_the_half_an_arm_took_is_a_claim(text: str, context: Context) -> None:
    """'Half of the men trained ...', 'The other half trained ...': an `other` claim of 0.5."""
    others, dispositions = told(NAMED + text, context)
    halves = text.lower().count("half")
    assert others.count("0.5") == halves
    assert dispositions["half"] == accounting.CLAIM


NOT_READ = [
    # an outcome, a share of something else, a half that is not the sentence's subject
    "About half of the men improved their squat.",
    "Half of the men improved their squat.",
    "They gained about half of what the other group gained.",
    "Each session took half an hour.",
    "The men trained with half of their usual weights.",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_a_half_of_anything_else_is_no_share_of_the_sample(text: str, context: Context) -> None:
    others, _ = told(NAMED + text, context)
    assert "0.5" not in others


def test_the_share_is_read_in_linear_time() -> None:
    """A long run of words after 'half' is looked at in a bounded window only."""
    line = "Half " + "of the men " * 100_000
    (half, *_) = numbers(line[:40])
    began = time.process_time()
    assert allocation_share(half, "", line[4:]) is None
    assert time.process_time() - began < 0.5

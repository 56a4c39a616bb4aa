"""Figures given before the study is named: bound to it when the naming sentence points back."""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.leads import AHEAD, LEAD
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
bench_press,Bench press,bench press
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
stone_2019,"Stone A, Reed B. Set volume and strength in trained men. Sports Lab. 2019.",\
2019,,Trained men,30,8,3
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
stone_2019,low,Low volume,bench_press,15
stone_2019,high,High volume,bench_press,15
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
stone_2019,low,bench_press,1RM,,,,,,,10.0,Abstract
"""


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


OPENING = "Want to get stronger? Lifting three times a week for eight weeks is enough."
NAMING = "That striking result comes from a study by Stone and colleagues."


def numbers(context: Context, text: str) -> pl.DataFrame:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    assert ex.numbers is not None
    assert ex.findings.filter(pl.col("rule") == "article_unreadable").is_empty()
    return ex.numbers


def test_opening_sentences_the_naming_sentence_points_back_at_are_the_study_s(
    context: Context,
) -> None:
    """Failing before: 'three' and 'eight' stood before the study's name and were unread."""
    got = numbers(context, f"# Strong in a hurry\n{OPENING} {NAMING}")
    claims = got.filter(pl.col("disposition") == "claim")
    assert claims.select("line", "text", "study_id").rows() == [
        (2, "three", "stone_2019"),
        (2, "eight", "stone_2019"),
    ]
    assert all(r.startswith(f"{AHEAD}, author") for r in claims["resolved_by"].to_list())


def test_a_naming_sentence_that_does_not_point_back_leaves_the_opening_general(
    context: Context,
) -> None:
    """'In a study by Stone ...' starts afresh: the usual advice before it is no claim."""
    general = "The usual advice is to lift three times a week for eight weeks."
    got = numbers(context, f"{general} In a study by Stone and colleagues, men trained.")
    assert got.filter(pl.col("disposition") == "claim").is_empty()


def test_an_opening_stating_another_study_s_facts_is_not_bound(context: Context) -> None:
    """Pointing back is not enough: the opening must state a fact of the study, none against."""
    against = "Lifting twice a week for twelve weeks is enough."
    got = numbers(context, f"{against} {NAMING}")
    assert got.filter(pl.col("disposition") == "claim").is_empty()
    vague = "Want to get stronger? Lift for a few minutes."
    got = numbers(context, f"{vague} {NAMING} The 30 men trained.")
    assert got.filter(pl.col("disposition") == "claim")["line"].to_list() == [1]
    assert "30" in got.filter(pl.col("disposition") == "claim")["text"].to_list()


def test_a_headline_stating_the_study_s_facts_keeps_its_lead_cue(context: Context) -> None:
    got = numbers(context, f"# Eight weeks to a stronger bench\n\n{NAMING} The 30 men trained.")
    claims = got.filter(pl.col("disposition") == "claim")
    headline = claims.filter(pl.col("line") == 1)
    assert headline["text"].to_list() == ["Eight"]
    assert headline["resolved_by"][0].startswith(f"{LEAD}, then author")


def test_only_the_sentence_pointed_back_at_is_bound(context: Context) -> None:
    """'That result' points at the sentence before it; an earlier one stays general."""
    earlier = "Most programmes last 12 weeks."
    got = numbers(context, f"{earlier}\n{OPENING} {NAMING}")
    claims = got.filter(pl.col("disposition") == "claim")
    assert claims["text"].to_list() == ["three", "eight"]
    twelve = got.filter(pl.col("text") == "12")
    assert twelve.select("disposition", "reason").rows() == [("non_claim", "other_study_general")]


def test_in_the_study_points_back_and_a_journal_named_in_one_sentence_is_kept(
    context: Context,
) -> None:
    """A journal named in one sentence names its study, and 'In the study' points back.

    The passage as a whole states a fact against the study ('women'); its sentences do not.
    """
    text = (
        "A research team placed 30 fit men on one of two routines. In the study, which "
        "appeared in Sports Lab, the men trained three times a week. Women were not tested."
    )
    got = numbers(context, text)
    claims = got.filter(pl.col("disposition") == "claim")
    assert claims.select("text", "study_id").rows() == [
        ("30", "stone_2019"),
        ("three", "stone_2019"),
    ]


def test_a_population_word_alone_does_not_bind_the_sentence_before(context: Context) -> None:
    got = numbers(context, f"Men love lifting 5 days a year. {NAMING}")
    assert got.filter(pl.col("disposition") == "claim").is_empty()

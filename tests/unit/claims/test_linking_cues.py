"""Cues that name a study, and words that must not.

The field's own words, a year before 'study', a role before a name, and a description after a
name several studies share.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.linking import stated_facts
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
bench_press,Bench press,bench press
push_up,Push-up,push-up;push up
back_squat,Barbell back squat,back squat;squat
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
stone_2019,"Stone A, Reed B. Resistance training volume enhances muscle hypertrophy in trained \
men. Sports Lab. 2019.",2019,,Trained men,34,8,3
stone_2015,"Stone A, Hale C. Effects of low- vs. high-load resistance training in trained men. \
Sports Lab. 2015.",2015,,Trained men,18,8,3
kato_2017,"Kato N, Ono K. Low-load bench press and push-up induce similar muscle hypertrophy and \
strength gain. Fit Sci. 2017.",2017,,Men,18,8,3
lee_2020,"Lee J, Kim S. Sprint and jump performance in youth soccer players. Fit Sci. 2020.",\
2020,,Youth soccer players,24,6,2
park_2018,"Park H, Cho D. Knee angle and bar path in deep squats. Fit Sci. 2018.",2018,,\
Women,20,10,2
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
stone_2019,low,1 set per exercise,back_squat,11
stone_2019,high,5 sets per exercise,back_squat,11
stone_2015,hl,High load (HL),back_squat,9
stone_2015,ll,Low load (LL),back_squat,9
kato_2017,bp,Bench press,bench_press,9
kato_2017,pu,Push-up,push_up,9
lee_2020,sq,Squat,back_squat,12
lee_2020,bp,Bench press,bench_press,12
park_2018,deep,Deep squat,back_squat,10
park_2018,half,Half squat,back_squat,10
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
stone_2019,low,back_squat,1RM,,,,,,,10.0,Abstract
stone_2015,hl,back_squat,1RM,,,,,,,19.6,Abstract
kato_2017,bp,bench_press,1RM,,,,,,,12.0,Abstract
lee_2020,sq,back_squat,1RM,,,,,,,8.0,Abstract
park_2018,deep,back_squat,1RM,,,,,,,9.0,Abstract
"""


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def study_of(context: Context, text: str, number: str) -> str | None:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    assert ex.numbers is not None
    rows = ex.numbers.filter(pl.col("text") == number)["study_id"].to_list()
    assert len(rows) == 1, rows
    return rows[0]


def test_the_fields_own_words_do_not_name_a_study_by_its_title(context: Context) -> None:
    """'resistance-trained' and 'hypertrophy' are in nearly every title: the sample decides.

    Before, a review's sentence with those words gave stone_2019 title points that outweighed
    the eighteen men only stone_2015 (or kato_2017, not trained) had.
    """
    text = (
        "A 2021 review of resistance training for hypertrophy found that many rep ranges work.\n"
        "In a study, eighteen resistance-trained men did either 25 to 35 reps or 8 to 12 reps, "
        "for eight weeks."
    )
    assert study_of(context, text, "eighteen") == "stone_2015"
    assert context.linker.titles["stone_2019"].isdisjoint({"resistance", "hypertrophy"})


def test_a_year_before_study_counts_no_one(context: Context) -> None:
    """'A 2013 study split its participants' gives a year, not a sample of 2013 people."""
    assert "n:2013" not in stated_facts("A 2013 study split its participants into two groups.")
    assert "n:20" in stated_facts("The study split its 20 participants into two groups.")


def test_an_expert_named_before_what_they_did_is_an_author_cue(context: Context) -> None:
    """'fitness expert Brad Stone has just finished a study' names Stone's studies."""
    text = "Researcher and fitness expert Brad Stone has just finished a study on loads."
    (mention,) = context.linker.mentions(text)
    assert set(mention.candidates) == {"stone_2019", "stone_2015"}
    assert context.linker.mentions("The fitness expert Brad Pitt has a view on loads.") == []


def test_a_description_after_a_shared_name_is_of_one_of_its_studies(context: Context) -> None:
    """After 'Brad Stone', a description that best fits another author's study links nothing.

    The light-load push-up words fit kato_2017's title; the text named Stone, whose two studies
    it cannot tell apart, so its figures stay unread rather than become kato_2017's claims.
    """
    text = (
        "Fitness expert Brad Stone has just finished a study of light loads.\n\n"
        "Men did low-load bench press or push-up work, with similar hypertrophy and strength "
        "gain, three times a week."
    )
    assert study_of(context, text, "three") is None
    unnamed = text.replace("Fitness expert Brad Stone has just finished", "Here is")
    assert study_of(context, unnamed, "three") == "kato_2017"

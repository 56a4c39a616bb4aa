"""An article that writes a study's whole title out names it: figures against it are checked."""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.linking import content_words
from carryover.claims.titles import written_title
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
full_squat,Full squat,full squat;deep squat
half_squat,Half squat,half squat
"""
TITLE = "Effects of squat training with different depths on lower limb muscle volumes"
STUDIES = f"""study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
deep_2019,"Deep A, Low B. {TITLE}. Eur J Test Physiol. 2019.",2019,,Men,17,10,2
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
deep_2019,fst,Full squat (FST),full_squat,8
deep_2019,hst,Half squat (HST),half_squat,9
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
deep_2019,fst,full_squat,1RM,,,,,,,31.8,Abstract
"""
BODY = (
    "\n\nIn this study, men did full squats or half squats for 10 weeks.\n\n"
    "Methods: Twenty-four untrained young men were randomly allocated to a group. "
    "Every group trained 3 days per week."
)


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def numbers(context: Context, text: str) -> pl.DataFrame:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    assert ex.numbers is not None
    assert ex.findings.filter(pl.col("rule") == "article_unreadable").is_empty()
    return ex.numbers


def test_a_heading_that_is_the_whole_title_names_the_study(context: Context) -> None:
    titles = context.linker.whole_titles
    assert written_title([content_words(TITLE)], titles, "deep_2019")
    assert written_title([content_words(f"Review: {TITLE} (2019)")], titles, "deep_2019")
    # a paragraph that uses the title's words among many more is not the title written out
    paragraph = f"{TITLE}, as writers across many sports blogs keep telling readers every week "
    paragraph += "about their favourite programmes, coaches, heroes, gyms and summer plans"
    assert not written_title([content_words(paragraph)], titles, "deep_2019")
    # part of the title is not the title
    assert not written_title([content_words("Squat training and muscle")], titles, "deep_2019")


def test_figures_against_a_titled_study_are_its_claims_and_checked(context: Context) -> None:
    """Failing before: the other sample and frequency unbound the study; now they are claims.

    Their values (24 men, 3 a week) are then judged against the study's (17, 2): wrong.
    """
    got = numbers(context, f"# {TITLE}{BODY}")
    claims = got.filter(pl.col("disposition") == "claim")
    assert claims.filter(pl.col("line") == 5).select("text", "quantity").rows() == [
        ("Twenty-four", "n"),
        ("3", "sessions_per_week"),
    ]
    assert set(claims["study_id"].to_list()) == {"deep_2019"}
    assert all(r.startswith("whole title, ") for r in claims["resolved_by"].to_list())


def test_a_study_known_by_description_only_still_yields_to_other_facts(
    context: Context,
) -> None:
    """No title written out: a passage stating another sample and frequency is another study."""
    got = numbers(context, f"# Squat depth and muscle growth{BODY}")
    later = got.filter(pl.col("line") == 5)
    assert set(later["disposition"].to_list()) == {"non_claim"}
    assert set(later["reason"].to_list()) == {"other_study_general"}


def test_a_journal_two_studies_share_is_the_one_whose_whole_title_the_article_writes() -> None:
    """'Eur J Test Physiol' printed two squat-depth studies; the title heading names one.

    The journal line alone leaves the two apart (nothing is linked); with the whole title of
    one as the article's heading, its figures are that study's, and a sample against it is a
    claim to check. A title of a study the journal line does not fit binds nothing.
    """
    studies = STUDIES + (
        'range_2013,"Range C, Depth D. Effect of range of motion in heavy load squatting '
        'on muscle adaptations. Eur J Test Physiol. 2013.",2013,,Men,17,12,3\n'
    )
    groups = GROUPS + (
        "range_2013,ds,Deep squat (DS),full_squat,8\nrange_2013,ss,Half squat (SS),half_squat,9\n"
    )
    ctx = context_of(EXERCISES, studies, groups, OUTCOMES)
    journal = "European Journal of Test Physiology, 119(9), pp. 1933-1942"
    body = "\n\nMethods: Twenty-four untrained young men were randomly allocated to a group."
    titled = numbers(ctx, f"# {TITLE}\n\n{journal}{body}")
    assert titled.filter(pl.col("text") == "Twenty-four")["study_id"].to_list() == ["deep_2019"]
    untitled = numbers(ctx, f"# Squat depth and the legs\n\n{journal}{body}")
    assert untitled.filter(pl.col("text") == "Twenty-four")["study_id"].to_list() == [None]

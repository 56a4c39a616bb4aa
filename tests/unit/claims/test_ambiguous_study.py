"""A study known only by a description that fits two studies equally: told, never guessed."""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
back_squat,Barbell back squat,back squat;squat
hip_thrust,Barbell hip thrust,hip thrust
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
first_2020,"First A, Other B. Squat or hip thrust in trained women. J Strength Res. 2020.",\
2020,,Trained women,22,12,
second_2022,"Second C, Other D. Hip thrust or squat for women who train. Sports Lab. 2022.",\
2022,,Trained women,30,12,
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
first_2020,sq,Squat,back_squat,12
first_2020,ht,Hip thrust,hip_thrust,10
second_2022,sq,Squat,back_squat,15
second_2022,ht,Hip thrust,hip_thrust,15
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
first_2020,sq,back_squat,1RM,,,,,,,20.0,Abstract
second_2022,sq,back_squat,1RM,,,,,,,25.0,Abstract
"""


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


TIED = (
    "In a study, trained women did either back squats or hip thrusts for 12 weeks.\n"
    "The squat group raised its back squat 1RM by 20%."
)


def test_the_linker_names_both_studies_a_description_fits_equally(context: Context) -> None:
    linker = context.linker
    assert linker.by_description(TIED) is None
    assert set(linker.description_tie(TIED)) == {"first_2020", "second_2022"}
    # the sample size tells them apart: one study, no tie
    told = TIED.replace("trained women", "22 trained women")
    found = linker.by_description(told)
    assert found is not None
    assert found.candidates == ("first_2020",)
    assert linker.description_tie(told) == ()
    # a description that fits no study well enough is no tie either
    assert linker.description_tie("In a study, people trained.") == ()


def test_a_study_two_studies_fit_is_a_warning_at_its_words_and_its_numbers_unread(
    context: Context,
) -> None:
    """The editor is told which words introduce the study and which studies they fit.

    Its figures are neither claims about a guessed study nor silently dropped: unread, with the
    reason that the study is ambiguous.
    """
    ex = read_article(Article("articles/a.md", "a", TIED.split("\n")), context)
    assert ex.rows.is_empty()
    tie = ex.findings.filter(pl.col("rule") == "study_not_in_data")
    assert tie.select("source_line", "column_name", "value").rows() == [(1, "column 4", "a study")]
    message = tie["message"][0]
    assert "line 1, column 4" in message
    assert "first_2020" in message
    assert "second_2022" in message
    assert ex.numbers is not None
    unread = ex.numbers.filter(pl.col("disposition") == "unread")
    assert unread.select("line", "text", "reason").rows() == [
        (1, "12", "study_ambiguous"),
        (2, "20%", "study_ambiguous"),
    ]
    said = ex.findings.filter(pl.col("rule") == "number_unread")["message"].to_list()
    assert len(said) == 2
    assert all("cannot tell apart (first_2020, second_2022)" in s for s in said)


def test_a_description_that_fits_one_study_is_read_without_a_warning(context: Context) -> None:
    text = TIED.replace("trained women", "22 trained women")
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    assert ex.findings.filter(pl.col("rule") == "study_not_in_data").is_empty()
    assert set(ex.rows["study_id"].to_list()) == {"first_2020"}
    assert ex.numbers is not None
    assert "study_ambiguous" not in ex.numbers["reason"].to_list()


def test_an_unread_number_elsewhere_keeps_its_reason(context: Context) -> None:
    """A passage about a study the reader could not interpret is not called ambiguous."""
    text = "A recent trial in men was run.\nThe researchers saw 7 of them improve 5%."
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    assert ex.findings.filter(pl.col("rule") == "study_not_in_data").is_empty()
    assert ex.numbers is not None
    reasons = ex.numbers.filter(pl.col("disposition") == "unread")["reason"].to_list()
    assert reasons
    assert set(reasons) == {"not_interpreted"}


def test_a_named_mention_no_study_fits_is_warned_at_its_column(context: Context) -> None:
    """'Smith et al.' is no study of the data: the warning says where the words stand."""
    text = "Squats help. As Smith et al. found, it works."
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    tie = ex.findings.filter(pl.col("rule") == "study_not_in_data")
    assert tie.select("source_line", "column_name").rows() == [(1, "column 17")]
    assert "line 1, column 17" in tie["message"][0]
    assert "no study in studies.csv" in tie["message"][0]
    known = read_article(
        Article("articles/b.md", "b", ["As First et al. found, it works."]), context
    )
    assert known.findings.filter(pl.col("rule") == "study_not_in_data").is_empty()

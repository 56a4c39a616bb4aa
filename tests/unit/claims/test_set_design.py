"""A study whose groups differ by their sets is described by naming every group's sets."""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.linking import present_text
from carryover.claims.set_groups import label_set_counts, sets_stated
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
bench_press,Bench press,bench press
back_squat,Back squat,back squat;squat
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
volume_2019,"Volume A, Other B. Set volume and strength in trained men. Sports Lab. 2019.",\
2019,,Trained men,34,8,3
squat_2020,"Squat C, Other D. Squats for strength in men. Sports Lab. 2020.",\
2020,,Men,20,10,2
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
volume_2019,low,Low volume: 1 set per exercise (1SET),bench_press,11
volume_2019,moderate,Moderate volume: 3 sets per exercise (3SET),bench_press,12
volume_2019,high,High volume: 5 sets per exercise (5SET),bench_press,11
squat_2020,sq,Squat,back_squat,10
squat_2020,ctl,Control,,10
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
volume_2019,low,bench_press,1RM,,,,,,,10.0,Abstract
squat_2020,sq,back_squat,1RM,,,,,,,20.0,Abstract
"""


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


ARTICLE = (
    "A recent study suggests a strength workout may take just 13 minutes.\n\n"
    "The researchers split fit young men into three groups. One group did five sets (taking "
    "about 70 minutes), another did three sets (about 45 minutes), and the last did only one "
    "set (about 13 minutes).\n\n"
)
FUTURE = "More research is needed, including studies of women, older adults and beginners."


def numbers(context: Context, text: str) -> pl.DataFrame:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    assert ex.numbers is not None
    return ex.numbers


def test_set_counts_in_words_and_in_labels() -> None:
    assert sets_stated("did either one, three, or five sets of seven exercises") == {1, 3, 5}
    assert sets_stated("five sets ... only one set ... three or five sets") == {1, 3, 5}
    assert sets_stated("the usual 3 to 5 sets of 8 to 12") == {5}  # a range lists no groups
    labels = ["Low: 1 set per exercise (1SET)", "High: 5 sets per exercise (5SET)"]
    assert label_set_counts(labels) == frozenset({1, 5})
    # groups not told apart by their sets: no set design
    assert label_set_counts(["Squat", "Control"]) == frozenset()
    assert label_set_counts(["A: 3 sets", "B: 3 sets"]) == frozenset()


def test_every_groups_sets_named_describe_the_study(context: Context) -> None:
    """Failing before: 'fit young men' alone was too little; the groups' sets make 3 points."""
    found = context.linker.by_description(ARTICLE)
    assert found is not None
    assert found.candidates == ("volume_2019",)
    assert "sets" in found.resolved_by
    got = numbers(context, ARTICLE)
    claims = got.filter(pl.col("disposition") == "claim")
    assert set(claims["study_id"].to_list()) == {"volume_2019"}
    assert {"70", "45"} <= set(claims["text"].to_list())


def test_some_groups_sets_or_a_range_describe_no_study(context: Context) -> None:
    partial = ARTICLE.replace("another did three sets (about 45 minutes), and ", "")
    assert context.linker.by_description(partial) is None
    general = "A recent study of fit young men suggests the usual 3 to 5 sets are enough."
    assert context.linker.by_description(general) is None


def test_people_named_for_research_still_to_do_are_not_the_study_s(context: Context) -> None:
    """'studies of women' in a sentence about future research does not rule the study out."""
    assert present_text(f"Men lifted. {FUTURE}") == "Men lifted."
    found = context.linker.by_description(ARTICLE + FUTURE)
    assert found is not None
    assert found.candidates == ("volume_2019",)
    # the same people stated of the study itself still rule it out
    assert context.linker.by_description(ARTICLE + "The study tested only women.") is None


def test_set_counts_are_read_in_linear_time() -> None:
    """A line dense with counts before 'sets' costs each 'sets' a bounded look back."""
    import time

    def seconds(repeats: int) -> float:
        line = "one, two sets " * repeats
        start = time.perf_counter()
        assert sets_stated(line) == {1, 2}
        return time.perf_counter() - start

    seconds(500)  # warm up
    small = min(seconds(2_000) for _ in range(2))
    large = min(seconds(8_000) for _ in range(2))
    assert large < 8 * small, (small, large)
    # a long list with no 'sets' after it is not looked at
    assert sets_stated("one, " * 50_000) == set()

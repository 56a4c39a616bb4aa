"""A squat-depth study's groups named by any word for their depth, and depths named by phrases.

Reading: carryover.claims.depth_sides ('Partial Squat (9 individuals)' is the half squat group
of a full-versus-half squat study) and the depth phrases of carryover.claims.depths ('full
range of motion (AC) - 140º (one hundred forty degrees) of knee flexion', 'full-depth squats
(140 degrees knee flexion)', 'a deep squat (at 120 degrees)'), through the article reader.
"""

from __future__ import annotations

import time

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.depth_sides import depth_group, depth_side, side_groups
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
full_squat,Full squat,full squat;full squats;deep squat
half_squat,Half squat,half squat;half squats
back_squat,Back squat,back squat;squat
hip_thrust,Hip thrust,hip thrust
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
depth_2019,"Depth A, Range B. Squat training with different depths. Eur J Appl Physiol. 2019.",\
2019,,Men,17,10,2
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
depth_2019,fst,Full squat training (FST),full_squat,8
depth_2019,hst,Half squat training (HST),half_squat,9
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
depth_2019,fst,full_squat,1RM,kg,,,,,,20,Abstract
depth_2019,hst,full_squat,1RM,kg,,,,,,9,Abstract
"""
# a study of two exercises, not two depths
OTHER_STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,\
sessions_per_week
lift_2019,"Lift A, Range B. Back squat vs hip thrust training. Eur J Appl Physiol. 2019.",\
2019,,Women,22,12,
"""
OTHER_GROUPS = """study_id,group_id,label,trained_exercise,n
lift_2019,bs,Back squat,back_squat,12
lift_2019,ht,Hip thrust,hip_thrust,10
"""
OTHER_OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,\
post_sd,change_abs,change_pct,source
lift_2019,bs,back_squat,1RM,kg,,,,,,12,Abstract
lift_2019,ht,back_squat,1RM,kg,,,,,,2,Abstract
"""
NAMED = "Depth and colleagues (2019) compared full and half squats. "
LIFT = "Lift and colleagues (2019) compared the back squat and the hip thrust. "


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def rows(text: str, context: Context, quantity: str) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    found = ex.rows.filter(pl.col("quantity") == quantity)
    return found.select("group_id", "value").rows()


def told(text: str, context: Context) -> list[tuple[str, str]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    return ex.numbers.select("text", "disposition").rows()


@pytest.mark.parametrize(
    ("words", "side"),
    [
        ("partial squat", "shallow"),
        ("half-depth squats", "shallow"),
        ("partial range of motion", "shallow"),
        ("full-depth squats", "deep"),
        ("full range of motion", "deep"),
        ("full rom", "deep"),
        ("deeper squats", "deep"),
        # a bare depth word names no squat; other words name no depth
        ("half", None),
        ("full", None),
        ("parallel squat", None),
        ("back squat", None),
    ],
)
def test_the_words_for_a_squats_depth(words: str, side: str | None) -> None:
    named = depth_side(words.split())
    assert (named[0] if named else None) == side


def test_only_a_study_of_one_deep_and_one_shallow_group_has_sides() -> None:
    depth = {"fst": frozenset({"full squat"}), "hst": frozenset({"half squat"})}
    assert side_groups(depth) == ("fst", "hst")
    assert depth_group(["partial", "squats"], depth) == ("hst", "partial squats")
    lifts = {"bs": frozenset({"back squat", "squat"}), "ht": frozenset({"hip thrust"})}
    assert side_groups(lifts) is None
    assert depth_group(["partial", "squats"], lifts) is None
    two_deep = {"a": frozenset({"full squat"}), "b": frozenset({"deep squat"})}
    assert side_groups(two_deep) is None


def test_a_group_named_by_another_word_for_its_depth_gets_its_size(context: Context) -> None:
    """'Deep Squat (8 individuals) and Partial Squat (9 individuals)': the half squat group's 9."""
    text = NAMED + (
        "They recruited 17 volunteers and divided them into two groups: Deep Squat "
        "(8 individuals) and Partial Squat (9 individuals)."
    )
    assert ("hst", "9") in rows(text, context, "n")
    assert ("fst", "8") in rows(text, context, "n")


DEPTHS = [
    # 'range of motion' and its abbreviation, then a dash, then the angle and the knee
    (
        "These men were divided into 2 (two) groups:\n"
        "- G1 (group 1): full range of motion (AC) - 140º (one hundred forty degrees) of knee "
        "flexion;\n"
        "- G2 (group 2): partial range of motion (AP) - 90º (ninety degrees) of knee flexion.",
        [("fst", "140"), ("fst", "140"), ("hst", "90"), ("hst", "90")],
    ),
    # a hyphenated depth before the angle's parenthesis
    (
        "A study compared full-depth squats (140 degrees knee flexion) with half-depth squats "
        "(90 degrees knee flexion).",
        [("fst", "140"), ("hst", "90")],
    ),
    # 'at' inside the parenthesis
    ("It showed that a deep squat (at 140 degrees) builds the glutes.", [("fst", "140")]),
]


@pytest.mark.parametrize(("text", "expected"), DEPTHS)
def test_a_depth_phrase_gives_the_angle_to_its_group(
    text: str, expected: list[tuple[object, ...]], context: Context
) -> None:
    assert rows(NAMED + text, context, "other") == expected


def test_the_other_of_two_groups_takes_the_second_depth(context: Context) -> None:
    """The other of two groups, after one named, takes the second depth.

    'one group trained with a full squat (140 degrees ...), the other with a parallel squat (90
    degrees of knee flexion)': the parallel squat names no group, 'the other' does.
    """
    text = (
        "The men were divided in two: one group trained for 10 weeks with a full squat (140 "
        "degrees of knee flexion, nearly down to the floor), the other with a parallel squat (90 "
        "degrees of knee flexion, no lower than parallel)."
    )
    assert rows(NAMED + text, context, "other") == [("fst", "140"), ("hst", "90")]


def test_the_other_needs_one_group_named_before_it(context: Context) -> None:
    """With no group named before 'the other', which group is the other is not told."""
    text = "One group trained hard, the other with a parallel squat (90 degrees of knee flexion)."
    assert rows(NAMED + text, context, "other") == []


NOT_DEPTHS = [
    # after a dash the knee must be named: a machine's angle is no group's depth
    "The partial range of motion group - 45° leg press - trained twice a week.",
    # a standard squat is no depth word
    "It showed that a standard squat (at 90 degrees) builds the glutes.",
]


@pytest.mark.parametrize("text", NOT_DEPTHS)
def test_other_angles_after_depth_words_are_not_read(text: str, context: Context) -> None:
    assert rows(NAMED + text, context, "other") == []


def test_depth_phrases_on_a_one_megabyte_line_are_read_in_linear_time(context: Context) -> None:
    """A long line of depth phrases costs about four times a quarter of it, not sixteen."""
    unit = "full range of motion (AC) - 140º (one hundred forty degrees) of knee flexion; "

    def seconds(size: int) -> float:
        line = (unit * (size // len(unit) + 1))[:size]
        began = time.process_time()
        read_article(Article("articles/a.md", "a", [NAMED + line]), context)
        return time.process_time() - began

    small = min(seconds(20_000) for _ in range(2))
    large = seconds(80_000)
    assert large < 8 * small + 0.5, (small, large)

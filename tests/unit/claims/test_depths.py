"""A group's squat depth as a knee angle is a claim about the study's design, not unread.

Reading: carryover.claims.depths through the article reader.
"""

from __future__ import annotations

import time

import polars as pl
import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from carryover.claims.depths import knee_angle
from carryover.claims.numbers import numbers
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
full_squat,Full squat,full squat;deep squat
half_squat,Half squat,half squat
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
depth_2019,"Deep A, Half B. Squat depth and muscle size. Eur J Appl Physiol. 2019.",2019,,\
Men,17,10,2
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
depth_2019,fst,Full squat training (FST),full_squat,8
depth_2019,hst,Half squat training (HST),half_squat,9
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
depth_2019,fst,full_squat,1RM,kg,,,,,,31.8,Abstract
depth_2019,hst,full_squat,1RM,kg,,,,,,11.3,Abstract
"""
D = "A study by Deep et al. (2019) compared squat depths. "


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def read(text: str, context: Context) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The `other` claims (group, value) and each number's disposition, by its text."""
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.filter(pl.col("quantity") == "other").select("group_id", "value").rows()
    told = dict(ex.numbers.select("text", "disposition").rows())
    return [(str(g), str(v)) for g, v in rows], told


READ = [
    (D + "The FST group squatted down until the knee angle reached 140 degrees.", [("fst", "140")]),
    (D + "One group trained with a full squat (140 degrees of knee flexion), the other with a "
     "half squat (90 degrees of knee flexion).", [("fst", "140"), ("hst", "90")]),
    (D + "The HST group stopped at 90° of knee flexion.", [("hst", "90")]),
    (D + "The FST group went to 140º (one hundred forty degrees) of knee flexion.",
     [("fst", "140"), ("fst", "140")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), READ)
def test_a_groups_knee_angle_is_a_claim(
    text: str, expected: list[tuple[str, str]], context: Context
) -> None:
    """'the knee angle reached 140 degrees' after a group: an `other` claim of that group."""
    claims, told = read(text, context)
    assert claims == expected
    for _, value in expected:
        assert any(d == accounting.CLAIM for t, d in told.items() if t.startswith(value))


NOT_READ = [
    # no knee angle named: general depth advice
    D + "The FST group may squat to 90° or even higher.",
    # no group of the study named before it: a depth quoted from elsewhere
    D + "The glutes work less out of the hole (140 deg knee flexion), says another paper.",
    # an angle that names a machine
    D + "The FST group also did the 45° leg press.",
    # knees bent, no knee angle or flexion named
    D + "The HST group kept the knees bent 90 degrees.",
    # an angle in figures and words of another joint
    D + "The FST group went to 140º (one hundred forty degrees) of hip flexion.",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_other_angles_are_no_group_depth(text: str, context: Context) -> None:
    """An angle with no knee flexion named, or no group before it, is no depth claim."""
    claims, _ = read(text, context)
    assert claims == []


def _seconds(line: str) -> float:
    found = numbers(line)
    began = time.process_time()
    for number in found:
        start, end = number.column - 1, number.end - 1
        knee_angle(number, line[max(0, start - 80) : start], line[end : end + 80])
    return time.process_time() - began


def test_a_one_megabyte_line_is_read_in_linear_time() -> None:
    """A 1 MB line of knee angles costs about four times a 250 KB one, not sixteen."""
    unit = "the knee angle reached 140 degrees, 90° of knee flexion, 120 deg (deep) knee angle; "

    def line(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    small = min(_seconds(line(250_000)) for _ in range(2))
    large = _seconds(line(1_000_000))
    assert large < 8 * small + 0.05, (small, large)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("FST = Full squat, down to roughly 140º of knee flexion.", [("140º", 140.0)]),
        ("G2: partial range - 90º (ninety degrees) of knee flexion.", [("90º", 90.0)]),
        # the ordinal sign after one digit is 'first', 'second': no figure
        ("She took the 1º lugar.", []),
    ],
)
def test_the_ordinal_sign_after_two_digits_is_degrees(
    line: str, found: list[tuple[str, float]]
) -> None:
    """'140º', written with the ordinal sign as Spanish and Portuguese writers do: 140 degrees."""
    assert [(n.text, n.value) for n in numbers(line) if n.text.endswith("º")] == found


def test_an_angle_with_the_ordinal_sign_names_a_machine_too() -> None:
    """'45º leg press' is the machine's name, set aside like '45° leg press'."""
    told = {d.text: d.reason for d in accounting.dispose(["They used a 45º leg press."], [], [1])}
    assert told["45º"] == "other"


def test_a_knee_angle_with_the_ordinal_sign_is_read(context: Context) -> None:
    """'down to 140º of knee flexion' after a group: that group's depth."""
    claims, _ = read(D + "The FST group squatted down to roughly 140º of knee flexion.", context)
    assert claims == [("fst", "140")]

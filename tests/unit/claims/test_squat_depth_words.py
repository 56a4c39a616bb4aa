"""Squat depths and squat groups as writers word them, beyond 'N degrees of knee flexion'.

Reading: carryover.claims.depths (bending verbs, ranges from zero, pairs, depth words),
carryover.claims.groups_doing ('the group doing the deeper squats') and
carryover.claims.other_years ('A 2014 study ...' in an article about a 2013 study), through the
article reader.
"""

from __future__ import annotations

import time

import polars as pl
import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from carryover.claims.groups_doing import groups_doing
from carryover.claims.numbers import numbers
from carryover.claims.other_years import introduces_other_year
from carryover.claims.single_counts import single_count_reason
from carryover.claims.total_spans import without_whole_spans
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
full_squat,Full squat,full squat;deep squat;deep squats
shallow_squat,Shallow squat,shallow squat;shallow squats
leg_press,Leg press,leg press
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
range_2013,"Range A, Depth B. Range of motion in heavy squatting. Eur J Appl Physiol. 2013.",\
2013,,Men,17,12,
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
range_2013,ds,Deep squat (DS),full_squat,8
range_2013,ss,Shallow squat (SS),shallow_squat,9
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
range_2013,ds,full_squat,1RM,kg,,,,,,20,Abstract
range_2013,ss,full_squat,1RM,kg,,,,,,9,Abstract
range_2013,ss,shallow_squat,1RM,kg,,,,,,36,Abstract
range_2013,ds,shallow_squat,1RM,kg,,,,,,20,Abstract
"""
NAMED = "Range and colleagues (2013) compared deep and shallow squats. "

# the same design, but the groups trained a squat and a leg press: no deep or shallow group
LEG_GROUPS = """study_id,group_id,label,trained_exercise,n
range_2013,ds,Deep squat (DS),full_squat,8
range_2013,lp,Leg press (LP),leg_press,9
"""
LEG_OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
range_2013,ds,full_squat,1RM,kg,,,,,,20,Abstract
range_2013,lp,full_squat,1RM,kg,,,,,,9,Abstract
"""


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def read(text: str, context: Context, quantity: str = "other") -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.filter(pl.col("quantity") == quantity)
    return rows.select("group_id", "value", "value_to").rows()


def told(text: str, context: Context) -> dict[str, str]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    return dict(ex.numbers.select("text", "disposition").rows())


READ = [
    # a bending verb and the depth reached
    (NAMED + "Deep squat (DS): the knee bent to 120°.", [("ds", "120", None)]),
    (NAMED + "Shallow squat: the knee bends as far as 60°.", [("ss", "60", None)]),
    # a range of motion from straight legs, after the depth word
    (NAMED + "They compared shallow (0\u201360°) with deep (0\u2013120°) squats.",
     [("ss", "0", "60"), ("ds", "0", "120")]),
    # a pair sharing its unit: the larger angle is the deeper group's
    (NAMED + "The groups trained at roughly 120° against 60° of knee flexion.",
     [("ds", "120", None), ("ss", "60", None)]),
    (NAMED + "The authors looked at the difference between the angles 60º and 120º.",
     [("ss", "60", None), ("ds", "120", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), READ)
def test_a_depth_worded_as_writers_do_is_a_groups_claim(
    text: str, expected: list[tuple[object, ...]], context: Context
) -> None:
    """'the knee bent to 120°', 'shallow (0-60°)', '120° against 60° of knee flexion'."""
    assert read(text, context) == expected
    angles = [d for t, d in told(text, context).items() if t.endswith(("°", "º"))]
    assert angles
    assert all(d == accounting.CLAIM for d in angles)


NOT_READ = [
    # a position held, not a depth reached (as 'knees bent 90 degrees' in test_depths)
    NAMED + "The DS group kept the knees bent 90°.",
    # two angles with no knee, angle or depth word: a machine's settings
    NAMED + "The DS group used benches set at 30° and 45° for rows.",
    # one range, between two angles: not two groups' depths
    NAMED + "Both groups moved between 90° and 120° of knee flexion.",
    NAMED + "Both groups squatted from 60° to 120° of knee flexion.",
    # a range that does not start at zero is no depth
    NAMED + "They compared shallow (40\u201360°) with deep squats.",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_other_angles_are_no_depth(text: str, context: Context) -> None:
    assert read(text, context) == []


def test_a_pair_needs_a_deep_and_a_shallow_group() -> None:
    """'120° against 60° of knee flexion' in a squat vs leg press study: no group is told."""
    leg = context_of(EXERCISES, STUDIES, LEG_GROUPS, LEG_OUTCOMES)
    assert read(NAMED + "The groups trained at 120° against 60° of knee flexion.", leg) == []


def test_a_study_of_another_year_takes_its_depths_with_it(context: Context) -> None:
    """'A 2014 study compared squats at 50° and at 90° of knee flexion' after a 2013 study."""
    other = NAMED + "\n\nA 2014 study compared squats at 50° and at 90° of knee flexion."
    assert read(other, context) == []
    same = NAMED + "\n\nA 2013 study compared squats at 60° and at 120° of knee flexion."
    assert read(same, context) == [("ss", "60", None), ("ds", "120", None)]


@pytest.mark.parametrize(
    ("sentence", "year", "other"),
    [
        ("A 2014 study compared squats at two depths.", 2013, True),
        ("Another study from 2019 took a squat-only approach.", 2013, True),
        ("A 2013 study split its participants into two groups.", 2013, False),
        # a year that is no study's introduction
        ("In 2014 the authors published a follow-up.", 2013, False),
        ("The 2014 guidelines recommend two sessions a week.", 2013, False),
    ],
)
def test_a_study_brought_in_by_another_year(sentence: str, year: int, other: bool) -> None:
    assert introduces_other_year(sentence, year) is other


def test_the_group_doing_the_deeper_squats_is_the_deep_squat_group(context: Context) -> None:
    """'The group doing the deeper squats ... raised their deep squat one-rep max by 20%'."""
    text = NAMED + "The group doing the deeper squats raised their deep squat one-rep max by 20%."
    assert read(text, context, "change_pct") == [("ds", "20", None)]


def test_a_group_doing_an_exercise_no_group_trained_names_none(context: Context) -> None:
    """'the group doing the lunges' fits no group: no change is given to one."""
    text = NAMED + "The group doing the lunges raised their deep squat one-rep max by 20%."
    assert read(text, context, "change_pct") == []


def test_groups_doing_makes_comparatives_plain() -> None:
    assert groups_doing("the group doing the deeper squats gained") == [
        (4, 40, ["deep", "squats", "gained"])
    ]
    assert groups_doing("the groups trained for 12 weeks") == []


def test_depth_words_on_a_one_megabyte_line_are_read_in_linear_time(context: Context) -> None:
    """A 1 MB line costs about four times a 250 KB one, not sixteen."""
    unit = (
        "the group doing the deeper squats; a 2014 study from 2019; 120° against 60° of knee "
        "flexion; the angles 60º and "
    )

    def seconds(size: int) -> float:
        line = (unit * (size // len(unit) + 1))[:size]
        began = time.process_time()
        groups_doing(line)
        introduces_other_year(line, 2013)
        return time.process_time() - began

    small = min(seconds(250_000) for _ in range(2))
    large = seconds(1_000_000)
    assert large < 8 * small + 0.05, (small, large)


def test_a_pair_after_an_aside_and_a_tested_lift_gives_the_other_group_its_figure(
    context: Context,
) -> None:
    """'The SS group, on the other hand, gained more shallow squat strength (36% versus 20%)'.

    The aside set off by commas is no clause break, and the lift before the parenthesis is the
    test, not a group: the shallow squat group is ahead, the other figure the deep squat group's.
    """
    text = (
        NAMED + "The shallow squat group, on the other hand, gained more shallow squat strength "
        "(36% versus 20%)."
    )
    assert read(text, context, "change_pct") == [("ss", "36", None), ("ds", "20", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a clause break that is no aside
        "The shallow squat group trained hard, and gained more shallow squat strength "
        "(36% versus 20%).",
        # 'gained more <test>' with no aside setting the group against the other: unread, as
        # 'The squat group gained more back squat strength (10.2% vs. 7.7%)' in test_paired_figures
        "The shallow squat group gained more shallow squat strength (36% versus 20%).",
        # 'more than': a comparison, not the group's lead
        "The shallow squat group gained more than the others in strength (36% versus 20%).",
    ],
)
def test_near_miss_pairs_leave_the_second_figure_unread(context: Context, sentence: str) -> None:
    assert ("ds", "20", None) not in read(NAMED + sentence, context, "change_pct")


def test_the_counted_sample_after_the_groups_owns_their_decade(context: Context) -> None:
    """The whole sample's age, though groups were named before it.

    'deep (DS) and shallow (SS) squatting ... the 17 male participants in their early twenties'.
    """
    text = (
        NAMED + "They asked whether deep (DS) and shallow (SS) squatting would change the thighs "
        "of the 17 male participants in their early twenties."
    )
    assert read(text, context, "age") == [(None, "20", "25")]


def test_a_decade_right_after_a_group_stays_unread(context: Context) -> None:
    """'the DS group, in their early twenties': no sample is counted after the group."""
    text = NAMED + "The DS group, mostly in their early twenties, squatted deep."
    assert read(text, context, "age") == []


def test_a_week_numbered_in_a_parenthesis_is_a_programme_week() -> None:
    """'a pretesting week (week 2)': the programme's week, not a figure; a bare '(2)' is not."""
    line = "After a familiarization week (week 1) and a pretesting week (week 2) they trained."
    told_here = {d.text: d.reason for d in accounting.dispose([line], [], [1])}
    assert told_here["1"] == "programme_week"
    assert told_here["2"] == "programme_week"
    other = {d.text: d.reason for d in accounting.dispose(["They rested (2) times."], [], [1])}
    assert other["2"] != "programme_week"


def test_a_study_named_in_line_with_is_a_comparison(context: Context) -> None:
    """'..., in line with the study by Other (2012)': the sentence stays about the first study."""
    text = (
        "In the first study, by Range (2013), the author looked at the difference between the "
        "angles 60º and 120º, in line with the study by Other (2012)."
    )
    assert read(text, context) == [("ss", "60", None), ("ds", "120", None)]
    # named as the sentence's own second study, the angles are not the first study's
    alone = (
        "In the first study, by Range (2013), the author looked at the difference between the "
        "angles 60º and 120º, and so did Other (2012)."
    )
    assert read(alone, context) == []


def test_the_whole_span_of_a_study_is_not_its_training_weeks(context: Context) -> None:
    """'The whole period was 14 weeks' after a 12-week study recognised by its description.

    The page has not moved on to another study (its 3 sessions a week are read), and the 14
    weeks, which may count testing weeks, are not read as the training's duration.
    """
    text = (
        "A 2013 paper compared deep squat and shallow squat training in 17 men.\n\n"
        "The whole period was 14 weeks, and they squatted 3 times a week."
    )
    assert read(text, context, "duration_weeks") == []
    assert read(text, context, "sessions_per_week") == [(None, "3", None)]
    # a training duration stated against the study still takes the page to another study
    other = (
        "A 2013 paper compared deep squat and shallow squat training in 17 men.\n\n"
        "They trained for 14 weeks and squatted 3 times a week."
    )
    assert read(other, context, "sessions_per_week") == []


def test_whole_spans_are_blanked_in_linear_time() -> None:
    """Blanking keeps positions; a 1 MB text costs about four times a 250 KB one."""
    assert without_whole_spans("The whole period was 14 weeks, for 12 weeks of training.") == (
        "The whole period was    weeks, for 12 weeks of training."
    )
    unit = "The whole period was 14 weeks; 12 weeks of training. "

    def seconds(size: int) -> float:
        line = (unit * (size // len(unit) + 1))[:size]
        began = time.process_time()
        without_whole_spans(line)
        return time.process_time() - began

    small = min(seconds(250_000) for _ in range(2))
    large = seconds(1_000_000)
    assert large < 8 * small + 0.05, (small, large)


def test_a_change_in_both_squats_is_the_groups_change_on_each(context: Context) -> None:
    """'The DS group increased 1RM in both squats by ~20%': one claim per squat the group has."""
    text = NAMED + "The DS group increased 1RM in both squats by 20%, a solid gain."
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    rows = ex.rows.filter(pl.col("quantity") == "change_pct")
    assert rows.select("group_id", "test_exercise", "measure", "value").rows() == [
        ("ds", "full_squat", "1RM", "20"),
        ("ds", "shallow_squat", "1RM", "20"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # 'both' far from the figure, past a clause break: the usual reading, never both
        "The DS group did both squats; its deep squat 1RM rose by 20%.",
        # both of something else: no lift named
        "The DS group improved in both weeks by 20% on the deep squat 1RM.",
    ],
)
def test_both_away_from_the_figure_names_no_tests(context: Context, sentence: str) -> None:
    ex = read_article(Article("articles/a.md", "a", [NAMED + sentence]), context)
    rows = ex.rows.filter(pl.col("quantity") == "change_pct")
    assert rows.select("test_exercise").to_series().to_list() == ["full_squat"]


def test_both_squats_with_one_squat_tested_is_told_not_guessed() -> None:
    """A study with data on one squat only for the group: a warning, no claim."""
    leg = context_of(EXERCISES, STUDIES, LEG_GROUPS, LEG_OUTCOMES)
    text = NAMED + "The DS group increased 1RM in both squats by 20%."
    ex = read_article(Article("articles/a.md", "a", [text]), leg)
    assert ex.rows.filter(pl.col("quantity") == "change_pct").is_empty()
    messages = ex.findings.select("message").to_series().to_list()
    assert any("cannot tell which squats 20%" in m for m in messages)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("There is research that answers this squarely in just 1 paper.", "other"),
        ("What this 1 study showed", "other"),
        ("Body fat drops with 3 minutes of squats in 1 day.", "other"),
        ("The heaviest weight you can lift in 1 movement.", "other"),
        # a training frequency, and another count: not set aside by this rule
        ("They trained 1 day a week.", None),
        ("They trained 1 day per week.", None),
        ("The page cites 1 trial.", None),
    ],
)
def test_the_digit_one_counting_a_paper_or_a_day_is_no_figure(
    line: str, reason: str | None
) -> None:
    (one,) = [n for n in numbers(line) if n.text == "1"]
    end = one.end - 1
    assert single_count_reason(one, line[end : end + 40]) == reason
    if reason is not None:
        told_here = {d.text: d.reason for d in accounting.dispose([line], [], [1])}
        assert told_here["1"] == reason


TWO = (
    "Range et al. (2013) and Other et al. (2014) reported that squatting with deep knee flexion "
    "(120° of knee flexion for Range et al. 2013, 90° of knee flexion for Other et al. 2014) grew "
    "the thighs more than squatting with shallow knee flexion (60° of knee flexion for Range et "
    "al. 2013, 50° of knee flexion for Other et al. 2014)."
)


def test_an_angle_given_for_a_study_by_name_is_that_studys(context: Context) -> None:
    """Each angle followed by 'for <study>' is that study's; another study's stay unread."""
    assert read(TWO, context) == [("ds", "120", None), ("ss", "60", None)]
    disposed = told(TWO, context)
    assert disposed["120°"] == accounting.CLAIM
    assert disposed["60°"] == accounting.CLAIM
    assert disposed["90°"] != accounting.CLAIM
    assert disposed["50°"] != accounting.CLAIM


def test_an_angle_for_a_study_with_no_depth_word_is_not_given_a_group(context: Context) -> None:
    """'squatting (120° of knee flexion for Range et al. 2013, ...)': no deep or shallow word."""
    text = TWO.replace("with deep knee flexion", "with knee flexion").replace(
        "with shallow knee flexion", "with knee flexion"
    )
    assert read(text, context) == []

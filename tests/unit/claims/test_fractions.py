"""Changes stated in words ('by about a quarter', 'doubled') and groups named by their training.

Each reading rule with a sentence where it applies and one where it must not; the accounting
finds the fraction word as the claim's number and gives it the claim's verdict.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from carryover.claims.bounds import fractions
from tests.support import context_of, valid_texts, validate_texts
from tests.unit.claims.test_facts import B, context

__all__ = ["context"]  # the reading fixture (barbalho_2020: BS and HT groups), from test_facts


def changes(text: str, context: Context) -> list[tuple[object, ...]]:
    """The change claims read from a text as (group, test, measure, value, value_to)."""
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.filter(pl.col("quantity") == "change_pct")
    return rows.select("group_id", "test_exercise", "measure", "value", "value_to").rows()


def test_fractions_in_words_are_percent_ranges() -> None:
    text = "It rose by about a quarter, by half, by a third; they doubled their squat strength."
    assert [(text[s:e], lo, hi) for s, e, lo, hi in fractions(text)] == [
        ("quarter", "22.5", "27.5"),
        ("half", "45.0", "55.0"),
        ("third", "30.0", "36.7"),
        ("doubled", "90.0", "110.0"),
    ]
    # no change: a share of something, a doubled volume
    assert fractions("about half of what the other group gained; they doubled the volume") == []


READ = [
    # a group named by what it trained, a change by a fraction in words
    (B + "The women who squatted raised their back squat 1RM by about a quarter.",
     [("bs", "back_squat", "1RM", "22.5", "27.5")]),
    (B + "Those who used the hip thrust raised their hip thrust 1RM by a third.",
     [("ht", "hip_thrust", "1RM", "30.0", "36.7")]),
    (B + "Their back squat 1RM fell by half in the BS group.",
     [("bs", "back_squat", "1RM", "-55.0", "-45.0")]),
    # ... 'who watched' names no training: no group, no claim
    (B + "The women who watched the squat raised their back squat 1RM by a quarter.", []),
    # maximal strength with no figure in the data to tell the test is a 1RM ...
    (B + "The BS group raised its maximal leg press strength by 12%.",
     [("bs", "leg_press_45", "1RM", "12", None)]),
    # ... and no test is guessed without those words
    (B + "The BS group raised its leg press strength by 12%.", []),
    # a percent more than another group's is a difference, not a change
    (B + "The BS group's back squat 1RM rose 12% more than the HT group's.", []),
    (B + "The BS group's back squat 1RM rose 12% in the study.",
     [("bs", "back_squat", "1RM", "12", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), READ)
def test_changes_in_words_are_read_for_the_group_that_trained(
    text: str, expected: list[tuple[object, ...]], context: Context
) -> None:
    assert changes(text, context) == expected


def differences(text: str, context: Context) -> list[tuple[object, ...]]:
    """The percent differences read from a text as (group, test, measure, value, value_to)."""
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.filter(pl.col("quantity") == "contrast_pct")
    return rows.select("group_id", "test_exercise", "measure", "value", "value_to").rows()


DIFFERENCES = [
    (B + "The BS group's back squat 1RM rose 10-15% more than the HT group's.",
     [("bs", "back_squat", "1RM", "10", "15")]),
    (B + "The BS group's back squat 1RM rose 12% less than the HT group's.",
     [("bs", "back_squat", "1RM", "-12", None)]),
    # the group ahead must be named before the figure
    (B + "Back squat 1RM rose 12% more than in the HT group.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DIFFERENCES)
def test_a_percent_difference_is_read_for_the_group_named_before_it(
    text: str, expected: list[tuple[object, ...]], context: Context
) -> None:
    assert differences(text, context) == expected


@pytest.mark.parametrize("value", ["5.5", "50"])
def test_a_percent_difference_is_never_judged_against_a_difference_in_units(value: str) -> None:
    """A difference in % is unverifiable, whatever the difference in kg.

    trial_2020's sq - ht back squat 1RM difference is 5.5 kg: neither 5.5% nor 50% is judged by
    it (a contrast of 5.5 in kg is supported, one of 50 contradicted).
    """
    texts = valid_texts()
    texts["claims"] = (
        "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"
        f"r,2,trial_2020,contrast_pct,sq,back_squat,1RM,{value}\n"
        f"r,3,trial_2020,contrast,sq,back_squat,1RM,{value}\n"
    )
    checks = validate_texts(texts).derived["claim_checks"].sort("source_line")
    unit_verdict = "supported" if value == "5.5" else "contradicted"
    assert checks["verdict"].to_list() == ["unverifiable", unit_verdict]


def test_a_fraction_word_is_the_claims_number(context: Context) -> None:
    """'quarter' is disposed of as the claim it states, not left unread."""
    text = B + "The women who squatted raised their back squat 1RM by about a quarter."
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    rows = ex.numbers.select("text", "disposition", "quantity").rows()
    assert ("quarter", "claim", "change_pct") in rows


def test_a_fraction_word_takes_its_claims_verdict() -> None:
    """A wrong 'a quarter' marks the word wrong; a digit below one stays its own value."""
    numbers = pl.DataFrame(
        {
            "source_file": ["articles/a.md"] * 2,
            "line": [3, 4],
            "text": ["quarter", "0.25%"],
            "value": [0.25, 0.25],
            "disposition": ["claim", "claim"],
            "quantity": ["change_pct", "change_pct"],
        }
    )
    checks = pl.DataFrame(
        {
            "source_file": ["articles/a.md"] * 2,
            "source_line": [3, 4],
            "claimed": [22.5, 0.25],
            "claimed_to": [27.5, None],
            "quantity": ["change_pct", "change_pct"],
            "verdict": ["contradicted", "supported"],
        }
    )
    verdicts = accounting.with_verdicts(numbers, checks)["verdict"].to_list()
    assert verdicts == ["contradicted", "supported"]


@pytest.mark.slow  # times two long sentences
def test_changes_in_words_and_bounds_are_read_in_linear_time(context: Context) -> None:
    """Fractions, training-named groups and bounds many times over in one sentence.

    Four times the text, not sixteen times the time: each look is a bounded window, and the
    numbers left unread ('gained more than 20 kg' with no test) are accounted for in windows too.
    """
    import time

    unit = (
        "the women who squatted raised their maximal back squat strength by about a quarter, "
        "those who used the hip thrust gained more than 20 kg, participants were > 18 years, "
    )

    def seconds(repeats: int) -> float:
        text = B + unit * repeats + "end."
        began = time.process_time()
        read_article(Article("articles/a.md", "a", [text]), context)
        return time.process_time() - began

    seconds(50)  # warm up
    small = min(seconds(200) for _ in range(2))
    large = min(seconds(800) for _ in range(2))
    assert large < 8 * small


AGILITY_EXERCISES = """exercise_id,name,aliases,kind,unit,lower_is_better
back_squat,Barbell back squat,back squat;squat,strength,kg,no
pro_agility,Pro-agility shuttle,pro-agility,agility,s,yes
"""
AGILITY_STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,\
sessions_per_week
soccer_2020,"Doe J. Squats in soccer. Int J Exerc Sci. 2020.",2020,,Soccer players,20,8,2
"""
AGILITY_GROUPS = """study_id,group_id,label,trained_exercise,n
soccer_2020,sq,Back squat (SQ),back_squat,10
"""
AGILITY_OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,\
post_sd,change_abs,change_pct,source
soccer_2020,sq,pro_agility,time,s,,,,,,-1.5,Abstract
"""


def agility_context(outcomes: str) -> Context:
    return context_of(AGILITY_EXERCISES, AGILITY_STUDIES, AGILITY_GROUPS, outcomes)


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        # the study's one agility test: 'change-of-direction speed' names it
        (AGILITY_OUTCOMES, [("sq", "pro_agility", "time", "-1.5", None)]),
        # a study with no agility test: the words name none
        (AGILITY_OUTCOMES.split("\n")[0] + "\n", []),
    ],
)
def test_a_test_named_by_what_it_measures(
    outcomes: str, expected: list[tuple[object, ...]]
) -> None:
    text = (
        "A study by Doe et al. trained soccer players. In the SQ group, change-of-direction "
        "speed improved by 1.5%."
    )
    assert changes(text, agility_context(outcomes)) == expected

"""How long a study's sessions lasted is a claim about its design, never an unread number.

Reading: carryover.claims.sessions through the article reader; the accounting and the judge
through read_article and the checked claims.
"""

from __future__ import annotations

import time
from pathlib import Path

import polars as pl
import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from carryover.claims.numbers import numbers
from carryover.claims.sessions import session_minutes
from carryover.steps import check
from tests.support import CLAIMS_HEADER, VOLUME_2019, context_of, write_raw

EXERCISES = """exercise_id,name,aliases
back_squat,Barbell back squat,back squat;squat
bench_press,Barbell bench press,bench press
"""
STUDIES, GROUPS = VOLUME_2019
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
volume_2019,low,back_squat,1RM,kg,,,,,,20.0,Abstract
"""
V = "A study by Vole et al. (2019) compared training volumes in trained men. "


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def read(text: str, context: Context) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The `other` claims read (quantity, value) and each number's disposition (or reason)."""
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.filter(pl.col("quantity") == "other").select("quantity", "value").rows()
    numbers_ = ex.numbers
    told = {
        t: (d if d != accounting.NON_CLAIM else r)
        for t, d, r in numbers_.select("text", "disposition", "reason").rows()
    }
    return [(str(q), str(v)) for q, v in rows], told


READ = [
    (V + "The single-set men trained for only 13 minutes.", ["13"]),
    (V + "The three-set group needed 40 minutes to finish its exercises.", ["40"]),
    (V + "The men given five sets kept at it for 70 minutes.", ["70"]),
    (V + "Three 13-minute lifting sessions a week were enough.", ["13"]),
    (V + "Each group did 1 set (13 minutes of exercise) of every move.", ["13"]),
    (V + "The routines differed in how long each session took: 13 minutes, 40 minutes, or "
     "70 minutes.", ["13", "40", "70"]),
    (V + "The high-volume group spent 70 minutes on its exercises.", ["70"]),
    (V + "Workouts lasted about 45 minutes per session.", ["45"]),
    (V + "The low-volume men were in and out of the gym in only 13 minutes.", ["13"]),
    (V + "One group did five sets (taking about 70 minutes), another did three (about 45 "
     "minutes).", ["70", "45"]),
    # one set, named in the singular, before the parenthesis of its minutes
    (V + "The last group did only one set (about 13 minutes).", ["13"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "values"), READ)
def test_a_session_length_is_a_claim_about_the_study(
    text: str, values: list[str], context: Context
) -> None:
    """'trained for only 13 minutes', '13-minute sessions': an `other` claim of the minutes."""
    claims, told = read(text, context)
    assert [v for q, v in claims if v in values] == values
    for value in values:
        assert told[value] == accounting.CLAIM


NOT_READ = [
    # a rest, a timing around a test, a warm-up, another activity: no session length
    V + "They rested 3 minutes between sets.",
    V + "Each set was followed by 2 minutes of rest.",
    V + "Strength was tested 30 minutes after the last session.",
    V + "Each session began with 10 minutes of warm-up on a bike.",
    V + "The men also took a 20-minute walk each day.",
    V + "The drink was taken within 60 minutes before training.",
    # minutes with no session around them
    V + "The study took 15 minutes to read.",
    V + "The drive to the lab took 30 minutes.",
    V + "Their coffee was done in only 5 minutes.",
    # a set of something else, its minutes taken before a test
    V + "They did one set (about 30 minutes before testing) of jumps.",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_minutes_of_anything_else_are_no_session_length(text: str, context: Context) -> None:
    """A rest, a time before or after a test, a warm-up or a walk is not a session's length."""
    claims, _ = read(text, context)
    assert claims == []


def test_without_a_study_session_minutes_are_no_claim(context: Context) -> None:
    """'Train for only 13 minutes' in general advice, with no study named, is not a claim."""
    claims, told = read("Most people can train for only 13 minutes a day.", context)
    assert claims == []
    assert told["13"] != accounting.CLAIM


def test_a_session_length_is_unverifiable(tmp_path: Path) -> None:
    """No table holds session length: the claim is checked as unverifiable, never wrong."""
    raw = write_raw(
        tmp_path / "raw",
        {
            "exercises": EXERCISES,
            "studies": STUDIES,
            "groups": GROUPS,
            "outcomes": OUTCOMES,
            "claims": CLAIMS_HEADER,
        },
    )
    (raw / "articles").mkdir()
    (raw / "articles" / "a.md").write_text(
        V + "The single-set men trained for only 13 minutes.\n", encoding="utf-8"
    )
    checks = check(raw).validation.derived["claim_checks"]
    assert checks.filter(pl.col("quantity") == "other")["verdict"].to_list() == ["unverifiable"]


def _minutes_line(size: int) -> str:
    unit = "they trained for only 13 minutes, then 2 minutes of rest, 40-minute sessions; "
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(line: str) -> float:
    found = numbers(line)
    began = time.process_time()
    for number in found:
        start, end = number.column - 1, number.end - 1
        session_minutes(number, line[max(0, start - 80) : start], line[end : end + 80])
    return time.process_time() - began


def test_a_one_megabyte_line_is_read_in_linear_time() -> None:
    """A 1 MB line of session lengths costs about four times a 250 KB one, not sixteen."""
    small = min(_seconds(_minutes_line(250_000)) for _ in range(2))
    large = _seconds(_minutes_line(1_000_000))
    assert large < 8 * small + 0.05, (small, large)


COUNTED = [
    (V + "Every group did the same seven exercises three times a week.", "seven"),
    (V + "The men did one, three, or five sets of seven different exercises.", "seven"),
    (V + "They were allocated to a group that was to perform the seven prescribed exercises.",
     "seven"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "count"), COUNTED)
def test_the_number_of_exercises_is_a_claim_about_the_study(
    text: str, count: str, context: Context
) -> None:
    """'did the same seven exercises': an `other` claim of how many exercises were done."""
    claims, told = read(text, context)
    assert ("other", "7") in claims
    assert told[count] == accounting.CLAIM


NOT_COUNTED = [
    V + "The study compared three exercises for the glutes.",
    V + "Which of the two exercises is best?",
    V + "They chose between four exercises in all.",
    "Most programmes do seven exercises a day.",
]


@pytest.mark.parametrize("text", NOT_COUNTED)
def test_compared_exercises_are_not_a_programme_count(text: str, context: Context) -> None:
    """Exercises compared, or a count in general advice, are no claim."""
    claims, _ = read(text, context)
    assert claims == []


def test_sessions_described_by_their_length_are_a_weekly_frequency(context: Context) -> None:
    """'three 13-minute lifting sessions a week': 3 sessions a week, and 13 minutes each."""
    ex = read_article(
        Article("articles/a.md", "a", [V + "Three 13-minute lifting sessions a week did it."]),
        context,
    )
    rows = ex.rows.select("quantity", "value").rows()
    assert ("sessions_per_week", "3") in rows
    assert ("other", "13") in rows


def test_breaks_of_some_minutes_are_no_weekly_frequency(context: Context) -> None:
    """'3 10-minute breaks a week' counts no sessions."""
    ex = read_article(
        Article("articles/a.md", "a", [V + "They took 3 10-minute breaks a week."]), context
    )
    assert "sessions_per_week" not in ex.rows["quantity"].to_list()

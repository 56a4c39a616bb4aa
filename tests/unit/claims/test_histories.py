"""The people's training history and a count restated in words, read as study claims.

Reading: carryover.claims.histories ('had not done any strength exercise for at least 1 year',
'been lifting weights for over three years') and the count of people restated in a parenthesis
('17 (seventeen) active men'), through the article reader.
"""

from __future__ import annotations

import time

import polars as pl
import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from carryover.claims.histories import training_history
from carryover.claims.numbers import numbers
from tests.support import context_of
from tests.unit.claims.test_shares import EXERCISES, GROUPS, NAMED, OUTCOMES, STUDIES


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def read(text: str, context: Context) -> tuple[list[tuple[object, ...]], dict[str, str]]:
    ex = read_article(Article("articles/a.md", "a", (NAMED + text).split("\n")), context)
    rows = ex.rows.filter(pl.col("source_line") == 2).select("quantity", "value", "bound").rows()
    told = dict(ex.numbers.select("text", "disposition").rows())
    return rows, told


HISTORIES = [
    (
        "The men had not done any strength exercise for at least 1 year.",
        "1",
        [("other", "1", "at_least")],
    ),
    (
        "The 18 men had, on average, been lifting weights for over three years.",
        "three",
        [("n", "18", None), ("other", "3", "at_least")],
    ),
    (
        "They had not performed resistance training in the previous 6 months.",
        "6",
        [("other", "6", None)],
    ),
    ("All had been training regularly for 2 years.", "2", [("other", "2", None)]),
    # how often a week they had trained over a span, and the span
    (
        "They had lifted weights at least 3 times per week for a minimum of 1 year.",
        "3",
        [("other", "3", "at_least"), ("other", "1", None)],
    ),
]


@pytest.mark.parametrize(("text", "figure", "expected"), HISTORIES)
def test_a_training_history_is_a_claim_about_the_sample(
    text: str, figure: str, expected: list[tuple[object, ...]], context: Context
) -> None:
    rows, told = read(text, context)
    assert rows == expected
    assert told[figure] == accounting.CLAIM


NOT_HISTORIES = [
    # the study's own duration, a span of something else, no span after the words
    "The men trained for 3 months.",
    "They had not eaten for at least 8 hours.",
    "The men had been lifting weights for 3 sessions a week.",
    "They had not done any strength exercise for at least 1 week of the study.",
    # the study's own frequency, with no history around it
    "They trained 3 times per week for 1 year.",
]


def test_a_frequency_is_history_only_where_the_weekly_reading_gives_way(context: Context) -> None:
    """A frequency the weekly reading keeps is never also read as the people's history.

    'for more than 2 years' is no entry criterion the weekly frequency gives way to: the 3 is read
    once, as the study's frequency.
    """
    rows, _ = read("They had trained 3 times per week for more than 2 years.", context)
    assert [r for r in rows if r[1] == "3"] == [("sessions_per_week", "3", None)]


@pytest.mark.parametrize("text", NOT_HISTORIES)
def test_other_spans_are_no_history(text: str, context: Context) -> None:
    rows, _ = read(text, context)
    assert ("other", "1") not in [r[:2] for r in rows]
    assert ("other", "3") not in [r[:2] for r in rows]


def test_a_count_restated_in_words_is_two_claims(context: Context) -> None:
    """'17 (seventeen) active men': the digits and the words both state the sample."""
    rows, told = read("The study selected 18 (eighteen) active men.", context)
    assert rows == [("n", "18", None), ("n", "18", None)]
    assert told["18"] == told["eighteen"] == accounting.CLAIM


def test_a_parenthesis_with_another_count_leaves_both_unread(context: Context) -> None:
    """'18 (16) men': which count the men are is not told."""
    rows, told = read("The study selected 18 (16) active men.", context)
    assert rows == []
    assert told["18"] == accounting.UNREAD


def test_histories_are_read_in_bounded_windows() -> None:
    before = "had not done any strength exercise " * 50_000 + "for at least "
    (number,) = numbers("1")
    began = time.process_time()
    assert training_history(number, before, " year.") == ("1", "at_least")
    assert time.process_time() - began < 0.5

"""Counts of the compared arms in more of the forms writers use are set aside, not left unread.

Rules: carryover.claims.arms and the compared things of carryover.claims.nonclaims, through the
number accounting (a line about a study, no claim).
"""

from __future__ import annotations

import time

import pytest

from carryover.claims import accounting
from carryover.claims.arms import arms_reason
from carryover.claims.numbers import numbers


def told(line: str) -> dict[str, tuple[str, str]]:
    """Each number of a line about a study: its disposition and reason, by its text."""
    return {d.text: (d.disposition, d.reason) for d in accounting.dispose([line], [], [1])}


ARMS = ("non_claim", "other")


@pytest.mark.parametrize(
    ("line", "texts"),
    [
        ("A group of athletes was divided in two: one group trained with a full squat.", ["two"]),
        ("The volunteers were split into two.", ["two"]),
        ("These men were divided into 2 (two) groups:", ["2", "two"]),
        ("The team placed 34 fit men on one of three fitness routines.", ["three"]),
    ],
)
def test_a_count_of_the_arms_is_set_aside(line: str, texts: list[str]) -> None:
    """'divided in two:', '2 (two) groups', 'one of three fitness routines': the arms' count."""
    dispositions = told(line)
    for text in texts:
        assert dispositions[text] == ARMS, (text, dispositions)


@pytest.mark.parametrize(
    ("line", "text"),
    [
        # a split with its people or sizes named is no count of arms
        ("They were split into 12 men each.", "12"),
        # a restated count of other things
        ("Each man ate 2 (two) eggs.", "two"),
        # the study's sample stays a figure
        ("The team placed 34 fit men on one of three fitness routines.", "34"),
    ],
)
def test_other_counts_are_not_the_arms(line: str, text: str) -> None:
    """Counts of people or of other things keep their disposition."""
    assert told(line)[text] != ARMS


def _seconds(line: str) -> float:
    found = numbers(line)
    began = time.process_time()
    for number in found:
        start, end = number.column - 1, number.end - 1
        arms_reason(line[max(0, start - 200) : start], line[end : end + 200])
    return time.process_time() - began


def test_a_one_megabyte_line_is_read_in_linear_time() -> None:
    """A 1 MB line of split counts costs about four times a 250 KB one, not sixteen."""
    unit = "divided in two: then 2 (two) groups, split into 3 (three) routines, 4 ( four ) arms; "

    def line(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    small = min(_seconds(line(250_000)) for _ in range(2))
    large = _seconds(line(1_000_000))
    assert large < 8 * small + 0.05, (small, large)

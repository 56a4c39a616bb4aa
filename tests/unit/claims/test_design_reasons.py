"""Numbers about the literature, the allocation, a list or anatomy are not claims.

Reading: carryover.claims.design_reasons and carryover.claims.group_labels, through the number
accounting (`non_claim_reason`).
"""

from __future__ import annotations

import time

import pytest

from carryover.claims.accounting import non_claim_reason
from carryover.claims.design_reasons import design_reason
from carryover.claims.numbers import numbers


def reason(line: str, text: str, nth: int = 0) -> str | None:
    number = [n for n in numbers(line) if n.text == text][nth]
    return non_claim_reason(line, number)


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        ("99% of studies are about the overweight.", "99%", "other_study_general"),
        ("In 35 of the 37 studies, strength did not differ.", "35", "other_study_general"),
        ("The men were randomly assigned to 1 of 2 groups.", "1", "other"),
        ("The men were randomly assigned to 1 of 2", "1", "other"),
        ("Muscular endurance: 12+ reps with a low load", "12", "set_rep_scheme"),
        ("They compared one work set with two, three or more work sets.", "three",
         "set_rep_scheme"),
        ("This tells us that 1) the squat loads the adductors, and 2) squats do work.", "1",
         "list_number"),
        ("The pooled data of all 4 quadriceps muscles rose.", "4", "other"),
        ("The men were randomly assigned to 1 of 2", "2", "other"),
        ("30 Seconds Summary", "30", "other"),
        ("During the first 12 weeks of training the gains are neural.", "12", "programme_week"),
        ("One group did five sets (about 70 minutes), another did three (about 45 minutes).",
         "three", "set_rep_scheme"),
    ],
)  # fmt: skip
def test_numbers_that_state_no_claim(line: str, text: str, expected: str) -> None:
    assert reason(line, text) == expected


@pytest.mark.parametrize(
    ("line", "text"),
    [
        # a share of the people, not of the studies
        ("99% of the men finished the study.", "99%"),
        # a group's size, not its place among the arms
        ("The men were assigned to 12 of the sessions.", "12"),
        # a list of counts of something else
        ("They compared two, three or more exercises.", "three"),
        # a lone marker with no next one
        ("It showed that 1) the squat loads the adductors.", "1"),
        # seconds of something else, a count after "did" with no sets said before
        ("The sprint took 30 seconds in all.", "30"),
        ("The coach did three (about 45 minutes) with them.", "three"),
        # the length of a programme, not a part of it
        ("They trained for 12 weeks in the first study.", "12"),
        # a muscle group's gain, not its muscles
        ("The quadriceps grew in all 4 of the men.", "4"),
    ],
)
def test_figures_near_those_words_keep_no_reason(line: str, text: str) -> None:
    assert reason(line, text) is None


def test_design_reasons_read_bounded_windows() -> None:
    """A long run of words after a number is looked at in a bounded window only."""
    (number,) = numbers("35")
    after = " of the " + "very " * 200_000 + "studies"
    began = time.process_time()
    assert design_reason(number, "in ", after) is None
    assert time.process_time() - began < 0.5

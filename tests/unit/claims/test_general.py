"""A small count in a sentence about training in general is no study figure."""

from __future__ import annotations

import pytest

from carryover.claims.accounting import NON_CLAIM, UNREAD, dispose
from carryover.claims.general import general_reason
from carryover.claims.numbers import numbers


def reason(line: str, text: str) -> str | None:
    number = next(n for n in numbers(line, "") if n.text.split()[0] == text)
    return general_reason(line, number)


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("That means there is movement at only one joint, here the hip joint.", "one"),
        ("For maximum glute growth you need to do more than one exercise.", "one"),
        ("The glute region is made up of three muscles: the maximus, medius and minimus.", "three"),
        ("The best exercise differs from person to person, so there is not just 1.", "1"),
    ],
)
def test_a_count_in_a_general_sentence_is_set_aside(line: str, text: str) -> None:
    assert reason(line, text) == "other_study_general"


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("The study had two groups of women.", "two"),  # a study's design
        ("Each group trained three times a week.", "three"),  # a frequency
        ("They gained 3 kg on the squat.", "3"),  # a figure with its unit
        ("Only one participant dropped out.", "one"),  # a change in the sample
        ("There is movement at only one joint, at 90 degrees.", "one"),  # beside a number
        ("The squat is the best of the five exercises for your glutes.", "five"),  # not small
    ],
)
def test_a_count_that_may_be_a_study_figure_is_not(line: str, text: str) -> None:
    assert reason(line, text) is None


def test_only_a_passage_about_a_study_is_read_this_way() -> None:
    """In a passage about a study the count is set aside; the accounting's other numbers stay."""
    lines = ["There is movement at only one joint. Their squat rose 7."]
    out = dispose(lines, [], study_lines=[1])
    assert [(d.text, d.disposition, d.reason) for d in out] == [
        ("one", NON_CLAIM, "other_study_general"),
        ("7", UNREAD, "not_interpreted"),
    ]

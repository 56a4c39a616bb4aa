"""Figures the single-word rules miss: word ranges, hundreds, a counted 'one', multiples.

Set and repetition schemes glued with an 'x' ('3x8') are one number too.
"""

# ruff: noqa: RUF001 (the lines quote real typography: a multiplication sign)

from __future__ import annotations

import time

import pytest

from carryover.claims.accounting import non_claim_reason
from carryover.claims.numbers import _numbers, numbers


def found(line: str) -> list[tuple[str, float | None, float | None, float | None]]:
    return [(n.text, n.value, n.lo, n.hi) for n in numbers(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("sets of eight to 12 reps", [("eight to 12", 10.0, 8.0, 12.0)]),
        ("(one to four-plus years)", [("one to four-plus", 2.5, 1.0, float("inf"))]),
        ("add two to three sets", [("two to three", 2.5, 2.0, 3.0)]),
        ("knees bent one hundred forty degrees", [("one hundred forty", 140.0, 140.0, 140.0)]),
        ("two hundred and ten", [("two hundred and ten", 210.0, 210.0, 210.0)]),
    ],
)
def test_word_ranges_and_hundreds_are_one_number(
    line: str, expected: list[tuple[str, float | None, float | None, float | None]]
) -> None:
    """A range with a word at one end, and a hundreds figure in words, are each one number."""
    assert found(line) == expected


def test_a_falling_pair_stays_two_numbers() -> None:
    """'from 12 to eight' states a change, not a range: two numbers."""
    assert [text for text, *_ in found("dropped from 12 to eight")] == ["12", "eight"]


@pytest.mark.parametrize(
    "line",
    [
        "either one, three, or five sets of seven exercises",
        "with one, three or five sets of 8-12 repetitions",
        "one or two exercises",
        "you cannot do one more rep",
        "that one single set is enough",
        "compared one work set with more",
        "The one-set approach works",
        "after a one-week break",
    ],
)
def test_one_as_a_figure_is_found(line: str) -> None:
    """'one' in a list of counts, before or joined to what it counts, is a number."""
    assert "one" in [n.text.lower() for n in numbers(line)]


@pytest.mark.parametrize(
    "line",
    [
        "one of the groups did more",
        "no one knows",
        "one group squatted, the other did hip thrusts",
        "this one is harder",
        "one-sided and one-legged work",
        "one more thing",
        "one and the same",
    ],
)
def test_one_as_a_determiner_or_pronoun_is_not(line: str) -> None:
    """'one' as a pronoun or determiner stays no number."""
    assert [n.text for n in numbers(line)] == []


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("could complete the 3x8, the load went up", "3x8"),
        ("5×5.", "5×5"),
        ("4 x 10 reps", "4 x 10"),
    ],
)
def test_glued_schemes_are_one_set_rep_scheme(line: str, text: str) -> None:
    """'3x8' is one number, set aside as a set and repetition scheme."""
    (number,) = numbers(line)
    assert number.text == text
    assert non_claim_reason(line, number) == "set_rep_scheme"


@pytest.mark.parametrize("line", ["a 2 x 2 design", "a ~1.5x larger gain"])
def test_a_factorial_design_or_a_multiple_is_no_scheme(line: str) -> None:
    """Spaced digits with no repetitions after them, or a multiple, are no scheme."""
    assert all(n.kind != "scheme" for n in numbers(line))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1RMs of ~1.25x and ~1.5x body weight", [("~1.25x", 1.25), ("~1.5x", 1.5)]),
        ("they trained 2x per week", [("2x", 2.0)]),
        ("at 1,5 times their body weight", [("1,5", 1.5)]),
    ],
)
def test_multiples_are_whole_numbers(line: str, expected: list[tuple[str, float]]) -> None:
    """A multiple written with an 'x' or 'times' is one number ('~1.5x', not '~1')."""
    assert [(n.text, n.value) for n in numbers(line)] == expected


def test_a_thousands_comma_before_times_stays_a_thousand() -> None:
    """'1,200 times' is twelve hundred, not a decimal."""
    assert [(n.text, n.value) for n in numbers("lifted 1,200 times")] == [("1,200", 1200.0)]


def _seconds(line: str) -> float:
    start = time.process_time()
    _numbers.__wrapped__(line, "")  # not the cached answer
    return time.process_time() - start


@pytest.mark.parametrize(
    "unit",
    ["one, two, three, ", "eight to twelve ", "one hundred and ", "one more ", "3x8x", "one "],
)
def test_a_long_line_is_read_in_linear_time(unit: str) -> None:
    """A 1 MB line of word figures costs about four times a 250 KB one, not sixteen."""

    def line(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    small = min(_seconds(line(250_000)) for _ in range(2))
    large = _seconds(line(1_000_000))
    assert large < 8 * small + 0.5

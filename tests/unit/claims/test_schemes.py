"""Set and repetition schemes written out in words are set aside, not left unread.

Rules: carryover.claims.schemes through the number accounting (a line about a study, no claim).
"""

from __future__ import annotations

import time

import pytest

from carryover.claims import accounting
from carryover.claims.numbers import numbers
from carryover.claims.schemes import scheme_reason


def told(line: str) -> dict[str, tuple[str, str]]:
    """Each number of a line about a study: its disposition and reason, by its text."""
    return {
        d.text: (d.disposition, d.reason) for d in accounting.dispose([line], [], study_lines=[1])
    }


SCHEME = ("non_claim", "set_rep_scheme")

SET_ASIDE = [
    ("The men did three or five sets of each move.", ["three", "five"]),
    ("Results were as large as three or even five sets.", ["three", "five"]),
    ("They did either one, three, or five sets of seven exercises.", ["one", "three", "five"]),
    ("Each set was eight to 12 repetitions.", ["eight to 12"]),
    ("The men did 3 or 4 hard sets of squats.", ["3", "4"]),
    ("The three-set group needed more time.", ["three"]),
    ("The second group went through the routine three times per session.", ["three"]),
    ("The third did the whole workout five times at each gym visit.", ["five"]),
    ("Men who did one set gained as much as men who did it five times.", ["five"]),
    ("They gained as much as men who did five times as much work.", ["five"]),
    ("The third group spent its time on its five-times exercises.", ["five"]),
    ("A set means a number of repetitions, such as eight to 12, then a rest.", ["eight to 12"]),
    ("Those who did more than one set (that is, three or five) grew.", ["three", "five"]),
]


@pytest.mark.parametrize(("line", "texts"), SET_ASIDE)
def test_a_scheme_in_words_is_a_set_rep_scheme(line: str, texts: list[str]) -> None:
    """'three or five sets', 'eight to 12 repetitions', 'the three-set group': a scheme."""
    dispositions = told(line)
    for text in texts:
        assert dispositions[text] == SCHEME, (text, dispositions)


KEPT = [
    # figures of a study that only stand near a scheme's words stay unread for the editor
    "The squat rose by 12 or 15 kg after the sets were raised.",
    "Strength was measured at 4 and 8 weeks.",
    "Three groups of 11 or 12 men trained.",
    # a test's name is no scheme
    "The 3-repetition hip thrust max was tested.",
    # how often a week is the programme's frequency, not rounds in a session
    "They trained three times a week.",
    "They did it three times a week.",
    # a multiple of something else than the work, or a parenthesis after no set
    "The squat rose five times more than the press.",
    "The men (that is, 12 of them) trained hard.",
    "Loads, such as 80 kg, were lifted.",
]


@pytest.mark.parametrize("line", KEPT)
def test_numbers_near_scheme_words_are_not_a_scheme(line: str) -> None:
    """A count that is not part of a set or rep scheme keeps its disposition."""
    assert SCHEME not in told(line).values(), told(line)


def test_the_scheme_rule_reads_the_unit_after_the_list() -> None:
    """A list of counts is a scheme only when sets or repetitions follow it."""
    assert scheme_reason(" or five sets of each move") == "set_rep_scheme"
    assert scheme_reason(" or five kilograms") is None


def _seconds(line: str) -> float:
    found = numbers(line)
    began = time.process_time()
    for number in found:
        scheme_reason(line[number.end - 1 : number.end - 1 + 200])
    return time.process_time() - began


def test_a_one_megabyte_line_is_read_in_linear_time() -> None:
    """A 1 MB line of listed counts costs about four times a 250 KB one, not sixteen."""
    unit = "one, three, or five, 8, 9, 10, 11 and 12 sets or, and to 3-set, 4 times per session; "

    def line(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    small = min(_seconds(line(250_000)) for _ in range(2))
    large = _seconds(line(1_000_000))
    assert large < 8 * small + 0.05, (small, large)

"""A difference between groups stated as a multiple: 'twice as large', 'almost three times as much'.

The reader makes it a `contrast_ratio` claim (the ahead group's gain as a multiple of the other
group's), which the data's differences in units cannot check: it is read so that the editor
sees it as a figure to check by hand, never left unread or judged. This module finds the
multiples and the words that say which group is ahead; the reader (carryover.claims.articles)
resolves the groups and the test.

- the multiple: 'twice', 'two times', '2.5 times', with 'as much (large, great, big, effective,
  high, strong)' or 'more (greater, larger, bigger, higher)' right after it; 'almost', 'nearly',
  'about', 'roughly' make it the range a tenth either side, 'more than', 'over', 'at least' a
  bound. Not 'twice a week', 'two times per week', 'twice their body weight', '3 times the load'.
- the group ahead: right after it ('twice as large for those who squatted'), or the other group
  than the one it is compared with ('almost three times as much as the women who did the hip
  thrust', 'more than two times as effective for the glutes as hip thrusts').

Every pattern reads a bounded window around the multiple, so a line is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from carryover.claims.numbers import word_value

_MULTIPLE = re.compile(
    r"(?:(?P<approx>\b(?:almost|nearly|about|roughly|around|approximately|close\s+to)\s+)"
    r"|(?P<bound>\b(?:more\s+than|over|at\s+least)\s+))?"
    r"(?P<n>\btwice\b|\b(?:\d{1,2}(?:[.,]\d)?|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?=\s+times\b))(?:\s+times)?"
    r"\s+(?:as\s+(?:much|large|big|great|effective|high|strong|many)\b"
    r"|(?:more|greater|larger|bigger|higher)\b(?!\s+(?:often|frequently|sessions?|sets?|reps?)\b))",
    re.IGNORECASE,
)
AFTER = 100
"""How far after the multiple the compared group ('as ... the hip thrust group') is looked for."""
_FOR_AFTER = re.compile(r"\s+(?:for|in|with|among)\s+(?:the\s+)?", re.IGNORECASE)
_AS_OR_THAN = re.compile(r"\b(?:as|than)\s+(?:in\s+|with\s+|for\s+)?(?:the\s+)?", re.IGNORECASE)
_BREAK = re.compile(r"[;.!?()]|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)


@dataclass(frozen=True)
class Multiple:
    """One multiple stated in a text."""

    start: int  # the number ('twice', 'three', '2.5')
    end: int
    phrase_end: int  # after 'as large', 'more'
    value: str
    value_to: str | None
    bound: str | None
    right_after: int | None
    """Where a group named right after it would start ('twice as large for <group>')."""


def multiples(text: str) -> list[Multiple]:
    """Every multiple the text states, with its value.

    A range a tenth either side for 'almost', a bound for 'more than'.
    """
    if "times" not in text and "twice" not in text.lower():
        return []
    found = []
    for m in _MULTIPLE.finditer(text):
        word = m.group("n")
        number = word_value(word)
        if number is None:
            number = float(word.replace(",", "."))
        value = f"{number:g}"
        value_to = None
        bound = None
        if m.group("approx"):
            value, value_to = f"{number * 0.9:.2f}", f"{number * 1.1:.2f}"
        elif m.group("bound"):
            bound = "at_least"
        after = _FOR_AFTER.match(text, m.end())
        found.append(
            Multiple(
                m.start("n"),
                m.end("n"),
                m.end(),
                value,
                value_to,
                bound,
                after.end() if after else None,
            )
        )
    return found


def compared_at(text: str, multiple: Multiple) -> list[int]:
    """Where a compared group may start.

    Right after each 'as' or 'than' following the multiple, within AFTER characters and before
    any clause break.
    """
    end = min(len(text), multiple.phrase_end + AFTER)
    stop = _BREAK.search(text, multiple.phrase_end, end)
    if stop is not None:
        end = stop.start()
    return [m.end() for m in _AS_OR_THAN.finditer(text, multiple.phrase_end, end)]

"""Small counts in sentences that speak of training in general, not of a study.

An article about a study also speaks of exercise in general: "the hip thrust is one of the best
exercises for your glutes", "you need to do more than one exercise", "the glute region is made up
of three muscles", "there is not just 1". A small count (one to three, in digits or words, with no
unit, percent or decimal) in a sentence that names nothing of a study (no study, research,
participant, group, week, session, result or measuring word) and states no change is no study
figure: `other_study_general`.

Only the number's own sentence is read, inside the bounded window the number accounting gives
(nonclaims.WINDOW characters either side): linear on any line.

Pure: a line and a number in, a reason or None out.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import Number

_SMALL = {"one": 1, "two": 2, "three": 3, "1": 1, "2": 2, "3": 3}
"""The counts read: a larger bare number in prose is more likely a figure of some kind."""
_WINDOW = 200
_SENTENCE_BREAK = re.compile(r"[.!?:;]\s+|[\u2460-\u24ff\u2776-\u2793]")
"""Where a sentence (or a list item, or a clause after a colon) ends."""
_ABOUT_A_STUDY = re.compile(
    r"\b(?:stud(?:y|ies)|research\w*|scien\w*|trials?|papers?|experiments?|evidence|data|"
    r"authors?|participants?|subjects?|volunteers?|m[ae]n|wom[ae]n|players?|athletes?|people|"
    r"groups?|weeks?|months?|days?|sessions?|workouts?|sets?|reps?|repetitions?|times?|"
    r"results?|found|showed|shown|reported|measured|tested|assessed|compared|analy[sz]\w*|"
    r"trained|training|program\w*|protocol|kg|lbs?|pounds?|percent|RM|"
    r"increas\w*|gain\w*|improv\w*|rose|grew|rais\w*|decreas\w*|dropp?\w*|fell|los[st]\w*|"
    r"significant\w*|average|mean|n)\b|%|\d",
    re.IGNORECASE,
)
"""Words that make a sentence about a study, its design or its figures (or hold another
number: a count beside a figure may be part of it)."""


def general_reason(line: str, number: Number) -> str | None:
    """`other_study_general` for a small count in a sentence about nothing of a study."""
    value = _SMALL.get(number.text.lower())
    if value is None:
        return None
    start, end = number.column - 1, number.end - 1
    before = _SENTENCE_BREAK.split(line[max(0, start - _WINDOW) : start])[-1]
    after = _SENTENCE_BREAK.split(line[end : end + _WINDOW])[0]
    if start - len(before) <= max(0, start - _WINDOW) and start >= _WINDOW:
        return None  # the sentence starts beyond the window: too long to tell
    if end + len(after) >= end + _WINDOW:
        return None
    if _ABOUT_A_STUDY.search(before) or _ABOUT_A_STUDY.search(after):
        return None
    return "other_study_general"

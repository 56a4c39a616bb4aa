"""Figures stated as one end only, and the training a gain is credited to.

A **bound** is a figure whose interval is open on one side:

- at least: "more than 50 pounds", "over 18", "at least 3", "upwards of 20 kg", "> 18 years",
  "≥ 70%", "50-plus pounds", "50+ pounds", "18 years or older", "20 kg or more";
- at most: "less than 10%", "under 5 kg", "up to 12", "no more than 3", "< 18", "≤ 0.05".

The claim keeps the number as its value and `bound` (at_least or at_most) says which side is open;
the judge compares the data's figure with the half-line from the value's rounding end
(carryover.claims.judge). Which quantity a bound states is left to the reader of that quantity
(a gain in kg or pounds, an age), with the bound's own words taken off the text around it.

A **means** is the training a sentence credits a change to without naming a group: "by adding
barbell hip thrusts to their training", "... in 8 weeks with the barbell hip thrust". When the
study has exactly one group that trained that exercise, the change is that group's; and the
exercise so named is the training, not the test the change was measured on.

A **fraction** in words is a change in percent: "raised their squat strength by about a quarter"
(22.5 to 27.5 %: a tenth either side, like an approximation), "by half", "by a third",
"doubled their squat strength" (90 to 110 %).

Pure: the words around a number in, a `Bound` out; positions of exercise mentions in, the ones
named as a means out; a sentence in, its fractions out. Every pattern looks at a bounded window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AT_LEAST = "at_least"
AT_MOST = "at_most"

_AT_LEAST_BEFORE = re.compile(
    r"(?:\b(?:more\s+than|greater\s+than|over|above|at\s+least|upwards\s+of|in\s+excess\s+of|"
    r"no\s+(?:less|fewer)\s+than|older\s+than)|[>≥])\s*$",
    re.IGNORECASE,
)
_AT_MOST_BEFORE = re.compile(
    r"(?:\b(?:less\s+than|fewer\s+than|under|below|at\s+most|up\s+to|no\s+more\s+than|"
    r"younger\s+than)|[<≤])\s*$",
    re.IGNORECASE,
)
_PLUS_AFTER = re.compile(r"^(?:[\s-]?plus\b|\+(?!\s?\d))", re.IGNORECASE)
"""'50-plus pounds', '50 plus pounds', '50+ pounds' (not '50 + 5', a sum)."""
_UNIT = r"(?:\s?(?:kg|kgs|kilograms?|lbs?\.?|pounds?|years?|yrs?\.?|%|percent))?"
_OR_MORE_AFTER = re.compile(
    rf"^{_UNIT}(?:\s+(?:of\s+age|old))?(?P<or>\s+or\s+(?P<side>more|over|above|older|greater|"
    r"higher|less|under|below|younger|fewer|lower)\b)",
    re.IGNORECASE,
)
_LESS_SIDE = {"less", "under", "below", "younger", "fewer", "lower"}
_WINDOW = 24
"""Characters looked at for a bound's words on either side of its number."""


@dataclass(frozen=True)
class Bound:
    """How a number is bounded, and the words around it with the bound's own taken off."""

    relation: str
    """at_least or at_most."""
    before: str
    after: str


def stated_bound(text: str, before: str, after: str) -> Bound | None:
    """The bound a number states ('more than 50', '50-plus', '> 18', '18 or older'), if any.

    `text` is the number as written (its sign: '> 18'), `before` and `after` the words around it.
    """
    if text[:1] in ">≥":
        return Bound(AT_LEAST, before, after)
    if text[:1] in "<≤":
        return Bound(AT_MOST, before, after)
    tail = before[-_WINDOW:]
    for relation, pattern in ((AT_LEAST, _AT_LEAST_BEFORE), (AT_MOST, _AT_MOST_BEFORE)):
        match = pattern.search(tail)
        if match is not None:
            return Bound(relation, before[: len(before) - len(tail) + match.start()], after)
    plus = _PLUS_AFTER.match(after)
    if plus is not None:
        return Bound(AT_LEAST, before, after[plus.end() :])
    more = _OR_MORE_AFTER.match(after[: 3 * _WINDOW])
    if more is not None:
        relation = AT_MOST if more.group("side").lower() in _LESS_SIDE else AT_LEAST
        return Bound(relation, before, after[: more.start("or")] + after[more.end("or") :])
    return None


_MEANS_BEFORE = re.compile(
    r"\b(?:adding|added|add|adds|with(?:\s+the)?|by\s+doing|doing|performing|using)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
"""'by adding barbell hip thrusts', 'with the barbell hip thrust': the training credited."""


def means(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The exercise mentions a sentence names as the training a change came from.

    `mentions` are (start, end, exercise id) in the sentence; the words right before each are
    looked at in a bounded window.
    """
    return [
        (s, e, x)
        for s, e, x in mentions
        if _MEANS_BEFORE.search(text, max(0, s - 30), s) and not _GROUP_AFTER.match(text, e)
    ]


_GROUP_AFTER = re.compile(r"[\s-]*(?:groups?|arms?|condition)\b", re.IGNORECASE)
"""'with the hip thrust group behind': a group compared, not the training credited."""


# -- fractions and multiples stated in words ----------------------------------------------------

_FRACTION_WORDS = {"fifth": 20.0, "quarter": 25.0, "third": 100.0 / 3, "half": 50.0}
_MULTIPLES = {"doubled": 100.0, "tripled": 200.0}
_FRACTION = re.compile(
    r"\bby\s+(?:(?:about|around|roughly|approximately|nearly|almost|some|close\s+to)\s+)?"
    r"(?:(?:a|one)[\s-]+(?P<f>quarter|third|half|fifth)|(?P<h>half))\b"
    r"|\b(?P<x>doubled|tripled)\s+(?=(?:their|its|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:strength|1\s?-?RMs?|max(?:imum|es)?|performance|height|distance)\b)",
    re.IGNORECASE,
)
"""'raised it by about a quarter', 'by half', 'doubled their squat strength': a change in %."""
SLACK = 0.1
"""A fraction in words is loose: it stands for a tenth either side (a quarter: 22.5 to 27.5)."""


def fractions(text: str) -> list[tuple[int, int, str, str]]:
    """Changes stated as a fraction or a multiple in words, as percent ranges.

    (start, end, low, high) with the span of the word that states it ('quarter', 'doubled'), so
    that the number accounting finds it.
    """
    found = []
    for match in _FRACTION.finditer(text):
        name = next(g for g in ("f", "h", "x") if match.group(g))
        word = match.group(name).lower()
        value = _FRACTION_WORDS.get(word) or _MULTIPLES[word]
        low, high = value * (1 - SLACK), value * (1 + SLACK)
        found.append((match.start(name), match.end(name), f"{low:.1f}", f"{high:.1f}"))
    return found

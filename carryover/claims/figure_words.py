"""Figures written with number words that the single-word rules of the number finder miss.

The number finder reads a number word on its own ("seven", "twice") and keeps "one" only where it
counts something ("one set", "only one joint"), because "one" is mostly a pronoun or determiner
("one of the groups", "no one", "one group ..., the other"). Writers also state figures as:

- a range with a word at either end: "eight to 12 reps", "one to four-plus years", "from two to
  three sets" (one number, from its lower to its upper end; an end written "four-plus" or "4+"
  is open above). The lower end comes first; "from 12 to eight" is two numbers (a change);
- a hundreds figure in words: "one hundred forty degrees" (140), "two hundred and ten" (210);
- "one" in a list of counts: "one, three, or five sets", "one or two exercises" (each count of
  the list is a number; the others are found by the single-word rule);
- "one" before a counted thing with a word between: "one more rep", "one single set", "one such
  set", "one work set"; and joined to it: "the one-set approach", "a one-week break";
- a set and repetition scheme glued with an "x" or a multiplication sign: "3x8", "5x5", "4 x 10
  reps" (one number).

Each rule reads only a bounded window after the word where it starts, so a line of any length is
read in linear time.

Pure: a line's text in, spans with their values out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

CARDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
"""The cardinal number words below a hundred (no 'once', 'twice', 'half' or decades)."""
COUNTED = r"(?:year|month|week|day|session|workout|set|rep|repetition|minute|hour)s?\b"
"""Things a 'one' before them counts ('one set', 'one more rep', 'one-week')."""


def cardinal_value(word: str) -> float | None:
    """The value of a cardinal word ('forty' -> 40, 'twenty-two' -> 22), None if not one."""
    w = word.lower()
    if w in CARDINALS:
        return float(CARDINALS[w])
    tens, _, unit = w.partition("-")
    if tens in CARDINALS and unit in CARDINALS and CARDINALS[tens] >= 20 and CARDINALS[unit] < 10:
        return float(CARDINALS[tens] + CARDINALS[unit])
    return None


_CARDINAL = "|".join(sorted(CARDINALS, key=len, reverse=True))
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_WORD = rf"(?:{_TENS}-{_UNITS}|{_CARDINAL})"
_END = rf"(?:{_WORD}|\d{{1,3}})"

_RANGE = re.compile(
    rf"(?<![\w.,-])(?P<a>{_END})\s+to\s+(?P<b>{_END})(?P<plus>-plus\b|\+)?(?![\w-]|\.\d)", re.I
)
"""'eight to 12', 'one to four-plus', 'two to three'."""

_HUNDREDS = re.compile(
    rf"(?<![\w-])(?P<h>{_UNITS})\s+hundred(?:\s+(?:and\s+)?(?P<r>{_WORD}))?(?![\w-])", re.I
)
"""'one hundred forty', 'two hundred and ten', 'three hundred'."""

_ONE = re.compile(r"(?<![\w-])one(?![\w])", re.I)
_WINDOW = 80
"""Characters read after a 'one' for the list or the counted thing it belongs to."""
_COUNT = rf"(?:\d{{1,3}}|(?!one\b){_WORD})"
_LISTED_AFTER = re.compile(
    rf"(?:\s*,\s*(?:or\s+|and\s+)?{_COUNT}\b)*\s*,?\s+(?:or|and)\s+{_COUNT}\b"
    rf"|\s*,\s*{_COUNT}\b(?:\s*,\s*{_COUNT}\b)*\s*,?\s+(?:or|and)\s+{_COUNT}\b",
    re.I,
)
"""', three, or five', ' or two', ' and two': 'one' opens a list of counts."""
_MODIFIED = re.compile(
    r"\s+(?:more|single|such|work|working|extra|additional|hard|heavy|full|whole|straight|"
    rf"all-out)\s+{COUNTED}",
    re.I,
)
"""' more rep', ' single set', ' such set', ' work set': a word between 'one' and what it counts."""
_JOINED = re.compile(rf"-{COUNTED}(?![\w-])", re.I)
"""'-set', '-week': 'one' joined to what it counts ('the one-set approach')."""

_GLUED_SCHEME = re.compile(
    r"(?<![\w.,])\d{1,2}"
    r"(?:[x\u00d7]\d{1,3}|\s[x\u00d7]\s\d{1,3}(?=\s(?:reps?|repetitions?)\b))"
    r"(?![\w\u00d7]|[.,]\d|\s?[x\u00d7]\s?\d)"
)
"""'3x8', '4 x 10 reps': sets times repetitions (not '3x8x2', '1.5x' or a '2 x 2' design)."""


@dataclass(frozen=True)
class Span:
    """A figure found: where it stands in the line (0-based, end excluded) and its interval."""

    start: int
    end: int
    value: float | None
    lo: float | None
    hi: float | None
    kind: str


def _end_value(text: str) -> float | None:
    return float(text) if text.isdigit() else cardinal_value(text)


def word_ranges(text: str) -> Iterator[Span]:
    """Ranges with a number word at either end ('eight to 12', 'one to four-plus')."""
    for m in _RANGE.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a.isdigit() and b.isdigit():
            continue  # '18 to 35': the digit ranges are the number finder's own
        lo, hi = _end_value(a), _end_value(b)
        if lo is None or hi is None or not lo < hi:
            continue
        top = float("inf") if m.group("plus") else hi
        yield Span(m.start(), m.end(), (lo + hi) / 2, lo, top, "figure")


def hundreds(text: str) -> Iterator[Span]:
    """Hundreds figures in words ('one hundred forty' -> 140)."""
    for m in _HUNDREDS.finditer(text):
        head = cardinal_value(m.group("h"))
        rest = cardinal_value(m.group("r")) if m.group("r") else 0.0
        if head is None or rest is None or rest >= 100:
            continue
        value = head * 100 + rest
        yield Span(m.start(), m.end(), value, value, value, "word")


def counted_ones(text: str) -> Iterator[Span]:
    """'one' as a figure: in a list of counts, or before or joined to what it counts."""
    for m in _ONE.finditer(text):
        end = min(len(text), m.end() + _WINDOW)
        if (
            _LISTED_AFTER.match(text, m.end(), end)
            or _MODIFIED.match(text, m.end(), end)
            or _JOINED.match(text, m.end(), end)
        ):
            yield Span(m.start(), m.end(), 1.0, 1.0, 1.0, "word")


def glued_schemes(text: str) -> Iterator[Span]:
    """Set and repetition schemes glued with an 'x' ('3x8')."""
    for m in _GLUED_SCHEME.finditer(text):
        yield Span(m.start(), m.end(), None, None, None, "scheme")

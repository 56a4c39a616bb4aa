"""Counts of the compared arms in the forms the simple cue ('two groups') misses.

The number accounting sets aside the count of the things compared ("the two groups", "three
training programmes") as `other`. Writers also say:

- "divided in two: one group trained ...", "split into two." (the arms' count with the noun left
  out, right before a colon or the end of a clause);
- "divided into 2 (two) groups" (the count restated in words in a parenthesis: both the digits and
  the word are the count).

Each rule reads only bounded windows right around the number, so a line of any length is read in
linear time.

Pure: the words before and after a number in, a reason or None out.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import NUMBER_WORD

_ARMS = r"(?:(?:sub)?groups|arms|conditions|programmes|programs|routines|protocols)"

_DIVIDED_BEFORE = re.compile(
    r"\b(?:divided|split|separated|broken|randomi[sz]ed)\s+(?:them\s+|up\s+)?in(?:to)?\s+$", re.I
)
_CLAUSE_END_AFTER = re.compile(r"^\s*(?:[:;.,]|\(|$)")
"""'divided in two: one group ...', 'split into two.', 'divided in two (...)'."""

_RESTATED_AFTER = re.compile(rf"^\s*\(\s*{NUMBER_WORD}\s*\)\s+(?:[\w-]+\s+){{0,2}}?{_ARMS}\b", re.I)
"""'2 (two) groups': the digits before their restatement in words."""
_RESTATED_BEFORE = re.compile(r"\b\d{1,2}\s*\(\s*$")
_RESTATED_WORD_AFTER = re.compile(rf"^\s*\)\s+(?:[\w-]+\s+){{0,2}}?{_ARMS}\b", re.I)
"""'2 (two) groups': the word restating the digits."""


def arms_reason(before: str, after: str) -> str | None:
    """`other` when the words around a count make it the number of compared arms."""
    if _DIVIDED_BEFORE.search(before[-40:]) and _CLAUSE_END_AFTER.match(after):
        return "other"
    if _RESTATED_AFTER.match(after):
        return "other"
    if _RESTATED_BEFORE.search(before[-12:]) and _RESTATED_WORD_AFTER.match(after):
        return "other"
    return None

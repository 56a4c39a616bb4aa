"""Strength given as a multiple of body weight: a protocol detail the data does not hold.

Writers describe a study's people by how much they lifted against their own weight: "they could
start the squat at 1,5 times their body weight", "those 1RMs came to ~1.25x and ~1.5x body
weight". Such a figure, in a sentence about a study, is a claim about its sample (`other`: no
table column holds it, so it is unverifiable), never an unread number.

Only a multiple written with "x", a multiplication sign or "times" right before "body weight" (or
"bodyweight", "BW"), with "their" or "the" between at most, is read, as is the first of a pair
that shares it ("~1.25x and ~1.5x body weight"); "your body weight" is advice to the reader, not
the study's people. The words looked at are a bounded window after the number, so a line of any
length is read in linear time.

Pure: a number and the words after it in, True or False out.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import Number

_OF_BODY_WEIGHT = r"\s*(?:x|\u00d7|times)\s+(?:(?:their|the)\s+(?:own\s+)?)?(?:body\s?weight|BW)\b"
_BODY_WEIGHT_AFTER = re.compile(
    rf"^(?:{_OF_BODY_WEIGHT}"
    rf"|(?:\s*(?:x|\u00d7|times))?\s+(?:and|or|to)\s+~?\d+(?:[.,]\d+)?{_OF_BODY_WEIGHT})",
    re.I,
)
_OF_BODY_WEIGHT_GLUED = re.compile(
    rf"^(?:\s+(?:(?:their|the)\s+(?:own\s+)?)?(?:body\s?weight|BW)\b"
    rf"|\s+(?:and|or|to)\s+~?\d+(?:[.,]\d+)?{_OF_BODY_WEIGHT})",
    re.I,
)
"""After a number written with its 'x' ('~1.5x'): ' body weight', ' and ~1.5x body weight'."""


def body_weight_multiple(number: Number, after: str) -> bool:
    """Whether the number is a multiple of body weight ('1,5 times their body weight')."""
    if number.value is None or number.kind not in ("figure", "word") or number.lo is None:
        return False
    if not 0.2 <= number.value <= 5:
        return False
    window = after[:80]
    if number.text.endswith(("x", "\u00d7")):
        return bool(_OF_BODY_WEIGHT_GLUED.match(window))
    return bool(_BODY_WEIGHT_AFTER.match(window))

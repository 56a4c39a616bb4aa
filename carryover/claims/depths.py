"""How deep a study's groups squatted, as a knee angle: a protocol detail the data lacks.

Squat-depth studies define their arms by the knee angle reached ("Full squat group (8 men): squat
down until the knee angle reaches 140 degrees", "FST = Full squat - down to roughly 140º of knee
flexion", "one group trained with a full squat (140 degrees of knee flexion)"). Such a figure,
stated for a group the reader has named in the sentence, is a claim about the study's design
(`other`: no table column holds a depth, so it is unverifiable), never an unread number.

An angle is read only when the words right around it name the knee's flexion or angle: "squat
to 90° or even higher" in general advice, "knees bent 90 degrees" or a machine's "45° leg press"
are not. The caller also requires a group of the study named before the angle in the sentence,
so a depth quoted from another paper ("out of the hole (140 deg knee flexion) (according to
Marchetti et al.)") is not made the study's.

Pure: the words around a number in, True or False out; the windows are bounded, so a line of any
length is read in linear time.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import Number

_DEGREES_AFTER = re.compile(r"^\s*(?:degrees?|deg\b\.?)", re.I)
"""'140 degrees', '140 deg' (a '°' or 'º' is part of the number's text)."""

_KNEE_AFTER = re.compile(
    r"^\s*(?:degrees?|deg\b\.?)?\s*\)?\s*(?:\((?:[\w\s-]{1,30})\)\s*)?(?:of\s+)?"
    r"knee\s+(?:flexion|angle)\b",
    re.I,
)
"""'140 degrees of knee flexion', '140º (one hundred forty degrees) of knee flexion' (the figure
and the words in the parenthesis both)."""

_KNEE_BEFORE = re.compile(
    r"\bknee(?:\s+flexion)?\s+angle\s+(?:of\s+|reaches\s+|reached\s+|at\s+|to\s+)?(?:about\s+|"
    r"roughly\s+|around\s+)?$",
    re.I,
)
"""'the knee angle reaches 140', 'a knee angle of 90'."""


def knee_angle(number: Number, before: str, after: str) -> bool:
    """Whether the number is a knee angle in degrees, told by the words right around it."""
    if number.value is None or number.kind not in ("figure", "word") or number.lo != number.hi:
        return False
    if not 30 <= number.value <= 180:
        return False
    in_degrees = number.text.endswith(("°", "º")) or bool(_DEGREES_AFTER.match(after))
    if not in_degrees:
        return False
    return bool(_KNEE_AFTER.match(after[:80]) or _KNEE_BEFORE.search(before[-40:]))

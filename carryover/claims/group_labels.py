"""A group's number in its label ('G1 (group 1)'): a name, not a quantity.

Writers who label a study's arms "G1" and "G2" often spell the label out in a parenthesis: "- G1
(group 1): full range of motion", "Group A (group 2)". The digit in "G1" is part of a word and no
number; the "1" of "(group 1)" is found as a number, but it names the group and counts nothing.
The number accounting sets it aside as `other`.

Only a small number alone after "group" in a parenthesis of its own is read so: "(group 1)",
"(Group 2)". A number after "group" anywhere else may be a size ("the hip thrust group 6, the
back squat group 8" in a table of sizes) and is left to the other rules.

Pure: the words before and after a number in, a reason or None out; the windows are bounded.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import Number

_LABEL_BEFORE = re.compile(r"\(\s*group\s+$", re.I)
_LABEL_AFTER = re.compile(r"^\s*\)")


def group_label_reason(number: Number, before: str, after: str) -> str | None:
    """`other` for the number of a group's label spelled out in a parenthesis ('(group 1)')."""
    if number.kind != "figure" or not number.text.isdigit() or len(number.text) > 1:
        return None
    if _LABEL_BEFORE.search(before[-12:]) and _LABEL_AFTER.match(after[:4]):
        return "other"
    return None

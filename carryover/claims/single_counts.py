"""The digit 1 counting one thing that is no figure of a study: "in just 1 paper", "in 1 day".

Pages translated from Japanese (and some English pages) write "one" as the digit: "answers these
questions squarely in just 1 paper", "What this 1 study showed", "3 minutes of squats in 1 day",
"the heaviest weight you can lift in 1 movement". Such a count of papers, studies, articles,
posts, movements or days is no claim (`other`). Not read: "1 day a week" or "1 day per week" (a
training frequency), nor any other number or noun.

Pure: the words around a number in, a reason or None out; the windows are bounded.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import Number

_ONE_THING = re.compile(
    r"^\s(?:paper|study|article|post|blog\s+post|movement|day)\b"
    r"(?!\s*(?:a|per|each|every|/|of\s+the)\s*week)",
    re.I,
)


def single_count_reason(number: Number, after: str) -> str | None:
    """`other` for '1 paper', '1 study', '1 day' (not '1 day a week'); else None."""
    if number.text != "1":
        return None
    return "other" if _ONE_THING.match(after[:40]) else None

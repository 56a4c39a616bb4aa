"""A change given in units with its percent beside it: the same change, twice.

Writers often give a group's gain in kilograms or pounds and its percent in a parenthesis right
after: "6,6 kg (6,5%) for the bench press", "23,7 kg (an improvement of 19.6%) for the squat",
"gained 15 lb (+12%)". When the reader has read the percent as a group's change on a test, the
figure in units right before it is that group's change on the same test (`change_abs`, or
`change_abs_lb` in pounds): the pair is one claim in two forms.

Only a weight unit right before a parenthesis that holds nothing but the percent (and words
such as "an improvement of") counts; a figure anywhere else in the sentence is left to the rest
of the reader.

Pure: text in, spans and values out; linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from carryover.claims.numbers import figure_value

_NUMBER = r"\d{1,4}(?:[.,]\d{1,2})?"
_BESIDE = re.compile(
    rf"(?<![\w.,])(?P<abs>{_NUMBER})\s?(?P<unit>kg|kgs|kilograms?|lbs?\.?|pounds)\s*\(\s*"
    r"(?:(?:an?\s+)?(?:improvement|increase|gain|rise)\s+of\s+)?\+?"
    rf"(?P<pct>{_NUMBER})\s?%\s*\)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Beside:
    """A change in units right before its percent."""

    start: int  # where the figure in units starts
    value: str  # its value, a decimal point
    pounds: bool
    percent: float  # the percent in the parenthesis


def units_beside_percents(text: str) -> list[Beside]:
    """Every 'X kg (Y%)' of a text (see module)."""
    return [
        Beside(
            m.start("abs"),
            m.group("abs").replace(",", "."),
            not m.group("unit").lower().startswith("k"),
            figure_value(m.group("pct")),
        )
        for m in _BESIDE.finditer(text)
    ]

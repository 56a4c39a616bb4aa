"""Ages written without a unit, or with 'about', that still say how old the people were.

"49 young men who train regularly (average age 23)": after "average age", "mean age" or "aged"
a whole number from 12 to 99 that nothing but punctuation follows is an age in years, though
"years" is not written ("aged 8 weeks", "average age 23 kg" are not). "each about 23 years old":
"years old" makes the figure an age even after "about", "around" or "roughly" (the rounding
words that keep other body figures unread), when the people are named right before the rounding
word ("each", "men", "participants", "were"): "the squat rack (about 20 years old)" is no one's
age.

Pure: the words around a number in, a yes or no out; the windows are bounded.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import Number

_AGE_WORDS = re.compile(r"\b(?:aged|(?:mean|average)\s+age(?:\s+of)?)\s*:?\s*$", re.I)
_NOTHING_AFTER = re.compile(r"^\s?(?:[),;]|\.(?!\d)|$)")
_YEARS_OLD = re.compile(r"^\s?(?:years?|yrs?)[\s-]+old\b", re.I)
_ROUNDED = re.compile(
    r"\b(?:each|all|both|men|women|participants|subjects|people|adults|volunteers|athletes|"
    r"lifters|students)\s+(?:were\s+|was\s+|being\s+)?(?:about|around|roughly|approximately)\s*$",
    re.I,
)


def unitless_age(number: Number, before: str, after: str) -> bool:
    """Whether a whole number with no unit is an age its label names ('(average age 23)')."""
    if number.kind != "figure" or number.value is None or not number.text.isdigit():
        return False  # a unit, a spread or a range written with it: not a bare age
    if number.value != int(number.value) or not 12 <= number.value <= 99:
        return False
    return bool(_AGE_WORDS.search(before[-30:])) and bool(_NOTHING_AFTER.match(after[:4]))


def rounded_age(before: str, after: str) -> bool:
    """Whether a figure after 'each about' is an age by the 'years old' after it."""
    return bool(_ROUNDED.search(before[-40:])) and bool(_YEARS_OLD.match(after[:16]))

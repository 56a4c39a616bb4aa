"""Set and repetition schemes written out in words, which the simple cue ('4 sets') misses.

The number accounting sets a number aside as a `set_rep_scheme` when "sets", "reps" or
"repetitions" follow it. Writers also give a scheme as a list or a range of counts before one
such word, name a group by its sets, or say how often a routine was gone through in a session:

- "three or five sets", "three or even five sets", "one, three, or five sets", "eight to 12
  reps", "8 to 12 repetitions": every count of the list or range is the scheme's;
- "the three-set group", "a 5-set routine", "a two-rep pause": a count joined to its unit by a
  hyphen (not a test's name: "3-repetition hip thrust max");
- "went through the routine three times per session", "did the whole workout five times at each
  gym visit": how many rounds of the routine one session held.

Each rule reads only the words right after the number, in the bounded window the accounting
passes, so a line of any length is read in linear time. None of them reads a number a claim
already took: the accounting asks only about numbers no claim matched.

Pure: the words after a number in, a reason or None out.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import NUMBER_WORD

_COUNT = rf"(?:\d{{1,3}}|{NUMBER_WORD})"
_UNIT = r"(?:sets?|reps?|repetitions?)\b"

_LISTED = re.compile(
    rf"^(?:\s*,\s*(?:or\s+|and\s+)?(?:even\s+)?{_COUNT})*"
    rf"(?:\s*,?\s+(?:or|and|to)\s+(?:even\s+|up\s+to\s+)?{_COUNT})"
    rf"(?:\s+(?:more|such|different|total|working|hard|heavy|straight))?\s+{_UNIT}",
    re.I,
)
"""' or five sets', ', three, or five sets', ' to 12 reps', ' or even five sets'."""

_HYPHENED = re.compile(
    r"^-sets?\b|^-(?:reps?|repetitions?)\b(?!\s+(?:[\w-]+\s+){0,4}?max(?:imum)?\b)", re.I
)
"""'-set group', '-rep routine'; not a test's name ('3-repetition hip thrust max')."""

_ROUNDS = re.compile(
    r"^\s+times\s+(?:per|a|each|every|at\s+each|in\s+each|in\s+every)\s+(?:gym\s+)?"
    r"(?:sessions?|workouts?|visits?)\b",
    re.I,
)
"""' times per session', ' times at each gym visit'."""


def scheme_reason(after: str) -> str | None:
    """`set_rep_scheme` when the words after a count make it part of a set or rep scheme."""
    if _HYPHENED.match(after) or _LISTED.match(after) or _ROUNDS.match(after):
        return "set_rep_scheme"
    return None

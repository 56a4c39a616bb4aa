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
- "men who did it five times", "did the whole routine five times": the same rounds, with no
  "per session" (but "did it three times a week" is a frequency);
- "five times as much work", "its five-times exercises": a group's set count restated as a
  multiple of the work;
- "a number of repetitions, such as eight to 12": a count given as an example of a scheme;
- "more than one set (that is, three or five)": the counts a parenthesis spells out after "set".

Each rule reads only the words right around the number, in the bounded windows the accounting
passes, so a line of any length is read in linear time. None of them reads a number a claim
already took: the accounting asks only about numbers no claim matched.

Pure: the words after (and before) a number in, a reason or None out.
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


_EXAMPLE_BEFORE = re.compile(
    r"\b(?:sets|reps|repetitions)\s*,?\s*(?:such\s+as|like|e\.g\.,?|say,)\s+$", re.I
)
"""'a fixed number of repetitions, such as (eight to 12)': a count given as an example."""

_RESTATED_BEFORE = re.compile(
    rf"\b(?:sets?|reps?|repetitions?)\s*\(\s*(?:that\s+is|i\.\s?e\.|namely)\s*,?\s*"
    rf"(?:{_COUNT}\s*,?\s*(?:(?:or|and)\s+)?)*$",
    re.I,
)
_RESTATED_AFTER = re.compile(rf"^(?:\s*,?\s*(?:(?:or|and)\s+)?{_COUNT})*\s*\)", re.I)
"""'more than one set (that is, three or five)': the counts a parenthesis spells out."""

_ROUTINE_BEFORE = re.compile(
    r"\b(?:did|do|does|doing|went\s+through|go(?:es)?\s+through|performed|repeated|completed)\s+"
    r"(?:it|them|the\s+(?:whole\s+|same\s+|entire\s+|full\s+)?"
    r"(?:workout|routine|circuit|programme|program|session))\s+$",
    re.I,
)
_TIMES_OVER = re.compile(
    r"^\s+times\b(?![\s-]+(?:a|per|each|every|/)[\s-]+(?:week|day|month))", re.I
)
"""'did the whole routine five times' (a session's rounds; not 'did it three times a week')."""

_TIMES_THE_WORK = re.compile(
    r"^\s+times\s+(?:as\s+much|more)\s+(?:work|volume|training\s+volume|sets)\b"
    r"|^-times\s+(?:exercises|routines?|workouts?|sets)\b",
    re.I,
)
"""'five times as much work', 'its five-times exercises': the set count restated as a multiple."""


def scheme_reason(after: str, before: str = "") -> str | None:
    """`set_rep_scheme` when the words around a count make it part of a set or rep scheme.

    `after` and `before` are bounded windows of the line right after and before the count.
    """
    if _HYPHENED.match(after) or _LISTED.match(after) or _ROUNDS.match(after):
        return "set_rep_scheme"
    if _TIMES_THE_WORK.match(after) or _EXAMPLE_BEFORE.search(before[-40:]):
        return "set_rep_scheme"
    if _TIMES_OVER.match(after) and _ROUTINE_BEFORE.search(before[-60:]):
        return "set_rep_scheme"
    if _RESTATED_AFTER.match(after) and _RESTATED_BEFORE.search(before[-60:]):
        return "set_rep_scheme"
    return None

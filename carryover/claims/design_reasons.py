"""Numbers about a study's page that are not claims, told by the words right around them.

The number accounting sets aside numbers that state nothing about a study's results or design.
These forms are read here:

- a count of studies ("99% of studies are about ...", "in 35 of the 37 studies"): the literature,
  not the study (`other_study_general`);
- the place an arm took among the arms ("randomly assigned to 1 of 2 groups"): the allocation,
  not a figure, and the count of arms after it (`other`);
- the page's reading time ("30 Seconds Summary", "5 min read") (`other`);
- a part of a programme in weeks ("during the first 12 weeks of training"): not its length
  (`programme_week`);
- an open-ended count of reps or sets ("12+ reps"), a count in a list of set counts ("one work
  set with two, three or more work sets"), or a count of sets left unsaid after one that is said
  ("One group did five sets (...), another did three (...)") (`set_rep_scheme`);
- a marker of a list inside a sentence ("is that 1) the squat ..., and 2) squats ...") when the
  next marker follows (`list_number`);
- the muscles of a muscle group ("all 4 quadriceps muscles", "the three heads of the triceps"):
  anatomy, not a finding (`other`).

Pure: a number and the words around it in, a reason or None out; every window is bounded, so a
line of any length is read in linear time.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import Number

_OF_STUDIES = re.compile(
    r"^\s*(?:%|\s+percent)?\s+of\s+(?:all\s+|the\s+|these\s+|those\s+)*(?:\d+\s+)?"
    r"(?:studies|papers|trials|reviews|meta-analyses|publications)\b",
    re.I,
)
_ASSIGNED_TO = re.compile(
    r"\b(?:assigned|allocated|randomi[sz]ed|divided|split|placed)\s+(?:in)?to\s+(?:either\s+)?$",
    re.I,
)
_OF_ARMS = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:2|3|4|two|three|four)\b(?:\s+(?:[\w-]+\s+)?(?:groups|arms|"
    r"conditions|programs|programmes))?",
    re.I,
)
_ONE_OF_BEFORE = re.compile(
    r"\b(?:assigned|allocated|randomi[sz]ed|divided|split|placed)\s+(?:in)?to\s+(?:either\s+)?"
    r"(?:1|one)\s+of\s+(?:the\s+)?$",
    re.I,
)
"""'assigned to 1 of 2': the count of arms after the arm's place."""
_READING_TIME = re.compile(
    r"^[\s-]*(?:seconds?|secs?|minutes?|mins?)[\s-]+(?:summary|read|reading\s+time)\b", re.I
)
"""'30 Seconds Summary', '5 min read': the page's reading time."""
_ELLIPTIC_SETS = re.compile(
    r"\b(?:did|performed|completed|used)\s+(?:\w+\s+)?(?:sets?|reps?)\b[^.;]{0,80}?"
    r"\b(?:did|performed|completed|used)\s+(?:only\s+|just\s+)?$",
    re.I,
)
"""'One group did five sets (...), another did three': the count of sets left unsaid."""
_PART_OF_A_PROGRAMME = re.compile(
    r"\b(?:during|in|over|within|for|after)\s+the\s+(?:first|last|final|initial|opening)\s+$", re.I
)
"""'during the first 12 weeks of training': a part of a programme, not its length."""
_WEEKS_AFTER = re.compile(r"^[\s-]*weeks?\b", re.I)
_NO_NOUN_AFTER = re.compile(r"^\s*(?:\(|,|;|\.|$|and\b|while\b)", re.I)
_OPEN_REPS = re.compile(r"^\+\s*(?:reps?|repetitions?|sets?)\b", re.I)
_MORE_SETS = re.compile(
    r"^\s*(?:,\s*|\s+(?:or|and|to)\s+)(?:(?:more|fewer|even\s+more)\s+)?(?:[\w-]+\s+)?"
    r"(?:sets?|reps?)\b",
    re.I,
)
"""'two, three or more work sets': the counts before 'or more ... sets' (the last one too)."""
_COUNT_LIST_BEFORE = re.compile(r"\b(?:with|than|to|from)\s+(?:\w+,\s+)*(?:\w+\s+)?$", re.I)
_MARKER_AFTER = re.compile(r"^\)\s+[a-z]")
_MUSCLES_AFTER = re.compile(
    r"^\s+(?:(?:quadriceps|quad|hamstrings?|glute(?:al|us)?|adductor|calf|triceps|deltoid)\s+"
    r"(?:muscles|heads)\b|heads\s+of\s+the\s+(?:quadriceps|quads|hamstrings|triceps|"
    r"deltoids?|biceps)\b)",
    re.I,
)
_ALL_BEFORE = re.compile(r"\b(?:all|the|its|their)\s+$", re.I)


def design_reason(number: Number, before: str, after: str) -> str | None:
    """Why the number is not a claim (see the module docstring), or None."""
    if number.value is None:
        return None
    if _OF_STUDIES.match(after[:60]):
        return "other_study_general"
    if number.value in (1, 2, 3) and _ASSIGNED_TO.search(before[-40:]) and _OF_ARMS.match(after):
        return "other"
    if number.value in (2, 3, 4) and _ONE_OF_BEFORE.search(before[-60:]):
        return "other"
    if _READING_TIME.match(after[:30]):
        return "other"
    if (
        number.lo == number.hi
        and number.value <= 10
        and _ELLIPTIC_SETS.search(before[-140:])
        and _NO_NOUN_AFTER.match(after[:12])
    ):
        return "set_rep_scheme"
    if _PART_OF_A_PROGRAMME.search(before[-30:]) and _WEEKS_AFTER.match(after[:8]):
        return "programme_week"
    if number.lo == number.hi and _OPEN_REPS.match(after[:20]):
        return "set_rep_scheme"
    if (
        number.lo == number.hi
        and number.value <= 10
        and _MORE_SETS.match(after[:40])
        and _COUNT_LIST_BEFORE.search(before[-40:])
    ):
        return "set_rep_scheme"
    if (
        number.text.isdigit()
        and 1 <= int(number.text) <= 8
        and _MARKER_AFTER.match(after)
        and re.search(rf"(?<![\w.]){int(number.text) + 1}\)\s+[a-z]", after[:200])
        and before[-40:].count("(") <= before[-40:].count(")")
    ):
        return "list_number"
    if (
        number.lo == number.hi
        and 2 <= number.value <= 4
        and _ALL_BEFORE.search(before[-12:])
        and _MUSCLES_AFTER.match(after[:40])
    ):
        return "other"
    return None

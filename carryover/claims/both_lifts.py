"""One figure for a group's change on every test of a kind: "1RM in both squats by ~20%".

"The DS group increased 1RM in both squats by ~20%", "improved on both lifts by 12%": the figure
is the group's change on each of the study's tests the words name (both squats: each squat the
study tested; both lifts or exercises: each lift). The words must stand in the figure's clause,
right before it (within a bounded window, with no clause break between).

Pure: text and a position in, the noun named or None out; the window is bounded, so a line of
any length is read in linear time.
"""

from __future__ import annotations

import re

WINDOW = 60
_BOTH = re.compile(
    r"\b(?:in|on|for|at)\s+both\s+(?:the\s+|their\s+)?(?P<noun>squats|lifts|exercises|"
    r"movements|tests)\b(?P<rest>[^,;:.()]*)$",
    re.I,
)


def both_named(text: str, start: int) -> str | None:
    """The kind of test 'both' names right before the figure at `start` ('squat', 'lift')."""
    found = _BOTH.search(text[max(0, start - WINDOW) : start])
    if found is None or len(found.group("rest")) > 30:
        return None
    return found.group("noun").lower()[:-1]

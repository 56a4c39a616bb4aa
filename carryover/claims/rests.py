"""The rest between training sessions in hours: 'with sessions at least 48 hours apart'.

Hours or days apart are the spacing of test visits in many studies ("the two tests were ~48
hours apart"), a claim about the design. Said of the training sessions ("sessions at least 48
hours apart", "training sessions were 72 h apart") they are the rest between sessions: a
training parameter (the `rest_interval` reason), never a claim.

Pure: the words before and after a number in, a yes or no out; the windows are bounded.
"""

from __future__ import annotations

import re

_SESSIONS_BEFORE = re.compile(
    r"\b(?:training\s+)?(?:sessions?|workouts?)\s+(?:(?:were|was|are|spaced|kept)\s+)?"
    r"(?:(?:at\s+least|about|around|roughly|a\s+minimum\s+of)\s+|~\s?)?$",
    re.I,
)
_APART_AFTER = re.compile(r"^[\s-]?(?:h|hrs?|hours?|days?)\s+apart\b", re.I)


def sessions_apart(before: str, after: str) -> bool:
    """Whether a number is the hours (or days) between training sessions."""
    return bool(_APART_AFTER.match(after[:20])) and bool(_SESSIONS_BEFORE.search(before[-50:]))

"""A group's own comparator: 'the squat group improved over its control group'.

Some studies give each trained group a control group of its own. A writer then names that
control by a possessive ('its control group', 'their own control group'), and the group in play is
still the one the sentence is about: the next sentence's 'Its squat jump performance improved by
12,4%' is that group's figure. Such a control the data does not hold names no group of the study,
but it does not end the reading of the group in play either, as another unknown group would.

Pure: the words before 'group' in, a yes or no out.
"""

from __future__ import annotations

_POSSESSIVES = frozenset({"its", "their"})
_COMPARATORS = frozenset({"control", "comparison"})


def own_comparator(words: list[str]) -> bool:
    """Whether the words before 'group' name a group's own control ('over its control')."""
    tail = [w for w in words if w != "own"][-2:]
    return len(tail) == 2 and tail[0] in _POSSESSIVES and tail[1] in _COMPARATORS

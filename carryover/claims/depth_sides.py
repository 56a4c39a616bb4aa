"""A squat-depth study's groups named by any word for their depth: "partial squats", "full ROM".

A study that compares squat depths has one group that squatted deep and one that squatted
shallow. Writers name them by many words for the same two depths: the deep group is the "full
squat", "deep squat", "full-depth squat", "full range of motion" or "full ROM" group, the
shallow group the "half squat", "partial squat", "shallow squat", "half-depth squat" or "partial
range of motion" group. The data names each group by one of these ('Full squat training (FST)',
'Half squat training (HST)'); a phrase that names a depth by another of the words names the same
group ("Deep Squat (8 individuals) and Partial Squat (9 individuals)").

Only a study with exactly one group of each depth is read this way (told by the groups' own
phrases: one names a deep or full squat, another a shallow, half, partial or quarter squat); a
study of other arms (a back squat against a hip thrust) gets nothing from it, and "parallel" or
"quarter" are not read as a side (a parallel squat is the deeper arm against a quarter squat).

Pure: words and the study's group phrases in, a group id or None out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from carryover.claims.depths import DEEP_SQUATS, SHALLOW_SQUATS

_SIDE = re.compile(
    r"(?:^|\s)(?P<word>deep(?:er)?|full|shallow(?:er)?|half|partial)"
    r"(?:[\s-]+depth|[\s-]+range[\s-]+of[\s-]+motion|[\s-]+rom)?"
    r"(?:[\s-]+(?:squats?|squatting))?$"
)
"""The last words of a phrase naming a depth: 'partial squat', 'full-depth squats', 'full range
of motion', 'half rom', 'deeper squats'. A bare 'full' or 'half' names no squat, so the phrase
must end in a squat or a range of motion ('half' alone is read elsewhere as a fraction)."""
_DEEP_WORDS = {"deep", "deeper", "full"}
_SHALLOW_WORDS = {"shallow", "shallower", "half", "partial"}


def depth_side(words: list[str]) -> tuple[str, str] | None:
    """('deep' or 'shallow', the phrase) for words ending in a phrase naming a squat's depth."""
    phrase = " ".join(words[-5:]).lower()
    match = _SIDE.search(phrase)
    if match is None or match.group(0).strip() == match.group("word"):
        return None
    word = match.group("word")
    side = "deep" if word in _DEEP_WORDS else "shallow" if word in _SHALLOW_WORDS else None
    return (side, match.group(0).strip()) if side is not None else None


def side_groups(groups: Mapping[str, frozenset[str]]) -> tuple[str, str] | None:
    """The study's (deep group, shallow group), when it has exactly one of each, else None."""
    deep = [g for g, phrases in groups.items() if any(p in phrases for p in DEEP_SQUATS)]
    shallow = [g for g, phrases in groups.items() if any(p in phrases for p in SHALLOW_SQUATS)]
    if len(deep) != 1 or len(shallow) != 1 or deep[0] == shallow[0]:
        return None
    return deep[0], shallow[0]


def depth_group(words: list[str], groups: Mapping[str, frozenset[str]]) -> tuple[str, str] | None:
    """(The group of a depth study that words name by a word for its depth, the phrase)."""
    named = depth_side(words)
    if named is None:
        return None
    sides = side_groups(groups)
    if sides is None:
        return None
    return (sides[0] if named[0] == "deep" else sides[1]), named[1]

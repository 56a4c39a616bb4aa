"""Groups told apart by their repetition ranges, as a fact that describes a study.

A study whose groups differ by the repetitions they did per set (labels "High load: 8-12
repetitions per set" and "Low load: 25-35 repetitions per set") is described by a text that
names those ranges: "The first group lifted light weights for 25 to 35 reps per set. The second
... finish eight to 12 reps", "training with 8-12 repetitions (high load) and 25-35 repetitions
(low load)". Each range is a fact `reps:LO-HI` of the study (`label_rep_facts`) and of a text
that names it (`reps_stated`); the linker (carryover.claims.linking) counts each shared range
as a fact that describes the study, and never counts a range against one (a writer's textbook
ranges, "1 to 5 reps for strength", say nothing about which study is meant).

Pure: text in, facts out; linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from carryover.claims.numbers import NUMBER_WORD, word_value

_END = rf"(?:\d{{1,2}}|{NUMBER_WORD})"
_RANGE = re.compile(
    rf"(?<![\w.,])(?P<lo>{_END})\s?(?:-|\u2013|~|\u301c|to)\s?(?P<hi>{_END})"
    r"(?:\s|-)?(?:reps?|repetitions?)\b",
    re.IGNORECASE,
)


def _count(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    value = word_value(written)
    return int(value) if value is not None and value == int(value) else None


def _ranges(text: str) -> list[str]:
    found = []
    for m in _RANGE.finditer(text):
        lo, hi = _count(m.group("lo")), _count(m.group("hi"))
        if lo is not None and hi is not None and 0 < lo < hi:
            found.append(f"reps:{lo}-{hi}")
    return found


def reps_stated(text: str) -> frozenset[str]:
    """The repetition ranges a text names, as facts ('eight to 12 reps' -> 'reps:8-12')."""
    return frozenset(_ranges(text))


def label_rep_facts(labels: Iterable[str]) -> frozenset[str]:
    """Each group's repetition range, when every label states one and they all differ."""
    facts = []
    for label in labels:
        stated = set(_ranges(label))
        if len(stated) != 1:
            return frozenset()
        facts.append(stated.pop())
    if len(facts) < 2 or len(set(facts)) != len(facts):
        return frozenset()
    return frozenset(facts)

"""A muscle's growth stated in millimetres: 'the biceps gain in the high-weight group was 2,5 mm'.

A writer who read a study of muscle thickness often gives the gain in millimetres, one muscle and
one group per clause, often as a list: "the biceps gain in the high-weight group was 2,5 mm",
"the triceps gain in the low-weight group 2,4 mm", "the thigh gain was 5,2 mm in both groups".
Such a clause is read when it holds, since the previous list mark, a word of growth ("gain",
"grew", "growth", "increase", "rose", "thicker"), the muscle and the figure in mm, with no word
of a fall, a negation or a comparison ("2,5 mm more than ..."), and not right after "from", "to"
or "at" (a level: "increased from 40 mm"); the group is named in the clause ("in the high-weight
group", "in both groups").

The muscle is named as the catalogue names it or by an everyday name (layouts.MUSCLE_NAMES);
a muscle that is part of a group of muscles a study measured as one is that group's test:
the biceps and the brachialis are the elbow flexors, the triceps the elbow extensors, and the
thigh alone is the front of the thigh (the quadriceps). The reader keeps a test only when the
study's data holds it, so a muscle the study did not measure is never given a test it lacks.

Every pattern reads a bounded window before the figure, so a line is read in linear time. Pure:
text in, spans and words out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

WINDOW = 120
"""How far before the figure its clause is read."""

_MM = re.compile(r"(?<![\w.,])(?P<value>\d{1,2}(?:[.,]\d{1,2})?)\s?mm\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;\u2022\u00b7\n]|,\s+(?=\u2022)|\bmm\b", re.IGNORECASE)
_GROWTH = re.compile(
    r"\b(?:gains?|gained|grew|growth|increas(?:e|es|ed)|rose|thicker|thickened|added)\b",
    re.IGNORECASE,
)
_AGAINST = re.compile(
    r"\b(?:not|no|never|loss|lost|decreas\w*|fell|dropp?\w*|shr[au]nk|than|vs\.?|versus|"
    r"difference|more|less)\b",
    re.IGNORECASE,
)
"""A fall, a negation or a comparison in the clause: no plain gain."""
_LEVEL_BEFORE = re.compile(r"\b(?:from|to|at|reached|reaching|measured|measuring)\s*$", re.I)
"""'increased from 40 mm', 'grew to 42.5 mm': a level before or after, not the gain."""
_COMPARED_AFTER = re.compile(
    r"\s*(?:more|less|greater|larger|bigger|higher|lower|smaller|than|vs\.?|versus)\b", re.I
)
"""'2,5 mm more than in the low-load group': a difference between groups, not a gain."""
_GROUP = re.compile(
    r"\b(?:in|for|among|of)\s+(?P<every>both|each|all)\s+groups?\b"
    r"|\b(?:in|for|among|of)\s+the\s+(?P<words>[\w\-]+(?:\s+[\w\-]+){0,3}?)\s+groups?\b",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"\s*(?:in|for|among)\s+(?P<every>both|each|all)\s+groups?\b"
    r"|\s*(?:in|for|among)\s+the\s+(?P<words>[\w\-]+(?:\s+[\w\-]+){0,3}?)\s+groups?\b",
    re.IGNORECASE,
)
PART_OF: dict[str, str] = {
    "biceps brachii": "elbow flexors",
    "brachialis": "elbow flexors",
    "triceps brachii": "elbow extensors",
}
"""Muscles measured as part of a group of muscles: the group's name in the catalogue."""
_THIGH = re.compile(r"\bthighs?\b", re.IGNORECASE)


@dataclass(frozen=True)
class SizeGain:
    """A muscle's gain in mm: the figure's span and value, the clause, and its group's words."""

    start: int
    end: int
    value: str
    clause_start: int
    every: bool  # 'in both groups'
    group_words: str | None  # 'high-weight' in 'in the high-weight group'
    thigh: bool  # the clause names the thigh


def size_gains(text: str) -> list[SizeGain]:
    """Every 'the <muscle> gain in <group> was <x> mm' clause (see module)."""
    if "mm" not in text.lower():
        return []
    found = []
    for m in _MM.finditer(text):
        lo = max(0, m.start() - WINDOW)
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, lo, m.start())]
        start = breaks[-1] if breaks else lo
        clause = text[start : m.start()]
        if not _GROWTH.search(clause) or _AGAINST.search(clause):
            continue
        if _COMPARED_AFTER.match(text, m.end(), m.end() + 20) or _LEVEL_BEFORE.search(clause):
            continue
        group = _last(_GROUP.finditer(text, start, m.start()))
        after = _AFTER.match(text, m.end(), m.end() + 60)
        named = group or after
        found.append(
            SizeGain(
                start=m.start(),
                end=m.end(),
                value=m.group("value").replace(",", "."),
                clause_start=start,
                every=bool(named and named.group("every")),
                group_words=named.group("words") if named else None,
                thigh=bool(_THIGH.search(clause)),
            )
        )
    return found


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - the last match is the one wanted
        pass
    return last

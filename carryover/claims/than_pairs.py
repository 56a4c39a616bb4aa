"""Two groups set side by side by a comparative, then their two figures after a colon.

"the full squat grew it significantly more than the half squat: 7% against 2% muscle growth":
the writer names the group ahead, the comparative and the group behind, then gives the two
figures in the same order, after a colon or a dash. The first figure is the first group's change,
the second the other's. The figures must agree with the comparative: with "more", "larger",
"greater", "bigger", "higher" or "better" the first is the larger, with "less", "smaller" or
"lower" the smaller; a pair that disagrees, or a negated comparative ("did not grow more"), is
left alone.

Each pattern reads a bounded window, so a line of any length is read in linear time. Pure: text in,
spans and words out; the reader (carryover.claims.articles) resolves the words to groups and
makes the claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WINDOW = 120
"""How many characters before 'than' the group ahead and its comparative are looked for in."""

_FIGURE = r"[+\u2212\-]?\d{1,3}(?:[.,]\d{1,2})?\s?%"
_PAIR = re.compile(
    rf"\bthan\s+(?:with\s+|in\s+|for\s+)?(?:the\s+|those\s+)?(?P<behind>[A-Za-z][\w\- ]{{0,40}}?)"
    r"\s*(?::|\u2014|\u2013|\s-)\s*(?:about\s+|around\s+|roughly\s+|~\s?)?"
    rf"(?P<f1>{_FIGURE})\s+(?:against|vs\.?|versus|compared\s+(?:with|to)|to)\s+"
    rf"(?:about\s+|around\s+|roughly\s+|~\s?)?(?P<f2>{_FIGURE})",
    re.IGNORECASE,
)
"""'than the half squat: 7% against 2%': the group behind, then the two figures."""
_MORE = re.compile(r"\b(?:more|larger|greater|bigger|higher|better)\s*$", re.IGNORECASE)
_LESS = re.compile(r"\b(?:less|smaller|lower)\s*$", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither)\b|n't\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:,.!?(]|\bbut\b|\bwhile\b|\bwhereas\b|\band\b", re.IGNORECASE)
"""A clause break: the group ahead is named after the last one before the comparative."""


@dataclass(frozen=True)
class ThanPair:
    """The words naming each group and the span of each group's figure."""

    ahead_start: int  # where the clause naming the group ahead begins
    ahead_end: int  # where its comparative begins
    behind: str
    behind_start: int
    first: tuple[int, int]
    second: tuple[int, int]


def than_pairs(text: str) -> list[ThanPair]:
    """Every 'A <verb> more than B: x% against y%' whose figures agree with its comparative."""
    found = []
    for m in _PAIR.finditer(text):
        lo = max(0, m.start() - WINDOW)
        before = text[lo : m.start()]
        more, less = _MORE.search(before), _LESS.search(before)
        said = more or less
        if said is None:
            continue
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(before, 0, said.start())]
        start = lo + (breaks[-1] if breaks else 0)
        if _NEGATION.search(text, start, lo + said.start()):
            continue
        first, second = _value(m.group("f1")), _value(m.group("f2"))
        if (more is not None and first <= second) or (less is not None and first >= second):
            continue
        found.append(
            ThanPair(
                ahead_start=start,
                ahead_end=lo + said.start(),
                behind=m.group("behind").strip(),
                behind_start=m.start("behind"),
                first=(m.start("f1"), m.end("f1")),
                second=(m.start("f2"), m.end("f2")),
            )
        )
    return found


def _value(figure: str) -> float:
    digits = figure.rstrip("%").strip().replace(",", ".").replace("\u2212", "-")
    return float(digits)

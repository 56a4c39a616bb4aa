"""Two groups set side by side by a comparative, then their two figures after a colon.

"the full squat grew it significantly more than the half squat: 7% against 2% muscle growth":
the writer names the group ahead, the comparative and the group behind, then gives the two
figures in the same order, after a colon, a dash or in a parenthesis. The first figure is the
first group's change, the second the other's. A word of growth must come before the pair, and
no word of muscle activity ("more active", "EMG", "MVIC") around it. The figures must agree
with the comparative: with "more", "larger", "greater", "bigger", "higher" or "better" the
first is the larger, with "less", "smaller" or "lower" the smaller; a pair that disagrees, or a
negated comparative ("did not grow more"), is left alone.

Each pattern reads a bounded window, so a line of any length is read in linear time. Pure: text
in, spans and words out; the reader (carryover.claims.articles) resolves the words to groups and
makes the claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WINDOW = 120
"""How many characters before 'than' the group ahead and its comparative are looked for in."""

_FIGURE = r"[+\u2212\-]?\d{1,3}(?:[.,]\d{1,2})?\s?%"
_FIRST = r"[+\u2212\-]?\d{1,3}(?:[.,]\d{1,2})?(?:\s?%)?"
_PAIR = re.compile(
    rf"\bthan\s+(?:with\s+|in\s+|for\s+|among\s+)?(?:the\s+|those\s+)?"
    r"(?P<behind>[A-Za-z][\w\- ]{0,40}?)(?:\s+(?:did|does|had|got|saw|showed))?"
    r"\s*(?::|\u2014|\u2013|\s-|\()\s*(?:about\s+|around\s+|roughly\s+|~\s?)?"
    rf"(?P<f1>{_FIRST})\s+(?:against|vs\.?|versus|compared\s+(?:with|to)|to)\s+"
    rf"(?:about\s+|around\s+|roughly\s+|~\s?)?(?P<f2>{_FIGURE})",
    re.IGNORECASE,
)
"""'than the half squat: 7% against 2%', 'than in HST (6.7 vs. 2.2%)': the group behind, then
the two figures (the first may share the second's percent sign inside a parenthesis)."""
_COMPARATIVE = (
    r"(?:(?P<more>more|larger|greater|bigger|higher|better)|(?P<less>less|smaller|lower))"
)
_SAID_LAST = re.compile(rf"\b{_COMPARATIVE}\s*$", re.IGNORECASE)
"""The comparative right before 'than': the group ahead is the clause's subject."""
_SAID_FOR = re.compile(
    rf"\b{_COMPARATIVE}\s+(?:with|in|for|among|after)\s+(?:the\s+)?"
    r"(?P<ahead>[A-Za-z][\w\- ]{0,40}?)\s*$",
    re.IGNORECASE,
)
"""'more with the full squat than', 'more in FST than': the group ahead right after it."""
_GROWTH = re.compile(
    r"\b(?:gr[eo]w\w*|gain\w*|increas\w*|rose|rise[sn]?|improv\w*|hypertroph\w*|"
    r"thicker|bigger|larger)\b",
    re.IGNORECASE,
)
"""A word of growth before the pair: the figures are changes, not levels of activity."""
_ACTIVATION = re.compile(r"\b(?:activ\w*|EMG|MVIC|electromyograph\w*|recruit\w*)", re.IGNORECASE)
"""Muscle activity measured in a visit ('more active in the hip thrust'): no change."""
_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither)\b|n't\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:,.!?(]|\bbut\b|\bwhile\b|\bwhereas\b|\band\b", re.IGNORECASE)
"""A clause break: the group ahead is named after the last one before the comparative."""


@dataclass(frozen=True)
class ThanPair:
    """The words naming each group and the span of each group's figure."""

    ahead_start: int  # where the words naming the group ahead begin
    ahead_end: int  # where they end
    ahead_after: bool
    """The group ahead is named right after the comparative ('more with the full squat'); else
    it is the subject of the comparative's clause ('the full squat grew it more')."""
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
        said = _SAID_LAST.search(before) or _SAID_FOR.search(before)
        if said is None:
            continue
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(before, 0, said.start())]
        start = lo + (breaks[-1] if breaks else 0)
        if _NEGATION.search(text, start, lo + said.end()):
            continue
        if not _GROWTH.search(text, lo, m.start("f1")) or _ACTIVATION.search(
            text, lo, min(len(text), m.end() + 40)
        ):
            continue
        first, second = _value(m.group("f1")), _value(m.group("f2"))
        more = said.group("more") is not None
        if (more and first <= second) or (not more and first >= second):
            continue
        ahead_after = said.groupdict().get("ahead") is not None
        found.append(
            ThanPair(
                ahead_start=lo + said.start("ahead") if ahead_after else start,
                ahead_end=lo + said.end("ahead") if ahead_after else lo + said.start(),
                ahead_after=ahead_after,
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

"""Pairs of figures given muscle by muscle, "respectively", in the order the groups were named.

A writer comparing two groups often names them once and then gives each muscle's pair:

- "Both HL and LL gained in the muscle thickness of the elbow flexors (5,3% vs. 8,6%) and
  elbow extensors (6,0 vs. 5,2%, respectively)": 5,3% is HL's elbow flexors, 8,6% LL's;
- "1) low load ... 2) high load ... The 2 groups showed hypertrophy (elbow flexor: 5.3 vs 8,6%,
  elbow extensors: 6,0 vs 5,2%, respectively)": the first figure of each pair is the low-load
  group's, as the writer listed the groups, whatever the paper's own order was. Read that way,
  a pair copied in another order is caught as the error it is.

`muscle_pairs` finds such pairs only in a sentence that says "respectively", and only when
every "a vs b" pair of percents in it has exactly one muscle named between it and the pair
before. The reader (carryover.claims.articles) gives each pair's figures to the two groups in
the order the sentence names them before its first pair, else in the order the last sentence
that named both groups gave them.

Pure: text in, spans and values out; linear (bounded windows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from carryover.claims.layouts import muscle_mentions

_NUMBER = r"[+\u2212-]?\d{1,3}(?:[.,]\d{1,2})?"
_PAIR = re.compile(
    rf"(?<![\w.,])(?P<a>{_NUMBER})(?P<pa>\s?%)?\s*(?:vs\.?|versus)\s*(?P<b>{_NUMBER})\s?%"
)
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
MUSCLE_WINDOW = 60
"""How far before a pair (characters) its muscle is looked for."""


@dataclass(frozen=True)
class Figure:
    """One figure of a pair: where it stands (its digits and any percent sign) and its value."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class MusclePair:
    """A muscle and its two figures, in the order written."""

    muscle: str
    first: Figure
    second: Figure


def _value(written: str) -> str:
    return written.replace(",", ".").replace("\u2212", "-").lstrip("+")


def muscle_pairs(text: str, muscles: frozenset[str]) -> list[MusclePair]:
    """Every muscle's pair in a "respectively" sentence, or none (see module)."""
    if not RESPECTIVELY.search(text):
        return []
    found = []
    previous = 0
    for m in _PAIR.finditer(text):
        named = {
            muscle
            for _, muscle in muscle_mentions(
                text, max(previous, m.start() - MUSCLE_WINDOW), m.start(), muscles
            )
        }
        previous = m.end()
        if len(named) != 1:
            return []  # a pair whose muscle is not told: the sentence is read as usual
        first_end = m.end("pa") if m.group("pa") else m.end("a")
        found.append(
            MusclePair(
                next(iter(named)),
                Figure(m.start("a"), first_end, _value(m.group("a"))),
                Figure(m.start("b"), m.end(), _value(m.group("b"))),
            )
        )
    return found


def groups_in_order(text: str, end: int, names: dict[str, re.Pattern[str]]) -> list[str]:
    """The groups text[:end] names, in the order it last names them.

    "Respectively" refers to the groups as last listed: in "low versus high load ... 1) low
    load ... 2) high load", low load comes first. `names` holds one pattern per group (its
    phrases); a group named nowhere is left out.
    """
    at = {}
    for group, pattern in names.items():
        starts = [m.start() for m in pattern.finditer(text, 0, end)]
        if starts:
            at[group] = starts[-1]
    return sorted(at, key=at.__getitem__)


def group_names(
    phrases: dict[str, frozenset[str]], abbreviations: frozenset[str]
) -> dict[str, re.Pattern[str]]:
    """One pattern per group, from its phrases.

    Its phrases of four letters or more (any case), and the abbreviations its label carries
    (as written: 'HL', not 'hl' in "we'll").
    """
    out = {}
    for group, said in phrases.items():
        long = sorted((p for p in said if len(p) >= 4), key=len, reverse=True)
        short = sorted(a for a in abbreviations if a.lower() in said)
        parts = [f"(?i:{re.escape(p)})" for p in long] + [re.escape(a) for a in short]
        if parts:
            out[group] = re.compile(rf"(?<![\w'\u2019-])(?:{'|'.join(parts)})(?![\w-])")
    return out

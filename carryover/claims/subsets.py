"""A part of the sample that went on to a further part of a study: '19 of those participants'.

"After that, 19 of those participants (plus 12 untrained controls) did an eccentric-only
protocol", "using 19 of the 20 from the first part": a count of the people already counted that
took part in something further. In a sentence about a study it is a claim about the design
(`other`: the data holds the sample, not its parts), never the sample itself nor a load.

Read only as "N of those (or these) <people>" or "N of the M" where M is larger than N and is a
count of people the same sentence gave before ("20 untrained subjects ... 19 of the 20").

A count written before its split by sex, "20 untrained (13 male, 7 female)", is the sample when
the two parts add up to it and no word for people ("20 adults (...)": read as a count already)
stands between; the parts are claims about the design (`other`: the data holds no
split by sex).

Pure: text in, the counts' offsets and values out; every pattern reads a bounded window.
"""

from __future__ import annotations

import re

from carryover.claims.linking import DESCRIBING, PEOPLE
from carryover.claims.numbers import NUMBER_WORD

_NUM = rf"(?:\d{{1,3}}|{NUMBER_WORD})"
_OF_THOSE = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM})\s+of\s+(?:those|these)\s+(?:{DESCRIBING}\s+){{0,2}}?{PEOPLE}\b",
    re.I,
)
_OF_THE_COUNT = re.compile(r"(?<![\w.])(?P<n>\d{1,3})\s+of\s+the\s+(?P<m>\d{1,3})\b", re.I)
_PEOPLE_COUNTED = re.compile(
    rf"(?<![\w.])(?P<m>\d{{1,3}})\s+(?:{DESCRIBING}\s+){{0,3}}?{PEOPLE}\b", re.I
)
_BACK = 300
"""How far back in the sentence the people counted are looked for."""


def subset_counts(text: str) -> list[tuple[int, str]]:
    """(offset, value) of each count of people taken from those already counted."""
    found = [(m.start("n"), m.group("n")) for m in _OF_THOSE.finditer(text)]
    for m in _OF_THE_COUNT.finditer(text):
        n, total = int(m.group("n")), int(m.group("m"))
        if n >= total:
            continue
        counted = {
            int(c.group("m"))
            for c in _PEOPLE_COUNTED.finditer(text, max(0, m.start() - _BACK), m.start())
        }
        if total in counted:
            found.append((m.start("n"), m.group("n")))
    return found


_SEX = r"(?:male|female)"
"""The sexes as adjectives: '13 men' or '7 women' is a count the reader reads already."""
_SPLIT = re.compile(
    rf"(?<![\w.])(?P<n>\d{{1,3}})\s+(?:(?!(?:of|for|in|{PEOPLE})\b)[a-z\-]+\s+){{0,2}}\(\s*"
    rf"(?P<a>\d{{1,3}})\s+{_SEX}\s*(?:,|and|;)\s*(?P<b>\d{{1,3}})\s+{_SEX}\s*\)",
    re.I,
)


def sex_split(text: str) -> list[tuple[int, str, int, str, int, str]]:
    """(offset, value) of the sample and of its two parts, '20 untrained (13 male, 7 female)'."""
    found = []
    for m in _SPLIT.finditer(text):
        if int(m.group("a")) + int(m.group("b")) != int(m.group("n")):
            continue
        found.append(
            (m.start("n"), m.group("n"), m.start("a"), m.group("a"), m.start("b"), m.group("b"))
        )
    return found

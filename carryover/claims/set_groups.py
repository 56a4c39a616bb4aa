"""A group named by how many sets it did ('the single-set group', 'the 5-set group').

Volume studies define their arms by the sets per exercise, and their labels say so ("Low volume:
1 set per exercise per session (1SET)"). Writers name the arms the same way: "the single-set
group", "the three-set group", "the 5-set group", "the one set group". Such a name is the one
group of the study whose label states that many sets; when no label, or more than one, states
it, the name fits no group (and the reader says so, as for any group it cannot tell).

Pure: the words before "group" and the study's group phrases in, a group id or None out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

from carryover.claims.numbers import NUMBER_WORD, WORDS

_NAMED_BY_SETS = re.compile(rf"^(?P<n>\d{{1,2}}|{NUMBER_WORD}|single)[\s-]*sets?$", re.I)
"""'three-set', '5-set', 'one set', 'single-set': the words right before 'group'."""
_LABEL_SETS = re.compile(r"(?<![\w.])(\d{1,2})\s*sets?\b", re.I)
"""'1 set per exercise', '(3SET)' in a group's label."""


def sets_named(words: list[str]) -> tuple[int, str] | None:
    """How many sets the last words before 'group' name, and the words that name them."""
    for size in (1, 2):
        if len(words) < size:
            break
        phrase = " ".join(words[-size:])
        match = _NAMED_BY_SETS.match(phrase)
        if match is None:
            continue
        n = match["n"].lower()
        count = 1 if n == "single" else int(n) if n.isdigit() else int(WORDS.get(n, 0))
        return (count, phrase) if count > 0 else None
    return None


def group_by_sets(count: int, groups: Mapping[str, Set[str]]) -> str | None:
    """The one group whose label states `count` sets, or None."""
    hits = [
        group_id
        for group_id, phrases in groups.items()
        if any(int(n) == count for phrase in phrases for n in _LABEL_SETS.findall(phrase))
    ]
    return hits[0] if len(hits) == 1 else None


_N = rf"(?:\d{{1,2}}|{NUMBER_WORD}|single)"
_SET_WORD = re.compile(r"[\s-]sets?\b", re.I)
_LIST_BEFORE = re.compile(
    rf"(?<![\w-])(?:{_N}\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)){{0,5}}{_N}\s*$", re.I
)
"""The counts right before 'set(s)': 'one set', 'five sets', '3-set', 'one, three or five sets',
'three or five sets'."""
LIST_WINDOW = 80
"""Characters looked back from 'set(s)' for its counts: bounded, so a line of any length is read
in linear time."""
_WORD_START = re.compile(r"(?<![\w-])[\w]")
_LIST_ITEM = re.compile(rf"(?<![\w-]){_N}(?![\w-])", re.I)


def sets_stated(text: str) -> set[int]:
    """The set counts a text names ('one, three or five sets' -> {1, 3, 5})."""
    found = set()
    for word in _SET_WORD.finditer(text):
        end = word.start()
        starts = _WORD_START.finditer(text, max(0, end - LIST_WINDOW), end)
        match = next(
            (m for w in starts if (m := _LIST_BEFORE.match(text, w.start(), end)) is not None),
            None,
        )
        if match is None:
            continue
        for item in _LIST_ITEM.findall(match.group(0)):
            n = item.lower()
            count = 1 if n == "single" else int(n) if n.isdigit() else int(WORDS.get(n, 0))
            if count > 0:
                found.add(count)
    return found


def label_set_counts(labels: list[str]) -> frozenset[int]:
    """The sets per exercise each group's label states, when the groups differ by them.

    Every label must state one count ('Low volume: 1 set per exercise per session (1SET)') and
    the counts must differ: else the study's groups are not told apart by their sets (empty).
    """
    counts = []
    for label in labels:
        stated = {int(n) for n in _LABEL_SETS.findall(label)}
        if len(stated) != 1:
            return frozenset()
        counts.append(stated.pop())
    if len(counts) < 2 or len(set(counts)) != len(counts):
        return frozenset()
    return frozenset(counts)

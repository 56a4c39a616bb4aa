"""A table's column named by one word, and a row named by a muscle with the size measure in play.

Writers shorten a table's header to one word of each group: "| | Seated | Lying |" for a seated
and a lying (prone) leg curl group. A single word names a group when it is a word of that
group's label or of its trained exercise's names and of no other group's.

A row's label may name a muscle whose size test only the measure makes whole: "Whole
hamstrings" under a sentence saying muscle volume was measured is the study's "hamstrings
volume" test, "Biceps femoris short head" its "biceps femoris short head volume". The label and
the measure's word are looked up together among the study's test names, a leading "whole" or
"entire" set aside; a muscle the study's data does not hold names no test.

Pure: words in, an id out.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]{4,}")
"""A word that can stand for a group: letters only, four or more ('lying', 'seated')."""

_STOP = frozenset({"group", "groups", "with", "from", "only", "both", "each", "legs", "side"})


def distinctive_owner(words: str, groups: dict[str, frozenset[str]]) -> str | None:
    """The one group whose names hold this single word, when no other group's names do.

    'Lying' names the group trained on the prone (lying) leg curl when only that group's names
    ('lying leg curl') hold it; a word every group shares ('curl'), a word of two groups, or
    more than one word names none.
    """
    word = " ".join(words.lower().split())
    if not _WORD.fullmatch(word) or word in _STOP:
        return None
    hits = {g for g, phrases in groups.items() if any(word in p.split() for p in phrases)}
    return next(iter(hits)) if len(hits) == 1 else None


_WHOLE = re.compile(r"^(?:the\s+)?(?:whole|entire|total)\s+", re.IGNORECASE)

UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "cm3": ("volume", "muscle volume"),
    "mm": ("thickness", "muscle thickness"),
    "cm2": ("cross sectional area", "csa"),
}
"""The words that follow a muscle in its size test's names, per unit of muscle size."""


def measured_phrases(label: str, unit: str) -> list[str]:
    """The test names a row's muscle label makes with the measure in play, in lookup form.

    ('Whole hamstrings', 'cm3') -> ['hamstrings volume', 'hamstrings muscle volume']; the
    label is lower-cased and its dashes made spaces ('Biceps Femoris - Short Head').
    """
    base = _WHOLE.sub("", label.strip())
    base = " ".join(re.sub(r"[\-\u2010\u2011\u2013\u2014]", " ", base.lower()).split())
    if not base or not all(_LETTERS.fullmatch(w) for w in base.split()):
        return []
    return [f"{base} {word}" for word in UNIT_WORDS.get(unit, ())]


_LETTERS = re.compile(r"[a-z]+")

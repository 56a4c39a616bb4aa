"""A group named by what it did, after the word "group": "the group doing the deeper squats".

Writers name an arm by the exercise it trained, before the word ("the deep squat group") or after
it: "the group doing the deeper squats", "the group that performed full squats", "the group using
the leg press". A comparative of the exercise's depth ("deeper squats", "shallower squats") names
the same exercise as its plain form ("deep squats"), so the words are given back with it made
plain; the caller resolves them to the study's one group that trained that exercise, if any.

Pure: a sentence in, (start, end, words) out; the pattern is bounded, so a sentence of any length
is read in linear time.
"""

from __future__ import annotations

import re

_DOING = re.compile(
    r"\bgroups?\s+(?:that\s+|which\s+|who\s+)?(?:doing|did|does|performing|performed|using|used|"
    r"training\s+with|trained\s+with|trained\s+on)\s+(?:the\s+)?"
    r"(?P<words>[\w-]+(?:\s+[\w-]+){0,2})",
    re.I,
)
_PLAIN = {"deeper": "deep", "shallower": "shallow", "fuller": "full"}
"""Comparatives of a squat's depth and the plain word the exercise is named by."""


def groups_doing(text: str) -> list[tuple[int, int, list[str]]]:
    """Each 'group doing the X' in the sentence, as (start, end, X's first words).

    The words are in lower case with comparatives made plain, for the caller to resolve.
    """
    found = []
    for match in _DOING.finditer(text):
        words = [_PLAIN.get(w, w) for w in match.group("words").lower().split()]
        found.append((match.start(), match.end(), words))
    return found

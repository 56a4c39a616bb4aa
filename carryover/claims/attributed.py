"""A knee angle given to a study by name inside a sentence about several studies.

"Bloomquist et al. (2013) and McMahon et al. (2014) reported that squatting with deep knee
flexion (120° of knee flexion for Bloomquist et al. 2013, 90° of knee flexion for McMahon et al.
2014) ...": each angle is followed by "for" and the study it belongs to. The angle is that
study's, whatever study the sentence is read as being about; the depth word right before the
parenthesis ("deep knee flexion (", "shallow squats (") tells the group, and only the first angle
of the parenthesis is so told (the others are another study's).

Pure: text and offsets in, offsets and words out; the windows are bounded, so a sentence of any
length is read in linear time.
"""

from __future__ import annotations

import re

_ANGLE_FOR = re.compile(
    r"(?<![\d.])(?P<angle>\d{2,3}\s*[°º])(?:\s+of\s+knee\s+flexion)?\s+for\s+(?:the\s+)?$", re.I
)
_DEPTH_OPENS = re.compile(
    r"\b(?P<word>deep|deeper|full|shallow|shallower|half|partial|quarter)\s+"
    r"(?:knee\s+flexion|knee\s+bend|squats?|squatting)\s*\(\s*$",
    re.I,
)
_PLAIN = {"deeper": "deep", "shallower": "shallow"}


def angle_for(text: str, mention_start: int) -> tuple[int, str] | None:
    """The angle right before 'for <study>' at `mention_start`, or None.

    Returns (the angle's offset, the squat its depth word names: 'deep squat').
    """
    window_start = max(0, mention_start - 40)
    found = _ANGLE_FOR.search(text[window_start:mention_start])
    if found is None:
        return None
    at = window_start + found.start("angle")
    opens = _DEPTH_OPENS.search(text[max(0, at - 40) : at])
    if opens is None:
        return None
    word = opens.group("word").lower()
    return at, f"{_PLAIN.get(word, word)} squat"

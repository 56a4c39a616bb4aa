"""The words writers use for a group whose label names its load or its repetition range.

A label such as "High load: 8-12 repetitions per set (HL)" is written in articles as "the
high-load group", "the heavy group", "the high-weight group", "the heavy-weight group" or "the
8-12 rep group"; "Low volume: 1 set per exercise per session (1SET)" as "the low-volume group".
`label_phrases` gives those phrases from the label alone:

- the label's head (before a colon or a parenthesis), when it is one to three words, with its
  words hyphenated ("high load", "high-load");
- for a head of a level and a load word (high, low, heavy or light; load, weight or
  intensity): the same level said with the other load words and with its synonym (high and
  heavy, low and light), each also hyphenated, plus the level alone when it is heavy or light
  ("the heavy group"). "High" and "low" alone are not added: a study may have a high-volume
  group too;
- every repetition range the label gives ("8-12 repetitions"): "8-12 rep", "8-12 reps",
  "8-12 repetitions", "8-12-rep" (and with an en dash).

Pure: a label in, lower-case phrases out.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"^\s*(?P<head>[A-Za-z][A-Za-z\- ]{1,40}?)\s*(?::|\(|$)")
_LOAD_HEAD = re.compile(r"^(?P<level>high|low|heavy|light)[\s-](?:load|weight|intensity)s?$")
_LOAD_WORDS = ("load", "loads", "weight", "weights", "intensity")
_SAME_LEVEL = {"high": ("high", "heavy"), "heavy": ("high", "heavy"), "low": ("low", "light"),
               "light": ("low", "light")}  # fmt: skip
_REP_RANGE = re.compile(r"\b(?P<lo>\d{1,2})\s?[-\u2013]\s?(?P<hi>\d{1,2})\s+(?:repetitions|reps)\b")


def label_phrases(label: str) -> frozenset[str]:
    """The phrases (lower case) that name the group a label describes (see module)."""
    out: set[str] = set()
    head = _HEAD.match(label)
    if head is not None:
        words = head.group("head").lower().split()
        if 1 <= len(words) <= 3:
            out |= {" ".join(words), "-".join(words)}
        load = _LOAD_HEAD.match(" ".join(words))
        if load is not None:
            for level in _SAME_LEVEL[load.group("level")]:
                for word in _LOAD_WORDS:
                    out |= {f"{level} {word}", f"{level}-{word}"}
                if level in ("heavy", "light"):
                    out.add(level)
    for m in _REP_RANGE.finditer(label):
        for dash in ("-", "\u2013"):
            span = f"{m.group('lo')}{dash}{m.group('hi')}"
            out |= {f"{span} rep", f"{span} reps", f"{span} repetitions", f"{span}-rep"}
    return frozenset(out)

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
- for a head of a level and a repetition word ("Higher repetitions", "Low reps"): the level
  said as "high" or "higher" ("low" or "lower") with "rep", "reps", "repetition" or
  "repetitions", each also hyphenated ("low reps", "the high-rep group");
- for a label giving a load as a share of the maximum ("at ~30-50% 1RM"): a load of 60% or less
  is written "light weights", "lighter loads", "the light-weight group" (and "low load"), one
  of 65% or more "heavy weights", "heavier loads" (and "high load"); never "light" or "heavy"
  alone, which a sentence may use of anything;
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
    out |= _rep_level_phrases(label) | _load_level_phrases(label)
    for m in _REP_RANGE.finditer(label):
        for dash in ("-", "\u2013"):
            span = f"{m.group('lo')}{dash}{m.group('hi')}"
            out |= {f"{span} rep", f"{span} reps", f"{span} repetitions", f"{span}-rep"}
    return frozenset(out)


_REP_HEAD = re.compile(
    r"^\s*(?P<level>high|higher|low|lower)[\s-](?:rep|reps|repetitions?)\s*(?::|\(|$)", re.I
)
_REP_LEVELS = {"high": ("high", "higher"), "higher": ("high", "higher"), "low": ("low", "lower"),
               "lower": ("low", "lower")}  # fmt: skip
_REP_WORDS = ("rep", "reps", "repetition", "repetitions")
_SHARE_OF_MAX = re.compile(
    r"(?P<lo>\d{1,2})\s?%?\s?[-\u2013]\s?(?P<hi>\d{1,3})\s?%\s?(?:of\s+)?(?:1\s?RM|one[\s-]rep)",
    re.I,
)


def _rep_level_phrases(label: str) -> set[str]:
    """'Higher repetitions: ...' -> 'high reps', 'higher-rep', ... (see module)."""
    m = _REP_HEAD.match(label)
    if m is None:
        return set()
    return {
        f"{level}{gap}{word}"
        for level in _REP_LEVELS[m.group("level").lower()]
        for word in _REP_WORDS
        for gap in (" ", "-")
    }


def _load_level_phrases(label: str) -> set[str]:
    """'... at ~30-50% 1RM' -> 'light weights', 'lighter loads', 'low load', ... (see module)."""
    shares = [(int(m.group("lo")), int(m.group("hi"))) for m in _SHARE_OF_MAX.finditer(label)]
    if len(shares) != 1:
        return set()
    lo, hi = shares[0]
    if hi <= 60:
        levels, level = ("light", "lighter"), "low"
    elif lo >= 65:
        levels, level = ("heavy", "heavier"), "high"
    else:
        return set()
    out = {f"{level} load", f"{level}-load", f"{level} loads"}
    for word in ("weight", "weights", "load", "loads"):
        for each in levels:
            out |= {f"{each} {word}", f"{each}-{word}"}
    return out


LEVEL_WORDS = re.compile(
    r"\b(?:(?:high|higher|low|lower)[\s-]rep(?:etition)?s?"
    r"|(?:light|lighter|heavy|heavier)[\s-](?:weight|load)s?|(?:high|low)[\s-]loads?)\b",
    re.I,
)
"""Words that name a group by its level of repetitions or load without the word 'group' ('low
reps raised 1RM by 14 kg', 'with lighter weights'): a group's when only its label gives it."""

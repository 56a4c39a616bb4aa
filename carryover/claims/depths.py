"""How deep a study's groups squatted, as a knee angle: a protocol detail the data lacks.

Squat-depth studies define their arms by the knee angle reached ("Full squat group (8 men): squat
down until the knee angle reaches 140 degrees", "FST = Full squat - down to roughly 140º of knee
flexion", "one group trained with a full squat (140 degrees of knee flexion)"). Such a figure,
stated for a group the reader has named in the sentence, is a claim about the study's design
(`other`: no table column holds a depth, so it is unverifiable), never an unread number.

An angle is read only when the words right around it name the knee's flexion or angle: "squat
to 90° or even higher" in general advice, "knees bent 90 degrees" or a machine's "45° leg press"
are not. The caller also requires a group of the study named before the angle in the sentence,
so a depth quoted from another paper ("out of the hole (140 deg knee flexion) (according to
Marchetti et al.)") is not made the study's.

Writers also give the depth in other ways, read here too:

- with a bending verb: "the knee bent to 120°", "the knee bends as far as 60°" (a depth reached;
  "knees bent 90 degrees", a position held, is not read);
- as a range of motion from straight legs: "(0-120°)" is a depth of 120 degrees;
- as a pair sharing its unit: "120° against 60° of knee flexion", "the angles 60º and 120º": the
  larger angle is the deeper group's, the smaller the shallower group's (`pair_partner`);
- in a parenthesis right after a depth word: "shallow (0-60°)", "deep squats (140°)"
  (`depth_word`), which names the group that trained that squat.

Pure: the words around a number in, True or False out; the windows are bounded, so a line of any
length is read in linear time.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import Number

_DEGREES_AFTER = re.compile(r"^\s*(?:degrees?|deg\b\.?)", re.I)
"""'140 degrees', '140 deg' (a '°' or 'º' is part of the number's text)."""

_KNEE_AFTER = re.compile(
    r"^\s*(?:degrees?|deg\b\.?)?\s*\)?\s*(?:\((?:[\w\s-]{1,30})\)\s*)?(?:of\s+)?"
    r"knee\s+(?:flexion|angle)\b",
    re.I,
)
"""'140 degrees of knee flexion', '140º (one hundred forty degrees) of knee flexion' (the figure
and the words in the parenthesis both)."""

_KNEE_BEFORE = re.compile(
    r"\bknee(?:\s+flexion)?\s+angle\s+(?:of\s+|reaches\s+|reached\s+|at\s+|to\s+)?(?:about\s+|"
    r"roughly\s+|around\s+)?$",
    re.I,
)
"""'the knee angle reaches 140', 'a knee angle of 90'."""

_KNEE_BENT_TO = re.compile(
    r"\bknees?\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:bent|bends?|bending|flexed|flex(?:es)?)\s+"
    r"(?:down\s+)?(?:to|as\s+far\s+as|until)\s+(?:about\s+|roughly\s+|around\s+)?$",
    re.I,
)
"""'the knee bent to 120', 'the knee bends as far as 60' (not 'knees bent 90 degrees')."""

_PAIR_AFTER = re.compile(
    r"^\s*(?:against|vs\.?|versus|and|or|with|to)\s+(?:at\s+)?(\d{2,3})\s*(?:°|º|degrees?)\s*"
    r"(?:of\s+)?knee\s+(?:flexion|angle)\b",
    re.I,
)
"""'120° against 60° of knee flexion': the first of a pair whose unit follows the second."""
_PAIR_BEFORE = re.compile(
    r"(?<![\d.])(\d{2,3})\s*(?:°|º|\s*degrees?)?\s*(?:against|vs\.?|versus|and|or|with|to)\s+"
    r"(?:at\s+)?$",
    re.I,
)
"""'... 60° and ' before the second angle of a pair."""
_SPAN_OPENS = re.compile(r"\b(?:between|from)\s+$", re.I)
"""'between 90° and 120° of knee flexion', 'from 60° to 120°': one range, not two groups."""
_ANGLES_BEFORE = re.compile(r"\b(?:knee\s+)?angles\s+(?:of\s+)?$", re.I)
"""'the angles 60º and 120º': the first angle of a pair named as angles."""

_DEPTH_WORD = re.compile(
    r"\b(deep(?:er)?|full|shallow(?:er)?|half|partial|quarter)(?:[\s-]+squats?)?\s*"
    r"\(\s*(?:up\s+to\s+|to\s+|about\s+|roughly\s+|~\s*)?$",
    re.I,
)
"""'shallow (0-60°)', 'deep squats (140°)': the depth word right before the angle's parenthesis."""
_DEPTH_PHRASE = re.compile(
    r"\b(deep(?:er)?|full|shallow(?:er)?|half|partial)(?:[\s-]+depth|[\s-]+range\s+of\s+"
    r"motion|[\s-]+ROM)(?:[\s-]+squats?)?\s*(?:\(\s*[A-Z]{1,5}\s*\)\s*)?"
    r"(?P<open>\(\s*(?:up\s+to\s+|to\s+|at\s+|about\s+|roughly\s+|~\s*)?|[-\u2013\u2014:]\s*)$",
    re.I,
)
"""'full-depth squats (140°', 'full range of motion (AC) - 140º', 'partial ROM: 90°': a depth
named with 'depth', 'range of motion' or 'ROM' right before the angle (after a dash or colon,
the knee's flexion must be named around the angle too)."""
_AT_DEPTH = re.compile(r"\b(deep(?:er)?|shallow(?:er)?)\s+squats?\s*\(\s*at\s+$", re.I)
"""'a deep squat (at 120 degrees)': the depth word and 'at' in the parenthesis."""
_RESTATED = re.compile(r"(?<![\d.])(?P<figure>\d{2,3})\s*(?:°|º)?\s*(?:degrees?\s*)?\(\s*$", re.I)
"""'140º (' before 'one hundred forty degrees)': the angle restated in words in a parenthesis."""
_DEPTH_NAMES = {"deeper": "deep", "shallower": "shallow"}
DEEP_SQUATS = ("deep squat", "full squat")
"""What the deeper of two squat groups trained, as writers name it."""
SHALLOW_SQUATS = ("shallow squat", "half squat", "partial squat", "quarter squat")
"""What the shallower of two squat groups trained."""


def depth_of(number: Number) -> float | None:
    """The angle a number gives: its value, or the end of a range from zero ('0-120°': 120)."""
    if number.value is None or number.kind not in ("figure", "word"):
        return None
    if number.lo == number.hi:
        return number.value
    return number.hi if number.lo == 0 else None


def _in_degrees(number: Number, after: str) -> bool:
    depth = depth_of(number)
    if depth is None or not 30 <= depth <= 180:
        return False
    return number.text.endswith(("°", "º")) or bool(_DEGREES_AFTER.match(after))


def knee_angle(number: Number, before: str, after: str) -> bool:
    """Whether the number is a knee angle in degrees, told by the words right around it."""
    if not _in_degrees(number, after):
        return False
    return bool(
        _KNEE_AFTER.match(after[:80])
        or _KNEE_BEFORE.search(before[-40:])
        or _KNEE_BENT_TO.search(before[-40:])
    )


def pair_partner(number: Number, before: str, after: str) -> float | None:
    """The other angle of the pair of knee angles the number is in, or None.

    '120° against 60° of knee flexion', 'the angles 60º and 120º'.
    """
    if not _in_degrees(number, after) or number.lo != number.hi:
        return None
    first = _PAIR_AFTER.match(after[:80])
    if first is not None:
        return None if _SPAN_OPENS.search(before[-20:]) else float(first.group(1))
    tail = before[-40:]
    second = _PAIR_BEFORE.search(tail)
    if (
        second is not None
        and not _SPAN_OPENS.search(tail[: second.start(1)])
        and (_KNEE_AFTER.match(after[:80]) or _ANGLES_BEFORE.search(tail[: second.start(1)]))
    ):
        return float(second.group(1))
    if _ANGLES_BEFORE.search(before[-30:]):
        pair = re.match(
            r"^\s*(?:against|vs\.?|versus|and|or|with)\s+(\d{2,3})\s*(?:°|º|degrees?)", after[:40]
        )
        return float(pair.group(1)) if pair is not None else None
    return None


def depth_word(number: Number, before: str, after: str) -> str | None:
    """The squat a depth word names right before the angle's parenthesis, or None.

    'shallow (0-60°)': 'shallow squat'; 'deep squats (140°)': 'deep squat'.
    """
    if not _in_degrees(number, after):
        return None
    named = _DEPTH_WORD.search(before[-40:]) or _AT_DEPTH.search(before[-40:])
    if named is None:
        named = _depth_phrase(number, before, after)
    if named is None:
        return None
    word = named.group(1).lower()
    return f"{_DEPTH_NAMES.get(word, word)} squat"


def _depth_phrase(number: Number, before: str, after: str) -> re.Match[str] | None:
    """The depth phrase before an angle ('full range of motion (AC) - 140º'), or None.

    An angle restated in words in a parenthesis right after its figure ('140º (one hundred
    forty degrees)') is read from the words before the figure.
    """
    restated = _RESTATED.search(before[-20:])
    if restated is not None and float(restated.group("figure")) == depth_of(number):
        before = before[: len(before) - len(before[-20:]) + restated.start()]
    named = _DEPTH_PHRASE.search(before[-60:])
    if named is None:
        return None
    if not named.group("open").startswith("(") and not _KNEE_AFTER.match(after[:80]):
        return None
    return named

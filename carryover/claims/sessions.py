"""What a study's sessions held: how long they lasted and how many exercises they had.

Both are protocol details the data holds no figure for.

Writers describe a programme by the time each session took as readily as by its weeks and
sessions a week: "three 13-minute lifting sessions a week", "the single-set group trained for
only 13 minutes", "the three-set group needed 40 minutes to finish its exercises", "each session
took 13 minutes, 40 minutes, or 70 minutes", "1 set (13 minutes of exercise)". In a sentence
about a study such a figure is a claim about its design (`other`: no table column holds session
length, so it is unverifiable), never an unread number.

Told apart from the minutes that are not a session's length:

- a rest ("2 minutes of rest", "rested 3 minutes between sets"), which the accounting sets aside
  as a rest interval;
- a time around a test or a meal ("30 minutes before testing", "within 60 minutes after"), a
  warm-up or cool-down ("10 minutes of warm-up"), or any other activity ("a 20-minute walk").

The number of exercises a programme had is read the same way: "every group did the same seven
exercises", "sets of seven different exercises", "to perform the seven prescribed exercises" (a
count of 3 to 20 after a word of doing or "of", and never in a sentence that compares: "compared
three exercises" counts the arms, which the accounting sets aside). "the two exercises" compared
stays with the accounting.

A ratio of session lengths is read too: "the men who spent five times as long in the gym" (a
multiple before "as long" or "longer", with words of time spent training around it).

Only minutes are read (an hour-long session is rare in these studies and "2 hours before" is a
timing); the words looked at are a bounded window either side of the number, so a line of any
length is read in linear time.

Pure: a sentence's number and the words around it in, a `Fact` or None out.
"""

from __future__ import annotations

import re

from carryover.claims.numbers import Number

_MINUTES_AFTER = re.compile(r"^[\s-]*(?:minutes?|mins?)\b", re.I)
"""The number is a count of minutes ('13 minutes', '13-minute', '40 min')."""

_SESSION_AFTER = re.compile(
    r"^[\s-]*(?:minutes?|mins?)\b[\s-]*"
    r"(?:(?:long|weekly|lifting|training|weight(?:lifting)?|strength|resistance|gym|workout|"
    r"exercise)\s+){0,2}(?:sessions?|workouts?|routines?|visits?)\b"
    r"|^[\s-]*(?:minutes?|mins?)\s+(?:of\s+(?:exercise|training|lifting|work|working\s+out)"
    r"|per\s+(?:session|workout))\b"
    r"|^[\s-]*(?:minutes?|mins?)\s+(?:a|each|every)\s+(?:session|workout)\b",
    re.I,
)
"""'13-minute lifting sessions', '13 minutes of exercise', '40 minutes per session'."""

_LENGTH_BEFORE = re.compile(
    r"\b(?:trained|worked\s+out|lifted|exercised|trained\s+(?:only|just))\s+for\s+"
    r"(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|a\s+mere\s+)?$"
    r"|\b(?:needed|needs|took|takes?|taking|lasted|lasting|spent|required|kept\s+at\s+it\s+for"
    r"|out\s+of\s+the\s+gym\s+in|(?:finished|done)\s+in)\s+"
    r"(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|a\s+mere\s+)?$"
    r"|\b(?:sets?|did\s+[\w-]+)\s*\(\s*(?:taking\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?$"
    r"|\b(?:session|workout)s?\s+(?:took|lasted|ran)\b[^.;]{0,40}$"
    r"|\b(?:lift(?:ing|ed|s)?|train(?:ing|ed|s)?|exercis(?:ing|ed|es?)|work(?:ing|ed)\s+out)\b"
    r"[^.;:()]{0,40}?\bfor\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|a\s+mere\s+)?$",
    re.I,
)
"""'trained for only 13', 'needed 40', 'kept at it for 70', 'each session took 13, 40 or', 'in
and out of the gym in only 13', 'did five sets (taking about 70', 'did three (about 45', 'lifting
weights three times a week for a mere 13'."""

_SESSION_NEAR = re.compile(
    r"\b(?:sessions?|workouts?|routines?|trained|training|lifting|exercises?|sets?|gym)\b", re.I
)
"""A clause about training: what a bare 'needed 40 minutes' must sit in ('only one set (about
13 minutes)' as well as 'five sets (taking about 70 minutes)')."""

_NOT_A_SESSION = re.compile(
    r"\b(?:rest(?:ed|ing)?|recover(?:y|ed)?|warm[\s-]?ups?|cool[\s-]?downs?|walk(?:ed|ing)?|"
    r"before|after|within|prior|later|meal|sleep|stretch(?:ed|ing)?)\b",
    re.I,
)
"""Minutes of something else, or a timing ('30 minutes before testing')."""


def session_minutes(number: Number, before: str, after: str) -> str | None:
    """The value of a session's length in minutes that `number` states, or None.

    `before` and `after` are bounded windows of the sentence either side of the number.
    """
    if number.value is None or number.kind not in ("figure", "word") or number.lo != number.hi:
        return None
    if not 5 <= number.value <= 180 or number.value != int(number.value):
        return None
    if not _MINUTES_AFTER.match(after):
        return None
    near_after = after[:40]
    if _NOT_A_SESSION.search(near_after) or _NOT_A_SESSION.search(before[-30:]):
        return None
    if _SESSION_AFTER.match(after):
        return str(int(number.value))
    if _LENGTH_BEFORE.search(before) and _SESSION_NEAR.search(before + near_after):
        return str(int(number.value))
    return None


_LONGER_AFTER = re.compile(r"^\s+times\s+(?:as\s+long|longer)\b", re.I)
_TIME_SPENT = re.compile(
    r"\b(?:spent|spend|spending|trained|training|lifted|lifting|worked\s+out|working\s+out|"
    r"exercised|in\s+the\s+gym|sessions?|workouts?)\b",
    re.I,
)
"""'the men who spent five times as long in the gym': the words of time spent training."""


def session_length_ratio(number: Number, before: str, after: str) -> str | None:
    """How many times longer one routine's sessions took than another's, or None.

    'the quick lifters improved as much as the men who spent five times as long in the gym': a
    ratio of session lengths (a protocol detail, like the lengths), with words of time spent
    training before or after it; 'five times as long a rest' or a ratio of anything else is not.
    """
    if number.value is None or number.kind not in ("figure", "word") or number.lo != number.hi:
        return None
    if not 1 < number.value <= 20 or not _LONGER_AFTER.match(after):
        return None
    near = before[-40:] + " " + after[:40]
    if _NOT_A_SESSION.search(near) or not _TIME_SPENT.search(near):
        return None
    return _plain(number.value)


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


_EXERCISES_AFTER = re.compile(
    r"^\s+(?:(?:different|same|prescribed|separate|distinct|compound|basic|main|core|chosen)\s+)?"
    r"(?:exercises|movements|moves|lifts)\b",
    re.I,
)
_DOING_BEFORE = re.compile(
    r"\b(?:did|do|does|doing|perform(?:ed|ing|s)?|completed?|of|with|includ(?:ed|ing)|"
    r"consisted\s+of|made\s+up\s+of)\s+(?:(?:the|all|their|same|its)\s+){0,2}$",
    re.I,
)
_COMPARES = re.compile(r"\b(?:compar\w*|between|versus|vs\.?)\b", re.I)


def exercise_count(number: Number, before: str, after: str) -> str | None:
    """The number of exercises a programme had ('did the same seven exercises'), or None."""
    if number.value is None or number.kind not in ("figure", "word") or number.lo != number.hi:
        return None
    if not 3 <= number.value <= 20 or number.value != int(number.value):
        return None
    if not _EXERCISES_AFTER.match(after) or not _DOING_BEFORE.search(before[-40:]):
        return None
    if _COMPARES.search(before[-60:]) or _COMPARES.search(after[:40]):
        return None
    return str(int(number.value))

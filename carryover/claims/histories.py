"""The people's training history before a study: how long they had, or had not, trained.

Studies describe their sample by its history: "men who had not done any strength exercise for at
least 1 year" (a washout or inclusion criterion), "18 young men who had, on average, been lifting
weights for over three years" (their experience). In a sentence about a study such a span is a
claim about its design (`other`: the data holds no history, so it cannot be checked), never an
unread number. A bound ('at least 1 year', 'over three years') is kept as the claim's bound.

Read only with the words of training right before the span and a unit of time right after it:

- not having trained: "had not done any strength exercise for", "had not performed resistance
  training in the previous", "never followed a lifting programme for";
- having trained: "had been lifting weights for", "been strength training for over", "had
  lifted weights at least 3 times per week for a minimum of 1 year" (the span, and how often a
  week they had trained over it: both are their history, not the study's frequency).

- having been at it, in the words lifters use: "had been on the iron for at least", "been
  pumping iron for", "been hitting the gym for over".

A weekly frequency right after "went to the gym" or "had gone to the gym" is the people's habit
before the study (`gym_habit`): a claim `other`, never the study's sessions per week.

"trained for 10 weeks" (the study's own duration) has neither form and is left to the other rules.

Pure: a number and the words around it in, (value, bound) or None out; the windows are bounded.
"""

from __future__ import annotations

import re

from carryover.claims.bounds import stated_bound
from carryover.claims.numbers import Number

_SPAN_AFTER = re.compile(r"^[\s-]?(?:years?|months?)\b", re.I)
_TRAINING = (
    r"(?:training|exercises?|exercising|lifting|workouts?|program(?:me)?s?|activity|sports?)"
)
_NOT_TRAINED = re.compile(
    r"\b(?:not|never)\s+(?:done|performed|engaged\s+in|practi[cs]ed|taken\s+part\s+in|followed|"
    r"participated\s+in|undertaken)\s+(?:any\s+)?(?:[\w-]+\s+){0,3}?" + _TRAINING + r"\s+"
    r"(?:for|in|during|over|within)\s+(?:(?:at\s+least|more\s+than|over)\s+|the\s+(?:previous|"
    r"past|last|preceding)\s+)?$",
    re.I,
)
"""'had not done any strength exercise for at least', 'not performed resistance training in the
previous'."""
_BEEN_TRAINING = re.compile(
    r"\bbeen\s+(?:training|lifting(?:\s+weights)?|strength[\s-]training|resistance[\s-]training|"
    r"working\s+out)\s+(?:(?:quite|very|fairly|pretty|[a-z]+ly)\s+){0,2}for\s+"
    r"(?:(?:over|more\s+than|at\s+least|"
    r"almost|about|nearly|around|roughly)\s+)?$",
    re.I,
)
"""'been lifting weights for over', 'been training regularly for', 'been lifting quite seriously
for about'."""
_BEEN_AT_IT = re.compile(
    r"\bbeen\s+(?:on\s+the\s+iron|pumping\s+iron|hitting\s+the\s+(?:gym|weights)|"
    r"going\s+to\s+the\s+gym)\s+for\s+(?:(?:over|more\s+than|at\s+least|almost|about|nearly|"
    r"around|roughly)\s+)?$",
    re.I,
)
"""'had been on the iron for at least' (four years), 'been hitting the gym for over'."""
_GYM_HABIT = re.compile(
    r"\b(?:went|had\s+gone|had\s+been\s+going|were\s+going|used\s+to\s+go)\s+to\s+the\s+gym"
    r"(?:\s+[a-z]+\s+(?:to|or))?\s*$",
    re.I,
)
"""'went to the gym' right before a frequency, or before its range's first end ('three to')."""
_HAD_TRAINED = (
    r"\bhad\s+(?:been\s+)?(?:lifted|trained|training|lifting|exercised|worked\s+out|"
    r"(?:resistance|strength)[\s-]trained)\b"
)
_HAD_TRAINED_FOR = re.compile(
    _HAD_TRAINED + r"[^.;]{0,60}?\bfor\s+(?:a\s+minimum\s+of|at\s+least|more\s+than|over|"
    r"no\s+less\s+than)\s+$",
    re.I,
)
"""'had lifted weights at least 3 times per week for a minimum of' (1 year)."""
_HAD_TRAINED_BEFORE = re.compile(_HAD_TRAINED + r"[^.;]{0,40}$", re.I)
_WEEKLY_FOR_YEARS = re.compile(
    r"^\s?(?:times?|days?|sessions?)\s*(?:per|a|each|/)\s*week\s+for\s+(?:a\s+minimum\s+of|"
    r"at\s+least|no\s+less\s+than)\s+(?:\S+\s+)?(?:years?|months?)\b",
    re.I,
)
"""'3 times per week for a minimum of 1 year' after 'had lifted': how often they had trained
(the entry criterion's words the reader's weekly frequency gives way to, so one number is never
read both as the study's frequency and as the people's history)."""


def training_history(number: Number, before: str, after: str) -> tuple[str, str | None] | None:
    """(value, bound) of a span the people had, or had not, trained before a study, or None."""
    if number.value is None or number.kind not in ("figure", "word") or number.lo != number.hi:
        return None
    if not 0 < number.value <= 40:
        return None
    tail = before[-100:]
    if _WEEKLY_FOR_YEARS.match(after[:80]):
        if not _HAD_TRAINED_BEFORE.search(tail) or number.value > 7:
            return None
    elif not _SPAN_AFTER.match(after[:12]) or not (
        _NOT_TRAINED.search(tail)
        or _BEEN_TRAINING.search(tail)
        or _HAD_TRAINED_FOR.search(tail)
        or _BEEN_AT_IT.search(tail)
    ):
        return None
    value = number.value
    bound = stated_bound(number.text, tail, after[:40])
    shown = str(int(value)) if value == int(value) else repr(value)
    return shown, bound.relation if bound is not None else None


def gym_habit(before: str) -> bool:
    """Whether a weekly frequency is how often the people went to the gym before the study.

    'men who ... went to the gym three to five times a week', 'had gone to the gym 4 times a
    week': their habit (an entry criterion, `other`), not the study's own frequency.
    """
    return _GYM_HABIT.search(before[-40:]) is not None

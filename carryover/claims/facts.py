"""Study facts other than changes and sample sizes, read from a sentence about a known study.

Every number of the sentence comes from the shared number finder (carryover.claims.numbers), so
a fact's value is exactly the value the accounting finds for that number. A number becomes a fact
from the words around it, looked for in bounded windows (never the whole sentence before it):

- **population**: age, body height and body mass, as a mean (± SD) figure. Inside a parenthesis
  after a group ("the BS group (n=12, 26.4±1.32 years, 171.8±3.79 cm, and 69.5±4.9 kg)") they
  are that group's; after the people ("twenty-two participants (age: 26.9 ± 7.7 yrs.; ...)")
  or labelled ("aged 18 ± 1 years", "weighed 84 kg") they are the study's. A study-level figure
  in a sentence that also names a group is not read (it might be that group's). The
  participants' age range ("24 women (aged 18-30)") is an `age` claim with both ends (`value`,
  `value_to`): the study's mean lies in it; so is their decade ("in their early twenties": the
  years the number finder gives it, 20 to 25). An age bound ("> 18 years") is not read: an
  inclusion bound holds each participant, not the mean, and states no upper end.
- **baseline and final values**: "from 185 pounds to 237 pounds", "squatted 138 kg on average",
  "a baseline squat of 120 kg"; in pounds the quantity is `pre_mean_lb` / `post_mean_lb`, so the
  figure is judged in the unit the article wrote it. An approximate figure ("around 188 pounds",
  "~140 kg") is the range a tenth either side of it, as the reader states "~1.5 %"; so is an
  approximate gain ("gained ~20 kg").
- **p values** of a sentence comparing groups ("improved more than the HT group ... P<0.001"),
  about the test named before them: `p_value` (P=), `p_below` (P<, P≤) or `p_above` (P>, P≥).
- **sessions_total**: "eight twice-a-week training sessions", "after 16 sessions", and a range
  after the training it counts ("nine weeks (15-17 sessions)").
- **other**: protocol details the data does not hold (training experience, fasting or
  abstaining hours, visits and the days between them, an attendance criterion, dropouts, a
  learning phase). They are claims that cannot be checked, so an editor sees them as study
  facts rather than unread numbers.

Pure: a sentence and callables that resolve group words and abbreviations in, `Fact`s out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from carryover.claims.ages import rounded_age, unitless_age
from carryover.claims.bounds import means, stated_bound
from carryover.claims.depths import (
    DEEP_SQUATS,
    SHALLOW_SQUATS,
    depth_of,
    depth_word,
    knee_angle,
    pair_partner,
)
from carryover.claims.histories import training_history
from carryover.claims.multiples import body_weight_multiple
from carryover.claims.numbers import DECADE, NUMBER_WORD, Number, numbers
from carryover.claims.rests import sessions_apart
from carryover.claims.sessions import exercise_count, session_length_ratio, session_minutes
from carryover.claims.shares import allocation_share

POPULATION = ("age", "body_height", "body_mass")
SPREADS = tuple(f"{q}_sd" for q in POPULATION)
"""The SD stated with a population mean ('26.4 ± 1.32 years'): a claim of its own."""

_WINDOW = 80
"""Characters looked at on either side of a number."""
_PAREN_WINDOW = 240
"""Characters looked back for the parenthesis a number stands in."""


@dataclass(frozen=True)
class Fact:
    """One fact read from a sentence: where its number starts and the claim it makes."""

    start: int
    quantity: str
    value: str
    group_id: str | None = None
    test_exercise: str | None = None
    measure: str | None = None
    value_to: str | None = None
    """The other end of a stated range or an approximation ('18-30', '~140 kg')."""
    number: float | None = None
    """The value of the number the fact was read from, when it is not `value`."""
    bound: str | None = None
    """For a figure stated as one end only ('50-plus pounds', '> 18 years'): at_least or
    at_most (see carryover.claims.bounds)."""


@dataclass(frozen=True)
class Lookups:
    """What the reader knows about the current study, as functions of words."""

    group: Callable[[list[str]], str | None]
    """The study's group some words (or an abbreviation) name, if exactly one."""
    trained: Mapping[str, str]
    """Group -> the exercise it trained."""
    exercise: Callable[[str], str | None]
    """The study's exercise a phrase names ('squat' -> back_squat), if exactly one."""
    only_measure: Callable[[str | None, str], str | None]
    """The only measure the study has for a group (None: any group) and an exercise."""


Mention = tuple[int, int, str]


@dataclass(frozen=True)
class Near:
    """What the reader found in the sentence, by position (start, end, value), in order."""

    groups: list[Mention]
    exercises: list[Mention]
    measures: list[Mention]
    current_group: str | None = None
    heading_test: str | None = None
    """The one lift the heading of the section names ('Put 50 Pounds on Your Back Squat')."""

    @staticmethod
    def between(mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
        """The mentions starting in [lo, hi), found by bisection (never a scan of them all)."""
        first = bisect.bisect_left(mentions, (lo,))
        last = bisect.bisect_left(mentions, (hi,))
        return mentions[first:last]


_SPREAD = re.compile(r"(?:±|\+/-|\+/\u2212)\s?(\d+(?:\.\d+)?)")
_YEARS = re.compile(r"^\s?(?:years?|yrs?\.?|y)(?![\w])(?:\s+(?:old|of\s+age))?", re.I)
_CM = re.compile(r"^\s?cm\b", re.I)
_KG = re.compile(r"^\s?(?:kg|kgs|kilograms?)\b", re.I)
_LB = re.compile(r"^\s?(?:lbs?\.?|pounds?)(?![\w])", re.I)
_UNIT_IN_TEXT = re.compile(r"(?:kg|cm|y|lbs?\.?|pounds)$", re.I)
_EXPERIENCE = re.compile(
    r"\b(?:experience[ds]?|train(?:ed|ing)\s+(?:history|age|background)|trained\b|"
    r"training\b|lifting\b|practis|practic)",
    re.I,
)
_AGE_LABEL = re.compile(
    r"\b(?:aged|age[sd]?|mean\s+age|average\s+age)\s*(?::|of|was|were|=)?\s*$", re.I
)
_HEIGHT_LABEL = re.compile(r"\b(?:height|stature|tall)\s*(?::|of|was|were|=)?\s*$", re.I)
_MASS_LABEL = re.compile(
    r"\b(?:weight|weighed|weighing|body\s*mass|mass|bodyweight|body\s+weight)\s*"
    r"(?::|of|was|were|=)?\s*$",
    re.I,
)
_GROUP_BEFORE_PAREN = re.compile(
    r"(?:^|[\s,;])(?P<words>(?:[\w-]+\s+){0,3}?[\w-]+)\s+groups?\s*$|"
    r"(?:^|[\s,;])(?P<abbr>[A-Z]{2,5})\s*$",
)
_PEOPLE_BEFORE_PAREN = re.compile(
    r"\b(?:participants|subjects|men|women|males|females|athletes|players|lifters|people|"
    r"adults|adolescents|volunteers|girls|boys|individuals|students|sample)\s*$",
    re.I,
)
_APPROX = re.compile(
    r"(?:\b(?:around|about|roughly|approximately|approx\.?|nearly|almost|some|circa|ca\.|"
    r"close\s+to|just\s+(?:over|under)|over|under|more\s+than|less\s+than)|[~≈])\s*$",
    re.I,
)

# -- baseline and final values ---------------------------------------------------------------
_UNIT_TO = re.compile(
    r"\s?(?:kg|kgs|kilograms?|lbs?\.?|pounds?)?\s+(?:on\s+average\s+)?to\s+", re.I
)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
_PRE_WORDS = re.compile(
    r"\b(?:baseline|at\s+the\s+(?:start|outset|beginning)|before\s+(?:the\s+)?(?:training|"
    r"study|intervention|program\w*)|initial(?:ly)?|starting|pre-?(?:training|test|"
    r"intervention)?\b|on\s+average|averaged?|mean)\b",
    re.I,
)
_POST_WORDS = re.compile(
    r"\b(?:after\s+(?:the\s+)?(?:training|study|intervention|program\w*|\w+\s+weeks)|"
    r"at\s+the\s+end|post-?(?:training|test|intervention)?\b|final(?:ly)?|finished)\b",
    re.I,
)
LIFT_VERBS = {
    "squatted": "squat",
    "deadlifted": "deadlift",
    "benched": "bench press",
    "bench-pressed": "bench press",
    "leg-pressed": "leg press",
    "hip-thrusted": "hip thrust",
}
"""A lift in the past tense -> the exercise it names ('squatted': the squat)."""
_LIFT_BEFORE = re.compile(
    r"\b(?P<verb>" + "|".join(map(re.escape, LIFT_VERBS)) + r")"
    r"(?:\s+(?:about|around|roughly|approximately|~))?\s*$",
    re.I,
)
_LOAD_WORDS = re.compile(
    r"\b(?:at|with|using|lifting|load(?:ed|s)?|of\s+their|per\s+side|plates?|bar(?:bell)?\s+"
    r"weigh\w*)\s*$",
    re.I,
)

_SETS_AFTER = re.compile(
    r"^\s?(?:kg|kgs|kilograms?|lbs?\.?|pounds?)?\s*(?:(?:for|in)\s+(?:\w+\s+){0,2}?(?:sets?|reps?|"
    r"repetitions?)\b|[x\u00d7]\s?\d)",
    re.I,
)
"""'140 kg for 3 sets', '100 kg x 5': a load lifted in training, not a mean of a test."""

_YEARS_OLD = re.compile(r"^\s?(?:years?|yrs?\.?)(?:\s+old|\s+of\s+age)?\b", re.I)
_LOADS_LIFTED = re.compile(r"\b(?:training\s+)?loads?\b(?:[^.;]|\.\d)*$", re.I)
"""'Heavier loads could be lifted in the back squat (63.4 kg on average)': a training load."""

# -- p values ---------------------------------------------------------------------------------
_COMPARES = re.compile(
    r"\b(?:more\s+than|less\s+than|than\s+(?:the|in|for)|between(?:-|\s+)groups?|"
    r"between\s+the\s+(?:two\s+)?groups|compared\s+(?:with|to)|differ\w*|versus|vs\.?|"
    r"favou?r\w*|superior|inferior|outperform\w*|greater|larger|smaller|bigger)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:()]|\b(?:but|while|whereas)\b")
_ABBREVIATED_TEST = re.compile(r"\b([A-Z]{2,5})\s*(?=\d{1,2}[\s-]?RM\b)")
_ARM_AFTER = re.compile(
    r"^[\s-]*(?:training|group|groups|trained|program\w*|arm|condition)\b", re.I
)

# -- sessions in all --------------------------------------------------------------------------
_SESSIONS_AFTER = re.compile(
    r"^\s+(?:(?:twice|once|thrice|\w+[\s-]times)[\s-]+(?:a|per)[\s-]+week(?:ly)?[\s-]+|"
    r"(?:weekly|supervised|training|resistance|exercise|strength|workout)\s+){0,3}"
    r"(?:sessions|workouts)\b(?!\s*(?:per|a|each|every|/)\s*week)(?![\s-]+weekly)",
    re.I,
)
_TRAINING_SESSIONS = re.compile(
    r"\b(?:training|resistance|exercise|supervised|workouts?|week)\b", re.I
)
_NOT_TRAINING = re.compile(r"\b(?:test\w*|familiari[sz]\w*|pilot|practice)\b", re.I)
_SESSIONS_LEAD = re.compile(
    r"\b(?:after|a\s+total\s+of|total\s+of|in\s+all|completed|attended|over)\s+(?:just\s+|only\s+)?$",
    re.I,
)
_SESSIONS_NOT = re.compile(
    r"\b(?:first|last|final|next|previous|every|each|per|familiari[sz]ation|the\s+\w+\s+and)\s*$",
    re.I,
)

# -- protocol details the data does not hold ---------------------------------------------------
_OTHER: tuple[re.Pattern[str], ...] = (
    # training experience: '4.8 +/- 0.8 years of training', '2-6 months of training experience'
    re.compile(
        r"^\s?(?:years?|yrs?\.?|months?)\b(?:\s+(?:of|in))?\s+(?:\w+\s+){0,3}?"
        r"(?:experience|training|lifting|practice)\b",
        re.I,
    ),
    # a supplement's dose: 'a protein shake with 25 g of protein', '5 g of creatine a day'
    re.compile(
        r"^\s?(?:g|grams?|mg)\s+of\s+(?:whey\s+|casein\s+)?(?:protein|creatine|carbohydrates?|"
        r"carbs|caffeine|beta-alanine)\b",
        re.I,
    ),
    # visits: 'two pre-intervention visits'
    re.compile(
        r"^\s+(?:[\w-]+\s+){0,2}?(?:visits|testing\s+days|test\s+days|laboratory\s+visits)\b",
        re.I,
    ),
    # days between visits or tests: '~48 hours apart', 'Two days later', 'two non-consecutive days'
    # (not a weekly frequency: 'three different days per week')
    re.compile(
        r"^[\s-]?(?:h|hrs?|hours?|days?)\s+(?:apart|later|earlier)\b|"
        r"^\s+(?:non-?consecutive|separate|consecutive|different)\s+days\b"
        r"(?!\s+(?:per|a|each)\s+week)",
        re.I,
    ),
    # attendance: 'completed ≥ 70% of the sessions'
    re.compile(r"^\s+of\s+(?:the|all|their)?\s*(?:\w+\s+)?(?:sessions|workouts|training)\b", re.I),
    # dropouts: 'One participant withdrew', 'two subjects dropped out'
    re.compile(
        r"^\s+(?:[\w-]+\s+){0,2}?(?:participants?|subjects?|people|m[ae]n|wom[ae]n|players?|"
        r"athletes?|volunteers?)\s+(?:(?:later|also|eventually)\s+)?"
        r"(?:withdrew|dropped\s+out|did\s+not\s+(?:complete|finish)|were\s+excluded|"
        r"was\s+excluded|left\s+the\s+study|quit)\b",
        re.I,
    ),
    # a learning or familiarisation phase: 'a 2-week phase for learning the lifts'
    re.compile(
        r"^[\s-]?(?:weeks?|days?)[\s-]+(?:\w+\s+){0,1}(?:phase|period|block)\s+(?:\w+\s+){0,2}?"
        r"(?:learn\w*|familiari[sz]\w*|technique|practi[cs]\w*)\b|"
        r"^[\s-]?(?:weeks?|days?)[\s-]+(?:learning|familiari[sz]ation|run-in|lead-in|washout)\b",
        re.I,
    ),
)
_HAD_BEFORE = re.compile(r"\b(?:had|has|have)\s+$", re.I)
_STEPS_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:variations|levels|progressions|stages)\b", re.I
)
_STEPS_BEFORE = re.compile(r"\b(?:variations|levels|progressions|stages)\b", re.I)
"""A progression's steps: 'the design had 9 variations', 'harder variations ... had nine of them'
(not 'two variations of the squat', which names no protocol)."""
_HOURS_AFTER = re.compile(r"^\s?(?:h|hrs?|hours?)\b", re.I)
_ABSTAIN = re.compile(
    r"\b(?:fast\w*|abstain\w*|avoid\w*|refrain\w*|no\s+(?:food|caffeine|alcohol|exercise)|"
    r"without\s+(?:food|eating))\b",
    re.I,
)
_PRIOR_FREQUENCY = re.compile(
    r"^\s?(?:days?|sessions?|times?)\s*(?:per|a|/)\s*week\s+(?:over|for|during|in)\s+the\s+"
    r"(?:previous|past|prior|preceding|last)\b",
    re.I,
)
_PRIOR_SPAN = re.compile(
    r"\b(?:over|for|during|in)\s+the\s+(?:previous|past|prior|preceding|last)\s*$", re.I
)
_MONTHS_AFTER = re.compile(r"^\s?(?:months?|years?)\b", re.I)
_EXPERIENCE_BEFORE = re.compile(
    r"\b(?:experience|training\s+(?:history|age|background))\b[^;()]{0,100}$|"
    r"\bhad\s+been\s+(?:training|lifting|strength\s+training)\s+(?:regularly\s+)?for"
    r"(?:\s+(?:almost|about|nearly|over|around|roughly|more\s+than))?\s*$",
    re.I,
)
_BEFORE_THE_STUDY = re.compile(
    r"^\s?(?:months?|weeks?|days?)\s+(?:before|prior\s+to)\s+(?:the\s+)?(?:study|"
    r"intervention|experiment|trial|training\s+period)\b",
    re.I,
)
_MINIMUM = re.compile(r"\bat\s+least\s*$", re.I)


def _value(number: Number) -> str | None:
    """The number's value as a claim writes it, with the digits the article used ('166.0').

    So the claim's rounding is the article's; a word or a range's middle is a plain number.
    """
    if number.value is None:
        return None
    written = _DIGITS.search(number.text)
    if written is not None:
        digits = written.group(0).replace(",", "")
        if abs(float(digits) - abs(number.value)) < 1e-9:
            return ("-" if number.value < 0 else "") + digits
    if number.value == int(number.value):
        return str(int(number.value))
    return repr(number.value)


_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")


def read_facts(text: str, near: Near, study: Lookups, previous: str = "") -> list[Fact]:
    """The facts one sentence states (see the module docstring).

    `previous` is the end of the sentence before it in the passage, for what a pronoun refers to
    ('harder push-up variations. The design had nine of them').
    """
    found = numbers(text)
    facts: list[Fact] = []
    compares = bool(_COMPARES.search(text))
    for i, number in enumerate(found):
        start, end = number.column - 1, number.end - 1
        before = text[max(0, start - _WINDOW) : start]
        after = text[end : end + _WINDOW]
        fact = (
            _p_value(text, number, compares, near, study)
            or _training_history(number, before, after)  # before an age: 'at least 1 year'
            or _age_bound(number, before, after, near)
            or _approximate_population(text, number, before, after, near)
            or _age_in_parenthesis(text, number, before, after, near)
            or _population(text, number, before, after, near, study)
            or _group_population(text, number, before, after, near)
            or _age_range(number, before, after, near)
            or _decade(number, before, near)
            or _gain(text, number, before, after, near, study)
            or _baseline(text, found, i, before, after, near, study)
            or _sessions(number, before, after)
            or _times_in_all(number, before, after)
            or _baseline_difference(number, before, after, near)
            or _training_volume(text, number, before, after, near, previous[-_WINDOW:])
            or _protocol_count(number, before, after)
            or _session_length(number, before, after)
            or _exercise_count(number, before, after)
            or _knee_angle(number, before, after, near, study)
            or _body_weight_multiple(number, after)
            or _allocation_share(number, before, after)
            or _other(text, number, before, after, previous[-_WINDOW:])
        )
        if fact is not None:
            facts.append(fact)
            spread = _SPREAD.search(number.text)
            if fact.quantity in POPULATION and spread is not None:
                facts.append(
                    Fact(fact.start, f"{fact.quantity}_sd", spread.group(1), fact.group_id)
                )
    return facts


def _p_value(
    text: str,
    number: Number,
    compares: bool,
    near: Near,
    study: Lookups,
) -> Fact | None:
    if number.kind != "p_value" or not compares:
        return None
    floor, end = _clause_of(text, number.column - 1)
    if not _COMPARES.search(text, floor, end) and _WITHIN_CHANGE.search(text, floor, end):
        # "both groups improved their deadlift (P<0.001), but ...": a change within the groups;
        # a clause that only continues a comparison's list ("in gluteus MT (..., P=0.001)")
        # keeps the sentence's comparison
        return None
    relation = re.search(r"[<>=≤≥]|&lt;|&gt;", number.text)
    sign = relation.group(0) if relation else "="
    quantity = {"<": "p_below", "≤": "p_below", "&lt;": "p_below"}.get(
        sign, "p_above" if sign in (">", "≥", "&gt;") else "p_value"
    )
    start = number.column - 1
    test, measure = _tested_before(text, start, near, study)
    value = _value(number)
    if value is None:
        return None
    return Fact(start, quantity, value, None, test, measure)


def _clause_of(text: str, start: int) -> tuple[int, int]:
    """The clause a p value belongs to, as (start, end) offsets.

    From the last clause break before the p (or before its parenthesis), within a bounded window,
    to the p or its parenthesis.
    """
    paren = _parenthesis(text, start)
    end = paren if paren is not None else start
    floor = max(0, end - _PAREN_WINDOW)
    delimiters = [m.end() for m in _CLAUSE_END.finditer(text, floor, end)]
    return (delimiters[-1] if delimiters else floor), end


def _tested_before(
    text: str, start: int, near: Near, study: Lookups
) -> tuple[str | None, str | None]:
    """The test a p value is about: the last one named before it in its clause.

    An exercise that names an arm ('back squat training', 'the squat group') is not a test; an
    abbreviation of a group followed by a measure ('in BS 1RM') names its trained exercise.
    """
    floor, end = _clause_of(text, start)
    tests: list[tuple[int, str]] = []
    for s, e, exercise in Near.between(near.exercises, floor, end):
        if floor <= s < end and not _ARM_AFTER.match(text[e : e + 20]):
            tests.append((s, exercise))
    for match in _ABBREVIATED_TEST.finditer(text, floor, end):
        group = study.group([match.group(1).lower()])
        if group is not None and group in study.trained:
            tests.append((match.start(), study.trained[group]))
    if not tests:
        return None, None
    at, exercise = max(tests)
    measures = [(abs(s - at), m) for s, _, m in Near.between(near.measures, floor, end)]
    measure = min(measures)[1] if measures else study.only_measure(None, exercise)
    return exercise, measure


def _population(
    text: str,
    number: Number,
    before: str,
    after: str,
    near: Near,
    study: Lookups,
) -> Fact | None:
    if number.kind != "figure" or number.lo is None or number.value is None:
        return None
    spread = "±" in number.text or "+/-" in number.text
    if number.lo != number.hi and not spread:
        return None  # a range or a bound: not one figure
    if (_APPROX.search(before) and not rounded_age(before, after)) or number.text[:1] in "~≈<>≤≥":
        return None
    unit_text = number.text if _UNIT_IN_TEXT.search(number.text) else ""
    tail = after
    quantity = None
    if _YEARS.match(tail) or unit_text.lower().endswith("y") or unitless_age(number, before, after):
        quantity = "age"
    elif _CM.match(tail) or unit_text.lower().endswith("cm"):
        quantity = "body_height"
    elif _KG.match(tail) or unit_text.lower().endswith("kg"):
        quantity = "body_mass"
    if quantity is None:
        return None
    start = number.column - 1
    paren = _parenthesis(text, start)
    label = (
        (quantity == "age" and bool(_AGE_LABEL.search(before)))
        or (quantity == "body_height" and bool(_HEIGHT_LABEL.search(before)))
        or (quantity == "body_mass" and bool(_MASS_LABEL.search(before)))
        or (quantity == "age" and bool(re.match(r"^\s?(?:years?|yrs?)[\s-]+old\b", tail, re.I)))
    )
    if paren is not None:
        inside = text[paren + 1 : start]
        if not label and (_EXPERIENCE.search(inside) or _OTHER[0].match(tail)):
            return None
        closing = text.find(")", start, start + _PAREN_WINDOW)
        whole = text[paren + 1 : closing if closing >= 0 else start + _WINDOW]
        if not label and quantity != "age" and not _body_paren(whole):
            return None  # kg or cm in a parenthesis about lifts, not the people's body
        owner = text[max(0, paren - 60) : paren]
        group_match = _GROUP_BEFORE_PAREN.search(owner)
        if group_match is not None:
            words = (group_match.group("words") or group_match.group("abbr") or "").lower()
            group = study.group(words.split())
            if group is None:
                return None  # an unknown group: its facts are not the study's
            return Fact(start, quantity, _value(number) or "", group)
        if not (_PEOPLE_BEFORE_PAREN.search(owner) or label or _population_paren(inside)):
            return None
    elif not label:
        return None
    if not label and (_EXPERIENCE.search(before[-40:]) or _OTHER[0].match(tail)):
        return None  # years of training, not of age
    if near.groups:
        return None  # a group is named: a study-level reading could be that group's figure
    return Fact(start, quantity, _value(number) or "")


_BODY_LABEL = (
    r"(?:an?\s+)?(?:mean\s+|average\s+)?"
    r"(?:age|height|stature|body\s*mass|mass|weight|body\s*weight)\s+of"
)
_GROUP_HAD = re.compile(
    r"(?:['\u2019]s?\s+(?:participants|members|women|men|subjects))?\s*"
    r"(?:had|has|showed|presented)\s+"
    rf"(?:{_BODY_LABEL}\s+[^,;:()\[\]]{{1,40}}?,\s*(?:and\s+)?)*{_BODY_LABEL}\s*",
    re.I,
)
"""From a group to one of its labelled figures: 'had a mean age of', or after other labelled
figures, 'had a mean age of 26.4 years, a height of': labels and figures only, nothing else."""


def _group_population(
    text: str, number: Number, before: str, after: str, near: Near
) -> Fact | None:
    """A group's labelled mean, the group the subject of 'had'.

    'The back squat group had a mean age of 26.4+/-1.3 years, a height of 171.8+/-3.8 cm, a body
    mass of 69.5+/-4.9 kg'. The sentence names one group only, before the figure, as the
    subject of 'had' ('has', 'showed', 'presented'); each figure has its label right before it
    ('mean age of', 'height of', 'body mass of') and its unit after it. A figure in a
    parenthesis is read by the parenthesis rules; an approximate one is not read.
    """
    if number.kind != "figure" or number.lo is None or number.value is None or not near.groups:
        return None
    spread = "±" in number.text or "+/-" in number.text
    if (number.lo != number.hi and not spread) or _APPROX.search(before):
        return None
    if number.text[:1] in "~≈<>≤≥":
        return None
    unit = number.text.lower() if _UNIT_IN_TEXT.search(number.text) else ""
    if _YEARS.match(after) or unit.endswith("y"):
        label = _AGE_LABEL
    elif _CM.match(after) or unit.endswith("cm"):
        label = _HEIGHT_LABEL
    elif _KG.match(after) or unit.endswith("kg"):
        label = _MASS_LABEL
    else:
        return None
    quantity = {_AGE_LABEL: "age", _HEIGHT_LABEL: "body_height", _MASS_LABEL: "body_mass"}[label]
    start = number.column - 1
    if not label.search(before) or _parenthesis(text, start) is not None:
        return None
    if len({g for _, _, g in near.groups}) != 1:
        return None  # two groups named: which one's figure is not told
    named = Near.between(near.groups, start - _PAREN_WINDOW, start)
    if not named:
        return None
    _, end, group = named[-1]
    if end > start or not _GROUP_HAD.fullmatch(text, end, start):
        return None
    return Fact(start, quantity, _value(number) or "", group)


def _approximate_population(
    text: str, number: Number, before: str, after: str, near: Near
) -> Fact | None:
    """A labelled approximate mean of the people ('weighed about 84 kg on average').

    The range a tenth either side, as for an approximate baseline; only with its label right
    before the approximation ('weighed', 'aged', 'height of'), outside any parenthesis, and in
    a sentence that names no group (the figure could be that group's).
    """
    around = approximate(number, before)
    if around is None:
        return None
    plain = before
    if number.text[:1] not in "~≈":
        tail = before[-24:]
        marker = _AROUND.search(tail)
        assert marker is not None  # approximate() found it
        plain = before[: len(before) - len(tail) + marker.start()]
    unit = number.text.lower() if _UNIT_IN_TEXT.search(number.text) else ""
    if _YEARS.match(after) or unit.endswith("y"):
        quantity, label = "age", _AGE_LABEL
    elif _CM.match(after) or unit.endswith("cm"):
        quantity, label = "body_height", _HEIGHT_LABEL
    elif _KG.match(after) or unit.endswith("kg"):
        quantity, label = "body_mass", _MASS_LABEL
    else:
        return None
    start = number.column - 1
    if not label.search(plain) or _parenthesis(text, start) is not None or near.groups:
        return None
    if _EQUIPMENT.search(plain[-40:]):
        return None  # 'the bar weighed about 20 kg': not the people
    return Fact(start, quantity, around[0], value_to=around[1], number=number.value)


_AGE_IN_PAREN_AFTER = re.compile(r"^\s?(?:years?|yrs?\.?)\s+(?:old|of\s+age|on\s+average)\b", re.I)
_PAREN_LEAD = re.compile(
    r"^\s*(?:(?:around|about|roughly|approximately|approx\.?|circa|ca\.|close\s+to|aged|"
    r"age|mean|average|on\s+average)\s*:?\s*)?$",
    re.I,
)
_PEOPLE_NEAR_PAREN = re.compile(
    r"\b(?:participants|subjects|men|women|males|females|athletes|players|lifters|people|adults|"
    r"adolescents|volunteers|girls|boys|individuals|students)\b(?:\s*,?\s*[a-z-]+){0,2}\s*\($",
    re.I,
)


def _age_in_parenthesis(
    text: str, number: Number, before: str, after: str, near: Near
) -> Fact | None:
    """The people's age in a parenthesis right after them: '17 young men (around 20 years old)'.

    'men, young (21 years on average)': "years old", "of age" or "on average" after the number,
    nothing in the parenthesis before it but an approximation or an age label, and the people
    (with up to two words after them) right before the parenthesis. An approximate age is the
    range a tenth either side. Not in a sentence that names a group, nor right after the word
    group (it could be the group's).
    """
    if number.kind != "figure" or number.value is None or number.lo != number.hi or near.groups:
        return None
    if not _AGE_IN_PAREN_AFTER.match(after):
        return None
    start = number.column - 1
    paren = _parenthesis(text, start)
    if paren is None or not _PAREN_LEAD.match(text[paren + 1 : start]):
        return None
    if not _PEOPLE_NEAR_PAREN.search(text, max(0, paren - 40), paren + 1):
        return None
    if re.search(r"\bgroups?\b", text[max(0, paren - 60) : paren], re.I):
        return None  # a group's people, named or not: the age could be that group's
    around = approximate(number, before)
    if around is not None:
        return Fact(start, "age", around[0], value_to=around[1], number=number.value)
    return Fact(start, "age", _value(number) or "")


_EQUIPMENT = re.compile(
    r"\b(?:bar|barbell|plates?|dumbbells?|kettlebells?|vests?|sleds?|load(?:s|ed)?)\b", re.I
)


_AGE_RANGE_LABEL = re.compile(
    r"\b(?:participants|subjects|men|women|males|females|athletes|players|lifters|people|adults|"
    r"volunteers|students|individuals)(?:\s+who\s+[a-z]+(?:\s+[a-z]+){0,2})?(?:\s+(?:were|was))?"
    r"\s*[(:]?\s*(?:aged|ages?(?:\s+range)?)\s*(?::|of|=|from|around|about|roughly)?\s*$",
    re.I,
)
"""'24 women (aged 18-30)', 'participants aged 18-30', '(participants: aged 14-17', 'women who lift
regularly (aged around 26~27)': the people of the study, then their ages."""


def _age_label(before: str) -> bool:
    """Whether `_AGE_RANGE_LABEL` is found in `before` (a text without 'age' is not searched).

    Every match of the label holds 'age' in some case, so the answer is the search's own.
    """
    return "age" in before.lower() and _AGE_RANGE_LABEL.search(before) is not None


def _age_range(number: Number, before: str, after: str, near: Near) -> Fact | None:
    """The range of the participants' ages ('women (aged 18-30)'), a claim with both ends.

    The study's mean age lies between them. Only a range the words give to the participants is
    read (not a coach's or an author's); a group named before it could own the range, so it is
    not read as the study's.
    """
    if number.kind != "figure" or number.lo is None or number.hi is None:
        return None
    ends = _RANGE_TEXT.fullmatch(number.text) or _TO_RANGE_TEXT.fullmatch(number.text)
    if ends is None or not number.lo < number.hi or not _age_label(before):
        return None
    start = number.column - 1
    if bisect.bisect_left(near.groups, (start,)) > 0:
        return None  # a group named before: the range might be that group's
    if _OTHER[0].match(after):
        return None  # '2-6 years of training': experience, not age
    return Fact(start, "age", ends["a"], value_to=ends["b"], number=number.value)


_TO_RANGE_TEXT = re.compile(r"(?P<a>\d{1,3})\s+to\s+(?P<b>\d{1,3})")
"""An age range written with 'to' ('men aged 18 to 35'), as the number finder circles it."""

_THEIR = re.compile(r"\b(?:in|into)\s+their\s*$", re.I)


def _decade(number: Number, before: str, near: Near) -> Fact | None:
    """The participants' decade of age ('men in their early twenties'), an age claim.

    Its ends are the years the number finder gives the decade (early twenties: 20 to 25;
    twenties: 20 to 29.9). Only 'in their': 'his' or 'her' may be one person's (the author's,
    a coach's); a group named before it could own it.
    """
    if number.lo is None or number.hi is None or not DECADE.fullmatch(number.text):
        return None
    if not _THEIR.search(before[-20:]):
        return None
    start = number.column - 1
    if bisect.bisect_left(near.groups, (start,)) > 0 and not _sample_after_groups(
        near, start, before
    ):
        return None
    low, high = (f"{v:g}" for v in (number.lo, number.hi))
    return Fact(start, "age", low, value_to=high, number=number.value)


def _sample_after_groups(near: Near, start: int, before: str) -> bool:
    """Whether the whole sample is named between the last group and the number.

    'whether deep (DS) and shallow (SS) squatting ... of the 17 male participants in their early
    twenties': the participants, not a group, own the decade.
    """
    last_end = near.groups[bisect.bisect_left(near.groups, (start,)) - 1][1]
    gap = start - last_end  # the window holds only words after the group when it is farther
    between = before if gap >= len(before) else before[len(before) - gap :]
    return bool(_SAMPLE_WORDS.search(between))


_SAMPLE_WORDS = re.compile(
    r"\b(?:\d+|all|both\s+groups'?)\s+(?:[\w-]+\s+){0,2}?(?:participants|subjects|volunteers|"
    r"(?:wo)?men|(?:fe)?males|students|athletes|players|adults)\b",
    re.I,
)
"""The whole sample, counted: 'the 17 male participants', 'all subjects'."""


_PARTICIPANTS = re.compile(
    r"\b(?:includ\w*|inclusion|eligib\w*|recruit\w*|enrol\w*|participants|subjects|"
    r"volunteers|(?:wo)?men|(?:fe)?males|adults|athletes|players|students|aged|ages?)\b",
    re.I,
)
"""Words that make an age bound the participants' ('participants had to be > 18 years')."""


def _age_bound(number: Number, before: str, after: str, near: Near) -> Fact | None:
    """An age the participants are above or below ('> 18 years', 'aged over 18 years').

    An inclusion bound holds for every participant, so it holds for their mean age: an `age`
    claim open on one side. Only in words about the participants (not a coach's age), not
    years of training, and not where a group named before could own it.
    """
    if number.kind != "figure" or number.value is None:
        return None
    bound = stated_bound(number.text, before, after)
    if bound is None or not _YEARS.match(bound.after):
        return None
    if _OTHER[0].match(bound.after) or _EXPERIENCE.search(bound.before[-40:]):
        return None  # 'more than 2 years of training': experience, not age
    if not (_AGE_LABEL.search(bound.before) or _PARTICIPANTS.search(bound.before)):
        return None
    start = number.column - 1
    if bisect.bisect_left(near.groups, (start,)) > 0:
        return None
    return Fact(start, "age", _value(number) or "", bound=bound.relation)


def approximate(number: Number, before: str) -> tuple[str, str] | None:
    """An approximate figure ('~140 kg', 'around 188 pounds') as the range a tenth either side.

    126.0 to 154.0, 169.2 to 206.8: as the reader states an approximate percent. A bound
    ('over', 'nearly', 'more than') is not an approximation: None.
    """
    if number.value is None or number.kind != "figure":
        return None
    marked = number.text[:1] in "~≈"
    if not marked and (number.lo != number.hi or not _AROUND.search(before[-24:])):
        return None
    written = _DIGITS.search(number.text)
    if written is None or "-" in number.text[1:] or "\u2013" in number.text:
        return None
    digits = written.group(0).replace(",", "")
    places = len(digits.partition(".")[2]) + 1
    value = float(digits)
    low = round(value * 0.9, places)
    return f"{low:.{places}f}", f"{2 * value - low:.{places}f}"


_AROUND = re.compile(
    r"(?:\b(?:around|about|roughly|approximately|approx\.?|circa|ca\.|close\s+to)|[~≈])\s*$",
    re.I,
)


def _body_paren(whole: str) -> bool:
    """A parenthesis that describes the people: it states an age and names no lift or test."""
    return bool(re.search(r"\b(?:years|yrs?|y|age)\b", whole, re.I)) and not _LIFT_WORDS.search(
        whole
    )


_LIFT_WORDS = re.compile(
    r"\b(?:\d{1,2}\s?-?RM|1-?RM|RM|max\w*|squat\w*|press\w*|deadlift\w*|thrust\w*|lift\w*|"
    r"load\w*|strength|baseline|pre|post)\b",
    re.I,
)


def _population_paren(inside: str) -> bool:
    """A parenthesis that lists the people ('n = 12, 26.4 years, ...', 'age: 26.9 ...').

    Or that gives their mean alone: '(average 20.2 years)'.
    """
    return bool(
        re.search(r"\b[nN]\s?=|\bage\b|\byears\b|\byrs\b", inside)
        or re.fullmatch(r"\s*(?:mean|average|avg\.?|on\s+average)\s*:?\s*", inside, re.I)
    )


def _parenthesis(text: str, start: int) -> int | None:
    """Where the parenthesis holding the offset opens (looked for within a bounded window)."""
    floor = max(0, start - _PAREN_WINDOW)
    opened = text.rfind("(", floor, start)
    if opened < 0 or ")" in text[opened:start]:
        return None
    return opened


def _baseline(
    text: str,
    found: list[Number],
    i: int,
    before: str,
    after: str,
    near: Near,
    study: Lookups,
) -> Fact | None:
    number = found[i]
    around = approximate(number, before)
    if number.kind != "figure" or number.value is None or (number.lo != number.hi and not around):
        return None
    if number.text[:1] in "<>≤≥+\u2212-" or (_APPROX.search(before) and not around):
        return None
    pounds = bool(_LB.match(after)) or bool(re.search(r"(?:lbs?\.?|pounds)$", number.text, re.I))
    kilos = bool(_KG.match(after)) or number.text.lower().endswith("kg")
    if not (pounds or kilos):
        return None
    start = number.column - 1
    phase = None
    if i + 1 < len(found) and _FROM_BEFORE.search(before[-12:]):
        following = found[i + 1]
        if _UNIT_TO.fullmatch(text[number.end - 1 : following.column - 1]):
            phase = "pre"  # 'from 185 pounds to 237 pounds'
    if phase is None and i > 0:
        previous = found[i - 1]
        opening = text[max(0, previous.column - 13) : previous.column - 1]
        if _UNIT_TO.fullmatch(text[previous.end - 1 : start]) and _FROM_BEFORE.search(opening):
            phase = "post"
    lifted = _LIFT_BEFORE.search(before)
    if _SETS_AFTER.match(after):
        return None  # '~140 kg for 3 sets': a training load
    if phase is None and (_GAIN_BEFORE.search(before) or _GAIN_AFTER.match(after[:30])):
        return None  # 'raised 1RM by 14 kg', 'a gain of 9 kg', 'a 9 kg increase': a change
    if phase is None:
        if _LOAD_WORDS.search(before) or _LOADS_LIFTED.search(text, max(0, start - 120), start):
            return None
        clause = text[max(0, start - _WINDOW) : min(len(text), number.end + _WINDOW)]
        if _POST_WORDS.search(clause):
            phase = "post" if not _PRE_WORDS.search(clause) else None
        elif _PRE_WORDS.search(clause) and (lifted or _named_lift(near, start)):
            phase = "pre"
    if phase is None:
        return None
    exercise = _lift_of(near, start, lifted.group("verb") if lifted else None, study)
    if exercise is None:
        return None
    group = _group_before(near, start)
    measure = next((m for _, _, m in Near.between(near.measures, start - _WINDOW + 1, start)), None)
    measure = measure or study.only_measure(group, exercise)
    quantity = f"{phase}_mean" + ("_lb" if pounds else "")
    if around is not None:
        return Fact(start, quantity, around[0], group, exercise, measure, around[1], number.value)
    return Fact(start, quantity, _value(number) or "", group, exercise, measure)


_GAIN_BEFORE = re.compile(
    r"(?:\b(?:gained|gaining|added|adding|put\s+on|gains?\s+of|(?:increase|improvement|rise)s?"
    r"\s+of)|(?P<by>\bby))\s+(?:an?\s+)?(?:average\s+of\s+|mean\s+of\s+)?$",
    re.I,
)
_GAIN_AFTER = re.compile(
    r"^[\s-]?(?:kg|kgs|kilograms?|lbs?\.?|pounds?)?[\s-]*(?:increase|gain|improvement|rise)s?\b",
    re.I,
)
"""After a weight: a change it names ('a 9 kg increase', 'a 20-pound gain')."""
_A_BEFORE = re.compile(r"\ban?\s+(?:average\s+|mean\s+)?$", re.I)
_WITHIN_CHANGE = re.compile(
    r"\b(?:increas\w*|improv\w*|rais\w*|rose|went\s+up|gain\w*|grew|boost\w*|climb\w*)\b", re.I
)
_BETWEEN = re.compile(r"\b(?:than|differ\w*|between|versus|vs\.?|compared)\b", re.I)
_NOT_A_GAIN_AFTER = re.compile(
    r"^\s?(?:kg|kgs|kilograms?|lbs?\.?|pounds?)?\s*(?:to\s+the\s+bar|per\s+(?:week|session|set)|"
    r"(?:each|every|a)\s+(?:week|session|set)|more|less|than)\b",
    re.I,
)
_EVERY_GROUP_BEFORE = re.compile(r"\b(?:both|each|all|every)\s+(?:of\s+the\s+)?groups?\b", re.I)


def _gain(
    text: str, number: Number, before: str, after: str, near: Near, study: Lookups
) -> Fact | None:
    """A group's gain in kg or pounds: 'the squat group gained 14 kg on the squat'.

    A difference between groups ('by 10 kg more than'), a load progression ('added 2.5 kg to
    the bar each week') and a range are not read. An approximate gain is the range a tenth
    either side; a bound ('by 50-plus pounds', 'more than 20 kg') is open on one side
    (carryover.claims.bounds). A headline's 'put 50 pounds on your squat' is a gain too. With no
    group named, the group that trained the exercise the gain is credited to ('by adding hip
    thrusts', 'with the hip thrust') is the one; that exercise is not the test.
    """
    bound = stated_bound(number.text, before, after) if number.kind == "figure" else None
    if bound is not None:
        before, after = bound.before, bound.after
    around = None if bound else approximate(number, before)
    if number.kind != "figure" or number.value is None:
        return None
    if number.lo != number.hi and not (around or bound):
        return None
    if (number.text[:1] in "<>≤≥" and not bound) or (_APPROX.search(before) and not around):
        return None
    pounds = bool(_LB.match(after)) or bool(re.search(r"(?:lbs?\.?|pounds)$", number.text, re.I))
    kilos = bool(_KG.match(after)) or number.text.lower().endswith("kg")
    if not (pounds or kilos):
        return None
    start = number.column - 1
    gain = _GAIN_BEFORE.search(before)
    if gain is None and _PUT_BEFORE.search(before) and _ONTO_LIFT_AFTER.match(after):
        gain = _PUT_BEFORE.search(before)  # 'put 50 pounds on your back squat'
    if gain is None and _GAIN_AFTER.match(after[:30]) and _A_BEFORE.search(before[-20:]):
        gain = _A_BEFORE.search(before[-20:])  # 'high reps gave only a 9 kg increase'
    if gain is None and not number.text.startswith("+"):
        return None
    clause = before[-_WINDOW:] + " " + after[:40]  # a bound's own 'more than' is no comparison
    if _BETWEEN.search(clause) or _NOT_A_GAIN_AFTER.match(after) or _EACH_TIME.search(after[:40]):
        return None
    by = gain is not None and "by" in gain.groupdict() and gain.group("by")
    if by and not _WITHIN_CHANGE.search(before):
        return None
    every = [m.end() for m in _EVERY_GROUP_BEFORE.finditer(before)]
    if every and not _group_between(near, start - len(before) + every[-1], start):
        return None  # one figure for every group: left to the reader of group sizes and changes
    nearby = Near.between(near.exercises, start - _WINDOW, number.end + _WINDOW)
    credited = means(text, Near.between(near.exercises, start - 2 * _WINDOW, number.end + _WINDOW))
    group = _named_group_before(near, start) or _trained_by(credited, study)
    group = group or near.current_group
    tests = [
        (s, e)
        for s, end, e in nearby
        if ((0 < start - s < _WINDOW and not _ARM_AFTER.match(text[end : end + 20]))
            or (0 <= s - number.end < 30))
        and (s, end, e) not in credited
    ]  # fmt: skip
    if not tests and near.heading_test is not None and all(m in credited for m in nearby):
        tests = [(start, near.heading_test)]  # no test near it: the section heading's lift
    if group is None or not tests:
        return None
    exercise = tests[-1][1] if tests[-1][0] < start else tests[0][1]
    nearby = Near.between(near.measures, start - _WINDOW + 1, start + _WINDOW)
    measure = nearby[0][2] if nearby else None
    measure = measure or study.only_measure(group, exercise)
    if measure is None:
        return None
    quantity = "change_abs_lb" if pounds else "change_abs"
    if around is not None:
        return Fact(start, quantity, around[0], group, exercise, measure, around[1], number.value)
    value = (_value(number) or "").lstrip("+")
    relation = bound.relation if bound else None
    return Fact(start, quantity, value, group, exercise, measure, bound=relation)


_PUT_BEFORE = re.compile(r"\b(?:put|puts|putting)\s+(?:an?\s+)?(?:extra\s+)?$", re.I)
_ONTO_LIFT_AFTER = re.compile(
    r"^\s?(?:kg|kgs|kilograms?|lbs?\.?|pounds?)?\s+(?:on(?:to)?|to)\s+(?:your|their|the|his|her)\s",
    re.I,
)
_EACH_TIME = re.compile(r"\b(?:each|every|per|a)\s+(?:week|session|workout|set)\b", re.I)
"""'added 5 pounds to their squat each week': a load progression, not a gain."""


def _group_between(near: Near, lo: int, hi: int) -> bool:
    """Whether a group is named between lo and hi ('rose in both groups; ... low reps raised')."""
    return any(lo <= s < hi for s, _, _ in near.groups)


def _named_group_before(near: Near, start: int) -> str | None:
    last = bisect.bisect_left(near.groups, (start,))
    return near.groups[last - 1][2] if last else None


def _trained_by(credited: list[Mention], study: Lookups) -> str | None:
    """The one group that trained the exercise a change is credited to ('by adding X')."""
    groups = {g for _, _, x in credited for g, e in study.trained.items() if e == x}
    return next(iter(groups)) if len(groups) == 1 else None


def _named_lift(near: Near, start: int) -> bool:
    return bool(Near.between(near.exercises, start - _WINDOW + 1, start))


def _lift_of(near: Near, start: int, verb: str | None, study: Lookups) -> str | None:
    """The exercise of a lifted figure: named just before it ('squat from 185 pounds')."""
    if verb is not None:
        return study.exercise(LIFT_VERBS[verb.lower()])
    named = [(s, e) for s, _, e in Near.between(near.exercises, start - _WINDOW + 1, start)]
    return named[-1][1] if named else None


def _group_before(near: Near, start: int) -> str | None:
    last = bisect.bisect_left(near.groups, (start,))
    return near.groups[last - 1][2] if last else near.current_group


def _sessions(number: Number, before: str, after: str) -> Fact | None:
    if number.value is None or number.lo is None or number.hi is None:
        return None
    if number.kind not in ("figure", "word"):
        return None
    ranged = number.lo != number.hi
    if ranged and not _RANGE_TEXT.fullmatch(number.text):
        return None  # an approximation or a bound of sessions is not read
    if any(v != int(v) for v in (number.lo, number.hi)) or number.lo < 2:
        return None
    match = _SESSIONS_AFTER.match(after)
    if match is None or _SESSIONS_NOT.search(before):
        return None
    lead = _SESSIONS_LEAD.search(before) or _SESSIONS_PAREN.search(before)
    if not (_TRAINING_SESSIONS.search(match.group(0)) or lead):
        return None  # testing or familiarisation sessions are not the programme's
    if _NOT_TRAINING.search(match.group(0)):
        return None
    if ranged:  # '(15-17 sessions)': both ends
        ends = _RANGE_TEXT.fullmatch(number.text)
        assert ends is not None  # checked above
        return Fact(
            number.column - 1, "sessions_total", ends["a"], value_to=ends["b"], number=number.value
        )
    return Fact(number.column - 1, "sessions_total", _value(number) or "")


_RANGE_TEXT = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)\s?[-\u2212\u2013\u2014~\u301c\uff5e]\s?(?P<b>\d+(?:\.\d+)?)"
)
"""A range as the number finder circles it, without a unit: '15-17', '18\u201330', '15 \u301c 17'
(a tilde or wave dash between two numbers is a range, as Japanese and Chinese writing has it)."""
_TIMES_IN_ALL = re.compile(r"^\s+times\s+(?:in\s+(?:total|all)|altogether)\b", re.I)
_TRAINED_BEFORE = re.compile(
    r"\b(?:trained|worked\s+out|exercised|lifted)\s+(?:(?:just|only|about)\s+)?$", re.I
)


def _times_in_all(number: Number, before: str, after: str) -> Fact | None:
    """Sessions in all told as times trained: 'trained 15 \u301c 17 times in total over 9 weeks'.

    The count must follow a verb of training and come before 'times in total' (or 'in all',
    'altogether'); 'tested three times in total' or 'trained three times a week' is not it.
    """
    if number.kind != "figure" or number.lo is None or number.hi is None:
        return None
    if not (_TIMES_IN_ALL.match(after) and _TRAINED_BEFORE.search(before)):
        return None
    if any(v != int(v) for v in (number.lo, number.hi)) or number.lo < 2:
        return None
    ends = _RANGE_TEXT.fullmatch(number.text)
    if ends is not None:
        return Fact(
            number.column - 1, "sessions_total", ends["a"], value_to=ends["b"], number=number.value
        )
    if number.lo != number.hi:
        return None  # an approximation or a bound of sessions is not read
    return Fact(number.column - 1, "sessions_total", _value(number) or "")


_SESSIONS_PAREN = re.compile(
    r"\b(?:weeks?|training|program(?:me)?s?|intervention)\b[^().;]{0,40}\(\s*$", re.I
)
"""'nine weeks under supervision (15-17 sessions)': the sessions of the training just named."""


_HIGHER_AFTER = re.compile(
    r"^\s*(?:higher|lower|greater|stronger|weaker|heavier|lighter|larger|smaller|more|less)\b",
    re.I,
)
_AT_BASELINE = re.compile(
    r"\b(?:at\s+baseline|baseline|at\s+the\s+(?:start|outset|beginning)|before\s+(?:the\s+)?"
    r"(?:training|study|intervention)|initially|pre-?training)\b",
    re.I,
)


def _baseline_difference(number: Number, before: str, after: str, near: Near) -> Fact | None:
    """How much one group was ahead at the start ('at baseline ... 1RM was 23% higher').

    A between-group difference before any training: a study fact the data holds no figure for
    (contrasts are differences in the changes), so an `other` claim that cannot be checked.
    """
    if number.kind != "figure" or number.value is None or not number.text.endswith("%"):
        return None
    if not _HIGHER_AFTER.match(after) or not _AT_BASELINE.search(before):
        return None
    start = number.column - 1
    return Fact(start, "other", _value(number) or "", _named_group_before(near, start))


_WEEKLY_SETS_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?sets\b(?:\s+(?:of|for|on)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    r"\s+(?:a|per|each|every)\s+week\b|^\s+(?:weekly|[\w-]+\s+weekly)\s+sets\b",
    re.I,
)
"""'19.1 ± 4.1 sets of squats a week', '12 weekly sets': a weekly training volume."""
_DID_BEFORE = re.compile(
    r"\b(?:did|performed|completed|averaged)\s+(?:an?\s+average\s+of\s+)?$", re.I
)
_SENTENCE_END = re.compile(r"^\s*(?:[.;)]|$)")
_VOLUME_RAISED = re.compile(
    r"\b(?:volume|sets)\b[^.;]{0,80}?\b(?:raised|increased|reduced|cut)\s+by\s+"
    r"(?:a\s+further\s+|another\s+)?$",
    re.I,
)
_IT_RAISED = re.compile(
    r"^\s*(?:it|this)\s+was\s+(?:then\s+|later\s+|again\s+)?(?:raised|increased|reduced|cut)"
    r"\s+by\s+(?:a\s+further\s+|another\s+)?$",
    re.I,
)
_VOLUME = re.compile(r"\b(?:training\s+)?volume\b", re.I)


def _training_volume(
    text: str, number: Number, before: str, after: str, near: Near, previous: str
) -> Fact | None:
    """A training volume the data does not hold: a protocol detail (`other`).

    Weekly sets are a figure of the study only as the mean the groups did ('on average',
    '19.1 ± 4.1'); a plan's count ('a total volume of 6 sets a week') is the programme's scheme.

    'the front squat group did 19.1 ± 4.1 sets of squats a week, and the back squat group did
    21.9 ± 5.4' (the second figure's unit left to the first: the sentence states weekly sets,
    and the figure follows the same verb), 'the volume was ... raised by 20%', 'It was then
    raised by a further 20%' after a sentence about the volume. A group named before it owns it.
    """
    if number.value is None or number.kind != "figure":
        return None
    start = number.column - 1
    measured = _SPREAD.search(number.text) or _ON_AVERAGE.search(before)
    weekly = bool(measured and _WEEKLY_SETS_AFTER.match(after))
    if not weekly and measured and _DID_BEFORE.search(before) and _SENTENCE_END.match(after):
        weekly = bool(_DID_WEEKLY.search(text, max(0, start - 2 * _WINDOW), start))
    if weekly:
        return Fact(start, "other", _value(number) or "", _group_before(near, start))
    if number.text.endswith("%") and (
        _VOLUME_RAISED.search(before) or (_IT_RAISED.search(before) and _VOLUME.search(previous))
    ):
        return Fact(start, "other", _value(number) or "")
    return None


_ON_AVERAGE = re.compile(r"\b(?:on\s+average|averaged|mean|average\s+of)\b", re.I)
_DID_WEEKLY = re.compile(
    r"\b(?:did|performed|completed|averaged)\s+\d+(?:\.\d+)?(?:\s?(?:±|\+/-)\s?\d+(?:\.\d+)?)?"
    r"\s+(?:[\w-]+\s+){0,2}?sets\b[^.;]{0,40}?\b(?:a|per|each|every)\s+week\b",
    re.I,
)
"""Weekly sets stated earlier in the sentence after the same kind of verb."""


_TESTED_BEFORE = re.compile(
    r"\b(?:test(?:ed)?|measured|checked|assessed|evaluated|re-?tested)\b[^.;:,()]{0,60}$", re.I
)
_TIMES_AFTER = re.compile(
    r"^\s+times\b(?!\s+(?:a|an|per|each|every|the|their|his|her|as|more|less|larger|greater|"
    r"higher|bigger|smaller|over|weekly|daily)\b)",
    re.I,
)
"""'3 times in total', '3 times before and after': how often, not a frequency ('3 times a
week') nor a multiple ('3 times the load', '2 times as often')."""
_TRAINED_PEOPLE_PAREN = re.compile(
    r"\b(?:trained|experienced|resistance[\s-]trained|strength[\s-]trained)\s+"
    r"(?:[\w-]+\s+)?(?:participants|subjects|m[ae]n|wom[ae]n|athletes|lifters|people|volunteers)"
    r"\s*\(\s*$",
    re.I,
)
_YEARS_CLOSE = re.compile(r"^\s?(?:years?|yrs?\.?|months?)\s*(?:of\s+training\s*)?\)", re.I)


def _session_length(number: Number, before: str, after: str) -> Fact | None:
    """How long a session lasted ('trained for only 13 minutes'): see carryover.claims.sessions."""
    minutes = session_minutes(number, before, after) or session_length_ratio(number, before, after)
    return Fact(number.column - 1, "other", minutes) if minutes is not None else None


def _exercise_count(number: Number, before: str, after: str) -> Fact | None:
    """How many exercises the programme had ('did the same seven exercises'): see sessions."""
    count = exercise_count(number, before, after)
    return Fact(number.column - 1, "other", count) if count is not None else None


def _knee_angle(number: Number, before: str, after: str, near: Near, study: Lookups) -> Fact | None:
    """A group's squat depth ('Full squat group: ... knee angle reaches 140 degrees').

    See carryover.claims.depths; a group must be named before the angle in the sentence, or
    the exercise only one group trained right before it ('with a full squat (140 degrees').
    """
    start = number.column - 1
    group = _depth_group(number, before, after, study)
    if group is None:
        lift = Near.between(near.exercises, start - _WINDOW + 1, start)[-1:]
        group = _named_group_before(near, start) or _trained_by(lift, study)
        group = group or _the_other_group(start, before, near, study)
        if group is None or not knee_angle(number, before, after):
            return None
    if number.lo != number.hi:  # '0-120°': the range of motion as written, from 0 to the depth
        depth = f"{depth_of(number):g}"
        return Fact(start, "other", "0", group, value_to=depth, number=number.value)
    return Fact(start, "other", _value(number) or "", group)


_THE_OTHER = re.compile(r"\bthe\s+other\b(?:\s+(?:group|one|arm))?[^.;()]{0,60}(?:\(\s*)?$", re.I)
"""'one group trained with a full squat (140 degrees ...), the other with a parallel squat ('."""


def _the_other_group(start: int, before: str, near: Near, study: Lookups) -> str | None:
    """The second of a two-arm study's groups, after 'the other' ('one group ..., the other ...').

    The sentence must name exactly one of the two groups before 'the other' (as a group or by the
    exercise only it trained), and nothing between 'the other' and the figure may name a group.
    """
    tail = before[-_WINDOW:]
    other = _THE_OTHER.search(tail)
    if other is None or len(study.trained) != 2:
        return None
    at = start - len(tail) + other.start()
    named = {g for _, _, g in Near.between(near.groups, 0, at)}
    named |= {
        g for lift in Near.between(near.exercises, 0, at) if (g := _trained_by([lift], study))
    }
    if len(named) != 1 or Near.between(near.groups, at, start):
        return None
    between = {
        g for lift in Near.between(near.exercises, at, start) if (g := _trained_by([lift], study))
    }
    rest = [g for g in study.trained if g not in named]
    if len(rest) != 1 or between - set(rest):
        return None
    return rest[0]


def _depth_group(number: Number, before: str, after: str, study: Lookups) -> str | None:
    """The group a squat depth is told of by its own words (see carryover.claims.depths).

    'shallow (0-60°)': the group that trained the shallow squat; '120° against 60° of knee
    flexion': the larger angle is the group that trained the deeper squat. None when the study
    has no such group (a depth study needs one deep and one shallow squat group).
    """
    squat = depth_word(number, before, after)
    if squat is not None:
        return study.group(squat.split())
    partner = pair_partner(number, before, after)
    depth = depth_of(number)
    if partner is None or depth is None or partner == depth:
        return None
    deep = next((g for p in DEEP_SQUATS if (g := study.group(p.split()))), None)
    shallow = next((g for p in SHALLOW_SQUATS if (g := study.group(p.split()))), None)
    if deep is None or shallow is None or deep == shallow:
        return None
    return deep if depth > partner else shallow


def _protocol_count(number: Number, before: str, after: str) -> Fact | None:
    """Protocol details the data does not hold (`other`), told by the words around them.

    - how many times the people were tested: 'checked strength and muscle mass 3 times in
      total', 'measured three times' (not 'tested 3 times a week', nor 'trained 16 times');
    - their training experience in a parenthesis right after trained people: 'trained women
      (>3 years)', 'experienced lifters (2 years)' (an age is written after the people, not
      after 'trained': 'women (>18 years)' is not read here).
    """
    if number.value is None or number.kind not in ("figure", "word"):
        return None
    start = number.column - 1
    if (
        _TIMES_AFTER.match(after)
        and number.lo == number.hi
        and 2 <= number.value <= 10
        and _TESTED_BEFORE.search(before)
    ):
        return Fact(start, "other", _value(number) or "")
    if _YEARS_CLOSE.match(after) and _TRAINED_PEOPLE_PAREN.search(before):
        bound = stated_bound(number.text, before, after)
        relation = bound.relation if bound is not None else None
        return Fact(start, "other", _value(number) or "", bound=relation)
    return None


def _training_history(number: Number, before: str, after: str) -> Fact | None:
    """How long the people had, or had not, trained before the study: see histories."""
    history = training_history(number, before, after)
    if history is None:
        return None
    return Fact(number.column - 1, "other", history[0], bound=history[1])


def _allocation_share(number: Number, before: str, after: str) -> Fact | None:
    """The half of the sample an arm took ('Half of the men trained ...'): see shares."""
    share = allocation_share(number, before, after)
    return Fact(number.column - 1, "other", share) if share is not None else None


def _body_weight_multiple(number: Number, after: str) -> Fact | None:
    """Strength as a multiple of body weight ('~1.5x body weight'): `other` (see multiples)."""
    if not body_weight_multiple(number, after):
        return None
    return Fact(number.column - 1, "other", _value(number) or "")


_ENDS_IN_WORD = re.compile(rf"(?<![\w])(?:{NUMBER_WORD})(?:-plus)?$", re.I)
"""A number's text that ends in a number word ('twenty-four', 'one to four-plus'), not a unit."""


def _other(text: str, number: Number, before: str, after: str, previous: str = "") -> Fact | None:
    if number.value is None or number.kind not in ("figure", "word"):
        return None
    if number.text[:1] in "<>≤≥" and _YEARS_OLD.match(after):
        return None  # "> 18 years": an age bound for inclusion, not one figure
    start = number.column - 1
    value = _value(number) or ""
    unit_after = after
    if (
        number.text[-1:].isalpha()
        and not number.text.isalpha()
        and not _ENDS_IN_WORD.search(number.text)
    ):
        # the unit is part of the number's text ('24 h'): read the words after it as if after
        # (not a number word's own letters: 'twenty-four', 'one to four-plus')
        unit_after = " " + number.text.split()[-1].lstrip("0123456789.") + after
    if sessions_apart(before, unit_after):
        return None  # 'sessions at least 48 hours apart': the rest between sessions (rests)
    hit = any(p.match(unit_after) for p in _OTHER)
    if not hit and _HOURS_AFTER.match(unit_after):
        clause = text[max(0, start - _WINDOW) : min(len(text), number.end + 30)]
        hit = bool(_ABSTAIN.search(clause)) or bool(
            re.match(
                r"^\s?(?:h|hrs?|hours?)\s+before\s+(?:testing|each\s+test|the\s+test)",
                unit_after,
                re.I,
            )
        )
    if not hit and _PRIOR_FREQUENCY.match(unit_after):
        hit = True
    if not hit and _HAD_BEFORE.search(before[-20:]) and _STEPS_AFTER.match(unit_after):
        hit = True  # "the design had 9 variations", "had nine of them" (after "variations")
    if not hit and _HAD_BEFORE.search(before[-20:]) and re.match(r"^\s+of\s+them\b", unit_after):
        hit = bool(_STEPS_BEFORE.search(previous + " " + before))
    if (
        not hit
        and _MONTHS_AFTER.match(unit_after)
        and _EXPERIENCE_BEFORE.search(text, max(0, start - 2 * _WINDOW), start)
    ):
        hit = True  # 'training experience was 4.8 +/- 0.8 years'
    if not hit and _BEFORE_THE_STUDY.match(unit_after):
        hit = True  # 'one month before the study began'

    if not hit and _MONTHS_AFTER.match(unit_after) and _PRIOR_SPAN.search(before):
        hit = True
    if not hit and _MINIMUM.search(before) and _MONTHS_AFTER.match(unit_after):
        hit = bool(_EXPERIENCE.search(before[-60:] + unit_after[:60]))
    return Fact(start, "other", value) if hit else None

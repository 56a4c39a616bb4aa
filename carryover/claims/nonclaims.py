"""Numbers that the words around them prove are no study figure, beyond the simple cues.

The number accounting (carryover.claims.accounting) sets a number aside by the word right before
or after it ("4 sets", "Figure 3"). These rules read a little further, always inside a bounded
window around the number (so a line of any length is read in linear time), and each answers only
when the words show the number is not a figure of a study in the data:

- a count of the things compared ("the two groups", "two popular squats", "all three areas",
  "set the two side by side"): `other`;
- an angle that names a machine ("45° leg press"), a suspended hyphen in a test's name ("10- and
  20-m sprint"), a day's label ("on day one"), a rank ("Difference #1"): `other` or
  `heading_number`/`list_number`;
- a reference's volume and pages ("Journal of Sports Science, 5, 178-184.", "... 5 (2017)
  178-184"): `citation_volume_issue_pages`;
- a plan's and a page's own numbers (`plan_reason`): reps after "sets x" ("2 x 6-8"), a rest after
  the word rest, a range of reps after the word reps, a section heading ("2-1 When"), a span of
  years ("from 2015 to 2017"), the reader's own supposed figures ("for example, if your HT 1RM is
  100 kg"): `other_study_general`, "the two" compared ("which of the two is best"): `other`, a
  measure or load defined by repetitions ("a weight you can lift 1 time"): `other` or
  `set_rep_scheme`;
- a training load: a share of a maximum ("60% of that maximum", "maximum (100%)"), of body weight
  in a sentence about an exercise's load ("a push-up amounted to 65% of body weight"), a load's
  progression ("the load went up ~10 % from week to week", "the load went up by 5kg at the next
  session"), a group named by its load ("the 40%
  group"), the weight lifted in training ("heavier loads ... (63.4 kg on average)"):
  `training_load`;
- one hypothetical lifter ("a 200-pound athlete would need ...", "twice his body weight"):
  `other_study_general`;
- how much a researcher has published ("has published over 60 articles on resistance
  training"): `other`;
- page furniture read line by line: a vote widget ("53 Pro"), a bare count alone on its line
  between a label and a new sentence, and the line numbers of a copied paper (consecutive bare
  integers far apart in running text): `rating_or_votes`, `line_number`.

A number these rules do not explain stays with the accounting: in a passage about a study it is
unread, so that a figure the reader cannot interpret is never silently set aside.

Pure: a line (or the article's lines) and a number in, a reason or None out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carryover.claims.linking import PEOPLE
from carryover.claims.loads import MAXIMUM_WORDS
from carryover.claims.numbers import Number
from carryover.claims.rests import sessions_apart

WINDOW = 200
"""How far (characters) the rules look before and after a number."""

_COUNT_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
_COMPARED = (
    r"(?:sub)?groups|exercises|movements|lifts|variations|variants|versions|options|programmes"
    r"|programs|protocols|conditions|methods|approaches|modalities|interventions|studies|papers"
    r"|trials|experiments|squats|areas|styles|types|kinds|techniques|alternatives|outcomes"
    r"|routines|regimens|regimes|depths|ranges|ways"
)
_NOT_BETWEEN = (
    r"(?!(?:of|from|in|per|a|an|each|who|which|were|was|and|or|than|to|with|had|did|for|by|"
    r"more|less|fewer|times|weeks?|days?|sessions?|sets?|reps?|" + PEOPLE + r")\b)"
)
_COUNT_OF_COMPARED = re.compile(
    rf"^[\s-]+(?:{_NOT_BETWEEN}[\w'\u2019-]+\s+){{0,3}}?(?:{_COMPARED})\b", re.I
)
"""'two groups', 'two popular squats', 'two resistance training programmes', 'three depths', 'two
ranges of motion', 'two ways'; not 'two of the 12'."""
_PRONOUN_BEFORE = re.compile(r"\b(?:the|these|those|all)\s+$", re.I)
_PRONOUN_AFTER = re.compile(
    r"^\s*(?:[.,;:!?)]|side[\s-]+by[\s-]+side\b|head[\s-]+to[\s-]+head\b|against\s+each\s+other\b"
    r"|against\s+one\s+another\b|together\b|at\s+all\b|directly\b)",
    re.I,
)
"""'set the two side by side', 'compare the two at all', 'of the two, ...'."""
_MACHINE = re.compile(
    r"^[\s-]*(?:degrees?\b[\s-]*)?(?:(?:incline[ds]?|decline[ds]?|angled|seated|machine)[\s-]+)?"
    r"(?:leg[\s-]+press|hack[\s-]+squat|sled|incline|decline|bench|back[\s-]+extension"
    r"|hyperextension)",
    re.I,
)
_SUSPENDED = re.compile(
    r"^-(?:\s*,\s*\d+(?:\.\d+)?-)*,?\s*(?:and|or|&|to)\s+\d+(?:\.\d+)?[\s-]?"
    r"(?:m|metres?|meters?|yards?|yd|km|ft|feet|foot)\b",
    re.I,
)
"""'10- and 20-m sprint': the first number is part of the test's name, like the second."""
_DAY_LABEL = re.compile(
    r"(?:^|[.:;!?]\s+|\b(?:on|from|by|until|after|before|during|at|in)\s+(?:the\s+)?)"
    r"(?:day|visit)\s+$",
    re.I,
)
"""'On day one', 'after visit 2': the label of a day of the programme; not 'day 1 to 3'."""
_RANK_BEFORE = re.compile(r"(?:#|\bNo\.)\s*$")
_HEADING = re.compile(r"^\s*#{1,6}\s")
_REFERENCE_CUE = re.compile(
    r"\(\d{4}[a-z]?\)|\bet\s+al\b|\bJournal\b|\bJ\s+[A-Z]|\bvol\.|\bpp\.|\bRev\b|\bRes\b", re.I
)
_VOLUME_THEN_PAGES = re.compile(
    r"^\s*(?:\(\s*\d{1,3}\s*\))?\s*,\s*(?:pp?\.\s*)?[A-Za-z]?\d{1,5}\s*[-\u2013]\s*[A-Za-z]?\d{1,5}"
    r"\s*(?:[.;]|$)"
)
_PAGES_AFTER_VOLUME = re.compile(
    r"[A-Za-z)]\s*,\s*\d{1,4}\s*(?:\(\s*\d{1,3}\s*\))?\s*,\s*(?:pp?\.\s*)?$"
)
_YEAR_THEN_PAGES = re.compile(
    r"^\s*\(\s*(?:19|20)\d{2}\s*\)\s*,?\s*(?:pp?\.\s*)?[A-Za-z]?\d{1,5}\s*[-\u2013]\s*[A-Za-z]?\d{1,5}"
    r"\s*(?:[.;]|$|doi\b|https?:)",
    re.I,
)
"""A volume followed by its year and pages: '5 (2017) 178-184'."""
_PAGES_AFTER_YEAR = re.compile(r"\b\d{1,4}\s*\(\s*(?:19|20)\d{2}\s*\)\s*,?\s*(?:pp?\.\s*)?$")
_OF_MAXIMUM = re.compile(
    r"^\s*of\s+(?:(?:that|this|your|their|his|her|the|one's|each|a)\s+)?(?:[\w-]+\s+)?"
    rf"{MAXIMUM_WORDS}\b",
    re.I,
)
_OF_ONE_REP = re.compile(
    r"^\s*of\s+the\s+(?:load|weight)\s+(?:(?:that\s+)?(?:they|you|he|she|one)\s+(?:could|can|"
    r"were\s+able\s+to)\s+(?:lift|move|do|handle)|that\s+(?:let|lets|allowed|allows)\s+(?:them|you)"
    r"\s+(?:to\s+)?do)\s+(?:for\s+)?(?:just\s+|only\s+)?(?:1|one|a\s+single)\s+rep(?:etition)?s?\b",
    re.I,
)
"""'70-80% of the load they could lift for just 1 rep', '30% of the weight that let them do 1
repetition': the one-repetition maximum described in words."""
_MAXIMUM_PAREN = re.compile(r"\b(?:max|maximum|1\s?RM|RM)\s*\(\s*$", re.I)
_OF_BODY_WEIGHT = re.compile(
    r"^\s*of\s+(?:(?:their|his|her|your|one's|the)\s+)?(?:body[\s-]?weight|body\s+mass|BW)\b",
    re.I,
)
_EXERCISE_LOAD = re.compile(
    r"\b(?:push[\s-]?ups?|press[\s-]?ups?|pull[\s-]?ups?|dips?|planks?|loads?|loaded|loading"
    r"|amount(?:s|ed)?\s+to)\b",
    re.I,
)
_LOAD_WORD = re.compile(r"\b(?:loads?|weights?|intensity|resistance)\b", re.I)
_PROGRESSION = re.compile(
    r"^\s*(?:from\s+(?:week|session|workout)\s+to\s+(?:week|session|workout)"
    r"|(?:each|every|per|a)\s+(?:week|session|workout)|weekly"
    r"|(?:at|in|for|from)\s+the\s+(?:next|following)\s+(?:week|session|workout))\b",
    re.I,
)
_LOAD_RAISED = re.compile(
    r"\bloads?\s+(?:went\s+up|rose|was\s+(?:raised|increased)|increased)\s+(?:by\s+)?$", re.I
)
"""'the load went up by (5kg)': a load's progression in kilograms or pounds."""
_NAMED_BY_LOAD = re.compile(
    r"^\s+(?:(?!(?:more|less|greater|higher|lower|larger|smaller|bigger|gains?|increases?|"
    r"improvements?|change|in|of|for|by|than|and|or|with|to)\b)[\w-]+\s+){0,3}?groups?\b"
    r"(?!['\u2019]s|\s+(?:gains?|improvements?|increases?|changes?|results?|growth|difference))",
    re.I,
)
"""'the 40% bench press group': a group named by its load; not 'the 12% greater gain'."""
_LIFTED = re.compile(
    r"\b(?:loads?|weights?\s+(?:lifted|used|moved)|(?:could|can|was|were)\s+be(?:en)?\s+lifted)\b",
    re.I,
)
_MEASURED = re.compile(
    r"\b(?:1\s?RM|\d?\s?RM|max|maximum|maximal|strength|stronger|test|tested|testing|baseline"
    r"|pre|post|before|after|start(?:ed|ing)?|began|beginning|end|r(?:ose|ise[sn]?|ising)"
    r"|increas\w*|improv\w*|gain\w*|gr[eo]w\w*|climb\w*|jump\w*|add(?:ed)?|went\s+up"
    r"|weigh(?:s|ed)?|mass)\b",
    re.I,
)
"""Words that make a weight a result (a 1RM, a body mass, a gain), not a training load."""
_WEIGHT_UNIT = re.compile(r"(?:kg|lbs?\.?|pounds?)$", re.I)
_WEIGHT_SUFFIX = re.compile(r"^-(?:pound|lb|kg|kilo|kilogram)s?\b", re.I)
"""'200-pound': a weight used as an adjective ('a 200-pound athlete')."""
_ONE_LIFTER = re.compile(r"\b(?:a|an)\s+$", re.I)
_SUPPOSED = re.compile(r"\b(?:would|could|might|should|if|suppose|imagine|say)\b", re.I)
_IN_A_STUDY = re.compile(
    r"\b(?:average[ds]?|mean|study|studies|group|groups|participants|subjects|trial)\b", re.I
)
_OWN_BODY_WEIGHT = re.compile(
    r"^\s+(?:times\s+)?(?:his|her|your|one's|a\s+person's|an\s+athlete's|a\s+lifter's)\s+"
    r"(?:own\s+)?body[\s-]?weight\b",
    re.I,
)
"""'twice his body weight': a rule of thumb for one lifter, not a group's figure."""
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"'(*])")


def _window(line: str, number: Number) -> tuple[str, str]:
    start, end = number.column - 1, number.end - 1
    return line[max(0, start - WINDOW) : start], line[end : end + WINDOW]


def _sentence(before: str, after: str) -> tuple[str, str]:
    """The parts of the windows inside the number's sentence."""
    return _SENTENCE_BREAK.split(before)[-1], _SENTENCE_BREAK.split(after)[0]


def _is_count(number: Number) -> bool:
    text = number.text.lower()
    return text in _COUNT_WORDS or (text.isdigit() and 2 <= int(text) <= 10)


def word_reason(line: str, number: Number) -> str | None:
    """Why a number is not a study figure, from the words in a bounded window around it."""
    before, after = _window(line, number)
    text = number.text
    if _is_count(number) and (
        _COUNT_OF_COMPARED.match(after)
        or (
            number.kind == "word"
            and _PRONOUN_BEFORE.search(before[-12:])
            and _PRONOUN_AFTER.match(after)
        )
    ):
        return "other"  # the things compared, not a figure
    if (
        text.endswith(("°", "º")) or re.match(r"^[\s-]*degrees?\b", after, re.I)
    ) and _MACHINE.match(after):
        return "other"  # an angle that names a machine
    if text.isdigit() and _SUSPENDED.match(after):
        return "other"  # part of a test's name
    if _DAY_LABEL.search(before[-40:]) and not re.match(r"^\s*(?:[-\u2013]|to\b|and\b)", after):
        return "other"  # a day's label ('on day one'), not a count
    if _RANK_BEFORE.search(before[-6:]):
        return "heading_number" if _HEADING.match(line) else "list_number"
    reason = _citation(before, after, number) or _load(before, after, number)
    if reason:
        return reason
    if text.isdigit() and _WEIGHT_SUFFIX.match(after) and _ONE_LIFTER.search(before[-4:]):
        head, tail = _sentence(before, after)
        if _SUPPOSED.search(head + " " + tail) and not _IN_A_STUDY.search(head + " " + tail):
            return "other_study_general"  # one supposed lifter
    if text.lower() in ("twice", "thrice", *_COUNT_WORDS) and _OWN_BODY_WEIGHT.match(after):
        return "other_study_general"
    if _PUBLICATIONS_AFTER.match(after) and _PUBLISHED_BEFORE.search(before[-40:]):
        return "other"  # how much a researcher has published, no figure of a study
    return plan_reason(line, number)


_PUBLICATIONS_AFTER = re.compile(
    r"^\s+(?:(?:peer[\s-]reviewed|scientific|research|academic|journal)\s+){0,2}"
    r"(?:articles|papers|publications|studies|books)\b",
    re.I,
)
_PUBLISHED_BEFORE = re.compile(
    r"\b(?:published|authored|co-?authored|written|wrote)\s+(?:over|more\s+than|about|nearly|"
    r"around|some|almost|roughly)?\s*$",
    re.I,
)
"""'has published over 60 articles on resistance training': a count of a researcher's papers."""


_SETS_BY = re.compile(r"(?:\b\d{1,2}|\b[A-Z]{2,5})\s*[x\u00d7]\s*$")
"""'2 x 6-8', 'ITV x 10-12' (any dash): the repetitions after the sets."""
_SMALL_RANGE = re.compile(r"\d{1,2}\s?[-\u2013~\u301c\uff5e]\s?\d{1,2}")
_TIME_UNIT = re.compile(r"^[\s-]*(?:seconds?|secs?|minutes?|mins?)\b", re.I)
_REST_WORD = re.compile(r"\brest(?:s|ed|ing)?\b", re.I)
_REPS_WORD = re.compile(r"\b(?:reps?|repetitions?)\b", re.I)
_UNIT_AFTER = re.compile(
    r"^\s*(?:%|percent|kg|lbs?|pounds|cm|mm|weeks?|days?|months?|years?|sessions?|times?|"
    r"seconds?|secs?|minutes?|mins?|people|participants)\b|^\s*%",
    re.I,
)
_SECTION_HEADING = re.compile(r"^\s*\d{1,2}[-.]\d{1,2}\s+[A-Z][^\d]{0,60}$")
_IF_YOURS = re.compile(
    r"\b(?:for\s+example|for\s+instance|e\.g\.|say|suppose|imagine),?\s+if\s+(?:your|you)\b"
    r"(?![^.]*\b(?:research|stud(?:y|ies)|trials?|shown|found|showed)\b)",
    re.I,
)
"""'for example, if your HT 1RM is 100 kg': the reader's own supposed figures."""
_THE_COMPARED_BEFORE = re.compile(r"\b(?:compar(?:e|es|ed|ing)|which\s+of|between)\s+the\s+$", re.I)
_THE_COMPARED_AFTER = re.compile(r"^\s*(?:[.,;:!?)]|(?:for|on|in|is|are|was|were)\b)", re.I)
_YOU_CAN_LIFT = re.compile(
    r"\b(?P<who>you|one|they)\s+(?:can|could)\s+(?:only\s+)?(?:just\s+)?(?:barely\s+)?"
    r"(?:lift|do|perform|complete|manage)\b[^.;:]{0,30}$",
    re.I,
)
"""'a weight you can lift for at most ...': a measure (or a load) defined by repetitions."""
_REPS_AFTER = re.compile(r"^\s*(?:times?|reps?|repetitions?)\b", re.I)
_EFFORT_BEFORE = re.compile(
    r"\b(?:RIR|reps?\s+in\s+reserve|repetitions?\s+in\s+reserve)\)?\s*"
    r"(?:(?:of|at|was|were|=|:)\s*)?$",
    re.I,
)
_EFFORT_AFTER = re.compile(r"^\s*(?:RIR|reps?\s+in\s+reserve|repetitions?\s+in\s+reserve)\b", re.I)
"""'RIR (reps in reserve) ~2', '2 reps in reserve': how hard a set is, a plan's number (not
RPE, which studies also report as a result)."""
_MARKER_BEFORE = re.compile(r"(?:[;:]|\band\s*;?|\bor\s*;?)\s*$", re.I)
_MARKER_AFTER = re.compile(r"^\)\s+[a-z]")
"""'... (12 women) and; 2) a group training with ...': a list marker inside a sentence."""
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s?(?:[-\u2013]|to)\s?(?:19|20)\d{2}")


def plan_reason(line: str, number: Number) -> str | None:
    """A training plan's or a page's own numbers, by the words of the number's sentence.

    The repetitions after the sets ('2 x 6-8'), a rest period after the word rest ('the rest
    between sets ... from 30~60 seconds'), a range of repetitions after the word reps ('the
    reps per set were varied ..., from 4~6 up to 12~15'), a numbered section heading alone on
    its line ('2-1 When'), and a span of years ('from 2015 to 2017').
    """
    before, after = _window(line, number)
    head, _ = _sentence(before, after)
    text = number.text
    if _YEAR_RANGE.fullmatch(text):
        return "date"
    if _REPS_AFTER.match(after):
        can = _YOU_CAN_LIFT.search(head[-80:])
        if can and can.group("who").lower() in ("you", "one"):
            # 'the heaviest weight you can lift 1 time', 'a weight you can lift for at most 8 rep'
            return "set_rep_scheme" if _SMALL_RANGE.fullmatch(text) else "other"
        if can and _SMALL_RANGE.fullmatch(text) and _LOAD_WORD.search(head[: can.start() + 1]):
            return "set_rep_scheme"  # 'the load was set to what they could do 8-12 times'
    if _IF_YOURS.search(head[-160:]):
        return "other_study_general"  # 'for example, if your HT 1RM is 100 kg'
    if (number.value is not None and number.value <= 10) and (
        _EFFORT_BEFORE.search(before[-40:]) or _EFFORT_AFTER.match(after)
    ):
        return "set_rep_scheme"  # 'RIR (reps in reserve) ~2', '2 reps in reserve'
    if (
        text.isdigit()
        and 1 <= int(text) <= 9
        and _MARKER_AFTER.match(after)
        and _MARKER_BEFORE.search(before[-12:])
        and before[-40:].count("(") <= before[-40:].count(")")
    ):
        return "list_number"  # '... and; 2) a group training with the hip thrust'

    if (
        number.kind == "word"
        and _is_count(number)
        and _THE_COMPARED_BEFORE.search(before[-24:])
        and _THE_COMPARED_AFTER.match(after)
    ):
        return "other"  # 'which of the two is best', 'comparing the two for strength'

    if (text.isdigit() or _SMALL_RANGE.fullmatch(text)) and _SETS_BY.search(before[-8:]):
        return "set_rep_scheme"
    if (_TIME_UNIT.match(after) and _REST_WORD.search(head[-80:])) or sessions_apart(before, after):
        return "rest_interval"
    if (
        _SMALL_RANGE.fullmatch(text)
        and _REPS_WORD.search(head[-80:])
        and not _UNIT_AFTER.match(after)
    ):
        return "set_rep_scheme"
    if not before.strip() and len(line) <= 80 and _SECTION_HEADING.match(line):
        return "heading_number"
    return None


def _citation(before: str, after: str, number: Number) -> str | None:
    """A reference's volume or pages: 'Journal of Sports Science, 5, 178-184.'."""
    if not _REFERENCE_CUE.search(before):
        return None
    if number.text.isdigit() and (_VOLUME_THEN_PAGES.match(after) or _YEAR_THEN_PAGES.match(after)):
        return "citation_volume_issue_pages"
    if (
        re.fullmatch(r"[A-Za-z]?\d{1,5}\s?[-\u2013]\s?[A-Za-z]?\d{1,5}", number.text)
        and _PAGES_AFTER_YEAR.search(before[-24:])
        and re.match(r"^\s*(?:[.;]|$|doi\b|https?:)", after, re.I)
    ):
        return "citation_volume_issue_pages"  # 'Sports Science 5 (2017) 178-184'
    if (
        re.fullmatch(r"[A-Za-z]?\d{1,5}\s?[-\u2013]\s?[A-Za-z]?\d{1,5}", number.text)
        and _PAGES_AFTER_VOLUME.search(before[-24:])
        and re.match(r"^\s*(?:[.;]|$)", after)
    ):
        return "citation_volume_issue_pages"
    return None


def _load(before: str, after: str, number: Number) -> str | None:
    """A training load, by the words of its sentence."""
    text = number.text
    head, tail = _sentence(before, after)
    if text.endswith(("%", "percent")) or "percent" in after[:9].lower():
        if _OF_MAXIMUM.match(after) or _OF_ONE_REP.match(after):
            return "training_load"  # '60% of that maximum', '... of the load they could lift once'
        if number.value == 100 and _MAXIMUM_PAREN.search(before[-16:]):
            return "training_load"  # 'your maximum (100%)'
        if _PROGRESSION.match(after) and _LOAD_WORD.search(head):
            return "training_load"  # 'the load went up ~10 % from week to week'
        whole = re.fullmatch(r"\d{1,3}\s?%", text)
        if whole and re.search(r"\bthe\s+$", before[-5:]) and _NAMED_BY_LOAD.match(after):
            return "training_load"  # 'the 40% bench press group'
        if (
            _OF_BODY_WEIGHT.match(after)
            and _EXERCISE_LOAD.search(head)
            and not _MEASURED.search(head + " " + tail)
        ):
            return "training_load"  # 'a push-up amounted to roughly 65% of body weight'
    if _WEIGHT_UNIT.search(text) and _PROGRESSION.match(after) and _LOAD_RAISED.search(head):
        return "training_load"  # 'the load went up by 5kg at the next session'
    if (
        _WEIGHT_UNIT.search(text)
        and _LIFTED.search(head + " " + tail)
        and not _MEASURED.search(head + " " + tail)
    ):
        return "training_load"  # 'heavier loads could be lifted ... (63.4 kg on average)'
    return None


_VOTE_LINE = re.compile(
    r"^\s*\d{1,7}\s+(?:pro|cons?|against|for|agree|disagree|yes|no|up|down|likes?|votes?|helpful"
    r"|unhelpful|upvotes?|downvotes?)\s*$",
    re.I,
)
"""'53 Pro', '0 Against': a line that is a vote widget."""
_BARE = re.compile(r"^\s*\d{1,7}\s*$")
_GOES_ON = re.compile(r"[a-z,;\u2013\u2014-]\s*$")
"""A line that ends mid-sentence: the next line continues it."""
_STARTS_NEW = re.compile(r"^\s*[A-Z]")
_COUNTED = re.compile(
    rf"^\s*(?:{PEOPLE}|weeks?|days?|months?|years?|sessions?|sets?|reps?|repetitions?|%|percent"
    r"|kg|lbs?|pounds?|cm|mm|times|workouts?|studies|trials|groups)\b",
    re.I,
)
_LABELLED = re.compile(rf"^\s*(?:[\w-]+\s+){{1,3}}{PEOPLE}\b", re.I)
"""'10' over 'Trained women': a figure shown large with its label."""
_NOT_A_LINE_NUMBER_NEXT = re.compile(
    rf"^\s*(?:{PEOPLE}|%|percent|of|to|and|or|weeks?|days?|months?|years?|sessions?|sets?|reps?"
    r"|kg|lbs?|pounds?|cm|mm|times|[-\u2013/:.,()±])",
    re.I,
)
_NOT_A_LINE_NUMBER_PREVIOUS = re.compile(
    r"(?:\b(?:of|to|and|or|from|than|between|vs|versus|the|a|an|by|with|in|at|about|only|just"
    r"|were|was|is|are|had|all|some|n|aged?|averag\w*|around|roughly|approximately|nearly"
    r"|almost|over|under|week|day|session|visit)|[-\u2013(=<>~±+/:$€£#])\s*$",
    re.I,
)
_LINE_NUMBER_GAP = 30
"""The fewest characters between two line numbers of a copied paper (one printed line)."""


class LineReasons:
    """Reasons that need the whole line or the lines around it, for one line of an article."""

    def __init__(self, lines: Sequence[str], line_no: int, found: Sequence[Number]) -> None:
        self.lines = lines
        self.line_no = line_no
        self.text = lines[line_no - 1]
        self.source_lines = self._source_line_numbers(found)
        self.widget = bool(_VOTE_LINE.match(self.text)) or (
            bool(_BARE.match(self.text)) and self._between_label_and_sentence()
        )

    def reason(self, number: Number) -> str | None:
        """Why a number is page furniture: a vote widget, a counter, a copied line number."""
        if number.column in self.source_lines:
            return "line_number"
        if number.kind != "figure" or not number.text.isdigit():
            return None
        return "rating_or_votes" if self.widget else None

    def _neighbour(self, step: int) -> str | None:
        """The nearest non-blank line before (step -1) or after (step 1), or None."""
        k = self.line_no - 1 + step
        while 0 <= k < len(self.lines) and abs(k - self.line_no) < 4:
            if self.lines[k].strip():
                return self.lines[k]
            k += step
        return None

    def _between_label_and_sentence(self) -> bool:
        """A bare count after a line that is complete and before one that starts anew.

        '53' after 'Supporting (1)' and before 'In plain words: ...' is a counter; '12' after
        'The study lasted' or before 'weeks of training' (a wrapped sentence) or 'Participants'
        (a figure shown large with its label) is not.
        """
        previous, following = self._neighbour(-1), self._neighbour(1)
        if previous is not None and _GOES_ON.search(previous):
            return False
        return (
            following is not None
            and bool(_STARTS_NEW.match(following))
            and not _COUNTED.match(following)
            and not _LABELLED.match(following)
        )

    def _source_line_numbers(self, found: Sequence[Number]) -> set[int]:
        """Columns of a copied paper's line numbers: bare integers n and n + 1 far apart.

        Each stands in running text between words that neither count nor relate it ('testing
        141 by'), not '12 of 13' or '140 men and 141 women'.
        """
        bare: dict[int, list[Number]] = {}
        for n in found:
            if n.kind == "figure" and n.text.isdigit() and len(n.text) >= 2:
                bare.setdefault(int(n.text), []).append(n)
        columns: set[int] = set()
        for value, here in bare.items():
            nxt = bare.get(value + 1, [])
            if len(here) > 2 or len(nxt) > 2:
                continue  # a line number stands once or twice on a line, never more
            for n in here:
                for m in nxt:
                    if m.column - n.end >= _LINE_NUMBER_GAP and self._loose(n) and self._loose(m):
                        columns.update((n.column, m.column))
        return columns

    def _loose(self, number: Number) -> bool:
        """A bare integer tied to no word around it."""
        start, end = number.column - 1, number.end - 1
        before, after = self.text[max(0, start - 12) : start], self.text[end : end + 24]
        return not _NOT_A_LINE_NUMBER_PREVIOUS.search(before) and not (
            _NOT_A_LINE_NUMBER_NEXT.match(after) or re.match(r"^\s*[a-z]+\s+(?:of|per)\b", after)
        )

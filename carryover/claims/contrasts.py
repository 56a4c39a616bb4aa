"""Between-group differences as writers state them, found in one sentence.

A difference is stated with the group it favours and a unit:

- "favoured the squat group by 14 kg", "favored SQ [14 ± 2.5 kg]", "favored HT [-26 ± 5 kg]",
  "favored HT [-26 ± 5 kg; CI95% (-34, -16)]" (the interval oriented like the difference: 16 to 34);
- "increases by 14 ± 2.5 kg more in the squat group than in the hip thrust group" (or "less").

A figure that favours a group is that group's advantage, whatever sign the writer quotes it with
(a paper that puts "negative favours HT" writes -26 for HT's 26 kg advantage), so the difference
is oriented to the group: the favoured group minus the other. The "± 2.5" is the estimate's
standard error, and it is not part of the figure that is judged. Percent differences ("rose
10-15% more than the leg press group's") are not read: the study data hold differences in units.

Pure: a sentence in, `Stated` differences out, with their positions in the sentence; the reader
resolves the group words, the exercise and the test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MINUS = "-\u2212\u2013"
_VALUE = rf"(?P<value>[{_MINUS}+]?\d+(?:\.\d+)?)"
_SE = r"(?:\s?(?:±|\+/-|\+/\u2212)\s?\d+(?:\.\d+)?)?"
_UNIT = r"\s?(?P<unit>kg|lbs?|pounds|N|cm²|cm2|mm|cm)\b"
_GROUP_WORDS = r"(?P<group>(?:the\s+)?(?:[\w\-]+\s+){0,3}?[\w\-]+?(?:\s+groups?)?)"

_CI = (
    rf"(?:\s*[;,]\s*(?:CI\s?95\s?%|95\s?%\s?CI)\s*:?\s*\((?P<lo>[{_MINUS}]?\d+(?:\.\d+)?),\s*"
    rf"(?P<hi>[{_MINUS}]?\d+(?:\.\d+)?)\))?"
)
_FAVOURED = re.compile(
    rf"\bfavou?r(?:ed|ing|s)?\s+{_GROUP_WORDS}\s*"
    rf"(?:\bby\s+|[\[(]\s*(?:[^\[\]()]{{0,30}}?,\s*)?){_VALUE}{_SE}{_UNIT}{_CI}",
    re.IGNORECASE,
)
_MORE_IN = re.compile(
    rf"{_VALUE}{_SE}{_UNIT}\s+(?P<direction>more|greater|larger|higher|less|smaller|lower)\s+"
    rf"(?:in|for|with|among)\s+{_GROUP_WORDS}\s+than\b",
    re.IGNORECASE,
)
_LESS = {"less", "smaller", "lower"}


@dataclass(frozen=True)
class Stated:
    """A between-group difference stated in a sentence."""

    start: int
    """Where the stated difference starts (its clause begins before it)."""
    value_at: int
    """Where its figure stands."""
    value: str
    """The difference of the favoured group over the other, as written ('14', '26', '-3.5')."""
    unit: str
    group_words: str
    """The words that name the group ('the squat group', 'SQ')."""
    ci: tuple[int, str, str] | None = None
    """A confidence interval stated with it ('CI95% (-34, -16)'): where it stands and its ends,
    oriented like the difference (low end first)."""


def stated_differences(sentence: str) -> list[Stated]:
    """Every between-group difference in unit stated in the sentence, left to right."""
    found = []
    for match in _FAVOURED.finditer(sentence):
        found.append(_stated(match, negative=False))
    for match in _MORE_IN.finditer(sentence):
        found.append(_stated(match, negative=match.group("direction").lower() in _LESS))
    return sorted(found, key=lambda s: s.value_at)


def _stated(match: re.Match[str], negative: bool, group: str | None = None) -> Stated:
    written = match.group("value")
    magnitude = written.lstrip(_MINUS + "+")
    ci = None
    if "lo" in match.re.groupindex and match.group("lo") is not None:
        # the interval is written in the writer's sign; the difference is the favoured group's
        flip = written[:1] in _MINUS
        ends = sorted((_signed(match.group(end), flip) for end in ("lo", "hi")), key=float)
        ci = (match.start("lo") - 1, ends[0], ends[1])
    return Stated(
        match.start(),
        match.start("value"),
        f"-{magnitude}" if negative else magnitude,
        match.group("unit"),
        match.group("group") if group is None else group,
        ci,
    )


def _signed(end: str, flip: bool) -> str:
    """A CI end as plain text ('-6.1', '2.0'), negated when the difference was."""
    plain = end.replace("\u2212", "-").replace("\u2013", "-")
    if not flip:
        return plain
    return plain[1:] if plain.startswith("-") else "-" + plain


_NAMED = r"(?:the\s+)?(?:[\w\-]+\s+){0,2}?[\w\-]+(?:\s+groups?)?"
_OVER = rf"(?:\s+(?:over|against|versus|vs\.?)\s+{_NAMED})?"
_LISTED_HEAD = re.compile(
    rf"\bfavou?r(?:ed|ing|s)?\s+(?P<group>{_NAMED}){_OVER}\s+"
    r"(?:for|in|on|at)\s+(?:the\s+|its\s+|their\s+)?",
    re.IGNORECASE,
)
_LISTED_ITEM = re.compile(
    r"(?P<item>[\w\-]+(?:\s+[\w\-]+)?)\s*[\[(]\s*(?:[^\[\]()]{0,30}?,\s*)?"
    rf"{_VALUE}{_SE}{_UNIT}{_CI}\s*[\])]",
    re.IGNORECASE,
)
_LISTED_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", re.IGNORECASE)
_LISTED_NOUN = re.compile(r"\s+(?P<noun>[\w\-]+(?:\s+[\w\-]+){0,2})")
LISTED_ITEMS = 8
"""The most items a list of differences is read for (a bounded scan: linear on any line)."""


@dataclass(frozen=True)
class Listed:
    """A difference stated for one item of a list: 'the lower [-1.6 cm²], mid [...] ... mCSAs'."""

    stated: Stated
    item: str
    """The words that name the item ('lower', 'mid'): a region or part of the test."""
    noun: str
    """The words after the list ('gluteal mCSAs', 'regions'): the test the items are parts of."""


def listed_differences(sentence: str) -> list[Listed]:
    """Differences favouring a group, stated item by item in a list that ends with the test.

    'favoured HT over SQ for the lower [effect ± SE, -1.6 ± 2.1 cm²], mid [-0.5 ± 1.7 cm²] and
    upper [-0.5 ± 2.6 cm²] gluteal mCSAs': three differences, each of the lower, mid and upper
    region of the test named after the list. Each figure is the favoured group's advantage, as
    for `stated_differences`.
    """
    found: list[Listed] = []
    for head in _LISTED_HEAD.finditer(sentence):
        at = head.end()
        items: list[re.Match[str]] = []
        while len(items) < LISTED_ITEMS:
            item = _LISTED_ITEM.match(sentence, at)
            if item is None:
                break
            items.append(item)
            at = item.end()
            separator = _LISTED_SEPARATOR.match(sentence, at)
            if separator is None:
                break
            at = separator.end()
        noun = _LISTED_NOUN.match(sentence, items[-1].end()) if len(items) > 1 else None
        if noun is None:
            continue  # one bracketed figure is `stated_differences`' to read
        for item in items:
            stated = _stated(item, negative=False, group=head.group("group"))
            found.append(Listed(stated, item.group("item"), noun.group("noun")))
    return found

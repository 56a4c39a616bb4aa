"""Two figures set against each other in one parenthesis: '(12.2 vs. 2%)', '(9,4 vs. 3,7%)'.

- **One percent sign for both.** A writer often gives the unit once, after the second figure:
  the first number of such a pair is a percent too (`shared_percents`). Only inside a
  parenthesis and right before 'vs.', 'versus' or 'against' and a percent: '(12 vs. 10 women)'
  and '12 vs. 10%' outside a parenthesis are left as they were.
- **The group ahead, told by a comparative at the pair** (`comparative_before`): the words right
  before the parenthesis say which group's gain was the larger, either as the subject of the
  comparative ('those who squatted increased quadriceps thickness more (12,2 vs. 2%)') or after
  it ('the gains were larger for the squat group (10 vs. 5%)', 'twice as large for those who
  squatted (9,4 vs. 3,7%)'). A negation ('did not grow more') or a clause break between the group
  and the comparative tells nothing.

Each pattern reads a bounded window before the parenthesis, so a line of any length is read in
linear time. Pure: text in, spans out.
"""

from __future__ import annotations

import re

_SHARED = re.compile(
    r"\(\s?(?P<sign>[+\u2212\-]?)(?P<value>\d+(?:\.\d+|,\d{1,2})?)"
    r"(?=\s?(?:vs\.?|versus|against)\s?[+\u2212\-]?\d+(?:[.,]\d+)?\s?%)",
    re.IGNORECASE,
)
WINDOW = 80
"""How many characters before the pair's parenthesis the comparative is looked for in."""
_COMPARATIVE = r"(?:more|larger|greater|bigger|higher|as\s+(?:large|great|big|much|high))"
_SUBJECT_THEN_MORE = re.compile(rf"[^,;:()\[\]]{{0,{WINDOW}}}?\b{_COMPARATIVE}\s*\Z", re.I)
"""After the group: its verb, the test and the comparative ('increased quadriceps thickness
more'), with no clause break."""
_SUBJECT_MORE_TEST = re.compile(
    rf"[^,;:()\[\]]{{0,{WINDOW}}}?\b(?:gained|got|made|saw|had|showed)\s+{_COMPARATIVE}"
    r"(?:\s+(?!than\b|for\b|in\b|with\b)[\w-]+){1,4}\s*\Z",
    re.I,
)
"""After the group: a verb, the comparative and the test ('gained more shallow squat
strength'), with no clause break; read only after a contrasting aside (`_ASIDE`)."""
_MORE_FOR = re.compile(rf"\b{_COMPARATIVE}\s+(?:for|in|with|among)\s+(?:the\s+)?\Z", re.I)
"""Before the group: 'larger for the', 'as large for'."""
_ASIDE = re.compile(
    r",\s*(?:on\s+the\s+other\s+hand|however|by\s+contrast|in\s+contrast|meanwhile|in\s+turn|"
    r"for\s+(?:its|their)\s+part)\s*,",
    re.I,
)
"""A contrasting aside set off by commas ('The shallow squat group, on the other hand, gained
more ... (36% versus 20%)'): no clause break between the group and its comparative, and it sets
the group against the other one."""
_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|less)\b|n't\b", re.I)


def shared_percents(text: str) -> list[tuple[int, int, str]]:
    """The first figure of each '(a vs. b%)' pair: its span and its value as a percent.

    A decimal comma reads as a point ('9,4' is 9.4); a minus sign is kept.
    """
    if "(" not in text:
        return []
    found = []
    for m in _SHARED.finditer(text):
        value = m.group("value").replace(",", ".")
        if m.group("sign") in ("-", "\u2212"):
            value = "-" + value
        found.append((m.start("sign"), m.end("value"), value))
    return found


def comparative_before(text: str, opening: int, named_end: int, named_start: int) -> bool:
    """Whether a group named before a pair's parenthesis (at `opening`) is said to gain more.

    `named_start`/`named_end` is the span of the last group (or its exercise) named before the
    parenthesis: either it ends right at the parenthesis after a comparative ('larger for the
    squat group (') or the comparative closes the clause that starts with it ('those who squatted
    increased quadriceps thickness more (').
    """
    between = text[named_end:opening]
    if not between.strip():
        return bool(_MORE_FOR.search(text, max(0, named_start - 40), named_start))
    if len(between) > WINDOW + 8 or _NEGATION.search(between):
        return False
    plain = _ASIDE.sub(" ", between)
    if _SUBJECT_THEN_MORE.fullmatch(plain):
        return True
    # 'gained more <test> (a vs b)' puts the group ahead only when an aside sets it against the
    # other group ('The SS group, on the other hand, gained more ...')
    return plain != between and bool(_SUBJECT_MORE_TEST.fullmatch(plain))


_TESTED = re.compile(
    r"\s*(?:strength|1\s?RM|one[\s-]rep(?:etition)?\s+max(?:imum)?|max(?:imum)?|performance)\s*\Z",
    re.I,
)


def tested_lift(text: str, lift_end: int, opening: int) -> bool:
    """Whether a lift named before a pair's parenthesis is the test, not a group that trained it.

    'gained more shallow squat strength (36% versus 20%)': a strength word follows the lift.
    """
    return lift_end <= opening and bool(_TESTED.fullmatch(text, lift_end, opening))

"""A training load the article gave, named again beside a group.

A writer who describes the groups by their loads ("70-80% of the maximal weight", "30-50% of
1RM") often names a group by that load later: "the result in the high-weight group, 70-80% CM,
was three times higher ... than in the 30-50% CM group". The repeated load is the group's name,
not a result of it.

`stated_loads` collects the percents (single or ranges) an article states as loads: followed by
"of" a maximum ("of the maximal weight", "of maximal", "of 1RM", "of their one-rep max").
`echoed_load` says whether a percent figure in a sentence repeats one of them, written the same
way, with the word "group" within a few words of it; any other percent, or the same figure away
from a group's name ("strength rose 30%"), is read as usual.

Pure: text in, spans and strings out; linear in the text (bounded windows only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAXIMUM_WORDS = r"(?:max|maximum|maximal|1\s?RM|(?:one|1)[\s-]rep(?:etition)?[\s-]max(?:imum)?)"
"""The words for a one-repetition maximum that a training load is a percent of ('1RM', 'max')."""
_FIGURE = r"\d{1,3}(?:[.,]\d{1,2})?"
_LOAD = re.compile(
    rf"(?<![\w.,])(?P<figure>{_FIGURE}(?:\s?(?:-|\u2013|to)\s?{_FIGURE})?\s?%)"
    r"\s+of\s+(?:(?:the|their|your|his|her|one's|each|a)\s+)?"
    rf"{MAXIMUM_WORDS}\b",
    re.IGNORECASE,
)
_RANGE_BEFORE = re.compile(rf"{_FIGURE}\s?(?:-|\u2013|to)\s?$")
_GROUP_NEAR = 30
"""How far (characters) from the repeated load the word "group" may stand."""
_GROUP = re.compile(r"\bgroups?\b", re.IGNORECASE)


def _key(figure: str) -> str:
    """A load's figure as compared: no spaces, one kind of dash, a dot for the decimal."""
    return re.sub(r"\s+", "", figure).replace("\u2013", "-").replace(",", ".").replace("to", "-")


def stated_loads(lines: Iterable[str]) -> frozenset[str]:
    """The percents an article states as training loads (see module), as compared."""
    return frozenset(_key(m.group("figure")) for line in lines for m in _LOAD.finditer(line))


def echoed_load(text: str, start: int, end: int, loads: frozenset[str]) -> bool:
    """Whether the percent at text[start:end] repeats a stated load beside "group".

    A range's first number ("70-" of "70-80%") is taken in when it stands right before.
    """
    if not loads:
        return False
    lead = _RANGE_BEFORE.search(text, max(0, start - 12), start)
    figure = text[lead.start() if lead else start : end]
    if _key(figure) not in loads:
        return False
    return (
        _GROUP.search(text, max(0, start - _GROUP_NEAR), min(len(text), end + _GROUP_NEAR))
        is not None
    )

"""Figures of several muscles given group by group, in the order the muscles were named.

A paper's abstract, and the writers who copy it, often name two or more muscles once and then
give each group its figures in a parenthesis, one per muscle in the same order:

- "The volumes of adductor and gluteus maximus muscles significantly increased in FST (6.2 ±
  2.6% and 6.7 ± 3.5%) and HST (2.7 ± 3.1% and 2.2 ± 2.6%)": 6.2% is the adductors' change in
  FST, 6.7% the gluteus maximus's, and so on.

A parenthesis counts only when it holds nothing but two to five percent figures (a spread
'6.2 ± 2.6%' is one figure) joined by commas or 'and', right after the words that name its group.
The reader (carryover.claims.articles) resolves those words to a group and the muscles to their
size tests, and makes the claims only when every group resolves, the groups differ, and the
muscles named before the first parenthesis are as many as each parenthesis's figures.

Pure: text in, offsets and words out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIGURE = r"[+\u2212-]?\d{1,3}(?:[.,]\d{1,2})?(?:\s?±\s?\d{1,3}(?:[.,]\d{1,2})?)?\s?%"
_PARENTHESIS = re.compile(r"\((?P<inner>[^()]{1,160})\)")
_ONLY_FIGURES = re.compile(
    rf"\s*{_FIGURE}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\s*{_FIGURE}){{1,4}}\s*"
)
_FIGURE_RE = re.compile(_FIGURE)
_WORD = re.compile(r"[A-Za-z][\w\-]*|[^\w\s]")
_STOP = frozenset({"in", "for", "with", "and", "than", "vs", "versus", "of", "both", "the", "by"})
_OWNER_WINDOW = 48
"""How far before a parenthesis its group's words are looked for (a few words)."""
_OWNER_WORDS = 4

CHANGED = re.compile(
    r"\b(?:increas\w*|rose|grew|grow\w*|gain\w*|improv\w*|enlarg\w*|went up|"
    r"decreas\w*|fell|declin\w*|shr[au]nk|went down)\b",
    re.IGNORECASE,
)
"""A verb of change between the muscles and the figures: the figures are changes."""

MEASURED = re.compile(
    r"\b(?:(?P<cm3>volumes?)|(?P<mm>thickness(?:es)?|MT)"
    r"|(?P<cm2>cross[- ]sectional areas?|m?CSAs?))\b",
    re.IGNORECASE,
)
"""How the muscles' size was measured, said where they are named: volume, thickness or area."""


@dataclass(frozen=True)
class Bracket:
    """A parenthesis of figures and the words before it that name its group."""

    start: int  # the '('
    end: int  # after the ')'
    owner: str  # 'FST', 'the half squat group'
    owner_start: int  # where those words begin


def figure_brackets(text: str) -> list[Bracket]:
    """Every parenthesis holding only two to five percent figures, with its group's words.

    The words are the last few before the '(' back to a word such as 'in', 'and' or 'than', or
    a punctuation mark ('in FST (6.2% and 6.7%)': 'FST'). A parenthesis with no word right
    before it is left out.
    """
    found = []
    for m in _PARENTHESIS.finditer(text):
        if not _ONLY_FIGURES.fullmatch(m.group("inner")):
            continue
        lo = max(0, m.start() - _OWNER_WINDOW)
        tokens = list(_WORD.finditer(text, lo, m.start()))
        kept: list[re.Match[str]] = []
        for token in reversed(tokens):
            word = token.group(0)
            if not word[0].isalpha() or word.lower() in _STOP or len(kept) == _OWNER_WORDS:
                break
            kept.append(token)
        if not kept or (lo > 0 and len(kept) == len(tokens)):
            continue  # no words, or the window cut them short
        kept.reverse()
        owner = text[kept[0].start() : kept[-1].end()]
        found.append(Bracket(m.start(), m.end(), owner, kept[0].start()))
    return found


def figures_in(text: str, bracket: Bracket) -> int:
    """How many percent figures a parenthesis holds."""
    return len(_FIGURE_RE.findall(text, bracket.start, bracket.end))


def measured_unit(text: str, start: int, end: int) -> str | None:
    """The one unit the words between start and end say the muscles were measured in."""
    kinds = {k for m in MEASURED.finditer(text, start, end) for k, v in m.groupdict().items() if v}
    return next(iter(kinds)) if len(kinds) == 1 else None

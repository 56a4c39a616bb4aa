"""A study's whole span in weeks, told apart from its weeks of training.

"The whole period was 14 weeks, and they squatted 3 times a week": a page that counts the
familiarisation and testing weeks gives the whole span of the study, which may be longer than its
training. Such a figure is neither the study's training duration (to check against its weeks) nor
a sign that the page speaks of another study. The span is told by "whole", "entire", "total" or
"overall" before "period", "study", "programme" or "duration", and "was", "lasted", "took" or "of"
right before the figure.

Pure: text in, text or True/False out; the patterns are bounded, so a text of any length is read
in linear time.
"""

from __future__ import annotations

import re

_SPAN = re.compile(
    r"\b(?:whole|entire|total|overall)\s+(?:study\s+)?(?:period|study|program(?:me)?|duration|"
    r"experiment|intervention)\s+(?:was|lasted|took|ran(?:\s+for)?|of|is|covered)\s+"
    r"(?:about\s+|roughly\s+|around\s+)?$",
    re.I,
)
_WEEKS = re.compile(r"\b(\d{1,2})[\s-]weeks?\b", re.I)


def whole_span(before: str) -> bool:
    """Whether the words right before a number of weeks give it as the study's whole span."""
    return bool(_SPAN.search(before[-60:]))


def without_whole_spans(text: str) -> str:
    """The text with each whole-span number of weeks blanked (same length, for positions)."""
    parts, done = [], 0
    for m in _WEEKS.finditer(text):
        if whole_span(text[max(0, m.start() - 60) : m.start()]):
            parts += [text[done : m.start(1)], " " * len(m.group(1))]
            done = m.end(1)
    return "".join([*parts, text[done:]])

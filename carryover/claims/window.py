"""The part of a long line around one of its numbers, so that looking around each number is bounded.

The words that say why a number is not a claim (carryover.claims.accounting.non_claim_reason)
sit within a few words of it. Handing the rules the whole line before and after every number made
a line of n numbers cost n times its length; a `Window` hands them at most REACH characters on
each side instead, so reading a line costs about its length whatever it holds.

What the rules can still tell from the whole line, they are told exactly: a window that stops
short of the line's start begins with a character no rule reads as whitespace or a word (so a rule
anchored at the start, such as "only spaces before the number", does not hold there), and one that
stops short of the line's last word ends with one (so "nothing after the number" does not hold).
Only a rule that would need more than REACH characters of one run (spaces, digits, a list of
weeks) to reach its words reads differently, and none of the rules' words lie that far away.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from carryover.claims.numbers import Number

REACH = 256
"""Characters kept on each side of a number: far more than any rule's words reach."""
EDGE = "\x00"
"""Stands for the rest of a line cut off: neither a space nor part of a word."""
_HEADING_MARK = re.compile(r"\s*#{1,6}\s")


class Window:
    """One line, measured once, and the window around any of its numbers."""

    def __init__(self, line: str, reach: int = REACH) -> None:
        self.line = line
        self.reach = reach
        self.lead = len(line) - len(line.lstrip())
        """Where the line's first non-space character is (its length when it has none)."""
        self.last = len(line.rstrip())
        """Just after the line's last non-space character."""
        mark = _HEADING_MARK.match(line)
        self.marker = mark.group(0) if mark else ""
        """A Markdown heading's marker ('## '), kept at the front of a window that cuts the line's
        start, so that a number far into a heading still reads as in a heading."""

    def around(self, number: Number) -> tuple[str, Number]:
        """The text within `reach` of the number, and the number placed in that text.

        The whole line when it is short; otherwise the window, with EDGE standing for text cut off
        that holds more than spaces, after the heading's marker when the line is a heading.
        """
        line = self.line
        start, end = number.column - 1, number.end - 1
        if start <= self.reach and len(line) - end <= self.reach:
            return line, number
        lo = max(0, start - self.reach)
        hi = min(len(line), end + self.reach)
        head = ""
        if lo <= max(self.lead, len(self.marker)):
            lo = 0  # only spaces (or a heading's marker) are cut off before: keep them whole
        else:
            head = self.marker + EDGE
        tail = EDGE if hi < self.last else ""
        text = head + line[lo:hi] + tail
        return text, replace(number, column=number.column - lo + len(head))


class Spans:
    """Spans of a text, asked whether any of them holds a given span, in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []
        """The furthest end among the spans up to each one (in the order of their starts)."""
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def hold(self, start: int, end: int) -> bool:
        """Whether some span starts at or before `start` and ends at or after `end`."""
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end

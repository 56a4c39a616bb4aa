"""Patterns tried only where a word starts find what scanning every character finds."""

from __future__ import annotations

import re

import pytest

from carryover.claims.articles import _DURATION, _N_PEOPLE, _SESSIONS
from carryover.claims.linking import word_start_matches

TEXTS = [
    "Twenty-two trained women (n = 22) trained 3 times per week for 8 weeks; 2-3 days a week.",
    "A 6-week program, over the 10 weeks, 12-week intervention, 4 weeks later, x8 weeks.",
    "nine untrained young men, 3.5 weeks, pre-9 weeks, twice weekly, 2x/week, 40 participants",
    "",
    "weeks",
]


@pytest.mark.parametrize("pattern", [_N_PEOPLE, _SESSIONS, _DURATION])
def test_reading_patterns_match_the_same_at_word_starts(pattern: re.Pattern[str]) -> None:
    """Sample sizes, sessions a week and durations: the same spans either way."""
    found = 0
    for text in TEXTS:
        spans = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in word_start_matches(pattern, text)] == spans
        found += len(spans)
    assert found >= 2

"""A sentence with no number anywhere skips the protocol patterns: they would find nothing.

`Reader._protocol` reads participant counts, weekly sessions, weeks and completers, each with a
number (`_NUM`). `_ANY_NUM` finds any place a number could be, without the bounds; where it finds
none, no protocol pattern may match: checked on every line of the dev and held-out articles and on
random texts of number words (in any case, cut, hyphenated), digits of other scripts and words.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from carryover.claims import articles

CORPORA = Path(__file__).resolve().parents[2] / "data" / "articles"
SETS = ("real", "holdout", "holdout2", "holdout3", "drafts")
PATTERNS: list[re.Pattern[str]] = [
    articles._N_PEOPLE,
    articles._SESSIONS,
    articles._SESSIONS_DESCRIBED,
    articles._DURATION,
    articles._COMPLETERS,
]


def _skipped_wrongly(text: str) -> bool:
    return articles._ANY_NUM.search(text) is None and any(p.search(text) for p in PATTERNS)


def test_no_corpus_line_is_skipped_wrongly() -> None:
    """Each line of the articles, as written and as read (Markdown cleaned)."""
    texts = [
        text
        for name in SETS
        for path in sorted((CORPORA / name).glob("*.md"))
        for line in path.read_text(encoding="utf-8").splitlines()
        for text in (line, articles.clean_line(line)[0])
    ]
    assert len(texts) > 3000
    assert sum(any(p.search(t) for p in PATTERNS) for t in texts) > 50  # the patterns do match
    assert not [t for t in texts if _skipped_wrongly(t)]


def test_a_sentence_without_a_number_reads_no_protocol() -> None:
    """The skip is taken only without a number; with one, the count is read as before."""
    assert articles._ANY_NUM.search("The women trained hard every week.") is None
    for text in ("Twenty-two women trained twice a week.", "TWELVE men", "\u0661\u0662 women"):
        assert articles._ANY_NUM.search(text) is not None
        assert any(p.search(text) for p in PATTERNS)


_PIECES = [
    "one",
    "Two",
    "THREE",
    "twenty",
    "twenty-four",
    "Thirty-",
    "-two",
    "twice",
    "thrice",
    "once",
    "fift",
    "y",
    "12",
    "\u0662",
    "\uff13",
    ".",
    "5",
    " ",
    "-",
    "women",
    "participants",
    "people",
    "weeks",
    "week",
    " per ",
    " a ",
    "sessions",
    "workouts",
    "completed the study",
    "of them ",
    "x",
    "days",
    "weekly",
    "for ",
    "over ",
    "trained",
    "(",
    ")",
    "\u212a",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_random_texts_are_never_skipped_wrongly(text: str) -> None:
    assert not _skipped_wrongly(text)

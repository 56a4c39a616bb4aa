"""Shortcuts in reading give exactly what reading without them gives.

A text with no digit skips the number patterns that need one; the age-range label is searched
only in a text holding 'age'; a text's study mentions are kept for the next few asks. Each is
checked against the reading it skips, on hand-made texts (digits of other scripts, digits only
inside a link, upper case) and on every line of the real articles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from carryover.claims import facts, linking
from carryover.claims import numbers as numbers_module
from carryover.claims.numbers import numbers
from tests.support import bundled_context

CORPORA = Path(__file__).resolve().parents[2] / "data" / "articles"
LINES = [
    line
    for name in ("real", "holdout", "holdout2")
    for path in sorted((CORPORA / name).glob("*.md"))
    for line in path.read_text(encoding="utf-8").splitlines()
]

TEXTS = [
    "Twelve weeks of training, twice a week, in their early twenties.",
    "Only one session a week; half squat; ten-RM tests; once per week.",
    "p\uff1c\uff10.\uff10\uff15 and \uff11\uff12 kg",  # full-width digits: \d reads them
    "\u0661\u0662 participants (n = \u0662\u0664)",  # Arabic-Indic digits
    "See [the paper](https://example.org/?p=3090) for twenty-two more.",
    "<!-- 12 kg --> no digit outside the comment, but forty in the text",
    "doi: 10.1234/abc.5 was cited; 2023\u5e747\u67083\u65e5",
    "\u2460 first \u2461 second, CI95% (9, 18), 25-35 RM, 3-4-5, 12/03/2020, 5 (2): 101-9",
    "",
]


def _without_digit_shortcut(monkeypatch: pytest.MonkeyPatch, line: str, following: str) -> list:
    """`numbers` with the digit shortcut off (every text treated as holding a digit)."""
    with monkeypatch.context() as patched:
        patched.setattr(numbers_module, "_ANY_DIGIT", re.compile(""))
        numbers_module._numbers.cache_clear()
        found = numbers(line, following)
    numbers_module._numbers.cache_clear()
    return found


def test_the_digit_shortcut_changes_no_number(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = TEXTS + LINES
    assert any(not re.search(r"\d", t) and numbers(t) for t in texts)  # the shortcut is taken
    for i, text in enumerate(texts):
        following = texts[i + 1] if i + 1 < len(texts) else ""
        numbers_module._numbers.cache_clear()
        assert numbers(text, following) == _without_digit_shortcut(monkeypatch, text, following)


def test_digits_of_other_scripts_are_still_read() -> None:
    assert [n.text for n in numbers("\u0661\u0662 participants (n = \u0662\u0664)")] == [
        "\u0661\u0662",
        "n = \u0662\u0664",
    ]


@pytest.mark.parametrize(
    "before",
    [
        "Participants: 24 recreationally trained women (aged ",
        "24 WOMEN (AGED ",
        "The participants were aged ",
        "Twenty lifters who lift regularly (Ages range: ",
        "The coach (aged ",
        "Subjects had ",
        "",
    ],
)
def test_the_age_label_shortcut_answers_as_the_search(before: str) -> None:
    assert facts._age_label(before) == (facts._AGE_RANGE_LABEL.search(before) is not None)


def test_the_age_label_shortcut_on_every_corpus_line() -> None:
    hits = 0
    for line in LINES:
        for end in range(0, len(line) + 1, 7):
            expected = facts._AGE_RANGE_LABEL.search(line[:end]) is not None
            hits += expected
            assert facts._age_label(line[:end]) == expected
    assert hits  # some prefixes end in an age label


def test_kept_mentions_are_the_mentions_read_afresh() -> None:
    linker = bundled_context().linker
    seen = 0
    for line in LINES + TEXTS:
        first = linker.mentions(line)
        first.clear()  # a caller changing its list does not change the next answer
        again = linker.mentions(line)
        assert again == linker._read_mentions(line)
        seen += bool(again)
    assert seen  # some lines mention studies


def test_kept_mentions_are_per_linker() -> None:
    text = "Barbalho et al. (2020) compared back squats with hip thrusts."
    bundled = bundled_context().linker.mentions(text)
    assert [m.candidates for m in bundled] == [("barbalho_2020",)]
    assert [m.candidates for m in linking.Linker([]).mentions(text)] == [()]

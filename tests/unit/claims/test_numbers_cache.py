"""The number finder's cache gives exactly what finding the numbers afresh gives.

A line that cannot end in a number word is kept once for every next line it is asked about with
(the accounting asks with the next line, the reading without): compared with the full finder
given the whole next line, on every line of the dev and held-out articles and on random lines.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from carryover.claims import numbers as numbers_module
from carryover.claims.numbers import Number, numbers

CORPORA = Path(__file__).resolve().parents[2] / "data" / "articles"
SETS = ("real", "holdout", "holdout2", "holdout3", "drafts")
NEXT = ["", "squat", " squat, then", "-squat depth", "Squats and twelve", "kg", "of them"]


def _afresh(line: str, next_line: str) -> list[Number]:
    return list(numbers_module._numbers.__wrapped__(line, next_line))


def test_every_corpus_line_with_its_next_line_and_others() -> None:
    """Each line with the line after it, and with other next lines (none, and a cut-off 'squat')."""
    checked = 0
    for name in SETS:
        for path in sorted((CORPORA / name).glob("*.md")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for i, line in enumerate(lines):
                for after in (lines[i + 1] if i + 1 < len(lines) else "", "", "squat depth"):
                    assert numbers(line, after) == _afresh(line, after), (path.name, i + 1)
                    checked += 1
    assert checked > 3000


def test_a_number_word_that_ends_a_line_still_reads_the_next() -> None:
    """'half' / 'squat' across a line break is no number; the cache keeps the two apart."""
    assert [n.text for n in numbers("they went down to half", "squat depth")] == []
    assert [n.text for n in numbers("they went down to half", "the weight")] == ["half"]
    # a URL after the word is blanked: the word still ends the line's text
    line = "they went down to half https://example.org/1"
    assert [n.text for n in numbers(line, "squat depth") if n.kind == "word"] == []
    assert [n.text for n in numbers(line, "the weight") if n.kind == "word"] == ["half"]


_PIECES = [
    "half",
    "one",
    "twelve",
    "twenty-two",
    "Half",
    "HALF",
    " ",
    "\u00a0",
    "\t",
    "\u2003",
    "12",
    "3.5",
    "%",
    " kg",
    ".",
    ",",
    "-",
    ")",
    "(",
    "[link](http://a.b/1)",
    "https://x.org/2",
    "http://y.org/z",
    "doi: 10.1234/ab",
    "10.5555/x1",
    "<b>",
    "</i>",
    "<!-- 7 -->",
    "squat",
    " only ",
    "weeks",
    "once",
    " a week",
    "é",
    "日",
    "\u0662",
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=10).map("".join),
    st.lists(st.sampled_from([*_PIECES, *NEXT]), max_size=5).map("".join),
)
def test_random_lines_and_next_lines(line: str, next_line: str) -> None:
    """Number words, URLs, links, HTML and white space of every kind at a line's end."""
    assert numbers(line, next_line) == _afresh(line, next_line)

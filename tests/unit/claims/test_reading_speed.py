"""Reading a long line costs about its length, and gives what the slower ways of reading gave.

The number accounting once handed every number's rules the whole line before and after it, and
matched each claim against every number of its value and every interval on the line; a line of n
figures cost n times its length (0.02 MB of one figure-dense line took 6.7 s, 0.25 MB 49 s).
Each faster way is checked against the slow one it replaced, then timed as a ratio of two sizes.
"""

from __future__ import annotations

import heapq
import time
from collections import deque
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carryover.claims import accounting
from carryover.claims.accounting import non_claim_reason
from carryover.claims.articles import Article, read_article
from carryover.claims.numbers import Number, numbers
from carryover.claims.window import REACH, Spans, Window
from tests.support import bundled_context

# --- the window around a number -------------------------------------------------------------

WORDS = [
    "sets", "reps", "of 10", "x 8", "weeks", "in week", "Figure", "table", "$", "code", "save",
    "rest", "rested for", "minutes of rest", "votes", "am", "pm", "of their", "1RM", "at", "with",
    "(", ")", "[", "]", ",", ".", "#", "##", "Jan", "March", "sprint", "40-yard dash", "groups",
    "the two", "half", "of what", "lines", "line", "trial", "off", "discount", "°", "and",
    "participants", "kg", "%", "p =", "2019", "1998", "12", "3", "4.5", "two", "14 ± 2",
]  # fmt: skip


@st.composite
def long_lines(draw: st.DrawFn) -> str:
    """Words the rules read, numbers, and stretches of filler longer than a window's reach."""
    parts = []
    for _ in range(draw(st.integers(3, 30))):
        if draw(st.booleans()) and draw(st.booleans()):
            parts.append("filler " * draw(st.integers(1, 3 * REACH // 7)))
        else:
            parts.append(draw(st.sampled_from(WORDS)))
    lead = " " * draw(st.sampled_from([0, 0, 1, 3, REACH + 5]))
    trail = " " * draw(st.sampled_from([0, 0, 2, REACH + 5]))
    return lead + " ".join(parts) + trail


@settings(max_examples=300, deadline=None)
@given(long_lines())
def test_a_number_reads_the_same_in_its_window_as_in_the_whole_line(line: str) -> None:
    """Every number's reason (or none) is the one the whole line gives."""
    window = Window(line)
    for number in numbers(line):
        text, placed = window.around(number)
        assert len(text) <= 2 * REACH + len(number.text) + 2 + max(window.lead, len(window.marker))
        assert text[placed.column - 1 : placed.end - 1] == number.text
        assert non_claim_reason(text, placed) == non_claim_reason(line, number), (line, number)


def test_a_window_marks_what_it_cuts_off() -> None:
    """Cut text stands as one character that is neither a space nor a word.

    Start and end rules such as 'the first word of a heading' or 'the last word of a sentence' do
    not hold across a cut; a heading's marker stays in front of the cut, so that the number is
    still known to be in a heading.
    """
    line = "## " + "word " * 200 + "12" + " more" * 200
    (number,) = numbers(line)
    text, _ = Window(line).around(number)
    assert text.startswith("## \x00")
    assert text.endswith("\x00")
    assert len(text) < len(line) // 3
    heading = "# sets " + "filler " * 60 + "# 12"  # far into a heading: still a heading's number
    (number,) = numbers(heading)
    text, placed = Window(heading).around(number)
    assert text.startswith("# \x00")
    assert non_claim_reason(text, placed) == non_claim_reason(heading, number) == "heading_number"
    spaces = " " * 600 + "12 sets"
    (number,) = numbers(spaces)
    assert Window(spaces).around(number)[0] == spaces  # only spaces before: all kept


# --- matching claims to a line's numbers ------------------------------------------------------


def _match_every(found: list[Number], line: str, value: str, quantity: str, owner: dict) -> Any:
    """The matching as first written: every number of the value, every interval, in order."""
    if quantity in accounting.SPREADS:
        return None
    try:
        wanted = float(value)
    except ValueError:
        return None
    pattern = accounting._FITS.get("n" if quantity == "n_analysed" else quantity)

    def fits(number: Number) -> bool:
        if quantity == "change_pct":
            return "%" in number.text or "percent" in line[number.end - 1 : number.end + 9]
        if quantity in ("n", "n_analysed") and number.kind == "n":
            return False
        return bool(pattern and pattern.match(line, number.end - 1))

    def candidates() -> Iterator[tuple[int, bool]]:
        equal = [
            i
            for i, n in enumerate(found)
            if n.value is not None and round(abs(n.value), 9) == round(abs(wanted), 9)
        ]
        inside = [
            i
            for i, n in enumerate(found)
            if n.value is not None
            and n.lo is not None
            and n.hi is not None
            and n.kind in ("figure", "ci")
            and n.lo != n.hi
            and n.lo <= wanted <= n.hi
        ]
        last = -1
        for i, kind in heapq.merge(((i, 0) for i in equal), ((i, 1) for i in inside)):
            if i != last and i not in owner:
                last = i
                yield i, kind == 0

    best = None
    for i, exact in candidates():
        number = found[i]
        unbounded = number.lo == float("-inf") or number.hi == float("inf")
        rank = (not fits(number), not exact, unbounded)
        if best is None or rank < best[0]:
            best = (rank, i)
    return best[1] if best else None


FIGURES = [
    "12", "12 weeks", "12 men", "(n = 12)", "12%", "12 percent", "8-12", "10-14 %", "≥ 12%",
    "12 ± 2", "< 14", "3 sessions per week", "2 x week", "10.5", "-12%", "7 to 13", "twelve",
]  # fmt: skip
VALUES = ["12", "3", "10.5", "13", "2", "9"]
QUANTITIES = ["n", "n_analysed", "change_pct", "duration_weeks", "sessions_per_week", "mean"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(FIGURES), min_size=1, max_size=25),
    st.lists(
        st.tuples(
            st.sampled_from(["12", "3", "10.5", "13", "2", "9"]), st.sampled_from(QUANTITIES)
        ),
        max_size=25,
    ),
)
def test_claims_take_the_numbers_the_first_matching_took(
    figures: list[str], claims: list[tuple[str, str]]
) -> None:
    """Claim after claim on one line, each takes the number the every-number matching took."""
    line = "The groups gained " + ", then ".join(figures) + "."
    found = numbers(line)
    places = accounting._Places(found)
    owner: dict[int, int] = {}
    slow_owner: dict[int, int] = {}
    for k, (value, quantity) in enumerate(claims):
        got = accounting._match(places, line, value, quantity, owner)
        want = _match_every(found, line, value, quantity, slow_owner)
        assert got == want, (line, value, quantity)
        if got is not None:
            owner[got] = k
            slow_owner[want] = k


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=20),
    st.integers(0, 80),
    st.integers(0, 10),
)
def test_spans_hold_what_a_look_at_every_span_finds(
    spans: list[tuple[int, int]], start: int, width: int
) -> None:
    pairs = [(s, s + w) for s, w in spans]
    expected = any(s <= start and start + width <= e for s, e in pairs)
    assert Spans(pairs).hold(start, start + width) == expected


# --- time, as ratios --------------------------------------------------------------------------


def _figures_line(size: int) -> str:
    """The articles benchmark's pathological article: one line of figures, `size` characters."""
    unit = (
        "Contreras et al. (2017) found the hip thrust group (n = 13) gained 9.8 % in 3RM back "
        "squat against 4.5 % (n = 11), +8-11 %, 14 ± 2 kg, p = 0.04, d = 0.32, over 6 weeks "
        "at 2 sessions per week; "
    )
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.slow  # times two long lines
def test_a_line_dense_with_figures_is_read_in_linear_time() -> None:
    """One line of 10,000 and one of 40,000 characters of figures: four times the time, not 16.

    It took over 16 times as long: every number's rules read the whole line, and every claim
    looked at every number of its value.
    """
    context = bundled_context()

    def seconds(size: int) -> float:
        article = Article("articles/a.md", "a", [_figures_line(size)])
        began = time.process_time()
        read = read_article(article, context)
        elapsed = time.process_time() - began
        assert read.rows.height > size // 200  # claims are read: the work is real
        return elapsed

    seconds(2_000)  # warm up
    small = min(seconds(10_000) for _ in range(2))
    large = min(seconds(40_000) for _ in range(2))
    assert large < 8 * small, (small, large)


def test_a_claims_index_starts_from_a_line_with_no_intervals() -> None:
    places = accounting._Places(numbers("12 men and 12 weeks"))
    assert places.intervals == {}
    assert places.best(12.0, "duration_weeks", lambda n: "weeks" in n.text, {}) is not None
    assert isinstance(places.by_value[12.0], deque)

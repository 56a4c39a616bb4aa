"""Work grows linearly (up to a log factor) with the input: counted in steps, never in seconds.

Two inputs that once blew up: the claims of one quantity (judging conflicts formed every pair: 4,000
claims took 4.4 GB) and the figures of one line of an article (the reader copied the text before
each figure: 5,000 figures took 17.8 s). Doubling either must roughly double the work counted.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carryover.claims import articles
from carryover.claims.articles import Article, read_article
from carryover.core import rounding
from carryover.core.conflicts import Work, blamed_conflicts
from tests.support import bundled_context as context
from tests.support import valid_texts, validate_texts

SAME = ["article_id", "study_id", "quantity", "group_id", "test_exercise", "measure"]
LINEAR = 2.5
"""Doubling the input may multiply the work by at most this (n log n gives ~2.2 here)."""


def _claims(values: list[float], widths: list[float], contradicted: list[bool]) -> pl.DataFrame:
    n = len(values)
    return pl.DataFrame(
        {
            "article_id": ["review"] * n,
            "study_id": ["s"] * n,
            "quantity": ["n"] * n,
            "group_id": [None] * n,
            "test_exercise": [None] * n,
            "measure": [None] * n,
            "_claim": list(range(n)),
            "line": [i // 2 + 1 for i in range(n)],
            "value": values,
            "_claimed_lo": [v - w for v, w in zip(values, widths, strict=True)],
            "_claimed_hi": [v + w for v, w in zip(values, widths, strict=True)],
            "_contradicted": contradicted,
        },
        schema_overrides={"group_id": pl.String, "test_exercise": pl.String, "measure": pl.String},
    )


def _pairwise(frame: pl.DataFrame) -> dict[int, tuple[int, set[float]]]:
    """The rule as first written: every pair, blame, the smallest line per blamed claim."""
    rows = frame.sort("line", "_claim").to_dicts()
    found: dict[int, list[tuple[int, float]]] = {}
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            overlap = rounding.overlaps(
                (pl.lit(a["_claimed_lo"]), pl.lit(a["_claimed_hi"])),
                (pl.lit(b["_claimed_lo"]), pl.lit(b["_claimed_hi"])),
            )
            if pl.select(overlap).item():
                continue
            if a["_contradicted"] and not b["_contradicted"]:
                found.setdefault(a["_claim"], []).append((b["line"], b["value"]))
            else:
                found.setdefault(b["_claim"], []).append((a["line"], a["value"]))
    out = {}
    for claim, partners in found.items():
        first = min(line for line, _ in partners)
        out[claim] = (first, {v for line, v in partners if line == first})
    return out


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([10.0, 10.5, 11.0, 12.0, 12.3, 30.0, 31.0, -2.0, 0.0]),
            st.sampled_from([0.05, 0.5, 0.005, 5.0]),
            st.booleans(),
        ),
        max_size=14,
    )
)
def test_the_linear_walk_blames_exactly_what_every_pair_would(
    claims: list[tuple[float, float, bool]],
) -> None:
    """Same blamed claims, same first conflicting line, a value from that line."""
    frame = _claims([c[0] for c in claims], [c[1] for c in claims], [c[2] for c in claims])
    expected = _pairwise(frame)
    got = blamed_conflicts(frame, SAME)
    assert set(got["_claim"].to_list()) == set(expected)
    for claim, line, value in got.iter_rows():
        assert line == expected[claim][0]
        assert value in expected[claim][1]


def _conflict_work(n: int) -> int:
    values = [30.0 if i % 2 else 31.0 for i in range(n)]
    work = Work()
    blamed_conflicts(_claims(values, [0.5] * n, [False] * n), SAME, work)
    return work.steps


def test_judging_conflicts_grows_linearly_in_the_claims_of_one_quantity() -> None:
    """`review,N,study,n,,,,30|31` 2,000 vs 4,000 times: twice the claims, about twice the steps."""
    small, large = _conflict_work(2_000), _conflict_work(4_000)
    assert large <= LINEAR * small, (small, large)


@pytest.mark.slow
def test_ten_thousand_claims_of_one_quantity_are_judged() -> None:
    """The case once killed for memory: every claim is judged, half of them conflicting."""
    texts = valid_texts()
    rows = [f"review,{i + 10},trial_2020,n,,,,{30 + i % 2}" for i in range(10_000)]
    texts["claims"] = texts["claims"] + "\n".join(rows) + "\n"
    validation = validate_texts(texts)
    conflicts = validation.findings.filter(pl.col("rule") == "claim_conflict")
    assert conflicts.height >= 4_999


# --- the article reader ----------------------------------------------------------------------


class _Counting:
    """A compiled pattern that counts the characters each call may look at."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self.pattern = pattern
        self.tally = tally

    def _count(self, text: str, pos: int = 0, endpos: int | None = None) -> None:
        self.tally[0] += (len(text) if endpos is None else min(endpos, len(text))) - pos

    def match(self, text: str, *args: Any) -> Any:
        self._count(text, *args)
        return self.pattern.match(text, *args)

    def search(self, text: str, *args: Any) -> Any:
        self._count(text, *args)
        return self.pattern.search(text, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


@contextmanager
def _counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """[characters scanned around figures and stops, Python lines run by the reader]."""
    tally = [0, 0]
    scanned = [0]
    for name in ("_LOAD_AFTER", "_DISCOUNT_AFTER", "_DISCOUNT_BEFORE", "_WORD_BEFORE_STOP"):
        monkeypatch.setattr(articles, name, _Counting(getattr(articles, name), scanned))
    reader_file = articles.__file__

    def trace(frame: FrameType, event: str, arg: object) -> Any:
        if frame.f_code.co_filename != reader_file:
            return None
        if event == "line":
            tally[1] += 1
        return trace

    sys.settrace(trace)
    try:
        yield tally
    finally:
        sys.settrace(None)
        tally[0] = scanned[0]


def _line_with_figures(n: int) -> list[str]:
    figures = ", ".join(f"{10 + i % 50}.{i % 10}% in week e.g. {i}" for i in range(n))
    return [
        "A study by Hammond et al. recruited 14 trained men.",
        f"The squat group increased their back squat one-rep max by {figures}.",
    ]


def _reader_work(n: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    lines = _line_with_figures(n)
    with _counted(monkeypatch) as tally:
        read_article(Article("articles/x.md", "x", lines), context())
    return tally


def test_reading_a_line_grows_linearly_in_its_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """400 vs 800 figures on one line: characters scanned and Python steps about double."""
    context()
    small = _reader_work(400, monkeypatch)
    large = _reader_work(800, monkeypatch)
    assert small[0] > 0
    assert small[1] > 0
    assert large[0] <= LINEAR * small[0], (small, large)
    assert large[1] <= LINEAR * small[1], (small, large)

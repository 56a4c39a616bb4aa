"""The number check's short way gives what the full test gives, on any text.

`number_valid` gives the full representability test (value, underflow, half-width) only to
texts with an exponent or of more than 300 characters; every other text that matches the number
pattern is representable by its size alone. On random cells of signs, digits (runs long enough
to cross the length bound and to overflow or underflow a float), points, exponents, percent
signs, spaces, empty texts, nulls and junk, it agrees cell for cell with the pattern and the full
test on every cell, the way the check was written before.
"""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_series_equal

from schemas.columns import NUMBER_PATTERN, number_valid, representable

pytestmark = pytest.mark.slow  # many generated examples each

_DIGITS = st.one_of(
    st.text("0123456789", min_size=0, max_size=6),
    st.text("0", min_size=0, max_size=4),
    st.integers(0, 420).map(lambda n: "0" * n),
    st.integers(0, 420).map(lambda n: "9" * n),
    st.integers(0, 420).map(lambda n: "1" + "0" * n),
    st.integers(0, 420).map(lambda n: "0" * n + "1"),
)
_PIECES = st.one_of(
    _DIGITS,
    st.sampled_from(
        ["+", "-", ".", "e", "E", "e+", "e-", "E-", "%", " ", "\t", "\n", "", "NaN", "inf", "x"]
    ),
    st.sampled_from(["1e308", "1e309", "1E309", "1e-324", "0e400", "0E400", "1E-400", "٣", "½"]),
    st.integers(0, 10**30).map(str),
)
_CELL = st.one_of(st.none(), st.lists(_PIECES, max_size=6).map("".join))


def _before(col: pl.Expr) -> pl.Expr:
    """The check as it was: the pattern and the full test on every cell."""
    return col.str.contains(NUMBER_PATTERN) & representable(col)


def _compare(cells: list[str | None]) -> None:
    frame = pl.DataFrame({"t": cells}, schema={"t": pl.String})
    got = frame.select(number_valid(pl.col("t")).alias("t"))["t"]
    want = frame.select(_before(pl.col("t")).alias("t"))["t"]
    assert_series_equal(got, want)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CELL, min_size=1, max_size=30))
def test_the_short_way_agrees_with_the_full_test(cells: list[str | None]) -> None:
    _compare(cells)


def test_hard_cases_agree() -> None:
    long_ones = [
        "1" + "0" * 299,
        "1" + "0" * 300,
        "1" + "0" * 308,
        "1" + "0" * 309,
        "0." + "0" * 297 + "1",
        "0." + "0" * 298 + "1",
        "0." + "0" * 330 + "1",
        "0." + "0" * 400 + "1",
        "0." + "0" * 500,
        "9" * 310,
        "." + "5" * 320,
    ]
    plain = ["12.5", "-0", "+.5", "5.", ".", "", " 12.5", "12.5 ", "10%", "1,5", "abc", None]
    scientific = ["1e308", "1.8e308", "1e-320", "1e-400", "0e400", "0e-400", "1.5E+02", "1e"]
    scientific += ["1E309", "1E-400", "0E400", "5e-324", "1" + "0" * 290 + "e20"]
    _compare(long_ones + plain + scientific)


def test_the_comparison_can_fail() -> None:
    """A short way that skipped the full test on long texts too would be caught here."""
    frame = pl.DataFrame({"t": ["1" + "0" * 400]})
    short_only = frame.select(pl.col("t").str.contains(NUMBER_PATTERN).alias("t"))["t"]
    full = frame.select(_before(pl.col("t")).alias("t"))["t"]
    assert short_only.to_list() != full.to_list()

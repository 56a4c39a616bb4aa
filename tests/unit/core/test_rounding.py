import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carryover.core import rounding


def _hw(texts: list[str | None]) -> list[float | None]:
    frame = pl.DataFrame({"t": texts}, schema={"t": pl.String})
    return frame.select(rounding.half_width(pl.col("t")).alias("hw"))["hw"].to_list()


def test_half_width_follows_the_last_reported_digit() -> None:
    """A figure stands for ± half its last digit; scientific notation counts the exponent."""
    assert _hw(["10.2", "14", "13.30", "1.5e2", "2E-1", None]) == pytest.approx(
        [0.05, 0.5, 0.005, 5.0, 0.05, None], nan_ok=True
    )


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("21.1", "21.2", False),  # neighbouring roundings touch but do not overlap
        ("13", "13.3", True),  # 13 covers 12.5-13.5
        ("13.3", "13.3", True),
        ("13.3", "21.2", False),
        ("10.2", "10.25", True),
        ("10", "10.6", False),  # 10 stands for [9.5, 10.5)
        ("10", "10.4", True),
    ],
)
def test_two_reports_agree_only_if_their_intervals_overlap(a: str, b: str, agree: bool) -> None:
    """Agreement is interval overlap, not a fixed tolerance."""
    frame = pl.DataFrame({"a": [a], "b": [b]}).with_columns(
        pl.col("a").cast(pl.Float64).alias("va"),
        pl.col("b").cast(pl.Float64).alias("vb"),
        rounding.half_width(pl.col("a")).alias("ha"),
        rounding.half_width(pl.col("b")).alias("hb"),
    )
    result = frame.select(
        rounding.overlaps(
            rounding.interval(pl.col("va"), pl.col("ha")),
            rounding.interval(pl.col("vb"), pl.col("hb")),
        )
    ).item()
    assert result is agree


def test_propagate_carries_input_rounding_through_a_percent_change() -> None:
    """100 -> 110 reported to the unit allows 100*(109.5/100.5-1) to 100*(110.5/99.5-1)."""
    frame = pl.DataFrame({"pre": [100.0], "post": [110.0]})
    lo, hi = rounding.propagate(
        rounding.pct_change,
        (pl.col("pre") - 0.5, pl.col("pre") + 0.5),
        (pl.col("post") - 0.5, pl.col("post") + 0.5),
    )
    got = frame.select(lo.alias("lo"), hi.alias("hi")).row(0)
    assert got == pytest.approx((100 * (109.5 / 100.5 - 1), 100 * (110.5 / 99.5 - 1)))


def test_pct_from_post_and_change_is_null_without_a_positive_baseline() -> None:
    """No percent change exists when post - change is not above zero."""
    frame = pl.DataFrame({"post": [110.0, 10.0], "change": [10.0, 10.0]})
    got = frame.select(rounding.pct_from_post_and_change(pl.col("post"), pl.col("change")))
    assert got.to_series().to_list() == [pytest.approx(10.0), None]


def _reference_half_width(text: pl.Expr) -> pl.Expr:
    """The half-width read with three patterns (the mantissa, its decimals, the exponent)."""
    lowered = text.str.strip_chars().str.to_lowercase()
    mantissa = lowered.str.extract(r"^[+-]?([0-9]*\.?[0-9]*)", 1)
    decimals = mantissa.str.extract(r"\.([0-9]*)$", 1).str.len_chars().fill_null(0)
    exponent = lowered.str.extract(r"e([+-]?[0-9]+)$", 1).cast(pl.Float64, strict=False)
    power = exponent.fill_null(0.0) - decimals.cast(pl.Float64)
    return pl.when(text.is_null()).then(None).otherwise(pl.lit(0.5) * pl.lit(10.0).pow(power))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.text(alphabet=" +-.0123456789eE\tx%É", max_size=12),
            st.from_regex(r"\A ?[+-]?[0-9]{0,4}(\.[0-9]{0,4})?([eE][+-]?[0-9]{1,3})? ?\Z"),
        ),
        max_size=20,
    )
)
def test_half_width_reads_any_text_as_the_three_pattern_reading(texts: list[str | None]) -> None:
    """Any text, a number or not, gets the half-width of the mantissa-decimals-exponent reading."""
    frame = pl.DataFrame({"t": texts}, schema={"t": pl.String})
    got = frame.select(rounding.half_width(pl.col("t")).alias("hw"))["hw"]
    want = frame.select(_reference_half_width(pl.col("t")).alias("hw"))["hw"]
    assert got.equals(want)

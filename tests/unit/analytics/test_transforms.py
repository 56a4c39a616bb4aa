import polars as pl
import pytest

from carryover.analytics.transforms import outcome_changes
from tests.support import valid_texts, validate_texts, with_row


def changes_of(row: str) -> dict[str, object]:
    validation = validate_texts(with_row("outcomes", row))
    assert validation.findings.is_empty(), validation.findings.to_dicts()
    frame = outcome_changes(validation.clean["outcomes"])
    return frame.filter(pl.col("measure") == "5RM").row(0, named=True)


def test_reported_figures_win_and_are_labelled_reported() -> None:
    """A reported change is used as it is, with its own rounding interval."""
    got = changes_of("trial_2020,sq,back_squat,5RM,kg,,,,,6.5,6.4,Abstract")
    assert (got["change_pct"], got["change_pct_source"]) == (6.4, "reported")
    assert (got["change_pct_lo"], got["change_pct_hi"]) == pytest.approx((6.35, 6.45))
    assert (got["change_abs"], got["change_abs_source"]) == (6.5, "reported")


def test_changes_are_computed_from_pre_and_post_when_not_reported() -> None:
    """Percent and unit change come from the means, with the means' rounding carried through."""
    got = changes_of("trial_2020,sq,back_squat,5RM,kg,120,,130,,,,Table 2")
    assert got["change_pct"] == pytest.approx(100 * 10 / 120)
    assert got["change_pct_source"] == "computed from pre_mean and post_mean"
    assert got["change_pct_lo"] == pytest.approx(100 * (129.5 / 120.5 - 1))
    assert got["change_pct_hi"] == pytest.approx(100 * (130.5 / 119.5 - 1))
    assert (got["change_abs"], got["change_abs_source"]) == (
        10.0,
        "computed from pre_mean and post_mean",
    )
    assert (got["change_abs_lo"], got["change_abs_hi"]) == pytest.approx((9.0, 11.0))


def test_unit_change_is_computed_from_a_mean_and_the_percent() -> None:
    """Pre 100 and +10.0% give +10 in the unit; post 110 and +10.0% give the same."""
    from_pre = changes_of("trial_2020,sq,back_squat,5RM,kg,100,,,,,10.0,Table 2")
    assert from_pre["change_abs"] == pytest.approx(10.0)
    assert from_pre["change_abs_source"] == "computed from pre_mean and change_pct"
    from_post = changes_of("trial_2020,sq,back_squat,5RM,kg,,,110,,,10.0,Table 2")
    assert from_post["change_abs"] == pytest.approx(10.0)
    assert from_post["change_abs_source"] == "computed from post_mean and change_pct"


def test_a_change_that_nothing_determines_stays_empty() -> None:
    """A percent with no mean gives no unit change: null, never a guess."""
    got = changes_of("trial_2020,sq,back_squat,5RM,,,,,,,25.0,Abstract")
    assert got["change_abs"] is None
    assert got["change_abs_source"] is None


def test_one_row_per_outcome() -> None:
    """The transform keeps the outcomes' grain and their source lines."""
    validation = validate_texts(valid_texts())
    frame = outcome_changes(validation.clean["outcomes"])
    assert frame.height == validation.clean["outcomes"].height
    assert frame["source_line"].to_list() == [2, 3, 4, 5]

"""Percents written as a spread ('24.2 ± 7.1%'), and groups named by their abbreviation alone.

The SD of a spread is never read as a change: the figure is the mean before the '±'. An
abbreviation the article defined ('a half squat group (HST)') or a group's label carries names that
group wherever it stands ('FST +31.8%, HST +11.3%'), rather than the last group named before.
"""

from __future__ import annotations

import pytest

from tests.support import bundled_context
from tests.unit.claims.test_articles import read

KUBO = "Kubo et al. (2019) assigned men to a full squat group (FST) or a half squat group (HST). "


def changes(text: str) -> list[tuple[object, ...]]:
    claims, _ = read(KUBO + text, bundled_context())
    return [(c[3], c[4], c[6]) for c in claims if c[2] == "change_pct"]


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        (
            "The increase in half squat 1RM did not differ between FST (24.2 ± 7.1%) and HST "
            "(32.0 ± 12.1%).",
            [("fst", "half_squat", "24.2"), ("hst", "half_squat", "32.0")],
        ),
        (
            "Full squat 1RM rose more in FST (31.8 +/- 14.9%) than in HST (11.3 +/- 8.6%).",
            [("fst", "full_squat", "31.8"), ("hst", "full_squat", "11.3")],
        ),
        (
            "Full squat 1RM: FST +31.8%, HST +11.3%.",
            [("fst", "full_squat", "31.8"), ("hst", "full_squat", "11.3")],
        ),
        (
            "In the half squat 1RM, FST gained 24.2% and HST gained 32.0%.",
            [("fst", "half_squat", "24.2"), ("hst", "half_squat", "32.0")],
        ),
    ],
)
def test_each_figure_is_the_mean_of_the_group_its_abbreviation_names(
    text: str, read_as: list[tuple[str, str, str]]
) -> None:
    assert changes(text) == read_as


def test_a_load_written_as_a_spread_is_no_change() -> None:
    text = "The FST group trained at 75 ± 5% of 1RM; its full squat 1RM rose 31.8%."
    assert changes(text) == [("fst", "full_squat", "31.8")]


def test_spaces_around_the_spread_do_not_make_the_sd_a_change() -> None:
    assert changes("Full squat 1RM rose 11.3 ±  8.6% in HST.") == [("hst", "full_squat", "11.3")]


def test_a_spread_alone_is_no_change() -> None:
    # before, '7.1%' after the '±' was read as the group's change (and called wrong)
    assert changes("The half squat 1RM of the HST group varied by ± 7.1% between men.") == []


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        # capitals that name no group of the study leave the figure to the group named
        ("The NSCA notes that full squat 1RM rose 11.3% in the HST group.", "hst"),
        ("Full squat 1RM rose 31.8% in the FST group (ACSM guidelines).", "fst"),
        # a group id in capitals is no abbreviation its label carries: 'HIGH' names no group
        ("Full squat 1RM rose 31.8% in the FST group, a HIGH gain.", "fst"),
    ],
)
def test_other_capitals_do_not_take_the_figure(text: str, read_as: str) -> None:
    assert [group for group, _, _ in changes(text)] == [read_as]

"""Figures set against each other ('(+10.5 % vs 8.1 %)') when the sentence says who came out ahead.

The group the sentence names as ahead, by name or by the exercise it trained, owns the first
figure of the pair and the other group the second; a pair that does not agree with the lead (the
first figure not the larger gain), or a sentence naming no single group ahead, stays unread.
"""

from __future__ import annotations

import pytest

from carryover.claims.articles import Context
from tests.unit.claims.test_articles import context, read  # noqa: F401 - the fixture

H = "A study by Hammond et al. trained lifters. "
AHEAD_HT = [
    (1, "hammond_2019", "change_pct", "bht", "hip_thrust", "1RM", "24.8"),
    (1, "hammond_2019", "change_pct", "bbs", "hip_thrust", "1RM", "13.3"),
]


@pytest.mark.parametrize(
    "text",
    [
        H + "Hip thrust gains (+24.8 % vs 13.3 %) leaned a little toward hip thrust training.",
        H + "Hip thrust 1RM gains showed a clear lead for the hip thrust group (24.8% against "
        "13.3%).",
        H + "Hip thrust strength rose in favour of the hip thrust (24.8% versus 13.3%).",
        H + "Hip thrust gains (24.8% vs. 13.3%) favoured the hip thrust group.",
    ],
)
def test_a_pair_goes_first_to_the_group_ahead(context: Context, text: str) -> None:  # noqa: F811
    claims, _ = read(text, context)
    assert [c for c in claims if c[2] == "change_pct"] == AHEAD_HT


def test_the_lead_can_be_the_other_group(context: Context) -> None:  # noqa: F811
    text = H + "Back squat gains (10.2% vs 7.7%) leaned toward the back squat group."
    claims, _ = read(text, context)
    assert [c for c in claims if c[2] == "change_pct"] == [
        (1, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2"),
        (1, "hammond_2019", "change_pct", "bht", "back_squat", "1RM", "7.7"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no group said to be ahead
        H + "Hip thrust gains (+24.8 % vs 13.3 %) were reported.",
        # the first figure is not the larger: the pair does not follow the lead
        H + "Hip thrust gains (13.3 % vs 24.8 %) leaned toward hip thrust training.",
        # the sentence leans two ways
        H + "Hip thrust gains (24.8 % vs 13.3 %) favoured the hip thrust group, back squat "
        "gains favoured the back squat group.",
        # leaning toward something that is not a group
        H + "Hip thrust gains (24.8 % vs 13.3 %) leaned toward heavier loads.",
        # not set against each other inside one parenthesis
        H + "Hip thrust gains were 24.8 % vs 13.3 % and leaned toward hip thrust training.",
        # training loads, not changes
        H + "Hip thrust loads (80% vs 70% of 1RM) leaned toward the hip thrust group.",
    ],
)
def test_near_misses_are_not_paired(context: Context, text: str) -> None:  # noqa: F811
    claims, _ = read(text, context)
    assert [c for c in claims if c[2] == "change_pct"] == []


# A test named by a group's abbreviation, its figures in parentheses after it.
D = "A study by Hammond et al. set the back squat (BBS) against the hip thrust (BHT). "


def test_a_test_named_by_a_group_abbreviation_is_its_trained_lift(
    context: Context,  # noqa: F811
) -> None:
    text = D + "The BBS group improved more in BBS 1 RM (10.2% for BBS and 7.7% for BHT)."
    claims, _ = read(text, context)
    assert [c for c in claims if c[2] == "change_pct"] == [
        (1, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2"),
        (1, "hammond_2019", "change_pct", "bht", "back_squat", "1RM", "7.7"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the abbreviated test in a clause of its own names no test for the figures after it
        D + "BHT 1RM rose in both groups, but the BBS group improved more in knee extensor "
        "torque (10.2% for BBS and 7.7% for BHT).",
        # an abbreviation no group answers to
        D + "The BBS group improved more in LP 1 RM (10.2% for BBS and 7.7% for BHT).",
    ],
)
def test_near_misses_name_no_test(context: Context, text: str) -> None:  # noqa: F811
    claims, _ = read(text, context)
    assert [c for c in claims if c[2] == "change_pct"] == []


def test_the_second_of_a_pair_is_never_the_first_figures_group(
    context: Context,  # noqa: F811
) -> None:
    """'the squat group gained more (10.2% vs. 7.7%)': the 7.7% is not the squat group's.

    With no word saying which group came out ahead, the first figure is the group named and
    the second stays unread, never read as the same group's.
    """
    text = H + "The squat group gained more back squat strength (10.2% vs. 7.7%)."
    claims, _ = read(text, context)
    assert [c for c in claims if c[2] == "change_pct"] == [
        (1, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2"),
    ]
    text = H + "The squat group gained 10.2% in back squat strength, the hip thrust group 7.7%."
    claims, _ = read(text, context)
    assert [c[3] for c in claims if c[2] == "change_pct"] == ["bbs", "bht"]

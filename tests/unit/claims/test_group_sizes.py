"""Group sizes as writers state them: one n claim per group, never the study's total."""

from __future__ import annotations

import pytest

from carryover.claims.articles import Context
from tests.unit.claims.test_articles import context, read  # noqa: F401 - the fixture

H = "A study by Hammond et al. trained lifters. "
C = "A study by Contreras et al. trained boys. "


def sizes(claims: list[tuple[object, ...]]) -> list[tuple[object, object]]:
    """(group, value) of the n claims, in order."""
    return [(c[3], c[6]) for c in claims if c[2] == "n"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (H + "The BBS group (n=7, 24 years) and the BHT group (n = 7) trained.",
         [("bbs", "7"), ("bht", "7")]),
        (H + "The hip thrust group, 7 men, trained twice a week.", [("bht", "7")]),
        (H + "They formed a back squat group (BBS: n = 7) and a hip thrust group (BHT; n = 7).",
         [("bbs", "7"), ("bht", "7")]),
        (H + "The hip thrust group of 7 men trained twice a week.", [("bht", "7")]),
        (H + "Of the 14 men, 7 of them were assigned to the hip thrust group.",
         [(None, "14"), ("bht", "7")]),
        (H + "There were 7 in the squat group.", [("bbs", "7")]),
        (H + "At the start, the 7 men in the squat group squatted 100 kg.", [("bbs", "7")]),
        (H + "Each group had 7 participants.", [("bbs", "7"), ("bht", "7")]),
        (C + "Boys were randomised to an FS (n=10) or HT (n=10) group.",
         [("fs", "10"), ("ht", "10")]),
        (C + "One group did the front squat (FS; n = 10), the other the hip thrust (HT: n = 10).",
         [("fs", "10"), ("ht", "10")]),
        (H + "A group of 7 men did the hip thrust; a group of 7 subjects does 3 sets on the back "
         "squat.", [("bht", "7"), ("bbs", "7")]),
        (H + "They trained 14 (7 in the squat group, 7 in the hip thrust group) men.",
         [("bbs", "7"), ("bht", "7"), (None, "14")]),
        (H + "A group of 14 trained men was divided so that 7 trained with the back squat and "
         "7 with the hip thrust.", [(None, "14"), ("bbs", "7"), ("bht", "7")]),
        # an abbreviation written as a hashtag before the size
        (H + "They were allocated to a back squat group (#BBS, n = 7) or a hip thrust group "
         "(#BHT, n = 7 at study onset).", [("bbs", "7"), ("bht", "7")]),
    ],
)  # fmt: skip
def test_group_sizes_become_n_claims_of_their_group(
    context: Context,  # noqa: F811
    text: str,
    expected: list[tuple[object, object]],
) -> None:
    claims, _ = read(text, context)
    assert sizes(claims) == expected


@pytest.mark.parametrize(
    "text",
    [
        H + "They did 3 sets of 10 with the back squat at 80% of their 1RM.",  # a set scheme
        H + "The squat group did 3 sets of 7 with the back squat.",  # a set scheme after a group
        H + "They did 7 sets in the squat group.",  # sets, not people
        H + "Each group had 2 sessions per week for 4 weeks.",  # a frequency, not a size
        H + "In the hip thrust group, two participants dropped out.",  # those who left
        H + "Strength peaked at week 4 in the squat group.",  # a week, not a count
        H + "The mean 1RM was 112 in the squat group.",  # a figure, not a count
        H + "A group of 14 men was tested on the hip thrust.",  # tested, not trained: unread
        H + "The hip thrust group (7 sessions) trained hard.",  # a count, not 'n ='
        H + "The squat group's 1RM rose by 7 in the squat group.",  # no count of people
        H + "The back squat 1RM rose by 14 (n = 7) in the squat group.",  # a change, not a size
        H + "The hip thrust group (#7, n = 7) trained hard.",  # a hashtag of no abbreviation
    ],
)
def test_near_misses_are_not_group_sizes(context: Context, text: str) -> None:  # noqa: F811
    claims, _ = read(text, context)
    assert sizes(claims) == []


def test_a_group_size_is_never_the_total(context: Context) -> None:  # noqa: F811
    """'the hip thrust group, 7 men' is the group's size; a total beside it stays the total."""
    claims, _ = read(
        H + "In all, 14 men took part; the hip thrust group, 7 men, did hip thrusts.", context
    )
    assert sizes(claims) == [(None, "14"), ("bht", "7")]


def test_counting_words_before_groups_name_no_group(context: Context) -> None:  # noqa: F811
    """'rose in both groups', 'split them into two groups' are not unknown group names."""
    claims, warnings = read(
        H + "They were split into two groups. Back squat 1RM rose by 7.7% in both groups.",
        context,
    )
    assert not any("fits no group" in w for w in warnings)
    assert [(c[3], c[6]) for c in claims if c[2] == "change_pct"] == [
        ("bbs", "7.7"),
        ("bht", "7.7"),
    ]


def test_a_hyphenated_group_name_before_a_count_in_parentheses(
    context: Context,  # noqa: F811
) -> None:
    """'- Hip-thrust (7 men): ...' in a list of groups: the hip thrust group's size."""
    claims, _ = read(H + "- Hip-thrust (7 men): hip thrusts twice a week.", context)
    assert sizes(claims) == [("bht", "7")]


def test_a_count_after_an_exercise_no_group_is_named_by_is_unread(
    context: Context,  # noqa: F811
) -> None:
    """'Front squats (14 men)' in a study whose groups did not front squat: not the total."""
    claims, _ = read(H + "- Front squats (14 men): front squats twice a week.", context)
    assert sizes(claims) == []
    claims, _ = read(H + "- All lifters (14 men): back squats twice a week.", context)
    assert sizes(claims) == [(None, "14")]

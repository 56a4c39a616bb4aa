"""Outcome figures: each group's change read where writers set it, and left alone where not."""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims import comparators, size_units, than_pairs, title_muscles
from carryover.claims.articles import Article, read_article
from tests.support import bundled_context


def claims(text: str, quantity: str = "change_pct") -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), bundled_context())
    return (
        ex.rows.filter(pl.col("quantity") == quantity)
        .select("source_line", "group_id", "test_exercise", "value")
        .rows()
    )


KUBO_DEPTHS = (
    "Kubo et al. (2019) looked at what 10 weeks of squat training at three depths (quarter squat "
    "(QS), half squat (HS) and full squat (FS)) did to the volumes of the lower-limb muscles."
)


def test_abbreviations_defined_one_after_another_each_name_their_group() -> None:
    """'(quarter squat (QS), half squat (HS) and full squat (FS))': HS and FS are groups."""
    text = "\n".join(
        [
            KUBO_DEPTHS,
            "Total quadriceps volume grew more in the FS group (+5.7%) than in the HS group "
            "(+3.4%) and the QS group (+2.1%).",
        ]
    )
    assert claims(text) == [
        (2, "fst", "quadriceps_volume", "5.7"),
        (2, "hst", "quadriceps_volume", "3.4"),
    ]


def test_an_abbreviation_of_a_group_the_data_lacks_names_none() -> None:
    """The quarter squat group is not in the data: its figure stays unread, not given away."""
    text = "\n".join([KUBO_DEPTHS, "Quadriceps volume grew in the QS group (+2.1%)."])
    assert claims(text) == []


KUBO_MRI = (
    "Kubo et al. (2019) had one group of men squat to full depth and the other to half depth for "
    "10 weeks, and measured muscle mass with MRI at the start and at the end."
)


def test_a_comparative_then_a_pair_gives_each_group_its_figure_in_order() -> None:
    """'the full squat grew it more than the half squat: 7% against 2%': full squat's is 7%."""
    text = "\n".join(
        [
            KUBO_MRI,
            "Both programmes grew the gluteus maximus, but the full squat grew it significantly "
            "more than the half squat: 7% against 2% muscle growth.",
        ]
    )
    assert claims(text) == [(2, "fst", "glute_volume", "7"), (2, "hst", "glute_volume", "2")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the group ahead named right after the comparative
        (
            "The gluteus maximus grew more with the full squat than with the half squat: 6.7% "
            "versus 2.2%.",
            [("fst", "6.7"), ("hst", "2.2")],
        ),
        # the pair in a parenthesis, the first figure sharing the second's percent sign
        (
            "Gluteus maximus volume rose more in FST than in HST (6.7 vs. 2.2%).",
            [("fst", "6.7"), ("hst", "2.2")],
        ),
        # 'less', and the group behind followed by its verb
        (
            "The half squat grew the gluteus maximus less than the full squat did: 2.2% against "
            "6.7%.",
            [("hst", "2.2"), ("fst", "6.7")],
        ),
    ],
)
def test_comparative_pairs_as_writers_word_them(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    got = [(c[1], c[3]) for c in claims(f"{KUBO_MRI}\n{sentence}") if c[2] == "glute_volume"]
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a strength test between the muscle and the pair: the figures are the test's
        "The gluteus maximus grew, and squat strength rose more with the full squat than with "
        "the half squat: 31.8% versus 11.3%.",
        # a jump
        "The gluteus maximus grew, and jump height rose more with the full squat than with the "
        "half squat: 9% versus 3%.",
        # muscle activity in one visit, not growth
        "The gluteus maximus was more active in the full squat than in the half squat: 69% vs "
        "29% of MVIC.",
        # activity, though growth is named before it
        "The gluteus maximus grew, and its EMG rose more in the full squat than in the half "
        "squat: 69% vs 29%.",
        # the figures disagree with the comparative: which is whose cannot be told
        "Both programmes grew the gluteus maximus, but the full squat grew it more than the half "
        "squat: 2% against 7%.",
        # a negated comparative says nothing of which group was ahead
        "The full squat did not grow the gluteus maximus more than the half squat: 7% against 2%.",
        # no muscle named: the test cannot be told
        "The full squat did more than the half squat: 7% against 2%.",
    ],
)
def test_a_pair_the_comparative_does_not_settle_makes_no_claims(sentence: str) -> None:
    assert [c for c in claims(f"{KUBO_MRI}\n{sentence}") if c[2] == "glute_volume"] == []


def test_than_pairs_gives_the_spans_in_the_writers_order() -> None:
    """The group behind is the words after 'than'; the first figure is the group ahead's."""
    text = "The squat group grew more than the hip thrust group: 9.4% vs. 3.7%."
    (pair,) = than_pairs.than_pairs(text)
    assert text[pair.ahead_start : pair.ahead_end].strip() == "The squat group grew"
    assert pair.behind == "the hip thrust group".removeprefix("the ")
    assert text[slice(*pair.first)] == "9.4%"
    assert text[slice(*pair.second)] == "3.7%"


WIRTH = "Wirth et al. (2016) compared squat training (SQ) with leg-press training (LP) for 8 weeks."


def test_a_groups_own_control_keeps_that_group_in_play() -> None:
    """'improved over its control group. Its squat jump ... by 12,4%': the squat group's."""
    text = "\n".join(
        [
            WIRTH,
            "The squat group showed a statistical improvement over its control group. Its squat "
            "jump performance improved by 12,4%.",
        ]
    )
    assert claims(text) == [(2, "sq", "squat_jump", "12.4")]


def test_a_control_group_of_its_own_ends_the_group_in_play() -> None:
    """'the control group' (no possessive) is another group: the next figure is not the squat's."""
    text = "\n".join(
        [
            WIRTH,
            "The squat group showed a statistical improvement over the control group. Its squat "
            "jump performance improved by 12,4%.",
        ]
    )
    assert claims(text) == []


def test_a_figure_after_a_groups_own_control_is_not_that_groups() -> None:
    """'more than its control group: +12% vs +3%': the control's +3% is no squat group figure."""
    text = "\n".join(
        [WIRTH, "The squat group improved its squat jump more than its control group: +12% vs +3%."]
    )
    assert claims(text) == []


@pytest.mark.parametrize(
    ("words", "own"),
    [
        (["over", "its", "control"], True),
        (["than", "their", "own", "control"], True),
        (["over", "the", "control"], False),
        (["its", "squat"], False),
    ],
)
def test_own_comparator(words: list[str], own: bool) -> None:
    assert comparators.own_comparator(words) is own


SCHOENFELD = (
    "Schoenfeld et al. (2015) had trained men lift a high load (HL) or a low load (LL) for "
    "8 weeks and measured muscle thickness."
)


def test_a_muscles_gain_in_mm_is_a_change_in_units_of_its_thickness_test() -> None:
    """'the biceps gain in the high-load group was 2,5 mm': the elbow flexors' thickness."""
    text = "\n".join(
        [
            SCHOENFELD,
            "After 8 weeks: • the biceps gain in the high-load group was 2,5 mm, • the triceps "
            "gain in the low-load group 2,4 mm, • the thigh gain was 5,2 mm in both groups.",
        ]
    )
    assert claims(text, "change_abs") == [
        (2, "hl", "elbow_flexor_thickness", "2.5"),
        (2, "ll", "elbow_extensor_thickness", "2.4"),
        (2, "hl", "quadriceps_thickness", "5.2"),
        (2, "ll", "quadriceps_thickness", "5.2"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a muscle the study did not measure gets no test it lacks
        "The glute gain in the high-load group was 2,5 mm.",
        # a comparison, not a gain
        "The biceps gain in the high-load group was 2,5 mm more than in the low-load group.",
        # no word of growth: a size, not a change
        "The biceps of the high-load group measured 42 mm.",
        # no group named
        "The biceps gain was 2,5 mm.",
        # a level the muscle grew from, not the gain
        "The biceps thickness increased from 40 mm in the high-load group to 42.5 mm.",
    ],
)
def test_millimetres_that_are_no_plain_gain_of_a_measured_muscle_make_no_claims(
    sentence: str,
) -> None:
    assert claims(f"{SCHOENFELD}\n{sentence}", "change_abs") == []


def test_size_gains_reads_the_group_after_the_figure() -> None:
    """'the thigh gain was 5,2 mm in both groups': every group, the thigh named."""
    (gain,) = size_units.size_gains("the thigh gain was 5,2 mm in both groups")
    assert (gain.value, gain.every, gain.thigh, gain.group_words) == ("5.2", True, True, None)


ENES = (
    "Enes et al. (2024) had recreationally trained women train the front squat (FS) or the back "
    "squat (BS) for 12 weeks."
)


def test_muscle_size_with_no_muscle_named_is_the_titles_muscle() -> None:
    """'increases in muscle volume ... (5.1% against 4.4%)' under a title on the quadriceps."""
    text = "\n".join(
        [
            "# BackSquat or FrontSquat: how well does each build the quadriceps?",
            ENES,
            "The two exercises gave similar increases in muscle volume, with a small lead for the "
            "frontsquat (5.1% against 4.4%).",
        ]
    )
    assert claims(text) == [
        (3, "fs", "quadriceps_volume", "5.1"),
        (3, "bs", "quadriceps_volume", "4.4"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "# BackSquat or FrontSquat: which is better?",  # no muscle in the title
        "# BackSquat or FrontSquat for the quadriceps and the glutes",  # two muscles
    ],
)
def test_a_title_naming_no_one_muscle_gives_no_size_test(title: str) -> None:
    text = "\n".join(
        [
            title,
            ENES,
            "The two exercises gave similar increases in muscle volume, with a small lead for the "
            "frontsquat (5.1% against 4.4%).",
        ]
    )
    assert [c for c in claims(text) if c[2] == "quadriceps_volume"] == []


def test_the_titles_muscle_is_not_used_when_the_study_holds_size_figures() -> None:
    """Kubo et al. hold the volumes of three muscles: the title cannot say which one is meant."""
    text = "\n".join(
        [
            "# How to build the glutes",
            "Kubo et al. (2019) compared full squats (FST) with half squats (HST) for 10 weeks.",
            "Muscle volume rose more with full squats (FST 6.1% vs HST 2.2%).",
        ]
    )
    assert [c for c in claims(text) if c[2] == "glute_volume"] == []


def test_title_muscle_reads_the_first_heading_only() -> None:
    muscles = frozenset({"quadriceps", "gluteus maximus"})
    assert title_muscles.title_muscle(["# Build the quads", "text"], muscles) == "quadriceps"
    assert title_muscles.title_muscle(["Intro", "# Build the quads"], muscles) == "quadriceps"
    assert title_muscles.title_muscle(["Intro about glutes", "## Results"], muscles) is None

"""Ranges, approximations and between-group differences: read as writers state them, judged whole.

Judging rules added with them, each with a claim that breaks it and one that passes:
- a range claim ('8-11 %') is supported when any value from one end to the other (each end with
  its rounding) is what the study reports;
- a between-group difference is oriented to the group it names: the named group minus the other.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Context
from carryover.claims.contrasts import stated_differences
from carryover.claims.numbers import numbers
from tests.support import valid_texts, validate_texts
from tests.unit.claims.test_articles import context, read  # noqa: F401 - the fixture

H = "A study by Hammond et al. trained lifters. "
HEADER = "article_id,line,study_id,quantity,group_id,test_exercise,measure,value,value_to\n"


def judged(*rows: str) -> list[str]:
    """Verdicts of claims.csv rows against the small valid set.

    trial_2020: sq back squat 1RM +12.0%; the sq - ht back squat 1RM difference is 5.5 kg.
    """
    texts = valid_texts()
    texts["claims"] = HEADER + "".join(r + "\n" for r in rows)
    v = validate_texts(texts)
    return v.derived["claim_checks"].sort("source_line")["verdict"].to_list()


@pytest.mark.parametrize(
    ("row", "verdict"),
    [
        ("r,2,trial_2020,change_pct,sq,back_squat,1RM,10,13", "supported"),
        ("r,2,trial_2020,change_pct,sq,back_squat,1RM,8,12", "supported"),  # 12 allows 12.5
        ("r,2,trial_2020,change_pct,sq,back_squat,1RM,8,10", "contradicted"),
        ("r,2,trial_2020,change_pct,sq,back_squat,1RM,13,15", "contradicted"),
        ("r,2,trial_2020,change_pct,sq,back_squat,1RM,10.8,13.2", "supported"),  # ~12
        ("r,2,trial_2020,change_pct,sq,back_squat,1RM,12,", "supported"),  # one figure
    ],
)
def test_a_range_claim_is_judged_end_to_end(row: str, verdict: str) -> None:
    assert judged(row) == [verdict]


@pytest.mark.parametrize(
    ("row", "verdict"),
    [
        ("r,2,trial_2020,contrast,sq,back_squat,1RM,5.5,", "supported"),
        ("r,2,trial_2020,contrast,ht,back_squat,1RM,-5.5,", "supported"),  # the same, from ht
        ("r,2,trial_2020,contrast,ht,back_squat,1RM,5.5,", "contradicted"),  # wrong way round
        ("r,2,trial_2020,contrast,sq,back_squat,1RM,8,", "contradicted"),
        # a confidence interval read as the difference's range: the estimate must lie inside
        ("r,2,trial_2020,contrast,sq,back_squat,1RM,2.6,8.4", "supported"),
        ("r,2,trial_2020,contrast,ht,back_squat,1RM,-8.4,-2.6", "supported"),
        ("r,2,trial_2020,contrast,ht,back_squat,1RM,2.6,8.4", "contradicted"),
        ("r,2,trial_2020,contrast,sq,back_squat,1RM,6.1,9.0", "contradicted"),
    ],
)
def test_a_difference_is_judged_for_the_group_it_names(row: str, verdict: str) -> None:
    assert judged(row) == [verdict]


# -- reading -----------------------------------------------------------------------------------


def changes(claims: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return [(c[2], c[3], c[4], c[5], c[6]) for c in claims if c[2] in ("change_pct", "contrast")]


def test_stated_differences_orient_to_the_favoured_group() -> None:
    found = stated_differences(
        "squat 3RM increases favored SQ [14 ± 2.5 kg] and hip thrust 3RM favored HT "
        "[\u221226 ± 5 kg]; the deadlift favoured the squat group by 3 kg, and the press rose "
        "by 2 kg less in the HT group than in the SQ group."
    )
    assert [(s.value, s.unit, s.group_words) for s in found] == [
        ("14", "kg", "SQ"),
        ("26", "kg", "HT"),
        ("3", "kg", "the squat group"),
        ("-2", "kg", "the HT group"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (H + "Back squat 1RM favoured the squat group by 3 kg.",
         [("contrast", "bbs", "back_squat", "1RM", "3")]),
        (H + "Hip thrust 1RM favored BHT [\u22124.5 ± 1.5 kg].",
         [("contrast", "bht", "hip_thrust", "1RM", "4.5")]),
        (H + "Hip thrust 1RM favored BHT [\u22124.5 ± 1.5 kg; CI95% (\u22127.5, \u22121.5)].",
         [("contrast", "bht", "hip_thrust", "1RM", "4.5"),
          ("contrast", "bht", "hip_thrust", "1RM", "1.5")]),
        (H + "Back squat 1RM increased by 3 ± 1 kg more in the squat group than in the hip "
         "thrust group.", [("contrast", "bbs", "back_squat", "1RM", "3")]),
    ],
)  # fmt: skip
def test_differences_become_contrast_claims(
    context: Context,  # noqa: F811
    text: str,
    expected: list[tuple[object, ...]],
) -> None:
    claims, _ = read(text, context)
    assert changes(claims) == expected


@pytest.mark.parametrize(
    "text",
    [
        H + "Back squat 1RM favoured the squat group by 31 lbs.",  # not the data's unit
        H + "Back squat 1RM favoured the squat group by 5%.",  # a percent difference
        H + "The squat group lifted 3 sets of 10 at 80 kg on the back squat.",  # a load
        H + "Back squat 1RM favoured the bench group by 3 kg.",  # no such group
    ],
)
def test_near_misses_are_not_differences(context: Context, text: str) -> None:  # noqa: F811
    claims, _ = read(text, context)
    assert [c for c in claims if c[2] == "contrast"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (H + "The hip thrust group gained 20-30% on the hip thrust.",
         [("change_pct", "bht", "hip_thrust", "1RM", "20", "30")]),
        (H + "The hip thrust group gained +20\u201330 % on the hip thrust.",
         [("change_pct", "bht", "hip_thrust", "1RM", "20", "30")]),
        (H + "The hip thrust group gained ~25 % on the hip thrust.",
         [("change_pct", "bht", "hip_thrust", "1RM", "22.5", "27.5")]),
        (H + "The hip thrust group gained roughly 24.8% on the hip thrust.",
         [("change_pct", "bht", "hip_thrust", "1RM", "22.32", "27.28")]),
        (H + "The hip thrust group gained 24,8 % on the hip thrust.",
         [("change_pct", "bht", "hip_thrust", "1RM", "24.8", None)]),
        (H + "Back squat 1RM rose 5-8% in both groups.",
         [("change_pct", "bbs", "back_squat", "1RM", "5", "8"),
          ("change_pct", "bht", "back_squat", "1RM", "5", "8")]),
    ],
)  # fmt: skip
def test_ranges_and_approximations_keep_their_interval(
    context: Context,  # noqa: F811
    text: str,
    expected: list[tuple[object, ...]],
) -> None:
    from carryover.claims.articles import Article, read_article

    ex = read_article(Article("articles/a.md", "a", [text]), context)
    got = ex.rows.select("quantity", "group_id", "test_exercise", "measure", "value", "value_to")
    assert got.rows() == expected
    # the number the claim was read from is the claim's, not unread
    assert ex.numbers.filter(pl.col("disposition") == "unread").is_empty()


@pytest.mark.parametrize(
    "text",
    [
        H + "They trained 3 sets of 10 at 70-80% of their 1RM on the back squat.",  # a load
        H + "The squat group gained 1,200 kg in total on the back squat.",  # no decimal comma
        H + "The hip thrust group (24, 10) gained on the hip thrust.",  # not '24,10'
    ],
)
def test_near_misses_are_not_ranges_or_decimals(context: Context, text: str) -> None:  # noqa: F811
    claims, _ = read(text, context)
    assert [c for c in claims if c[2] == "change_pct"] == []


def test_decimal_commas_only_before_a_percent() -> None:
    assert [(n.text, n.value) for n in numbers("rose 12,4% and 12,0 %; 1,200 kg (12, 10)")] == [
        ("12,4%", 12.4),
        ("12,0 %", 12.0),
        ("1,200 kg", 1200.0),
        ("12", 12.0),
        ("10", 10.0),
    ]


def test_a_faster_time_is_a_negative_change() -> None:
    """'speed improved (~1.5 %)' on a timed test: the time fell, so the change is negative."""
    from carryover.claims.articles import _Mention, _time_signed

    text = "change-of-direction speed improved only slightly (1.5 %)"
    figure = _Mention(text.index("1.5"), text.index("%") + 1, "figure", "1.5")
    assert _time_signed(text, figure, "time") == ("-1.5", None)
    assert _time_signed(text, figure, "1RM") == ("1.5", None)
    slower = "sprint times got a little slower (2.9 %)"
    figure = _Mention(slower.index("2.9"), slower.index("%") + 1, "figure", "2.9")
    assert _time_signed(slower, figure, "time") == ("2.9", None)


def test_a_contrast_starts_a_new_clause_for_the_exercise(context: Context) -> None:  # noqa: F811
    """'... hip thrust rose 24.8%, but speed improved 3%': the 3% is not a hip thrust figure."""
    claims, _ = read(
        H + "The hip thrust group's hip thrust rose 24.8%, but their speed improved 3%.", context
    )
    assert changes(claims) == [("change_pct", "bht", "hip_thrust", "1RM", "24.8")]


def test_a_list_of_figures_ending_in_both_groups_is_every_groups(
    context: Context,  # noqa: F811
) -> None:
    """'back squat (5-8%) and hip thrust (+13 %) rose in both groups': each figure, each group."""
    claims, _ = read(
        H + "Back squat 1RM (5-8%) and hip thrust 1RM (+13 %) rose in both groups.", context
    )
    assert [(c[3], c[4], c[6]) for c in claims] == [
        ("bbs", "back_squat", "5"),
        ("bht", "back_squat", "5"),
        ("bbs", "hip_thrust", "13"),
        ("bht", "hip_thrust", "13"),
    ]
    # a clause break ends the list: the first figure has no group of its own
    split, warnings = read(
        H + "Back squat 1RM rose (5-8%); hip thrust 1RM (+13 %) rose in both groups.", context
    )
    assert [(c[3], c[4]) for c in split] == [("bbs", "hip_thrust"), ("bht", "hip_thrust")]
    assert "a line 1: cannot tell which group 5-8% refers to" in warnings


def test_a_confidence_interval_is_oriented_like_its_difference() -> None:
    """'favored HT [-26 ± 5 kg; CI95% (-34, -16)]': HT's advantage is 26, inside 16 to 34."""
    (stated,) = stated_differences(
        "hip thrust 3RM favored HT [\u221226 ± 5 kg; CI95% (\u221234, \u221216)]"
    )
    assert (stated.value, stated.ci[1:] if stated.ci else None) == ("26", ("16", "34"))
    (plain,) = stated_differences("squat 3RM favored SQ [14 ± 2 kg; CI95% (9, 18)]")
    assert (plain.value, plain.ci[1:] if plain.ci else None) == ("14", ("9", "18"))
    assert [(n.text, n.kind) for n in numbers("CI95% (9, 18) and refs (4, 5)")] == [
        ("CI95%", "name"),
        ("(9, 18)", "ci"),
        ("4", "figure"),
        ("5", "figure"),
    ]

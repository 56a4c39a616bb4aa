"""A difference between groups stated as a multiple is a `contrast_ratio` claim.

'more than twice as large for those who squatted': read, with its group and test, never judged.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.ratios import multiples
from carryover.report.model import _quantity_value
from tests.support import bundled_context, valid_texts, validate_texts

B = "In a study led by Matheus Barbalho, trained women did the hip thrust or the squat. "


@pytest.fixture(scope="module")
def context() -> Context:
    return bundled_context()


def ratios_read(text: str, context: Context) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    rows = ex.rows.filter(pl.col("quantity") == "contrast_ratio")
    numbers = ex.numbers.filter(pl.col("quantity") == "contrast_ratio")["text"].to_list()
    return [
        (*row, numbers)
        for row in rows.select("group_id", "test_exercise", "value", "value_to", "bound").rows()
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the group right after the multiple; the muscle before it, measured as the sentence says
        ("Quadriceps thickness rose, and for the glutes the gains were more than twice as large "
         "for those who squatted.",
         [("bs", "glute_thickness", "2", None, "at_least", ["twice"])]),
        # the other group than the one compared with; 'almost' makes a range
        ("Glute thickness increased almost three times as much in the squat group as in the hip "
         "thrust group.",
         [("bs", "glute_thickness", "2.70", "3.30", None, ["three"])]),
        ("Glute thickness grew 2.5 times more than in the hip thrust group.",
         [("bs", "glute_thickness", "2.5", None, None, ["2.5"])]),
    ],
)  # fmt: skip
def test_a_multiple_is_a_ratio_claim_for_the_group_ahead(
    context: Context, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert ratios_read(B + sentence, context) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # frequencies, loads and body weights are not differences between groups
        "The women trained twice a week and their glute thickness increased.",
        "They lifted twice their body weight and glute thickness increased.",
        "The load was 3 times the body weight; glute thickness increased.",
        "The squat group trained 2 times more often, and glute thickness increased.",
        # no group said to be ahead, or no muscle-size test told
        "Glute thickness increased twice as much as expected.",
        "The gains were twice as large for those who squatted.",
        # no change at all
        "The squat group's glute thickness was twice as large as the hip thrust group's.",
    ],
)
def test_near_misses_are_no_ratio_claim(context: Context, sentence: str) -> None:
    assert ratios_read(B + sentence, context) == []


def test_a_ratio_is_never_judged_and_reads_as_a_multiple() -> None:
    """The data's differences are in units: a multiple cannot be checked against them."""
    texts = valid_texts()
    texts["claims"] = (
        "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"
        "r,2,trial_2020,contrast_ratio,sq,back_squat,1RM,2\n"
        "s,3,trial_2020,contrast_ratio,sq,back_squat,1RM,50\n"
    )
    checks = validate_texts(texts).derived["claim_checks"]
    assert checks["verdict"].to_list() == ["unverifiable", "unverifiable"]
    assert _quantity_value("contrast_ratio", 2.0) == "2 times the other group's gain"


def test_multiples_are_found_in_linear_time() -> None:
    import time

    def seconds(repeats: int) -> float:
        text = "gains were twice as large for those who squatted, " * repeats
        began = time.process_time()
        assert len(multiples(text)) == repeats
        return time.process_time() - began

    seconds(100)
    small = min(seconds(5_000) for _ in range(2))
    large = min(seconds(20_000) for _ in range(2))
    assert large < 8 * small + 0.01

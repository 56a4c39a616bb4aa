"""A pair of figures sharing one percent sign, its group ahead told by a comparative at the pair.

'those who squatted increased quadriceps thickness more (12,2 vs. 2%)': both numbers are
percents (decimal commas read as points), the first the squat group's, the second the other
group's; 'and for the glutes ... (9,4 vs. 3,7%)' is the glutes' thickness, not the quadriceps'.
"""

from __future__ import annotations

import time

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.numbers import numbers
from carryover.claims.pairs import comparative_before, shared_percents
from tests.support import bundled_context

B = "In a study led by Matheus Barbalho, trained women did the hip thrust or the squat. "


@pytest.fixture(scope="module")
def context() -> Context:
    return bundled_context()


def changes(text: str, context: Context) -> list[tuple[object, ...]]:
    rows = read_article(Article("articles/a.md", "a", [text]), context).rows
    return (
        rows.filter(pl.col("quantity") == "change_pct")
        .select("group_id", "test_exercise", "value")
        .rows()
    )


def test_the_first_of_a_pair_shares_the_second_s_percent_sign() -> None:
    text = "thickness grew more (12,2 vs. 2%) and (9.4 versus 3,7 %) but not (12 vs. 10 women)"
    assert [v for _, _, v in shared_percents(text)] == ["12.2", "9.4"]
    assert [n.text for n in numbers(text)][:4] == ["12,2", "2%", "9.4", "3,7 %"]
    # outside a parenthesis, or with no percent after it, a number is not made a percent
    assert shared_percents("gains of 12 vs. 10% were seen; (12 vs. 10 kg)") == []
    # a comma with no pair after it is no decimal comma
    assert numbers("(12,2 and 2%)")[0].text == "12"


def test_a_comparative_at_the_pair_puts_its_group_ahead(context: Context) -> None:
    text = B + (
        "Those who squatted increased quadriceps thickness more (12,2 vs. 2%), and for the "
        "glutes the gains were more than twice as large for those who squatted (9,4 vs. 3,7%)!"
    )
    assert changes(text, context) == [
        ("bs", "quadriceps_thickness", "12.2"),
        ("ht", "quadriceps_thickness", "2"),
        ("bs", "glute_thickness", "9.4"),
        ("ht", "glute_thickness", "3.7"),
    ]
    after = B + "Quadriceps thickness gains were larger for the squat group (12.2 vs. 2%)."
    assert changes(after, context) == [
        ("bs", "quadriceps_thickness", "12.2"),
        ("ht", "quadriceps_thickness", "2"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # no comparative at the pair: the second figure stays unread
        "Those who squatted increased quadriceps thickness (12,2 vs. 2%).",
        # a negation: nobody is said to be ahead
        "Those who squatted did not increase quadriceps thickness more (12,2 vs. 2%).",
        # a clause break between the group and the comparative
        "Those who squatted trained hard, and quadriceps thickness grew more (12,2 vs. 2%).",
        # the pair disagrees with the lead (the first figure is the smaller)
        "Those who squatted increased quadriceps thickness more (2 vs. 12,2%).",
    ],
)
def test_near_misses_leave_the_second_figure_unread(context: Context, sentence: str) -> None:
    assert ("ht", "quadriceps_thickness", "2") not in changes(B + sentence, context)
    assert ("ht", "quadriceps_thickness", "12.2") not in changes(B + sentence, context)


def test_a_muscle_named_between_figures_is_not_given_the_previous_muscle_s_test(
    context: Context,
) -> None:
    """Another muscle named in the clause takes its own test in the same measure, or none."""
    text = B + (
        "The squat group's quadriceps thickness rose 12.2%, and its glutes grew 9.4%, "
        "and its pecs grew 3%."
    )
    assert changes(text, context) == [
        ("bs", "quadriceps_thickness", "12.2"),
        ("bs", "glute_thickness", "9.4"),
        ("bs", "pectoralis_thickness", "3"),
    ]
    # two muscles named: neither test is carried, the figure is left unread
    both = B + "The squat group's quadriceps thickness rose 12.2%, and its glutes and pecs 9.4%."
    assert changes(both, context) == [("bs", "quadriceps_thickness", "12.2")]
    same = B + "The squat group's quadriceps thickness rose 12.2%, and its quads grew 9.4% later."
    assert changes(same, context) == [
        ("bs", "quadriceps_thickness", "12.2"),
        ("bs", "quadriceps_thickness", "9.4"),
    ]


def test_the_comparative_is_read_in_a_bounded_window() -> None:
    def seconds(size: int) -> float:
        text = "those who squatted " + "grew " * size + "more (12,2 vs. 2%)"
        began = time.process_time()
        for _ in range(20):
            comparative_before(text, len(text) - 11, 18, 0)
            shared_percents(text)
        return time.process_time() - began

    seconds(1000)
    small = min(seconds(20_000) for _ in range(2))
    large = min(seconds(80_000) for _ in range(2))
    assert large < 8 * small + 0.01
    assert not comparative_before("a " + "grew " * 100 + "more (", 1 + 500 + 5, 1, 0)


@pytest.mark.slow  # times two long lines
def test_a_line_dense_with_pairs_is_read_in_linear_time(context: Context) -> None:
    """Thousands of pairs on one line: four times the line, not sixteen times the time."""

    def seconds(repeats: int) -> float:
        line = B + "those who squatted grew quadriceps thickness more (12,2 vs. 2%), " * repeats
        began = time.process_time()
        read = read_article(Article("articles/a.md", "a", [line]), context)
        elapsed = time.process_time() - began
        assert read.rows.height >= repeats  # the pairs are read: the work is real
        return elapsed

    seconds(50)  # warm up
    small = min(seconds(250) for _ in range(2))
    large = min(seconds(1000) for _ in range(2))
    assert large < 8 * small, (small, large)

"""Changes stated in words ('by about a quarter', 'doubled') and groups named by their training.

Each reading rule with a sentence where it applies and one where it must not; the accounting
finds the fraction word as the claim's number and gives it the claim's verdict.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from carryover.claims.bounds import fractions
from tests.unit.claims.test_facts import B, context

__all__ = ["context"]  # the reading fixture (barbalho_2020: BS and HT groups), from test_facts


def changes(text: str, context: Context) -> list[tuple[object, ...]]:
    """The change claims read from a text as (group, test, measure, value, value_to)."""
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.filter(pl.col("quantity") == "change_pct")
    return rows.select("group_id", "test_exercise", "measure", "value", "value_to").rows()


def test_fractions_in_words_are_percent_ranges() -> None:
    text = "It rose by about a quarter, by half, by a third; they doubled their squat strength."
    assert [(text[s:e], lo, hi) for s, e, lo, hi in fractions(text)] == [
        ("quarter", "22.5", "27.5"),
        ("half", "45.0", "55.0"),
        ("third", "30.0", "36.7"),
        ("doubled", "90.0", "110.0"),
    ]
    # no change: a share of something, a doubled volume
    assert fractions("about half of what the other group gained; they doubled the volume") == []


READ = [
    # a group named by what it trained, a change by a fraction in words
    (B + "The women who squatted raised their back squat 1RM by about a quarter.",
     [("bs", "back_squat", "1RM", "22.5", "27.5")]),
    (B + "Those who used the hip thrust raised their hip thrust 1RM by a third.",
     [("ht", "hip_thrust", "1RM", "30.0", "36.7")]),
    (B + "Their back squat 1RM fell by half in the BS group.",
     [("bs", "back_squat", "1RM", "-55.0", "-45.0")]),
    # ... 'who watched' names no training: no group, no claim
    (B + "The women who watched the squat raised their back squat 1RM by a quarter.", []),
    # maximal strength with no figure in the data to tell the test is a 1RM ...
    (B + "The BS group raised its maximal leg press strength by 12%.",
     [("bs", "leg_press_45", "1RM", "12", None)]),
    # ... and no test is guessed without those words
    (B + "The BS group raised its leg press strength by 12%.", []),
    # a percent more than another group's is a difference, not a change
    (B + "The BS group's back squat 1RM rose 12% more than the HT group's.", []),
    (B + "The BS group's back squat 1RM rose 12% in the study.",
     [("bs", "back_squat", "1RM", "12", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), READ)
def test_changes_in_words_are_read_for_the_group_that_trained(
    text: str, expected: list[tuple[object, ...]], context: Context
) -> None:
    assert changes(text, context) == expected


def test_a_fraction_word_is_the_claims_number(context: Context) -> None:
    """'quarter' is disposed of as the claim it states, not left unread."""
    text = B + "The women who squatted raised their back squat 1RM by about a quarter."
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    rows = ex.numbers.select("text", "disposition", "quantity").rows()
    assert ("quarter", "claim", "change_pct") in rows


def test_a_fraction_word_takes_its_claims_verdict() -> None:
    """A wrong 'a quarter' marks the word wrong; a digit below one stays its own value."""
    numbers = pl.DataFrame(
        {
            "source_file": ["articles/a.md"] * 2,
            "line": [3, 4],
            "text": ["quarter", "0.25%"],
            "value": [0.25, 0.25],
            "disposition": ["claim", "claim"],
            "quantity": ["change_pct", "change_pct"],
        }
    )
    checks = pl.DataFrame(
        {
            "source_file": ["articles/a.md"] * 2,
            "source_line": [3, 4],
            "claimed": [22.5, 0.25],
            "claimed_to": [27.5, None],
            "quantity": ["change_pct", "change_pct"],
            "verdict": ["contradicted", "supported"],
        }
    )
    verdicts = accounting.with_verdicts(numbers, checks)["verdict"].to_list()
    assert verdicts == ["contradicted", "supported"]


@pytest.mark.slow  # times two long sentences
def test_changes_in_words_and_bounds_are_read_in_linear_time(context: Context) -> None:
    """Fractions, training-named groups and bounds many times over in one sentence.

    Four times the text, not sixteen times the time: each look is a bounded window, and the
    numbers left unread ('gained more than 20 kg' with no test) are accounted for in windows too.
    """
    import time

    unit = (
        "the women who squatted raised their maximal back squat strength by about a quarter, "
        "those who used the hip thrust gained more than 20 kg, participants were > 18 years, "
    )

    def seconds(repeats: int) -> float:
        text = B + unit * repeats + "end."
        began = time.process_time()
        read_article(Article("articles/a.md", "a", [text]), context)
        return time.process_time() - began

    seconds(50)  # warm up
    small = min(seconds(200) for _ in range(2))
    large = min(seconds(800) for _ in range(2))
    assert large < 8 * small

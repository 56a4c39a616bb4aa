"""Claims judged wrong that no number of the article carries (accounting.uncarried_wrong).

Each is matched the way `with_verdicts` gives numbers their verdicts: a range by its middle, a
fraction word as a percent, a stated SD by the spread in its number's text.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.accounting import uncarried_wrong

FILE = "articles/a.md"


def numbers(*rows: tuple[str, float, str]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {"source_file": FILE, "line": 1, "text": text, "value": value, "quantity": q,
             "disposition": "claim"}
            for text, value, q in rows
        ]
    )  # fmt: skip


def checks(claimed: str, quantity: str, claimed_to: str | None = None) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {"source_file": FILE, "source_line": "1", "claimed": claimed,
             "claimed_to": claimed_to, "quantity": quantity, "verdict": "contradicted"}
        ]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("number", "check"),
    [
        (("35.9%", 35.9, "change_pct"), checks("35.9", "change_pct")),
        (("8-11 %", 9.5, "change_pct"), checks("8", "change_pct", "11")),  # a range: its middle
        (("half", 0.5, "change_pct"), checks("50", "change_pct")),  # a fraction word
        (("26.4 ± 1.32", 26.4, "age"), checks("1.32", "age_sd")),  # an SD in its number's text
    ],
)
def test_a_wrong_claim_its_number_carries_is_not_listed(
    number: tuple[str, float, str], check: pl.DataFrame
) -> None:
    assert uncarried_wrong(numbers(number), check).is_empty()


def test_a_wrong_claim_read_from_part_of_a_number_is_listed() -> None:
    # '11.3 ± 8.6%' is one number; a claim of 8.6 was read from its SD
    found = uncarried_wrong(
        numbers(("11.3 ± 8.6%", 11.3, "change_pct")), checks("8.6", "change_pct")
    )
    assert found.rows() == [(1, 8.6)]


def test_a_claim_not_judged_wrong_is_never_listed() -> None:
    supported = checks("8.6", "change_pct").with_columns(pl.lit("supported").alias("verdict"))
    assert uncarried_wrong(numbers(("35.9%", 35.9, "change_pct")), supported).is_empty()

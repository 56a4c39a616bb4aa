"""Tables whose columns name groups by one word and whose rows name a muscle by its size test."""

from __future__ import annotations

import polars as pl

from carryover.claims import row_labels
from carryover.claims.articles import Article, read_article
from tests.support import bundled_context

MAEO = (
    "Maeo et al. (2021) trained one leg with the seated leg curl and the other with the lying "
    "leg curl for 12 weeks, and measured the muscle volume of the whole hamstrings and of the "
    "biceps femoris short head."
)


def claims(lines: list[str]) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", lines), bundled_context())
    return (
        ex.rows.filter(pl.col("quantity") == "change_pct")
        .select("source_line", "group_id", "test_exercise", "value")
        .rows()
    )


def test_one_word_columns_and_a_whole_muscle_row_are_read() -> None:
    """'| | Seated | Lying |': each column is the group its word alone names."""
    rows = [
        MAEO,
        "| | Seated | Lying |",
        "|---|---|---|",
        "| Whole hamstrings | +14.1% | +9.3% |",
        "| Biceps femoris short head | +9.5% | +9.0% |",
        "| Semitendinosus | +23.6% | +19.3% |",
    ]
    assert claims(rows) == [
        (4, "seated", "hamstrings_volume", "14.1"),
        (4, "prone", "hamstrings_volume", "9.3"),
        (5, "seated", "hamstrings_monoarticular_volume", "9.5"),
        (5, "prone", "hamstrings_monoarticular_volume", "9.0"),
    ]


def test_a_word_both_groups_share_or_no_measure_in_play_reads_nothing() -> None:
    """'| | Curl | Lying |': 'curl' names both groups; without a measure a muscle names no test."""
    shared = [MAEO, "| | Curl | Lying |", "|---|---|---|", "| Whole hamstrings | +14% | +9% |"]
    assert claims(shared) == []
    unmeasured = [
        "Maeo et al. (2021) trained one leg with the seated leg curl and the other with the "
        "lying leg curl for 12 weeks.",
        "| | Seated | Lying |",
        "|---|---|---|",
        "| Whole hamstrings | +14% | +9% |",
    ]
    assert claims(unmeasured) == []


def test_distinctive_owner() -> None:
    groups = {
        "seated": frozenset({"seated", "seated leg curl"}),
        "prone": frozenset({"prone", "prone leg curl", "lying leg curl"}),
    }
    assert row_labels.distinctive_owner("Lying", groups) == "prone"
    assert row_labels.distinctive_owner("Seated", groups) == "seated"
    assert row_labels.distinctive_owner("curl", groups) is None  # both groups' word
    assert row_labels.distinctive_owner("Lying leg", groups) is None  # not one word
    assert row_labels.distinctive_owner("Standing", groups) is None  # no group's word


def test_measured_phrases() -> None:
    assert row_labels.measured_phrases("Whole hamstrings", "cm3") == [
        "hamstrings volume",
        "hamstrings muscle volume",
    ]
    assert row_labels.measured_phrases("Biceps Femoris \u2013 Short Head", "mm") == [
        "biceps femoris short head thickness",
        "biceps femoris short head muscle thickness",
    ]
    assert row_labels.measured_phrases("Week 12", "cm3") == []
    assert row_labels.measured_phrases("Hamstrings", "kg") == []

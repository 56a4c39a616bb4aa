"""Part of the sample taken on to a further part ('19 of those participants'), and people added."""

from __future__ import annotations

import polars as pl

from carryover.claims.articles import Article, read_article
from carryover.claims.subsets import subset_counts
from tests.support import bundled_context

LEAD = "Maeo et al. (2021) trained one leg seated and one prone for 12 weeks."


def counts(sentence: str) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", [LEAD, sentence]), bundled_context())
    return ex.rows.filter(pl.col("source_line") == 2).select("quantity", "value").rows()


def test_a_part_of_those_counted_and_people_added_are_design_claims() -> None:
    assert counts("After that, 19 of those participants did an eccentric-only protocol.") == [
        ("other", "19")
    ]
    assert counts(
        "First 20 untrained subjects trained; then 19 of the 20 plus another 12 untrained "
        "subjects did the eccentric bout."
    ) == [("n", "20"), ("other", "12"), ("other", "19")]


def test_a_part_of_anything_else_is_no_subset() -> None:
    assert subset_counts("He did 3 of the 5 sets.") == []
    assert subset_counts("19 of the 20 from the first part came back.") == []  # 20 of whom?
    assert subset_counts("20 men trained, and 20 of the 20 finished.") == []  # not a part
    assert subset_counts("19 of those sets were hard.") == []


def test_a_count_before_its_split_by_sex_is_the_sample() -> None:
    """'20 untrained (13 male, 7 female)': the sample, and its two parts as design claims."""
    assert counts("- 20 untrained (13 male, 7 female) trained") == [
        ("n", "20"),
        ("other", "13"),
        ("other", "7"),
    ]


def test_a_split_that_does_not_add_up_or_follows_people_is_not_read_so() -> None:
    assert counts("- 20 untrained (13 male, 8 female) trained") == []
    assert counts("- 20 young adults (12 male and 8 female) trained") == [("n", "20")]

"""Hours between training sessions are a training parameter; hours between tests a design claim."""

from __future__ import annotations

import polars as pl

from carryover.claims.articles import Article, read_article
from carryover.claims.nonclaims import plan_reason
from carryover.claims.numbers import numbers
from carryover.claims.rests import sessions_apart
from tests.support import bundled_context

LEAD = "Maeo et al. (2021) trained one leg seated and one prone for 12 weeks."


def others(sentence: str) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", [LEAD, sentence]), bundled_context())
    return (
        ex.rows.filter((pl.col("source_line") == 2) & (pl.col("quantity") == "other"))
        .select("value")
        .rows()
    )


def test_hours_between_sessions_are_no_claim() -> None:
    assert others("Each leg did 5 sets, with sessions at least 48 hours apart.") == []
    assert sessions_apart("with sessions at least ", " hours apart, 2 times a week")
    assert sessions_apart("training sessions were ", " h apart.")
    line = "Each leg did 5 sets, with sessions at least 48 hours apart."
    hours = next(n for n in numbers(line) if n.text.startswith("48"))
    assert plan_reason(line, hours) == "rest_interval"


def test_hours_between_tests_stay_a_design_claim() -> None:
    assert others("The two tests were 48 hours apart.") == [("48",)]
    assert not sessions_apart("the two tests were ", " hours apart")
    assert not sessions_apart("with sessions at least ", " hours long")

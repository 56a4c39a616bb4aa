"""A sample counted after adjectives set apart by commas, and ages written without 'years'."""

from __future__ import annotations

import polars as pl

from carryover.claims import ages
from carryover.claims.articles import Article, read_article
from carryover.claims.numbers import numbers
from tests.support import bundled_context

LEAD = "Morton et al. (2016) trained two groups for 12 weeks."


def facts(sentence: str) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", [LEAD, sentence]), bundled_context())
    return (
        ex.rows.filter(pl.col("source_line") == 2)
        .filter(pl.col("quantity").is_in(["n", "age"]))
        .select("quantity", "value")
        .rows()
    )


def test_people_counted_after_adjectives_with_commas() -> None:
    assert facts("They chose 49 healthy, strong men for the study.") == [("n", "49")]
    assert facts("They ran 49, then rested.") == []


def test_an_age_with_no_unit_after_its_label_and_an_age_after_about() -> None:
    assert facts("They were 49 young men who train regularly (average age 23).") == [
        ("n", "49"),
        ("age", "23"),
    ]
    assert facts("The men, each about 23 years old, trained hard.") == [("age", "23")]


def test_a_unitless_figure_after_an_age_label_needs_nothing_after_it() -> None:
    assert facts("The pups were aged 8 weeks at the start.") == []
    assert facts("The men were about 23 kg heavier.") == []


def test_unitless_age_bounds() -> None:
    def at(text: str, figure: str) -> tuple[ages.Number, str, str]:
        n = next(x for x in numbers(text) if x.text.startswith(figure))
        start = n.column - 1
        return n, text[:start], text[start + len(n.text) :]

    assert ages.unitless_age(*at("(average age 23)", "23"))
    assert not ages.unitless_age(*at("(average age 230)", "230"))
    assert not ages.unitless_age(*at("(average age 23 kg)", "23"))
    assert not ages.unitless_age(*at("(average age 23.5)", "23.5"))
    assert not ages.unitless_age(*at("(the age 23)", "23"))
    assert ages.rounded_age("49 men, each about ", " years old")
    assert ages.rounded_age("the participants were around ", " years old")
    assert not ages.rounded_age("49 men, each about ", " years of training")
    assert not ages.rounded_age("The squat rack (about ", " years old) still works.")


def history(sentence: str) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", [LEAD, sentence]), bundled_context())
    return (
        ex.rows.filter(pl.col("source_line") == 2)
        .filter(pl.col("quantity").is_in(["other", "sessions_per_week"]))
        .select("quantity", "value")
        .rows()
    )


def test_years_on_the_iron_and_gym_visits_before_the_study_are_their_history() -> None:
    """'had been on the iron for at least four years and went to the gym three to five times'."""
    assert history(
        "The men had been on the iron for at least four years and went to the gym three to five "
        "times a week."
    ) == [("other", "5"), ("other", "4")]


def test_the_studys_own_frequency_and_other_spans_stay_as_they_were() -> None:
    assert history("The men trained three times a week.") == [("sessions_per_week", "3")]
    assert history("The men had been injured for at least four years.") == []


def test_adverbs_between_lifting_and_its_span() -> None:
    """'men who had been lifting quite seriously for about two years': their history."""
    assert history("The men had been lifting quite seriously for about two years.") == [
        ("other", "2")
    ]
    assert history("The men had been lifting quite seriously in the 12 weeks.") == []

"""Judging claims: every claim against the other claims of its article and against the study.

`judge` joins each claim (from claims.csv or read from an article) to what the study reports and
gives it a verdict; the claim rules themselves are pandera checks on the judged frame, in
schemas/claim_checks.py. `claim_checks_table` is the stored verdict of every claim.
"""

from __future__ import annotations

import polars as pl

from carryover.core import rounding
from carryover.core.text import number_expr
from schemas.claim_checks import (
    CONFLICTING,
    CONTRADICTED,
    EXERCISE_NOT_TESTED,
    MEASURE_NOT_TESTED,
    SUPPORTED,
    UNVERIFIABLE,
)
from schemas.studies import study_names
from schemas.table import hw

_FIGURE_KEY = ["study_id", "group_id", "test_exercise", "measure"]
_SAME_FIGURE = ["article_id", "study_id", "quantity", "group_id", "test_exercise", "measure"]
_IS_CHANGE = pl.col("quantity") == "change_pct"


def judge(
    claims: pl.DataFrame,
    studies: pl.DataFrame,
    groups: pl.DataFrame,
    exercises: pl.DataFrame,
    outcomes: pl.DataFrame,
    changes: pl.DataFrame,
) -> pl.DataFrame:
    """Join every claim to the study's figures and give it a verdict (pure; typed frames in)."""
    claimed = rounding.interval(pl.col("value"), pl.col(hw("value")))
    frame = claims.with_columns(
        pl.int_range(pl.len(), dtype=pl.Int64).alias("_claim"),
        claimed[0].alias("_claimed_lo"),
        claimed[1].alias("_claimed_hi"),
    )

    # What the study tested: any outcomes, outcomes for the exercise, for exercise and measure.
    tested_exercises = (
        outcomes.join(
            exercises.select(pl.col("exercise_id").alias("test_exercise"), "name"),
            on="test_exercise",
            how="left",
        )
        .group_by("study_id")
        .agg(pl.col("name").unique().sort().alias("_tested_exercises"))
    )
    tested_measures = outcomes.group_by("study_id", "test_exercise").agg(
        pl.col("measure").unique().sort().alias("_tested_measures")
    )
    figures = changes.join(
        outcomes.select(*_FIGURE_KEY, pl.col("source").alias("_source_ref")),
        on=_FIGURE_KEY,
        how="left",
    ).select(
        *_FIGURE_KEY,
        pl.col("change_pct").alias("_fig_value"),
        pl.col("change_pct_lo").alias("_fig_lo"),
        pl.col("change_pct_hi").alias("_fig_hi"),
        pl.col("change_pct_source").alias("_fig_origin"),
        "_source_ref",
        pl.format("{}:{}", pl.col("source_file"), pl.col("source_line")).alias("_source_where"),
    )
    totals = groups.group_by("study_id").agg(pl.col("n").sum().alias("_groups_n"))
    facts = studies.select("study_id", "n_randomized", "duration_weeks", "sessions_per_week").join(
        totals, on="study_id", how="left"
    )
    group_names = groups.select("study_id", "group_id", pl.col("label").alias("_group_label"))
    exercise_names = exercises.select(
        pl.col("exercise_id").alias("test_exercise"), pl.col("name").alias("_exercise_name")
    )

    frame = (
        frame.join(tested_exercises, on="study_id", how="left", maintain_order="left")
        .join(tested_measures, on=["study_id", "test_exercise"], how="left", maintain_order="left")
        .join(figures, on=_FIGURE_KEY, how="left", maintain_order="left")
        .join(facts, on="study_id", how="left", maintain_order="left")
        .join(study_names(studies), on="study_id", how="left", maintain_order="left")
        .join(group_names, on=["study_id", "group_id"], how="left", maintain_order="left")
        .join(exercise_names, on="test_exercise", how="left", maintain_order="left")
    )

    # The source figure each claim is compared with, as an interval (a study fact is exact).
    def fact(name: str) -> pl.Expr:
        return pl.col(name).cast(pl.Float64)

    def inside(value: pl.Expr) -> pl.Expr:
        return rounding.overlaps((value, value), (pl.col("_claimed_lo"), pl.col("_claimed_hi")))

    n_match = inside(fact("n_randomized")).fill_null(False) | inside(fact("_groups_n")).fill_null(
        False
    )
    source_value = (
        pl.when(_IS_CHANGE)
        .then(pl.col("_fig_value"))
        .when(pl.col("quantity") == "n")
        .then(
            pl.when(
                inside(fact("_groups_n")).fill_null(False)
                & ~inside(fact("n_randomized")).fill_null(False)
            )
            .then(fact("_groups_n"))
            .otherwise(pl.coalesce(fact("n_randomized"), fact("_groups_n")))
        )
        .when(pl.col("quantity") == "duration_weeks")
        .then(fact("duration_weeks"))
        .otherwise(fact("sessions_per_week"))
    )
    frame = frame.with_columns(
        source_value.alias("_source_value"),
        pl.when(_IS_CHANGE).then(pl.col("_fig_lo")).otherwise(source_value).alias("_source_lo"),
        pl.when(_IS_CHANGE).then(pl.col("_fig_hi")).otherwise(source_value).alias("_source_hi"),
    )
    matches = (
        pl.when(pl.col("quantity") == "n")
        .then(n_match)
        .otherwise(
            rounding.overlaps(
                (pl.col("_source_lo"), pl.col("_source_hi")),
                (pl.col("_claimed_lo"), pl.col("_claimed_hi")),
            )
        )
    )
    not_tested_exercise = (
        _IS_CHANGE
        & pl.col("_tested_exercises").is_not_null()
        & pl.col("_tested_measures").is_null()
    )
    not_tested_measure = (
        _IS_CHANGE
        & pl.col("_tested_measures").is_not_null()
        & ~pl.col("_tested_measures").list.contains(pl.col("measure")).fill_null(False)
    )
    frame = frame.with_columns(
        not_tested_exercise.alias("_exercise_not_tested"),
        not_tested_measure.alias("_measure_not_tested"),
        (pl.col("_source_value").is_not_null() & ~matches.fill_null(True)).alias("_contradicted"),
    )
    shown = (
        pl.when(_IS_CHANGE)
        .then(pl.format("{}%", pl.col("value")))
        .otherwise(number_expr(pl.col("value")))
    )
    frame = _with_conflicts(frame).with_columns(
        shown.alias("_shown"),
        pl.when(_IS_CHANGE)
        .then(pl.format("{}%", pl.col("_conflict_value")))
        .otherwise(number_expr(pl.col("_conflict_value")))
        .alias("_conflict_shown"),
        pl.when(_IS_CHANGE)
        .then(
            pl.format(
                "the {} change of the {} group ({})",
                pl.format("{} {}", pl.col("_exercise_name"), pl.col("measure")),
                pl.col("_group_label"),
                pl.col("_study_name"),
            )
        )
        .otherwise(pl.format("{} in {}", pl.col("quantity"), pl.col("_study_name")))
        .alias("_claim_what"),
    )
    verdict = (
        pl.when(pl.col("_exercise_not_tested"))
        .then(pl.lit(EXERCISE_NOT_TESTED))
        .when(pl.col("_measure_not_tested"))
        .then(pl.lit(MEASURE_NOT_TESTED))
        .when(pl.col("_contradicted"))
        .then(pl.lit(CONTRADICTED))
        .when(pl.col("_conflict_line").is_not_null())
        .then(pl.lit(CONFLICTING))
        .when(pl.col("_source_value").is_null())
        .then(pl.lit(UNVERIFIABLE))
        .otherwise(pl.lit(SUPPORTED))
    )
    return frame.with_columns(verdict.alias("verdict"), _fix().alias("fix")).sort("_claim")


def _with_conflicts(frame: pl.DataFrame) -> pl.DataFrame:
    """For each conflicting pair of claims, mark the one to blame and the line it conflicts with."""
    cols = [*_SAME_FIGURE, "_claim", "line", "value", "_claimed_lo", "_claimed_hi", "_contradicted"]
    left = frame.select(cols)
    right = frame.select(cols).rename({c: f"{c}_b" for c in cols if c not in _SAME_FIGURE})
    pairs = left.join(right, on=_SAME_FIGURE, how="inner", nulls_equal=True).filter(
        (pl.col("line") < pl.col("line_b"))
        | ((pl.col("line") == pl.col("line_b")) & (pl.col("_claim") < pl.col("_claim_b")))
    )
    pairs = pairs.filter(
        ~rounding.overlaps(
            (pl.col("_claimed_lo"), pl.col("_claimed_hi")),
            (pl.col("_claimed_lo_b"), pl.col("_claimed_hi_b")),
        )
    )
    # Blame the claim the study contradicts when exactly one is; otherwise the later one.
    blame_first = pl.col("_contradicted") & ~pl.col("_contradicted_b")
    blamed = (
        pairs.select(
            pl.when(blame_first)
            .then(pl.col("_claim"))
            .otherwise(pl.col("_claim_b"))
            .alias("_claim"),
            pl.when(blame_first)
            .then(pl.col("line_b"))
            .otherwise(pl.col("line"))
            .alias("_conflict_line"),
            pl.when(blame_first)
            .then(pl.col("value_b"))
            .otherwise(pl.col("value"))
            .alias("_conflict_value"),
        )
        .group_by("_claim")
        .agg(pl.all().sort_by("_conflict_line").first())
    )
    return frame.join(blamed, on="_claim", how="left", maintain_order="left")


def _pct(name: str) -> pl.Expr:
    return pl.col(name).round(2).cast(pl.String)


def _fix() -> pl.Expr:
    """The fix, in plain words, for each verdict."""
    reported = pl.col("_fig_origin") == "reported"
    source_phrase = (
        pl.when(_IS_CHANGE & reported)
        .then(
            pl.format(
                "the paper reports {}% for this figure ({})",
                pl.col("_fig_value"),
                pl.col("_source_ref"),
            )
        )
        .when(_IS_CHANGE)
        .then(
            pl.format(
                "the paper's figures give {}% to {}% ({}, {})",
                _pct("_fig_lo"),
                _pct("_fig_hi"),
                pl.col("_fig_origin"),
                pl.col("_source_ref"),
            )
        )
        .when(pl.col("quantity") == "n")
        .then(pl.format("the paper reports {} participants", number_expr(pl.col("_source_value"))))
        .when(pl.col("quantity") == "duration_weeks")
        .then(pl.format("the paper reports {} weeks", number_expr(pl.col("_source_value"))))
        .otherwise(
            pl.format(
                "the paper reports {} sessions per week", number_expr(pl.col("_source_value"))
            )
        )
    )
    return (
        pl.when(pl.col("_exercise_not_tested"))
        .then(pl.format("the study tested only {}", pl.col("_tested_exercises").list.join(", ")))
        .when(pl.col("_measure_not_tested"))
        .then(
            pl.format(
                "the study measured {} as {} only",
                pl.col("_exercise_name"),
                pl.col("_tested_measures").list.join(", "),
            )
        )
        .when(pl.col("_contradicted") | pl.col("_source_value").is_not_null())
        .then(source_phrase)
        .otherwise(pl.lit("the study reports no figure that can confirm this; cite one or cut it"))
    )


CLAIM_CHECKS_DOC = (
    "One row per claim (claims.csv or an article) with its verdict and the source figure."
)
CLAIM_CHECKS_COLUMNS: dict[str, str] = {
    "article_id": "The article the claim is from.",
    "line": "The article's line where the figure stands.",
    "source_file": "claims.csv, or articles/<file> for a claim read from an article.",
    "source_line": "The line of that file (for an article, the same as line).",
    "study_id": "The study the claim is about.",
    "study": "The study as articles cite it, e.g. 'Hammond et al. 2019'.",
    "quantity": "change_pct, n, duration_weeks or sessions_per_week.",
    "group_id": "The group a change_pct claim is about.",
    "test_exercise": "The exercise a change_pct claim is about.",
    "measure": "The test a change_pct claim is about: 1RM, 3RM, ...",
    "claimed": "The figure as the article states it.",
    "claimed_lo": "Lowest value the claimed figure's rounding allows.",
    "claimed_hi": "Highest value the claimed figure's rounding allows.",
    "verdict": "supported, contradicted, conflicting, exercise not tested, measure not tested or "
    "unverifiable.",
    "source_value": "What the study reports (or its figures give) for the same quantity.",
    "source_lo": "Lowest value the study's figures allow.",
    "source_hi": "Highest value the study's figures allow.",
    "source_origin": "reported, or computed from which of the study's figures.",
    "source_ref": "Where in the paper the figure is: Abstract, Table 2, ...",
    "source_row": "The outcomes.csv row holding it, as file:line.",
    "conflicts_with_line": "For a conflicting claim, the line of the claim it contradicts.",
    "conflicts_with_value": "The figure stated on that line.",
    "fix": "What to change, in plain words.",
}
EDITOR_COLUMNS: dict[str, str] = {
    "nearest_value": "For a claim about a test the study did not use: the nearest change it "
    "reports for the same group (same exercise first).",
    "nearest_what": "That figure's exercise, measure and group.",
    "copied_from": "For a wrong change: the other studies whose figure for the same test it "
    "matches within rounding.",
    "caution": "The study's caution (studies.csv), shown beside every claim about it.",
    "resolved_by": "For a claim read from an article: the cues that linked it to its study "
    "(author, doi, journal, year, title, population) and the words.",
}
CLAIM_CHECKS_COLUMNS.update(EDITOR_COLUMNS)


def claim_checks_table(judged: pl.DataFrame) -> pl.DataFrame:
    """The stored verdict of every claim, for editors and SQL (one row per claim)."""
    return judged.select(
        "article_id",
        "line",
        "source_file",
        "source_line",
        "study_id",
        pl.col("_study_name").alias("study"),
        "quantity",
        "group_id",
        "test_exercise",
        "measure",
        pl.col("value").alias("claimed"),
        pl.col("_claimed_lo").alias("claimed_lo"),
        pl.col("_claimed_hi").alias("claimed_hi"),
        "verdict",
        pl.col("_source_value").alias("source_value"),
        pl.col("_source_lo").alias("source_lo"),
        pl.col("_source_hi").alias("source_hi"),
        pl.col("_fig_origin").alias("source_origin"),
        pl.col("_source_ref").alias("source_ref"),
        pl.col("_source_where").alias("source_row"),
        pl.col("_conflict_line").alias("conflicts_with_line"),
        pl.col("_conflict_value").alias("conflicts_with_value"),
        "fix",
        *[c for c in EDITOR_COLUMNS if c in judged.columns],
    )

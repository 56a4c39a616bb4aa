"""Editor-grade verdicts: what an editor needs beside a verdict to fix the sentence.

- **Nearest figure.** A claim about an exercise or test the study did not use is still compared
  with the nearest figure the study does report for the same group (the same exercise in any
  measure first, else any exercise): "the nearest figure is 24.8% (Barbell hip thrust 1RM),
  which this value matches" tells the editor the number is right and the test name is wrong.
- **Copied from another study.** A wrong change that matches, within rounding, another study's
  figure for the same tested exercise is said to be that study's ("35.9% is Barbalho et al.
  2020's figure for this test").
- **Caution.** A study with a `caution` in studies.csv shows it beside every claim about it.

Pure: the judged claims and the study tables in, the same rows with `nearest_value`,
`nearest_what`, `copied_from` and `caution` added (and the fix extended) out.
"""

from __future__ import annotations

import polars as pl

from carryover.core import rounding
from schemas.claim_checks import CONTRADICTED, EXERCISE_NOT_TESTED, MEASURE_NOT_TESTED
from schemas.studies import study_names

NOT_TESTED = (EXERCISE_NOT_TESTED, MEASURE_NOT_TESTED)


def annotate(
    judged: pl.DataFrame,
    studies: pl.DataFrame,
    groups: pl.DataFrame,
    exercises: pl.DataFrame,
    changes: pl.DataFrame,
) -> pl.DataFrame:
    """Add the nearest reported figure, the study a wrong figure was copied from, and cautions."""
    names = exercises.select(pl.col("exercise_id").alias("test_exercise"), "name")
    figures = (
        changes.filter(pl.col("change_pct").is_not_null())
        .join(names, on="test_exercise", how="left")
        .join(
            groups.select("study_id", "group_id", "label"),
            on=["study_id", "group_id"],
            how="left",
        )
        .join(study_names(studies), on="study_id", how="left")
        .select(
            "study_id",
            "group_id",
            pl.col("test_exercise").alias("_n_exercise"),
            pl.col("change_pct").alias("_n_value"),
            pl.col("change_pct_lo").alias("_n_lo"),
            pl.col("change_pct_hi").alias("_n_hi"),
            pl.format("{} {}", pl.col("name"), pl.col("measure")).alias("_n_what"),
            pl.col("label").alias("_n_group"),
            pl.col("_study_name").alias("_n_study"),
        )
    )
    claims = judged.select("_claim", "study_id", "group_id", "test_exercise", "value", "verdict",
                           "_claimed_lo", "_claimed_hi")  # fmt: skip
    nearest = (
        claims.filter(pl.col("verdict").is_in(NOT_TESTED))
        .join(figures, on=["study_id", "group_id"], how="inner")
        .with_columns(
            (pl.col("_n_exercise") != pl.col("test_exercise")).alias("_other_exercise"),
            (pl.col("_n_value") - pl.col("value")).abs().alias("_distance"),
            rounding.overlaps(
                (pl.col("_n_lo"), pl.col("_n_hi")), (pl.col("_claimed_lo"), pl.col("_claimed_hi"))
            ).alias("_agrees"),
        )
        .sort("_claim", "_other_exercise", "_distance")
        .group_by("_claim", maintain_order=True)
        .first()
        .select(
            "_claim",
            pl.col("_n_value").alias("nearest_value"),
            pl.format("{}, {} group", pl.col("_n_what"), pl.col("_n_group")).alias("nearest_what"),
            "_agrees",
        )
    )
    copied = (
        claims.filter(pl.col("verdict").is_in([CONTRADICTED, *NOT_TESTED]))
        .join(
            figures.rename({"study_id": "_other_study", "group_id": "_other_group"}),
            left_on="test_exercise",
            right_on="_n_exercise",
            how="inner",
        )
        .filter(pl.col("_other_study") != pl.col("study_id"))
        .filter(
            rounding.overlaps(
                (pl.col("_n_lo"), pl.col("_n_hi")), (pl.col("_claimed_lo"), pl.col("_claimed_hi"))
            )
        )
        .group_by("_claim", maintain_order=True)
        .agg(
            pl.format(
                "{} ({}, {} group)", pl.col("_n_study"), pl.col("_n_what"), pl.col("_n_group")
            )
            .unique(maintain_order=True)
            .str.join("; ")
            .alias("copied_from")
        )
    )
    out = judged.join(nearest, on="_claim", how="left", maintain_order="left").join(
        copied, on="_claim", how="left", maintain_order="left"
    )
    if "caution" not in out.columns:  # the judging may carry it already
        cautions = studies.select("study_id", "caution")
        out = out.join(cautions, on="study_id", how="left", maintain_order="left")
    nearest_note = pl.format(
        "; the nearest figure the study reports is {}% ({}), which this value {}",
        pl.col("nearest_value"),
        pl.col("nearest_what"),
        pl.when(pl.col("_agrees")).then(pl.lit("matches")).otherwise(pl.lit("does not match")),
    )
    copied_note = pl.format(
        "; {}% is the figure of {}: copied from the wrong study?",
        pl.col("value"),
        pl.col("copied_from"),
    )
    fix = pl.concat_str(
        [
            pl.col("fix"),
            pl.when(pl.col("nearest_value").is_not_null()).then(nearest_note).otherwise(pl.lit("")),
            pl.when(pl.col("copied_from").is_not_null()).then(copied_note).otherwise(pl.lit("")),
        ]
    )
    return out.with_columns(fix.alias("fix")).drop("_agrees")

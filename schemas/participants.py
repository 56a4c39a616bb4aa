"""Participant counts across groups.csv and studies.csv: analysed vs randomized, groups vs study.

Consistency rules (rows stay loaded): a group analyses at most the participants randomized to it
(`analysed_exceeds_randomized`), and where every group of a study gives n_randomized and the study
gives its own, the groups' counts add up to the study's (`groups_randomized_mismatch`). A group's
effective n, used by the analytics, is its n analysed, else its n randomized.
"""

from __future__ import annotations

import polars as pl

from schemas import groups, studies
from schemas.table import FrameRule, SchemaPlan, build_plan

GROUPS_RANDOMIZED = "_groups_randomized"
GROUPS_MISSING = "_groups_without_randomized"


def effective_n(frame: pl.DataFrame) -> pl.Expr:
    """N analysed, else n randomized (the columns a groups frame has)."""
    if "n_randomized" in frame.columns:
        return pl.coalesce(pl.col("n"), pl.col("n_randomized"))
    return pl.col("n")


def group_plan() -> SchemaPlan:
    """Per group: n analysed <= n randomized, where both are known (typed groups)."""
    rule = FrameRule(
        "analysed_exceeds_randomized",
        "analysed_exceeds_randomized",
        "n",
        pl.col("n") <= pl.col("n_randomized"),
        "group {group_id!r} of {study_id} analyses n {n} participants, more than the "
        "n_randomized {n_randomized} randomized to it",
    )
    return build_plan(groups.SPEC, columns=[], frame_rules=[rule])


def study_plan() -> SchemaPlan:
    """Per study: its groups' n_randomized add up to its own, where all of them are known."""
    rule = FrameRule(
        "groups_randomized_mismatch",
        "groups_randomized_mismatch",
        "n_randomized",
        (pl.col(GROUPS_MISSING) > 0) | (pl.col(GROUPS_RANDOMIZED) == pl.col("n_randomized")),
        "the groups of {study_id} in groups.csv randomized {"
        + GROUPS_RANDOMIZED
        + "} participants in all, but n_randomized is {n_randomized}",
    )
    return build_plan(studies.SPEC, columns=[], frame_rules=[rule])


def with_randomized_total(study_rows: pl.DataFrame, group_rows: pl.DataFrame) -> pl.DataFrame:
    """Join each study with its groups' total n_randomized and how many groups lack one."""
    totals = group_rows.group_by("study_id").agg(
        pl.col("n_randomized").sum().alias(GROUPS_RANDOMIZED),
        pl.col("n_randomized").null_count().alias(GROUPS_MISSING),
    )
    joined = study_rows.join(totals, on="study_id", how="left", maintain_order="left")
    return joined.filter(pl.col(GROUPS_RANDOMIZED).is_not_null())

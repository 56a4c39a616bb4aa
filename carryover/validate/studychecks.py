"""Cross-table checks of study data beyond the outcomes: groups, contrasts, statistics, cautions.

Pure: typed clean tables in; for each plan the failures, the frame they were found on and its key
(so that validation can fingerprint them like every other finding), plus the derived tables these
checks compute (`statistic_checks`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from schemas import contrasts, exercises, participants, statistics, studies
from schemas.table import FrameRule, SchemaPlan, build_plan, run_plan


@dataclass(frozen=True)
class Found:
    """Findings of one plan, with the frame they refer to and the key identifying its rows."""

    failures: pl.DataFrame
    frame: pl.DataFrame
    key: tuple[str, ...]


def caution_plan() -> SchemaPlan:
    """study_caution: a warning at every study that carries a caution."""
    rule = FrameRule(
        "study_caution",
        "study_caution",
        "caution",
        pl.col("caution").is_null(),
        "{study_id} carries a caution, shown beside its figures, claims and pooled rows: {caution}",
    )
    return build_plan(studies.SPEC, columns=[], frame_rules=[rule])


def run(
    clean: Mapping[str, pl.DataFrame], changes: pl.DataFrame
) -> tuple[list[Found], dict[str, pl.DataFrame]]:
    """Every study-level consistency plan, and the derived `statistic_checks` table."""
    found: list[Found] = []
    study_key = studies.SPEC.key
    found.append(Found(run_plan(caution_plan(), clean["studies"]), clean["studies"], study_key))
    found.append(
        Found(
            run_plan(participants.group_plan(), clean["groups"]),
            clean["groups"],
            ("study_id", "group_id"),
        )
    )
    randomized = participants.with_randomized_total(clean["studies"], clean["groups"])
    found.append(Found(run_plan(participants.study_plan(), randomized), randomized, study_key))

    context = contrasts.with_context(
        clean["contrasts"], exercises.lower_is_better(clean["exercises"]), changes
    )
    found.append(Found(run_plan(contrasts.agreement_plan(), context), context, contrasts.SPEC.key))
    checked = statistics.with_checks(clean["statistics"])
    found.append(
        Found(run_plan(statistics.consistency_plan(), checked), checked, statistics.SPEC.key)
    )
    derived = {"statistic_checks": statistics.statistic_checks_table(checked, clean["studies"])}
    return found, derived

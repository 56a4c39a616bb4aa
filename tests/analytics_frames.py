"""Tiny typed frames for the analytics tests: study arms written as one line each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from carryover.analytics import effects as analytics


@dataclass(frozen=True)
class Arm:
    """One group's result on one test, with its group's and study's facts."""

    study: str
    group: str
    trained: str | None
    test: str
    measure: str = "1RM"
    n: int = 10
    pct: float | None = None
    pre: float | None = None
    post: float | None = None
    pre_sd: float | None = None
    post_sd: float | None = None
    prepost_r: float | None = None


def tables(arms: Sequence[Arm]) -> dict[str, pl.DataFrame]:
    """studies, groups, outcomes and outcome_changes as the pipeline types them."""
    studies: dict[str, float | None] = {}
    groups: dict[tuple[str, str], tuple[str | None, int]] = {}
    for a in arms:
        studies.setdefault(a.study, a.prepost_r)
        groups.setdefault((a.study, a.group), (a.trained, a.n))
    outcomes = pl.DataFrame(
        {
            "study_id": [a.study for a in arms],
            "group_id": [a.group for a in arms],
            "test_exercise": [a.test for a in arms],
            "measure": [a.measure for a in arms],
            "pre_mean": [a.pre for a in arms],
            "pre_sd": [a.pre_sd for a in arms],
            "post_mean": [a.post for a in arms],
            "post_sd": [a.post_sd for a in arms],
        },
        schema={
            "study_id": pl.String,
            "group_id": pl.String,
            "test_exercise": pl.String,
            "measure": pl.String,
            "pre_mean": pl.Float64,
            "pre_sd": pl.Float64,
            "post_mean": pl.Float64,
            "post_sd": pl.Float64,
        },
    )
    changes = []
    for a in arms:
        both = a.pre is not None and a.post is not None
        pct = a.pct if a.pct is not None else (100 * (a.post - a.pre) / a.pre if both else None)  # type: ignore[operator]
        change = (a.post - a.pre) if both else None  # type: ignore[operator]
        changes.append(
            {
                "study_id": a.study,
                "group_id": a.group,
                "test_exercise": a.test,
                "measure": a.measure,
                "unit": "kg" if both else None,
                "change_pct": pct,
                "change_pct_source": "reported" if a.pct is not None else "computed",
                "change_abs": change,
                "change_abs_source": "computed" if both else None,
            }
        )
    return {
        "studies": pl.DataFrame(
            {"study_id": list(studies), "prepost_r": list(studies.values())},
            schema={"study_id": pl.String, "prepost_r": pl.Float64},
        ),
        "groups": pl.DataFrame(
            {
                "study_id": [k[0] for k in groups],
                "group_id": [k[1] for k in groups],
                "trained_exercise": [v[0] for v in groups.values()],
                "n": [v[1] for v in groups.values()],
            },
            schema={
                "study_id": pl.String,
                "group_id": pl.String,
                "trained_exercise": pl.String,
                "n": pl.Int64,
            },
        ),
        "outcomes": outcomes,
        "changes": pl.DataFrame(
            changes,
            schema={
                "study_id": pl.String,
                "group_id": pl.String,
                "test_exercise": pl.String,
                "measure": pl.String,
                "unit": pl.String,
                "change_pct": pl.Float64,
                "change_pct_source": pl.String,
                "change_abs": pl.Float64,
                "change_abs_source": pl.String,
            },
        ),
    }


def carryover_of(arms: Sequence[Arm]) -> pl.DataFrame:
    """The carryover table of these arms."""
    t = tables(arms)
    return analytics.carryover(t["studies"], t["groups"], t["outcomes"], t["changes"])


def pool(effects: Sequence[float], variances: Sequence[float]) -> dict[str, Any]:
    """Random-effects pooling of one set of effects, as a dict of the pooled row."""
    frame = pl.DataFrame(
        {"cell": ["x"] * len(effects), "y": list(effects), "v": list(variances)},
        schema={"cell": pl.String, "y": pl.Float64, "v": pl.Float64},
    )
    result = analytics.random_effects(frame, ["cell"], "y", "v")
    assert result.height == 1
    return result.row(0, named=True)

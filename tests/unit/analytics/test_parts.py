"""The analytics computed a few studies at a time equal the analytics computed whole."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from carryover.analytics import effects
from carryover.core.config import PROJECT_ROOT
from carryover.core.parts import Parts
from carryover.steps import check, transform_all
from carryover.validate.validation import Validation
from carryover.warehouse.build import RunRecord, load
from tests.support import large_texts, validate_texts


@pytest.fixture(scope="module")
def bundled() -> Validation:
    return check(PROJECT_ROOT / "raw", analytics=False).validation


def _inputs(validation: Validation) -> tuple[pl.DataFrame, ...]:
    clean = validation.clean
    return (
        clean["studies"],
        clean["groups"],
        clean["outcomes"],
        validation.derived["outcome_changes"],
        clean["exercises"],
    )


def test_study_parts_cut_between_whole_studies_in_study_order(bundled: Validation) -> None:
    """Each part holds whole studies, the parts cover every study once, sorted."""
    outcomes = bundled.clean["outcomes"]
    parts = effects.study_parts(outcomes, rows=10)
    assert len(parts) > 2
    ids = pl.concat(parts)
    assert ids.to_list() == sorted(set(outcomes["study_id"].to_list()))
    sizes = outcomes.group_by("study_id").len().sort("study_id")
    for part in parts:  # the outcomes before a part's last study number fewer than `rows`
        counts = sizes.filter(pl.col("study_id").is_in(part.implode()))["len"]
        assert counts.sum() - counts[-1] < 10


@pytest.mark.parametrize("rows", [1, 7, 40, 10**9])
def test_carryover_in_parts_is_carryover_whole(bundled: Validation, rows: int) -> None:
    """Row for row and figure for figure, in the same order, for any part size."""
    whole = effects.carryover(*_inputs(bundled))
    parts = list(effects.carryover_parts(*_inputs(bundled), rows=rows))
    assert len(parts) >= (2 if rows < 40 else 1)
    assert_frame_equal(pl.concat(parts), whole, check_exact=True)


def test_parts_of_a_generated_set_are_the_whole_table(tmp_path: Path) -> None:
    """3,000 generated outcome rows (benchmarks/generate.py: kg and lb, faults planted)."""
    spec = importlib.util.spec_from_file_location(
        "generate_benchmark", PROJECT_ROOT / "benchmarks" / "generate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator  # its dataclasses look their module up
    spec.loader.exec_module(generator)
    generator.generate(tmp_path, 3000, seed=11)
    inputs = _inputs(check(tmp_path, analytics=False).validation)
    whole = effects.carryover(*inputs)
    parts = list(effects.carryover_parts(*inputs, rows=400))
    assert len(parts) > 5
    assert whole.height > 2500
    assert_frame_equal(pl.concat(parts), whole, check_exact=True)


def test_outcomes_without_a_study_id_go_in_the_first_part(bundled: Validation) -> None:
    """A null study id sorts first: its rows are all in the first part, as in the whole table."""
    studies, groups, outcomes, changes, exercises = _inputs(bundled)
    unknown = pl.col("study_id").is_in(["hammond_2019", "kikuchi_2017"])
    outcomes, changes = (
        frame.with_columns(
            pl.when(unknown).then(None).otherwise(pl.col("study_id")).alias("study_id")
        )
        for frame in (outcomes, changes)
    )
    assert outcomes["study_id"].null_count() > 0
    whole = effects.carryover(studies, groups, outcomes, changes, exercises)
    parts = list(effects.carryover_parts(studies, groups, outcomes, changes, exercises, rows=5))
    assert len(parts) > 2
    assert parts[0]["study_id"].null_count() == whole["study_id"].null_count() > 0
    assert_frame_equal(pl.concat(parts), whole, check_exact=True)


def test_pooled_from_the_parts_is_pooled_whole(bundled: Validation) -> None:
    """Pooling the columns taken from each part gives the pooled table of the whole."""
    whole = effects.carryover(*_inputs(bundled))
    analytics = effects.Analytics(*_inputs(bundled), rows=5)
    tables = analytics.tables()
    assert_frame_equal(tables["carryover"].collect(), whole)
    assert_frame_equal(tables["carryover_pooled"].collect(), effects.pooled(whole))
    # Stored first, pooled goes through the parts itself; and again, it computes them again.
    fresh = effects.Analytics(*_inputs(bundled), rows=5).tables()
    assert_frame_equal(fresh["carryover_pooled"].collect(), effects.pooled(whole))
    assert_frame_equal(fresh["carryover_pooled"].collect(), effects.pooled(whole))


def test_no_outcomes_still_gives_the_empty_table(bundled: Validation) -> None:
    """With no outcome there is one empty part, with carryover()'s columns and types."""
    studies, groups, outcomes, changes, exercises = _inputs(bundled)
    parts = list(
        effects.carryover_parts(studies, groups, outcomes.clear(), changes.clear(), exercises)
    )
    assert len(parts) == 1
    assert parts[0].is_empty()
    assert parts[0].schema == effects.carryover(*_inputs(bundled)).schema


def test_a_warehouse_loaded_in_parts_equals_one_loaded_whole(tmp_path: Path) -> None:
    """Tables stored part by part land the same rows as the same tables stored whole."""
    validation = validate_texts(large_texts(600))
    derived = transform_all(validation)
    assert isinstance(derived["carryover"], Parts)
    whole = {
        name: table if isinstance(table, pl.DataFrame) else table.collect()
        for name, table in derived.items()
    }
    split = {
        **derived,
        "carryover": Parts(lambda: iter(whole["carryover"].iter_slices(97))),
    }
    tables = ("outcomes", "outcome_changes", "carryover", "carryover_pooled")
    landed = []
    for name, given in (("whole", whole), ("parts", split)):
        path = tmp_path / f"{name}.duckdb"
        now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        run = RunRecord("r1", now, now, "ok", "/raw")
        load(path, run, validation, given)
        with duckdb.connect(str(path), read_only=True) as con:
            landed.append({t: con.sql(f"select * from {t}").fetchall() for t in tables})
    assert landed[0]["carryover"]
    assert landed[0] == landed[1]

"""Claims judged against the outcomes of the studies they name only: the same verdicts."""

from __future__ import annotations

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carryover.analytics.transforms import outcome_changes
from carryover.claims import editor
from carryover.claims import judge as claim_checks
from carryover.steps import check
from carryover.validate import studychecks
from carryover.validate.validation import Validation, annotated_changes, of_named_studies
from schemas import TABLES
from tests.support import FAULTY, PROJECT_ROOT, validate_texts

FAULTY_TEXTS = {spec.name: (FAULTY / spec.file_name).read_bytes() for spec in TABLES}

_BUNDLED: list[Validation] = []


def bundled() -> Validation:
    """The bundled raw/ data (claims.csv and the articles' claims), checked once."""
    if not _BUNDLED:
        _BUNDLED.append(check(PROJECT_ROOT / "raw", analytics=False).validation)
    return _BUNDLED[0]


def judged(claims: pl.DataFrame, outcomes: pl.DataFrame, changes: pl.DataFrame) -> pl.DataFrame:
    clean = bundled().clean
    return claim_checks.judge(
        claims,
        clean["studies"],
        clean["groups"],
        clean["exercises"],
        outcomes,
        changes,
        clean["contrasts"],
    )


def test_only_the_claimed_studies_outcomes_are_kept() -> None:
    """Outcomes of a study no claim names are dropped; those of a named study all stay."""
    clean = bundled().clean
    outcomes = clean["outcomes"]
    first = clean["claims"]["study_id"].drop_nulls()[0]
    claims = clean["claims"].filter(pl.col("study_id") == first)
    (named,) = claims["study_id"].unique().to_list()
    kept = of_named_studies(outcomes, claims)
    assert kept.height == outcomes.filter(pl.col("study_id") == named).height > 0
    assert kept.height < outcomes.height
    assert of_named_studies(outcomes, claims.clear()).is_empty()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_judging_against_the_claimed_studies_gives_the_same_verdicts(data: st.DataObject) -> None:
    """Any subset of the bundled claims (some without a study) is judged alike either way."""
    clean = bundled().clean
    claims = clean["claims"]
    rows = data.draw(st.lists(st.integers(0, claims.height - 1), max_size=40, unique=True))
    subset = claims[sorted(rows)]
    if data.draw(st.booleans()):
        subset = subset.with_columns(
            pl.when(pl.int_range(pl.len()) % 3 == 0)
            .then(None)
            .otherwise(pl.col("study_id"))
            .alias("study_id")
        )
    outcomes = clean["outcomes"]
    changes = outcome_changes(outcomes)
    whole = judged(subset, outcomes, changes)
    scoped = judged(subset, of_named_studies(outcomes, subset), of_named_studies(changes, subset))
    assert whole.equals(scoped)


def test_the_bundled_claims_keep_their_verdicts() -> None:
    """All the bundled claims, against every outcome and against their studies' only."""
    clean = bundled().clean
    claims, outcomes = clean["claims"], clean["outcomes"]
    changes = outcome_changes(outcomes)
    assert claims.height > 0
    whole = judged(claims, outcomes, changes)
    scoped = judged(claims, of_named_studies(outcomes, claims), of_named_studies(changes, claims))
    assert whole.equals(scoped)
    assert set(whole["verdict"].to_list()) >= {"supported", "contradicted"}


def test_contrast_rules_against_the_named_studies_find_the_same() -> None:
    """The study-level plans find the same on the contrasts' studies' changes as on all.

    Contrast agreement among them, on the bundled data and on the faulty set.
    """
    for validation in (bundled(), validate_texts(FAULTY_TEXTS)):
        clean = validation.clean
        changes = validation.derived["outcome_changes"]
        assert not clean["contrasts"].is_empty()
        whole, whole_derived = studychecks.run(clean, changes)
        scoped, scoped_derived = studychecks.run(
            clean, of_named_studies(changes, clean["contrasts"])
        )
        for a, b in zip(whole, scoped, strict=True):
            assert a.failures.equals(b.failures)
            assert a.frame.equals(b.frame)
        assert whole_derived.keys() == scoped_derived.keys()
        assert all(whole_derived[k].equals(scoped_derived[k]) for k in whole_derived)


def annotate_both(claims: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Claims judged, then annotated with every change and with annotated_changes' only."""
    clean = bundled().clean
    changes = bundled().derived["outcome_changes"]
    verdicts = judged(claims, clean["outcomes"], changes)
    tables = (clean["studies"], clean["groups"], clean["exercises"])
    whole = editor.annotate(verdicts, *tables, changes)
    scoped = editor.annotate(verdicts, *tables, annotated_changes(changes, verdicts))
    return verdicts, whole, scoped


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_editors_notes_are_the_same_on_the_changes_they_can_name(data: st.DataObject) -> None:
    """The editor's notes are the same on annotated_changes as on every change.

    Claims are moved to other values, exercises and measures (contradicted, not tested), so that
    they get nearest-figure and copied-from notes.
    """
    claims = bundled().clean["claims"]
    rows = data.draw(st.lists(st.integers(0, claims.height - 1), min_size=1, max_size=30))
    subset = claims[rows]
    exercises = bundled().clean["exercises"]["exercise_id"].to_list()
    shift = data.draw(st.lists(st.floats(-30, 30, allow_nan=False), min_size=len(rows),
                               max_size=len(rows)))  # fmt: skip
    moved = data.draw(st.lists(st.sampled_from([None, *exercises]), min_size=len(rows),
                               max_size=len(rows)))  # fmt: skip
    measures = data.draw(st.lists(st.sampled_from([None, "1RM", "3RM", "10RM"]),
                                  min_size=len(rows), max_size=len(rows)))  # fmt: skip
    subset = subset.with_columns(
        (pl.col("value") + pl.lit(pl.Series(shift).round(1))).alias("value"),
        pl.lit(pl.Series(moved, dtype=pl.String))
        .fill_null(pl.col("test_exercise"))
        .alias("test_exercise"),
        pl.lit(pl.Series(measures, dtype=pl.String)).fill_null(pl.col("measure")).alias("measure"),
    )
    _, whole, scoped = annotate_both(subset)
    assert whole.equals(scoped)


def test_the_editors_notes_name_figures_of_untested_and_wrong_claims() -> None:
    """The comparison above is not empty: claims moved off their test get notes.

    And annotated_changes leaves most changes out (all of them when every claim is supported).
    """
    claims = bundled().clean["claims"].filter(pl.col("quantity") == "change_pct")
    moved = claims.with_columns(pl.col("measure").replace_strict({"1RM": "3RM"}, default="1RM"))
    verdicts, whole, scoped = annotate_both(pl.concat([claims, moved]))
    assert whole.equals(scoped)
    assert whole["nearest_value"].drop_nulls().len() > 0
    changes = bundled().derived["outcome_changes"]
    assert annotated_changes(changes, verdicts).height < changes.height
    supported = verdicts.filter(pl.col("verdict") == "supported")
    assert annotated_changes(changes, supported).is_empty()

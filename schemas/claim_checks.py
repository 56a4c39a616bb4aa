"""The claim rules: pandera checks on the judged claims (carryover/claims/judge.py judges).

One row per claim (from claims.csv or read from an article). The judged frame joins each claim to
what the study reports, and the rules below are pandera checks on it:

- claim_conflict (error): two claims of one article about the same figure whose rounding intervals
  do not overlap. Reported once per pair, at the claim the study contradicts, or, when the study
  settles neither, at the later one; the message names the other line.
- claim_vs_source (error): the claim's interval does not overlap what the study's figures allow
  (its reported change, or one computed from its means or kg change, rounding carried through);
  n, duration_weeks and sessions_per_week are compared with the study row (n with n_randomized or
  with the participants its groups analysed, when every group gives its n).
- claim_exercise_not_tested (error): the study has outcomes, none for that exercise.
- claim_measure_not_tested (error): the study has outcomes for that exercise, none with that
  measure.
- claim_unverifiable (warning): the study has no figure that could confirm or refute the claim.

A false claim is not quarantined: it stays in `claims` and gets its verdict in `claim_checks`.
"""

from __future__ import annotations

import polars as pl

from schemas.table import FrameRule, SchemaPlan, TableSpec, build_plan

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
CONFLICTING = "conflicting"
EXERCISE_NOT_TESTED = "exercise not tested"
MEASURE_NOT_TESTED = "measure not tested"
UNVERIFIABLE = "unverifiable"
VERDICTS = (
    SUPPORTED,
    CONTRADICTED,
    CONFLICTING,
    EXERCISE_NOT_TESTED,
    MEASURE_NOT_TESTED,
    UNVERIFIABLE,
)

SPEC = TableSpec(name="claims", grain="one row per claim, with its verdict", columns=(), key=())

_WHERE = "{article_id} line {line}"
"""Every claim message starts by naming the article and its line."""


def claims_plan() -> SchemaPlan:
    """The claim rules as pandera checks on the judged frame (see the module docstring)."""
    rules = [
        FrameRule(
            "claim_exercise_not_tested",
            "claim_exercise_not_tested",
            "test_exercise",
            ~pl.col("_exercise_not_tested"),
            _WHERE + " claims a {_shown} change in {_exercise_name} for {_study_name}, "
            "which has no {_exercise_name} results: {fix}",
        ),
        FrameRule(
            "claim_measure_not_tested",
            "claim_measure_not_tested",
            "measure",
            ~pl.col("_measure_not_tested"),
            _WHERE + " gives {_shown} as a {measure} change, but in {_study_name} {fix}",
        ),
        FrameRule(
            "claim_vs_source",
            "claim_vs_source",
            "value",
            ~pl.col("_contradicted"),
            _WHERE + " says {_shown} for {_claim_what}; {fix}",
        ),
        FrameRule(
            "claim_conflict",
            "claim_conflict",
            "value",
            pl.col("_conflict_line").is_null(),
            _WHERE + " says {_shown} but line {_conflict_line} says {_conflict_shown} for "
            "{_claim_what}; both cannot be roundings of one number",
        ),
        FrameRule(
            "claim_unverifiable",
            "claim_unverifiable",
            "value",
            pl.col("verdict") != UNVERIFIABLE,
            _WHERE + " says {_shown} for {_claim_what}: {fix}",
        ),
    ]
    return build_plan(SPEC, columns=[], frame_rules=rules)

"""Judging claims: every claim against the other claims of its article and against the study.

`judge` joins each claim (from claims.csv or read from an article) to what the study reports and
gives it a verdict; the claim rules themselves are pandera checks on the judged frame, in
schemas/claim_checks.py. `claim_checks_table` is the stored verdict of every claim.
"""

from __future__ import annotations

import polars as pl

from carryover.claims import fact_checks
from carryover.claims.fact_checks import IS_FACT
from carryover.core import rounding
from carryover.core.conflicts import blamed_conflicts
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
_IS_PCT = pl.col("quantity") == "change_pct"
_IS_CHANGE = pl.col("quantity").is_in(["change_pct", "change_abs", "change_abs_lb"])
"""Claims about a group's change on a test: judged against outcomes and outcome_changes."""
_IS_CONTRAST = pl.col("quantity") == "contrast"
_IS_FIGURE = _IS_CHANGE | _IS_CONTRAST | IS_FACT
"""Claims whose figure comes from the study's tables, keyed by group, test and measure
(population, baseline and p-value facts too: see carryover.claims.fact_checks)."""
MISSED_SESSIONS = 0.2
"""The largest share of a programme's planned sessions (weeks x sessions a week) that a claimed
total may fall short by for it to be unverifiable rather than wrong."""
MAX_DROPOUT = 0.3
"""The largest share of participants a claimed sample may count beyond the analysed one (those
randomised who dropped out) for the claim to be unverifiable rather than wrong."""
UNCOVERED_KINDS = ("muscle_size", "jump", "sprint", "agility", "kick", "isometric")
"""Tests of these kinds (exercises.kind: all but a lift's) are often measured but left out of the
data: a claim on one for a study with no outcome of that kind is unverifiable, not "exercise not
tested"."""
_IS_N = pl.col("quantity").is_in(["n", "n_analysed", "n_recruited"])
_TOTAL_N = pl.col("quantity").is_in(["n", "n_recruited"])
_RECRUITED = pl.col("quantity") == "n_recruited"
_ANALYSED = pl.col("quantity") == "n_analysed"
_GROUP_N = _IS_N & pl.col("group_id").is_not_null()
_TEST_WORDS = (
    pl.when(
        pl.col("_exercise_name")
        .str.to_lowercase()
        .str.ends_with(pl.col("measure").str.to_lowercase())
    )
    .then(pl.col("_exercise_name"))
    .otherwise(pl.format("{} {}", pl.col("_exercise_name"), pl.col("measure")))
)
"""A claim's test in words: its exercise's name and measure ('Back squat 1RM'), the measure
once when the name already ends with it ('Elbow flexor muscle thickness')."""
"""A sample size claimed for one group: judged against that group, not the study's total."""


def judge(
    claims: pl.DataFrame,
    studies: pl.DataFrame,
    groups: pl.DataFrame,
    exercises: pl.DataFrame,
    outcomes: pl.DataFrame,
    changes: pl.DataFrame,
    contrasts: pl.DataFrame | None = None,
    statistics: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Join every claim to the study's figures and give it a verdict (pure; typed frames in).

    `contrasts` holds the between-group results a `contrast` claim is judged against;
    `statistics` the other tests whose p a p-value claim may state.
    """
    claimed = fact_checks.claimed_bounds(*_claimed_interval(claims))
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
    # An exercise a group trained was, as far as the data can tell, tested too, even where no
    # figure for it is recorded: a change on it is unverifiable, never "not tested".
    trained = (
        groups.filter(pl.col("trained_exercise").is_not_null())
        .select("study_id", pl.col("trained_exercise").alias("test_exercise"))
        .unique()
        .with_columns(pl.lit(True).alias("_trained"))
    )
    # A claim on a muscle-size test (or a jump, a sprint ...), for a study whose data records no
    # outcome of that kind at all, is about something the data does not cover: unverifiable,
    # never "not tested".
    kind = pl.col("kind") if "kind" in exercises.columns else pl.lit(None, dtype=pl.String)
    kinds = exercises.select(pl.col("exercise_id").alias("test_exercise"), kind.alias("_kind"))
    uncovered = (
        kinds.filter(pl.col("_kind").is_in(UNCOVERED_KINDS))
        .join(pl.DataFrame({"study_id": studies["study_id"].unique()}), how="cross")
        .join(
            outcomes.join(kinds, on="test_exercise", how="inner")
            .filter(pl.col("_kind").is_in(UNCOVERED_KINDS))
            .select("study_id", "_kind")
            .unique(),
            on=["study_id", "_kind"],
            how="anti",
        )
        .select("test_exercise", "study_id", pl.lit(True).alias("_kind_uncovered"))
    )
    with_ref = changes.join(
        outcomes.select(*_FIGURE_KEY, pl.col("source").alias("_source_ref")),
        on=_FIGURE_KEY,
        how="left",
    )
    figures = pl.concat(
        [
            with_ref.select(
                *_FIGURE_KEY,
                pl.lit(quantity).alias("quantity"),
                pl.col(quantity).alias("_fig_value"),
                pl.col(f"{quantity}_lo").alias("_fig_lo"),
                pl.col(f"{quantity}_hi").alias("_fig_hi"),
                pl.col(f"{quantity}_source").alias("_fig_origin"),
                "_source_ref",
                pl.format("{}:{}", pl.col("source_file"), pl.col("source_line")).alias(
                    "_source_where"
                ),
            )
            for quantity in ("change_pct", "change_abs")
        ]
    )
    if contrasts is not None and not contrasts.is_empty():
        figures = pl.concat([figures, _contrast_figures(contrasts)])
    figures = pl.concat(
        [figures, fact_checks.fact_figures(studies, groups, outcomes, contrasts, changes)],
        how="vertical_relaxed",
    )
    totals = groups.group_by("study_id").agg(
        # a total only when every group gives its n: the sum of none or some is no sample size
        pl.when(pl.col("n").null_count() == 0).then(pl.col("n").sum()).alias("_groups_n")
    )
    facts = studies.select(
        "study_id", "n_randomized", "duration_weeks", "sessions_per_week", "caution"
    ).join(totals, on="study_id", how="left")
    group_n = groups.select(
        "study_id",
        "group_id",
        pl.col("n").alias("_group_n"),
        (pl.col("n_randomized") if "n_randomized" in groups.columns else pl.lit(None))
        .cast(pl.Int64)
        .alias("_group_randomized"),
    )
    group_names = groups.select("study_id", "group_id", pl.col("label").alias("_group_label"))
    exercise_names = exercises.select(
        pl.col("exercise_id").alias("test_exercise"), pl.col("name").alias("_exercise_name")
    )

    frame = (
        frame.join(tested_exercises, on="study_id", how="left", maintain_order="left")
        .join(tested_measures, on=["study_id", "test_exercise"], how="left", maintain_order="left")
        .join(trained, on=["study_id", "test_exercise"], how="left", maintain_order="left")
        .join(uncovered, on=["study_id", "test_exercise"], how="left", maintain_order="left")
        .join(
            figures,
            on=[*_FIGURE_KEY, "quantity"],
            how="left",
            maintain_order="left",
            nulls_equal=True,
        )
        .join(facts, on="study_id", how="left", maintain_order="left")
        .join(group_n, on=["study_id", "group_id"], how="left", maintain_order="left")
        .join(study_names(studies), on="study_id", how="left", maintain_order="left")
        .join(group_names, on=["study_id", "group_id"], how="left", maintain_order="left")
        .join(exercise_names, on="test_exercise", how="left", maintain_order="left")
    )

    frame = fact_checks.with_statistics(frame, statistics, exercises)

    # The source figure each claim is compared with, as an interval (a study fact is exact).
    def fact(name: str) -> pl.Expr:
        return pl.col(name).cast(pl.Float64)

    def inside(value: pl.Expr) -> pl.Expr:
        return rounding.overlaps((value, value), (pl.col("_claimed_lo"), pl.col("_claimed_hi")))

    n_match = (
        pl.when(_ANALYSED & _GROUP_N)
        .then(inside(fact("_group_n")).fill_null(False))
        .when(_ANALYSED)
        .then(inside(fact("_groups_n")).fill_null(False))
        .when(_GROUP_N)
        .then(
            inside(fact("_group_n")).fill_null(False)
            | inside(fact("_group_randomized")).fill_null(False)
        )
        .otherwise(
            inside(fact("n_randomized")).fill_null(False)
            | inside(fact("_groups_n")).fill_null(False)
        )
    )
    source_value = (
        pl.when(_IS_FIGURE)
        .then(pl.col("_fig_value"))
        .when(_ANALYSED & _GROUP_N)
        .then(fact("_group_n"))
        .when(_ANALYSED)
        .then(fact("_groups_n"))
        .when(_GROUP_N)
        .then(
            pl.when(
                inside(fact("_group_randomized")).fill_null(False)
                & ~inside(fact("_group_n")).fill_null(False)
            )
            .then(fact("_group_randomized"))
            .otherwise(pl.coalesce(fact("_group_n"), fact("_group_randomized")))
        )
        .when(_TOTAL_N)
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
        .when(pl.col("quantity").is_in(["contrast_pct", "contrast_ratio"]))
        .then(pl.lit(None, dtype=pl.Float64))  # the data holds differences in units only
        .otherwise(fact("sessions_per_week"))
    )

    # Only the analysed n is known and the claim is somewhat larger: it may count participants
    # who were randomised and dropped out (up to MAX_DROPOUT of them), so it cannot be told wrong
    # (nor right). Twice the analysed n is still wrong.
    # A group's: only as many as the study lost in all (none when its randomised total is the
    # groups' analysed total).
    def dropouts(analysed: pl.Expr) -> pl.Expr:
        claimed = pl.col("_claimed_lo")
        return (claimed > analysed) & (analysed >= claimed * (1 - MAX_DROPOUT))

    # Those recruited may be more than those analysed by any number (excluded, withdrawn or
    # dropped out): when only the analysed sample is known, a larger recruited count is neither
    # right nor wrong. Against a known randomised count it is judged like any total.
    def recruited_more() -> pl.Expr:
        return fact("n_randomized").is_null() & (pl.col("_claimed_lo") > fact("_groups_n"))

    lost = fact("n_randomized") - fact("_groups_n")
    above_analysed = (
        pl.when(_ANALYSED)
        .then(False)
        .when(_GROUP_N)
        .then(
            fact("_group_randomized").is_null()
            & dropouts(fact("_group_n"))
            & (lost.is_null() | (pl.col("_claimed_lo") - fact("_group_n") <= lost))
        )
        .when(_RECRUITED)
        .then(recruited_more())
        .when(pl.col("quantity") == "n")
        .then(fact("n_randomized").is_null() & dropouts(fact("_groups_n")))
        .otherwise(False)
        .fill_null(False)
    )
    # Sessions in all a little short of weeks x sessions a week: a testing week or missed sessions
    # (up to MISSED_SESSIONS of the plan) may explain it, so it is not called wrong.
    short_of_plan = (
        (pl.col("quantity") == "sessions_total")
        & (pl.col("_claimed_hi") < pl.col("_fig_lo"))
        & (pl.col("_claimed_lo") >= pl.col("_fig_lo") * (1 - MISSED_SESSIONS))
    ).fill_null(False)
    source_value = pl.when(above_analysed | short_of_plan).then(None).otherwise(source_value)
    frame = frame.with_columns(
        source_value.alias("_source_value"),
        pl.when(_IS_FIGURE).then(pl.col("_fig_lo")).otherwise(source_value).alias("_source_lo"),
        pl.when(_IS_FIGURE).then(pl.col("_fig_hi")).otherwise(source_value).alias("_source_hi"),
    )
    matches = (
        pl.when(_IS_N)
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
        & pl.col("_trained").is_null()
        & pl.col("_kind_uncovered").is_null()
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
    stated = _stated(frame)
    unbounded = pl.col("bound").is_null() if "bound" in frame.columns else pl.lit(True)
    shown = (
        pl.when(IS_FACT & unbounded)
        .then(fact_checks.shown())
        .when(_IS_PCT)
        .then(pl.format("{}%", stated))
        .otherwise(stated)
    )
    frame = _with_conflicts(frame).with_columns(
        shown.alias("_shown"),
        pl.when(_IS_PCT)
        .then(pl.format("{}%", pl.col("_conflict_value")))
        .otherwise(number_expr(pl.col("_conflict_value")))
        .alias("_conflict_shown"),
        pl.when(IS_FACT)
        .then(fact_checks.what())
        .when(_IS_CONTRAST)
        .then(
            pl.format(
                "the difference of the {} group from the other on {} ({})",
                pl.col("_group_label"),
                _TEST_WORDS,
                pl.col("_study_name"),
            )
        )
        .when(pl.col("quantity") == "contrast_ratio")
        .then(
            pl.format(
                "how many times the other's gain the {} group gained on {} ({})",
                pl.col("_group_label"),
                _TEST_WORDS,
                pl.col("_study_name"),
            )
        )
        .when(pl.col("quantity") == "contrast_pct")
        .then(
            pl.format(
                "how much more (in %) the {} group gained than the other on {} ({})",
                pl.col("_group_label"),
                _TEST_WORDS,
                pl.col("_study_name"),
            )
        )
        .when(_GROUP_N)
        .then(pl.format("n of the {} group ({})", pl.col("_group_label"), pl.col("_study_name")))
        .when(_IS_CHANGE)
        .then(
            pl.format(
                "the {} change of the {} group ({})",
                _TEST_WORDS,
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


def _stated(frame: pl.DataFrame) -> pl.Expr:
    """A claim's figure as shown: '10.2', a range '8-11', or a bound 'at least 50'."""
    value = number_expr(pl.col("value"))
    if "value_to" in frame.columns:
        value = (
            pl.when(pl.col("value_to").is_null())
            .then(value)
            .otherwise(pl.format("{}-{}", value, number_expr(pl.col("value_to"))))
        )
    if "bound" not in frame.columns:
        return value
    return (
        pl.when(pl.col("bound") == "at_least")
        .then(pl.format("at least {}", value))
        .when(pl.col("bound") == "at_most")
        .then(pl.format("at most {}", value))
        .otherwise(value)
    )


def _claimed_interval(claims: pl.DataFrame) -> tuple[pl.Expr, pl.Expr]:
    """What a claim allows: its figure's rounding interval, or a stated range end to end.

    '8-11 %' allows 7.5 to 11.5: each end with its own rounding.
    """
    one = rounding.interval(pl.col("value"), pl.col(hw("value")))
    if "value_to" in claims.columns:
        other = rounding.interval(pl.col("value_to"), pl.col(hw("value_to")))
        one = (
            pl.min_horizontal(one[0], other[0].fill_null(one[0])),
            pl.max_horizontal(one[1], other[1].fill_null(one[1])),
        )
    if "bound" not in claims.columns:
        return one
    return _opened(one, pl.col("bound"))


def _opened(interval: tuple[pl.Expr, pl.Expr], bound: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """A bound is open on one side: 'at least 50' allows 49.5 and everything above it."""
    return (
        pl.when(bound == "at_most").then(pl.lit(float("-inf"))).otherwise(interval[0]),
        pl.when(bound == "at_least").then(pl.lit(float("inf"))).otherwise(interval[1]),
    )


def _with_conflicts(frame: pl.DataFrame) -> pl.DataFrame:
    """For each conflicting pair of claims, mark the one to blame and the line it conflicts with.

    Linear in the claims up to a log factor (carryover.core.conflicts): no pair is ever formed.
    """
    blamed = blamed_conflicts(frame.filter(~IS_FACT), _SAME_FIGURE)
    return frame.join(blamed, on="_claim", how="left", maintain_order="left")


def _pct(name: str) -> pl.Expr:
    return pl.col(name).round(2).cast(pl.String)


def _fix() -> pl.Expr:
    """The fix, in plain words, for each verdict."""
    reported = pl.col("_fig_origin") == "reported"
    source_phrase = (
        pl.when(IS_FACT)
        .then(fact_checks.source_phrase())
        .when(_IS_CONTRAST)
        .then(
            pl.format(
                "the paper reports a difference of {} ({})",
                number_expr(pl.col("_fig_value")),
                pl.col("_source_ref"),
            )
        )
        .when((pl.col("quantity") == "change_abs") & reported)
        .then(
            pl.format(
                "the paper reports {} for this figure ({})",
                number_expr(pl.col("_fig_value")),
                pl.col("_source_ref"),
            )
        )
        .when(pl.col("quantity") == "change_abs")
        .then(
            pl.format(
                "the paper's figures give {} to {} ({}, {})",
                _pct("_fig_lo"),
                _pct("_fig_hi"),
                pl.col("_fig_origin"),
                pl.col("_source_ref"),
            )
        )
        .when(_IS_CHANGE & reported)
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
        .when(_GROUP_N)
        .then(
            pl.format(
                "the paper reports {} participants in that group",
                number_expr(pl.col("_source_value")),
            )
        )
        .when(_ANALYSED)
        .then(
            pl.format(
                "the paper reports {} participants analysed", number_expr(pl.col("_source_value"))
            )
        )
        .when(_TOTAL_N)
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
        .when(pl.col("quantity") == "other")
        .then(pl.lit(fact_checks.UNVERIFIABLE_OTHER))
        .when((_IS_CHANGE | _IS_CONTRAST) & pl.col("_exercise_name").is_not_null())
        .then(_missing_test())
        .otherwise(pl.lit("the study reports no figure that can confirm this; cite one or cut it"))
    )


def _missing_test() -> pl.Expr:
    """An unverifiable change or difference: the test (and group) the study's data lacks."""
    name = pl.col("_exercise_name")
    named = name.str.to_lowercase().str.contains(pl.col("measure"), literal=True) | (
        pl.col("measure") == "csa"  # a cross-sectional area's name says so
    )
    test = pl.when(named).then(name).otherwise(pl.format("{} {}", name, pl.col("measure")))
    whose = (
        pl.when(pl.col("_group_label").is_not_null())
        .then(pl.format(" for the {} group", pl.col("_group_label")))
        .otherwise(pl.lit(""))
    )
    return pl.format(
        "the study's data holds no {} figure{}; cite the paper's figure or cut it", test, whose
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
    "quantity": "change_pct, change_abs, n, n_analysed (those who completed or were analysed), "
    "n_recruited (those recruited, who may be more than those randomised), "
    "duration_weeks, sessions_per_week, contrast (contrast_pct: a difference stated in %, "
    "contrast_ratio: as a multiple of the other group's gain; the data cannot check either); "
    "age, body_height, body_mass (population means); pre_mean, post_mean (baseline and final "
    "means in kg; pre_mean_lb, post_mean_lb in pounds); p_value, p_below, p_above (a "
    "between-group p stated as P=, P< or P>); sessions_total; other (a protocol detail the data "
    "does not hold).",
    "group_id": "The group a change, contrast or per-group n claim is about.",
    "test_exercise": "The test a change or contrast claim is about.",
    "measure": "The measure a change or contrast claim is about: 1RM, 3RM, height, ...",
    "claimed": "The figure as the article states it (for a range, its first end).",
    "claimed_to": "The other end of a range the article states ('8-11 %'); empty for one figure.",
    "claimed_bound": "at_least or at_most for a figure stated as one end only ('50-plus "
    "pounds', '> 18 years'); empty otherwise.",
    "claimed_lo": "Lowest value the claimed figure's rounding allows (-inf below an at_most).",
    "claimed_hi": "Highest value the claimed figure's rounding allows (inf above an at_least).",
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
    "caution": "The study's caution, if it has one (studies.caution): read the verdict with it.",
}
EDITOR_COLUMNS: dict[str, str] = {
    "nearest_value": "For a claim about a test the study did not use: the nearest change it "
    "reports for the same group (same exercise first).",
    "nearest_what": "That figure's exercise, measure and group.",
    "copied_from": "For a wrong change: the other studies whose figure for the same test it "
    "matches within rounding.",
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
        (pl.col("value_to") if "value_to" in judged.columns else pl.lit(None, pl.Float64)).alias(
            "claimed_to"
        ),
        (pl.col("bound") if "bound" in judged.columns else pl.lit(None, pl.String)).alias(
            "claimed_bound"
        ),
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
        "caution",
        *[c for c in EDITOR_COLUMNS if c in judged.columns],
    )


def _contrast_figures(contrasts: pl.DataFrame) -> pl.DataFrame:
    """Each between-group estimate as a figure of either group (negated for group_b).

    A (study, group, test, measure) that two contrasts give (a study of three groups) is
    ambiguous and left out, so that such a claim is unverifiable rather than misjudged.
    """
    est = pl.col("estimate")
    lo, hi = est - pl.col(hw("estimate")), est + pl.col(hw("estimate"))
    where = pl.format("{}:{}", pl.col("source_file"), pl.col("source_line"))
    common = [
        pl.lit("contrast").alias("quantity"),
        pl.lit("reported").alias("_fig_origin"),
        pl.col("source").alias("_source_ref"),
        where.alias("_source_where"),
    ]
    rows = contrasts.filter(est.is_not_null())
    sides = pl.concat(
        [
            rows.select(
                "study_id",
                pl.col("group_a").alias("group_id"),
                "test_exercise",
                "measure",
                common[0],
                est.alias("_fig_value"),
                lo.alias("_fig_lo"),
                hi.alias("_fig_hi"),
                *common[1:],
            ),
            rows.select(
                "study_id",
                pl.col("group_b").alias("group_id"),
                "test_exercise",
                "measure",
                common[0],
                (-est).alias("_fig_value"),
                (-hi).alias("_fig_lo"),
                (-lo).alias("_fig_hi"),
                *common[1:],
            ),
        ]
    )
    return sides.filter(pl.len().over(_FIGURE_KEY) == 1)

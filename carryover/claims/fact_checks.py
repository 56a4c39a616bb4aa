"""Judging study facts: population, baseline and final values, p values, sessions in all.

`fact_figures` lays out what the study data holds for each fact quantity in the shape of the
judge's figures (one row per study, group, test, measure and quantity, with the interval the
figure stands for), so a fact claim is joined and compared like a change claim:

- `age`, `body_height`, `body_mass` (and `_sd`, the SD stated with the mean): a group's figure
  from groups.csv (age_mean, body_height_mean, body_mass_mean) for a claim about that group. A
  study-level claim is judged against the groups' figures pooled (the n-weighted mean, when every
  group has its figure and its size), else against a `mean ± SD <unit>` figure written in
  studies.population ("Men, 20.2 ± 0.73 years"); a study with neither makes the claim
  unverifiable. A study-level SD is judged against studies.population only (the groups' SDs do
  not pool without their raw data). groups.csv figures are read with the rounding of their last
  digit.
- `pre_mean` / `post_mean` (and `_lb`, the same in pounds): outcomes.csv pre_mean / post_mean of
  the group, test and measure, converted between kg and lb with their rounding interval.
- `p_value` (P=), `p_below` (P<), `p_above` (P>): the between-group p of contrasts.csv for the
  test and measure, with its relation; a claim of `P<0.001` agrees with a reported `<0.001` or
  any reported p below 0.001. A p that the contrast does not confirm but a statistics.csv p about
  the same exercise does (an interaction F, say) is judged by that one (`with_statistics`).
- `change_abs_lb`: a group's absolute change stated in pounds: outcome_changes' change in kg
  (reported or computed from the means, with its interval) converted to pounds.
- `sessions_total`: studies.csv duration_weeks x sessions_per_week, when both are known.
- `other`: no figure (a protocol detail the data does not hold): always unverifiable.

Fact claims are checked against the data only, not against each other (two different protocol
details or a study's and a group's age are not a conflict).

Pure: typed frames in, frames and polars expressions out.
"""

from __future__ import annotations

import polars as pl

from carryover.core import rounding
from carryover.core.text import number_expr

LB_PER_KG = 2.2046226218
POPULATION = {"age": "age_mean", "body_height": "body_height_mean", "body_mass": "body_mass_mean"}
SPREADS = {f"{q}_sd": c.replace("_mean", "_sd") for q, c in POPULATION.items()}
VALUES = {"pre_mean": "pre_mean", "post_mean": "post_mean"}
P_QUANTITIES = ("p_value", "p_below", "p_above")
FACT_QUANTITIES = (
    *POPULATION,
    *SPREADS,
    *VALUES,
    *(f"{q}_lb" for q in VALUES),
    *P_QUANTITIES,
    "change_abs_lb",
    "sessions_total",
    "other",
)
IS_FACT = pl.col("quantity").is_in(FACT_QUANTITIES)
_POPULATION_UNIT = {"age": r"(?:years|yrs?|y)", "body_height": r"cm", "body_mass": r"kg"}
_FIGURE_COLUMNS = {
    "study_id": pl.String(),
    "group_id": pl.String(),
    "test_exercise": pl.String(),
    "measure": pl.String(),
    "quantity": pl.String(),
    "_fig_value": pl.Float64(),
    "_fig_lo": pl.Float64(),
    "_fig_hi": pl.Float64(),
    "_fig_origin": pl.String(),
    "_source_ref": pl.String(),
    "_source_where": pl.String(),
}


def _shaped(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select(pl.col(c).cast(t) for c, t in _FIGURE_COLUMNS.items())


def _where() -> pl.Expr:
    return pl.format("{}:{}", pl.col("source_file"), pl.col("source_line"))


def _half_width(frame: pl.DataFrame, column: str) -> pl.Expr:
    """A figure's half-width, from its text when the table was cast here (`_hw_<column>`).

    A table read back from the warehouse has no such column: the digits the number is shown with
    decide (a whole number as written without decimals).
    """
    if f"_hw_{column}" in frame.columns:
        return pl.col(f"_hw_{column}")
    low, _ = _rounded(pl.col(column))
    return pl.col(column) - low


def _rounded(value: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """The interval a stored figure stands for, from the digits it is shown with.

    groups.csv figures are stored as numbers, so trailing zeros are lost: a whole number is read
    as written without decimals ('22' stands for 21.5 to 22.5), which never narrows the interval.
    """
    hw = (
        pl.when(value == value.round(0))
        .then(pl.lit(0.5))
        .otherwise(rounding.half_width(value.cast(pl.String)))
    )
    return value - hw, value + hw


def fact_figures(
    studies: pl.DataFrame,
    groups: pl.DataFrame,
    outcomes: pl.DataFrame,
    contrasts: pl.DataFrame | None,
    changes: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Every figure a fact claim can be judged against (see the module docstring).

    `changes` (outcome_changes) gives the absolute changes in pounds.
    """
    frames = [
        *(_group_population(groups, q, c) for q, c in {**POPULATION, **SPREADS}.items()),
        *(_pooled_population(groups, q, c) for q, c in POPULATION.items()),
        *(_written_population(studies, groups, q) for q in POPULATION),
        *(_written_population(studies, groups, q, spread=True) for q in POPULATION),
        *(_values(outcomes, q, c) for q, c in VALUES.items()),
        _sessions_total(studies),
    ]
    if contrasts is not None and not contrasts.is_empty():
        frames.append(_p_values(contrasts))
    if changes is not None and not changes.is_empty():
        frames.append(_changes_in_pounds(changes, outcomes))
    figures = pl.concat([_shaped(f) for f in frames])
    key = ["study_id", "group_id", "test_exercise", "measure", "quantity"]
    return figures.filter(pl.len().over(key) == 1)


def _group_population(groups: pl.DataFrame, quantity: str, column: str) -> pl.DataFrame:
    lo, hi = _rounded(pl.col(column))
    return groups.filter(pl.col(column).is_not_null()).select(
        "study_id",
        "group_id",
        pl.lit(None).alias("test_exercise"),
        pl.lit(None).alias("measure"),
        pl.lit(quantity).alias("quantity"),
        pl.col(column).alias("_fig_value"),
        lo.alias("_fig_lo"),
        hi.alias("_fig_hi"),
        pl.lit("reported").alias("_fig_origin"),
        pl.format("groups.csv {} ({})", pl.lit(column), pl.col("source")).alias("_source_ref"),
        _where().alias("_source_where"),
    )


def _pooled_population(groups: pl.DataFrame, quantity: str, column: str) -> pl.DataFrame:
    """A study's figure from its groups': the n-weighted mean, when every group has both."""
    size = pl.coalesce(pl.col("n"), pl.col("n_randomized")).cast(pl.Float64)
    lo, hi = _rounded(pl.col(column))
    per_study = groups.group_by("study_id").agg(
        (size * pl.col(column)).sum().alias("_sum"),
        (size * lo).sum().alias("_sum_lo"),
        (size * hi).sum().alias("_sum_hi"),
        size.sum().alias("_n"),
        (size.is_null() | pl.col(column).is_null()).any().alias("_missing"),
        pl.len().alias("_groups"),
        pl.col("source_file").first(),
        pl.col("source_line").min(),
    )
    usable = per_study.filter(~pl.col("_missing") & (pl.col("_n") > 0))
    return usable.select(
        "study_id",
        pl.lit(None).alias("group_id"),
        pl.lit(None).alias("test_exercise"),
        pl.lit(None).alias("measure"),
        pl.lit(quantity).alias("quantity"),
        (pl.col("_sum") / pl.col("_n")).alias("_fig_value"),
        (pl.col("_sum_lo") / pl.col("_n")).alias("_fig_lo"),
        (pl.col("_sum_hi") / pl.col("_n")).alias("_fig_hi"),
        pl.format("pooled from the {} groups' {} (n-weighted)", "_groups", pl.lit(column)).alias(
            "_fig_origin"
        ),
        pl.lit(f"groups.csv {column}").alias("_source_ref"),
        _where().alias("_source_where"),
    )


def _written_population(
    studies: pl.DataFrame, groups: pl.DataFrame, quantity: str, *, spread: bool = False
) -> pl.DataFrame:
    """A 'mean ± SD unit' figure in studies.population, for a study whose groups cannot pool it.

    With `spread`, the SD of that figure (quantity `<quantity>_sd`).
    """
    unit = _POPULATION_UNIT[quantity]
    text = pl.col("population").str.extract(
        rf"(\d+(?:\.\d+)?)\s*(?:±|\+/-)\s*(\d+(?:\.\d+)?)\s*{unit}\b", 2 if spread else 1
    )
    column = POPULATION[quantity]
    pooled = (
        groups.group_by("study_id")
        .agg(
            (
                pl.coalesce(pl.col("n"), pl.col("n_randomized")).is_not_null()
                & pl.col(column).is_not_null()
            )
            .all()
            .alias("_pooled")
        )
        .filter(pl.col("_pooled"))
        .select("study_id")
    )
    hw = rounding.half_width(text)
    value = text.cast(pl.Float64)
    return (
        studies.join(pooled, on="study_id", how="anti")
        .filter(text.is_not_null())
        .select(
            "study_id",
            pl.lit(None).alias("group_id"),
            pl.lit(None).alias("test_exercise"),
            pl.lit(None).alias("measure"),
            pl.lit(f"{quantity}_sd" if spread else quantity).alias("quantity"),
            value.alias("_fig_value"),
            (value - hw).alias("_fig_lo"),
            (value + hw).alias("_fig_hi"),
            pl.lit("reported").alias("_fig_origin"),
            pl.format("studies.csv population: {}", pl.col("population")).alias("_source_ref"),
            _where().alias("_source_where"),
        )
    )


def _values(outcomes: pl.DataFrame, quantity: str, column: str) -> pl.DataFrame:
    """Baseline or final means in the unit the data has them, and converted (kg <-> lb)."""
    hw = _half_width(outcomes, column)
    unit = pl.col("unit")
    rows = outcomes.filter(pl.col(column).is_not_null() & unit.is_in(["kg", "lb"]))
    common: list[pl.Expr] = [
        pl.col("study_id"),
        pl.col("group_id"),
        pl.col("test_exercise"),
        pl.col("measure"),
        pl.lit("reported").alias("_fig_origin"),
        pl.format("outcomes.csv {} in {} ({})", pl.lit(column), unit, pl.col("source")).alias(
            "_source_ref"
        ),
        _where().alias("_source_where"),
    ]
    to_kg = pl.when(unit == "lb").then(1 / LB_PER_KG).otherwise(1.0)
    to_lb = pl.when(unit == "kg").then(LB_PER_KG).otherwise(1.0)
    return pl.concat(
        [
            rows.select(
                *common,
                pl.lit(name).alias("quantity"),
                (pl.col(column) * factor).alias("_fig_value"),
                ((pl.col(column) - hw) * factor).alias("_fig_lo"),
                ((pl.col(column) + hw) * factor).alias("_fig_hi"),
            )
            for name, factor in ((quantity, to_kg), (f"{quantity}_lb", to_lb))
        ]
    )


def _changes_in_pounds(changes: pl.DataFrame, outcomes: pl.DataFrame) -> pl.DataFrame:
    """A group's absolute change in kg (reported or computed, with its interval), in pounds."""
    key = ["study_id", "group_id", "test_exercise", "measure"]
    rows = changes.filter((pl.col("unit") == "kg") & pl.col("change_abs").is_not_null()).join(
        outcomes.select(*key, pl.col("source").alias("_ref")), on=key, how="left"
    )
    return rows.select(
        *key,
        pl.lit("change_abs_lb").alias("quantity"),
        (pl.col("change_abs") * LB_PER_KG).alias("_fig_value"),
        (pl.col("change_abs_lo") * LB_PER_KG).alias("_fig_lo"),
        (pl.col("change_abs_hi") * LB_PER_KG).alias("_fig_hi"),
        pl.format("{}, converted from kg", pl.col("change_abs_source")).alias("_fig_origin"),
        pl.format("outcomes.csv change in kg ({})", pl.col("_ref")).alias("_source_ref"),
        _where().alias("_source_where"),
    )


def _sessions_total(studies: pl.DataFrame) -> pl.DataFrame:
    weeks = pl.col("duration_weeks").cast(pl.Float64)
    per_week = pl.col("sessions_per_week").cast(pl.Float64)
    total = weeks * per_week
    return studies.filter(total.is_not_null()).select(
        "study_id",
        pl.lit(None).alias("group_id"),
        pl.lit(None).alias("test_exercise"),
        pl.lit(None).alias("measure"),
        pl.lit("sessions_total").alias("quantity"),
        total.alias("_fig_value"),
        total.alias("_fig_lo"),
        total.alias("_fig_hi"),
        pl.format(
            "computed from duration_weeks {} x sessions_per_week {}",
            number_expr(weeks),
            number_expr(per_week),
        ).alias("_fig_origin"),
        pl.lit("studies.csv duration_weeks, sessions_per_week").alias("_source_ref"),
        _where().alias("_source_where"),
    )


def _p_values(contrasts: pl.DataFrame) -> pl.DataFrame:
    """Each between-group p as the interval its relation and rounding allow."""
    p, hw, relation = pl.col("p"), _half_width(contrasts, "p"), pl.col("p_relation").fill_null("=")
    lo = (
        pl.when(relation.is_in(["<", "<="]))
        .then(0.0)
        .when(relation.is_in([">", ">="]))
        .then(p)
        .otherwise(p - hw)
        .clip(lower_bound=0.0)
    )
    hi = (
        pl.when(relation.is_in([">", ">="]))
        .then(1.0)
        .when(relation.is_in(["<", "<="]))
        .then(p)
        .otherwise(p + hw)
    )
    rows = contrasts.filter(p.is_not_null())
    return pl.concat(
        [
            rows.select(
                "study_id",
                pl.lit(None).alias("group_id"),
                "test_exercise",
                "measure",
                pl.lit(quantity).alias("quantity"),
                p.alias("_fig_value"),
                lo.alias("_fig_lo"),
                hi.alias("_fig_hi"),
                pl.lit("reported").alias("_fig_origin"),
                pl.format(
                    "between-group p{}{}; {}", relation, number_expr(p), pl.col("source")
                ).alias("_source_ref"),
                _where().alias("_source_where"),
            )
            for quantity in P_QUANTITIES
        ]
    )


def _statistics_p(statistics: pl.DataFrame, exercises: pl.DataFrame) -> pl.DataFrame:
    """Each statistics.csv p with the tests its `about` names (by exercise name or alias)."""
    p, hw, relation = pl.col("p"), _half_width(statistics, "p"), pl.col("p_relation").fill_null("=")
    names = exercises.select(
        "exercise_id",
        pl.concat_list(pl.col("name"), pl.col("aliases").fill_null([])).alias("_names"),
    ).explode("_names")
    names = names.filter(pl.col("_names").str.len_chars() > 0).select(
        pl.col("exercise_id").alias("test_exercise"),
        pl.col("_names").str.to_lowercase().alias("_name"),
    )
    rows = statistics.filter(p.is_not_null()).select(
        "study_id",
        pl.col("about").str.to_lowercase().alias("_about"),
        pl.when(relation.is_in(["<", "<="]))
        .then(0.0)
        .when(relation.is_in([">", ">="]))
        .then(p)
        .otherwise(p - hw)
        .clip(lower_bound=0.0)
        .alias("_stat_lo"),
        pl.when(relation.is_in([">", ">="]))
        .then(1.0)
        .when(relation.is_in(["<", "<="]))
        .then(p)
        .otherwise(p + hw)
        .alias("_stat_hi"),
        p.alias("_stat_value"),
        pl.format(
            "{} p{}{}; statistics.csv, {}: {}",
            pl.col("test"),
            relation,
            number_expr(p),
            pl.col("location"),
            pl.col("about"),
        ).alias("_stat_ref"),
        pl.format("{}:{}", pl.col("source_file"), pl.col("source_line")).alias("_stat_where"),
    )
    return (
        rows.join(names, how="cross")
        .filter(pl.col("_about").str.contains(pl.col("_name"), literal=True))
        .unique(["study_id", "test_exercise", "_stat_ref"], maintain_order=True)
        .drop("_about", "_name")
    )


def with_statistics(
    frame: pl.DataFrame, statistics: pl.DataFrame | None, exercises: pl.DataFrame
) -> pl.DataFrame:
    """A p claim that its contrast does not confirm but a statistics.csv p does is judged by it.

    A sentence's p may be the between-group p (contrasts.csv) or another test's (an
    interaction F in statistics.csv, about the same exercise); the claim is compared with the
    figure it agrees with, so a true p is never called wrong for being another test's. A p that
    agrees with none is still judged against the contrast.
    """
    if statistics is None or statistics.is_empty() or "about" not in statistics.columns:
        return frame
    is_p = pl.col("quantity").is_in(P_QUANTITIES)
    candidates = _statistics_p(statistics, exercises)
    agree = (
        frame.filter(is_p)
        .select("_claim", "study_id", "test_exercise", "_claimed_lo", "_claimed_hi")
        .join(candidates, on=["study_id", "test_exercise"])
        .filter(
            rounding.overlaps(
                (pl.col("_stat_lo"), pl.col("_stat_hi")),
                (pl.col("_claimed_lo"), pl.col("_claimed_hi")),
            )
        )
        .unique("_claim", keep="first", maintain_order=True)
        .select("_claim", "_stat_value", "_stat_lo", "_stat_hi", "_stat_ref", "_stat_where")
    )
    contrast_agrees = rounding.overlaps(
        (pl.col("_fig_lo"), pl.col("_fig_hi")), (pl.col("_claimed_lo"), pl.col("_claimed_hi"))
    ).fill_null(False)
    use = pl.col("_stat_value").is_not_null() & ~contrast_agrees
    return (
        frame.join(agree, on="_claim", how="left", maintain_order="left")
        .with_columns(
            pl.when(use)
            .then(pl.col(f"_stat_{c}"))
            .otherwise(pl.col(f"_fig_{c}"))
            .alias(f"_fig_{c}")
            for c in ("value", "lo", "hi")
        )
        .with_columns(
            pl.when(use)
            .then(pl.lit("reported"))
            .otherwise(pl.col("_fig_origin"))
            .alias("_fig_origin"),
            pl.when(use)
            .then(pl.col("_stat_ref"))
            .otherwise(pl.col("_source_ref"))
            .alias("_source_ref"),
            pl.when(use)
            .then(pl.col("_stat_where"))
            .otherwise(pl.col("_source_where"))
            .alias("_source_where"),
        )
        .drop("_stat_value", "_stat_lo", "_stat_hi", "_stat_ref", "_stat_where")
    )


def claimed_bounds(lo: pl.Expr, hi: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """A claimed 'P<x' stands for [0, x], a claimed 'P>x' for [x, 1]; other claims as they are."""
    quantity, value = pl.col("quantity"), pl.col("value").cast(pl.Float64)
    return (
        pl.when(quantity == "p_below")
        .then(pl.lit(0.0))
        .when(quantity == "p_above")
        .then(value)
        .otherwise(lo),
        pl.when(quantity == "p_below")
        .then(value)
        .when(quantity == "p_above")
        .then(pl.lit(1.0))
        .otherwise(hi),
    )


_WHAT = {
    "age": "the mean age",
    "body_height": "the mean body height (cm)",
    "body_mass": "the mean body mass (kg)",
    "age_sd": "the SD of age",
    "body_height_sd": "the SD of body height (cm)",
    "body_mass_sd": "the SD of body mass (kg)",
    "pre_mean": "the baseline mean (kg)",
    "post_mean": "the final mean (kg)",
    "pre_mean_lb": "the baseline mean (lb)",
    "change_abs_lb": "the change (lb)",
    "post_mean_lb": "the final mean (lb)",
    "p_value": "the between-group p",
    "p_below": "the between-group p",
    "p_above": "the between-group p",
    "sessions_total": "the number of training sessions in all",
    "other": "a protocol detail",
}
"""Each fact quantity in words, for claim_checks and the report."""


def shown() -> pl.Expr:
    """A fact claim as the article states it: 'P<0.001', '26.4', ..."""
    value = number_expr(pl.col("value"))
    return (
        pl.when(pl.col("quantity") == "p_below")
        .then(pl.format("P<{}", value))
        .when(pl.col("quantity") == "p_above")
        .then(pl.format("P>{}", value))
        .when(pl.col("quantity") == "p_value")
        .then(pl.format("P={}", value))
        .otherwise(value)
    )


def what() -> pl.Expr:
    """What a fact claim is about, in words ('the mean age of the Back squat group (...)')."""
    words = pl.col("quantity").replace_strict(_WHAT, default=pl.col("quantity"))
    test = pl.format("{} {}", pl.col("_exercise_name"), pl.col("measure"))
    return (
        pl.when(pl.col("group_id").is_not_null())
        .then(
            pl.format(
                "{} of the {} group ({})", words, pl.col("_group_label"), pl.col("_study_name")
            )
        )
        .when(pl.col("test_exercise").is_not_null())
        .then(pl.format("{} on {} ({})", words, test, pl.col("_study_name")))
        .otherwise(pl.format("{} in {}", words, pl.col("_study_name")))
    )


def source_phrase() -> pl.Expr:
    """What the data holds for a fact claim, in words."""
    value = number_expr(pl.col("_fig_value").round(2))
    return (
        pl.when(pl.col("quantity").is_in(P_QUANTITIES))
        .then(pl.format("the paper reports {}", pl.col("_source_ref")))
        .when(pl.col("quantity") == "sessions_total")
        .then(pl.format("the data gives {} sessions ({})", value, pl.col("_fig_origin")))
        .when(pl.col("_fig_origin") == "reported")
        .then(pl.format("the data holds {} ({})", value, pl.col("_source_ref")))
        .otherwise(pl.format("the data gives {} ({})", value, pl.col("_fig_origin")))
    )


UNVERIFIABLE_OTHER = (
    "the data holds no such protocol detail; check it against the paper or leave it out"
)

"""statistics.csv: one row per test statistic a paper prints, with its p (optional file).

Key: (study_id, location, about). `test` is F, t, chi2, r or z; df1 (and df2 for F) as printed;
`value` and `p` as printed, so their rounding is known; `p_relation` is `=`, `<` or `>` as printed
(empty means `=`); `tails` is 1 for a test the paper declares one-tailed (t, z, r only).

Row rules (quarantine): the study exists, the test is known, its degrees of freedom fit it, a
one-tailed p is only given for t, z or r, an r lies in [-1, 1] and an F or chi2 is not negative.
Consistency rules (rows stay loaded), computed by carryover.core.statcheck with scipy.stats over the
statistic's rounding interval: `p_inconsistent` when the printed p cannot be a rounding of the
implied p, `decision_error` when the two also fall on two sides of 0.05, and the warning
`statistic_incomplete` when the p or the degrees of freedom needed to recheck it are not printed.
"""

from __future__ import annotations

import polars as pl

from carryover.core.statcheck import TESTS, with_implied_p
from carryover.core.text import number_expr
from schemas.columns import Bound, ColumnSpec, Kind
from schemas.contrasts import P_RELATIONS
from schemas.keys import duplicate_key_rule, study_check, with_first_line
from schemas.table import FrameRule, SchemaPlan, TableSpec, build_plan, hw

SPEC = TableSpec(
    name="statistics",
    grain="one row per test statistic a paper prints",
    columns=(
        ColumnSpec("study_id", Kind.SLUG, required=True, doc="-> studies"),
        ColumnSpec("location", Kind.TEXT, required=True, doc="where: Abstract, Table 2, ..."),
        ColumnSpec("about", Kind.TEXT, required=True, doc="what the test compares"),
        ColumnSpec("test", Kind.CHOICE, required=True, choices=TESTS, doc="F, t, chi2, r or z"),
        ColumnSpec(
            "df1", Kind.NUMBER, minimum=Bound(0, strict=True), doc="df (numerator df for F)"
        ),
        ColumnSpec(
            "df2", Kind.NUMBER, minimum=Bound(0, strict=True), doc="denominator df (F only)"
        ),
        ColumnSpec("value", Kind.NUMBER, required=True, doc="the statistic as printed"),
        ColumnSpec("p", Kind.NUMBER, minimum=Bound(0), maximum=Bound(1), doc="p as printed"),
        ColumnSpec(
            "p_relation", Kind.CHOICE, choices=P_RELATIONS, doc="=, < or > as printed; empty: ="
        ),
        ColumnSpec("tails", Kind.CHOICE, choices=("1", "2"), doc="1 if one-tailed; empty: 2"),
    ),
    key=("study_id", "location", "about"),
    rounded=("value", "p"),
)

_TEST = pl.col("test")
_VALUE = pl.col("value").cast(pl.Float64, strict=False)


def row_plan(studies: pl.Series) -> SchemaPlan:
    """Cell, key, reference and per-test checks (rows that fail are quarantined)."""
    rules = [
        duplicate_key_rule(SPEC),
        FrameRule(
            "statistic_df:df2",
            "statistic_df",
            "df2",
            (_TEST == "F") | pl.col("df2").is_null(),
            "a {test} statistic has one df at most; df2 {df2} is for F tests",
        ),
        FrameRule(
            "statistic_df:df1",
            "statistic_df",
            "df1",
            (_TEST != "z") | pl.col("df1").is_null(),
            "a z statistic has no degrees of freedom; df1 is {df1}",
        ),
        FrameRule(
            "statistic_tails",
            "statistic_tails",
            "tails",
            (pl.col("tails") != "1") | _TEST.is_in(["t", "z", "r"]),
            "a {test} test is upper-tailed by construction; tails=1 is for t, z and r only",
        ),
        FrameRule(
            "out_of_range:r",
            "out_of_range",
            "value",
            (_TEST != "r") | (_VALUE.abs() <= 1),
            "a correlation r of {value} is outside -1 to 1",
        ),
        FrameRule(
            "out_of_range:nonnegative",
            "out_of_range",
            "value",
            ~_TEST.is_in(["F", "chi2"]) | (_VALUE >= 0),
            "a {test} statistic of {value} is negative; it cannot be",
        ),
    ]
    return build_plan(
        SPEC,
        extra_column_checks={"study_id": [study_check(studies)]},
        frame_rules=rules,
        prepare=with_first_line(SPEC.key),
    )


def _needs_df() -> pl.Expr:
    """True where the degrees of freedom the test needs are printed."""
    return (
        pl.when(_TEST == "F")
        .then(pl.col("df1").is_not_null() & pl.col("df2").is_not_null())
        .when(_TEST == "z")
        .then(pl.lit(True))
        .otherwise(pl.col("df1").is_not_null())
    )


def with_checks(statistics: pl.DataFrame) -> pl.DataFrame:
    """Typed statistics with their implied p interval and verdict (carryover.core.statcheck)."""
    return with_implied_p(statistics, value_hw=hw("value"), p_hw=hw("p")).with_columns(
        pl.format(
            "{} = {}",
            pl.format(
                "{}({}{})",
                _TEST,
                number_expr(pl.col("df1")),
                pl.format(", {}", number_expr(pl.col("df2"))).fill_null(""),
            ).fill_null(_TEST),
            number_expr(pl.col("value")),
        ).alias("_test_text"),
        pl.col("p_relation").fill_null("=").alias("_relation"),
        pl.format(
            "{} to {}",
            pl.col("_p_implied_lo").round_sig_figs(3).cast(pl.String),
            pl.col("_p_implied_hi").round_sig_figs(3).cast(pl.String),
        ).alias("_implied_range"),
        _p("_p_implied").alias("_implied_text"),
        pl.when(pl.col("p").is_null())
        .then(pl.lit("no p is printed"))
        .otherwise(pl.lit("its degrees of freedom are not printed"))
        .alias("_missing"),
    )


def _p(name: str) -> pl.Expr:
    value = pl.col(name)
    return (
        pl.when(value < 0.0001)
        .then(value.round_sig_figs(2).cast(pl.String))
        .otherwise(value.round(4).cast(pl.String))
    )


def consistency_plan() -> SchemaPlan:
    """p_inconsistent, decision_error and statistic_incomplete on `with_checks` rows."""
    where = "{location}, {about}: {_test_text}"
    rules = [
        FrameRule(
            "p_inconsistent",
            "p_inconsistent",
            "p",
            pl.col("_consistent"),
            where + " implies p = {_implied_text} ({_implied_range} over the statistic's "
            "rounding), but p {_relation} {p} is printed",
        ),
        FrameRule(
            "decision_error",
            "decision_error",
            "p",
            ~pl.col("_decision_error"),
            where + " implies p = {_implied_text}, on the other side of 0.05 from the printed "
            "p {_relation} {p}",
        ),
        FrameRule(
            "statistic_incomplete",
            "statistic_incomplete",
            "p",
            pl.col("p").is_not_null() & _needs_df(),
            where + " cannot be rechecked: {_missing}",
        ),
    ]
    return build_plan(SPEC, columns=[], frame_rules=rules)


STATISTIC_CHECKS_DOC = (
    "One row per printed test statistic with the p its value implies (scipy.stats over the "
    "value's rounding) and whether the printed p agrees."
)
STATISTIC_CHECKS_COLUMNS: dict[str, str] = {
    "study_id": "The study (-> studies).",
    "location": "Where in the paper the statistic is printed.",
    "about": "What the test compares.",
    "test": "F, t, chi2, r or z.",
    "df1": "Degrees of freedom (numerator for F), as printed.",
    "df2": "Denominator degrees of freedom of an F test.",
    "value": "The statistic as printed.",
    "p": "The p as printed.",
    "p_relation": "=, < or > as printed (null means =).",
    "tails": "1 for a declared one-tailed t, z or r test; null means two-tailed.",
    "p_implied": "The p the printed value implies.",
    "p_implied_lo": "Lowest p any value within the statistic's rounding implies.",
    "p_implied_hi": "Highest p any value within the statistic's rounding implies.",
    "status": "consistent, inconsistent, decision error, or not checkable (no p or df).",
    "caution": "The study's caution, if it has one (studies.caution).",
}


def statistic_checks_table(checked: pl.DataFrame, studies: pl.DataFrame) -> pl.DataFrame:
    """The stored recheck of every printed statistic (one row per statistic)."""
    caution = studies.select("study_id", "caution")
    return (
        checked.join(caution, on="study_id", how="left", maintain_order="left")
        .select(
            *(
                c
                for c in STATISTIC_CHECKS_COLUMNS
                if not c.startswith("p_implied") and c not in ("status", "caution")
            ),
            pl.col("_p_implied").alias("p_implied"),
            pl.col("_p_implied_lo").alias("p_implied_lo"),
            pl.col("_p_implied_hi").alias("p_implied_hi"),
            "status",
            "caution",
        )
        .select(list(STATISTIC_CHECKS_COLUMNS))
    )

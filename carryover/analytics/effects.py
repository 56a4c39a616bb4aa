"""Carryover analytics: per-study effects and transfer ratios, and their random-effects pooling.

Pure polars functions from clean typed tables to the derived tables `carryover` (one row per study x
group x test exercise x measure) and `carryover_pooled` (one row per trained exercise x test
exercise x measure family). Each formula lives in one function here; percent and absolute changes
come from `carryover.analytics.transforms.outcome_changes`. A figure that cannot be computed from
what the papers report is null, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from carryover.core.parts import Parts
from schemas.columns import RM_PATTERN
from schemas.exercises import lower_is_better
from schemas.participants import effective_n

DEFAULT_PREPOST_R = 0.5
"""Pre-post correlation assumed where studies.csv gives no `prepost_r`.

0.5 is the conservative value Follmann et al. (1992) proposed for imputing a missing pre-post
correlation (a lower r gives a larger variance, so the default never overstates precision).
"""
DEFAULT_PREPOST_R_SOURCE = (
    "Follmann D, Elliott P, Suh I, Cutler J. Variance imputation for overviews of clinical trials "
    "with continuous response. J Clin Epidemiol. 1992;45(7):769-773"
)
R_FROM_STUDY = "studies.csv"
R_DEFAULT = "default"

RM_FAMILY = "RM strength"
"""Measure family of every repetition-maximum test (1RM, 3RM, ...): pooled together."""

Z95 = 1.959963984540054
"""The 0.975 quantile of the standard normal distribution (95% confidence intervals)."""

POOLED_METHOD_DOC = (
    "g pooled by DerSimonian-Laird random effects (95% CI, tau2, I2); change_pct and the transfer "
    "ratio by their participant-weighted mean. single_study marks rows with one study."
)
MATRIX_CELL_DOC = (
    "'+x.x%' is the participant-weighted mean change_pct, 'ratio r.rr' the pooled transfer ratio "
    "(cross cells only), 'd d.dd' the pooled d_change where no percent change is reported, and "
    "'k=K' the number of studies (carryover_pooled, all studies)."
)

SPECIFIC, CROSS, CONTROL = "specific", "cross", "control"

CARRYOVER_KEY = ("study_id", "group_id", "test_exercise", "measure")
POOLED_KEY = ("trained_exercise", "test_exercise", "measure_family", "subset")
ALL_STUDIES = "all studies"
WITHOUT_CAUTIONED = "without cautioned studies"
"""carryover_pooled's `subset`: every study, or (a sensitivity row) only studies with no caution."""

# Column docs: the warehouse's COMMENT ON statements and the README's tables are both kept equal
# to these (tests/unit/test_docs.py).
CARRYOVER_COLUMNS: dict[str, str] = {
    "study_id": "The study (-> studies).",
    "group_id": "The study arm (-> groups).",
    "role": (
        "`specific` (the group trained the tested exercise), `cross` (it trained another one) or "
        "`control` (it trained none)."
    ),
    "trained_exercise": "What the group trained (-> exercises); null for a control group.",
    "test_exercise": "What was tested (-> exercises).",
    "measure": "The test as reported: 1RM, 3RM, ...",
    "measure_family": "`RM strength` for every nRM test: the level at which rows are pooled.",
    "unit": "The unit of the figures in a unit (kg, cm, s, ...).",
    "lower_is_better": "The test improves downwards (a time): a negative change is a gain.",
    "n": "Participants in the group: n analysed (groups.n), else n randomized.",
    "pre_mean": "Baseline mean, as reported.",
    "pre_sd": "Baseline SD, as reported.",
    "post_mean": "Follow-up mean, as reported.",
    "post_sd": "Follow-up SD, as reported.",
    "change_pct": "Mean change in percent (outcome_changes): reported, or computed.",
    "change_pct_source": "`reported`, or which reported figures change_pct was computed from.",
    "change_abs": "Mean change in the unit (outcome_changes): reported, or computed.",
    "change_abs_source": "`reported`, or which reported figures change_abs was computed from.",
    "is_specific": "trained_exercise = test_exercise; null for a control group.",
    "prepost_r": "Pre-post correlation used in the variances.",
    "prepost_r_source": "`studies.csv` (the study's prepost_r) or `default` (0.5).",
    "g": "Standardized mean change c(n-1)·change_abs/pre_sd (Becker 1988); null without pre_sd.",
    "g_var": "Variance of g: 2(1-r)/n + g²/(2n).",
    "lnrr": "Log response ratio ln(post_mean/pre_mean); null without both means.",
    "lnrr_var": (
        "Variance of lnrr: pre_sd²/(n·pre_mean²) + post_sd²/(n·post_mean²) "
        "- 2r·pre_sd·post_sd/(n·pre_mean·post_mean); null without both SDs."
    ),
    "d_change": (
        "Standardized mean change on the SD of the changes, c(n-1)·change/SD_change (metafor "
        "SMCC), from change_abs_sd (else change_pct_sd); null without one."
    ),
    "d_change_var": "Variance of d_change: 1/n + d_change²/(2n).",
    "d_change_scale": (
        "`unit` (change_abs / change_abs_sd) or `percent` (change_pct / change_pct_sd)."
    ),
    "caution": "The study's caution (studies.caution), if it has one: read the row with it.",
    "reference_group_id": (
        "The study's one group that trained test_exercise (null if it has none or several)."
    ),
    "reference_change_pct": "change_pct of the reference group on the same test and measure.",
    "transfer_ratio": (
        "Cross rows: change_pct / reference_change_pct; null unless the reference gain is > 0 "
        "(for a lower_is_better test, a gain is a fall)."
    ),
    "transfer_ratio_g": "Cross rows: g / the reference group's g (the ratio in SD units).",
    "control_group_id": "The study's one control group (null if it has none or several).",
    "controlled_change_pct": "change_pct minus the control group's, in percentage points.",
    "controlled_g": "g minus the control group's g (Becker 1988; Morris 2008 d_ppc1).",
    "controlled_g_var": "g_var plus the control group's g_var.",
}

POOLED_COLUMNS: dict[str, str] = {
    "trained_exercise": "What the groups trained.",
    "test_exercise": "What was tested.",
    "measure_family": "`RM strength` (1RM, 3RM, ... pooled together), or the measure itself.",
    "subset": (
        "`all studies`, or `without cautioned studies`: the sensitivity row leaving out every "
        "study with a caution (present only where the row has one)."
    ),
    "cautioned_studies": "The row's studies that carry a caution, comma-separated; null if none.",
    "is_specific": "trained_exercise = test_exercise.",
    "measures": "The measures pooled, e.g. `1RM, 3RM`.",
    "studies": "The studies in the row, comma-separated.",
    "k_studies": "Number of studies.",
    "k_groups": "Number of groups (independent samples).",
    "participants": "Participants: the sum of the groups' n.",
    "single_study": "k_studies = 1: the row shows one study's figures, not a pooled estimate.",
    "change_pct_mean": "Participant-weighted mean of change_pct: Σ n·change_pct / Σ n.",
    "k_g": "Groups with g and g_var > 0 (the inputs of the pooled effect).",
    "g_pooled": "Pooled g, DerSimonian-Laird random effects: Σ w*·g / Σ w*, w* = 1/(g_var + tau2).",
    "g_se": "Standard error of g_pooled: sqrt(1 / Σ w*).",
    "g_ci_lo": "Lower end of the 95% CI: g_pooled - 1.959964·g_se.",
    "g_ci_hi": "Upper end of the 95% CI: g_pooled + 1.959964·g_se.",
    "q": "Cochran's Q: Σ w·(g - g_fixed)², w = 1/g_var; null when k_g < 2.",
    "tau2": "Between-study variance: max(0, (Q - (k_g-1)) / (Σw - Σw²/Σw)); null when k_g < 2.",
    "i2": "I² in percent: max(0, (Q - (k_g-1)) / Q)·100 (0 when Q = 0); null when k_g < 2.",
    "k_transfer": "Groups with a transfer_ratio.",
    "transfer_ratio": "Participant-weighted mean of the transfer ratios: Σ n·ratio / Σ n.",
    "transfer_ratio_min": "Smallest transfer ratio pooled.",
    "transfer_ratio_max": "Largest transfer ratio pooled.",
    "k_d": "Groups with d_change and d_change_var > 0.",
    "d_pooled": "Pooled d_change, DerSimonian-Laird random effects (as g_pooled).",
    "d_ci_lo": "Lower end of the 95% CI of d_pooled.",
    "d_ci_hi": "Upper end of the 95% CI of d_pooled.",
}


def small_sample_c(m: pl.Expr) -> pl.Expr:
    """Small-sample correction c(m) = 1 - 3/(4m - 1); null for m < 1 (no correction exists)."""
    return pl.when(m >= 1).then(1.0 - 3.0 / (4.0 * m - 1.0)).otherwise(None)


def smcr(change: pl.Expr, sd_pre: pl.Expr, n: pl.Expr) -> pl.Expr:
    """Standardized mean change, raw-score SD (Becker 1988): c(n-1)·(M_post - M_pre)/SD_pre.

    Null where the baseline SD is missing or zero, or n < 2.
    """
    return pl.when(sd_pre > 0).then(small_sample_c(n - 1) * change / sd_pre).otherwise(None)


def smcr_var(g: pl.Expr, n: pl.Expr, r: pl.Expr) -> pl.Expr:
    """Sampling variance of the standardized mean change: 2(1 - r)/n + g²/(2n)."""
    return 2.0 * (1.0 - r) / n + g.pow(2) / (2.0 * n)


def log_response_ratio(pre: pl.Expr, post: pl.Expr) -> pl.Expr:
    """Log response ratio of a pre-post design: ln(M_post/M_pre); null unless both are > 0."""
    return pl.when((pre > 0) & (post > 0)).then((post / pre).log()).otherwise(None)


def log_response_ratio_var(
    pre: pl.Expr, post: pl.Expr, sd_pre: pl.Expr, sd_post: pl.Expr, n: pl.Expr, r: pl.Expr
) -> pl.Expr:
    """Variance of the pre-post log response ratio (Lajeunesse 2011; metafor's ROMC).

    SD_pre²/(n·M_pre²) + SD_post²/(n·M_post²) - 2r·SD_pre·SD_post/(n·M_pre·M_post).
    """
    return (
        sd_pre.pow(2) / (n * pre.pow(2))
        + sd_post.pow(2) / (n * post.pow(2))
        - 2.0 * r * sd_pre * sd_post / (n * pre * post)
    )


def ratio_of_gains(gain: pl.Expr, reference: pl.Expr) -> pl.Expr:
    """A transfer ratio: gain / reference gain; null unless the reference gain is positive."""
    return pl.when(reference > 0).then(gain / reference).otherwise(None)


def measure_family(measure: pl.Expr) -> pl.Expr:
    """The family a measure is pooled in: every nRM test is `RM strength`, others stay as is."""
    return pl.when(measure.str.contains(RM_PATTERN)).then(pl.lit(RM_FAMILY)).otherwise(measure)


def _one_group_per(groups: pl.DataFrame, by: str, where: pl.Expr, alias: str) -> pl.DataFrame:
    """Per (study_id, value of `by`), the only group matching `where`; absent if none or several."""
    return (
        groups.filter(where)
        .group_by("study_id", by)
        .agg(pl.col("group_id").first().alias(alias), pl.len().alias("_groups"))
        .filter(pl.col("_groups") == 1)
        .drop("_groups")
    )


def carryover(
    studies: pl.DataFrame,
    groups: pl.DataFrame,
    outcomes: pl.DataFrame,
    changes: pl.DataFrame,
    exercises: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per outcome with its effect sizes, transfer ratio and controlled effect.

    Every test counts, not only lifts: a group that trained the hip thrust and was tested on a
    jump is a cross row. `exercises` says which tests improve downwards (lower_is_better).

    `changes` is `outcome_changes(outcomes)`. The transfer ratio of a cross row divides its gain by
    the gain, on the same test and measure, of the study's one group that trained the tested
    exercise (null where the study has none or several such groups). The controlled effect
    subtracts the study's one control group (trained_exercise null), where it has exactly one.
    """
    r_study = pl.col("prepost_r")
    sds = [
        pl.col(c) if c in outcomes.columns else pl.lit(None, pl.Float64).alias(c)
        for c in ("change_abs_sd", "change_pct_sd")
    ]
    lower = (
        lower_is_better(exercises)
        if exercises is not None
        else pl.DataFrame(schema={"exercise_id": pl.String, "lower_is_better": pl.Boolean})
    ).rename({"exercise_id": "test_exercise"})
    study_facts = studies.select(
        "study_id",
        "prepost_r",
        pl.col("caution")
        if "caution" in studies.columns
        else pl.lit(None, pl.String).alias("caution"),
    )
    rows = (
        outcomes.select(*CARRYOVER_KEY, "pre_mean", "pre_sd", "post_mean", "post_sd", *sds)
        .join(
            changes.select(
                *CARRYOVER_KEY,
                "unit",
                "change_pct",
                "change_pct_source",
                "change_abs",
                "change_abs_source",
            ),
            on=list(CARRYOVER_KEY),
            how="left",
            nulls_equal=True,
        )
        .join(
            groups.select(
                "study_id", "group_id", "trained_exercise", effective_n(groups).alias("n")
            ),
            on=["study_id", "group_id"],
            how="left",
        )
        .join(study_facts, on="study_id", how="left")
        .join(lower, on="test_exercise", how="left")
        .with_columns(
            pl.col("lower_is_better").fill_null(False),
            pl.when(r_study.is_not_null())
            .then(pl.lit(R_FROM_STUDY))
            .otherwise(pl.lit(R_DEFAULT))
            .alias("prepost_r_source"),
            r_study.fill_null(DEFAULT_PREPOST_R).alias("prepost_r"),
            measure_family(pl.col("measure")).alias("measure_family"),
            pl.when(pl.col("trained_exercise").is_null())
            .then(None)
            .otherwise(pl.col("trained_exercise") == pl.col("test_exercise"))
            .alias("is_specific"),
        )
        .with_columns(
            pl.when(pl.col("is_specific").is_null())
            .then(pl.lit(CONTROL))
            .when(pl.col("is_specific"))
            .then(pl.lit(SPECIFIC))
            .otherwise(pl.lit(CROSS))
            .alias("role"),
            smcr(pl.col("change_abs"), pl.col("pre_sd"), pl.col("n")).alias("g"),
            pl.when(pl.col("change_abs_sd").is_not_null() & pl.col("change_abs").is_not_null())
            .then(smcr(pl.col("change_abs"), pl.col("change_abs_sd"), pl.col("n")))
            .otherwise(smcr(pl.col("change_pct"), pl.col("change_pct_sd"), pl.col("n")))
            .alias("d_change"),
            pl.when(pl.col("change_abs_sd").is_not_null() & pl.col("change_abs").is_not_null())
            .then(pl.lit("unit"))
            .when(pl.col("change_pct_sd").is_not_null() & pl.col("change_pct").is_not_null())
            .then(pl.lit("percent"))
            .alias("d_change_scale"),
            log_response_ratio(pl.col("pre_mean"), pl.col("post_mean")).alias("lnrr"),
        )
        .with_columns(
            smcr_var(pl.col("g"), pl.col("n"), pl.col("prepost_r")).alias("g_var"),
            log_response_ratio_var(
                pl.col("pre_mean"),
                pl.col("post_mean"),
                pl.col("pre_sd"),
                pl.col("post_sd"),
                pl.col("n"),
                pl.col("prepost_r"),
            ).alias("lnrr_var"),
            (1.0 / pl.col("n") + pl.col("d_change").pow(2) / (2.0 * pl.col("n"))).alias(
                "d_change_var"
            ),
        )
    )

    # The reference group: the study's only group that trained the tested exercise.
    trained = pl.col("trained_exercise").is_not_null()
    reference = _one_group_per(groups, "trained_exercise", trained, "reference_group_id").rename(
        {"trained_exercise": "test_exercise"}
    )
    figures = rows.select(*CARRYOVER_KEY, "change_pct", "g", "g_var")
    reference_figures = figures.rename(
        {"group_id": "reference_group_id", "change_pct": "reference_change_pct", "g": "_ref_g"}
    ).drop("g_var")
    control = _one_group_per(
        groups.with_columns(pl.lit(True).alias("_control")),
        "_control",
        ~trained,
        "control_group_id",
    ).drop("_control")
    control_figures = figures.rename(
        {
            "group_id": "control_group_id",
            "change_pct": "_ctl_change_pct",
            "g": "_ctl_g",
            "g_var": "_ctl_g_var",
        }
    )
    is_cross = pl.col("role") == CROSS
    direction = pl.when(pl.col("lower_is_better")).then(-1.0).otherwise(1.0)
    is_treated = pl.col("role") != CONTROL
    out = (
        rows.join(reference, on=["study_id", "test_exercise"], how="left")
        .with_columns(
            pl.when(is_treated).then(pl.col("reference_group_id")).alias("reference_group_id")
        )
        .join(
            reference_figures,
            on=["study_id", "reference_group_id", "test_exercise", "measure"],
            how="left",
        )
        .join(control, on="study_id", how="left")
        .with_columns(
            pl.when(is_treated).then(pl.col("control_group_id")).alias("control_group_id")
        )
        .join(
            control_figures,
            on=["study_id", "control_group_id", "test_exercise", "measure"],
            how="left",
        )
        .with_columns(
            pl.when(is_cross)
            .then(
                ratio_of_gains(
                    direction * pl.col("change_pct"), direction * pl.col("reference_change_pct")
                )
            )
            .alias("transfer_ratio"),
            pl.when(is_cross)
            .then(ratio_of_gains(pl.col("g"), pl.col("_ref_g")))
            .alias("transfer_ratio_g"),
            (pl.col("change_pct") - pl.col("_ctl_change_pct")).alias("controlled_change_pct"),
            (pl.col("g") - pl.col("_ctl_g")).alias("controlled_g"),
            (pl.col("g_var") + pl.col("_ctl_g_var")).alias("controlled_g_var"),
        )
    )
    return out.select(
        pl.col(name).cast(_CARRYOVER_TYPES[name]) if name in _CARRYOVER_TYPES else pl.col(name)
        for name in CARRYOVER_COLUMNS
    ).sort(*CARRYOVER_KEY)


PART_ROWS = 250_000
"""`carryover_parts` computes the rows of whole studies holding about this many outcomes at once."""


def study_parts(outcomes: pl.DataFrame, rows: int = PART_ROWS) -> list[pl.Series]:
    """The outcomes' study ids, sorted, cut into runs of whole studies of about `rows` outcomes.

    A null study id, if any, sorts first (as in carryover()'s order) and goes in the first part.
    """
    counts = outcomes.group_by("study_id").len().sort("study_id")
    parts = counts.with_columns(
        ((pl.col("len").cum_sum() - pl.col("len")) // max(rows, 1)).alias("_part")
    )
    return [part["study_id"] for part in parts.partition_by("_part", maintain_order=True)]


def carryover_parts(
    studies: pl.DataFrame,
    groups: pl.DataFrame,
    outcomes: pl.DataFrame,
    changes: pl.DataFrame,
    exercises: pl.DataFrame | None = None,
    rows: int = PART_ROWS,
) -> Iterator[pl.DataFrame]:
    """carryover() for a few whole studies at a time; the parts, in order, make carryover()'s rows.

    Every figure of a carryover row comes from its own study (its group, reference group, control
    group and their outcomes) or from a table of every study (exercises), so a part computed from
    its studies' outcomes and changes holds exactly their rows of the whole table. The parts go in
    the order of the study ids, which is the first sort key of carryover(). At least one part (the
    empty table when there are no outcomes).
    """
    ids = study_parts(outcomes, rows)
    if len(ids) <= 1:
        yield carryover(studies, groups, outcomes, changes, exercises)
        return
    # Each row's part number, found once (one join on the study id), so that taking a part's rows
    # compares numbers instead of looking every study id up again for every part.
    numbers = pl.concat(
        part.to_frame("study_id").with_columns(pl.lit(number, pl.UInt32).alias("_part"))
        for number, part in enumerate(ids)
    )
    of_part = [
        frame.select("study_id")
        .join(numbers, on="study_id", how="left", nulls_equal=True, maintain_order="left")
        .get_column("_part")
        for frame in (outcomes, changes)
    ]
    for number in range(len(ids)):
        yield carryover(
            studies,
            groups,
            outcomes.filter(of_part[0] == number),
            changes.filter(of_part[1] == number),
            exercises,
        )


_OUTCOMES_READ = (
    *CARRYOVER_KEY,
    "pre_mean",
    "pre_sd",
    "post_mean",
    "post_sd",
    "change_abs_sd",
    "change_pct_sd",
)
"""The columns of the outcomes that carryover() reads (the last two where present)."""
_CHANGES_READ = (
    *CARRYOVER_KEY,
    "unit",
    "change_pct",
    "change_pct_source",
    "change_abs",
    "change_abs_source",
)
"""The columns of the outcome changes that carryover() reads."""


_Inputs = tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame | None]


class Analytics:
    """The analytics tables computed a few studies at a time as they are stored.

    `tables()` gives `carryover` and `carryover_pooled` as `Parts`: the carryover rows of a few
    studies at a time, and their pooling, computed from the columns pooled() reads as the
    carryover parts pass (or by going through them, if pooled is stored first). No frame of every
    carryover row with every column is ever held.
    """

    def __init__(
        self,
        studies: pl.DataFrame,
        groups: pl.DataFrame,
        outcomes: pl.DataFrame,
        changes: pl.DataFrame,
        exercises: pl.DataFrame | None = None,
        rows: int = PART_ROWS,
    ) -> None:
        # Only the columns carryover() reads: once the load has stored and let go of the whole
        # outcomes and their changes, the other columns are freed while the parts are computed.
        self._inputs: _Inputs | None = (
            studies,
            groups,
            outcomes.select(c for c in _OUTCOMES_READ if c in outcomes.columns),
            changes.select(_CHANGES_READ),
            exercises,
        )
        self._rows = rows
        self._pooling: pl.DataFrame | None = None

    def carryover(self) -> Iterator[pl.DataFrame]:
        """The carryover rows, a few studies at a time (see carryover_parts)."""
        if self._inputs is None:
            raise RuntimeError("the carryover rows were let go once stored")
        studies, groups, outcomes, changes, exercises = self._inputs
        pooling = []
        for part in carryover_parts(studies, groups, outcomes, changes, exercises, self._rows):
            pooling.append(pooling_rows(part))
            yield part
            del part  # not held while the next part is computed
        self._pooling = pl.concat(pooling)

    def pooled(self) -> Iterator[pl.DataFrame]:
        """The pooled table (one part), from the pooling columns of every carryover row."""
        if self._pooling is None:
            for _ in self.carryover():
                pass
        assert self._pooling is not None
        rows, self._pooling = self._pooling, None
        yield pooled(rows)

    def tables(self) -> dict[str, Parts]:
        """The analytics tables by name, in the order to store them."""
        return {
            "carryover": Parts(self.carryover, self._stored),
            "carryover_pooled": Parts(self.pooled),
        }

    def _stored(self) -> None:
        """The carryover rows are stored: let go of their inputs (pooling has its columns)."""
        self._inputs = None


def pooling_rows(rows: pl.DataFrame) -> pl.DataFrame:
    """The carryover rows and columns pooled() reads: pooled(pooling_rows(r)) equals pooled(r)."""
    return rows.select(_POOLED_INPUT).filter(pl.col("trained_exercise").is_not_null())


_CARRYOVER_TYPES: dict[str, pl.DataType] = {
    "n": pl.Int64(),
    "is_specific": pl.Boolean(),
    "lower_is_better": pl.Boolean(),
    "caution": pl.String(),
    "d_change_scale": pl.String(),
    **{
        name: pl.Float64()
        for name in (
            "pre_mean",
            "pre_sd",
            "post_mean",
            "post_sd",
            "change_pct",
            "change_abs",
            "prepost_r",
            "g",
            "g_var",
            "lnrr",
            "lnrr_var",
            "reference_change_pct",
            "transfer_ratio",
            "transfer_ratio_g",
            "controlled_change_pct",
            "controlled_g",
            "controlled_g_var",
            "d_change",
            "d_change_var",
        )
    },
}


def random_effects(frame: pl.DataFrame, by: list[str], effect: str, variance: str) -> pl.DataFrame:
    """DerSimonian-Laird random-effects pooling of `effect` per `by` group.

    Rows without an effect, or with a variance that is not positive, do not take part. Returns one
    row per group that has at least one input: k, pooled, se, ci_lo, ci_hi, q, tau2 and i2 (the
    last three null when k < 2; with k = 1 the pooled estimate is that one effect).
    """
    y, v = pl.col(effect), pl.col(variance)
    data = frame.filter(y.is_not_null() & v.is_not_null() & (v > 0)).select(
        *by, y.alias("_y"), v.alias("_v"), (1.0 / v).alias("_w")
    )
    w, yy = pl.col("_w"), pl.col("_y")
    fixed = data.group_by(by).agg(
        pl.len().alias("k"),
        (w * yy).sum().truediv(w.sum()).alias("_fixed"),
        w.sum().alias("_sw"),
        w.pow(2).sum().alias("_sw2"),
    )
    k = pl.col("k")
    heterogeneity = (
        data.join(fixed, on=by, how="left", nulls_equal=True)
        .group_by(by)
        .agg(
            pl.col("k").first(),
            (w * (yy - pl.col("_fixed")).pow(2)).sum().alias("q"),
            pl.col("_sw").first(),
            pl.col("_sw2").first(),
        )
        .with_columns((pl.col("_sw") - pl.col("_sw2") / pl.col("_sw")).alias("_c"))
        .select(
            *by,
            "k",
            pl.when(k >= 2).then(pl.col("q")).alias("q"),
            pl.when(k >= 2)
            .then(pl.max_horizontal(pl.lit(0.0), (pl.col("q") - (k - 1)) / pl.col("_c")))
            .alias("tau2"),
            pl.when(k >= 2)
            .then(
                pl.when(pl.col("q") > 0)
                .then(pl.max_horizontal(pl.lit(0.0), (pl.col("q") - (k - 1)) / pl.col("q")))
                .otherwise(0.0)
                * 100.0
            )
            .alias("i2"),
        )
    )
    w_re = 1.0 / (pl.col("_v") + pl.col("tau2").fill_null(0.0))
    pooled = (
        data.join(heterogeneity, on=by, how="left", nulls_equal=True)
        .group_by(by)
        .agg(
            (w_re * yy).sum().truediv(w_re.sum()).alias("pooled"),
            w_re.sum().pow(-1).sqrt().alias("se"),
        )
        .with_columns(
            (pl.col("pooled") - Z95 * pl.col("se")).alias("ci_lo"),
            (pl.col("pooled") + Z95 * pl.col("se")).alias("ci_hi"),
        )
    )
    return heterogeneity.join(pooled, on=by, how="left", nulls_equal=True).select(
        *by,
        pl.col("k").cast(pl.Int64),
        "pooled",
        "se",
        "ci_lo",
        "ci_hi",
        "q",
        "tau2",
        "i2",
    )


def _weighted_mean(value: pl.Expr, weight: pl.Expr) -> pl.Expr:
    """Σ weight·value / Σ weight over the rows where both are present."""
    both = value.is_not_null() & weight.is_not_null()
    return (value * weight).filter(both).sum() / weight.filter(both).sum()


def pooled(rows: pl.DataFrame) -> pl.DataFrame:
    """One row per trained exercise x test exercise x measure family, pooling the trained groups.

    Control groups are not pooled (they have no trained exercise). Each group is an independent
    sample; k_studies counts studies. The effect g is pooled by DerSimonian-Laird random effects;
    percent changes and transfer ratios by their participant-weighted mean. Where a row pools a
    study with a caution, a sensitivity row (`subset` = without cautioned studies) pools the
    others, when any remain.
    """
    if "caution" not in rows.columns:
        rows = rows.with_columns(pl.lit(None, pl.String).alias("caution"))
    if "d_change" not in rows.columns:
        rows = rows.with_columns(
            pl.lit(None, pl.Float64).alias(c) for c in ("d_change", "d_change_var")
        )
    # Only the columns pooling reads: filtering every column of a table-sized frame would copy it.
    treated = rows.select(_POOLED_INPUT).filter(pl.col("trained_exercise").is_not_null())
    cautioned = (
        treated.filter(pl.col("caution").is_not_null())
        .group_by(list(POOLED_KEY[:-1]))
        .agg(pl.col("study_id").unique().sort().str.join(", ").alias("cautioned_studies"))
    )
    everything = _pool(treated.with_columns(pl.lit(ALL_STUDIES).alias("subset")))
    clean_rows = treated.filter(pl.col("caution").is_null()).join(
        cautioned.select(list(POOLED_KEY[:-1])),
        on=list(POOLED_KEY[:-1]),
        how="semi",
        nulls_equal=True,
    )
    parts = [everything]
    if not clean_rows.is_empty():  # most data has no caution: no second pooling
        parts.append(_pool(clean_rows.with_columns(pl.lit(WITHOUT_CAUTIONED).alias("subset"))))
    out = pl.concat(parts).join(cautioned, on=list(POOLED_KEY[:-1]), how="left", nulls_equal=True)
    return out.select(list(POOLED_COLUMNS)).sort(*POOLED_KEY[:-1], pl.col("subset") != ALL_STUDIES)


_POOLED_INPUT = (
    *POOLED_KEY[:-1],
    "study_id",
    "measure",
    "caution",
    "is_specific",
    "n",
    "change_pct",
    "transfer_ratio",
    "g",
    "g_var",
    "d_change",
    "d_change_var",
)
"""The columns of carryover rows that pooled() reads."""


def _pool(treated: pl.DataFrame) -> pl.DataFrame:
    """pooled() on one subset of the trained groups (the frame has `subset`)."""
    by = list(POOLED_KEY)
    n = pl.col("n").cast(pl.Float64)
    ratio = pl.col("transfer_ratio")
    summary = treated.group_by(by).agg(
        pl.col("is_specific").first(),
        pl.col("measure").unique().sort().str.join(", ").alias("measures"),
        pl.col("study_id").unique().sort().str.join(", ").alias("studies"),
        pl.col("study_id").n_unique().cast(pl.Int64).alias("k_studies"),
        pl.len().cast(pl.Int64).alias("k_groups"),
        pl.col("n").sum().cast(pl.Int64).alias("participants"),
        _weighted_mean(pl.col("change_pct"), n).alias("change_pct_mean"),
        ratio.count().cast(pl.Int64).alias("k_transfer"),
        _weighted_mean(ratio, n).alias("transfer_ratio"),
        ratio.min().alias("transfer_ratio_min"),
        ratio.max().alias("transfer_ratio_max"),
    )
    effects = random_effects(treated, by, "g", "g_var").rename(
        {
            "k": "k_g",
            "pooled": "g_pooled",
            "se": "g_se",
            "ci_lo": "g_ci_lo",
            "ci_hi": "g_ci_hi",
        }
    )
    with_d = treated.filter(pl.col("d_change").is_not_null())
    d_effects = random_effects(with_d, by, "d_change", "d_change_var").select(
        *by,
        pl.col("k").alias("k_d"),
        pl.col("pooled").alias("d_pooled"),
        pl.col("ci_lo").alias("d_ci_lo"),
        pl.col("ci_hi").alias("d_ci_hi"),
    )
    out = (
        summary.join(effects, on=by, how="left", nulls_equal=True)
        .join(d_effects, on=by, how="left", nulls_equal=True)
        .with_columns(
            (pl.col("k_studies") == 1).alias("single_study"),
            pl.col("k_g").fill_null(0),
            pl.col("k_d").fill_null(0),
        )
        .with_columns(
            # Empty groups give NaN from 0/0: no figure, so null.
            pl.col(c).fill_nan(None)
            for c in ("change_pct_mean", "transfer_ratio")
        )
    )
    return (
        out.with_columns(pl.lit(None, pl.String).alias("cautioned_studies"))
        .select(list(POOLED_COLUMNS))
        .drop("cautioned_studies")
    )

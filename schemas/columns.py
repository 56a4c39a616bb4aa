"""Column kinds of the raw data contract and the pandera checks each kind implies.

Raw cells arrive as text. A column's kind decides its format check (rule id and the wording of what
was expected), its optional range check, and the polars type it is cast to once valid. Checks are
vectorised polars expressions; an empty cell passes them (emptiness is the `required` rule's job).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from carryover.core.rounding import half_width

SLUG_PATTERN = r"^[a-z][a-z0-9_]*$"
ARTICLE_PATTERN = r"^[a-z][a-z0-9_-]*$"
"""An article id as claims.csv may write it: the id, or the file stem with its hyphens."""
INTEGER_PATTERN = r"^[+-]?[0-9]+$"
NUMBER_PATTERN = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
RM_PATTERN = r"^([1-9][0-9]?|n)RM$"
"""A repetition-maximum test: 1RM, 3RM, ... or `nRM` where the paper does not say how many."""
MEASURES = (
    "height",
    "distance",
    "time",
    "peak_force",
    "relative_peak_force",
    "torque",
    "thickness",
    "csa",
    "volume",
)
"""Measures of tests other than repetition maxima (jumps, sprints, isometric force, muscle size:
its thickness, cross-sectional area or volume)."""
MEASURE_PATTERN = r"^(([1-9][0-9]?|n)RM|" + "|".join(MEASURES) + r")$"
DOI_PATTERN = r"^10\.[0-9]{4,9}/\S+$"
UNITS = ("kg", "lb", "cm", "m", "s", "mm", "cm2", "cm3", "N", "N/kg", "Nm")
FLAGS = ("yes", "no")
QUANTITIES = (
    "change_pct",
    "change_abs",
    "n",
    "n_analysed",
    "n_recruited",
    "duration_weeks",
    "sessions_per_week",
    "contrast",
    "contrast_pct",
    "contrast_ratio",
    "age",
    "body_height",
    "body_mass",
    "age_sd",
    "body_height_sd",
    "body_mass_sd",
    "pre_mean",
    "post_mean",
    "pre_mean_lb",
    "post_mean_lb",
    "change_abs_lb",
    "p_value",
    "p_below",
    "p_above",
    "sessions_total",
    "other",
)


class Kind(StrEnum):
    """What a raw column holds."""

    TEXT = "text"
    SLUG = "slug"
    ARTICLE = "article"
    INTEGER = "integer"
    NUMBER = "number"
    MEASURE = "measure"
    UNIT = "unit"
    DOI = "doi"
    ALIASES = "aliases"
    QUANTITY = "quantity"
    CHOICE = "choice"
    FLAG = "flag"


@dataclass(frozen=True)
class Bound:
    """A numeric bound on a column; `strict` means the bound itself is not allowed."""

    value: float
    strict: bool = False


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a raw table as the contract defines it."""

    name: str
    kind: Kind
    required: bool = False
    minimum: Bound | None = None
    maximum: Bound | None = None
    doc: str = ""
    choices: tuple[str, ...] = ()
    """The allowed values of a CHOICE column."""

    @property
    def numeric(self) -> bool:
        """Whether the column holds a number once cast."""
        return self.kind in (Kind.INTEGER, Kind.NUMBER)

    def expected(self) -> str:
        """Describe, for an editor, what a valid value of this column looks like."""
        base = {
            Kind.TEXT: "some text",
            Kind.SLUG: "an id of lower-case letters, digits and '_', starting with a letter",
            Kind.ARTICLE: "an article id of lower-case letters, digits, '_' and '-' (the file "
            "stem: review-a is read as review_a), starting with a letter",
            Kind.INTEGER: "a whole number",
            Kind.NUMBER: "a number such as 12 or 12.5 (a point for decimals, no separators; "
            "0 or between about 1e-308 and 1e308 in size)",
            Kind.MEASURE: "an nRM test such as 1RM or 3RM (nRM: n not stated), or one of "
            + ", ".join(MEASURES),
            Kind.UNIT: "one of " + ", ".join(UNITS),
            Kind.DOI: "a DOI such as 10.7717/peerj.7337",
            Kind.ALIASES: "lower-case phrases separated by ';', such as 'squat;back squat'",
            Kind.QUANTITY: "one of " + ", ".join(QUANTITIES),
            Kind.CHOICE: "one of " + ", ".join(self.choices),
            Kind.FLAG: "yes or no",
        }[self.kind]
        if self.numeric and (self.minimum or self.maximum):
            base = "a whole number" if self.kind is Kind.INTEGER else "a number"
        bounds = []
        if self.minimum is not None:
            op = "above" if self.minimum.strict else "at least"
            bounds.append(f"{op} {self.minimum.value:g}")
        if self.maximum is not None:
            op = "below" if self.maximum.strict else "at most"
            bounds.append(f"{op} {self.maximum.value:g}")
        return base + (" " + " and ".join(bounds) if bounds else "")


# Kind -> (rule id, polars expression on the column that is True where the text is valid).
def _format_rule(spec: ColumnSpec) -> tuple[str, pl.Expr] | None:
    col = pl.col(spec.name)
    match spec.kind:
        case Kind.TEXT:
            return None
        case Kind.SLUG:
            return "slug_format", col.str.contains(SLUG_PATTERN)
        case Kind.ARTICLE:
            return "slug_format", col.str.contains(ARTICLE_PATTERN)
        case Kind.INTEGER:
            fits = col.is_null() | col.cast(pl.Int64, strict=False).is_not_null()
            return "integer_type", col.str.contains(INTEGER_PATTERN) & fits
        case Kind.NUMBER:
            return "number_type", number_valid(col)
        case Kind.MEASURE:
            return "measure_format", col.str.contains(MEASURE_PATTERN)
        case Kind.UNIT:
            return "unit_value", col.is_in(UNITS)
        case Kind.DOI:
            return "doi_format", col.str.contains(DOI_PATTERN)
        case Kind.ALIASES:
            phrases_ok = ~col.str.contains(r"(^\s*;)|(;\s*;)|(;\s*$)")
            return "aliases_format", (col == col.str.to_lowercase()) & phrases_ok
        case Kind.QUANTITY:
            return "quantity_value", col.is_in(QUANTITIES)
        case Kind.CHOICE:
            return "value_not_allowed", col.is_in(spec.choices)
        case Kind.FLAG:
            return "flag_value", col.is_in(FLAGS)
    raise AssertionError(spec.kind)  # pragma: no cover


_SHORT_BYTES = 300
"""A number of this length or less, with no exponent, is always held faithfully by a float."""


def number_valid(col: pl.Expr) -> pl.Expr:
    """True where a text is a number (NUMBER_PATTERN) that a 64-bit float holds faithfully.

    The same as the pattern and `representable` on every cell, at a fraction of the cost: a
    number with no exponent and at most _SHORT_BYTES characters is below 1e300 in size, is 0 or
    at least 1e-300, and its last digit stands for at least 0.5e-300, so a float holds it. Only
    the other texts (an exponent, a very long text) get the full test; the rest reach it as null,
    which it passes. tests/property/test_number_check.py compares both ways on random cells.
    """
    full_test = col.str.contains("[eE]") | (col.str.len_bytes() > _SHORT_BYTES)
    return col.str.contains(NUMBER_PATTERN) & representable(pl.when(full_test).then(col))


def representable(col: pl.Expr) -> pl.Expr:
    """True where a number written as text is held faithfully by a 64-bit float.

    Not so: a value too large (inf), a non-zero value too small (it would read as 0: 1e-400), and
    a figure whose last digit stands for more than any float (0e400: its rounding interval has no
    end). Exponents of any length are handled without error.
    """
    value = col.cast(pl.Float64, strict=False)
    nonzero_digits = col.str.extract(r"^[+-]?([0-9]*\.?[0-9]*)", 1).str.contains("[1-9]")
    underflow = (value == 0.0) & nonzero_digits.fill_null(False)
    return col.is_null() | (
        value.is_finite().fill_null(False)
        & ~underflow.fill_null(False)
        & half_width(col).is_finite().fill_null(False)
    )


def as_number(name: str) -> pl.Expr:
    """Parse a text column as Float64; anything unparseable becomes null."""
    return pl.col(name).cast(pl.Float64, strict=False)


def _range_expr(spec: ColumnSpec) -> pl.Expr | None:
    if spec.minimum is None and spec.maximum is None:
        return None
    value = as_number(spec.name)
    ok = pl.lit(True)
    if spec.minimum is not None:
        lo = spec.minimum
        ok = ok & ((value > lo.value) if lo.strict else (value >= lo.value))
    if spec.maximum is not None:
        hi = spec.maximum
        ok = ok & ((value < hi.value) if hi.strict else (value <= hi.value))
    return ok


def expr_check(name: str, expr: pl.Expr) -> pa.Check:
    """A pandera check with this name from an expression that is True where valid; nulls pass."""

    def check(data: PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(expr.fill_null(True).alias("ok"))

    return pa.Check(check, name=name)


def column_checks(spec: ColumnSpec) -> list[tuple[str, pa.Check]]:
    """The format and range checks a column's kind implies, each with its rule id."""
    checks = []
    fmt = _format_rule(spec)
    if fmt is not None:
        rule_id, expr = fmt
        checks.append((rule_id, expr_check(rule_id, expr)))
    rng = _range_expr(spec)
    if rng is not None:
        checks.append(("out_of_range", expr_check("out_of_range", rng)))
    return checks


def cast_expr(spec: ColumnSpec) -> pl.Expr:
    """Cast a validated text column to its typed form."""
    col = pl.col(spec.name)
    match spec.kind:
        case Kind.INTEGER:
            return col.cast(pl.Int64)
        case Kind.NUMBER:
            return col.cast(pl.Float64)
        case Kind.ARTICLE:
            return col.str.replace_all("-", "_", literal=True)
        case Kind.FLAG:
            return col == "yes"
        case Kind.ALIASES:
            return (
                col.str.split(";")
                .list.eval(pl.element().str.strip_chars())
                .list.eval(pl.element().filter(pl.element() != ""))
            )
        case _:
            return col

"""A raw table's contract and the machinery that turns pandera failures into findings.

Each table module (exercises, studies, ...) declares a `TableSpec` and builds `SchemaPlan`s from it.
A plan is a pandera DataFrameSchema plus what is needed to word its failures for an editor: every
check is named by its rule id (see schemas.rules), and each has a message template. `run_plan`
validates lazily, so one pass reports every failure, and returns them as findings rows that keep the
failing row's position.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandera.polars as pa
import polars as pl

from carryover.core.rounding import half_width
from schemas.columns import ColumnSpec, cast_expr, column_checks, expr_check
from schemas.findings import FINDINGS_SCHEMA, excerpt
from schemas.rules import rule

ROW = "_row"
"""Position of a row in the frame being validated (kept through filtering)."""

SOURCE_COLUMNS = ("source_file", "source_line")


@dataclass(frozen=True)
class TableSpec:
    """A raw table: its file, columns, key and grain."""

    name: str
    grain: str
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...]
    rounded: tuple[str, ...] = ()
    """Figures whose reported precision matters: cast_table adds their half-width `_hw_<name>`."""

    @property
    def file_name(self) -> str:
        """The raw file this table is read from."""
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        """Every column of the contract, in contract order."""
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        """The columns a file must have and a row must fill."""
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> ColumnSpec:
        """Look up one column's spec."""
        for spec in self.columns:
            if spec.name == name:
                return spec
        raise KeyError(name)


@dataclass(frozen=True)
class FrameRule:
    """A dataframe-level check: a boolean expression (True = passes) over helper columns."""

    name: str
    rule_id: str
    column: str | None
    valid: pl.Expr
    message: str


@dataclass
class SchemaPlan:
    """A pandera schema plus the wording of each of its checks."""

    table: str
    schema: pa.DataFrameSchema
    column_messages: dict[tuple[str, str], str] = field(default_factory=dict)
    frame_rules: dict[str, FrameRule] = field(default_factory=dict)
    prepare: Callable[[pl.DataFrame], pl.DataFrame] | None = None


def column_message(spec: ColumnSpec, rule_id: str) -> str:
    """Default wording of a failed column check."""
    if rule_id == "required":
        return f"{spec.name} is empty; it is required ({spec.expected()})"
    return f"{spec.name} is {{value!r}}; expected {spec.expected()}"


def build_plan(
    spec: TableSpec,
    *,
    extra_column_checks: Mapping[str, Sequence[tuple[str, pl.Expr, str]]] | None = None,
    frame_rules: Sequence[FrameRule] = (),
    prepare: Callable[[pl.DataFrame], pl.DataFrame] | None = None,
    columns: Sequence[ColumnSpec] | None = None,
    dtypes: Mapping[str, pl.DataType] | None = None,
) -> SchemaPlan:
    """Build a plan: column checks from the specs, plus extra column and frame rules.

    `extra_column_checks` maps a column to (rule id, valid expression, message template) triples,
    used for cross-table checks such as "study_id is a known study". With `columns=[]` and only
    frame rules, the plan checks a typed frame (dtypes say what to expect).
    """
    messages: dict[tuple[str, str], str] = {}
    pa_columns: dict[str, pa.Column] = {}
    specs = spec.columns if columns is None else columns
    extras = dict(extra_column_checks or {})
    for col in specs:
        checks = []
        for rule_id, check in column_checks(col):
            checks.append(check)
            messages[(rule_id, col.name)] = column_message(col, rule_id)
        for rule_id, expr, message in extras.pop(col.name, ()):
            checks.append(expr_check(rule_id, expr))
            messages[(rule_id, col.name)] = message
        if col.required:
            messages[("required", col.name)] = column_message(col, "required")
        dtype = (dtypes or {}).get(col.name, pl.String())
        pa_columns[col.name] = pa.Column(dtype, nullable=not col.required, checks=checks)
    if extras:
        raise ValueError(f"extra checks for columns outside the plan: {sorted(extras)}")
    rules = {fr.name: fr for fr in frame_rules}
    schema = pa.DataFrameSchema(
        pa_columns, checks=[expr_check(fr.name, fr.valid) for fr in frame_rules], name=spec.name
    )
    return SchemaPlan(spec.name, schema, messages, rules, prepare)


class _Row(dict[str, Any]):
    """Row values for message templates: an empty cell reads as 'empty'."""

    def __missing__(self, key: str) -> str:
        return "empty"


def _fmt(value: Any) -> Any:
    if value is None:
        return "empty"
    if isinstance(value, float):
        return float(f"{value:.6g}")
    return value


def run_plan(plan: SchemaPlan, frame: pl.DataFrame) -> pl.DataFrame:
    """Validate `frame` lazily against the plan and return one findings row per failure.

    The frame must carry `_row`, `source_file` and `source_line`; the findings carry `_row` too, so
    that the caller can quarantine the failing rows.
    """
    prepared = plan.prepare(frame) if plan.prepare else frame
    try:
        plan.schema.validate(prepared, lazy=True)
    except pa.errors.SchemaErrors as exc:
        failures = exc.failure_cases
    else:
        return _empty_with_row()
    if failures["index"].null_count():
        unexpected = failures.filter(pl.col("index").is_null())
        raise RuntimeError(f"schema {plan.table!r} does not fit its frame: {unexpected.rows()}")
    rows = prepared[failures["index"].to_list()].to_dicts()
    records = []
    for fail, row in zip(failures.iter_rows(named=True), rows, strict=True):
        check = fail["check"]
        column = fail["column"]
        if check == "not_nullable":
            rule_id, template = "required", plan.column_messages[("required", column)]
        elif fail["schema_context"] == "DataFrameSchema":
            fr = plan.frame_rules[check]
            rule_id, template, column = fr.rule_id, fr.message, fr.column
        else:
            rule_id, template = check, plan.column_messages[(check, column)]
        value = row.get(column) if column else None
        values = _Row({k: _fmt(v) for k, v in row.items()})
        values["value"] = excerpt(value) if value is not None else "empty"
        r = rule(rule_id)
        records.append(
            {
                "severity": r.severity,
                "rule": r.id,
                "quarantines": r.quarantines,
                "table_name": plan.table,
                "source_file": row["source_file"],
                "source_line": row["source_line"],
                "column_name": column,
                "value": excerpt(value),
                "message": template.format_map(values),
                ROW: row[ROW],
            }
        )
    return pl.DataFrame(records, schema=_FINDINGS_WITH_ROW)


_FINDINGS_WITH_ROW = {**FINDINGS_SCHEMA, ROW: pl.Int64()}


def _empty_with_row() -> pl.DataFrame:
    return pl.DataFrame(schema=_FINDINGS_WITH_ROW)


def hw(name: str) -> str:
    """Name of the helper column holding a rounded figure's half-width."""
    return f"_hw_{name}"


def cast_table(spec: TableSpec, frame: pl.DataFrame) -> pl.DataFrame:
    """Cast validated text columns to their types, keeping every other column as it is.

    Each rounded figure also gets its half-width, read from the text before it becomes a float.
    """
    return frame.with_columns(
        *(half_width(pl.col(name)).alias(hw(name)) for name in spec.rounded),
    ).with_columns(cast_expr(c) for c in spec.columns)

"""Validate: run every table's pandera plans in load order; split rows into clean and quarantine.

Pure: extracted frames in, clean typed frames, quarantine and findings out. A row that breaks a
quarantining rule (structure, type, range, key) is kept out of its clean table with every reason;
consistency rules (figures that disagree, groups that outnumber the randomized) are reported but
leave the row loaded. A table's references are checked against the clean rows of the tables
before it, so a row pointing at a quarantined study is quarantined too, and says why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from carryover.extract import SPAN, Extracted
from schemas import SPECS, TABLES, claims, exercises, groups, outcomes, studies
from schemas.findings import FINDINGS_SCHEMA, sort_findings
from schemas.keys import KEY_SEP, key_values
from schemas.table import ROW, SOURCE_COLUMNS, SchemaPlan, cast_table, run_plan

QUARANTINE_SCHEMA: dict[str, pl.DataType] = {
    "table_name": pl.String(),
    "source_file": pl.String(),
    "source_line": pl.Int64(),
    "raw": pl.String(),
    "reasons": pl.String(),
}
IDENTITY = "_identity"
"""What identifies a finding's row apart from its line: its key values, or its content."""

PARENTS: dict[str, tuple[str, ...]] = {
    "exercises": (),
    "studies": (),
    "groups": ("studies", "exercises"),
    "outcomes": ("groups", "exercises"),
    "claims": ("studies", "groups", "exercises"),
}
"""The tables whose clean rows a table's references are checked against (see _row_plan)."""


@dataclass(frozen=True)
class FileStats:
    """What happened to one raw file's rows."""

    table_name: str
    source_file: str
    sha256: str | None
    data_rows: int
    loaded_rows: int
    quarantined_rows: int


@dataclass
class Validation:
    """The outcome of validating every raw table."""

    clean: dict[str, pl.DataFrame]
    quarantine: pl.DataFrame
    findings: pl.DataFrame
    files: list[FileStats]
    tables: dict[str, TableResult] = field(default_factory=dict)
    """Each table's own result, as an incremental run can reuse it."""
    reused: tuple[str, ...] = ()
    """Tables whose result was reused from an earlier run instead of validated again."""

    @property
    def errors(self) -> int:
        """Number of error-severity findings."""
        return int((self.findings["severity"] == "error").sum())

    @property
    def warnings(self) -> int:
        """Number of warning-severity findings."""
        return int((self.findings["severity"] == "warning").sum())


def _row_plan(table: str, clean: Mapping[str, pl.DataFrame], this_year: int | None) -> SchemaPlan:
    """The quarantining plan of a table, given the clean rows of the tables it references."""

    def ids(name: str, *columns: str) -> pl.Series:
        return key_values(clean[name], columns)

    match table:
        case "exercises":
            return exercises.row_plan()
        case "studies":
            return studies.row_plan(this_year)
        case "groups":
            return groups.row_plan(ids("studies", "study_id"), ids("exercises", "exercise_id"))
        case "outcomes":
            return outcomes.row_plan(
                ids("groups", "study_id", "group_id"), ids("exercises", "exercise_id")
            )
        case "claims":
            return claims.row_plan(
                ids("studies", "study_id"),
                ids("groups", "study_id", "group_id"),
                ids("exercises", "exercise_id"),
            )
    raise KeyError(table)


def _quarantined(ex: Extracted, frame: pl.DataFrame, failures: pl.DataFrame) -> pl.DataFrame:
    """The rows of `frame` that broke a quarantining rule, with their raw text and reasons."""
    reasons = (
        failures.filter(pl.col("quarantines"))
        .group_by(ROW, maintain_order=True)
        .agg(pl.col("message").str.join("; ").alias("reasons"))
    )
    rows = frame.join(reasons, on=ROW, how="inner").sort(ROW)
    raw = ex.raw_text(rows["source_line"], rows[SPAN])
    return pl.DataFrame(
        {
            "table_name": ex.spec.name,
            "source_file": rows["source_file"],
            "source_line": rows["source_line"],
            "raw": raw,
            "reasons": rows["reasons"],
        },
        schema=QUARANTINE_SCHEMA,
    )


@dataclass
class TableResult:
    """One raw table validated on its own rows and on the clean rows of the tables it references.

    This is what an incremental run reuses for a raw file that has not changed (see
    carryover.incremental): the clean rows as text, the quarantined rows, and the row-level findings
    with their identity.
    """

    clean_text: pl.DataFrame
    quarantine: pl.DataFrame
    findings: pl.DataFrame
    stats: FileStats


def _identity(failures: pl.DataFrame, frame: pl.DataFrame, key: tuple[str, ...]) -> pl.DataFrame:
    """Add to row-level failures what identifies their row independently of its line.

    That is the row's key values, or, when a key value is empty or the table has no key, the
    row's every cell.
    """
    cells = [c for c in frame.columns if not c.startswith("_") and c not in SOURCE_COLUMNS]
    content = pl.concat_str(
        [pl.col(c).cast(pl.String).fill_null("") for c in cells], separator=KEY_SEP
    )
    if key:
        keyed = pl.concat_str([pl.col(k).cast(pl.String) for k in key], separator=KEY_SEP)
        content = pl.when(keyed.is_not_null()).then(keyed).otherwise(content)
    ident = frame.select(ROW, content.alias(IDENTITY))
    return failures.join(ident, on=ROW, how="left", maintain_order="left")


def _structural_identity(ex: Extracted) -> pl.DataFrame:
    """Extract findings with their identity: the raw text of their line ('' for the header)."""
    raw = ex.rejected.select("source_line", pl.col("raw").alias(IDENTITY)).unique(
        "source_line", keep="first", maintain_order=True
    )
    return ex.findings.join(raw, on="source_line", how="left", maintain_order="left").with_columns(
        pl.col(IDENTITY).fill_null("")
    )


def validate_table(
    ex: Extracted, clean_text: Mapping[str, pl.DataFrame], this_year: int | None = None
) -> TableResult:
    """Validate one extracted table against the clean rows of the tables before it."""
    spec = ex.spec
    rejected = ex.rejected.select(
        pl.lit(spec.name).alias("table_name"),
        pl.lit(ex.source_file).alias("source_file"),
        "source_line",
        "raw",
        "reasons",
    )
    failures = run_plan(_row_plan(spec.name, clean_text, this_year), ex.rows)
    bad = failures.filter(pl.col("quarantines"))[ROW].unique()
    clean = ex.rows.filter(~pl.col(ROW).is_in(bad.implode()))
    loaded = clean.height
    rejected_rows = ex.data_rows - ex.rows.height + bad.len()
    if loaded + rejected_rows != ex.data_rows:  # pragma: no cover - an invariant, not a check
        raise AssertionError(f"{ex.source_file}: rows lost in validation")
    findings = pl.concat(
        [
            _structural_identity(ex).select(*FINDINGS_SCHEMA, IDENTITY),
            _identity(failures, ex.rows, spec.key).select(*FINDINGS_SCHEMA, IDENTITY),
        ]
    )
    return TableResult(
        clean_text=clean,
        quarantine=pl.concat([rejected, _quarantined(ex, ex.rows, failures)]),
        findings=findings,
        stats=FileStats(spec.name, ex.source_file, ex.sha256, ex.data_rows, loaded, rejected_rows),
    )


def fingerprint(findings: pl.DataFrame) -> pl.Series:
    """A stable id per finding: rule, file, column and the row's identity (not its line).

    Two findings that share all of these (the same duplicate twice) are told apart by their order.
    """
    parts = ["rule", "source_file", "column_name", IDENTITY]
    nth = pl.int_range(pl.len()).over(parts).cast(pl.String)
    text = findings.select(
        pl.concat_str([*(pl.col(c).fill_null("") for c in parts), nth], separator=KEY_SEP)
    ).to_series()
    return pl.Series(
        "fingerprint",
        [hashlib.sha256(t.encode("utf-8")).hexdigest()[:32] for t in text.to_list()],
        dtype=pl.String,
    )


def combine(results: Mapping[str, TableResult], reused: Sequence[str] = ()) -> Validation:
    """Finish validation from every table's result: cast types, run the cross-table rules."""
    clean = {spec.name: cast_table(spec, results[spec.name].clean_text) for spec in TABLES}
    findings = [results[spec.name].findings for spec in TABLES]
    agreement = run_plan(outcomes.agreement_plan(), clean["outcomes"])
    findings.append(_identity(agreement, clean["outcomes"], SPECS["outcomes"].key))
    enrolment_frame = studies.with_groups_total(clean["studies"], clean["groups"])
    enrolment = run_plan(studies.enrolment_plan(), enrolment_frame)
    findings.append(_identity(enrolment, enrolment_frame, SPECS["studies"].key))
    merged = sort_findings(pl.concat([f.select(*FINDINGS_SCHEMA, IDENTITY) for f in findings]))
    return Validation(
        clean=clean,
        quarantine=pl.concat([results[spec.name].quarantine for spec in TABLES]).sort(
            "table_name", "source_line"
        ),
        findings=merged.with_columns(fingerprint(merged)).drop(IDENTITY),
        files=[results[spec.name].stats for spec in TABLES],
        tables=dict(results),
        reused=tuple(reused),
    )


def validate(
    extracted: Mapping[str, Extracted],
    this_year: int | None = None,
    reused: Mapping[str, TableResult] | None = None,
) -> Validation:
    """Validate every extracted table; see the module docstring.

    `reused` holds earlier results for tables whose raw file (and those it references) did not
    change; they are taken as they are instead of being validated again.
    """
    earlier = dict(reused or {})
    results: dict[str, TableResult] = {}
    for spec in TABLES:
        if spec.name in earlier:
            results[spec.name] = earlier[spec.name]
        else:
            clean_text = {name: r.clean_text for name, r in results.items()}
            results[spec.name] = validate_table(extracted[spec.name], clean_text, this_year)
    return combine(results, [name for name in earlier if name in results])

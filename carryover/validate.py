"""Validate: run every table's pandera plans in load order; split rows into clean and quarantine.

Pure: extracted frames in, clean typed frames, quarantine and findings out. A row that breaks a
quarantining rule (structure, type, range, key) is kept out of its clean table with every reason;
consistency rules (figures that disagree, groups that outnumber the randomized) are reported but
leave the row loaded. A table's references are checked against the clean rows of the tables
before it, so a row pointing at a quarantined study is quarantined too, and says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from carryover.extract import SPAN, Extracted
from schemas import SPECS, TABLES, claims, exercises, groups, outcomes, studies
from schemas.findings import FINDINGS_SCHEMA, sort_findings
from schemas.keys import key_values
from schemas.table import ROW, SchemaPlan, cast_table, run_plan

QUARANTINE_SCHEMA: dict[str, pl.DataType] = {
    "table_name": pl.String(),
    "source_file": pl.String(),
    "source_line": pl.Int64(),
    "raw": pl.String(),
    "reasons": pl.String(),
}


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


def validate(extracted: Mapping[str, Extracted], this_year: int | None = None) -> Validation:
    """Validate every extracted table; see the module docstring."""
    clean_text: dict[str, pl.DataFrame] = {}
    findings = [ex.findings for ex in extracted.values()]
    quarantine = []
    files = []
    for spec in TABLES:
        ex = extracted[spec.name]
        quarantine.append(
            ex.rejected.select(
                pl.lit(spec.name).alias("table_name"),
                pl.lit(ex.source_file).alias("source_file"),
                "source_line",
                "raw",
                "reasons",
            )
        )
        failures = run_plan(_row_plan(spec.name, clean_text, this_year), ex.rows)
        findings.append(failures.drop(ROW))
        bad = failures.filter(pl.col("quarantines"))[ROW].unique()
        quarantine.append(_quarantined(ex, ex.rows, failures))
        clean_text[spec.name] = ex.rows.filter(~pl.col(ROW).is_in(bad.implode()))
        loaded = clean_text[spec.name].height
        rejected = ex.data_rows - ex.rows.height + bad.len()
        if loaded + rejected != ex.data_rows:  # pragma: no cover - an invariant, not a check
            raise AssertionError(f"{ex.source_file}: rows lost in validation")
        files.append(
            FileStats(spec.name, ex.source_file, ex.sha256, ex.data_rows, loaded, rejected)
        )

    clean = {name: cast_table(SPECS[name], frame) for name, frame in clean_text.items()}
    findings.append(run_plan(outcomes.agreement_plan(), clean["outcomes"]).drop(ROW))
    enrolment = studies.with_groups_total(clean["studies"], clean["groups"])
    findings.append(run_plan(studies.enrolment_plan(), enrolment).drop(ROW))

    return Validation(
        clean=clean,
        quarantine=pl.concat(quarantine).sort("table_name", "source_line"),
        findings=sort_findings(pl.concat([f.select(FINDINGS_SCHEMA.keys()) for f in findings])),
        files=files,
    )

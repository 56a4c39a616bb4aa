"""Validate: run every table's pandera plans in load order; split rows into clean and quarantine.

Pure: extracted frames in, clean typed frames, quarantine and findings out. A row that breaks a
quarantining rule (structure, type, range, key) is kept out of its clean table with every reason;
consistency rules (figures that disagree, groups that outnumber the randomized) are reported but
leave the row loaded. A table's references are checked against the clean rows of the tables
before it, so a row pointing at a quarantined study is quarantined too, and says why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from carryover.articles import Article, Context, read_article
from carryover.extract import SPAN, Extracted
from carryover.transforms import outcome_changes
from schemas import TABLES, claim_checks, claims, exercises, groups, outcomes, studies
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
    derived: dict[str, pl.DataFrame]
    """Tables computed while validating (outcome changes, claim verdicts), loaded as they are."""

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


def _validate_source(
    ex: Extracted, plan: SchemaPlan
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, FileStats]:
    """Run one source file's rows through a plan: (clean rows, findings, quarantine, stats)."""
    quarantine = ex.rejected.select(
        pl.lit(ex.spec.name).alias("table_name"),
        pl.lit(ex.source_file).alias("source_file"),
        "source_line",
        "raw",
        "reasons",
    )
    failures = run_plan(plan, ex.rows)
    bad = failures.filter(pl.col("quarantines"))[ROW].unique()
    clean = ex.rows.filter(~pl.col(ROW).is_in(bad.implode()))
    quarantine = pl.concat([quarantine, _quarantined(ex, ex.rows, failures)])
    rejected = ex.data_rows - ex.rows.height + bad.len()
    if clean.height + rejected != ex.data_rows:  # pragma: no cover - an invariant, not a check
        raise AssertionError(f"{ex.source_file}: rows lost in validation")
    stats = FileStats(ex.spec.name, ex.source_file, ex.sha256, ex.data_rows, clean.height, rejected)
    return clean, pl.concat([ex.findings, failures.drop(ROW)]), quarantine, stats


def validate(
    extracted: Mapping[str, Extracted],
    articles: Sequence[Article] = (),
    this_year: int | None = None,
) -> Validation:
    """Validate every extracted table and article; see the module docstring."""
    clean_text: dict[str, pl.DataFrame] = {}
    clean: dict[str, pl.DataFrame] = {}
    findings: list[pl.DataFrame] = []
    quarantine: list[pl.DataFrame] = []
    files: list[FileStats] = []
    for spec in TABLES:
        sources = [extracted[spec.name]]
        if spec.name == "claims" and articles:
            context = Context.from_tables(
                clean["studies"], clean["groups"], clean["exercises"], clean["outcomes"]
            )
            sources += [read_article(article, context) for article in articles]
        plan = _row_plan(spec.name, clean_text, this_year)
        parts = []
        for ex in sources:
            rows, found, held, stats = _validate_source(ex, plan)
            parts.append(rows)
            findings.append(found)
            quarantine.append(held)
            files.append(stats)
        clean_text[spec.name] = pl.concat(parts, how="vertical")
        clean[spec.name] = cast_table(spec, clean_text[spec.name])

    findings.append(run_plan(outcomes.agreement_plan(), clean["outcomes"]).drop(ROW))
    enrolment = studies.with_groups_total(clean["studies"], clean["groups"])
    findings.append(run_plan(studies.enrolment_plan(), enrolment).drop(ROW))

    changes = outcome_changes(clean["outcomes"])
    judged = claim_checks.judge(
        clean["claims"],
        clean["studies"],
        clean["groups"],
        clean["exercises"],
        clean["outcomes"],
        changes,
    )
    findings.append(run_plan(claim_checks.claims_plan(), judged).drop(ROW))

    return Validation(
        clean=clean,
        quarantine=pl.concat(quarantine).sort("table_name", "source_file", "source_line"),
        findings=sort_findings(pl.concat([f.select(FINDINGS_SCHEMA.keys()) for f in findings])),
        files=files,
        derived={
            "outcome_changes": changes,
            "claim_checks": claim_checks.claim_checks_table(judged),
        },
    )

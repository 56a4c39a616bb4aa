"""Validate: run every table's pandera plans in load order; split rows into clean and quarantine.

Pure: extracted frames in, clean typed frames, quarantine and findings out. A row that breaks a
quarantining rule (structure, type, range, key) is kept out of its clean table with every reason;
consistency rules (figures that disagree, groups that outnumber the randomized, claims the study
contradicts) are reported but leave the row loaded. A table's references are checked against the
clean rows of the tables before it, so a row pointing at a quarantined study is quarantined too,
and says why. Claims come from claims.csv and from the articles, which are read once the tables
they name (studies, groups, exercises, outcomes) are clean.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from carryover.articles import Article, Context, read_article
from carryover.extract import SPAN, Extracted
from carryover.transforms import outcome_changes
from schemas import SPECS, TABLES, claim_checks, claims, exercises, groups, outcomes, studies
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
    "claims": ("studies", "groups", "exercises", "outcomes"),
}
"""The tables a table's result depends on: its references (see _row_plan), and for claims also
the outcomes that articles are read against (which group tested what)."""

CLAIM_IDENTITY = ("article_id", "study_id", "quantity", "group_id", "test_exercise", "measure")
"""What identifies a claim apart from its line (with its value), so that editing an article above
a claim does not change its findings' fingerprints."""


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
class TableResult:
    """One raw table validated on its own rows and on the clean rows of the tables it references.

    This is what an incremental run reuses for raw files that have not changed (see
    carryover.incremental): the clean rows as text, the quarantined rows, the row-level findings
    with their identity, and each source file's counts (claims.csv and every article for claims).
    """

    clean_text: pl.DataFrame
    quarantine: pl.DataFrame
    findings: pl.DataFrame
    files: list[FileStats]


@dataclass
class Validation:
    """The outcome of validating every raw table."""

    clean: dict[str, pl.DataFrame]
    quarantine: pl.DataFrame
    findings: pl.DataFrame
    files: list[FileStats]
    derived: dict[str, pl.DataFrame] = field(default_factory=dict)
    """Tables computed while validating (outcome changes, claim verdicts), loaded as they are."""
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


def _identity(failures: pl.DataFrame, frame: pl.DataFrame, key: Sequence[str]) -> pl.DataFrame:
    """Add to row-level failures what identifies their row independently of its line.

    That is the row's key values, or, when a key value is empty or the table has no key, the
    row's every cell (the claims' identity columns count as a key whose empty parts are allowed).
    """
    cells = [c for c in frame.columns if not c.startswith("_") and c not in SOURCE_COLUMNS]
    content = pl.concat_str(
        [pl.col(c).cast(pl.String).fill_null("") for c in cells], separator=KEY_SEP
    )
    if tuple(key) == CLAIM_IDENTITY:
        content = pl.concat_str(
            [pl.col(c).cast(pl.String).fill_null("") for c in (*key, "value")], separator=KEY_SEP
        )
    elif key:
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


def _table_key(table: str) -> tuple[str, ...]:
    return CLAIM_IDENTITY if table == "claims" else SPECS[table].key


def validate_table(
    sources: Sequence[Extracted], clean_text: Mapping[str, pl.DataFrame], this_year: int | None
) -> TableResult:
    """Validate one table's source files against the clean rows of the tables before it."""
    spec = sources[0].spec
    plan = _row_plan(spec.name, clean_text, this_year)
    parts, quarantine, findings, files = [], [], [], []
    for ex in sources:
        failures = run_plan(plan, ex.rows)
        bad = failures.filter(pl.col("quarantines"))[ROW].unique()
        clean = ex.rows.filter(~pl.col(ROW).is_in(bad.implode()))
        rejected_rows = ex.data_rows - ex.rows.height + bad.len()
        if clean.height + rejected_rows != ex.data_rows:  # pragma: no cover - an invariant
            raise AssertionError(f"{ex.source_file}: rows lost in validation")
        parts.append(clean)
        quarantine += [
            ex.rejected.select(
                pl.lit(spec.name).alias("table_name"),
                pl.lit(ex.source_file).alias("source_file"),
                "source_line",
                "raw",
                "reasons",
            ),
            _quarantined(ex, ex.rows, failures),
        ]
        findings += [
            _structural_identity(ex).select(*FINDINGS_SCHEMA, IDENTITY),
            _identity(failures, ex.rows, _table_key(spec.name)).select(*FINDINGS_SCHEMA, IDENTITY),
        ]
        files.append(
            FileStats(
                spec.name, ex.source_file, ex.sha256, ex.data_rows, clean.height, rejected_rows
            )
        )
    return TableResult(
        clean_text=pl.concat(parts),
        quarantine=pl.concat(quarantine),
        findings=pl.concat(findings),
        files=files,
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


def combine(
    results: Mapping[str, TableResult],
    reused: Sequence[str] = (),
    typed: Mapping[str, pl.DataFrame] | None = None,
) -> Validation:
    """Finish validation from every table's result: cast types, run the cross-table rules.

    Cross-table rules: figures that disagree, groups that outnumber the randomized, and every
    claim judged against its article and its study (schemas/claim_checks.py). `typed` holds tables
    already cast (for reading articles), so that none is cast twice.
    """
    done = typed or {}
    clean = {
        spec.name: done[spec.name]
        if spec.name in done
        else cast_table(spec, results[spec.name].clean_text)
        for spec in TABLES
    }
    findings = [results[spec.name].findings for spec in TABLES]
    agreement = run_plan(outcomes.agreement_plan(), clean["outcomes"])
    findings.append(_identity(agreement, clean["outcomes"], SPECS["outcomes"].key))
    enrolment_frame = studies.with_groups_total(clean["studies"], clean["groups"])
    enrolment = run_plan(studies.enrolment_plan(), enrolment_frame)
    findings.append(_identity(enrolment, enrolment_frame, SPECS["studies"].key))

    changes = outcome_changes(clean["outcomes"])
    judged = claim_checks.judge(
        clean["claims"],
        clean["studies"],
        clean["groups"],
        clean["exercises"],
        clean["outcomes"],
        changes,
    ).with_columns(pl.col("_claim").alias(ROW))
    verdicts = run_plan(claim_checks.claims_plan(), judged)
    findings.append(_identity(verdicts, judged, CLAIM_IDENTITY))

    merged = sort_findings(pl.concat([f.select(*FINDINGS_SCHEMA, IDENTITY) for f in findings]))
    return Validation(
        clean=clean,
        quarantine=pl.concat([results[spec.name].quarantine for spec in TABLES]).sort(
            "table_name", "source_file", "source_line"
        ),
        findings=merged.with_columns(fingerprint(merged)).drop(IDENTITY),
        files=[stats for spec in TABLES for stats in results[spec.name].files],
        derived={
            "outcome_changes": changes,
            "claim_checks": claim_checks.claim_checks_table(judged),
        },
        tables=dict(results),
        reused=tuple(reused),
    )


def validate(
    extracted: Mapping[str, Extracted],
    this_year: int | None = None,
    reused: Mapping[str, TableResult] | None = None,
    *,
    articles: Sequence[Article] = (),
) -> Validation:
    """Validate every extracted table and article; see the module docstring.

    `reused` holds earlier results for tables whose raw files (and those they depend on) did not
    change; they are taken as they are instead of being validated again.
    """
    earlier = dict(reused or {})
    results: dict[str, TableResult] = {}
    typed: dict[str, pl.DataFrame] = {}
    for spec in TABLES:
        if spec.name in earlier:
            results[spec.name] = earlier[spec.name]
            continue
        clean_text = {name: r.clean_text for name, r in results.items()}
        sources = [extracted[spec.name]]
        if spec.name == "claims" and articles:
            typed = {n: cast_table(SPECS[n], clean_text[n]) for n in PARENTS["claims"]}
            context = Context.from_tables(
                typed["studies"], typed["groups"], typed["exercises"], typed["outcomes"]
            )
            sources += [read_article(article, context) for article in articles]
        results[spec.name] = validate_table(sources, clean_text, this_year)
    return combine(results, [name for name in earlier if name in results], typed)

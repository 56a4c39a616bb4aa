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

import dataclasses
import hashlib
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import polars as pl

from carryover.analytics.transforms import outcome_changes
from carryover.claims import accounting, editor
from carryover.claims import judge as claim_checks
from carryover.claims.articles import Article, Context
from carryover.claims.batch import read_batch
from carryover.core.counts import count
from carryover.ingest.chunks import KEY, key_expr
from carryover.ingest.extract import SPAN, Extracted
from carryover.validate import studychecks
from schemas import (
    SPECS,
    TABLES,
    claims,
    contrasts,
    exercises,
    groups,
    keys,
    outcomes,
    statistics,
    studies,
)
from schemas import claim_checks as claim_rules
from schemas.claim_checks import CONTRADICTED
from schemas.findings import FINDINGS_SCHEMA, finding, findings_frame, sort_findings
from schemas.keys import KEY_SEP, composite, key_values
from schemas.table import ROW, SOURCE_COLUMNS, SchemaPlan, TableSpec, cast_table, run_plan

QUARANTINE_SCHEMA: dict[str, pl.DataType] = {
    "table_name": pl.String(),
    "source_file": pl.String(),
    "source_line": pl.Int64(),
    "raw": pl.String(),
    "reasons": pl.String(),
}
IDENTITY = "_identity"
"""What identifies a finding's row apart from its line: its key values, or its content."""
_EMPTY_QUARANTINE = pl.DataFrame(schema=QUARANTINE_SCHEMA)
_EMPTY_FINDINGS = pl.DataFrame(schema={**FINDINGS_SCHEMA, IDENTITY: pl.String()})

REFERENCES: dict[str, tuple[str, ...]] = {
    "exercises": (),
    "studies": (),
    "groups": ("studies", "exercises"),
    "outcomes": ("groups", "exercises"),
    "contrasts": ("groups", "exercises"),
    "statistics": ("studies",),
    "claims": ("studies", "groups", "exercises"),
}
"""The tables whose clean rows a table's references are checked against (see _row_plan)."""
PARENTS: dict[str, tuple[str, ...]] = {
    **REFERENCES,
    "claims": (*REFERENCES["claims"], "outcomes", "contrasts"),
}
"""The tables a table's result depends on: its references, and for claims also the outcomes that
articles are read against (which group tested what)."""

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
    carryover.validate.reuse): the clean rows as text, the quarantined rows, the row-level findings
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
    released: bool = False
    """Whether a load let go of `clean` and `derived` as it stored them (they cannot be loaded
    again: see carryover.warehouse.build.load)."""
    release_failure: str | None = None
    """Why the load that let them go failed, if it did: what a retry reports instead."""

    @property
    def errors(self) -> int:
        """Number of error-severity findings."""
        return count(self.findings, "error")

    @property
    def warnings(self) -> int:
        """Number of warning-severity findings."""
        return count(self.findings, "warning")


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
                ids("groups", "study_id", "group_id"),
                ids("exercises", "exercise_id"),
                clean["groups"],
            )
        case "contrasts":
            return contrasts.row_plan(
                ids("groups", "study_id", "group_id"), ids("exercises", "exercise_id")
            )
        case "statistics":
            return statistics.row_plan(ids("studies", "study_id"))
        case "claims":
            return claims.row_plan(
                ids("studies", "study_id"),
                ids("groups", "study_id", "group_id"),
                ids("exercises", "exercise_id"),
                clean["groups"],
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
    # Only the rows that failed: the identity of every row of a whole table is a string column
    # as large as the table's text, and the join below takes none of the others.
    failed = frame.join(failures.select(ROW).unique(), on=ROW, how="semi")
    ident = failed.select(ROW, content.alias(IDENTITY))
    return failures.join(ident, on=ROW, how="left", maintain_order="left")


def _structural_identity(ex: Extracted) -> pl.DataFrame:
    """Extract findings with their identity: the raw text of their line ('' for the header)."""
    if ex.rejected.is_empty():  # no line's text to take (every article): the identity is ''
        return ex.findings.with_columns(pl.lit("", dtype=pl.String).alias(IDENTITY))
    raw = ex.rejected.select("source_line", pl.col("raw").alias(IDENTITY)).unique(
        "source_line", keep="first", maintain_order=True
    )
    return ex.findings.join(raw, on="source_line", how="left", maintain_order="left").with_columns(
        pl.col(IDENTITY).fill_null("")
    )


def _table_key(table: str) -> tuple[str, ...]:
    return CLAIM_IDENTITY if table == "claims" else SPECS[table].key


def parent_tables(table: str, results: Mapping[str, TableResult]) -> dict[str, pl.DataFrame]:
    """The clean rows (as text) of the tables that a table references, as `validate_files` takes."""
    return {name: results[name].clean_text for name in REFERENCES[table] if name in results}


def validate_files(
    sources: Sequence[Extracted],
    parents: Mapping[str, pl.DataFrame],
    this_year: int | None,
    first_lines: pl.DataFrame | None = None,
) -> list[TableResult]:
    """Validate files of one table against the clean rows of the tables it references.

    One result per file, in order. Each file is judged on its own rows (a key repeated within a
    file is caught here; `merge_files` finds keys repeated across files), but the plan runs once
    over all the files' rows, so many small files do not each pay pandera's fixed cost. Pure and
    independent of the table's other files: batches of a table's files can run in parallel.

    `first_lines` is for one chunk of a big file (carryover.ingest.chunks): the first line of
    each key already seen in the file's earlier chunks, so that a repeat across chunks is a
    duplicate of that line, as in the whole file.
    """
    if not sources:
        return []
    spec = sources[0].spec
    offsets = [0]
    for ex in sources[:-1]:
        offsets.append(offsets[-1] + ex.rows.height)
    rows = [
        ex.rows.with_columns(pl.col(ROW) + offset)
        for ex, offset in zip(sources, offsets, strict=True)
    ]
    everything = rows[0] if len(rows) == 1 else pl.concat(rows)
    plan = _row_plan(spec.name, parents, this_year)
    if first_lines is not None and not first_lines.is_empty() and spec.key:
        seen = everything.select(ROW, key_expr(spec.key)).join(first_lines, on=KEY, how="inner")
        checked = everything.join(seen.drop(KEY), on=ROW, how="left", maintain_order="left")
        failures = run_plan(plan, checked)
        del checked, seen
    else:
        failures = run_plan(plan, everything)
    quarantining = failures.filter(pl.col("quarantines"))
    clean_all = everything.filter(~pl.col(ROW).is_in(quarantining[ROW].unique().implode()))
    # Work on the whole batch, then split it by file: most files of a batch have no finding.
    found = _identity(failures, everything, _table_key(spec.name)).select(
        *FINDINGS_SCHEMA, IDENTITY
    )
    by_file = {
        name: _by_file(frame, sources)
        for name, frame in (("clean", clean_all), ("failures", quarantining), ("found", found))
    }
    results = []
    for ex, own in zip(sources, rows, strict=True):
        clean = by_file["clean"].get(ex.source_file, own.clear())
        bad = by_file["failures"].get(ex.source_file)
        rejected_rows = ex.data_rows - clean.height
        if rejected_rows != ex.data_rows - own.height + (0 if bad is None else bad[ROW].n_unique()):
            raise AssertionError(f"{ex.source_file}: rows lost in validation")  # pragma: no cover
        quarantine = [_EMPTY_QUARANTINE]
        if not ex.rejected.is_empty():
            quarantine.append(
                ex.rejected.select(
                    pl.lit(spec.name).alias("table_name"),
                    pl.lit(ex.source_file).alias("source_file"),
                    "source_line",
                    "raw",
                    "reasons",
                )
            )
        if bad is not None:
            quarantine.append(_quarantined(ex, own, bad))
        findings = [_EMPTY_FINDINGS]
        if not ex.findings.is_empty():
            findings.append(_structural_identity(ex).select(*FINDINGS_SCHEMA, IDENTITY))
        if ex.source_file in by_file["found"]:
            findings.append(by_file["found"][ex.source_file])
        stats = FileStats(
            spec.name, ex.source_file, ex.sha256, ex.data_rows, clean.height, rejected_rows
        )
        results.append(TableResult(clean, pl.concat(quarantine), pl.concat(findings), [stats]))
    return results


def _by_file(frame: pl.DataFrame, sources: Sequence[Extracted]) -> dict[str, pl.DataFrame]:
    """A frame's rows split by source_file (no copy when the batch is one file)."""
    if frame.is_empty():
        return {}
    if len(sources) == 1:
        return {sources[0].source_file: frame}
    parts = frame.partition_by("source_file", as_dict=True, maintain_order=True)
    return {str(name): part for (name,), part in parts.items()}


class FileText(Protocol):
    """What merging a table's files needs of each file: its table, name and rows' raw text."""

    @property
    def spec(self) -> TableSpec:
        """The table the file belongs to."""
        ...

    @property
    def source_file(self) -> str:
        """The file, relative to the raw directory."""
        ...

    def raw_text(self, source_lines: pl.Series, spans: pl.Series) -> list[str]:
        """The raw text of records, from their first line and span."""
        ...


def merge_files(sources: Sequence[FileText], results: Sequence[TableResult]) -> TableResult:
    """One table's result from its files' results (same order): keys repeated across files.

    A key's first row, in reading order (see extract.table_sources), is kept; a later file's row
    with the same key is a `duplicate_key` error and is quarantined, like a repeat within a file.
    """
    spec = sources[0].spec
    clean = pl.concat([r.clean_text for r in results])
    quarantine = [r.quarantine for r in results]
    findings = [r.findings for r in results]
    files = [stats for r in results for stats in r.files]
    if len(results) > 1 and spec.key and not clean.is_empty():
        first = keys.first_file_rows(clean, spec.key)
        repeats = clean.join(first, on=list(spec.key), how="inner").filter(
            pl.col("source_file") != pl.col(keys.FIRST_FILE)
        )
        if not repeats.is_empty():
            quarantine_rows, found = _cross_file_repeats(spec, sources, repeats)
            quarantine.append(quarantine_rows)
            findings.append(found)
            clean = clean.join(
                repeats.select("source_file", "source_line"),
                on=["source_file", "source_line"],
                how="anti",
            )
            moved = repeats["source_file"].value_counts()
            count = dict(zip(moved["source_file"].to_list(), moved["count"].to_list(), strict=True))
            files = [
                dataclasses.replace(
                    f,
                    loaded_rows=f.loaded_rows - count.get(f.source_file, 0),
                    quarantined_rows=f.quarantined_rows + count.get(f.source_file, 0),
                )
                for f in files
            ]
    # Row positions were per file: number the table's clean rows afresh, so each is one row.
    clean = clean.with_columns(pl.int_range(pl.len(), dtype=pl.Int64).alias(ROW))
    return TableResult(clean, pl.concat(quarantine), pl.concat(findings), files)


def _cross_file_repeats(
    spec: TableSpec, sources: Sequence[FileText], repeats: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Quarantine rows and findings for rows whose key a file read earlier already holds."""
    by_file = {ex.source_file: ex for ex in sources}
    quarantine, findings = [], []
    for (source_file,), rows in repeats.group_by("source_file", maintain_order=True):
        ex = by_file[str(source_file)]
        messages = [keys.repeat_message(spec, row) for row in rows.iter_rows(named=True)]
        quarantine.append(
            pl.DataFrame(
                {
                    "table_name": spec.name,
                    "source_file": rows["source_file"],
                    "source_line": rows["source_line"],
                    "raw": ex.raw_text(rows["source_line"], rows[SPAN]),
                    "reasons": messages,
                },
                schema=QUARANTINE_SCHEMA,
            )
        )
        records = [
            finding(
                "duplicate_key",
                spec.name,
                row["source_file"],
                row["source_line"],
                message,
                spec.key[-1],
                row[spec.key[-1]],
            )
            for row, message in zip(rows.iter_rows(named=True), messages, strict=True)
        ]
        identity = rows.select(composite(spec.key).alias(IDENTITY))
        findings.append(pl.concat([findings_frame(records), identity], how="horizontal"))
    return pl.concat(quarantine), pl.concat(findings)


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


def of_named_studies(frame: pl.DataFrame, naming: pl.DataFrame) -> pl.DataFrame:
    """The rows of `frame` (outcomes or their changes) of the studies that a row of `naming` names.

    The judge joins each claim to its own study's outcomes and changes on `study_id` (a claim
    without a study joins none), and so do the contrast rules each contrast; the other studies'
    rows cannot change a verdict or a finding. Leaving them out before the joins keeps that work
    and its memory to the studies named, not every outcome of the warehouse.
    """
    named = naming["study_id"].drop_nulls().unique()
    return frame.filter(pl.col("study_id").is_in(named.implode()))


def annotated_changes(changes: pl.DataFrame, judged: pl.DataFrame) -> pl.DataFrame:
    """The outcome changes the editor's notes can name (carryover/claims/editor.py: annotate).

    A claim not tested as stated is shown the nearest figure of its own group; a contradicted or
    untested one, the figure of another study on its exercise that it matches. No other change
    can appear in a note, so the rest is left out before the editor's joins.
    """
    untested = judged.filter(pl.col("verdict").is_in(editor.NOT_TESTED))
    wrong = judged.filter(pl.col("verdict").is_in([CONTRADICTED, *editor.NOT_TESTED]))
    groups = untested.select("study_id", "group_id").drop_nulls().unique()
    own_group = changes.select("study_id", "group_id").join(
        groups.with_columns(pl.lit(True).alias("_own")),
        on=["study_id", "group_id"],
        how="left",
        maintain_order="left",
    )["_own"]
    exercises = wrong["test_exercise"].drop_nulls().unique()
    other_study = pl.col("test_exercise").is_in(exercises.implode())
    return changes.filter(own_group.fill_null(False) | other_study)


def combine(
    results: MutableMapping[str, TableResult],
    reused: Sequence[str] = (),
    typed: Mapping[str, pl.DataFrame] | None = None,
    let_go: bool = False,
) -> Validation:
    """Finish validation from every table's result: cast types, run the cross-table rules.

    Cross-table rules: figures that disagree, groups that outnumber the randomized, and every
    claim judged against its article and its study (carryover/claims/judge.py). `typed` holds tables
    already cast (for reading articles), so that none is cast twice.

    With `let_go` (a run that has written the results for reuse already), each table's clean rows
    as text are let go once typed: its result in `results` is replaced by one without them, and
    the Validation keeps no `tables`.
    """
    done = typed or {}
    clean = {}
    for spec in TABLES:
        result = results[spec.name]
        clean[spec.name] = (
            done[spec.name] if spec.name in done else cast_table(spec, result.clean_text)
        )
        if let_go:
            results[spec.name] = dataclasses.replace(result, clean_text=result.clean_text.clear())
        del result
    findings = [results[spec.name].findings for spec in TABLES]
    agreement = run_plan(outcomes.agreement_plan(), clean["outcomes"])
    findings.append(_identity(agreement, clean["outcomes"], SPECS["outcomes"].key))
    enrolment_frame = studies.with_groups_total(clean["studies"], clean["groups"])
    enrolment = run_plan(studies.enrolment_plan(), enrolment_frame)
    findings.append(_identity(enrolment, enrolment_frame, SPECS["studies"].key))

    changes = outcome_changes(clean["outcomes"])
    study_found, study_derived = studychecks.run(
        clean, of_named_studies(changes, clean["contrasts"])
    )
    findings += [_identity(f.failures, f.frame, f.key) for f in study_found]
    judged = claim_checks.judge(
        clean["claims"],
        clean["studies"],
        clean["groups"],
        clean["exercises"],
        of_named_studies(clean["outcomes"], clean["claims"]),
        of_named_studies(changes, clean["claims"]),
        clean["contrasts"],
        clean["statistics"],
    ).with_columns(pl.col("_claim").alias(ROW))
    judged = editor.annotate(
        judged,
        clean["studies"],
        clean["groups"],
        clean["exercises"],
        annotated_changes(changes, judged),
    )
    verdicts = run_plan(claim_rules.claims_plan(), judged)
    findings.append(_identity(verdicts, judged, CLAIM_IDENTITY))

    checks = claim_checks.claim_checks_table(judged)
    numbers = {
        name: accounting.with_verdicts(frame, checks)
        for name, frame in done.items()
        if name == accounting.ARTICLE_NUMBERS
    }
    checks = accounting.with_resolved_by(checks, numbers.get(accounting.ARTICLE_NUMBERS))
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
            "claim_checks": checks,
            **numbers,
            **study_derived,
        },
        tables={} if let_go else dict(results),
        reused=tuple(reused),
    )


def article_context(
    results: Mapping[str, TableResult],
) -> tuple[Context, dict[str, pl.DataFrame]]:
    """What articles are read against: the clean tables they name, typed (kept for `combine`)."""
    typed = {n: cast_table(SPECS[n], results[n].clean_text) for n in PARENTS["claims"]}
    context = Context.from_tables(
        typed["studies"], typed["groups"], typed["exercises"], typed["outcomes"], typed["contrasts"]
    )
    return context, typed


def read_article_batch(sources: Sequence[Article], context: Context) -> list[Extracted]:
    """Read a batch of articles as claims rows (a batch step: batches run in parallel).

    Each article's frames are its slices of frames built once for the batch (`claims.batch`).
    """
    return read_batch(sources, context)


def article_sources(
    articles: Sequence[Article], results: Mapping[str, TableResult]
) -> tuple[list[Extracted], dict[str, pl.DataFrame]]:
    """The articles read as claims rows, against the clean (typed) tables they name.

    Returns the articles' claims and those typed tables, which `combine` takes as they are.
    """
    if not articles:
        return [], {}
    context, typed = article_context(results)
    return read_article_batch(articles, context), typed

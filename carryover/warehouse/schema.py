"""The warehouse schema: history DDL, analysts' views and COMMENT ON every column, together.

`create_views(con)` runs inside the load's transaction, after the current tables have been
replaced, so that views and comments always describe the tables they sit on. The documentation
strings come from one place each: the raw tables' contracts (schemas/), the analytics column docs
(carryover/analytics/effects.py), the claim verdict docs (carryover/claims/judge.py) and the
dictionaries below.
"""

from __future__ import annotations

import duckdb

from carryover.analytics import effects as analytics
from carryover.claims import accounting
from carryover.claims import judge as claim_checks
from schemas import TABLES, statistics

SOURCE_COLUMNS = {
    "source_file": "The raw file the row was read from.",
    "source_line": "The line of the raw file the row starts on.",
}

TABLE_DOCS: dict[str, str] = {
    **{spec.name: f"Clean rows of {spec.file_name}: {spec.grain}." for spec in TABLES},
    "outcome_changes": (
        "Per outcome, change_pct and change_abs (reported or computed), each with its source and "
        "the interval its rounding allows."
    ),
    "carryover": (
        "One row per study x group x test exercise x measure: changes, effect sizes (Becker g, "
        "log response ratio), transfer ratio and controlled effect. Null where not computable."
    ),
    "carryover_pooled": (
        "One row per trained exercise x test exercise x measure family x subset (all studies, "
        f"and without cautioned studies where the row has one): {analytics.POOLED_METHOD_DOC}"
    ),
    "statistic_checks": statistics.STATISTIC_CHECKS_DOC,
    "carryover_matrix": (
        "Trained exercises as rows, tested exercises as columns; each cell summarises "
        "carryover_pooled: participant-weighted mean change_pct, the pooled transfer ratio, and k."
    ),
    "claim_checks": claim_checks.CLAIM_CHECKS_DOC,
    "article_numbers": accounting.ARTICLE_NUMBERS_DOC,
    "quarantine": "Rows of the current raw data kept out of their clean table, with the reasons.",
    "findings": "History: every finding of every run.",
    "runs": "History: one row per run.",
    "run_files": "History: per run and raw file, its checksum and row counts.",
}

OUTCOME_CHANGES_COLUMNS: dict[str, str] = {
    "study_id": "The study.",
    "group_id": "The study arm.",
    "test_exercise": "What was tested.",
    "measure": "The test: 1RM, 3RM, ...",
    "unit": "The unit of the figures in a unit (kg, cm, s, ...).",
    "change_pct": "Mean change in percent: reported, else computed from the figures given.",
    "change_pct_source": "`reported`, or `computed from ...` naming the figures used.",
    "change_pct_lo": "Lowest change_pct the rounding of its figures allows.",
    "change_pct_hi": "Highest change_pct the rounding of its figures allows.",
    "change_abs": "Mean change in the unit: reported, else computed from the figures given.",
    "change_abs_source": "`reported`, or `computed from ...` naming the figures used.",
    "change_abs_lo": "Lowest change_abs the rounding of its figures allows.",
    "change_abs_hi": "Highest change_abs the rounding of its figures allows.",
}

MATRIX_ROW_COLUMNS: dict[str, str] = {
    "trained_exercise": "What the groups trained.",
    "measure_family": "The measure family the cells pool (all studies; see carryover_pooled).",
}


def _column_docs() -> dict[str, dict[str, str]]:
    docs: dict[str, dict[str, str]] = {
        spec.name: {c.name: c.doc for c in spec.columns if c.doc} for spec in TABLES
    }
    docs["outcome_changes"] = dict(OUTCOME_CHANGES_COLUMNS)
    docs["carryover"] = dict(analytics.CARRYOVER_COLUMNS)
    docs["carryover_pooled"] = dict(analytics.POOLED_COLUMNS)
    docs["claim_checks"] = dict(claim_checks.CLAIM_CHECKS_COLUMNS)
    docs["article_numbers"] = dict(accounting.ARTICLE_NUMBERS_COLUMNS)
    docs["statistic_checks"] = dict(statistics.STATISTIC_CHECKS_COLUMNS)
    return docs


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def matrix_cell_sql() -> str:
    """The text of one matrix cell, from a carryover_pooled row."""
    return (
        "concat_ws(', ', printf('%+.1f%%', change_pct_mean), "
        "case when transfer_ratio is not null then printf('ratio %.2f', transfer_ratio) end, "
        "case when change_pct_mean is null and d_pooled is not null "
        "then printf('d %.2f', d_pooled) end)"
        " || printf(' (k=%d)', k_studies)"
    )


def matrix_sql(tested: list[str]) -> str:
    """The carryover_matrix view: one column per tested exercise."""
    cells = "".join(
        f",\n    max(case when test_exercise = {_literal(x)} then cell end) as {_ident(x)}"
        for x in tested
    )
    return (
        "create or replace view carryover_matrix as\n"
        "select trained_exercise, measure_family"
        f"{cells}\n"
        f"from (select *, {matrix_cell_sql()} as cell from carryover_pooled "
        f"where subset = {_literal(analytics.ALL_STUDIES)})\n"
        "group by trained_exercise, measure_family\n"
        "order by trained_exercise, measure_family"
    )


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "select table_name from duckdb_tables() where database_name = current_database() "
        "union all select view_name from duckdb_views() "
        "where database_name = current_database() and not internal"
    ).fetchall()
    return {r[0] for r in rows}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "select column_name from duckdb_columns() where database_name = current_database() "
        "and table_name = ? order by column_index",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create the analysts' views and document every table, view and column with COMMENT ON."""
    present = _tables(con)
    if "carryover_pooled" in present:
        tested = con.execute(
            "select distinct test_exercise from carryover_pooled "
            f"where subset = {_literal(analytics.ALL_STUDIES)} order by test_exercise"
        ).fetchall()
        con.execute(matrix_sql([r[0] for r in tested]))
        present.add("carryover_matrix")
    docs = _column_docs()
    for table in sorted(present & TABLE_DOCS.keys()):
        kind = "view" if table == "carryover_matrix" else "table"
        con.execute(f"comment on {kind} {_ident(table)} is {_literal(TABLE_DOCS[table])}")
        for column in _columns(con, table):
            doc = column_doc(table, column, docs)
            if doc is not None:  # a column without a doc stays uncommented (a test finds it)
                con.execute(
                    f"comment on column {_ident(table)}.{_ident(column)} is {_literal(doc)}"
                )


def column_doc(
    table: str, column: str, docs: dict[str, dict[str, str]] | None = None
) -> str | None:
    """The documentation of one warehouse column."""
    if table == "carryover_matrix":
        return MATRIX_ROW_COLUMNS.get(column) or (
            f"Groups that trained trained_exercise, tested on {column}: {analytics.MATRIX_CELL_DOC}"
        )
    table_docs = (docs or _column_docs()).get(table, {})
    return table_docs.get(column) or SOURCE_COLUMNS.get(column) or HISTORY_COLUMNS.get(column)


HISTORY_TABLES = ("runs", "run_files", "findings")
HISTORY_DDL = """
create table if not exists runs (
    run_id varchar primary key,
    started_at timestamptz not null,
    finished_at timestamptz,
    status varchar not null,
    raw_dir varchar not null,
    rows_total bigint,
    rows_loaded bigint,
    rows_quarantined bigint,
    errors bigint,
    warnings bigint,
    duration_seconds double,
    files_reused bigint,
    stage varchar,
    message varchar
);
create table if not exists run_files (
    run_id varchar not null,
    table_name varchar not null,
    source_file varchar not null,
    sha256 varchar,
    data_rows bigint not null,
    loaded_rows bigint not null,
    quarantined_rows bigint not null,
    errors bigint,
    warnings bigint,
    reused boolean
);
create table if not exists findings (
    run_id varchar not null,
    severity varchar not null,
    rule varchar not null,
    quarantines boolean not null,
    table_name varchar not null,
    source_file varchar not null,
    source_line bigint,
    column_name varchar,
    value varchar,
    message varchar not null,
    fingerprint varchar
);
"""

HISTORY_COLUMNS: dict[str, str] = {
    "run_id": "The run (-> runs.run_id).",
    "table_name": "The raw table.",
    "raw": "The raw record text.",
    "reasons": "Why the row was quarantined.",
    "severity": "error or warning.",
    "rule": "The rule id (see the README's rule table).",
    "quarantines": "Whether the rule keeps the row out of its clean table.",
    "column_name": "The column at fault, if any.",
    "value": "The value at fault (an excerpt).",
    "message": "What is wrong, for an editor (for a stopped run: why it stopped).",
    "fingerprint": "Stable id of the finding across runs: rule, file, column and the row's key "
    "(or content), never its line.",
    "started_at": "When the run started.",
    "finished_at": "When the run finished validating.",
    "status": "ok, errors, failed or killed.",
    "duration_seconds": "Seconds from start to the warehouse write.",
    "files_reused": "Tables whose unchanged raw files' validated results were reused.",
    "stage": "For a stopped run, the stage it was in: extract, validate, load, swap, ...",
    "reused": "Whether the file's validated result was reused from the previous run.",
    "raw_dir": "The raw directory the run read.",
    "rows_total": "Data rows read.",
    "rows_loaded": "Rows loaded into clean tables.",
    "rows_quarantined": "Rows quarantined.",
    "errors": "Error findings.",
    "warnings": "Warning findings.",
    "sha256": "Checksum of the raw file.",
    "data_rows": "Data rows in the file.",
    "loaded_rows": "Rows loaded.",
    "quarantined_rows": "Rows quarantined.",
}

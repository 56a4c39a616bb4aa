"""Which DuckDB files are carryover's warehouses: a run replaces only those, never anything else.

Every warehouse a run builds holds a one-row table `carryover_format` naming its format. A run
refuses (exit 2, one sentence) to replace a DuckDB file without it, unless the file is a warehouse
written before the marker existed (every table one a run writes, history among them) or holds no
table or view at all (nothing to lose). A user's own database pointed to by mistake stays whole.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from carryover.warehouse.schema import TABLE_DOCS

MARKER_TABLE = "carryover_format"
FORMAT = "carryover-warehouse/1"
MARKER_DOC = "Marks this DuckDB file as a carryover warehouse, which `carryover run` may rebuild."
MARKER_COLUMNS = {
    "format": f"The warehouse format: {FORMAT}.",
    "written_at": "When this warehouse file was written (UTC).",
}
LEGACY_TABLES = frozenset(TABLE_DOCS)
"""The tables a run writes (every documented table): an unmarked file holding only these, with
its run history, was written by carryover before the marker existed, and is carryover's too."""
_HISTORY = frozenset({"runs", "run_files", "findings"})


def mark(con: duckdb.DuckDBPyConnection) -> None:
    """Write the marker into the warehouse being built (inside its transaction)."""
    con.execute(f"create or replace table {MARKER_TABLE} (format varchar, written_at timestamptz)")
    con.execute(f"insert into {MARKER_TABLE} values (?, ?)", [FORMAT, dt.datetime.now(dt.UTC)])
    con.execute(f"comment on table {MARKER_TABLE} is {_literal(MARKER_DOC)}")
    for column, doc in MARKER_COLUMNS.items():
        con.execute(f"comment on column {MARKER_TABLE}.{column} is {_literal(doc)}")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def foreign_reason(con: duckdb.DuckDBPyConnection, database: str) -> str | None:
    """Why the attached `database` is not a carryover warehouse, or None when it is one."""
    tables = {
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where database_name = ?", [database]
        ).fetchall()
    }
    views = {
        r[0]
        for r in con.execute(
            "select view_name from duckdb_views() where database_name = ? and not internal",
            [database],
        ).fetchall()
    }
    if MARKER_TABLE in tables:
        rows = con.execute(f'select format from "{database}".{MARKER_TABLE}').fetchall()
        formats = {r[0] for r in rows}
        if formats and all(str(f).startswith("carryover-warehouse/") for f in formats):
            return None
        return f"its {MARKER_TABLE} table does not name a carryover format"
    if not tables and not views:
        return None  # an empty database: nothing to lose
    unknown = sorted(tables - LEGACY_TABLES)
    if unknown:
        shown = ", ".join(repr(t) for t in unknown[:3]) + (" ..." if len(unknown) > 3 else "")
        return f"it holds table(s) carryover never writes ({shown})"
    if not tables & _HISTORY:
        return "it has no run history"
    return None


def refusal(path: object, reason: str) -> str:
    """The one sentence a run prints when it will not replace a file."""
    return (
        f"{path} is a DuckDB file that carryover did not create ({reason}); it is left as it "
        "is: point --warehouse (or CARRYOVER_WAREHOUSE) at a new file or an existing warehouse"
    )

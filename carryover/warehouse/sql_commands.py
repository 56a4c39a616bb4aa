"""The SQL shell's dot commands (.tables, .schema, .help), in the shell and as one-shot queries.

`carryover sql ".schema outcomes"` answers as `.schema outcomes` typed in the shell does. Like the
duckdb CLI's, they describe the warehouse; unlike DESCRIBE, .schema shows each column's comment
(what it means and its unit, from `COMMENT ON`, see carryover/views.py).
"""

from __future__ import annotations

import difflib

import duckdb

from carryover.core.errors import SqlError
from carryover.warehouse.sql import Result

HELP = """\
Type SQL ending with ';' (it may span lines). Read-only: only queries run.
  .tables           list the tables and views, with their descriptions
  .schema [TABLE]   the columns of every table and view (or of one), with types and descriptions
  .help             this text
  .quit             leave (or Ctrl-D)
The dot commands also work as one query: carryover sql ".schema outcomes"."""

TABLES_QUERY = """
select name, kind, description from (
    select table_name as name, 'table' as kind, comment as description
    from duckdb_tables() where database_name = current_database()
    union all
    select view_name, 'view', comment
    from duckdb_views() where database_name = current_database() and not internal
) order by name
"""
SCHEMA_QUERY = """
select c.table_name as "table", c.column_name as "column", c.data_type as type,
       c.comment as description
from duckdb_columns() c
where c.database_name = current_database() and not c.internal
  and (? is null or c.table_name = ?)
order by c.table_name, c.column_index
"""


def is_dot_command(text: str) -> bool:
    """Whether a line (or a one-shot query) is a dot command."""
    return text.strip().startswith(".")


def _names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [str(r[0]) for r in con.sql(TABLES_QUERY).fetchall()]


def _fetch(con: duckdb.DuckDBPyConnection, query: str, params: list[object]) -> Result:
    cursor = con.execute(query, params)
    rows = cursor.fetchall()
    columns = [d[0] for d in cursor.description or []]
    return Result(columns, rows)


def run_dot_command(con: duckdb.DuckDBPyConnection, text: str) -> Result | str | None:
    """Answer a dot command: a Result to format, help text, or None for .quit/.exit.

    Raises SqlError for an unknown command or an unknown table (with the nearest names).
    """
    words = text.strip().split()
    command = words[0].lower()
    if command in (".quit", ".exit"):
        return None
    if command == ".help":
        return HELP
    if command == ".tables":
        return _fetch(con, TABLES_QUERY, [])
    if command == ".schema":
        table = words[1].strip("\"';") if len(words) > 1 else None
        if table is not None and table not in _names(con):
            near = difflib.get_close_matches(table, _names(con), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(near)}?" if near else "; .tables lists them"
            raise SqlError(f"no table or view named {table}{hint}")
        return _fetch(con, SCHEMA_QUERY, [table, table])
    raise SqlError(f"unknown command {command}; type .help")


def error_text(exc: BaseException) -> str:
    """DuckDB's message without blank lines, keeping its hints ('Did you mean ...?', LINE 1:).

    The first line says what is wrong; DuckDB adds the nearest names and where in the query.
    """
    lines = [line.rstrip() for line in str(exc).strip().splitlines() if line.strip()]
    return "\n".join(lines) if lines else type(exc).__name__

"""Ad-hoc SQL on the warehouse: one read-only query, or a small interactive read-only shell.

The warehouse is opened read-only with DuckDB's guards on (carryover.warehouse.sql_guard: no file
outside the warehouse is read or written, no extension loaded, settings locked). Only statements
that read (SELECT, including DESCRIBE/SHOW/SUMMARIZE/FROM ..., and EXPLAIN of one) are sent:
anything else is refused with one sentence before it reaches DuckDB, since the warehouse is
rebuilt from raw/ by `carryover run` and is never edited by hand.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import decimal
import io
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import duckdb

from carryover.core.errors import Refused, SqlError, first_line
from carryover.core.visible import json_safe, visible
from carryover.warehouse.sql_guard import DENIED_HINT, is_denied

READING = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
FORMATS = ("table", "csv", "json")
ENV_HISTORY = "CARRYOVER_SQL_HISTORY"
PROMPT, CONTINUATION = "carryover> ", "       ...> "
CANCEL = "\x03"
"""A line the terminal reader yields on Ctrl-C: drop the statement being typed."""


@dataclass(frozen=True)
class Result:
    """A query's column names and rows."""

    columns: list[str]
    rows: list[tuple[Any, ...]]


def check_read_only(con: duckdb.DuckDBPyConnection, query: str) -> None:
    """Refuse anything but exactly one reading statement."""
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise SqlError(first_line(exc)) from exc
    if not statements:
        raise Refused("the query is empty")
    if len(statements) > 1:
        raise Refused(f"give one statement at a time ({len(statements)} were given)")
    kind = statements[0].type
    if kind is duckdb.StatementType.EXPLAIN:
        kind = _explained(con, query)
    if kind not in READING:
        name = kind.name.replace("_", " ")
        raise Refused(
            f"the warehouse is read-only here: {name} statements are refused "
            "(only queries run; `carryover run` rebuilds the warehouse from raw/)"
        )


_EXPLAIN = re.compile(r"^\s*explain\s+(?:analyze\s+|analyse\s+|\([^)]*\)\s*)?", re.IGNORECASE)


def _explained(con: duckdb.DuckDBPyConnection, query: str) -> duckdb.StatementType:
    """The kind of statement an EXPLAIN wraps (EXPLAIN ANALYZE runs it), for a clear refusal."""
    inner = _EXPLAIN.sub("", query, count=1)
    try:
        statements = con.extract_statements(inner)
    except duckdb.Error:
        return duckdb.StatementType.EXPLAIN  # DuckDB's guards still hold whatever it is
    if len(statements) == 1 and statements[0].type is not duckdb.StatementType.EXPLAIN:
        return statements[0].type
    return duckdb.StatementType.EXPLAIN


def run_query(con: duckdb.DuckDBPyConnection, query: str) -> Result:
    """Run one reading statement and fetch its rows."""
    check_read_only(con, query)
    try:
        relation = con.sql(query)
        if relation is None:  # pragma: no cover - reading statements always return rows
            return Result([], [])
        return Result(list(relation.columns), relation.fetchall())
    except duckdb.Error as exc:
        if is_denied(exc):
            raise Refused(f"{DENIED_HINT} ({first_line(exc)})") from exc
        raise SqlError(_duckdb_message(exc)) from exc


def _duckdb_message(exc: BaseException) -> str:
    """DuckDB's error with its hints kept (see sql_commands.error_text)."""
    from carryover.warehouse.sql_commands import error_text

    return error_text(exc)


def _plain(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else f"{value:.6g}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return visible(str(value))  # a cell's ESC or line break must not act on the terminal


def format_table(result: Result) -> str:
    """Aligned plain text: a header, a rule, the rows (floats to 6 significant digits)."""
    cells = [[_plain(v) for v in row] for row in result.rows]
    widths = [len(visible(c)) for c in result.columns]
    for row in cells:
        widths = [max(w, len(v)) for w, v in zip(widths, row, strict=True)]
    numeric = [
        bool(result.rows)
        and all(
            (isinstance(r[i], int | float) and not isinstance(r[i], bool)) or r[i] is None
            for r in result.rows
        )
        and any(r[i] is not None for r in result.rows)
        for i in range(len(result.columns))
    ]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [line([visible(c) for c in result.columns]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells]
    count = len(result.rows)
    out.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(out)


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dt.date | dt.datetime | dt.time | dt.timedelta):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return value


def format_json(result: Result) -> str:
    """A JSON array of objects, one per row, keyed by column name (full precision)."""
    records = [
        {c: _json_value(v) for c, v in zip(result.columns, row, strict=True)} for row in result.rows
    ]
    return json_safe(json.dumps(records, ensure_ascii=False, indent=2))


def format_csv(result: Result) -> str:
    """CSV with a header row; NULL is an empty cell (full precision)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if v is None else _csv_value(v) for v in row])
    return buffer.getvalue().rstrip("\n")


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict | tuple):
        return json.dumps(_json_value(value), ensure_ascii=False)
    return value


FORMATTERS: dict[str, Callable[[Result], str]] = {
    "table": format_table,
    "csv": format_csv,
    "json": format_json,
}


def history_path(warehouse: Path) -> Path:
    """Where the shell keeps its history: $CARRYOVER_SQL_HISTORY, else beside the warehouse."""
    value = os.environ.get(ENV_HISTORY)
    if value:
        return Path(value).expanduser()
    return warehouse.parent / ".carryover_sql_history"


def _statement_complete(buffer: str) -> bool:
    return buffer.rstrip().endswith(";")


def shell(
    con: duckdb.DuckDBPyConnection,
    *,
    lines: Iterable[str] | None,
    write: Callable[[str], None],
    write_error: Callable[[str], None],
    output_format: str = "table",
    history: Path | None = None,
) -> None:
    """Read SQL statements ending in ';' (over several lines if need be) and print each result.

    `lines` is None for an interactive terminal (readline prompts, with history kept in
    `history`); otherwise the lines are read as a script, without prompts. Errors and refusals
    are printed and the shell goes on.
    """
    reader = _terminal_lines(history) if lines is None else iter(lines)
    formatter = FORMATTERS[output_format]
    buffer = ""
    for raw in reader:
        text = raw.rstrip("\n")
        if text == CANCEL:
            buffer = ""
            continue
        if not buffer and text.strip().startswith("."):
            if not _dot_command(con, text, write, write_error, formatter):
                return
            continue
        if not buffer and not text.strip():
            continue
        buffer = f"{buffer}\n{text}" if buffer else text
        if not _statement_complete(buffer):
            continue
        query, buffer = buffer, ""
        try:
            write(formatter(run_query(con, query)))
        except SqlError as exc:
            write_error(f"error: {exc}")
    if buffer.strip():  # a script's last statement may lack its ';'
        try:
            write(formatter(run_query(con, buffer)))
        except SqlError as exc:
            write_error(f"error: {exc}")


def _dot_command(
    con: duckdb.DuckDBPyConnection,
    text: str,
    write: Callable[[str], None],
    write_error: Callable[[str], None],
    formatter: Callable[[Result], str],
) -> bool:
    """Answer a dot command in the shell (see carryover.sql_commands); False on .quit."""
    from carryover.warehouse.sql_commands import run_dot_command

    try:
        answer = run_dot_command(con, text)
    except SqlError as exc:
        write_error(str(exc))
        return True
    if answer is None:
        return False
    write(answer if isinstance(answer, str) else formatter(answer))
    return True


def _terminal_lines(history: Path | None) -> Iterable[str]:
    """Lines typed at a terminal, with readline editing and history."""
    try:
        import readline
    except ImportError:  # pragma: no cover - readline is part of CPython on Linux and macOS
        readline = None  # type: ignore[assignment]
    if readline is not None and history is not None:
        readline.set_history_length(1000)
        with contextlib.suppress(OSError):
            readline.read_history_file(history)
    prompt = PROMPT
    try:
        while True:
            try:
                line = input(prompt)
            except EOFError:
                print()
                return
            except KeyboardInterrupt:
                print()
                prompt = PROMPT
                yield CANCEL
                continue
            yield line
            prompt = CONTINUATION if line.strip() and not _line_ends(line) else PROMPT
    finally:
        if readline is not None and history is not None:
            try:
                history.parent.mkdir(parents=True, exist_ok=True)
                readline.write_history_file(history)
            except OSError:
                pass


def _line_ends(line: str) -> bool:
    stripped = line.strip()
    return stripped.endswith(";") or stripped.startswith(".")


def read_stream(stream: TextIO) -> Iterable[str]:
    """The lines of a script given on standard input."""
    yield from stream

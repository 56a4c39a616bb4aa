"""The one error hierarchy: what stops a command, in one sentence, with the exit code it gives.

Every error a user may meet derives from `CarryoverError` and carries its exit code; `exit_code`
is the one place that maps an exception to the code the command line exits with.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
"""The input has error findings (like a linter), or a query failed in DuckDB."""
EXIT_CANNOT_RUN = 2
"""The command could not do its work at all: bad arguments, unusable paths, a refused query."""
EXIT_INTERRUPTED = 130
"""Ctrl-C."""


class CarryoverError(Exception):
    """A command cannot do its work; the message is one sentence for the user."""

    exit_code = EXIT_CANNOT_RUN


class RawDirError(CarryoverError):
    """The raw directory cannot be used at all (absent, not a directory, not readable)."""


class WarehouseError(CarryoverError):
    """The warehouse file cannot be opened or written (locked, not a database, no permission)."""


class WarehouseMissing(WarehouseError):
    """The warehouse file does not exist or cannot be opened read-only."""


class WarehouseBusy(WarehouseError):
    """Another run holds the warehouse lock and did not finish within the wait."""


class ReportError(CarryoverError):
    """The report cannot be made: no warehouse, no runs, or no such run (one clear sentence)."""


class SqlError(CarryoverError):
    """A query that cannot run: refused, unparseable, or failing in DuckDB (one clear sentence)."""

    exit_code = EXIT_FINDINGS


class Refused(SqlError):
    """A statement that is not a query (or not exactly one statement): never sent to DuckDB."""

    exit_code = EXIT_CANNOT_RUN


def exit_code(exc: BaseException) -> int:
    """The exit code for an exception that ends a command."""
    if isinstance(exc, CarryoverError):
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    return EXIT_CANNOT_RUN


def first_line(exc: BaseException) -> str:
    """An exception's message cut to its first line (its type's name when it has no message)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

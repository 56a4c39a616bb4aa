"""DuckDB's own guards for ad-hoc SQL: the warehouse can be read, nothing else can be touched.

A statement filter alone cannot keep a query from writing or reading files (`EXPLAIN ANALYZE COPY
... TO`, `read_text('/etc/passwd')`, a table function added in a later DuckDB), so `carryover sql`
opens the warehouse with DuckDB's configuration doing the work:

- `read_only`: the warehouse file itself cannot change;
- `enable_external_access = false`: no file outside the warehouse is read or written (COPY,
  EXPORT/IMPORT DATABASE, read_csv/read_text/read_blob/glob, ATTACH, INSTALL, LOAD);
- no directory or path is let through but the warehouse's own files (DuckDB adds those to
  `allowed_paths`; `allowed_directories` stays empty);
- extensions are neither installed nor loaded on demand, and no repository is trusted;
- no spill files (`temp_directory` empty), no persistent secrets;
- `lock_configuration = true`: no SET, RESET or PRAGMA can undo any of the above.

The statement filter in carryover.warehouse.sql stays, to refuse a write in one clear sentence;
these guards hold whatever it lets through.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

GUARDS: dict[str, Any] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
    "allow_extension_repositories": "forbidden",
    "allow_persistent_secrets": False,
    "enable_external_file_cache": False,
    "temp_directory": "",
    "lock_configuration": True,
}
"""The settings a guarded connection is opened with (lock_configuration last: it freezes them)."""

DENIED_HINT = "only the warehouse can be read here: files, extensions and settings are out of reach"


def connect_guarded(path: Path) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file read-only with every guard above in force."""
    return duckdb.connect(str(path), read_only=True, config=dict(GUARDS))


def is_denied(exc: BaseException) -> bool:
    """Whether DuckDB refused a statement because of a guard (file access, locked settings)."""
    if isinstance(exc, duckdb.PermissionException):
        return True
    text = str(exc)
    return "configuration has been locked" in text or "disabled through configuration" in text

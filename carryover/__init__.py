"""carryover: check and warehouse strength-training study results.

Packages by concern, each importing only those below it (import-linter contracts in
pyproject.toml): cli -> flows (Prefect, top level) -> steps -> report -> warehouse -> validate ->
analytics -> claims -> ingest -> schemas (pandera rules, top level) -> core.

- core: paths, rounding, the error hierarchy and exit codes, atomic writes, counts, text, the
  --fail-on threshold.
- ingest: raw files read into text cells with their file and line.
- claims: articles read into claims; claims judged against the studies; a finding's column in
  its article line.
- analytics: outcome changes, effect sizes and their pooling.
- validate: per file, across files, across tables; reuse of unchanged files' results; drafts.
- warehouse: its schema (DDL, views, comments), build and swap (in a storage format DuckDB 1.x
  reads), read-only access, run state, SQL and its dot commands, drafts checked against it.
- report: one report model, rendered as Markdown and HTML, with plots and finding changes.
- steps: the one sequence of steps that `carryover check` and the Prefect flow both run.
"""

__version__ = "0.1.0"

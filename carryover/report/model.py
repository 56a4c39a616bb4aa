"""The report model: one run's content, read from the warehouse read-only, and the values shown.

`load_report_data` reads a run into `ReportData` (plain frames); `view_model` turns it into the
values every rendering shows (the HTML page, the Markdown summary, the findings artifact). Nothing
here renders HTML or draws plots.

`findings`, `runs` and `run_files` are history, so any past run can be reported. The current tables
(`claim_checks`, `quarantine`, `carryover`, `carryover_pooled`, `exercises`, `groups`) describe the
latest run only: for an earlier run they are left out and the page says so. The previous run is the
latest earlier run in `runs`; changes are computed only when both runs' findings carry a
fingerprint (never invented here).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from carryover.claims import accounting
from carryover.core.counts import count
from carryover.core.errors import ReportError, WarehouseError
from carryover.core.text import number_text
from carryover.report.changes import FINGERPRINT, FindingChanges, comparable, compare_findings
from carryover.warehouse.access import open_read_only
from schemas import SPECS
from schemas.claim_checks import (
    CONFLICTING,
    CONTRADICTED,
    EXERCISE_NOT_TESTED,
    MEASURE_NOT_TESTED,
    SUPPORTED,
    UNVERIFIABLE,
)
from schemas.rules import RULES
from schemas.studies import spec_for_year

WRONG = frozenset({CONTRADICTED, CONFLICTING, EXERCISE_NOT_TESTED, MEASURE_NOT_TESTED})


VERDICT_ICONS = {
    SUPPORTED: "\u2713",
    UNVERIFIABLE: "?",
    CONTRADICTED: "\u2717",
    CONFLICTING: "\u2717",
    EXERCISE_NOT_TESTED: "\u2717",
    MEASURE_NOT_TESTED: "\u2717",
}


READY = "ready"


NEEDS_FIXES = "needs fixes"
NOT_READ = "not ready: numbers left unread"


CELL_RULES = frozenset(
    {
        "required",
        "slug_format",
        "integer_type",
        "number_type",
        "out_of_range",
        "measure_format",
        "unit_value",
        "doi_format",
        "aliases_format",
        "quantity_value",
    }
)


MAX_RAW = 2000


@dataclass(frozen=True)
class ReportData:
    """One run as the report shows it: plain frames, read from the warehouse (or built in tests).

    The current-table frames (claim_checks, quarantine, analytics) are None when they do not
    describe this run (an earlier run re-rendered): the page then says what it cannot show.
    """

    run: dict[str, Any]
    previous_run: dict[str, Any] | None
    latest: bool
    findings: pl.DataFrame
    files: pl.DataFrame
    changes: FindingChanges | None
    comparison_note: str
    quarantine: pl.DataFrame | None
    claim_checks: pl.DataFrame | None
    carryover: pl.DataFrame | None
    carryover_pooled: pl.DataFrame | None
    exercises: pl.DataFrame | None = None
    groups: pl.DataFrame | None = None
    article_lines: dict[str, list[str]] = field(default_factory=dict)
    article_numbers: pl.DataFrame | None = None
    """Every number of every article with its disposition (None when not kept for this run)."""


READ_COLUMNS: dict[str, tuple[str, ...]] = {
    "carryover": (
        "study_id",
        "group_id",
        "trained_exercise",
        "test_exercise",
        "measure",
        "n",
        "g",
        "g_var",
        "change_pct",
    ),
}
"""The columns the report reads of a table, where not all: the forest plots'
(report/plots.py: forest_plot) of `carryover`, one row per outcome and 37 columns: read whole,
it was the largest frame of a run's report, and set the run's peak memory."""


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("select table_name from duckdb_tables()").fetchall()
    return {r[0] for r in rows}


def _frame(
    con: duckdb.DuckDBPyConnection, query: str, params: list[Any] | None = None
) -> pl.DataFrame:
    frame: pl.DataFrame = con.sql(query, params=params).pl()
    return frame


def resolve_run(con: duckdb.DuckDBPyConnection, run: str | None) -> str:
    """The run id for `run` (a whole id or a unique prefix, e.g. the 8 characters in file names)."""
    if run is None:
        rows = con.execute(
            "select run_id from runs order by finished_at desc, started_at desc limit 1"
        ).fetchall()
        if not rows:
            raise ReportError("the warehouse has no runs yet: run `carryover run` first")
        return str(rows[0][0])
    rows = con.execute(
        "select run_id from runs where starts_with(run_id, ?) order by run_id", [run]
    ).fetchall()
    if not rows:
        raise ReportError(f'no run {run!r} in the warehouse (see: carryover sql "from runs")')
    if len(rows) > 1:
        raise ReportError(f"{run!r} matches {len(rows)} runs; give more of the run id")
    return str(rows[0][0])


def _article_lines(raw_dir: Path, files: pl.DataFrame) -> dict[str, list[str]]:
    """Each article's lines, when the file is still exactly what the run read (same sha256)."""
    out: dict[str, list[str]] = {}
    for source_file, sha in files.select("source_file", "sha256").iter_rows():
        if not source_file.startswith("articles/") or sha is None:
            continue
        path = raw_dir / source_file
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == sha:
            text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
            out[source_file] = text.splitlines()
    return out


def load_report_data(warehouse: Path, run: str | None = None) -> ReportData:
    """Everything the report shows about one run (default: the latest), read-only."""
    try:
        con = open_read_only(warehouse)
    except WarehouseError as exc:
        raise ReportError(str(exc)) from exc
    try:
        if "runs" not in _tables(con):
            raise ReportError("the warehouse has no runs yet: run `carryover run` first")
        return _load(con, resolve_run(con, run))
    finally:
        con.close()


def _load(con: duckdb.DuckDBPyConnection, run_id: str) -> ReportData:
    runs = _frame(con, "select * from runs order by finished_at, started_at")
    run = runs.filter(pl.col("run_id") == run_id).row(0, named=True)
    earlier = runs.filter(
        (pl.col("finished_at") < run["finished_at"]) & (pl.col("run_id") != run_id)
    )
    previous = earlier.row(-1, named=True) if earlier.height else None
    latest = runs.row(-1, named=True)["run_id"] == run_id

    findings = _frame(
        con,
        "select * exclude (run_id) from findings where run_id = ? "
        "order by source_file, source_line nulls last, rule, column_name",
        [run_id],
    )
    files = _frame(con, "select * exclude (run_id) from run_files where run_id = ?", [run_id])

    changes: FindingChanges | None = None
    if previous is None:
        note = "This is the first run in the warehouse: there is nothing to compare with."
    else:
        before = _frame(
            con,
            "select * exclude (run_id) from findings where run_id = ? "
            "order by source_file, source_line nulls last, rule, column_name",
            [previous["run_id"]],
        )
        if FINGERPRINT not in findings.columns:
            note = (
                "No comparison available: this warehouse's findings carry no fingerprint, "
                "so a finding cannot be matched across runs without guessing."
            )
        elif not (comparable(findings) and comparable(before)):
            note = (
                "No comparison available: the previous run's findings were recorded without a "
                "fingerprint."
            )
        else:
            changes = compare_findings(findings, before)
            note = ""

    current: dict[str, pl.DataFrame | None] = dict.fromkeys(
        (
            "claim_checks",
            "quarantine",
            "carryover",
            "carryover_pooled",
            "exercises",
            "groups",
            "article_numbers",
        )
    )
    if latest:
        present = _tables(con)
        for name in current:
            if name in present:
                columns = ", ".join(f'"{c}"' for c in READ_COLUMNS.get(name, ())) or "*"
                current[name] = _frame(con, f'select {columns} from "{name}"')
        quarantine = current["quarantine"]
        if quarantine is not None and "run_id" in quarantine.columns:
            current["quarantine"] = quarantine.drop("run_id")

    return ReportData(
        run=run,
        previous_run=previous,
        latest=latest,
        findings=findings,
        files=files,
        changes=changes,
        comparison_note=note,
        quarantine=current["quarantine"],
        claim_checks=current["claim_checks"],
        carryover=current["carryover"],
        carryover_pooled=current["carryover_pooled"],
        exercises=current["exercises"],
        groups=current["groups"],
        article_lines=_article_lines(Path(run["raw_dir"]), files) if latest else {},
        article_numbers=current["article_numbers"],
    )


_BOUND_WORDS = {"at_least": "at least", "at_most": "at most"}


def _bounded(bound: str | None, says: str) -> str:
    """A figure stated as one end only, in words: 'at least 50 lb'."""
    return f"{_BOUND_WORDS[bound]} {says}" if bound in _BOUND_WORDS and says else says


def _quantity_value(quantity: str | None, value: float | None, to: float | None = None) -> str:
    """A claimed or reported figure in words ('12.5%', '14 participants'); 'to' ends a range."""
    if value is None:
        return ""
    text = number_text(value) if to is None else f"{number_text(value)}-{number_text(to)}"
    match quantity:
        case "change_pct":
            return f"{text}%"
        case "contrast_pct":
            return f"{text}% more than the other group"
        case "contrast_ratio":
            return f"{text} times the other group's gain"
        case "n":
            return f"{text} participants"
        case "n_analysed":
            return f"{text} participants analysed"
        case "n_recruited":
            return f"{text} participants recruited"
        case "duration_weeks":
            return f"{text} weeks"
        case "sessions_per_week":
            return f"{text} sessions per week"
        case "sessions_total":
            return f"{text} sessions in all"
        case "age":
            return f"{text} years (mean age)"
        case "age_sd":
            return f"SD {text} years"
        case "body_height" | "body_mass" | "body_height_sd" | "body_mass_sd":
            unit = "cm" if "height" in quantity else "kg"
            return f"SD {text} {unit}" if quantity.endswith("_sd") else f"{text} {unit}"
        case "pre_mean" | "post_mean":
            return f"{text} kg"
        case "pre_mean_lb" | "post_mean_lb":
            return f"{text} lb"
        case "p_value":
            return f"P={text}"
        case "p_below":
            return f"P<{text}"
        case "p_above":
            return f"P>{text}"
    return text


_FACT_WORDS = {
    "age": "mean age",
    "age_sd": "SD of age",
    "body_height": "mean body height",
    "body_height_sd": "SD of body height",
    "body_mass": "mean body mass",
    "body_mass_sd": "SD of body mass",
    "pre_mean": "baseline mean",
    "pre_mean_lb": "baseline mean",
    "post_mean": "final mean",
    "post_mean_lb": "final mean",
    "p_value": "between-group p",
    "p_below": "between-group p",
    "p_above": "between-group p",
    "sessions_total": "training sessions in all",
    "other": "protocol detail (not in the data)",
}


def _fact_what(
    quantity: str | None, exercise: str | None, measure: str | None, group: str | None
) -> str:
    """What a population, baseline, p-value or protocol fact is about, in words ('' if none)."""
    words = _FACT_WORDS.get(quantity or "")
    if words is None:
        return ""
    parts = [words]
    if exercise:
        parts.append(f"{exercise} {measure or ''}".strip())
    if group:
        parts.append(f"{group} group")
    return ", ".join(parts)


def _names(frame: pl.DataFrame | None, key: list[str], name: str) -> dict[tuple[str, ...], str]:
    if frame is None or frame.is_empty():
        return {}
    return {
        tuple(r[k] for k in key): r[name] for r in frame.select(*key, name).iter_rows(named=True)
    }


def _anchor(text: str) -> str:
    return "a-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def expected_form(table: str, column: str | None, rule_id: str, year: int) -> str:
    """What a valid value looks like, from the contract, for a finding about one cell."""
    if rule_id not in CELL_RULES or column is None or table not in SPECS:
        return ""
    spec = spec_for_year(year) if table == "studies" else SPECS[table]
    try:
        return spec.column(column).expected()
    except KeyError:
        return ""


def _where(row: dict[str, Any]) -> str:
    line = row.get("source_line")
    return f"{row['source_file']}:{line}" if line is not None else str(row["source_file"])


def _finding_view(row: dict[str, Any], year: int, change: str | None) -> dict[str, Any]:
    return {
        "where": _where(row),
        "line": row.get("source_line"),
        "severity": row["severity"],
        "rule": row["rule"],
        "column": row.get("column_name") or "",
        "value": row.get("value"),
        "expected": expected_form(row["table_name"], row.get("column_name"), row["rule"], year),
        "message": row["message"],
        "change": change,
    }


def _change_labels(data: ReportData) -> list[str | None]:
    """Per finding of this run: 'new' or 'unchanged', or None when there is no comparison."""
    if data.changes is None or FINGERPRINT not in data.findings.columns:
        return [None] * data.findings.height
    unchanged = data.changes.unchanged[FINGERPRINT].to_list()
    seen: dict[str, int] = {}
    budget: dict[str, int] = {}
    for fp in unchanged:
        budget[fp] = budget.get(fp, 0) + 1
    labels: list[str | None] = []
    for fp in data.findings[FINGERPRINT].to_list():
        seen[fp] = seen.get(fp, 0) + 1
        labels.append("unchanged" if seen[fp] <= budget.get(fp, 0) else "new")
    return labels


def _articles(data: ReportData) -> list[dict[str, Any]]:
    """Per article: its verdict, wrong figures, and every claim in line order."""
    checks = data.claim_checks
    if checks is None:
        return []
    numbers = data.article_numbers
    exercise_names = _names(data.exercises, ["exercise_id"], "name")
    group_names = _names(data.groups, ["study_id", "group_id"], "label")
    unresolved = data.findings.filter(pl.col("rule") == "claim_unresolved")
    articles: dict[tuple[str, str], dict[str, Any]] = {}
    if numbers is not None:  # articles with numbers but no claim are shown too
        for article_id, source_file in (
            numbers.select("article_id", "source_file").unique(maintain_order=True).iter_rows()
        ):
            articles[(article_id, source_file)] = {
                "id": article_id,
                "source_file": source_file,
                "anchor": _anchor(f"{article_id}-{source_file}"),
                "claims": [],
                "unresolved": [],
            }
    ordered = checks.sort("article_id", "source_file", "line", "source_line", maintain_order=True)
    for c in ordered.iter_rows(named=True):
        key = (c["article_id"], c["source_file"])
        article = articles.setdefault(
            key,
            {
                "id": c["article_id"],
                "source_file": c["source_file"],
                "anchor": _anchor(f"{c['article_id']}-{c['source_file']}"),
                "claims": [],
                "unresolved": [],
            },
        )
        lines = data.article_lines.get(c["source_file"])
        sentence = None
        if lines is not None and 1 <= c["line"] <= len(lines):
            sentence = lines[c["line"] - 1].strip()
        verdict = c["verdict"]
        exercise = exercise_names.get((c["test_exercise"],), c["test_exercise"])
        group = group_names.get((c["study_id"], c["group_id"]), c["group_id"])
        if c["quantity"] in ("change_pct", "change_abs"):
            what = f"{exercise} {c['measure']} change, {group} group"
        elif c["quantity"] in ("contrast", "contrast_pct", "contrast_ratio"):
            what = f"{exercise} {c['measure']}, {group} group minus the other"
        elif c["quantity"] in ("n", "n_analysed") and c["group_id"] is not None:
            what = f"{group} group"
        else:
            what = _fact_what(c["quantity"], exercise, c["measure"], group)
        where = ", ".join(x for x in (c.get("source_ref"), c.get("source_row")) if x)
        article["claims"].append(
            {
                "line": c["line"],
                "source_line": c["source_line"],
                "sentence": sentence,
                "says": _bounded(
                    c.get("claimed_bound"),
                    _quantity_value(c["quantity"], c["claimed"], c.get("claimed_to")),
                ),
                "what": what,
                "study": c["study"] or c["study_id"],
                "paper": _quantity_value(c["quantity"], c["source_value"]),
                "paper_where": where,
                "verdict": verdict,
                "verdict_class": "wrong"
                if verdict in WRONG
                else ("check" if verdict == UNVERIFIABLE else "ok"),
                "icon": VERDICT_ICONS.get(verdict, "?"),
                "conflicts_with_line": c["conflicts_with_line"],
                "conflicts_with_value": _quantity_value(c["quantity"], c["conflicts_with_value"]),
                "fix": c["fix"],
                "caution": c.get("caution"),
                "resolved_by": c.get("resolved_by"),
            }
        )
    unresolved_by_file = _by_source_file(unresolved, ("source_line", "message"))
    accounts = _Accounts(numbers, data.findings)
    for a in articles.values():
        if a["source_file"].startswith("articles/"):
            a["unresolved"] = [
                {"line": line, "message": message}
                for line, message in unresolved_by_file.get(a["source_file"], [])
            ]
        a["wrong"] = sum(1 for c in a["claims"] if c["verdict"] in WRONG)
        a["to_check"] = sum(1 for c in a["claims"] if c["verdict"] == UNVERIFIABLE) + len(
            a["unresolved"]
        )
        accounts.account(a)
    return sorted(articles.values(), key=lambda a: (a["source_file"], a["id"]))


def _by_source_file(
    frame: pl.DataFrame, columns: Sequence[str]
) -> dict[str, list[tuple[Any, ...]]]:
    """A frame's rows (these columns) by their source file, each file's in the frame's order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for source_file, *values in frame.select("source_file", *columns).iter_rows():
        out.setdefault(source_file, []).append(tuple(values))
    return out


class _Accounts:
    """What an article's verdict and numbers line need, worked out once for every article.

    Each article once filtered the whole findings and numbers frames for its own rows (four
    filters and a summary per article: quadratic in the number of articles).
    """

    def __init__(self, numbers: pl.DataFrame | None, findings: pl.DataFrame) -> None:
        errors = findings.filter(
            (pl.col("severity") == "error")
            & ~pl.col("rule").is_in(accounting.VERDICT_RULES)  # counted by its claims' verdicts
        )
        self.errors: dict[str, int] = dict(
            errors.group_by("source_file").len().select("source_file", "len").iter_rows()
        )
        self.unread = _by_source_file(
            findings.filter(pl.col("rule") == "number_unread"),
            ("source_line", "column_name", "message"),
        )
        self.summaries: dict[tuple[str, str], dict[str, Any]] = {}
        if numbers is not None:
            for row in accounting.summary_by_file(numbers).iter_rows(named=True):
                self.summaries[(row["article_id"], row["source_file"])] = row
        self.numbers = numbers

    def account(self, a: dict[str, Any]) -> None:
        """An article's verdict and its numbers line.

        Ready only with no error, no wrong figure and no unread number; each unread number is
        listed with its line, column and the words around it.
        """
        errors = self.errors.get(a["source_file"], 0)
        a["numbers_line"] = None
        a["unread"] = []
        unread = 0
        if self.numbers is not None and a["source_file"].startswith("articles/"):
            row = self.summaries.get((a["id"], a["source_file"]))
            if row is not None:
                a["numbers_line"] = accounting.summary_line(row)
                unread = row["unread"]
            a["unread"] = [
                {"line": line, "column": column, "message": message}
                for line, column, message in self.unread.get(a["source_file"], [])
            ]
        a["ready"] = errors == 0 and a["wrong"] == 0 and unread == 0
        a["verdict"] = READY if a["ready"] else (NEEDS_FIXES if a["wrong"] or errors else NOT_READ)


def _finding_groups(data: ReportData, year: int) -> list[dict[str, Any]]:
    labels = _change_labels(data)
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row, label in zip(data.findings.iter_rows(named=True), labels, strict=True):
        rules = groups.setdefault(row["source_file"], {})
        rules.setdefault(row["rule"], []).append(_finding_view(row, year, label))
    out = []
    for source_file in sorted(groups):
        rules = groups[source_file]
        out.append(
            {
                "file": source_file,
                "anchor": _anchor(f"file-{source_file}"),
                "count": sum(len(v) for v in rules.values()),
                "rules": [
                    {
                        "rule": rule_id,
                        "severity": items[0]["severity"],
                        "summary": RULES[rule_id].summary if rule_id in RULES else "",
                        "rows": items,
                    }
                    for rule_id, items in sorted(rules.items())
                ],
            }
        )
    return out


def _changes(data: ReportData, year: int) -> dict[str, Any] | None:
    if data.changes is None:
        return None
    return {
        "new": [_finding_view(r, year, "new") for r in data.changes.new.iter_rows(named=True)],
        "resolved": [
            _finding_view(r, year, "resolved") for r in data.changes.resolved.iter_rows(named=True)
        ],
        "unchanged": data.changes.unchanged.height,
    }


def _quarantine(data: ReportData) -> list[dict[str, Any]] | None:
    if data.quarantine is None:
        return None
    rows = []
    for q in data.quarantine.sort("source_file", "source_line").iter_rows(named=True):
        raw = q["raw"] or ""
        shown = raw if len(raw) <= MAX_RAW else raw[:MAX_RAW] + f"... ({len(raw)} characters)"
        rows.append(
            {
                "where": _where(q),
                "line": q["source_line"],
                "table": q["table_name"],
                "reasons": q["reasons"],
                "raw": shown,
            }
        )
    return rows


def _finished(run: dict[str, Any]) -> dt.datetime:
    value = run["finished_at"]
    assert isinstance(value, dt.datetime)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def view_model(data: ReportData) -> dict[str, Any]:
    """The values the template shows, computed from the frames (also used by the artifacts)."""
    run = data.run
    year = _finished(run).year
    errors = count(data.findings, "error")
    warnings = count(data.findings, "warning")
    files = [
        {
            "file": f["source_file"],
            "table": f["table_name"],
            "rows": f["data_rows"],
            "loaded": f["loaded_rows"],
            "quarantined": f["quarantined_rows"],
            "sha": (f["sha256"] or "")[:12],
        }
        for f in data.files.iter_rows(named=True)
    ]
    return {
        "run": run,
        "run_id": run["run_id"],
        "finished": _finished(run).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "previous_run": data.previous_run,
        "latest": data.latest,
        "status": "errors" if errors else "ok",
        "errors": errors,
        "warnings": warnings,
        "rows_total": run.get("rows_total"),
        "rows_loaded": run.get("rows_loaded"),
        "rows_quarantined": run.get("rows_quarantined"),
        "files": files,
        "articles": _articles(data),
        "claims_available": data.claim_checks is not None,
        "finding_groups": _finding_groups(data, year),
        "changes": _changes(data, year),
        "comparison_note": data.comparison_note,
        "quarantine": _quarantine(data),
    }


def findings_records(data: ReportData) -> list[dict[str, Any]]:
    """Every finding of the run as table-artifact rows, with its change since the previous run."""
    year = _finished(data.run).year
    records = []
    labels = _change_labels(data)
    for row, label in zip(data.findings.iter_rows(named=True), labels, strict=True):
        view = _finding_view(row, year, label)
        records.append(
            {
                "where": view["where"],
                "severity": view["severity"],
                "rule": view["rule"],
                "column": view["column"],
                "value": view["value"] or "",
                "expected": view["expected"],
                "message": view["message"],
                "change": label or "",
            }
        )
    return records

"""Report: the Markdown validation report of one run (pure rendering; the caller writes it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from carryover.core import counts as severities
from carryover.report.model import WRONG, ReportData, view_model
from carryover.validate.validation import FileStats

_MD_ESCAPES = str.maketrans(
    {
        "|": "\\|",
        "<": "&lt;",
        ">": "&gt;",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
    }
)
MAX_RAW = 120


def md_cell(value: object) -> str:
    """Render a value inside a Markdown table cell as inert text (no markup, no HTML, one line)."""
    if value is None:
        return ""
    text = str(value).replace("\r", " ").replace("\n", " ")
    return text.translate(_MD_ESCAPES)


@dataclass(frozen=True)
class ReportInput:
    """Everything the report shows about a run."""

    run_id: str
    finished_at: dt.datetime
    raw_dir: str
    files: list[FileStats]
    findings: pl.DataFrame
    quarantine: pl.DataFrame


def status_line(errors: int, warnings: int) -> str:
    """One-line verdict of a run."""
    if errors:
        return f"errors found: {errors} error(s), {warnings} warning(s)"
    if warnings:
        return f"passed with {warnings} warning(s)"
    return "passed: no findings"


def render_markdown(report: ReportInput) -> str:
    """The whole report: summary, files, counts by table and rule, every finding, quarantine."""
    findings = report.findings
    errors = severities.count(findings, "error")
    warnings = severities.count(findings, "warning")
    rows = sum(f.data_rows for f in report.files)
    loaded = sum(f.loaded_rows for f in report.files)
    out = [
        "# carryover validation report",
        "",
        f"- Run: `{report.run_id}`",
        f"- Finished: {report.finished_at:%Y-%m-%d %H:%M:%S %Z}",
        f"- Raw data: `{report.raw_dir}`",
        f"- Verdict: **{status_line(errors, warnings)}**",
        f"- Rows: {rows} read, {loaded} loaded, {rows - loaded} quarantined",
        "",
        "## Files",
        "",
        "| file | rows | loaded | quarantined | sha256 |",
        "|---|--:|--:|--:|---|",
    ]
    for f in report.files:
        digest = f.sha256[:12] if f.sha256 else "(not read)"
        out.append(
            f"| {md_cell(f.source_file)} | {f.data_rows} | {f.loaded_rows} | "
            f"{f.quarantined_rows} | `{digest}` |"
        )
    out += ["", f"## Findings: {errors} error(s), {warnings} warning(s)", ""]
    if findings.is_empty():
        out.append("No findings.")
    else:
        counts = (
            findings.group_by("table_name", "rule", "severity").len().sort("table_name", "rule")
        )
        out += ["| table | rule | severity | count |", "|---|---|---|--:|"]
        for table, rule_id, severity, count in counts.iter_rows():
            out.append(f"| {md_cell(table)} | {md_cell(rule_id)} | {severity} | {count} |")
        out += ["", "| where | severity | rule | column | message |", "|---|---|---|---|---|"]
        for row in findings.iter_rows(named=True):
            where = row["source_file"] + (f":{row['source_line']}" if row["source_line"] else "")
            out.append(
                f"| {md_cell(where)} | {row['severity']} | {md_cell(row['rule'])} | "
                f"{md_cell(row['column_name'])} | {md_cell(row['message'])} |"
            )
    out += ["", f"## Quarantined rows: {report.quarantine.height}", ""]
    if report.quarantine.is_empty():
        out.append("None.")
    else:
        out += ["| where | reasons | raw text |", "|---|---|---|"]
        for q in report.quarantine.iter_rows(named=True):
            raw = q["raw"] if len(q["raw"]) <= MAX_RAW else q["raw"][:MAX_RAW] + "..."
            out.append(
                f"| {md_cell(q['source_file'])}:{q['source_line']} | {md_cell(q['reasons'])} | "
                f"{md_cell(raw)} |"
            )
    return "\n".join(out) + "\n"


def summary_markdown(data: ReportData, html_path: str | None = None) -> str:
    """The report's first screen as Markdown: status, counts, article verdicts, wrong figures."""
    m = view_model(data)
    out = [
        "# carryover: editor's summary",
        "",
        f"- Run: `{md_cell(m['run_id'])}` finished {m['finished']}",
        f"- Status: **{'errors found' if m['errors'] else 'passed'}**: {m['errors']} error(s), "
        f"{m['warnings']} warning(s)",
        f"- Rows: {m['rows_total']} read, {m['rows_loaded']} loaded, "
        f"{m['rows_quarantined']} quarantined",
    ]
    if html_path:
        out.append(f"- Full report: `{md_cell(html_path)}`")
    changes = m["changes"]
    if changes is None:
        out.append(f"- Changes since the previous run: {md_cell(m['comparison_note'])}")
    else:
        out.append(
            f"- Changes since the previous run: {len(changes['new'])} new, "
            f"{len(changes['resolved'])} resolved, {changes['unchanged']} unchanged"
        )
    if m["articles"]:
        out += ["", "## Articles", "", "| article | file | verdict | wrong figures | numbers |"]
        out.append("|---|---|---|--:|---|")
        for a in m["articles"]:
            out.append(
                f"| {md_cell(a['id'])} | {md_cell(a['source_file'])} | {a['verdict']} | "
                f"{a['wrong']} | {md_cell(a.get('numbers_line') or '')} |"
            )
        for a in m["articles"]:
            wrong = [c for c in a["claims"] if c["verdict"] in WRONG]
            if not wrong:
                continue
            out += [
                "",
                f"### {md_cell(a['id'])}: {a['wrong']} wrong figure(s)",
                "",
                "| line | article says | study says | verdict | fix |",
                "|--:|---|---|---|---|",
            ]
            for c in wrong:
                out.append(
                    f"| {c['line']} | {md_cell(c['says'])} | {md_cell(c['paper'])} "
                    f"{md_cell(c['what'])} {md_cell(c['study'])} {md_cell(c['paper_where'])} | "
                    f"{c['verdict']}"
                    + (f" (study caution: {md_cell(c['caution'])})" if c.get("caution") else "")
                    + f" | {md_cell(c['fix'])} |"
                )
    return "\n".join(out) + "\n"

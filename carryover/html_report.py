"""The editor's report: one self-contained HTML page per run (pure rendering; the caller writes it).

`render_html(data)` turns plain frames (a run's findings, quarantine, claim verdicts, analytics)
into one HTML document: inline CSS, inline SVG plots, a small inline sorting script, and a
Content-Security-Policy that allows nothing to be fetched. Every value from the data goes through
Jinja2's autoescaping; the only markup not escaped is the SVG that matplotlib writes (it escapes
text itself). The page is complete without JavaScript; the script only adds sorting.

`summary_markdown` and `findings_records` give the same content for Prefect's artifacts.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

import jinja2
import polars as pl
from markupsafe import Markup

from carryover import analytics, plots
from carryover.changes import FINGERPRINT, FindingChanges
from carryover.report import md_cell
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

SORT_SCRIPT = """\
(function () {
  "use strict";
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }
  function compare(x, y) {
    var nx = Number(x), ny = Number(y);
    if (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) { return nx - ny; }
    return x.localeCompare(y, undefined, {numeric: true, sensitivity: "base"});
  }
  function sortBy(table, index, th) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var heads = table.tHead.rows[0].cells;
    for (var h = 0; h < heads.length; h++) { heads[h].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    for (var b = 0; b < table.tBodies.length; b++) {
      var body = table.tBodies[b];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (r1, r2) {
        var c = compare(key(r1.cells[index]), key(r2.cells[index]));
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    }
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.title = "Sort by this column";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
    table.classList.add("js-sortable");
  });
})();
"""


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


def number_text(value: float | int | None) -> str:
    """A figure as an editor writes it: 12 rather than 12.0; None as empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _quantity_value(quantity: str | None, value: float | None) -> str:
    if value is None:
        return ""
    text = number_text(value)
    match quantity:
        case "change_pct":
            return f"{text}%"
        case "n":
            return f"{text} participants"
        case "duration_weeks":
            return f"{text} weeks"
        case "sessions_per_week":
            return f"{text} sessions per week"
    return text


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
    exercise_names = _names(data.exercises, ["exercise_id"], "name")
    group_names = _names(data.groups, ["study_id", "group_id"], "label")
    unresolved = data.findings.filter(pl.col("rule") == "claim_unresolved")
    articles: dict[tuple[str, str], dict[str, Any]] = {}
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
        elif c["quantity"] == "contrast":
            what = f"{exercise} {c['measure']}, {group} group minus the other"
        elif c["quantity"] == "n" and c["group_id"] is not None:
            what = f"{group} group"
        else:
            what = ""
        where = ", ".join(x for x in (c.get("source_ref"), c.get("source_row")) if x)
        article["claims"].append(
            {
                "line": c["line"],
                "source_line": c["source_line"],
                "sentence": sentence,
                "says": _quantity_value(c["quantity"], c["claimed"]),
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
            }
        )
    for a in articles.values():
        if a["source_file"].startswith("articles/"):
            rows = unresolved.filter(pl.col("source_file") == a["source_file"])
            a["unresolved"] = [
                {"line": r["source_line"], "message": r["message"]}
                for r in rows.iter_rows(named=True)
            ]
        a["wrong"] = sum(1 for c in a["claims"] if c["verdict"] in WRONG)
        a["to_check"] = sum(1 for c in a["claims"] if c["verdict"] == UNVERIFIABLE) + len(
            a["unresolved"]
        )
        a["verdict"] = NEEDS_FIXES if a["wrong"] else READY
    return list(articles.values())


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


def _plots(data: ReportData) -> dict[str, Any] | None:
    if data.carryover is None or data.carryover_pooled is None:
        return None
    pooled = data.carryover_pooled
    if "subset" in pooled.columns:  # the plots show every study; the table has the sensitivity rows
        pooled = pooled.filter(pl.col("subset") == analytics.ALL_STUDIES)
    families = sorted(set(pooled["measure_family"].to_list())) if pooled.height else []
    heatmaps = [
        (family, Markup(svg))
        for family in families
        if (svg := plots.matrix_heatmap(pooled, family)) is not None
    ]
    forest_g = plots.forest_plot(data.carryover, pooled, "g")
    forest_pct = plots.forest_plot(data.carryover, pooled, "change_pct")
    cautioned = []
    if "cautioned_studies" in pooled.columns:
        flagged = pooled.filter(pl.col("cautioned_studies").is_not_null())
        cautioned = [
            f"{r['trained_exercise']} -> {r['test_exercise']} ({r['measure_family']}): "
            f"{r['cautioned_studies']}"
            for r in flagged.iter_rows(named=True)
        ]
    return {
        "cautioned": cautioned,
        "heatmaps": heatmaps,
        "forest_g": Markup(forest_g) if forest_g else None,
        "forest_pct": Markup(forest_pct) if forest_pct else None,
    }


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("carryover", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = number_text
    return env


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _finished(run: dict[str, Any]) -> dt.datetime:
    value = run["finished_at"]
    assert isinstance(value, dt.datetime)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def view_model(data: ReportData) -> dict[str, Any]:
    """The values the template shows, computed from the frames (also used by the artifacts)."""
    run = data.run
    year = _finished(run).year
    errors = int((data.findings["severity"] == "error").sum())
    warnings = int((data.findings["severity"] == "warning").sum())
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


def render_html(data: ReportData) -> str:
    """The whole report as one self-contained HTML document."""
    model = view_model(data)
    model["plots"] = _plots(data)
    model["script"] = Markup(SORT_SCRIPT)
    model["csp"] = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src '{_csp_hash(SORT_SCRIPT)}'; base-uri 'none'; form-action 'none'"
    )
    return _environment().get_template("report.html.j2").render(**model)


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
        out += ["", "## Articles", "", "| article | file | verdict | wrong figures |"]
        out.append("|---|---|---|--:|")
        for a in m["articles"]:
            out.append(
                f"| {md_cell(a['id'])} | {md_cell(a['source_file'])} | {a['verdict']} | "
                f"{a['wrong']} |"
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

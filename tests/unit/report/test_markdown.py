import datetime as dt

import polars as pl

from carryover.report.markdown import ReportInput, md_cell, render_markdown
from carryover.validate.validation import FileStats
from schemas.findings import finding, findings_frame


def test_cells_are_inert_text() -> None:
    """Markup, HTML and line breaks in a value cannot break out of a Markdown table cell."""
    assert md_cell("<script>a|b</script>\n*x*") == "&lt;script&gt;a\\|b&lt;/script&gt; \\*x\\*"
    assert md_cell(None) == ""


def test_report_lists_counts_and_every_finding_with_its_line() -> None:
    """The report has the verdict, per-file counts, counts by rule and each finding at file:line."""
    findings = findings_frame(
        [
            finding("out_of_range", "groups", "groups.csv", 4, "n is '0'", "n", "0"),
            finding("column_unknown", "studies", "studies.csv", 1, "column 'x' ignored", "x"),
        ]
    )
    quarantine = pl.DataFrame(
        {
            "table_name": ["groups"],
            "source_file": ["groups.csv"],
            "source_line": [4],
            "raw": ["s,c,C,,0"],
            "reasons": ["n is '0'"],
        }
    )
    text = render_markdown(
        ReportInput(
            "run-1",
            dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
            "/raw",
            [FileStats("groups", "groups.csv", "ab" * 32, 3, 2, 1)],
            findings,
            quarantine,
        )
    )
    assert "errors found: 1 error(s), 1 warning(s)" in text
    assert "| groups.csv | 3 | 2 | 1 |" in text
    assert "| groups.csv:4 | error | out\\_of\\_range | n | n is '0' |" in text
    assert "| groups.csv:4 | n is '0' | s,c,C,,0 |" in text

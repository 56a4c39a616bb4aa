"""README.md and docs/ say what the code does: tables, examples, output and links checked."""

import datetime as dt
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from carryover.analytics.effects import CARRYOVER_COLUMNS, DEFAULT_PREPOST_R, POOLED_COLUMNS
from carryover.cli.app import app
from carryover.core.config import PROJECT_ROOT
from carryover.steps import check
from carryover.warehouse import sql
from carryover.warehouse.access import open_read_only
from carryover.warehouse.build import RunRecord, load
from schemas.rules import RULES

README = PROJECT_ROOT / "README.md"
DOCS = PROJECT_ROOT / "docs"
README_MAX_LINES = 250


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _pages() -> list[Path]:
    """README.md and every page under docs/."""
    return [README, *sorted(DOCS.glob("*.md"))]


def _generator() -> ModuleType:
    """docs/generate_rules.py, loaded from its file (docs/ is not a package)."""
    spec = importlib.util.spec_from_file_location("generate_rules", DOCS / "generate_rules.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_page_documents_every_rule_as_the_catalogue_defines_it() -> None:
    """docs/rules.md's rule table matches the catalogue: ids, severity and quarantine."""
    page = _text(DOCS / "rules.md")
    rows = re.findall(r"^\| `([a-z_]+)` \| (error|warning) \| (yes|no) \| (.+) \|$", page, re.M)
    documented = {rule_id: (sev, q == "yes", text) for rule_id, sev, q, text in rows}
    assert documented == {r.id: (r.severity, r.quarantines, r.summary) for r in RULES.values()}


def test_rules_page_is_what_the_generator_writes() -> None:
    """docs/rules.md is exactly the text docs/generate_rules.py renders from the catalogue."""
    assert _text(DOCS / "rules.md") == _generator().render(), (
        "docs/rules.md is out of date: run `.venv/bin/python docs/generate_rules.py`"
    )


def _column_table(page: str, table: str) -> dict[str, str]:
    section = re.split(rf"^#+ `{table}` columns\n", page, maxsplit=1, flags=re.M)[1]
    section = section.split("\n#", 1)[0]
    return dict(re.findall(r"^\| `([a-z0-9_]+)` \| (.+) \|$", section, re.M))


def test_analytics_page_documents_every_analytics_column_as_the_code_does() -> None:
    """The column tables of carryover and carryover_pooled equal the warehouse comments."""
    page = _text(DOCS / "analytics.md")
    assert _column_table(page, "carryover") == CARRYOVER_COLUMNS
    assert _column_table(page, "carryover_pooled") == POOLED_COLUMNS


def test_docs_document_prepost_r_and_its_default() -> None:
    """studies.csv's prepost_r is in the contract, and the analytics state the default r used."""
    contract = _text(DOCS / "raw-data.md")
    analytics = _text(DOCS / "analytics.md")
    assert "| prepost_r | optional number from -1 to 1" in contract
    assert f"**r = {DEFAULT_PREPOST_R}**" in analytics
    assert "Follmann D, Elliott P, Suh I, Cutler J." in analytics


def test_example_queries_print_what_the_docs_show(tmp_path: Path) -> None:
    """Each `$ carryover sql "..."` example in README.md and docs/ prints its output."""
    examples = [
        (page.name, query, out)
        for page in _pages()
        for query, out in re.findall(
            r'^```text\n\$ carryover sql "([^\n]+)"\n(.*?)\n```$', _text(page), re.M | re.S
        )
    ]
    queries = [(name, q, out) for name, q, out in examples if not out.startswith("carryover sql:")]
    assert len([q for name, q, _ in queries if name == "analytics.md"]) >= 3
    assert any(name == "README.md" for name, _, _ in queries)
    checked = check(PROJECT_ROOT / "raw")
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    path = tmp_path / "w.duckdb"
    load(path, RunRecord("r", now, now, "ok", "raw"), checked.validation, checked.derived)
    con = open_read_only(path)
    try:
        for name, query, shown in queries:
            assert sql.format_table(sql.run_query(con, query)) == shown, (name, query)
    finally:
        con.close()


def _quick_start_output() -> list[str]:
    """The sample output of `carryover run` that the README's quick start shows."""
    blocks = re.findall(r"^```text\n(.*?)\n```$", _text(README), re.M | re.S)
    shown = [b for b in blocks if re.search(r"^carryover run: ", b, re.M)]
    assert len(shown) == 1
    return str(shown[0]).split("\n")


def test_quick_start_shows_what_carryover_run_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick start's sample is the bundled data's findings, summary and paths, each once.

    `carryover check` prints the same findings and counts as `carryover run` without starting
    Prefect; the run id, the time and the paths' run prefix are the sample's placeholders.
    """
    monkeypatch.chdir(PROJECT_ROOT)
    for name in ("CARRYOVER_RAW_DIR", "CARRYOVER_WAREHOUSE", "CARRYOVER_REPORT_DIR"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, ["check", "--raw", "raw", "--max-findings", "0"])
    assert result.exit_code == 1, result.output
    *findings, summary = result.output.rstrip("\n").split("\n")
    assert summary.startswith("carryover check: ")

    shown = _quick_start_output()
    assert shown[: len(findings)] == findings
    run_line, *paths = shown[len(findings) :]
    run_id = r"(?P<id>(?P<short>[0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    counts = re.fullmatch(
        r"carryover check: (\d+) files, (\d+) rows: (\d+) valid \(a run would load them\), "
        r"(\d+) would be quarantined; (\d+) error\(s\), (\d+) warning\(s\); nothing was written",
        summary,
    )
    assert counts, summary
    files, rows, valid, quarantined, errors, warnings = counts.groups()
    ran = (
        f"carryover run: {files} files, {rows} rows: {valid} loaded, {quarantined} quarantined; "
        f"{errors} error(s), {warnings} warning(s)"
    )
    match = re.fullmatch(re.escape(ran) + rf" \(run {run_id}\)", run_line)
    assert match, run_line
    stem = rf"warehouse/reports/report-\d{{8}}T\d{{6}}Z-{match['short']}"
    assert len(paths) == 4, paths
    assert paths[0] == "warehouse: warehouse/carryover.duckdb"
    assert re.fullmatch(rf"report:    {stem}\.md", paths[1]), paths[1]
    assert re.fullmatch(rf"html:      {stem}\.html", paths[2]), paths[2]
    assert paths[3] == (
        f"run failed: {errors} error(s), {warnings} warning(s) found (--fail-on error); the valid "
        "rows were loaded and the report written"
    )


def test_readme_finding_example_is_what_check_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's example finding is a line `carryover check` prints for tests/data/faulty."""
    match = re.search(r"^Findings print as .*?\n\n```text\n(.+?)\n```$", _text(README), re.M | re.S)
    assert match
    monkeypatch.chdir(PROJECT_ROOT)
    result = CliRunner().invoke(app, ["check", "--raw", "tests/data/faulty", "--max-findings", "0"])
    assert match[1] in result.output.split("\n")


def test_readme_is_short() -> None:
    """README.md stays an introduction: reference text belongs in docs/."""
    lines = _text(README).splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines"


def _without_fences(text: str) -> str:
    """The text without fenced code blocks (a `#` line inside one is not a heading)."""
    return re.sub(r"^```.*?^```$", "", text, flags=re.M | re.S)


def _outside_code(text: str) -> str:
    """The text without fenced code blocks and inline code spans, where links are not links."""
    return re.sub(r"`[^`\n]*`", "", _without_fences(text))


def _anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown page."""
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    for heading in re.findall(r"^#{1,6} +(.+?) *#*$", _without_fences(text), re.M):
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
        slug = re.sub(r"[^\w\- ]", "", plain).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def test_anchor_slugs_follow_github() -> None:
    """Headings become the anchors GitHub makes: lower case, punctuation dropped, '-' for ' '."""
    page = (
        "# The editor's report\n## `carryover_pooled` columns\n"
        "```sh\n# not a heading\n```\n"
        "## Many files, and more than one machine\n## Tests\n## Tests\n"
    )
    assert _anchors(page) == {
        "the-editors-report",
        "carryover_pooled-columns",
        "many-files-and-more-than-one-machine",
        "tests",
        "tests-1",
    }


def test_every_relative_link_leads_to_a_file_and_heading() -> None:
    """Each relative link in README.md and docs/ names an existing file and, after '#', heading."""
    broken = []
    checked = 0
    for page in _pages():
        text = _text(page)
        for target in re.findall(r"\]\(([^)\s]+)\)", _outside_code(text)):
            if re.match(r"[a-z][a-z0-9+.-]*:", target):
                continue  # an absolute URL
            checked += 1
            file_part, _, anchor = target.partition("#")
            linked = (page.parent / file_part).resolve() if file_part else page
            if not linked.exists():
                broken.append(f"{page.name}: {target} (no such file)")
            elif anchor and (linked.suffix != ".md" or anchor not in _anchors(_text(linked))):
                broken.append(f"{page.name}: {target} (no such heading)")
    assert checked >= 20
    assert broken == []

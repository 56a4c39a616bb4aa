import datetime as dt
import re
from pathlib import Path

from carryover.analytics.effects import CARRYOVER_COLUMNS, DEFAULT_PREPOST_R, POOLED_COLUMNS
from carryover.core.config import PROJECT_ROOT
from carryover.steps import check
from carryover.warehouse import sql
from carryover.warehouse.access import open_read_only
from carryover.warehouse.build import RunRecord, load
from schemas.rules import RULES


def test_readme_documents_every_rule_as_the_catalogue_defines_it() -> None:
    """The README's rule table matches the catalogue: ids, severity and quarantine."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_]+)` \| (error|warning) \| (yes|no) \| (.+) \|$", readme, re.M)
    documented = {rule_id: (sev, q == "yes", text) for rule_id, sev, q, text in rows}
    assert documented == {r.id: (r.severity, r.quarantines, r.summary) for r in RULES.values()}


def _column_table(readme: str, table: str) -> dict[str, str]:
    section = readme.split(f"#### `{table}` columns\n", 1)[1].split("\n#", 1)[0]
    return dict(re.findall(r"^\| `([a-z0-9_]+)` \| (.+) \|$", section, re.M))


def test_readme_documents_every_analytics_column_as_the_code_does() -> None:
    """The README's column tables of carryover and carryover_pooled equal the warehouse comments."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert _column_table(readme, "carryover") == CARRYOVER_COLUMNS
    assert _column_table(readme, "carryover_pooled") == POOLED_COLUMNS


def test_readme_documents_prepost_r_and_its_default() -> None:
    """studies.csv's prepost_r is in the contract, and the README states the default r used."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "| prepost_r | optional number from -1 to 1" in readme
    assert f"**r = {DEFAULT_PREPOST_R}**" in readme
    assert "Follmann D, Elliott P, Suh I, Cutler J." in readme


def test_readme_example_queries_print_what_the_readme_shows(tmp_path: Path) -> None:
    """Each `$ carryover sql "..."` example in the README prints its output on the bundled data."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(
        r'^```text\n\$ carryover sql "([^\n]+)"\n(.*?)\n```$', readme, re.M | re.S
    )
    queries = [(q, out) for q, out in examples if not out.startswith("carryover sql:")]
    assert len(queries) >= 3
    checked = check(PROJECT_ROOT / "raw")
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    path = tmp_path / "w.duckdb"
    load(path, RunRecord("r", now, now, "ok", "raw"), checked.validation, checked.derived)
    con = open_read_only(path)
    try:
        for query, shown in queries:
            assert sql.format_table(sql.run_query(con, query)) == shown, query
    finally:
        con.close()

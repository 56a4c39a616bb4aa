"""`carryover check-article` and the CI formats, through the real command in a new process.

The drafts live outside raw/; the warehouse is built from the bundled raw data (as `carryover
run` builds it, without Prefect) and must be exactly as it was after each check.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml

from carryover.steps import check, transform_all
from carryover.warehouse.build import RunRecord, load
from tests.support import FAULTY

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from carryover.cli.app import main; main()"]

DRAFT = """\
# A draft

A study by Hammond et al. recruited 14 trained men for 4 weeks.
The squat group increased their back squat one-rep max by 35.9%.
The hip thrust group gained 24.8% on their hip thrust one-rep max.
"""

pytestmark = pytest.mark.slow


def _carryover(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARRYOVER_")}
    return subprocess.run(
        [*CLI, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled raw data's warehouse, as a run writes it."""
    import datetime as dt

    path = tmp_path_factory.mktemp("wh") / "w.duckdb"
    checked = check(ROOT / "raw")
    run = RunRecord("r" * 36, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), None, "errors", "raw")
    load(path, run, checked.validation, transform_all(checked.validation))
    return path


def _state(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file()
    }


def _draft(tmp_path: Path, name: str = "draft.md", text: str = DRAFT) -> Path:
    path = tmp_path / "drafts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wrong_claim_in_a_draft_is_an_error_at_its_line_and_column(
    tmp_path: Path, warehouse: Path
) -> None:
    """The draft is judged against the warehouse; the warehouse's folder is left as it was."""
    _draft(tmp_path)
    before = _state(warehouse.parent)
    result = _carryover("check-article", "drafts/draft.md", "--warehouse", str(warehouse),
                        cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "drafts/draft.md:4:59: error [claim_vs_source] value: draft line 4 says 35.9% for the "
        "Barbell back squat 1RM change"
    )
    assert DRAFT.splitlines()[3][58:63] == "35.9%"
    assert lines[-1].startswith("carryover check-article: 1 file(s); 1 error(s), 0 warning(s)")
    assert _state(warehouse.parent) == before


def test_a_draft_whose_claims_hold_exits_0(tmp_path: Path, warehouse: Path) -> None:
    """Claims the study supports: no finding, exit 0."""
    _draft(tmp_path, text=DRAFT.replace("35.9%", "10.2%"))
    result = _carryover("check-article", "drafts/draft.md", "--warehouse", str(warehouse),
                        cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_check_article_without_a_warehouse_or_file_exits_2(tmp_path: Path) -> None:
    """No warehouse, or no such draft: one line, exit 2, nothing created."""
    _draft(tmp_path)
    missing = _carryover("check-article", "drafts/draft.md", "--warehouse", "none.duckdb",
                         cwd=tmp_path)  # fmt: skip
    assert missing.returncode == 2
    assert missing.stderr.startswith(f"carryover: there is no warehouse at {tmp_path}/none.duckdb")
    assert len(missing.stderr.splitlines()) == 1
    assert not (tmp_path / "none.duckdb").exists()
    absent = _carryover("check-article", "drafts/nope.md", "--warehouse", "none.duckdb",
                        cwd=tmp_path)  # fmt: skip
    assert absent.returncode == 2
    assert absent.stderr.strip() == "carryover: drafts/nope.md is not a file"


def _unescape(text: str, prop: bool) -> str:
    """Undo GitHub's workflow-command escaping (as the Actions runner does)."""
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else [])
    for escaped, plain in [*pairs, ("%25", "%")]:
        text = text.replace(escaped, plain)
    return text


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """`::name k=v,k=v::message` split as the runner splits it: at unescaped ',' and '::'."""
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    name, _, props = head.partition(" ")
    fields = dict(p.split("=", 1) for p in props.split(",")) if props else {}
    return (
        name,
        {k: _unescape(v, prop=True) for k, v in fields.items()},
        _unescape(message, prop=False),
    )


def test_github_annotations_escape_as_the_runner_reads_them(
    tmp_path: Path, warehouse: Path
) -> None:
    """A file name with ',' and ':' and a message with '%' survive the runner's parsing."""
    _draft(tmp_path, name="v2, final: squat.md")
    result = _carryover("check-article", "drafts/v2, final: squat.md", "--warehouse",
                        str(warehouse), "--format", "github", cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=drafts/v2%2C final%3A squat.md,line=4,col=59,")
    name, props, message = _parse_command(lines[0])
    assert name == "error"
    assert props == {
        "file": "drafts/v2, final: squat.md",
        "line": "4",
        "col": "59",
        "title": "carryover [claim_vs_source]",
    }
    assert message.startswith("claim_vs_source value: v2_final_squat line 4 says 35.9% for")
    notice = _parse_command(lines[-1])
    assert notice[0] == "notice"
    assert notice[2].startswith("carryover check-article: 1 file(s); 1 error(s)")


def test_json_and_junit_of_check_parse_with_their_consumers(tmp_path: Path) -> None:
    """JSON output is one document for json.loads; JUnit output is XML that junitparser reads."""
    as_json = _carryover("check", "--raw", str(FAULTY), "--format", "json", cwd=tmp_path)
    assert as_json.returncode == 1
    doc = json.loads(as_json.stdout)
    assert (doc["command"], doc["errors"], doc["warnings"]) == ("check", 64, 3)
    assert len(doc["findings"]) == 45
    first = doc["findings"][0]
    assert set(first) == {
        "file", "line", "col", "severity", "rule", "column_name", "value", "message",
    }  # fmt: skip
    assert any(
        f["file"].endswith("faulty/outcomes.csv") and f["line"] == 3
        and f["rule"] == "figures_disagree"
        for f in doc["findings"]
    )  # fmt: skip

    as_junit = _carryover("check", "--raw", str(FAULTY), "--format", "junit", cwd=tmp_path)
    assert as_junit.returncode == 1
    report = tmp_path / "check.xml"
    report.write_text(as_junit.stdout, encoding="utf-8")
    xml = JUnitXml.fromfile(str(report))
    suites = list(xml)
    assert len(suites) == 7  # one per raw file
    cases = [case for suite in suites for case in suite]
    failed = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
    assert len(failed) == 64  # the errors; the 3 warnings pass, with their text in system-out
    assert len(cases) == 67
    assert xml.failures == 64
    outcomes = next(s for s in suites if s.name.endswith("outcomes.csv"))
    names = [c.name for c in outcomes]
    assert any(n.endswith("outcomes.csv:3 figures_disagree") for n in names)

"""Findings as CI tools read them: `--format text|json|junit|github` of check, check-article, run.

- text: `file:line[:column]: severity [rule] column: message`, for people;
- json: one object with the counts and every finding (file, line, col, severity, rule, ...);
- junit: JUnit XML (testsuites > testsuite per file > testcase), as CI servers show test results:
  each finding at or above the failing level is a testcase with a <failure>, a finding below it a
  passing testcase with the finding in <system-out>, and a file with no finding one passing case;
- github: GitHub Actions workflow commands (`::error file=F,line=L,col=C,title=rule::message`),
  escaped as the Actions runner expects, so that findings show as annotations on the files.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field

FORMATS = ("text", "json", "junit", "github")


@dataclass(frozen=True)
class Located:
    """One finding where a reader finds it: file as shown, line and column (1-based)."""

    file: str
    line: int | None
    col: int | None
    severity: str
    rule: str
    column_name: str | None
    value: str | None
    message: str

    @property
    def where(self) -> str:
        """`file:line:col`, as far as known."""
        parts = [self.file]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)


@dataclass(frozen=True)
class Outcome:
    """What one command found: its findings, the files it checked, the counts and a summary."""

    command: str
    findings: Sequence[Located]
    errors: int
    warnings: int
    summary: str
    files: Sequence[str] = field(default_factory=tuple)
    failing: Callable[[Located], bool] = field(default=lambda f: f.severity == "error")
    """Which findings fail the check (for junit): errors, unless --fail-on says otherwise."""
    articles: Sequence[str] = field(default_factory=tuple)
    """Per article read: its numbers line and whether it is ready (shown in text output)."""


def text_line(f: Located) -> str:
    """The plain-text line of a finding."""
    column = f" {f.column_name}:" if f.column_name else ""
    return f"{f.where}: {f.severity} [{f.rule}]{column} {f.message}"


def to_json(outcome: Outcome) -> str:
    """One JSON object: command, counts, summary, and the findings in order."""
    return json.dumps(
        {
            "command": outcome.command,
            "errors": outcome.errors,
            "warnings": outcome.warnings,
            "summary": outcome.summary,
            "findings": [asdict(f) for f in outcome.findings],
        },
        ensure_ascii=False,
        indent=2,
    )


def to_junit(outcome: Outcome) -> str:
    """JUnit XML: a testsuite per file, a testcase per finding (or one passing case per file)."""
    by_file: dict[str, list[Located]] = {name: [] for name in outcome.files}
    for f in outcome.findings:
        by_file.setdefault(f.file, []).append(f)
    root = ET.Element("testsuites", name=f"carryover {outcome.command}")
    total = failed = 0
    for name, found in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=name)
        cases = failures = 0
        for f in found:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=name,
                name=f"{f.where} {f.rule}",
                file=name,
                line=str(f.line or 0),
            )
            if outcome.failing(f):
                failure = ET.SubElement(case, "failure", message=f.message, type=f.rule)
                failure.text = text_line(f)
                failures += 1
            else:
                ET.SubElement(case, "system-out").text = text_line(f)
            cases += 1
        if not found:
            ET.SubElement(suite, "testcase", classname=name, name=f"{name} has no finding")
            cases += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total, failed = total + cases, failed + failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as data, plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(f: Located) -> str:
    """`::error file=...,line=...,col=...,title=...::message` (a warning is `::warning`)."""
    level = "error" if f.severity == "error" else "warning"
    props = [f"file={escape_property(f.file)}"]
    if f.line:
        props.append(f"line={f.line}")
        if f.col:
            props.append(f"col={f.col}")
    column = f" {f.column_name}:" if f.column_name else ""
    props.append(f"title={escape_property(f'carryover [{f.rule}]')}")
    return f"::{level} {','.join(props)}::{escape_data(f'{f.rule}{column} {f.message}')}"


def to_github(outcome: Outcome) -> str:
    """One workflow command per finding, then the summary as a notice."""
    lines = [github_line(f) for f in outcome.findings]
    lines.append(f"::notice title=carryover {outcome.command}::{escape_data(outcome.summary)}")
    return "\n".join(lines)


def located(rows: Iterable[dict[str, object]], shown: Callable[[str], str]) -> list[Located]:
    """Findings rows (as dicts) named for a reader: `shown` maps a source_file to its path."""
    out = []
    for r in rows:
        line = r.get("source_line")
        col = r.get("col")
        out.append(
            Located(
                file=shown(str(r["source_file"])),
                line=int(line) if isinstance(line, int) else None,
                col=int(col) if isinstance(col, int) else None,
                severity=str(r["severity"]),
                rule=str(r["rule"]),
                column_name=None if r.get("column_name") is None else str(r["column_name"]),
                value=None if r.get("value") is None else str(r["value"]),
                message=str(r["message"]),
            )
        )
    return out

"""`carryover check-article`: judge draft articles against the current warehouse, read-only.

An editor's draft need not be in raw/: each file given is read as an article, its claims are
checked against the studies, groups, exercises and outcome changes of the warehouse's latest run
(opened read-only, nothing written), with the same rules as a run (schemas/claims.py,
schemas/claim_checks.py). Findings name the file as given, the line, and the column where the
figure stands in that line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from carryover.articles import (
    _MEASURE,
    ARTICLE_SUFFIXES,
    NUMBER_WORDS,
    Article,
    Context,
    article_id,
    read_article,
)
from carryover.extract import BOM, Extracted
from carryover.validate import merge_files, validate_files
from schemas import SPECS, claim_checks
from schemas.findings import FINDINGS_SCHEMA, finding, findings_frame, sort_findings
from schemas.table import ROW, cast_table, run_plan

REFERENCE_TABLES = ("studies", "groups", "exercises", "outcomes", "outcome_changes")


class CheckArticleError(Exception):
    """The warehouse cannot be read (absent, locked, not a carryover warehouse)."""


@dataclass(frozen=True)
class ArticleCheck:
    """Findings about the drafts (source_file is the path as given), and each draft's lines."""

    findings: pl.DataFrame
    lines: dict[str, list[str]]

    @property
    def errors(self) -> int:
        """Number of error findings."""
        return int((self.findings["severity"] == "error").sum())

    @property
    def warnings(self) -> int:
        """Number of warning findings."""
        return int((self.findings["severity"] == "warning").sum())


def reference_tables(warehouse: Path) -> dict[str, pl.DataFrame]:
    """The clean tables a draft is judged against, read from the warehouse read-only."""
    if not warehouse.is_file():
        raise CheckArticleError(
            f"there is no warehouse at {warehouse}: build it with `carryover run` "
            "(or point --warehouse at one)"
        )
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        message = f"cannot open the warehouse {warehouse} read-only: {first}"
        raise CheckArticleError(message) from exc
    try:
        tables: dict[str, pl.DataFrame] = {}
        for name in REFERENCE_TABLES:
            try:
                tables[name] = con.sql(f'select * from "{name}"').pl()
            except duckdb.Error as exc:
                raise CheckArticleError(
                    f"the warehouse {warehouse} has no table {name}: is it a carryover warehouse?"
                ) from exc
        return tables
    finally:
        con.close()


def read_draft(path: Path, shown: str) -> Article:
    """Read one draft as an article; `shown` is how findings name it (the path as given)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = finding(
            "file_unreadable",
            "claims",
            shown,
            None,
            f"{shown} cannot be read: {exc.strerror or type(exc).__name__}",
        )
        return Article(shown, article_id(path.stem), [], None, (problem,))
    lines, problems = [], []
    for number, raw in enumerate(data.removeprefix(BOM).splitlines(), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            lines.append(raw.decode("utf-8", errors="replace"))
            problems.append(
                finding(
                    "row_encoding",
                    "claims",
                    shown,
                    number,
                    f"line {number} has bytes that are not UTF-8 (position {exc.start + 1}); "
                    "it is read with them replaced",
                )
            )
    digest = hashlib.sha256(data).hexdigest()
    return Article(shown, article_id(path.stem), lines, digest, tuple(problems))


def judge_drafts(articles: Sequence[Article], tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Every finding about the drafts' claims: unreadable figures, references, verdicts."""
    context = Context.from_tables(
        tables["studies"], tables["groups"], tables["exercises"], tables["outcomes"]
    )
    sources: list[Extracted] = [read_article(article, context) for article in articles]
    parents = {name: tables[name] for name in ("studies", "groups", "exercises")}
    this_year = dt.datetime.now(dt.UTC).year
    result = merge_files(sources, validate_files(sources, parents, this_year))
    found = [result.findings.select(*FINDINGS_SCHEMA)]
    claims = cast_table(SPECS["claims"], result.clean_text)
    if not claims.is_empty():
        judged = claim_checks.judge(
            claims,
            tables["studies"],
            tables["groups"],
            tables["exercises"],
            tables["outcomes"],
            tables["outcome_changes"],
        ).with_columns(pl.col("_claim").alias(ROW))
        found.append(run_plan(claim_checks.claims_plan(), judged).select(*FINDINGS_SCHEMA))
    return sort_findings(pl.concat([findings_frame(), *found]))


def check_articles(paths: Sequence[Path], shown: Sequence[str], warehouse: Path) -> ArticleCheck:
    """Judge draft files (read-only throughout); `shown[i]` names `paths[i]` in findings."""
    tables = reference_tables(warehouse)
    articles = [read_draft(path, name) for path, name in zip(paths, shown, strict=True)]
    findings = judge_drafts(articles, tables)
    return ArticleCheck(findings, {a.source_file: a.lines for a in articles})


_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\d])")


def locate(line: str, value: str | None) -> int:
    """The 1-based column in `line` where a finding's value stands; else its first character.

    A finding's value is a claim's figure ('35.9', found as '35.9%' or as '10' for 10.0), an id
    ('front_squat', found as 'front squat'), a measure ('3RM', found as 'three-rep max'), or the
    words that could not be read (found as they are).
    """
    text = (value or "").strip()
    if text:
        try:
            number = float(text)
        except ValueError:
            number = None
        if number is not None:
            for match in _NUMBER.finditer(line):
                if float(match.group(0)) == abs(number):
                    return match.start() + 1
        for match in _MEASURE.finditer(line):
            n = match.group("n").lower()
            if f"{int(n) if n.isdigit() else NUMBER_WORDS[n]}RM" == text:
                return match.start() + 1
        for candidate in (text, text.replace("_", " ")):
            at = line.lower().find(candidate.lower())
            if at >= 0:
                return at + 1
    return len(line) - len(line.lstrip()) + 1


def with_columns(
    rows: Sequence[dict[str, object]], lines_of: Callable[[str], list[str] | None]
) -> list[dict[str, object]]:
    """Findings rows with `col` added where they point into an article's line.

    `lines_of(source_file)` gives an article's lines (None for a file that is not an article).
    """
    out = []
    for row in rows:
        line = row.get("source_line")
        lines = lines_of(str(row["source_file"])) if isinstance(line, int) else None
        col = None
        if lines is not None and isinstance(line, int) and 0 < line <= len(lines):
            value = row.get("value")
            col = locate(lines[line - 1], None if value is None else str(value))
        out.append({**row, "col": col})
    return out


def article_lines(raw_dir: Path) -> Callable[[str], list[str] | None]:
    """Read raw articles' lines on demand (cached): `lines_of` for with_columns."""
    cache: dict[str, list[str] | None] = {}

    def lines_of(source_file: str) -> list[str] | None:
        if source_file not in cache:
            lines = None
            if Path(source_file).suffix.lower() in ARTICLE_SUFFIXES:
                try:
                    data = (raw_dir / source_file).read_bytes().removeprefix(BOM)
                    lines = [raw.decode("utf-8", errors="replace") for raw in data.splitlines()]
                except OSError:
                    lines = None
            cache[source_file] = lines
        return cache[source_file]

    return lines_of

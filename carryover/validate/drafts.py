"""Judge draft articles against clean reference tables (as `carryover check-article` reads them).

An editor's draft need not be in raw/: each file given is read as an article and its claims are
checked with the same rules as a run (schemas/claims.py, schemas/claim_checks.py) against the
studies, groups, exercises, outcomes and outcome changes given. Pure but for reading the drafts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl

from carryover.claims import judge as claim_checks
from carryover.claims.articles import Article, Context, article_id
from carryover.claims.batch import read_batch
from carryover.ingest.extract import BOM, Extracted
from carryover.validate.validation import merge_files, validate_files
from schemas import SPECS
from schemas import claim_checks as claim_rules
from schemas.findings import FINDINGS_SCHEMA, finding, findings_frame, sort_findings
from schemas.table import ROW, cast_table, run_plan

REFERENCE_TABLES = ("studies", "groups", "exercises", "outcomes", "outcome_changes")
"""The clean tables a draft is judged against."""


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


def judge_drafts(articles: Sequence[Article], tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """Every finding about the drafts' claims: unreadable figures, references, verdicts."""
    context = Context.from_tables(
        tables["studies"],
        tables["groups"],
        tables["exercises"],
        tables["outcomes"],
        tables.get("contrasts"),
    )
    sources: list[Extracted] = read_batch(articles, context)
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
        found.append(run_plan(claim_rules.claims_plan(), judged).select(*FINDINGS_SCHEMA))
    return sort_findings(pl.concat([findings_frame(), *found]))

"""Articles read in a batch: each frame is built once for the batch, then cut into articles.

Reading an article (`carryover.claims.articles.read_text`) gives Python values: its claims rows,
findings and numbers. Building a claims frame, a findings frame, a numbers frame and a lines
series for each article costs polars' fixed price per frame four times an article (on 1,000
real articles about 5% of reading them). Here each is built once for the whole batch and
each article takes its slice (a view: no copy), so every article's `Extracted` holds exactly the
frames `read_article` builds for it alone (tests/unit/claims/test_batch.py compares the two).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import polars as pl

from carryover.claims.accounting import NUMBERS_SCHEMA
from carryover.claims.articles import Article, ArticleRead, Context, read_text
from carryover.ingest.extract import SPAN, Extracted, empty_rows
from schemas.claims import SPEC as CLAIMS
from schemas.findings import findings_frame
from schemas.table import ROW

_CLAIMS_SCHEMA = empty_rows(CLAIMS).schema
_REJECTED = pl.DataFrame(
    schema={"source_line": pl.Int64(), "raw": pl.String(), "reasons": pl.String()}
)


def read_batch(articles: Sequence[Article], context: Context) -> list[Extracted]:
    """Read each article of a batch, in order, as `read_article` would, frames built once."""
    return batch_frames([read_text(article, context) for article in articles])


def _claims(reads: Sequence[ArticleRead]) -> pl.DataFrame:
    """Every article's claims rows as `claims_frame` makes them, one article after another."""
    rows = [row for read in reads for row in read.rows]
    data: dict[str, list[Any]] = {c: [r.get(c) for r in rows] for c in CLAIMS.column_names}
    data["source_file"] = [
        read.article.source_file for read in reads for _ in range(len(read.rows))
    ]
    data["source_line"] = [r.get("source_line") for r in rows]
    data[SPAN] = [1] * len(rows)
    data[ROW] = [i for read in reads for i in range(len(read.rows))]
    return pl.DataFrame(data, schema=_CLAIMS_SCHEMA)


def _numbers(reads: Sequence[ArticleRead]) -> pl.DataFrame:
    """Every article's numbers as `accounting.numbers_frame` makes them, in order."""
    columns: dict[str, list[Any]] = {name: [] for name in NUMBERS_SCHEMA}
    for read in reads:
        n = len(read.disposed)
        columns["article_id"] += [read.article.article_id] * n
        columns["source_file"] += [read.article.source_file] * n
        for d in read.disposed:
            columns["line"].append(d.line)
            columns["column"].append(d.column)
            columns["text"].append(d.text)
            columns["value"].append(d.value)
            columns["disposition"].append(d.disposition)
            columns["reason"].append(d.reason or None)
            claim = None if d.claim is None else read.rows[d.claim]
            columns["study_id"].append(None if claim is None else claim["study_id"])
            columns["quantity"].append(None if claim is None else claim["quantity"])
            columns["group_id"].append(None if claim is None else claim["group_id"])
            columns["resolved_by"].append(
                None if d.claim is None else read.resolved_by[d.claim] or None
            )
    return pl.DataFrame(columns, schema=NUMBERS_SCHEMA)


def _starts(sizes: Sequence[int]) -> list[int]:
    return [0, *itertools.accumulate(sizes)][:-1]


def batch_frames(reads: Sequence[ArticleRead]) -> list[Extracted]:
    """The articles read, each as its `Extracted` (its slice of the batch's frames), in order."""
    if not reads:
        return []
    claims = _claims(reads)
    findings = findings_frame(f for read in reads for f in read.findings)
    numbers = _numbers(reads)
    lines = pl.Series("line", [x for read in reads for x in read.article.lines], dtype=pl.String)
    sizes = {
        "claims": [len(read.rows) for read in reads],
        "findings": [len(read.findings) for read in reads],
        "numbers": [len(read.disposed) for read in reads],
        "lines": [len(read.article.lines) for read in reads],
    }
    starts = {name: _starts(each) for name, each in sizes.items()}
    out = []
    for i, read in enumerate(reads):
        rows = claims.slice(starts["claims"][i], sizes["claims"][i])
        out.append(
            Extracted(
                spec=CLAIMS,
                source_file=read.article.source_file,
                sha256=read.article.sha256,
                rows=rows,
                rejected=_REJECTED,
                findings=findings.slice(starts["findings"][i], sizes["findings"][i]),
                lines=lines.slice(starts["lines"][i], sizes["lines"][i]),
                data_rows=rows.height,
                numbers=numbers.slice(starts["numbers"][i], sizes["numbers"][i]),
            )
        )
    return out

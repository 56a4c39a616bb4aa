"""Validate a big file chunk by chunk, and put the chunks' results together as the file's.

Chunks (carryover.ingest.chunks) are validated in parallel, each with the first line of the keys
seen in the file's earlier chunks, so a repeat across chunks is the same duplicate_key finding
as in the whole file. `merge_chunks` then makes one file result: the chunks' clean rows,
quarantine and findings in order, the file's value_normalised warnings from the added-up
tallies, and one FileStats with the file's sha256.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from carryover.ingest.chunks import ChunkPlan, normalised_frame
from carryover.ingest.extract import Extracted, Normalised
from carryover.validate.validation import IDENTITY, FileStats, TableResult, validate_files
from schemas.findings import FINDINGS_SCHEMA


def validate_chunks(
    sources: Sequence[tuple[Extracted, pl.DataFrame]],
    parents: Mapping[str, pl.DataFrame],
    this_year: int | None,
) -> list[TableResult]:
    """Validate chunks of one file, each with the keys its earlier chunks hold (their lines)."""
    return [
        validate_files([ex], parents, this_year, first_lines=earlier)[0] for ex, earlier in sources
    ]


def merge_chunks(
    plan: ChunkPlan, results: Sequence[TableResult], tallies: Sequence[Sequence[Normalised]]
) -> TableResult:
    """One file's result from its chunks' results (in order) and value_normalised tallies."""
    normalised = normalised_frame(plan, tallies).with_columns(pl.lit("").alias(IDENTITY))
    findings = pl.concat(
        [*(r.findings.select(*FINDINGS_SCHEMA, IDENTITY) for r in results), normalised]
    )
    stats = FileStats(
        plan.spec.name,
        plan.source_file,
        plan.sha256,
        sum(f.data_rows for r in results for f in r.files),
        sum(f.loaded_rows for r in results for f in r.files),
        sum(f.quarantined_rows for r in results for f in r.files),
    )
    return TableResult(
        pl.concat([r.clean_text for r in results]),
        pl.concat([r.quarantine for r in results]),
        findings,
        [stats],
    )

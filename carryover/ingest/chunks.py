"""Big raw files, read in chunks of rows: the same rows, findings and lines as read whole.

A file larger than the chunk size is cut into chunks at line breaks, each about the chunk size,
and each chunk is parsed on its own (carryover.ingest.extract.parse_csv with the file's header
line before it and its lines numbered as in the whole file). Chunks can then be read and
validated in parallel, and a file's memory is bounded by its chunks, not by its size.

Where a chunk may end: only where a record may start, so that a quoted field holding line breaks
never spans two chunks. Extract joins lines into records by the parity of the quotes before a
line (counting the lines it keeps: not the header, not lines with a NUL byte or bytes that are
not UTF-8), so a chunk ends at a line break with an even count of such quotes since the header.
A quote that is never closed makes the rest of the file odd, hence one chunk: the same records
as a whole read, at the cost of that chunk's size.

What is per file rather than per chunk is put back together by `merge_chunks`: the header's
findings (read from the first chunk only), the value_normalised warnings (one per column and
spelling: their tallies are added up), the file's sha256 and row counts. Keys repeated across
chunks are found by `validate_files` given the first line of each key seen in earlier chunks
(`first_lines`), exactly as the duplicate-key rule finds them in a whole file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from carryover.ingest.extract import (
    _LINE_BREAK,
    BOM,
    Extracted,
    Normalised,
    _not_csv,
    normalised_findings,
    outside_raw,
    parse_csv,
)
from schemas.findings import findings_frame
from schemas.keys import FIRST_LINE, KEY_SEP
from schemas.table import TableSpec

ENV_CHUNK_BYTES = "CARRYOVER_CHUNK_BYTES"
CHUNK_BYTES = 8 * 1024 * 1024
"""Default chunk size: a file larger than this is read and validated in chunks of about this many
bytes (override with the environment variable CARRYOVER_CHUNK_BYTES; 0 reads every file whole)."""
KEY = "_key"
"""A row's key as one text (each part's empty value kept apart from an empty text)."""
_NULL = "\x00"


def chunk_bytes() -> int:
    """The chunk size in bytes: CARRYOVER_CHUNK_BYTES if a whole number, else the default."""
    value = os.environ.get(ENV_CHUNK_BYTES, "").strip()
    if value.isdigit():
        return int(value)
    return CHUNK_BYTES


@dataclass(frozen=True)
class Chunk:
    """Bytes [start, end) of a file, whose first line is line `line_offset + 2` of the file."""

    start: int
    end: int
    line_offset: int


@dataclass(frozen=True)
class ChunkPlan:
    """How one big raw file is read: its header line and its chunks, in order."""

    raw_dir: Path
    spec: TableSpec
    source_file: str
    header: bytes
    """Line 1 with its line break, without a byte order mark."""
    chunks: list[Chunk]
    sha256: str
    size: int


def _line_bounds(raw: bytes, at: int) -> tuple[int, int]:
    """Start and end (before its line break) of the line holding byte `at`."""
    newline = raw.rfind(b"\n", 0, at)
    start = max(newline, raw.rfind(b"\r", max(newline, 0), at)) + 1
    end = raw.find(b"\n", at)
    end = len(raw) if end == -1 else end
    carriage = raw.find(b"\r", at, end)  # searched up to the line feed only: linear overall
    return start, end if carriage == -1 else carriage


def kept_quotes(segment: bytes) -> int:
    """Quotes in whole lines of `segment` that extract keeps (no NUL byte, valid UTF-8)."""
    total = segment.count(b'"')
    if not total:
        return 0
    excluded: set[tuple[int, int]] = set()
    at = segment.find(b"\x00")
    while at != -1:
        bounds = _line_bounds(segment, at)
        excluded.add(bounds)
        at = segment.find(b"\x00", bounds[1])
    view = memoryview(segment)
    position = 0
    while position < len(segment):
        try:
            codecs.utf_8_decode(view[position:], "strict", True)
        except UnicodeDecodeError as exc:
            bounds = _line_bounds(segment, position + exc.start)
            excluded.add(bounds)
            position = bounds[1] + 1
        else:
            break
    return total - sum(segment.count(b'"', start, end) for start, end in excluded)


def _line_count(data: bytes) -> int:
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def plan_chunks(raw_dir: Path, spec: TableSpec, source_file: str, size: int) -> ChunkPlan | None:
    """Cut a raw file into chunks of about `size` bytes, or None when it is read whole.

    A file is read whole when it is not larger than `size`, when its first line is not a header
    that names a column of the contract, or when it does not look like text (extract then says
    what it is). Reads the file once, a piece at a time.
    """
    if size <= 0:
        return None
    path = raw_dir / source_file
    try:
        if outside_raw(raw_dir, path) or path.stat().st_size <= size:
            return None
        handle = path.open("rb")
    except OSError:
        return None
    digest = hashlib.sha256()
    with handle:
        first = handle.read(max(size, 64 * 1024))
        digest.update(first)
        skip = len(BOM) if first.startswith(BOM) else 0
        match = _LINE_BREAK.search(first, skip)
        if match is None or match.end() >= len(first) or _not_csv(first[skip:], spec) is not None:
            return None
        header_text = first[skip : match.start()].decode("utf-8", errors="replace")
        if not header_text.strip() or not any(n in header_text for n in spec.column_names):
            return None
        header = first[skip : match.end()]
        chunks: list[Chunk] = []
        buffer = first[match.end() :]
        start = match.end()
        line = 2
        eof = False
        while True:
            while len(buffer) < size and not eof:
                more = handle.read(size)
                digest.update(more)
                eof = not more
                buffer += more
            if not buffer:
                break
            cut = _cut(buffer, size)
            while cut is None and not eof:
                more = handle.read(size)
                digest.update(more)
                eof = not more
                buffer += more
                cut = _cut(buffer, size)
            end = len(buffer) if cut is None else cut
            chunks.append(Chunk(start, start + end, line - 2))
            line += _line_count(buffer[:end])
            start += end
            buffer = buffer[end:]
    total = start
    return ChunkPlan(raw_dir, spec, source_file, header, chunks, digest.hexdigest(), total)


def _cut(buffer: bytes, size: int) -> int | None:
    """Where a chunk of `buffer` may end (after a line break, even quotes before), or None.

    The first line break from about `size` bytes on; if the quotes before it are odd, the
    line break after the next line that holds a quote, and so on (only such lines change the
    parity), so a stretch with no quotes is skipped in one step.
    """
    newline = buffer.find(b"\n", max(size - 1, 0))
    if newline == -1:
        return None
    scanned = newline + 1
    odd = kept_quotes(buffer[:scanned]) % 2
    while odd:
        quote = buffer.find(b'"', scanned)
        if quote == -1:
            return None
        newline = buffer.find(b"\n", _line_bounds(buffer, quote)[1])
        if newline == -1:
            return None
        odd ^= kept_quotes(buffer[scanned : newline + 1]) % 2
        scanned = newline + 1
    return scanned


def read_chunk(plan: ChunkPlan, index: int) -> Extracted:
    """Read and parse one chunk of a big file, its lines numbered as in the whole file.

    The header's findings come with the first chunk only; value_normalised warnings are left to
    `merge_chunks`, which adds the chunks' tallies up (the chunk keeps them in `normalised`).
    """
    chunk = plan.chunks[index]
    with (plan.raw_dir / plan.source_file).open("rb") as handle:
        if index == 0:
            data = handle.read(chunk.end)
        else:
            handle.seek(chunk.start)
            data = plan.header + handle.read(chunk.end - chunk.start)
    ex = parse_csv(data, plan.spec, plan.source_file, line_offset=chunk.line_offset)
    del data
    keep = pl.col("rule") != "value_normalised"
    if index > 0:
        keep &= pl.col("source_line").fill_null(0) > 1
    ex.findings = ex.findings.filter(keep)
    ex.sha256 = plan.sha256
    return ex


def key_expr(key: Sequence[str]) -> pl.Expr:
    """A row's key as one text; an empty part stays apart from any text."""
    return pl.concat_str([pl.col(k).fill_null(_NULL) for k in key], separator=KEY_SEP).alias(KEY)


def first_lines(ex: Extracted) -> pl.DataFrame:
    """Each key of a chunk's rows with the first line it is on (empty for a table with no key)."""
    key = ex.spec.key
    if not key:
        return pl.DataFrame(schema={KEY: pl.String(), FIRST_LINE: pl.Int64()})
    return (
        ex.rows.select(key_expr(key), pl.col("source_line").alias(FIRST_LINE))
        .group_by(KEY, maintain_order=True)
        .first()
    )


@dataclass
class KeyLines:
    """The first line of every key seen so far in the chunks of one file, in reading order."""

    seen: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(schema={KEY: pl.String(), FIRST_LINE: pl.Int64()})
    )

    def earlier(self, ex: Extracted) -> pl.DataFrame:
        """For a chunk's keys already seen in earlier chunks, the line each was first on."""
        own = first_lines(ex)
        if own.is_empty() or self.seen.is_empty():
            found = own.clear()
        else:
            found = self.seen.join(own.select(KEY), on=KEY, how="semi")
        new = own.join(self.seen.select(KEY), on=KEY, how="anti") if not found.is_empty() else own
        self.seen = pl.concat([self.seen, new]) if not new.is_empty() else self.seen
        return found


def merge_normalised(tallies: Sequence[Sequence[Normalised]]) -> list[Normalised]:
    """One tally per column and spelling from the chunks' tallies (count added, first line kept)."""
    merged: dict[tuple[str, str | None], Normalised] = {}
    for chunk in tallies:
        for t in chunk:
            key = (t.column, t.token)
            before = merged.get(key)
            if before is None:
                merged[key] = t
            else:
                first = before if before.first <= t.first else t
                merged[key] = Normalised(
                    t.column, t.token, first.first, before.count + t.count, first.value
                )
    return sorted(merged.values(), key=lambda t: t.first)


def normalised_frame(plan: ChunkPlan, tallies: Sequence[Sequence[Normalised]]) -> pl.DataFrame:
    """The file's value_normalised warnings, from every chunk's tallies."""
    merged = merge_normalised(tallies)
    return findings_frame(normalised_findings(plan.spec, plan.source_file, merged))


@dataclass(frozen=True)
class ChunkedFile:
    """A big file after its chunks are validated: what merging a table's files needs of it.

    Its raw text is read again from disk for the few rows that need it (keys repeated in a file
    read before it), rather than kept in memory.
    """

    plan: ChunkPlan

    @property
    def spec(self) -> TableSpec:
        """The table the file belongs to."""
        return self.plan.spec

    @property
    def source_file(self) -> str:
        """The file, relative to the raw directory."""
        return self.plan.source_file

    def raw_text(self, source_lines: pl.Series, spans: pl.Series) -> list[str]:
        """The raw text of records, from their first line and span, read from the file."""
        offsets = [c.line_offset for c in self.plan.chunks]
        cache: dict[int, Extracted] = {}
        out = []
        for start, span in zip(source_lines.to_list(), spans.to_list(), strict=True):
            index = max(i for i, offset in enumerate(offsets) if offset + 2 <= start)
            if index not in cache:
                cache.clear()
                cache[index] = read_chunk(self.plan, index)
            out.append(cache[index].raw_text(pl.Series([start]), pl.Series([span]))[0])
        return out


def read_chunks(sources: Sequence[int], plan: ChunkPlan) -> list[Extracted]:
    """Read chunks of a big file (by index): a batch step of carryover.steps."""
    return [read_chunk(plan, index) for index in sources]

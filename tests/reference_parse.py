"""The extractor's line-by-line reference paths, as they were before the fast paths.

parse_csv decodes a file once and treats only its bad lines one by one, and groups only the lines
of multi-line records; these are the plain versions it replaced (every line decoded on its own
when any is not UTF-8; every line grouped). tests/property/test_parse_paths.py runs parse_csv
with these swapped in and checks that the rows, lines, quarantine and findings are the same.
"""

from __future__ import annotations

import io
import re

import polars as pl

from carryover.ingest import extract
from carryover.ingest.extract import (
    _LINE_BREAK,
    _OTHER_LINE_END,
    _PLACEHOLDER,
    SPAN,
    _Collector,
    _column_at,
    _header_names,
    _quoted_field,
    empty_rows,
)
from schemas.table import ROW, TableSpec


def split_lines(data: bytes, out: _Collector, line_offset: int = 0) -> tuple[list[str], set[int]]:
    """Decode to physical lines; lines with undecodable bytes are blanked and listed.

    Lines after the first are numbered from `line_offset + 2` (see Extracted.line_offset).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\n" not in text and "\r" not in text and _OTHER_LINE_END.search(text):
            out.file_issue(
                "file_line_ends",
                f"{out.source_file} ends its lines with NEL or a Unicode line separator, not a "
                "line feed; it was read that way",
            )
            text = _OTHER_LINE_END.sub("\n", text)
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines, set()
    lines = []
    bad: set[int] = set()
    raw_lines = _LINE_BREAK.split(data)
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    for index, raw in enumerate(raw_lines, start=1):
        number = index if index == 1 else index + line_offset
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            shown = raw.decode("utf-8", errors="replace")
            bad.add(number)
            lines.append(shown)
            if number > 1:
                header = _header_names(lines[0]) or []
                column = _column_at(header, raw[: exc.start].decode("utf-8", errors="replace"))
                out.reject(
                    "row_encoding",
                    number,
                    shown,
                    f"line {number} has bytes that are not UTF-8 (byte 0x{raw[exc.start]:02x} at "
                    f"position {exc.start + 1}); save the file as UTF-8",
                    column,
                )
            else:
                out.file_issue(
                    "row_encoding",
                    "the header row has bytes that are not UTF-8; save the file as UTF-8",
                )
    return lines, bad


def shape(records: pl.DataFrame, width: int, sep: str = ",") -> pl.DataFrame:
    """Drop blank records; count fields (quoted sections collapsed) and flag malformed quoting."""
    # Blank means spaces and tabs only: a line of other white space (a vertical tab, a form feed,
    # U+2028) is a record of its own, reported as malformed rather than dropped unseen.
    records = records.filter(pl.col("raw").str.strip_chars(" \t") != "")
    collapsed = pl.col("raw").str.replace_all(_quoted_field(sep), "${1}" + _PLACEHOLDER)
    return records.with_columns(
        (collapsed.str.count_matches(sep, literal=True) + 1).alias("_fields"),
        (
            collapsed.str.contains('"', literal=True)
            | collapsed.str.contains(_PLACEHOLDER + f"[^{re.escape(sep)}]")
        ).alias("_bad_quote"),
    ).with_columns((~pl.col("_bad_quote") & (pl.col("_fields") == width)).alias("_ok"))


def join_quoted(
    frame: pl.DataFrame, out: _Collector, header: list[str], sep: str = ","
) -> pl.DataFrame:
    """Join lines into records where a quoted field spans line breaks.

    A quote opened and never closed makes its first line a rejected record; reading resumes on the
    next line, so one stray quote cannot swallow the rest of the file.
    """
    single_lines = [
        pl.lit(1, dtype=pl.Int32).alias(SPAN),
        pl.lit(1, dtype=pl.Int32).alias("_present"),
    ]
    if frame.is_empty() or frame["_q"].sum() == 0:
        return frame.with_columns(single_lines)
    parts = []
    while not frame.is_empty():
        odd = (pl.col("_q") % 2).cast(pl.Int64)
        frame = frame.with_columns(((odd.cum_sum() - odd) % 2 == 0).alias("_starts"))
        if int(frame["_q"].sum()) % 2 == 0:
            parts.append(frame)
            break
        # The last record opens a quote that never closes: reject its first line, go on after it.
        starts = frame.filter(pl.col("_starts"))["source_line"]
        opened = int(starts[-1])
        parts.append(frame.filter(pl.col("source_line") < opened))
        raw = frame.filter(pl.col("source_line") == opened)["raw"][0]
        out.reject(
            "row_quoting",
            opened,
            raw,
            f"line {opened} opens a quote that is never closed",
            _column_at(header, raw[: raw.find('"')], sep),
        )
        frame = frame.filter(pl.col("source_line") > opened)
    joined = pl.concat(parts) if parts else frame
    if joined["_starts"].all():
        return joined.drop("_starts").with_columns(single_lines)
    return (
        joined.with_columns(pl.col("_starts").cum_sum().alias("_record"))
        .group_by("_record", maintain_order=True)
        .agg(
            pl.col("source_line").first(),
            # Physical lines from first to last; fewer lines present means a removed line inside.
            (pl.col("source_line").last() - pl.col("source_line").first() + 1)
            .cast(pl.Int32)
            .alias(SPAN),
            pl.len().cast(pl.Int32).alias("_present"),
            pl.col("raw").str.join("\n"),
            pl.col("_q").sum(),
        )
        .drop("_record")
    )


def cells(
    records: pl.DataFrame, header: list[str], spec: TableSpec, source_file: str, sep: str = ","
) -> pl.DataFrame:
    """Split well-formed records into text cells: trimmed, empty -> null, contract columns only.

    Records without quotes are split in place (the common case, and the fast one); a file with
    quoted fields is handed whole to polars' CSV reader, which the checks above made safe.
    """
    if records.is_empty():
        return empty_rows(spec)
    names = [f"_c{i}" for i in range(len(header))]
    if not records["raw"].str.contains('"', literal=True).any():
        # Every record here has exactly len(header) fields (checked in _records).
        parts = pl.col("raw").str.split_exact(sep, len(names) - 1).struct.rename_fields(names)
        cells = records.select(parts.alias("_cells")).unnest("_cells")
    else:
        text = "\n".join(records["raw"].to_list()) + "\n"
        cells = pl.read_csv(
            io.BytesIO(text.encode("utf-8")),
            has_header=False,
            new_columns=names,
            separator=sep,
            infer_schema=False,
            quote_char='"',
            empty_string_is_null=True,
        )
    if cells.height != records.height:  # pragma: no cover - guarded by the checks above
        raise RuntimeError(
            f"{source_file}: read {cells.height} records where {records.height} were checked"
        )
    by_name = dict(zip(header, names, strict=True))
    columns = []
    for name in spec.column_names:
        if name in by_name:
            cell = pl.col(by_name[name]).str.strip_chars()
            columns.append(pl.when(cell == "").then(None).otherwise(cell).alias(name))
        else:
            columns.append(pl.lit(None, dtype=pl.String).alias(name))
    return cells.select(columns).with_columns(
        pl.lit(source_file).alias("source_file"),
        records["source_line"].alias("source_line"),
        records[SPAN].alias(SPAN),
        pl.int_range(pl.len(), dtype=pl.Int64).alias(ROW),
    )


_NORMALISE = extract._normalise


def normalise(
    rows: pl.DataFrame, spec: TableSpec, out: _Collector, hinted: pl.Series | None = None
) -> pl.DataFrame:
    """_normalise over every row, whichever rows the hint picked."""
    return _NORMALISE(rows, spec, out)

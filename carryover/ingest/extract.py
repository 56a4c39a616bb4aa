"""Extract: read a raw CSV file into text cells, keeping every row's file and physical line.

Nothing is lost and nothing crashes: a row that cannot be read (wrong number of fields, an
unclosed quote, bytes that are not UTF-8, a NUL byte) becomes an error finding at its line and a
quarantined row holding its raw text; a file-level fault (no header, a missing or repeated column)
quarantines every row of the file. Rows are records, not lines: a quoted field may span lines, and
a record's line is the physical line it starts on (the header is line 1).
"""

from __future__ import annotations

import codecs
import csv
import difflib
import functools
import hashlib
import io
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from carryover.core.rawfs import read_regular, resolved, shown_name
from schemas.findings import finding, findings_frame
from schemas.table import ROW, TableSpec

BOM = b"\xef\xbb\xbf"
SPAN = "_span"
TYPO_RATIO = 0.7
"""How alike an unknown header name and an absent column must be to suggest one for the other."""
"""Number of physical lines a record spans (1 unless a quoted field holds a line break)."""

REJECTED_SCHEMA: dict[str, pl.DataType] = {
    "source_line": pl.Int64(),
    "raw": pl.String(),
    "reasons": pl.String(),
}
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_OTHER_LINE_END = re.compile("[\x85\u2028\u2029]")
"""Line ends some tools write (NEL, U+2028, U+2029), read as such where no LF or CR is."""
_PLACEHOLDER = "\x00"
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (an .xlsx or .docx file is one)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document",
    b"\xd0\xcf\x11\xe0": "an old Office document (.xls or .doc)",
}
MISSING_TOKENS = frozenset(
    {
        "NA",
        "N/A",
        "n/a",
        "na",
        "NaN",
        "nan",
        "null",
        "NULL",
        "None",
        "none",
        "-",
        ".",
        "\u2014",
        "\u2013",
    }
)
"""Cell texts read as missing, with a warning: what spreadsheets and R write for 'no value'."""
PERCENT_COLUMNS = frozenset({("outcomes", "change_pct"), ("claims", "value")})
"""Columns whose figures are percentages, where a trailing '%' is dropped with a warning."""


def _quoted_field(sep: str) -> str:
    """A whole quoted field, with the separator (or line start) before it."""
    return rf'(^|{re.escape(sep)})"([^"]|"")*"'


@dataclass
class Extracted:
    """One raw file, read: valid-shaped rows as text cells, rejected rows, and findings."""

    spec: TableSpec
    source_file: str
    sha256: str | None
    rows: pl.DataFrame
    rejected: pl.DataFrame
    findings: pl.DataFrame
    lines: pl.Series = field(repr=False)
    data_rows: int
    line_offset: int = 0
    """Lines of the file before `lines[1]`, less one: a chunk of a big file holds its header as
    `lines[0]` and then the physical lines from `line_offset + 2` on (0 for a whole file)."""
    normalised: list[Normalised] = field(default_factory=list)
    """The tallies behind the file's value_normalised warnings (chunks of a file add theirs up)."""
    numbers: pl.DataFrame | None = field(default=None, repr=False)
    """For an article: every number in it with its disposition (carryover.claims.accounting)."""

    def raw_text(self, source_lines: pl.Series, spans: pl.Series) -> list[str]:
        """The raw text of records, from their first line and span."""
        out = []
        for start, span in zip(source_lines.to_list(), spans.to_list(), strict=True):
            index = start - 1 - self.line_offset
            out.append("\n".join(self.lines.slice(index, span).to_list()))
        return out


@dataclass(frozen=True)
class Normalised:
    """Cells of one column read differently, with a warning: a missing token or a '%' dropped."""

    column: str
    token: str | None
    """The missing token read as empty; None for percent signs dropped."""
    first: int
    count: int
    value: str


def normalised_findings(spec: TableSpec, source_file: str, tallies: list[Normalised]) -> list[Any]:
    """The value_normalised warnings of a file: one per column and spelling."""
    out = []
    for t in tallies:
        if t.token is not None:
            message = (
                f"{t.column} holds {t.token!r} in {t.count} row(s) (first here); read as missing"
            )
        else:
            message = (
                f"{t.column} has a '%' sign in {t.count} row(s) (first here); "
                "read without it, as the column is in percent"
            )
        out.append(
            finding("value_normalised", spec.name, source_file, t.first, message, t.column, t.value)
        )
    return out


def empty_rows(spec: TableSpec) -> pl.DataFrame:
    """A rows frame with no rows but every column the validators expect."""
    schema: dict[str, pl.DataType] = {name: pl.String() for name in spec.column_names}
    schema.update(
        source_file=pl.String(), source_line=pl.Int64(), **{SPAN: pl.Int32(), ROW: pl.Int64()}
    )
    return pl.DataFrame(schema=schema)


CSV_SUFFIX = ".csv"


def table_sources(raw_dir: Path, spec: TableSpec) -> list[str]:
    """The raw files of a table, relative to the raw directory, in the order they are read.

    A table is `<table>.csv`, or a `<table>/` folder of `.csv` files (one per study, say), or both:
    the single file first, then the folder's files by name. Hidden files, other suffixes and
    sub-folders in the folder are not read; any other `.csv` entry is, so that one that is not a
    file (a pipe, a socket, a link loop) is reported rather than skipped. With neither, the table
    is `<table>.csv` (reported as missing).
    """
    single = raw_dir / spec.file_name
    folder = raw_dir / spec.name
    names = [spec.file_name] if single.exists() or single.is_symlink() else []
    if folder.is_dir():
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            entries = []
        names += [
            f"{spec.name}/{path.name}"
            for path in entries
            if path.suffix.lower() == CSV_SUFFIX
            and not path.name.startswith(".")
            and (path.is_symlink() or not path.is_dir())
        ]
    return names or [spec.file_name]


def extract_file(
    raw_dir: Path, spec: TableSpec, source_file: str | None = None, *, optional: bool = False
) -> Extracted:
    """Read one raw file of a table (`<table>.csv` by default); a fault is a finding, not a crash.

    `source_file` is relative to the raw directory (see `table_sources`).
    """
    real_name = source_file or spec.file_name
    path = raw_dir / real_name
    source_file = shown_name(real_name)
    outside = outside_raw(raw_dir, path)
    if outside:
        problem = finding("file_outside_raw", spec.name, source_file, None, outside)
        return _nothing(spec, source_file, None, [problem])
    if not path.exists() and not path.is_symlink():
        found = (
            []
            if optional
            else [
                finding(
                    "file_missing",
                    spec.name,
                    source_file,
                    None,
                    f"{source_file} is missing from the raw directory {raw_dir} (nor is there "
                    f"a {spec.name}/ folder of .csv files)",
                )
            ]
        )
        return _nothing(spec, source_file, None, found)
    try:
        data = read_regular(path)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        message = f"{source_file} cannot be read: {reason}"
        return _nothing(
            spec,
            source_file,
            None,
            [finding("file_unreadable", spec.name, source_file, None, message)],
        )
    extracted = parse_csv(data, spec, source_file)
    if source_file != real_name:
        note = finding(
            "file_name_encoding",
            spec.name,
            source_file,
            None,
            f"the file name {source_file} is not UTF-8 (shown with escapes); rename it",
        )
        extracted.findings = pl.concat([findings_frame([note]), extracted.findings])
    return extracted


def outside_raw(raw_dir: Path, path: Path) -> str | None:
    """Why a path must not be read: it, or its folder, is a link out of the raw directory."""
    target = resolved(path)
    if target is None or target.is_relative_to(raw_dir.resolve()):
        return None  # a link loop is reported when the file is read
    return (
        f"{shown_name(str(path.relative_to(raw_dir)))} leads to {shown_name(str(target))}, "
        "outside the raw directory; "
        "copy the file into the raw directory instead"
    )


def _nothing(
    spec: TableSpec, source_file: str, sha256: str | None, found: list[dict[str, Any]]
) -> Extracted:
    return Extracted(
        spec=spec,
        source_file=source_file,
        sha256=sha256,
        rows=empty_rows(spec),
        rejected=pl.DataFrame(schema=REJECTED_SCHEMA),
        findings=findings_frame(found),
        lines=pl.Series("line", [], dtype=pl.String),
        data_rows=0,
    )


class _Collector:
    """Gathers rejected rows and findings while a file is parsed."""

    def __init__(self, spec: TableSpec, source_file: str) -> None:
        self.spec = spec
        self.source_file = source_file
        self.findings: list[dict[str, Any]] = []
        self.rejected: list[tuple[int, str, str]] = []
        self.normalised: list[Normalised] = []

    def file_issue(
        self, rule_id: str, message: str, line: int | None = 1, column: str | None = None
    ) -> None:
        self.findings.append(
            finding(rule_id, self.spec.name, self.source_file, line, message, column_name=column)
        )

    def reject(
        self,
        rule_id: str,
        line: int,
        raw: str,
        message: str,
        column: str | None = None,
        value: object = None,
    ) -> None:
        self.findings.append(
            finding(rule_id, self.spec.name, self.source_file, line, message, column, value)
        )
        self.rejected.append((line, raw, message))


def _column_at(header: list[str], text_before: str, sep: str = ",") -> str | None:
    """The header name of the field a character position falls in (separators before it)."""
    index = text_before.count(sep)
    return header[index] if index < len(header) else None


class _Undecodable:
    """Records where a decode met bytes that are not UTF-8, and stands U+FFFD in for them.

    As an error handler it gives the same text as errors="replace" (one U+FFFD for each maximal
    invalid sequence), in one pass over the bytes; the positions are kept per thread.
    """

    name = "carryover-undecodable"

    def __init__(self) -> None:
        self._local = threading.local()
        codecs.register_error(self.name, self._handle)

    def _handle(self, exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - decode only
            raise exc
        self._local.starts.append(exc.start)
        return "\ufffd", exc.end

    def decode(self, data: bytes) -> tuple[str, list[int]]:
        """The text (invalid bytes replaced) and where each invalid sequence starts, in order."""
        starts: list[int] = []
        self._local.starts = starts
        try:
            return data.decode("utf-8", errors=self.name), starts
        finally:
            self._local.starts = []


_UNDECODABLE = _Undecodable()


def _bad_lines(data: bytes, starts: list[int]) -> list[tuple[int, int, int]]:
    """For each line holding an invalid byte: (index from 1, its start, the first bad byte)."""
    out: list[tuple[int, int, int]] = []
    counted, index = 0, 1
    for at in starts:
        newline = data.rfind(b"\n", counted, at)
        begin = max(newline, data.rfind(b"\r", max(newline, counted), at)) + 1
        if begin < counted or (out and out[-1][1] == begin):
            continue  # a later invalid byte on a line already listed
        index += data.count(b"\n", counted, begin) + data.count(b"\r", counted, begin)
        index -= data.count(b"\r\n", counted, begin)
        counted = begin
        out.append((index, begin, at))
    return out


def _split_lines(data: bytes, out: _Collector, line_offset: int = 0) -> tuple[list[str], set[int]]:
    """Decode to physical lines; lines with undecodable bytes are listed and reported.

    Lines after the first are numbered from `line_offset + 2` (see Extracted.line_offset). The
    bytes are decoded once, invalid ones shown as U+FFFD; only lines holding them are looked at
    one by one.
    """
    text, starts = _UNDECODABLE.decode(data)
    if not starts and "\n" not in text and "\r" not in text and _OTHER_LINE_END.search(text):
        out.file_issue(
            "file_line_ends",
            f"{out.source_file} ends its lines with NEL or a Unicode line separator, not a "
            "line feed; it was read that way",
        )
        text = _OTHER_LINE_END.sub("\n", text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    del text
    if lines and lines[-1] == "":
        lines.pop()
    bad: set[int] = set()
    header: list[str] | None = None
    for index, begin, at in _bad_lines(data, starts):
        number = index if index == 1 else index + line_offset
        bad.add(number)
        if number == 1:
            out.file_issue(
                "row_encoding",
                "the header row has bytes that are not UTF-8; save the file as UTF-8",
            )
            continue
        if header is None:
            header = _header_names(lines[0]) or []
        column = _column_at(header, data[begin:at].decode("utf-8", errors="replace"))
        out.reject(
            "row_encoding",
            number,
            lines[index - 1],
            f"line {number} has bytes that are not UTF-8 (byte 0x{data[at]:02x} at "
            f"position {at - begin + 1}); save the file as UTF-8",
            column,
        )
    return lines, bad


def _header_names(line: str, sep: str = ",") -> list[str] | None:
    try:
        rows = list(csv.reader(io.StringIO(line), delimiter=sep, strict=True))
    except csv.Error:
        return None
    return [name.strip() for name in rows[0]] if rows else None


def _trailing_empty(header: list[str]) -> int:
    """How many unnamed columns end the header ('a,b,' has one); never the whole header."""
    count = 0
    while count < len(header) - 1 and header[-1 - count] == "":
        count += 1
    return count


def _drop_trailing(series: pl.Series, sep: str, count: int) -> pl.Series:
    """Lines without the empty fields that match a header's trailing separators."""
    tail = sep * count
    return series.to_frame().select(
        pl.when(pl.col("line").str.ends_with(tail))
        .then(pl.col("line").str.slice(0, pl.col("line").str.len_chars() - len(tail)))
        .otherwise(pl.col("line"))
        .alias("line")
    )["line"]


def _separator(header_line: str, spec: TableSpec) -> str:
    """',' as the contract says; ';' when the header has no comma but splits into known columns."""
    if "," in header_line or ";" not in header_line:
        return ","
    names = _header_names(header_line, ";") or []
    return ";" if set(names) & set(spec.column_names) else ","


def _not_csv(data: bytes, spec: TableSpec) -> str | None:
    """What a file is when it is plainly not text: a known signature, or mostly control bytes.

    A file whose first line names a column of the contract is read as CSV, row by row, whatever
    junk follows (each bad row is then a finding of its own).
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    first = data.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    if any(name in first for name in spec.column_names):
        return None
    head = data[:1024]
    control = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    if head and control > len(head) // 10:
        return "a binary file"
    return None


def parse_csv(data: bytes, spec: TableSpec, source_file: str, *, line_offset: int = 0) -> Extracted:
    """Parse one raw file's bytes (pure: no I/O). See the module docstring for the guarantees.

    With `line_offset`, `data` is a chunk of a big file: its header line, then the file's lines
    from `line_offset + 2` on (carryover.ingest.chunks), numbered as in the whole file.
    """
    sha256 = hashlib.sha256(data).hexdigest()
    out = _Collector(spec, source_file)
    if data.startswith(BOM):
        data = data[len(BOM) :]
    what = _not_csv(data, spec)
    if what is not None:
        message = f"{source_file} is {what}, not a CSV text file; export it as CSV (UTF-8)"
        out.file_issue("file_not_csv", message)
        return _nothing(spec, source_file, sha256, out.findings)
    lines, undecodable = _split_lines(data, out, line_offset)
    series = pl.Series("line", lines, dtype=pl.String)

    sep = ","
    if not lines or not lines[0].strip():
        out.file_issue("file_empty", f"{source_file} has no header row on line 1")
        header: list[str] = []
        file_problem = "the file has no header row"
    else:
        sep = _separator(lines[0], spec)
        if sep != ",":
            out.file_issue(
                "file_delimiter",
                f"{source_file} separates fields with {sep!r}, not ','; it was read that way",
            )
        header = _header_names(lines[0], sep) or []
        trailing = _trailing_empty(header)
        if trailing:
            header = header[:-trailing]
            out.file_issue(
                "file_trailing_separator",
                f"the header ends with {sep!r}: an unnamed, empty last column; it is ignored "
                "(and so is a trailing empty field on each row)",
            )
            series = _drop_trailing(series, sep, trailing)
        file_problem = _check_header(header, spec, out) if header else ""
        if not header:
            out.file_issue("row_quoting", "the header row has malformed quoting")
            file_problem = "the header row cannot be read"

    records = _records(series, undecodable, out, header, sep, line_offset)
    data_rows = len(out.rejected) + records.height

    if file_problem:
        for line, raw in zip(
            records["source_line"].to_list(), records["raw"].to_list(), strict=True
        ):
            out.rejected.append((line, raw, f"not loaded: {file_problem}"))
        rows = empty_rows(spec)
    else:
        rows = _cells(records, header, spec, source_file, sep)
        hinted = records["raw"].str.contains(_normalisation_hint(sep))
        if hinted.any():
            rows = _normalise(rows, spec, out, hinted)
            out.findings += normalised_findings(spec, source_file, out.normalised)

    rejected = pl.DataFrame(out.rejected, schema=REJECTED_SCHEMA, orient="row").sort("source_line")
    return Extracted(
        spec=spec,
        source_file=source_file,
        sha256=sha256,
        rows=rows,
        rejected=rejected,
        findings=findings_frame(out.findings),
        lines=series,
        data_rows=data_rows,
        line_offset=line_offset,
        normalised=out.normalised,
    )


def _check_header(header: list[str], spec: TableSpec, out: _Collector) -> str:
    """Report header faults; return why the file's rows cannot be loaded ('' if they can)."""
    problems = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            out.file_issue(
                "column_duplicate",
                f"column {name!r} appears more than once in the header",
                column=name,
            )
            problems.append(f"column {name!r} is repeated")
        seen.add(name)
    known = set(spec.column_names)
    meant = header_typos(
        [n for n in header if n not in known], [c for c in spec.column_names if c not in seen]
    )
    typo_of = {column: name for name, column in meant.items()}
    for name in spec.required:
        if name not in seen:
            hint = f" (the header has {typo_of[name]!r}: a typo?)" if name in typo_of else ""
            out.file_issue(
                "column_missing",
                f"required column {name!r} is missing from the header{hint}",
                column=name,
            )
            problems.append(f"required column {name!r} is missing")
    for name in header:
        if name not in known:
            hint = ""
            if name in meant:
                hint = f"; did you mean {meant[name]!r}?"
                if meant[name] not in spec.required:
                    hint += f" ({meant[name]!r} is absent, so its values are not read)"
            out.file_issue(
                "column_unknown",
                f"column {name!r} is not part of the contract; it is ignored{hint}",
                column=name,
            )
    return "; ".join(problems)


def header_typos(unknown: Sequence[str], absent: Sequence[str]) -> dict[str, str]:
    """Unknown header names that look like a contract column the header lacks: name -> column.

    Each absent column is given to at most one name, the most similar (difflib's ratio >= 0.7,
    which takes 'change_percent' for 'change_pct' but not 'pre_men' for 'post_mean').
    """
    pairs = sorted(
        (
            (difflib.SequenceMatcher(None, name, column).ratio(), i, name, column)
            for i, name in enumerate(unknown)
            for column in absent
        ),
        key=lambda p: (-p[0], p[1]),
    )
    meant: dict[str, str] = {}
    for ratio, _, name, column in pairs:
        if ratio >= TYPO_RATIO and name not in meant and column not in meant.values():
            meant[name] = column
    return meant


def _records(
    series: pl.Series,
    undecodable: set[int],
    out: _Collector,
    header: list[str],
    sep: str = ",",
    line_offset: int = 0,
) -> pl.DataFrame:
    """Group physical lines (after the header) into records and reject malformed ones.

    Returns the well-formed records: source_line, span, raw text.
    """
    width = len(header)
    frame = pl.DataFrame({"raw": series}).with_row_index("source_line", offset=1)
    frame = frame.with_columns(pl.col("source_line").cast(pl.Int64) + line_offset).slice(1)
    if undecodable:
        frame = frame.filter(~pl.col("source_line").is_in(list(undecodable)))
    has_nul = pl.col("raw").str.contains(_PLACEHOLDER, literal=True)
    if frame.select(has_nul.any()).item():
        for line, raw in frame.filter(has_nul).iter_rows():
            out.reject(
                "row_nul_byte",
                line,
                raw.replace(_PLACEHOLDER, "\\0"),
                f"line {line} contains a NUL byte",
            )
        frame = frame.filter(~has_nul)
    frame = frame.with_columns(pl.col("raw").str.count_matches('"', literal=True).alias("_q"))

    records = _shape(_join_quoted(frame, out, header, sep), width, sep)
    if width == 0:
        return records.select("source_line", SPAN, "raw")
    # A record joined over several lines that is malformed most likely started at a stray quote,
    # and one that encloses a line already rejected (NUL, bad bytes) cannot be whole: read their
    # lines one by one instead, so the good lines among them still load.
    gap = pl.col("_present").fill_null(pl.col(SPAN)) != pl.col(SPAN)
    multi_line = records.height > 0 and int(records[SPAN].max()) > 1  # type: ignore[arg-type]
    broken = records.filter((~pl.col("_ok") | gap) & (pl.col(SPAN) > 1)) if multi_line else None
    if broken is not None and not broken.is_empty():
        spans = [
            pl.col("source_line").is_between(start, start + span - 1)
            for start, span in broken.select("source_line", SPAN).iter_rows()
        ]
        single = frame.filter(pl.any_horizontal(spans)).with_columns(
            pl.lit(1, dtype=pl.Int32).alias(SPAN)
        )
        records = pl.concat(
            [
                records.filter((pl.col("_ok") & ~gap) | (pl.col(SPAN) == 1)),
                _shape(single, width, sep),
            ],
            how="diagonal_relaxed",
        ).sort("source_line")
    if records["_ok"].all():
        return records.select("source_line", SPAN, "raw")
    for line, raw, quotes, bad_quote, fields in (
        records.filter(~pl.col("_ok"))
        .select("source_line", "raw", "_q", "_bad_quote", "_fields")
        .iter_rows()
    ):
        if bad_quote:
            column = _column_at(header, raw[: raw.index('"')], sep)
            what = (
                "a quote that is never closed"
                if quotes % 2
                else "a quote inside a field that is not quoted as a whole"
            )
            out.reject(
                "row_quoting",
                line,
                raw,
                f"line {line} has {what}; quote the whole field and double any quote inside it",
                column,
            )
        elif fields > width:
            out.reject(
                "row_ragged",
                line,
                raw,
                f"line {line} has {fields} fields, more than the header's {width}: "
                f"field {width + 1} has no column",
            )
        else:
            out.reject(
                "row_ragged",
                line,
                raw,
                f"line {line} has {fields} fields, fewer than the header's {width}: "
                f"{header[fields]!r} and the columns after it are absent",
                header[fields],
            )
    return records.filter(pl.col("_ok")).select("source_line", SPAN, "raw")


def _shape(records: pl.DataFrame, width: int, sep: str = ",") -> pl.DataFrame:
    """Drop blank records; count fields (quoted sections collapsed) and flag malformed quoting.

    `records` holds `_q`, the quotes in each record: only records with a quote are collapsed with
    the pattern (the others have no quoted section, and no NUL byte is left by then).
    """
    # Blank means spaces and tabs only: a line of other white space (a vertical tab, a form feed,
    # U+2028) is a record of its own, reported as malformed rather than dropped unseen.
    records = records.filter(pl.col("raw").str.contains(r"[^ \t]"))
    fields = records["raw"].str.count_matches(sep, literal=True) + 1
    bad_quote = pl.repeat(False, records.height, eager=True)
    quoted = (records["_q"] > 0).arg_true()
    if len(quoted):
        collapsed = (
            records["raw"].gather(quoted).str.replace_all(_quoted_field(sep), "${1}" + _PLACEHOLDER)
        )
        fields = fields.scatter(quoted, collapsed.str.count_matches(sep, literal=True) + 1)
        bad_quote = bad_quote.scatter(
            quoted,
            collapsed.str.contains('"', literal=True)
            | collapsed.str.contains(_PLACEHOLDER + f"[^{re.escape(sep)}]"),
        )
    return records.with_columns(
        fields.alias("_fields"), bad_quote.alias("_bad_quote")
    ).with_columns((~pl.col("_bad_quote") & (pl.col("_fields") == width)).alias("_ok"))


def _join_quoted(
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
    # Only the lines of records that span several are grouped; a line that is a record on its
    # own (it starts one, and so does the next) is kept as it is.
    alone = pl.col("_starts") & pl.col("_starts").shift(-1, fill_value=True)
    joined = joined.with_columns(alone.alias("_alone"))
    singles = joined.filter(pl.col("_alone")).select("source_line", *single_lines, "raw", "_q")
    multi = joined.filter(~pl.col("_alone"))
    grouped = (
        multi.with_columns(pl.col("_starts").cum_sum().alias("_record"))
        .group_by("_record", maintain_order=True)
        .agg(
            pl.col("source_line").first(),
            # Physical lines from first to last; fewer lines present means a removed line inside.
            (pl.col("source_line").last() - pl.col("source_line").first() + 1)
            .cast(pl.Int32)
            .alias(SPAN),
            pl.len().cast(pl.Int32).alias("_present"),
            pl.col("raw").str.join("\n"),
            pl.col("_q").sum().cast(joined.schema["_q"]),
        )
        .drop("_record")
    )
    return pl.concat([singles, grouped]).sort("source_line")


def _cells(
    records: pl.DataFrame, header: list[str], spec: TableSpec, source_file: str, sep: str = ","
) -> pl.DataFrame:
    """Split well-formed records into text cells: trimmed, empty -> null, contract columns only.

    Records without quotes are split in place (the common case, and the fast one); a file with
    quoted fields is handed whole to polars' CSV reader, which the checks above made safe.
    """
    if records.is_empty():
        return empty_rows(spec)
    names = [f"_c{i}" for i in range(len(header))]
    padded = True
    if not records["raw"].str.contains('"', literal=True).any():
        # Every record here has exactly len(header) fields (checked in _records).
        parts = pl.col("raw").str.split_exact(sep, len(names) - 1).struct.rename_fields(names)
        cells = records.select(parts.alias("_cells")).unnest("_cells")
        # Cells are trimmed only if some cell starts or ends with white space.
        s = re.escape(sep)
        padded = bool(records["raw"].str.contains(rf"(?:^|{s})\s|\s(?:{s}|$)").any())
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
            cell = pl.col(by_name[name])
            cell = cell.str.strip_chars() if padded else cell
            columns.append(pl.when(cell.str.len_bytes() > 0).then(cell).alias(name))
        else:
            columns.append(pl.lit(None, dtype=pl.String).alias(name))
    return cells.select(columns).with_columns(
        pl.lit(source_file).alias("source_file"),
        records["source_line"].alias("source_line"),
        records[SPAN].alias(SPAN),
        pl.int_range(pl.len(), dtype=pl.Int64).alias(ROW),
    )


@functools.cache
def _normalisation_hint(sep: str) -> str:
    """A pattern that raw records match when a cell may need _normalise (a cheap first test).

    It matches every cell _normalise changes, and then some: a cell that is a missing token or
    looks like a negative zero ('-', '-0', '-0.0'), a '%' anywhere, and any quote (a quoted cell
    can hold anything).
    """
    s = re.escape(sep)
    tokens = "|".join(re.escape(t) for t in sorted(MISSING_TOKENS, key=len, reverse=True))
    cell = rf"(?:^|{s})\s*(?:{tokens}|-[0.]*)\s*(?:{s}|$)"
    return rf'{cell}|%|"'


def _normalise(
    rows: pl.DataFrame, spec: TableSpec, out: _Collector, hinted: pl.Series | None = None
) -> pl.DataFrame:
    """Read common spellings of 'no value' as missing and drop '%' from percentages, with warnings.

    One warning per file, column and spelling (with how many cells and the first line), so a file
    full of 'NA' gives one finding per column, not one per cell. '-0' is read as 0. With `hinted`
    (which rows' records match _normalisation_hint), only those rows are looked at and changed:
    no other row holds a cell to change.
    """
    if rows.is_empty():
        return rows
    if hinted is None or hinted.all():
        fixes = _normalising(rows, spec, out)
        return rows.with_columns(fixes) if fixes else rows
    where = hinted.arg_true()
    some = rows.filter(hinted)
    fixed = some.select(_normalising(some, spec, out))
    return rows.with_columns(rows[c].clone().scatter(where, fixed[c]) for c in fixed.columns)


def _normalising(rows: pl.DataFrame, spec: TableSpec, out: _Collector) -> list[pl.Expr]:
    """The changes _normalise makes to the columns of `rows` that need any (tallied in `out`)."""
    percent_columns = {c for c in spec.column_names if (spec.name, c) in PERCENT_COLUMNS}

    def percent(col: pl.Expr) -> pl.Expr:
        return col.str.contains(r"^[^%]*[0-9.]\s*%$")

    def negative_zero(col: pl.Expr) -> pl.Expr:
        return col.str.contains(r"^-0*\.?0*$") & col.str.contains("0")

    # One pass finds the columns with anything to normalise; most files have none.
    hits = rows.select(
        pl.any_horizontal(
            pl.col(c).is_in(MISSING_TOKENS).any(),
            negative_zero(pl.col(c)).any(),
            *([percent(pl.col(c)).any()] if c in percent_columns else []),
        ).alias(c)
        for c in spec.column_names
    ).row(0, named=True)
    fixes = []
    for column in (c for c in spec.column_names if hits[c]):
        col = pl.col(column)
        missing = (
            rows.filter(col.is_in(MISSING_TOKENS))
            .group_by(column)
            .agg(pl.col("source_line").min().alias("first"), pl.len().alias("count"))
        )
        for token, first, count in missing.sort("first").iter_rows():
            out.normalised.append(Normalised(column, token, first, count, token))
        fixed = pl.when(col.is_in(MISSING_TOKENS)).then(None).otherwise(col)
        if column in percent_columns:
            marked = rows.filter(percent(col))
            if not marked.is_empty():
                first = int(marked["source_line"].min())  # type: ignore[arg-type]
                out.normalised.append(
                    Normalised(column, None, first, marked.height, marked[column][0])
                )
            fixed = pl.when(percent(col)).then(col.str.replace(r"\s*%$", "")).otherwise(fixed)
        fixes.append(
            pl.when(negative_zero(col))
            .then(col.str.strip_prefix("-"))
            .otherwise(fixed)
            .alias(column)
        )
    return fixes

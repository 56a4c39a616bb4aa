"""Where in an article's line a finding stands: the column of its figure, id or words.

Findings about an article name its line; for editors and CI annotations they also name the
column, found by looking for the finding's value in that line as the reader wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from carryover.claims.articles import _MEASURE, ARTICLE_SUFFIXES, NUMBER_WORDS
from carryover.ingest.extract import BOM

_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+|,\d{1,2}(?!\d))?(?![\d])")
"""A number as written, its decimals after a point or a comma ('8,6%'; '1,200' is no decimal)."""
_STATED_COLUMN = re.compile(r"column (\d+)")
"""A finding that names its own column ('column 1249': an unread number) is placed there, not
where its value (the words around the number) begins."""


class LineIndex:
    """One article line indexed once for finding many findings' columns in it.

    Its numbers and measures are read in one pass each, so each finding that names a figure or a
    measure is placed without reading the line again: a line of many findings costs about its
    length, not its length times the findings.
    """

    def __init__(self, line: str) -> None:
        self.line = line
        self.lowered = line.lower()
        self.numbers: dict[float, int] = {}
        for match in _NUMBER.finditer(line):
            self.numbers.setdefault(float(match.group(0).replace(",", ".")), match.start() + 1)
        self.measures: dict[str, int] = {}
        for match in _MEASURE.finditer(line):
            n = match.group("n").lower()
            reps = int(n) if n.isdigit() else NUMBER_WORDS[n]
            self.measures.setdefault(f"{reps}RM", match.start() + 1)
        self.found: dict[str, int] = {}

    def locate(self, value: str | None) -> int:
        """The 1-based column where a finding's value stands; else the line's first character.

        A finding's value is a claim's figure ('35.9', found as '35.9%' or as '10' for 10.0), an
        id ('front_squat', found as 'front squat'), a measure ('3RM', found as 'three-rep max'),
        or the words that could not be read (found as they are).
        """
        text = (value or "").strip()
        if text:
            try:
                number = abs(float(text))
            except ValueError:
                number = None
            if number is not None and number in self.numbers:
                return self.numbers[number]
            if text in self.measures:
                return self.measures[text]
            if text not in self.found:
                self.found[text] = next(
                    (
                        at + 1
                        for candidate in (text, text.replace("_", " "))
                        if (at := self.lowered.find(candidate.lower())) >= 0
                    ),
                    0,
                )
            if self.found[text]:
                return self.found[text]
        return len(self.line) - len(self.line.lstrip()) + 1


def locate(line: str, value: str | None) -> int:
    """The 1-based column in `line` where a finding's value stands (see LineIndex.locate)."""
    return LineIndex(line).locate(value)


def with_columns(
    rows: Sequence[dict[str, object]], lines_of: Callable[[str], list[str] | None]
) -> list[dict[str, object]]:
    """Findings rows with `col` added where they point into an article's line.

    `lines_of(source_file)` gives an article's lines (None for a file that is not an article).
    Each line is indexed once, however many findings point into it.
    """
    indexes: dict[tuple[str, int], LineIndex] = {}
    out = []
    for row in rows:
        line = row.get("source_line")
        lines = lines_of(str(row["source_file"])) if isinstance(line, int) else None
        col = None
        if lines is not None and isinstance(line, int) and 0 < line <= len(lines):
            key = (str(row["source_file"]), line)
            if key not in indexes:
                indexes[key] = LineIndex(lines[line - 1])
            stated = _STATED_COLUMN.fullmatch(str(row.get("column_name") or ""))
            value = row.get("value")
            col = (
                int(stated.group(1))
                if stated is not None
                else indexes[key].locate(None if value is None else str(value))
            )
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

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

"""Helpers shared by the tests: small raw directories built from text."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from carryover.extract import Extracted, parse_csv
from carryover.validate import Validation, validate
from schemas import SPECS

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid"
FAULTY = DATA / "faulty"


def valid_texts() -> dict[str, str]:
    """The small valid raw set, as file text by table name."""
    return {name: (VALID / f"{name}.csv").read_text(encoding="utf-8") for name in SPECS}


def extract_texts(texts: Mapping[str, str | bytes]) -> dict[str, Extracted]:
    """Parse raw files given as text (or bytes) by table name, without touching the disk."""
    out = {}
    for name, spec in SPECS.items():
        data = texts[name]
        raw = data.encode("utf-8") if isinstance(data, str) else data
        out[name] = parse_csv(raw, spec, spec.file_name)
    return out


def validate_texts(texts: Mapping[str, str | bytes]) -> Validation:
    """Extract and validate raw files given as text."""
    return validate(extract_texts(texts), this_year=2026)


def with_row(table: str, row: str) -> dict[str, str]:
    """The valid raw set with one more line appended to one table."""
    texts = valid_texts()
    texts[table] = texts[table] + row + "\n"
    return texts


def write_raw(directory: Path, texts: Mapping[str, str | bytes]) -> Path:
    """Write raw files into a directory and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in texts.items():
        path = directory / f"{name}.csv"
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return directory

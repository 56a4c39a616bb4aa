"""An article file's bytes as lines of text, with a finding for each line that is not clean text.

- A binary file (a known signature, or a large file mostly of control or undecodable bytes) is one
  `file_not_text` finding, not one encoding error per line.
- A line with bytes that are not UTF-8 is read with them replaced (`row_encoding`).
- A line holding a NUL byte is not read for claims at all (`row_nul_byte`): a NUL between '1'
  and '2%' must not leave '2%' read as a figure.
- Lines end at LF, CRLF or CR only; NEL or U+2028 stays inside a line.
"""

from __future__ import annotations

import re
from typing import Any

from carryover.ingest.extract import _MAGIC
from schemas.findings import finding

_LINE_END = re.compile(rb"\r\n|\r|\n")
_SNIFF = 8192
"""Bytes looked at to tell a binary file from text."""
_SMALL = 1024
"""Below this size a file is always read as text, line by line (its findings stay few)."""


def not_text(data: bytes) -> str | None:
    """What a file is when it is plainly not text, else None."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    if len(data) < _SMALL:
        return None
    head = data[:_SNIFF]
    control = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    replaced = head.decode("utf-8", errors="replace").count("\ufffd")
    if control > len(head) // 10 or replaced > len(head) // 10:
        return "a binary file"
    return None


def decode_lines(data: bytes, source_file: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The file's lines as text, and a finding for each line that is not clean UTF-8 text."""
    raw_lines = _LINE_END.split(data)
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    lines: list[str] = []
    problems: list[dict[str, Any]] = []
    for number, raw in enumerate(raw_lines, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = raw.decode("utf-8", errors="replace")
            problems.append(
                finding(
                    "row_encoding",
                    "claims",
                    source_file,
                    number,
                    f"line {number} has bytes that are not UTF-8 (position {exc.start + 1}); "
                    "it is read with them replaced",
                )
            )
        if "\x00" in text:
            problems.append(
                finding(
                    "row_nul_byte",
                    "claims",
                    source_file,
                    number,
                    f"line {number} contains a NUL byte (position {text.index(chr(0)) + 1}); "
                    "the line is not read for claims",
                    value=text.replace("\x00", "\\0"),
                )
            )
            text = ""
        lines.append(text)
    return lines, problems

"""A raw set whose outcomes file is hard to cut into chunks, and a whole-versus-chunked check."""

from __future__ import annotations

import os
from pathlib import Path

from polars.testing import assert_frame_equal

from carryover import steps
from carryover.ingest.chunks import ENV_CHUNK_BYTES
from carryover.validate.validation import Validation
from tests.support import large_texts, write_raw


def tricky_outcomes() -> bytes:
    """About 2,000 outcome rows with, spread through the file, each kind of line a cut must respect.

    Quoted sources holding line breaks (and commas and doubled quotes), keys repeated far apart,
    rows that are a repeat and also faulty, 'NA' and '%' cells (one warning per file), a NUL byte,
    bytes that are not UTF-8 (one of them inside a quoted multi-line record), a ragged row, a
    stray quote, a quote never closed near the end, blank lines and CRLF line ends.
    """
    header, *rows = large_texts(2000)["outcomes"].splitlines()
    out: list[bytes] = [header.encode()]
    for i, row in enumerate(rows):
        line = row
        if i % 37 == 5:
            line = row.replace(",Table 2", ',"Table 2,\nfootnote ""a""\nand b"')
        elif i % 53 == 7:
            line = row.replace(",110.0,11.0,", ",NA,11.0,")
        elif i % 61 == 3:
            line = row.replace(",10.0,Table 2", ",10.0%,Table 2")
        elif i % 97 == 11:
            line = rows[i // 3]  # a key repeated, often from an earlier chunk
        elif i % 101 == 13:
            line = rows[i // 2].replace(",11.0,", ",-1.0,")  # a repeat that is also faulty
        elif i % 211 == 17:
            line = row.replace("Table 2", "Ta\x00ble 2")
        elif i % 223 == 19:
            out.append(line.replace("Table 2", "Tabl\xe9 2").encode("latin-1"))
            continue
        elif i % 227 == 23:
            line = row.replace(",Table 2", ',"Table 2\nfoot\xe9"')
            out.append(line.encode("latin-1"))
            continue
        elif i % 229 == 29:
            line = row + ",extra"
        elif i % 233 == 31:
            line = row.replace("Table 2", 'Table "2')
        elif i % 239 == 37:
            out.append(b"")
        out.append(line.encode("utf-8"))
    body = b"\n".join(out[: len(out) - 40])
    tail = b"\r\n".join(out[len(out) - 40 :])
    stray = rows[-1].replace(",Table 2", ',"Table 2 never closed').encode()
    return body + b"\n" + tail + b"\r\n" + stray + b"\n" + out[-1] + b"\n"


def tricky_raw(directory: Path) -> Path:
    """The raw set of large_texts(2000) with tricky_outcomes() as outcomes.csv."""
    texts: dict[str, str | bytes] = dict(large_texts(2000))
    texts["outcomes"] = tricky_outcomes()
    return write_raw(directory, texts)


def check_with(raw: Path, chunk: int) -> Validation:
    """`carryover check`'s validation of `raw` with the given chunk size (0: read whole)."""
    before = os.environ.get(ENV_CHUNK_BYTES)
    os.environ[ENV_CHUNK_BYTES] = str(chunk)
    try:
        return steps.check(raw).validation
    finally:
        if before is None:
            del os.environ[ENV_CHUNK_BYTES]
        else:
            os.environ[ENV_CHUNK_BYTES] = before


def assert_same(whole: Validation, chunked: Validation) -> None:
    """Row for row and finding for finding: clean tables, quarantine, findings, file counts."""
    assert whole.clean.keys() == chunked.clean.keys()
    for name in whole.clean:
        assert_frame_equal(whole.clean[name], chunked.clean[name])
    for name in whole.derived:
        assert_frame_equal(whole.derived[name], chunked.derived[name])
    assert_frame_equal(whole.quarantine, chunked.quarantine)
    assert_frame_equal(whole.findings, chunked.findings)
    assert whole.files == chunked.files

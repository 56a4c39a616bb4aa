"""The extractor's fast paths give what the line-by-line reference paths give, on any bytes.

parse_csv decodes a file once (only lines with bytes that are not UTF-8 are looked at one by
one), counts fields with a pattern only on lines that hold a quote, groups only the lines of
records that span several, trims cells only when one is padded, and normalises only the rows
whose record the hint picks; tests/reference_parse.py holds the plain versions. On random
files of cells, separators, quotes, line breaks of every kind, NUL bytes and invalid UTF-8, both
give the same lines, rows, quarantine, findings and row counts.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal, assert_series_equal

from carryover.ingest import extract
from carryover.ingest.extract import Extracted, parse_csv
from schemas import SPECS
from tests import reference_parse

pytestmark = pytest.mark.slow  # many generated examples each

_PIECES = st.sampled_from(
    [
        b"12.5",
        b"a b",
        b"NA",
        b"10%",
        b"-0",
        b" ",
        b"",
        b",",
        b",",
        b'"',
        b'""',
        b'"x,y"',
        b"\n",
        b"\r\n",
        b"\r",
        b"\x00",
        b"\xe9",
        b"\xe2\x82",
        b"\xc3\xa9",
        b"\xff\xfe",
        b"\xc2\x85",
        b"\xe2\x80\xa8",
    ]
)

_CELLS = st.sampled_from(
    [
        *(b"12.5", b" 3", b"4 ", b"\t5", b"a b", b"", b" ", b"NA", b" n/a ", b"10%", b"-0"),
        *(b"\xe9", b'" q "', b'"x,\ny"', b"\xc2\xa06"),
    ]
)


def _file(header: bytes, lines: list[list[bytes]], end: bytes) -> bytes:
    return header + end + end.join(b"".join(line) for line in lines) + end


@st.composite
def _raw_files(draw: st.DrawFn) -> tuple[str, bytes, int]:
    table = draw(st.sampled_from(["exercises", "groups", "claims"]))
    names = [n.encode() for n in SPECS[table].column_names]
    header = b",".join(names[: draw(st.integers(min_value=2, max_value=len(names)))])
    if draw(st.booleans()):
        header += draw(st.sampled_from([b"\xe9", b",", b'"']))
    width = header.count(b",")
    line = st.lists(_PIECES, min_size=0, max_size=3 * width + 4)
    cells = st.lists(_CELLS, min_size=width + 1, max_size=width + 1)
    whole = cells.map(lambda row: [b",".join(row)])  # the header's number of fields
    lines = draw(st.lists(st.one_of(line, whole), min_size=0, max_size=25))
    end = draw(st.sampled_from([b"\n", b"\r\n", b"\r"]))
    offset = draw(st.sampled_from([0, 0, 1, 999]))
    return table, _file(header, lines, end), offset


def _reference(data: bytes, table: str, offset: int) -> Extracted:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "_split_lines", reference_parse.split_lines)
        patch.setattr(extract, "_shape", reference_parse.shape)
        patch.setattr(extract, "_join_quoted", reference_parse.join_quoted)
        patch.setattr(extract, "_normalise", reference_parse.normalise)
        patch.setattr(extract, "_cells", reference_parse.cells)
        return parse_csv(data, SPECS[table], "t.csv", line_offset=offset)


def _assert_same(fast: Extracted, slow: Extracted) -> None:
    assert_series_equal(fast.lines, slow.lines)
    assert_frame_equal(fast.rows, slow.rows)
    assert_frame_equal(fast.rejected, slow.rejected)
    assert_frame_equal(fast.findings, slow.findings)
    assert (fast.data_rows, fast.normalised) == (slow.data_rows, slow.normalised)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_raw_files())
def test_the_fast_paths_read_any_file_as_the_reference_paths_do(
    case: tuple[str, bytes, int],
) -> None:
    """Same lines, rows, quarantine and findings, bad bytes and stray quotes included."""
    table, data, offset = case
    _assert_same(
        parse_csv(data, SPECS[table], "t.csv", line_offset=offset),
        _reference(data, table, offset),
    )


@pytest.mark.parametrize(
    "data",
    [
        b'exercise_id,name\nbp,Bench\xe9\nsq,"Squ\xe2\x82\nat"\r\ndl,Dead\xfflift\xfe\nx,y\n',
        b"exercise_id,na\xe9me\nbp,Bench\n",
        b'exercise_id,name\r\nbp,"a\r\nb"\r\nsq,"never closed\r\ndl,ok\r\n',
        b'exercise_id,name\nbp,"a\nsq,b"c\ndl,"d\n""e"""\n',
        b"exercise_id,name\nbp,\xe9\rsq,x\r\xe9,y\r",
    ],
)
def test_bad_bytes_and_quotes_read_as_the_reference_does(data: bytes) -> None:
    """Known hard cases: invalid bytes in a quoted record, the header, after CR line ends."""
    for offset in (0, 41):
        _assert_same(
            parse_csv(data, SPECS["exercises"], "t.csv", line_offset=offset),
            _reference(data, "exercises", offset),
        )


def test_a_file_with_one_bad_byte_is_decoded_once_and_reports_its_line() -> None:
    """The bad line is quarantined with its line, column, byte and position; the rest load."""
    data = b"exercise_id,name\nbp,Bench\nsq,Squ\xe9at\ndl,Deadlift\n"
    ex = parse_csv(data, SPECS["exercises"], "t.csv", line_offset=10)
    assert ex.rows["exercise_id"].to_list() == ["bp", "dl"]
    assert ex.rows["source_line"].to_list() == [12, 14]
    row = ex.findings.row(0, named=True)
    assert (row["rule"], row["source_line"], row["column_name"]) == ("row_encoding", 13, "name")
    assert "byte 0xe9 at position 7" in row["message"]
    assert ex.rejected["raw"].to_list() == ["sq,Squ\ufffdat"]

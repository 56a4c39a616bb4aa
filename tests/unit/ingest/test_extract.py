"""Extract reads every row or quarantines it with a finding at its line: never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from carryover.ingest.extract import Extracted, extract_file, parse_csv
from schemas import SPECS

GROUPS = SPECS["groups"]
HEADER = "study_id,group_id,label,trained_exercise,n"


def parse(text: str | bytes) -> Extracted:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_csv(data, GROUPS, "groups.csv")


def rules_at(ex: Extracted) -> list[tuple[str, int | None, str | None]]:
    return ex.findings.select("rule", "source_line", "column_name").rows()


def test_a_clean_file_loads_every_row_with_its_line() -> None:
    """A clean file loads every row with its physical line."""
    ex = parse(f"{HEADER}\ns,a,A,back_squat,1\ns,b,B,,2\n")
    assert ex.rows["source_line"].to_list() == [2, 3]
    assert ex.data_rows == 2
    assert ex.rejected.is_empty()
    assert ex.findings.is_empty()


def test_bom_crlf_and_blank_lines_are_accepted() -> None:
    """A UTF-8 BOM, CRLF line ends and blank lines do not change what loads or its lines."""
    ex = parse(b"\xef\xbb\xbf" + f"{HEADER}\r\ns,a,A,back_squat,1\r\n\r\ns,b,B,,2\r\n".encode())
    assert ex.rows.select("group_id", "source_line").rows() == [("a", 2), ("b", 4)]
    assert ex.findings.is_empty()


def test_cells_are_trimmed_and_empty_cells_are_null() -> None:
    """Surrounding spaces go; an empty cell means missing."""
    ex = parse(f"{HEADER}\n s , a ,  A label ,, 3 \n")
    row = ex.rows.row(0, named=True)
    assert (row["study_id"], row["label"], row["trained_exercise"], row["n"]) == (
        "s",
        "A label",
        None,
        "3",
    )


def test_a_quoted_field_may_span_lines_and_later_lines_stay_right() -> None:
    """A record starts on its first physical line; the rows after it keep their own lines."""
    ex = parse(f'{HEADER}\ns,a,"two\nlines, and ""quotes""",back_squat,1\ns,b,B,,2\n')
    assert ex.rows.select("label", "source_line").rows() == [
        ('two\nlines, and "quotes"', 2),
        ("B", 4),
    ]


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("s,a,A,back_squat,1,extra", None, "more than the header's 5"),
        ("s,a,A", "trained_exercise", "fewer than the header's 5"),
    ],
)
def test_ragged_rows_are_quarantined_at_their_line(
    row: str, column: str | None, words: str
) -> None:
    """Too many or too few fields: an error at the line, the raw text kept, the rest loaded."""
    ex = parse(f"{HEADER}\ns,x,X,,1\n{row}\ns,y,Y,,1\n")
    assert rules_at(ex) == [("row_ragged", 3, column)]
    assert words in ex.findings["message"][0]
    assert ex.rejected.select("source_line", "raw").rows() == [(3, row)]
    assert ex.rows["source_line"].to_list() == [2, 4]


def test_an_unterminated_quote_at_the_end_loses_only_its_line() -> None:
    """A quote never closed rejects the line it opens on, nothing before it."""
    ex = parse(f'{HEADER}\ns,a,A,,1\ns,b,"B,,1\n')
    assert rules_at(ex) == [("row_quoting", 3, "label")]
    assert ex.rows["source_line"].to_list() == [2]


def test_a_stray_quote_mid_file_does_not_swallow_the_rows_after_it() -> None:
    """Reading resumes after a malformed quote, so good rows after it still load."""
    ex = parse(f'{HEADER}\ns,a,"A,,1\ns,b,B,,2\ns,c,C"x,,3\ns,d,D,,4\n')
    assert [r[0] for r in rules_at(ex)] == ["row_quoting", "row_quoting"]
    assert ex.rows["group_id"].to_list() == ["b", "d"]
    assert ex.data_rows == 4


def test_a_quote_inside_an_unquoted_field_is_malformed() -> None:
    """'"A"x' is neither a quoted field nor plain text: an error at its line and column."""
    ex = parse(f'{HEADER}\ns,a,"A"x,,1\ns,b,B,,2\n')
    assert rules_at(ex) == [("row_quoting", 2, "label")]
    assert ex.rows["group_id"].to_list() == ["b"]


def test_bytes_that_are_not_utf8_name_line_and_column() -> None:
    """An undecodable byte is reported with its line and the column it falls in."""
    ex = parse(f"{HEADER}\ns,a,A,,1\n".encode() + "s,b,Caf\xe9,,2\n".encode("latin-1"))
    assert rules_at(ex) == [("row_encoding", 3, "label")]
    assert ex.rejected["raw"][0] == "s,b,Caf\ufffd,,2"
    assert ex.rows["group_id"].to_list() == ["a"]


def test_a_nul_byte_rejects_its_line() -> None:
    """NUL bytes are not text: the line is quarantined, shown with the NUL escaped."""
    ex = parse(f"{HEADER}\ns,a,A\x00,,1\ns,b,B,,2\n")
    assert rules_at(ex) == [("row_nul_byte", 2, None)]
    assert ex.rejected["raw"][0] == "s,a,A\\0,,1"


def test_a_missing_required_column_quarantines_every_row() -> None:
    """Without a required column no row can be loaded, and none is lost."""
    ex = parse("study_id,group_id,trained_exercise,n\ns,a,,1\ns,b,,2\n")
    assert rules_at(ex) == [("column_missing", 1, "label")]
    assert ex.rows.is_empty()
    assert ex.rejected["source_line"].to_list() == [2, 3]
    assert ex.rejected["reasons"][0].startswith("not loaded: required column 'label'")


def test_a_repeated_column_quarantines_every_row() -> None:
    """Two columns with one name are ambiguous: an error, every row quarantined."""
    ex = parse(f"{HEADER},n\ns,a,A,,1,2\n")
    assert rules_at(ex) == [("column_duplicate", 1, "n")]
    assert ex.rows.is_empty()
    assert ex.data_rows == 1


def test_an_unknown_column_is_a_warning_and_ignored() -> None:
    """Extra columns warn; the contract's columns still load."""
    ex = parse(f"{HEADER},notes\ns,a,A,,1,hello\n")
    assert rules_at(ex) == [("column_unknown", 1, "notes")]
    assert ex.findings["severity"].to_list() == ["warning"]
    assert "notes" not in ex.rows.columns
    assert ex.rows.height == 1


def test_an_optional_column_may_be_absent() -> None:
    """A file without an optional column loads; the column reads as empty."""
    ex = parse("study_id,group_id,label,n\ns,a,A,1\n")
    assert ex.findings.is_empty()
    assert ex.rows["trained_exercise"].to_list() == [None]


def test_an_empty_file_is_an_error_and_a_header_only_file_is_empty() -> None:
    """No header is an error at line 1; a header with no rows is simply empty."""
    assert rules_at(parse("")) == [("file_empty", 1, None)]
    header_only = parse(HEADER + "\n")
    assert header_only.findings.is_empty()
    assert header_only.data_rows == 0


def test_missing_and_unreadable_files_are_findings(tmp_path: Path) -> None:
    """Absent required file: an error; absent optional file: nothing; a folder: unreadable."""
    missing = extract_file(tmp_path, GROUPS)
    assert rules_at(missing) == [("file_missing", None, None)]
    assert extract_file(tmp_path, GROUPS, optional=True).findings.is_empty()
    (tmp_path / "groups.csv").mkdir()
    assert rules_at(extract_file(tmp_path, GROUPS))[0][0] == "file_unreadable"


def test_raw_text_recovers_multi_line_records() -> None:
    """The quarantine shows a record exactly as it stood in the file, over all its lines."""
    ex = parse(f'{HEADER}\ns,a,"x\ny",,1\n')
    row = ex.rows
    assert ex.raw_text(row["source_line"], row["_span"]) == ['s,a,"x\ny",,1']


def test_a_quote_left_open_across_a_rejected_line_loses_no_row() -> None:
    """Stray quotes on both sides of a NUL line: every line is loaded or quarantined."""
    ex = parse(
        f'{HEADER}\ns,a,A,,1\ns,b,"B,,1\ns,c,C,,1\ns,d,D\x00,,1\ns,e,E,,1\ns,f,"F,,1\ns,g,G,,1\n'
    )
    assert ex.rows["source_line"].to_list() == [2, 4, 6, 8]
    assert ex.rejected["source_line"].to_list() == [3, 5, 7]
    assert ex.data_rows == 7


def test_semicolon_files_reread_broken_records_with_their_separator() -> None:
    """A stray quote in a ';' file is recovered line by line with ';', not ','."""
    text = HEADER.replace(",", ";") + '\ns;a;"A;;1\ns;b;B;;2\ns;c;C"x;;3\ns;d;D;;4\n'
    ex = parse(text)
    assert ex.rows["group_id"].to_list() == ["b", "d"]
    assert ex.rejected["source_line"].to_list() == [2, 4]

"""Where a finding stands in its article line: the column of its figure, id, measure or words."""

from __future__ import annotations

import pytest

from carryover.claims import locate as locate_module
from carryover.claims.locate import locate, with_columns

LINE = "  The squat group gained 35.9% on the three-rep max, more than the front squat group."


@pytest.mark.parametrize(
    ("value", "column"),
    [
        ("35.9", LINE.index("35.9") + 1),  # a figure
        ("-35.9", LINE.index("35.9") + 1),  # its sign is the words'
        ("3RM", LINE.index("three-rep") + 1),  # a measure written in words
        ("front_squat", LINE.index("front squat") + 1),  # an id, as words
        ("more than", LINE.index("more than") + 1),  # words as the reader quoted them
        ("12.5", 3),  # not in the line: its first character
        (None, 3),
    ],
)
def test_a_value_is_found_where_the_line_states_it(value: str | None, column: int) -> None:
    assert locate(LINE, value) == column


def test_a_figure_written_with_a_decimal_comma_is_found_where_it_stands() -> None:
    """'8,6%' is the 8.6 a claim judged; before, its finding pointed at the line's start.

    A thousands comma ('2,400 people') is no decimal: 2.4 is not found in it.
    """
    line = "(elbow flexor: 5.3 vs 8,6%, elbow extensors: 6,0 vs 5,2%), 2,400 people"
    assert locate(line, "8.6") == line.index("8,6") + 1
    assert locate(line, "6.0") == line.index("6,0") + 1
    assert locate(line, "2.4") == 1


def test_the_first_of_equal_figures_is_taken() -> None:
    assert locate("10 weeks, then 10.0% more", "10") == 1


def test_each_line_is_indexed_once_however_many_findings_point_into_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[str] = []
    real = locate_module.LineIndex.__init__

    def counting(self: locate_module.LineIndex, line: str) -> None:
        built.append(line)
        real(self, line)

    monkeypatch.setattr(locate_module.LineIndex, "__init__", counting)
    lines = {"articles/a.md": ["# Title", " ".join(f"{i}%" for i in range(500))]}
    rows = [
        {"source_file": "articles/a.md", "source_line": 2, "value": str(i)} for i in range(500)
    ] + [{"source_file": "raw/outcomes.csv", "source_line": 2, "value": "1"}]
    out = with_columns(rows, lines.get)
    assert len(built) == 1
    assert [r["col"] for r in out[:3]] == [1, 4, 7]
    assert out[-1]["col"] is None  # not an article: no column


def test_a_finding_that_states_its_column_is_placed_there() -> None:
    # an unread number's value is the words around it, which begin before the number
    line = "The relative increase did not differ between FST (24.2 ± 7.1%) and HST (32.0%)."
    row = {"source_file": "articles/a.md", "source_line": 1, "value": "differ between FST (24.2"}
    stated = {**row, "column_name": f"column {line.index('24.2') + 1}"}
    out = with_columns([row, stated], {"articles/a.md": [line]}.get)
    assert [r["col"] for r in out] == [line.index("differ") + 1, line.index("24.2") + 1]

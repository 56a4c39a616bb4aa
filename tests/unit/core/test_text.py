"""carryover/core/text.py: a figure as an editor writes it."""

import polars as pl

from carryover.core.text import number_expr, number_text


def test_whole_figures_lose_their_decimal_point() -> None:
    """12.0 reads 12, 13.3 reads 13.3, None reads empty, in Python and in polars."""
    assert [number_text(v) for v in (12.0, 13.3, 7, None)] == ["12", "13.3", "7", ""]
    frame = pl.DataFrame({"v": [12.0, 13.3]})
    assert frame.select(number_expr(pl.col("v")))["v"].to_list() == ["12", "13.3"]

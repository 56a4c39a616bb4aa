"""Markdown prose blocks with their source lines (markdown-it-py's line maps)."""

from __future__ import annotations

from carryover.claims.text import Block, blocks


def test_blocks_keep_their_source_lines() -> None:
    """A wrapped paragraph is one block; headings, list items and table rows their own.

    An HTML note and code hold no prose.
    """
    lines = [
        "<!-- source: https://example.com -->",
        "# Title 1",
        "",
        "A paragraph hard-wrapped",
        "over two lines.",
        "",
        "- item one",
        "  still item one",
        "- item two",
        "",
        "| group | gain |",
        "|---|---|",
        "| HT | 24.8% |",
        "",
        "```",
        "code 12",
        "```",
    ]
    assert blocks(lines) == [
        Block("heading", 2, 2),
        Block("paragraph", 4, 5),
        Block("paragraph", 7, 8),
        Block("paragraph", 9, 9),
        Block("table_row", 11, 11),
        Block("table_row", 13, 13),
    ]


def test_a_carriage_return_inside_a_line_does_not_shift_the_line_maps() -> None:
    """A lone CR is no line break of the article: the block stays on its own line."""
    found = blocks(["\r0", "next"])
    assert all(1 <= b.first <= b.last <= 2 for b in found)

"""Markdown prose blocks with their source lines (markdown-it-py's line maps)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from carryover.claims import text
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


CORPUS = Path(__file__).resolve().parents[2] / "data" / "articles"
_PIECES = [
    "# ",
    "## ",
    "- ",
    "* ",
    "1. ",
    "> ",
    "    ",
    "| a | b |",
    "|---|---|",
    "```",
    "~~~",
    "***",
    "---",
    "===",
    "<!-- note -->",
    "<div>",
    "</div>",
    "[x]: /url",
    "[link](http://a.b)",
    "`code`",
    "**bold**",
    "_em_",
    "\\",
    "![img](i.png)",
    "<b>",
    "12.5%",
    "text",
    "word ",
    "|",
    "\t",
    " ",
    "[",
    "]",
    "(",
    ")",
    "*",
    "_",
    "<",
    ">",
    "&amp;",
    "\r",
]


def _full(lines: list[str]) -> list[Block]:
    return text._blocks(lines, text._parser(inline=True))


def test_blocks_without_the_inline_parse_on_every_corpus_article() -> None:
    """Every dev and held-out article: the same blocks as the full parser gives."""
    sets = ("real", "holdout", "holdout2", "holdout3", "drafts")
    paths = sorted(p for name in sets for p in (CORPUS / name).glob("*.md"))
    assert len(paths) > 90
    for path in paths:
        lines = path.read_text("utf-8").splitlines()
        assert blocks(lines) == _full(lines), path.name


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), max_size=14))
def test_blocks_without_the_inline_parse_on_random_markdown(lines: list[str]) -> None:
    """Random lines of Markdown syntax (blocks, inline marks, HTML, references, tables)."""
    assert blocks(lines) == _full(lines)

"""Markdown blocks with their source lines, read by markdown-it-py (CommonMark, with tables).

Each block of prose an editor reads as one passage (a paragraph, however hard-wrapped; a heading;
a list item's paragraph; a table cell row; a block quote's paragraph) is returned with the lines
it spans, using the parser's source line maps. HTML blocks (such as a `<!-- source -->` note) and
code are not prose and are left out.

Pure: lines in, blocks out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Block:
    """A block of prose: its kind and the 1-based lines it spans (first, last)."""

    kind: str  # paragraph, heading, table_row
    first: int
    last: int


@cache
def _parser(inline: bool = False) -> MarkdownIt:
    """CommonMark with tables; without `inline`, the text inside blocks is not parsed.

    Blocks need only the block tokens and their line maps, which the block parser makes alone:
    emphasis, links and code spans inside a paragraph (the inline parse, about a third of the
    parser's time) change no block. tests/unit/claims/test_text.py compares the two parsers' blocks.
    """
    parser = MarkdownIt("commonmark").enable("table")
    return parser if inline else parser.disable("inline")


def blocks(lines: list[str]) -> list[Block]:
    """The prose blocks of a Markdown text, in order, with their source lines."""
    return _blocks(lines, _parser())


def _blocks(lines: list[str], parser: MarkdownIt) -> list[Block]:
    # markdown-it breaks lines at a lone CR too: inside a line it is a space, so that the blocks'
    # line maps count the article's own lines.
    tokens = parser.parse("\n".join(line.replace("\r", " ") for line in lines))
    out: list[Block] = []
    kind = "paragraph"
    for token in tokens:
        if token.type == "heading_open":
            kind = "heading"
        elif token.type == "paragraph_open":
            kind = "paragraph"
        elif token.type == "tr_open":
            kind = "table_row"
            if token.map:
                out.append(Block(kind, token.map[0] + 1, token.map[1]))
        elif token.type == "inline" and token.map and kind != "table_row":
            out.append(Block(kind, token.map[0] + 1, token.map[1]))
        elif token.type in ("thead_close", "tbody_close", "table_close"):
            kind = "paragraph"
    return out

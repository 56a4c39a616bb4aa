r"""Text from data made safe to print: control characters are shown, never obeyed by the terminal.

A cell, file name or message holding `ESC [2J` clears the screen when printed raw, and bidi
overrides reorder what follows: either can hide findings. Every control character (C0, DEL, C1)
and every invisible direction mark is shown as a backslash escape instead: ESC as `\x1b`, a line
break inside a cell as `\n`, U+202E as `\u202e`.
"""

from __future__ import annotations

import json
import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """The text with every control or direction character shown as an escape."""
    return _CONTROL.sub(_escape, text)


def visible_lines(text: str) -> str:
    """Like visible, but line breaks between lines (output made of lines) are kept."""
    return "\n".join(visible(line) for line in text.split("\n"))


def json_safe(text: str) -> str:
    r"""JSON text with DEL, C1 and direction characters written as \u escapes (same data)."""
    return _JSON_UNSAFE.sub(lambda m: json.dumps(m.group(0))[1:-1], text)

"""Text helpers shared by every package: how a figure is written."""

from __future__ import annotations


def number_text(value: float | int | None) -> str:
    """A figure as an editor writes it: 12 rather than 12.0; None as empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)

"""The one muscle an article's title names ('how well does each build the quadriceps?').

An article about one muscle often names it in its title only ("BackSquat or FrontSquat: how
well does each build the quadriceps?"), and then speaks of "muscle volume" or "muscle
thickness" with no muscle named: "The two exercises gave similar increases in muscle volume,
with a small lead for the frontsquat (5.1% against 4.4%)". The title's muscle is the one such a
figure is about. The title is the article's first Markdown heading, among its first lines; a
title that names no muscle, or several, names none.

Pure: lines in, a muscle's catalogue name out (layouts.muscle_mentions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carryover.claims import layouts

FIRST_LINES = 5
"""How many of the article's first lines with words are looked at for its title."""
_HEADING = re.compile(r"^\s{0,3}#{1,2}\s+(?P<title>\S.*)$")


def title_muscle(lines: Sequence[str], muscles: frozenset[str]) -> str | None:
    """The one muscle the article's title (its first heading) names, if any."""
    seen = 0
    for line in lines:
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        seen += 1
        if seen > FIRST_LINES:
            return None
        heading = _HEADING.match(line)
        if heading is None:
            continue
        title = heading.group("title")
        named = layouts.muscles_in(title, 0, len(title), muscles)
        return next(iter(named)) if len(named) == 1 else None
    return None

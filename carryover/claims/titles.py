"""A paper named by its whole title and year, read as that study when the name looks like an author.

Writers name a paper by its title followed by the year ("In Resistance Training Volume Enhances
Muscle Hypertrophy but Not Strength in Trained Men (2019), researchers have just found ..."). The
last word before the year then looks like an author ("Men (2019)") that no study in the data
has, and the mention would be a study the data does not hold. When the words just before such a
mention hold every content word of one study's title, and its year agrees, the mention is that
study, decided by its title.

Pure: the content words before a mention, its year and the studies' titles in, a study or None
out. The words looked at are a bounded window before the mention, so a line of any length is read
in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Set

TITLE_WINDOW = 400
"""Characters before an author-like mention looked at for a whole title."""
MIN_TITLE_WORDS = 4
"""A title of fewer content words ('Squat depth') is too short to name a paper by itself."""

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def titled_study(
    words_before: Set[str],
    mention_words: str,
    titles: Mapping[str, Set[str]],
    years: Mapping[str, int],
) -> str | None:
    """The one study whose whole title stands before the mention, in the mention's year."""
    year = _YEAR.search(mention_words)
    if year is None:
        return None
    fits = [
        study_id
        for study_id, title in titles.items()
        if len(title) >= MIN_TITLE_WORDS
        and title <= words_before
        and abs(years.get(study_id, 0) - int(year.group(1))) <= 1
    ]
    return fits[0] if len(fits) == 1 else None


TITLE_SHARE_OF_PASSAGE = 0.5
"""The least share of a passage's content words a title must make up for the passage to be that
title written out (a heading, a byline's title line), not a paragraph that happens to use its
words."""


def written_title(
    passages: Iterable[Set[str]], titles: Mapping[str, Set[str]], study_id: str
) -> bool:
    """Whether a passage is the study's whole title written out (see TITLE_SHARE_OF_PASSAGE).

    `passages` are each passage's content words. An article that writes a study's whole title
    as a heading or a line of its own names that study as surely as its authors would: what the
    article then says against the study's facts (another sample, another frequency) is a claim
    about it to check, not a sign of another study.
    """
    title = titles.get(study_id, set())
    if len(title) < MIN_TITLE_WORDS:
        return False
    return any(
        title <= words and len(title) >= TITLE_SHARE_OF_PASSAGE * len(words) for words in passages
    )

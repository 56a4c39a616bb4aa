"""A sentence that brings in another study by its year ("A 2014 study compared ...").

An article about one study often goes on to others it does not name by author: "A 2014 study
compared squats at 50° and at 90° of knee flexion", "a study from 2019 took a more controlled
approach". When the year is not the current study's, the sentence is about another study, and its
figures must not be read as the current study's. The sentence is told by an article (a, an,
another) and a year right before a study word, or a study word followed by "from" or
"(published) in" and a year; a year that is the current study's keeps the current study.

Pure: a sentence and a year in, True or False out; the patterns are bounded, so a sentence of any
length is read in linear time.
"""

from __future__ import annotations

import re

_STUDY = r"(?:study|studies|paper|trial|experiment|investigation)"
_BY_YEAR = re.compile(
    rf"\b(?:an?|another|one)\s+(?:(?:new|recent|later|earlier|further)\s+)?((?:19|20)\d\d)\s+"
    rf"{_STUDY}\b|\b(?:an?|another)\s+(?:[\w-]+\s+)?{_STUDY}\s+(?:from|published\s+in|of|"
    r"in)\s+((?:19|20)\d\d)\b",
    re.I,
)


def introduces_other_year(sentence: str, year: int) -> bool:
    """Whether the sentence brings in a study by a year other than `year`, and none of `year`."""
    found = [int(m.group(1) or m.group(2)) for m in _BY_YEAR.finditer(sentence)]
    return bool(found) and year not in found

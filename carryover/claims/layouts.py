"""Figures laid out per group: a labelled list item, or a table with the groups as its columns.

Writers often set a study's results out as a list or a table rather than in sentences:

- a list item whose label names the test, each figure followed by the group it belongs to:
  "Gluteus maximus: up 9.4% with the back squat, up 3.7% with the hip thrust",
  "Back squat 1RM: +35.9% for the squat group, +4.3% for the hip thrust group";
- a Markdown table whose header names the groups and whose rows name the tests:
  "| | Bench press | Push-ups |" then "| Pectoralis major | + 19.4% | + 18.3% |".

A muscle named alone as a label ("Quadriceps", "Pectoralis major", "Triceps") stands for that
muscle's size test, measured the way the article last said the study measured muscle size (its
thickness, or its cross-sectional area); with no such word, or with both, it names no test.

Pure: text in, offsets and words out. The reader (carryover.claims.articles) resolves the label
to a test and the owners to groups, and makes the claims.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

_LABEL = re.compile(r"\s*(?P<label>[A-Za-z][^:;.!?%\d]{0,40}?(?:\b\d{1,2}\s?-?RM)?)\s*:\s+")
"""A short label and a colon opening an item ('Gluteus maximus: ', 'Back squat 1RM: ')."""

_OWNED = re.compile(
    r"(?:\b(?P<word>up|down|rose|fell|increased|decreased|grew|dropped)\s+(?:by\s+)?"
    r"|(?P<sign>[+\u2212-])\s?)"
    r"(?P<figure>\d{1,3}(?:[.,]\d{1,2})?\s?%)"
    r"\s+(?:with|for|in)\s+(?:the\s+)?(?P<owner>[A-Za-z][A-Za-z\- ]{0,40}?)(?:\s+groups?)?"
    r"\s*(?=[,;.)]|\band\b|$)",
    re.IGNORECASE,
)
"""A signed figure and the group after it ('up 9.4% with the back squat', '+4.3% for the HT
group')."""

_ANY_PERCENT = re.compile(r"\d\s?%")

_CELL_FIGURE = re.compile(r"^(?P<sign>[+\u2212-])\s?(?P<figure>\d{1,3}(?:[.,]\d{1,2})?\s?%)$")
"""A table cell holding one signed percent ('+ 19.4%', '-3%'): a change, as the sign says."""

_FALL_WORDS = frozenset({"down", "fell", "decreased", "dropped"})

_SIZE_WORDS = re.compile(
    r"\b(?:(?P<mm>thickness|MT)|(?P<cm2>cross[- ]sectional areas?|m?CSAs?)"
    r"|(?P<cm3>muscles?\s+volumes?|volumes?\s+of\s+(?:the\s+|their\s+)?(?:[a-z\-]+\s+)?muscles?))\b",
    re.IGNORECASE,
)
"""Words that say how muscle size was measured: its thickness (mm), its cross-sectional area, or
its volume ('muscle volume', 'the volume of the thigh muscles'; a training volume is none)."""

MUSCLE_NAMES: dict[str, str] = {
    "glutes": "gluteus maximus",
    "quads": "quadriceps",
    "pecs": "pectoralis major",
    "knee extensors": "quadriceps",
    "knee extensor": "quadriceps",
    "front of the thigh": "quadriceps",
    "adductor": "adductors",
    "hip adductors": "adductors",
    "inner thigh": "adductors",
    "hamstring": "hamstrings",
    "back of the thigh": "hamstrings",
    "buttocks": "gluteus maximus",
    "elbow flexor": "elbow flexors",
    "elbow extensor": "elbow extensors",
}
"""Everyday names of muscles, by the catalogue's name (exercises.muscle)."""


@dataclass(frozen=True)
class Owned:
    """A figure of a labelled item and the words after it that name its group."""

    start: int  # the figure's first character (its digits)
    end: int  # after its percent sign
    owner: str
    falls: bool  # 'down 3%', 'fell 3%': a fall, whatever the sign


def labelled_item(text: str) -> tuple[str, list[Owned]] | None:
    """The label and the owned figures of an item 'Label: up 9.4% with A, up 3.7% with B'.

    None unless every percent after the label is a signed figure followed by its owner, and
    there are at least two (a per-group list gives each group its figure).
    """
    head = _LABEL.match(text)
    if head is None:
        return None
    rest = head.end()
    owned = [
        Owned(m.start("figure"), m.end("figure"), m.group("owner").strip(), _falls(m))
        for m in _OWNED.finditer(text, rest)
    ]
    if len(owned) < 2 or len(owned) != len(_ANY_PERCENT.findall(text, rest)):
        return None
    return head.group("label").strip(), owned


_PAIRED_ITEM = re.compile(
    r"(?P<o1>[A-Za-z][A-Za-z\- ]{0,30}?)\s+(?P<f1>\d{1,3}(?:[.,]\d{1,2})?\s?%)"
    r"\s+(?:vs\.?|versus|against)\s+"
    r"(?P<o2>[A-Za-z][A-Za-z\- ]{0,30}?)\s+(?P<f2>\d{1,3}(?:[.,]\d{1,2})?\s?%)\s*[.;]?\s*$",
    re.IGNORECASE,
)
"""After the label, two groups each before its figure: 'full 6.2% vs half 2.7%'."""


def labelled_pair(text: str) -> tuple[str, list[Owned]] | None:
    """The label and the two owned figures of an item 'Inner thigh: full 6.2% vs half 2.7%'.

    Each figure follows the words naming its group; nothing else may follow the label. The
    figures are unsigned: a list of what grew gives gains.
    """
    head = _LABEL.match(text)
    if head is None:
        return None
    m = _PAIRED_ITEM.match(text, head.end())
    if m is None:
        return None
    owned = [
        Owned(m.start(f"f{k}"), m.end(f"f{k}"), m.group(f"o{k}").strip(), False) for k in (1, 2)
    ]
    return head.group("label").strip(), owned


def says_size(text: str) -> bool:
    """Whether the text says muscle size was measured without saying how.

    'the amount of muscle in the front of the thigh', 'muscle mass', 'muscle size'.
    """
    return _SIZE_SAID.search(text) is not None


_SIZE_SAID = re.compile(
    r"\b(?:amount\s+of\s+muscle|muscle\s+(?:mass|size)|size\s+of\s+(?:the\s+|their\s+)?muscles?)\b",
    re.IGNORECASE,
)


def _falls(match: re.Match[str]) -> bool:
    word = (match.group("word") or "").lower()
    return word in _FALL_WORDS or match.group("sign") in ("-", "\u2212")


def table_cells(line: str) -> list[str]:
    """The cells of a Markdown table row, stripped ('| a | b |' -> ['a', 'b'])."""
    inner = line.strip()
    inner = inner.removeprefix("|").removesuffix("|")
    return [cell.strip().strip("*_").strip() for cell in inner.split("|")]


def cell_figure(cell: str) -> tuple[str, bool] | None:
    """The percent a cell holds alone, with a sign ('+ 19.4%'), and whether it is a fall."""
    m = _CELL_FIGURE.match(cell.strip())
    if m is None:
        return None
    return m.group("figure"), m.group("sign") in ("-", "\u2212")


def size_unit(text: str) -> str | None:
    """The unit muscle size is measured in, when the text names exactly one way ('mm', 'cm2')."""
    kinds = {k for m in _SIZE_WORDS.finditer(text) for k, v in m.groupdict().items() if v}
    return next(iter(kinds)) if len(kinds) == 1 else None


def muscle_tests(exercises: pl.DataFrame) -> dict[tuple[str, str], str]:
    """(muscle, unit) -> the one muscle-size test of that muscle measured in that unit."""
    if not {"muscle", "kind", "unit"} <= set(exercises.columns):
        return {}
    found: dict[tuple[str, str], set[str]] = {}
    for test, kind, unit, muscle in exercises.select(
        "exercise_id", "kind", "unit", "muscle"
    ).iter_rows():
        if kind == "muscle_size" and unit and muscle:
            found.setdefault((muscle.lower(), unit), set()).add(test)
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1}


def muscle_named(label: str, muscles: Iterable[str]) -> str | None:
    """The one muscle a label names alone: its full name, its first word, or an everyday name.

    'Pectoralis major', 'Triceps' (triceps brachii), 'Quadriceps', 'Glutes'. The label must be
    the name and nothing else ('Gluteus maximus thickness' names its test by an alias instead).
    """
    words = " ".join(label.lower().replace("-", " ").split())
    words = MUSCLE_NAMES.get(words, words)
    hits = {m for m in muscles if words in (m, m.split()[0])}
    return next(iter(hits)) if len(hits) == 1 else None


@functools.cache
def _muscle_words(muscles: frozenset[str]) -> re.Pattern[str]:
    names = set(muscles) | {m.split()[0] for m in muscles} | set(MUSCLE_NAMES)
    names |= {"glute", "quad", "pec"}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


_SINGULAR = {"glute": "glutes", "quad": "quads", "pec": "pecs"}


def muscle_mentions(
    text: str, start: int, end: int, muscles: frozenset[str]
) -> list[tuple[int, str]]:
    """Where muscles are named between start and end ('for the glutes': gluteus maximus).

    By a muscle's catalogue name, its first word ('gluteus', 'quadriceps') or an everyday name
    ('glutes', 'quads'); a first word several muscles share names none of them.
    """
    found = []
    for m in _muscle_words(muscles).finditer(text, start, end):
        word = m.group(0).lower()
        word = MUSCLE_NAMES.get(_SINGULAR.get(word, word), word)
        hits = {x for x in muscles if word in (x, x.split()[0])}
        if len(hits) == 1:
            found.append((m.start(), next(iter(hits))))
    return found


def muscles_in(text: str, start: int, end: int, muscles: frozenset[str]) -> set[str]:
    """The muscles named between start and end (see `muscle_mentions`)."""
    return {muscle for _, muscle in muscle_mentions(text, start, end, muscles)}


_LIFT_WEIGHED = re.compile(
    r"\b(?P<verb>squat|bench|deadlift|leg[\s-]press|hip[\s-]thrust)(?:t?ing|t?ed|s)?\s+"
    r"(?:(?:more\s+than|over|about|around|roughly|nearly|almost|up\s+to|close\s+to)\s+|~\s?)?"
    r"\d{2,3}(?:[.,]\d)?\s?(?:kg|kilos?|kilograms?|lbs?|pounds)\b",
    re.IGNORECASE,
)
"""A lift and a weight lifted on it: 'squatting more than 100 kg', 'benched about 60 kg'."""
_LIFT_NAMES = {"bench": "bench press"}


def lifts_weighed(text: str) -> list[str]:
    """The lifts a sentence gives weights lifted on, as exercise phrases ('squat')."""
    found = []
    for m in _LIFT_WEIGHED.finditer(text):
        verb = " ".join(m.group("verb").lower().replace("-", " ").split())
        found.append(_LIFT_NAMES.get(verb, verb))
    return found

"""Real phrasing of every exercise alias never stops the reader, and names the same exercise.

Each alias of the project's exercises is written hyphenated, in any case, pluralised, and wrapped
over two lines, inside a sentence that makes a claim, and among random text. Reading never raises,
and a hyphenated, re-cased or wrapped alias names exactly the exercise the plain alias names.
"""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from carryover.claims.articles import Article, alias_key, read_article
from tests.support import bundled_context as context

ALIASES = sorted(context().aliases)


def _variants(alias: str, data: st.DataObject) -> str:
    return data.draw(_variant(alias))


@st.composite
def _variant(draw: st.DrawFn, alias: str) -> str:
    """The alias with each gap a space, hyphen, double space or line break, in any case."""
    words = alias.split(" ")
    gaps = draw(st.lists(st.sampled_from([" ", "-", "  ", "\n", " -", "- "]),
                         min_size=len(words) - 1, max_size=len(words) - 1))  # fmt: skip
    text = words[0] + "".join(g + w for g, w in zip(gaps, words[1:], strict=True))
    case = draw(st.sampled_from([str.lower, str.upper, str.title, str.capitalize]))
    return str(case(text))


def _read(text: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    lines = text.split("\n")
    ex = read_article(Article("articles/x.md", "x", lines), context())
    assert ex.findings.filter(pl.col("rule") == "article_unreadable").is_empty(), ex.findings
    assert all(1 <= line <= len(lines) for line in ex.rows["source_line"].to_list())
    return ex.rows, ex.findings


SENTENCE = (
    "A study by Hammond et al. recruited 14 trained men. The squat group increased their "
    "{alias} one-rep max by 35.9%, and {alias} training went on."
)


@settings(max_examples=150, deadline=None)
@given(alias=st.sampled_from(ALIASES), data=st.data())
def test_a_hyphenated_cased_or_wrapped_alias_reads_as_the_plain_one(
    alias: str, data: st.DataObject
) -> None:
    """'Back-squat', 'BACK SQUAT', 'back' and 'squat' on two lines: as 'back squat' reads."""
    variant = _variants(alias, data)
    assert alias_key(variant) == alias
    plain_rows, plain_findings = _read(SENTENCE.format(alias=alias))
    rows, findings = _read(SENTENCE.format(alias=variant))
    keep = ["study_id", "quantity", "group_id", "test_exercise", "measure", "value"]
    assert rows.select(keep).to_dicts() == plain_rows.select(keep).to_dicts()
    assert findings.height == plain_findings.height


@settings(max_examples=100, deadline=None)
@given(alias=st.sampled_from(ALIASES), data=st.data())
def test_a_plural_or_a_training_compound_never_stops_the_reader(
    alias: str, data: st.DataObject
) -> None:
    """'back squats', 'back-squat training', 'hip-thrusts': read, or a warning, never a crash."""
    variant = _variants(alias, data)
    tail = data.draw(st.sampled_from(["s", "es", "-training", " training", "'s", "-based"]))
    _read(SENTENCE.format(alias=variant + tail))


WORDS = ["Hammond et al.", "Barbalho et al.", "the squat group", "increased", "by",
         "12.9%", "1RM", "3RM", "-", "\n", "group", "training", "s"]  # fmt: skip
_PIECES = st.one_of(
    st.sampled_from(ALIASES).flatmap(_variant),
    st.sampled_from(
        [
            "Hammond et al.",
            "Barbalho et al.",
            "the squat group",
            "increased",
            "by",
            "12.9%",
            "1RM",
            "3RM",
            "-",
            "\n",
            "group",
            "training",
            "s",
        ]
    ),
    st.text(max_size=10),
)


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(_PIECES, max_size=40), glue=st.sampled_from([" ", "-", "", "\n"]))
def test_aliases_among_random_text_never_stop_the_reader(parts: list[str], glue: str) -> None:
    """Aliases glued to random text and to each other: the article always reads."""
    _read(glue.join(parts))

"""A lead author named by surname alone, as the one who ran the study, names that study.

Reading: carryover.claims.doers through carryover.claims.linking.
"""

from __future__ import annotations

import pytest

from carryover.claims.linking import Linker, keys_from_rows

LOADS = (
    "loads_2015",
    "Stone BJ, Peters MD. Effects of low- vs. high-load training in well-trained men. "
    "J Strength Cond Res. 2015;29(10):2954-2963.",
    2015,
    None,
    "Young men experienced in resistance training",
    18,
    8,
    3,
)
VOLUME = (
    "volume_2019",
    "Stone BJ, Carter B. Training volume and muscle growth in trained men. "
    "Med Sci Sports Exerc. 2019;51(1):94-103.",
    2019,
    None,
    "Healthy resistance-trained men",
    34,
    8,
    3,
)
OTHER = (
    "hill_2020",
    "Hill A, Stone BJ. Squats for sprinters. Int J Sports Med. 2020;41:1-9.",
    2020,
    None,
    "Male sprinters",
    20,
    6,
    2,
)


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(keys_from_rows([LOADS, VOLUME, OTHER]))


def _named(linker: Linker, text: str) -> list[tuple[str, ...]]:
    return [m.candidates for m in linker.mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "In 2015, Stone picked 18 men who had lifted for three years.",
        "Stone recruited 18 trained men and followed them for eight weeks.",
        "Then Stone ran an experiment on 18 young men.",
    ],
)
def test_a_bare_surname_that_ran_the_study_names_it(linker: Linker, text: str) -> None:
    """'Stone picked 18 men': the sample tells Stone's two studies apart."""
    assert _named(linker, text) == [("loads_2015",)]


def test_no_verb_of_running_a_study_no_mention(linker: Linker) -> None:
    """The same surname with no verb of running a study is no cue ('Stone, 18 men')."""
    assert _named(linker, "Stone, 18 men and a barbell.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Stone split them into two groups.",  # both of Stone's studies fit: no cue at all
        "Squats compared well with lunges in 18 men.",  # a capitalised word that is no author
        "Carter recruited 18 men.",  # a co-author only: a bare surname names a lead author
    ],
)
def test_must_not_name_a_study_it_cannot_tie_to_one(linker: Linker, text: str) -> None:
    """An ambiguous bare surname, a non-author or a co-author names no study."""
    assert _named(linker, text) == []


def test_a_single_study_of_the_first_author_needs_no_fact(linker: Linker) -> None:
    """Hill is the first author of one study only: 'Hill tested the men' is that one."""
    assert _named(linker, "Hill tested the men twice.") == [("hill_2020",)]

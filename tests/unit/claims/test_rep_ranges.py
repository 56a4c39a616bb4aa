"""Groups told apart by their repetition ranges describe their study.

Reading: carryover.claims.rep_ranges through carryover.claims.linking.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from carryover.claims.linking import Linker, keys_from_rows, stated_facts
from carryover.claims.rep_ranges import label_rep_facts, reps_stated
from tests.unit.claims.test_surname_doers import LOADS, VOLUME

LABELS = ["High load: 8-12 repetitions per set (HL)", "Low load: 25-35 repetitions per set (LL)"]


@pytest.fixture(scope="module")
def linker() -> Linker:
    loads, volume = keys_from_rows([LOADS, VOLUME])
    return Linker([replace(loads, facts=loads.facts | label_rep_facts(LABELS)), volume])


def test_both_groups_ranges_describe_the_study(linker: Linker) -> None:
    """Trained men, eight weeks, three a week fit both studies; the groups' ranges pick one."""
    text = (
        "A study had two groups of trained men train three times a week for eight weeks. The "
        "first group lifted light weights for 25 to 35 reps per set, the second eight to 12 reps."
    )
    found = linker.by_description(text)
    assert found is not None
    assert found.candidates == ("loads_2015",)


def test_without_the_ranges_the_studies_stay_apart(linker: Linker) -> None:
    text = "A study had two groups of trained men train three times a week for eight weeks."
    assert linker.by_description(text) is None


def test_must_not_count_a_textbook_range_against_a_study(linker: Linker) -> None:
    """'6 to 12 reps' is no range of the study's groups, and no fact against it either."""
    keys = {k.study_id: k for k in linker.keys}
    assert "reps:6-12" in stated_facts("sets of 6 to 12 reps build muscle")
    assert not linker.contradicts("loads_2015", "sets of 6 to 12 reps build muscle")
    assert keys["volume_2019"].facts.isdisjoint({"reps:8-12", "reps:25-35"})


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("8-12 repetitions (high load) and 25-35 repetitions", {"reps:8-12", "reps:25-35"}),
        ("eight to 12 reps", {"reps:8-12"}),
        ("8~12 reps, 8\u201312 reps", {"reps:8-12"}),
        ("30, 40, or even 50 reps", set()),
        ("12 to 8 reps", set()),
    ],
)
def test_reps_stated(text: str, facts: set[str]) -> None:
    assert reps_stated(text) == facts


def test_label_rep_facts_need_every_group_to_differ() -> None:
    assert label_rep_facts(LABELS) == {"reps:8-12", "reps:25-35"}
    assert label_rep_facts(["Low volume: 1 set per exercise per session (1SET)", "High"]) == set()
    assert label_rep_facts(["A: 8-12 reps", "B: 8-12 reps"]) == set()

"""A group named by its sets ('the single-set group') is the group whose label states them.

Reading: carryover.claims.set_groups through the article reader.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.set_groups import group_by_sets, sets_named
from tests.support import context_of
from tests.unit.claims.test_sessions import EXERCISES, GROUPS, OUTCOMES, STUDIES, V


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def read(text: str, context: Context) -> tuple[list[tuple[str, str]], list[str]]:
    """The change claims (group, value) and the findings' messages."""
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    rows = ex.rows.filter(pl.col("quantity") == "change_pct").select("group_id", "value").rows()
    return [(str(g), str(v)) for g, v in rows], ex.findings["message"].to_list()


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (V + "The single-set group gained 12% in their back squat 1RM.", "low"),
        (V + "The 5-set group gained 12% in their back squat 1RM.", "high"),
        (V + "The five set group gained 12% in their back squat 1RM.", "high"),
        (V + "The one-set group gained 12% in their back squat 1RM.", "low"),
    ],
)
def test_a_group_named_by_its_sets_is_that_group(text: str, group: str, context: Context) -> None:
    """'the single-set group' is the group labelled '1 set per exercise (1SET)'."""
    claims, messages = read(text, context)
    assert claims == [(group, "12")]
    assert not any("fits no group" in m for m in messages)


def test_a_set_count_no_label_states_fits_no_group(context: Context) -> None:
    """'the three-set group' of a study with 1- and 5-set groups is told, never guessed."""
    claims, messages = read(V + "The three-set group gained 12% in their back squat 1RM.", context)
    assert claims == []
    assert any("'three-set group' fits no group" in m for m in messages)


def test_a_set_count_two_labels_state_is_no_group() -> None:
    """Two groups labelled with the same sets: the name fits neither."""
    groups = {"a": {"3 sets, light loads"}, "b": {"3 sets, heavy loads"}, "c": {"1 set"}}
    assert group_by_sets(3, groups) is None
    assert group_by_sets(1, groups) == "c"


def test_only_the_words_right_before_group_name_sets() -> None:
    """'three-set', 'one set', 'single-set' name sets; 'set' alone or 'sets of eight' do not."""
    assert sets_named(["the", "three-set"]) == (3, "three-set")
    assert sets_named(["one", "set"]) == (1, "one set")
    assert sets_named(["single-set"]) == (1, "single-set")
    assert sets_named(["set"]) is None
    assert sets_named(["sets", "of", "eight"]) is None

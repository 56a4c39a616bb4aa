"""Groups labelled by their load or repetition range are named as writers name them.

Reading: carryover.claims.label_phrases, and through the article reader.
"""

from __future__ import annotations

import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.label_phrases import label_phrases
from tests.support import LOADS_2015, context_of

EXERCISES = """exercise_id,name,aliases
back_squat,Barbell back squat,back squat;squat
bench_press,Barbell bench press,bench press
"""
STUDIES, GROUPS = LOADS_2015
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
loads_2015,hl,back_squat,1RM,kg,,,,,,19.6,Abstract
loads_2015,ll,back_squat,1RM,kg,,,,,,8.8,Abstract
"""
D = "A study by Stone et al. (2015) compared loads. "


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def _groups(text: str, context: Context) -> list[tuple[str, str]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    return [(str(g), str(v)) for g, v in ex.rows.select("group_id", "value").rows()]


@pytest.mark.parametrize(
    ("words", "group"),
    [
        ("high-weight", "hl"),
        ("heavy-load", "hl"),
        ("heavy", "hl"),
        ("8-12 rep", "hl"),
        ("low-weight", "ll"),
        ("light", "ll"),
        ("25-35 reps", "ll"),
    ],
)
def test_a_group_named_by_its_load_or_reps_is_read(
    words: str, group: str, context: Context
) -> None:
    """'the squat rose 19.6% in the high-weight group': the HL group's claim."""
    text = D + f"In the {words} group, the squat 1RM rose by 19.6%."
    assert _groups(text, context) == [(group, "19.6")]


def test_a_word_that_names_no_group_stays_unread(context: Context) -> None:
    """'the medium-weight group' fits neither group: no claim."""
    assert _groups(D + "In the medium-weight group, the squat 1RM rose by 19.6%.", context) == []


def test_phrases_of_a_load_label() -> None:
    phrases = label_phrases("High load: 8-12 repetitions per set (HL)")
    assert {
        "high load",
        "high-load",
        "heavy",
        "high-weight",
        "8-12 reps",
        "8\u201312 rep",
    } <= phrases


def test_must_not_add_a_bare_level_or_a_load_word_to_other_labels() -> None:
    """'High volume' is no load: only its own head; 'high' alone would name any high group."""
    assert label_phrases("High volume: 5 sets per exercise per session (5SET)") == {
        "high volume",
        "high-volume",
    }
    assert "high" not in label_phrases("High load: 8-12 repetitions per set (HL)")
    assert label_phrases("Unilateral: rear-foot-elevated split squat (UNI)") == {"unilateral"}

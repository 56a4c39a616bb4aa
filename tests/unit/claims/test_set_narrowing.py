"""Two studies of one author and one design: the groups' set counts tell them apart."""

from __future__ import annotations

import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.narrowing import narrow
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
back_squat,Barbell back squat,back squat;squat
bench_press,Bench press,bench press
"""
# Stone is the first author of both; both are of trained men, 8 weeks, 3 sessions a week
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
stone_2019,"Stone A, Reed B. Set volume and strength in trained men. Sports Lab. 2019.",\
2019,,Trained men,34,8,3
stone_2015,"Stone A, Hale C. Light or heavy loads in trained men. Sports Lab. 2015.",\
2015,,Trained men,18,8,3
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
stone_2019,low,1 set per exercise,bench_press,11
stone_2019,mid,3 sets per exercise,bench_press,12
stone_2019,high,5 sets per exercise,bench_press,11
stone_2015,light,Light load,bench_press,9
stone_2015,heavy,Heavy load,bench_press,9
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
stone_2019,low,bench_press,1RM,,,,,,,10.0,Abstract
stone_2015,light,bench_press,1RM,,,,,,,12.0,Abstract
"""


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def linked(context: Context, text: str) -> dict[str, str | None]:
    """Each number's study, by its text."""
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    assert ex.numbers is not None
    return dict(ex.numbers.select("text", "study_id").iter_rows())


def test_naming_every_groups_sets_tells_two_studies_of_one_design_apart(
    context: Context,
) -> None:
    """Both studies share the men, the 8 weeks and the 3 sessions; only one had 1, 3, 5 sets."""
    text = (
        "That result comes from a study headed by Professor Brad Stone.\n\n"
        "The men were trained. They did one, three or five sets of each exercise, three times a "
        "week for 8 weeks."
    )
    assert linked(context, text)["8"] == "stone_2019"
    without_sets = (
        "That result comes from a study headed by Professor Brad Stone.\n\n"
        "The men were trained, three times a week for 8 weeks."
    )
    assert linked(context, without_sets).get("8") is None


def test_a_wrong_sample_does_not_unlink_a_study_its_set_counts_name(context: Context) -> None:
    """'45 men' fits neither study, yet the writer's one, three or five sets name one.

    45 is then a claim about that study to check, not a sign of a third study.
    """
    text = (
        "That is why Brad Stone tested it in a study.\n\n"
        "It had 45 men trained in lifting, who did one, three or five sets of each exercise "
        "for 8 weeks."
    )
    numbers = linked(context, text)
    assert numbers["45"] == "stone_2019"
    women = text.replace("45 men trained in lifting", "45 women new to lifting")
    assert linked(context, women).get("45") is None


def test_two_studies_of_the_design_with_the_same_set_counts_stay_apart() -> None:
    """When the set counts named fit both studies, they decide nothing."""
    studies = STUDIES.replace("Light or heavy loads", "Sets again")
    groups = GROUPS.replace("stone_2015,light,Light load", "stone_2015,light,1 set").replace(
        "stone_2015,heavy,Heavy load", "stone_2015,heavy,3 sets"
    )
    context = context_of(EXERCISES, studies, groups, OUTCOMES)
    text = (
        "That is why Brad Stone tested it in a study.\n\n"
        "It had 45 men trained in lifting, who did one, three or five sets of each exercise "
        "for 8 weeks."
    )
    assert linked(context, text).get("45") is None


def test_narrow_takes_the_study_whose_every_groups_sets_the_evidence_names(
    context: Context,
) -> None:
    """`narrow` on the passage after the name: shared facts fit both, the set counts one."""
    (mention,) = context.linker.mentions("A study headed by Professor Brad Stone.")
    assert set(mention.candidates) == {"stone_2019", "stone_2015"}
    facts = "The trained men did one, three or five sets, three times a week for eight weeks."
    assert narrow(context.linker, mention, facts).candidates == ("stone_2019",)
    assert narrow(context.linker, mention, facts.replace("one, three or five", "more")) == mention
    wrong_n = "All 45 trained men did one, three or five sets for eight weeks."
    assert narrow(context.linker, mention, wrong_n).candidates == ("stone_2019",)
    women = "All 45 women did one, three or five sets for eight weeks."
    assert narrow(context.linker, mention, women) == mention

"""A sentence about research in general is read as about the one study whose design it states."""

from __future__ import annotations

from dataclasses import replace

import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.designs import added_exercises, controls, study_by_design
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
back_squat,Barbell back squat,back squat;squat
hip_thrust,Barbell hip thrust,hip thrust;hip thrusts
bench_press,Bench press,bench press
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
lin_2017,"Lin K, Wu C. Hip thrust training in baseball players. J Sports Sci. 2017.",2017,,Men,,8,3
hammond_2019,"Hammond A, Perrin C. Back squat or hip thrust. PeerJ. 2019.",2019,,Trained men,14,4,2
kikuchi_2017,"Kikuchi N, Nakazato K. Bench press or push-up. JESF. 2017.",2017,,Men,18,8,2
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
lin_2017,htt,Hip thrust training (HTT),hip_thrust,
lin_2017,con,Baseball training only (CON),,
hammond_2019,bbs,Barbell back squat (BBS),back_squat,7
hammond_2019,bht,Barbell hip thrust (BHT),hip_thrust,7
kikuchi_2017,bp,Bench press (BP),bench_press,9
kikuchi_2017,ctl,Control (CTL),,9
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
lin_2017,htt,back_squat,nRM,,,,,,,31,Abstract
lin_2017,htt,hip_thrust,3RM,,,,,,,36,Abstract
hammond_2019,bbs,back_squat,1RM,,,,,,,10.2,Abstract
hammond_2019,bht,back_squat,1RM,,,,,,,7.7,Abstract
"""
SAID = (
    "Research has shown that you can raise your back squat 1RM by more than 30% if you add "
    "the hip thrust to your training for eight weeks."
)


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def claims(text: str, context: Context) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    return ex.rows.select(
        "study_id", "quantity", "group_id", "test_exercise", "measure", "value", "bound"
    ).rows()


def test_the_exercises_a_text_adds_to_training_are_read(context: Context) -> None:
    """'add the hip thrust to your training' adds the hip thrust; naming it alone adds nothing."""
    finder = context.linker.exercises_in
    assert finder is not None
    assert added_exercises("if you add the hip thrust to your training", finder) == {"hip_thrust"}
    assert added_exercises("adding hip thrusts to their baseball practice", finder) == {
        "hip_thrust"
    }
    assert added_exercises("the hip thrust trains the glutes", finder) == set()


def test_a_study_adds_an_exercise_only_beside_a_control() -> None:
    """A study whose groups all trained something added nothing to anyone's usual training."""
    rows = [("lin", "hip_thrust"), ("lin", None), ("hammond", "back_squat"), ("hammond", "hip")]
    assert controls(rows) == {"lin": frozenset({"hip_thrust"})}


def test_research_in_general_is_the_one_study_its_design_fits(context: Context) -> None:
    """The added exercise and the weeks name Lin's study: its figures are claims about it."""
    found = study_by_design(context.linker.keys, SAID, context.linker.exercises_in)
    assert found is not None
    assert found.candidates == ("lin_2017",)
    assert found.resolved_by == ("design",)
    assert claims(SAID, context) == [
        ("lin_2017", "duration_weeks", None, None, None, "8", None),
        # the paper does not say how many repetitions its squat test was: any RM is it
        ("lin_2017", "change_pct", "htt", "back_squat", "nRM", "30", "at_least"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the weeks are against the only study that added the hip thrust: another study
        SAID.replace("eight weeks", "six weeks"),
        # no design figure: too little to tell the study
        "Research has shown that you can raise your back squat 1RM by more than 30% if you add "
        "the hip thrust to your training.",
        # an exercise no study added to a control's training
        "Research has shown that you can raise your back squat 1RM by more than 30% if you add "
        "the back squat to your training for eight weeks.",
        # not research in general: a reader's own plan
        "You can raise your back squat 1RM by more than 30% if you add the hip thrust to your "
        "training for eight weeks.",
    ],
)
def test_a_sentence_whose_design_fits_no_one_study_stays_general(
    context: Context, text: str
) -> None:
    assert claims(text, context) == []


def test_two_studies_that_fit_are_no_answer(context: Context) -> None:
    """Two studies that added an exercise over the same weeks: no study is taken."""
    keys = list(context.linker.keys)
    twin = next(k for k in keys if k.study_id == "lin_2017")
    keys.append(replace(twin, study_id="lin_twin"))
    assert study_by_design(keys, SAID, context.linker.exercises_in) is None


def test_a_percent_stated_as_one_end_keeps_its_bound(context: Context) -> None:
    """'by more than 30%' is at least 30; 'up to 12%' at most 12; a plain figure has no bound."""
    base = "Hammond et al. found the BBS group's back squat 1RM rose by {} in 4 weeks."
    assert claims(base.format("more than 10%"), context)[-1][-2:] == ("10", "at_least")
    assert claims(base.format("up to 12%"), context)[-1][-2:] == ("12", "at_most")
    assert claims(base.format("10.2%"), context)[-1][-2:] == ("10.2", None)


def test_the_gain_credited_to_an_added_exercise_is_its_groups(context: Context) -> None:
    """With no group named, the group that trained the exercise added owns the gain.

    With no other exercise as the test, the gain is not read.
    """
    named = "Lin et al. found players who added hip thrusts to their training raised their back "
    got = claims(named + "squat 1RM by 31% in 8 weeks.", context)
    assert ("lin_2017", "change_pct", "htt", "back_squat", "nRM", "31", None) in got
    alone = claims(
        "Lin et al. found that adding hip thrusts to their training gave 31% gains.", context
    )
    assert all(row[1] != "change_pct" for row in alone)


def test_a_stated_rm_is_kept_when_the_data_gives_the_repetitions(context: Context) -> None:
    """Only an outcome whose repetitions the paper leaves unstated (nRM) takes any RM claim."""
    got = claims("Hammond et al. found the BBS group's back squat 3RM rose by 10.2%.", context)
    assert ("hammond_2019", "change_pct", "bbs", "back_squat", "3RM", "10.2", None) in got
    assert len(got) == 1


def test_a_count_that_completed_is_a_stated_sample() -> None:
    """'(only 22 completed the programme)' states a sample of 22; '3 sets' states none."""
    from carryover.claims.linking import stated_facts

    assert "n:22" in stated_facts("24 women (only 22 completed the programme)")
    assert "n:20" in stated_facts("20 of them finished the study")
    assert not any(f.startswith("n:") for f in stated_facts("3 sets completed the workout"))


def test_those_who_completed_after_those_recruited_are_the_analysed_sample(
    context: Context,
) -> None:
    """The completed count is read; the recruited count before it is left unread.

    Whether the data's randomised count is the recruited or the completed one the text does not
    say. A count with no people named before it is not a sample.
    """
    text = (
        "Hammond et al. recruited 16 trained men (only 14 completed the programme), who "
        "trained for 4 weeks."
    )
    got = claims(text, context)
    assert ("hammond_2019", "n_analysed", None, None, None, "14", None) in got
    assert all(row[5] != "16" for row in got)
    assert all(
        row[1] != "n_analysed"
        for row in claims("Hammond et al. found 3 completed the set.", context)
    )
    # 'completed' after another count is not the first count's: 16 is not those analysed
    alone = claims("Hammond et al. recruited 16 trained men, and 14 of them completed it.", context)
    assert ("hammond_2019", "n_analysed", None, None, None, "16", None) not in alone


def test_each_exercise_a_study_trained_must_be_named_by_a_name_of_its_own() -> None:
    """One name stands for one exercise.

    'squats or hip thrusts' names a back squat and hip thrust study; 'squats' alone does not name
    a back squat and front squat study.
    """
    from carryover.claims.linking import named_apart

    squats = frozenset({"back_squat", "front_squat"})
    assert named_apart({"back_squat", "hip_thrust"}, {squats, frozenset({"hip_thrust"})})
    assert not named_apart({"back_squat", "front_squat"}, {squats, frozenset({"hip_thrust"})})
    assert named_apart({"back_squat", "front_squat"}, {squats, frozenset({"front_squat"})})


def test_a_study_described_with_an_ambiguous_exercise_name_is_told_apart(context: Context) -> None:
    """'squats or hip thrusts' with the study's weeks and population names its study.

    The back squat and hip thrust study, not another trained over the same weeks.
    """
    from carryover.claims.linking import Linker, StudyKey

    keys = [
        StudyKey("a", None, 2020, facts=frozenset({"female", "weeks:12"}),
                 trains=frozenset({"back_squat", "hip_thrust"})),
        StudyKey("b", None, 2024, facts=frozenset({"female", "weeks:12"}),
                 trains=frozenset({"back_squat", "bench_press"})),
    ]  # fmt: skip
    linker = Linker(keys, context.linker.exercises_in)
    linker.exercise_names = context.linker.exercise_names
    text = "In the study, women did squats or hip thrusts for twelve weeks."
    found = linker.by_description(text)
    assert found is not None
    assert found.candidates == ("a",)
    assert "exercises" in found.resolved_by
    # without the names it is a tie: no study
    linker.exercise_names = None
    assert linker.by_description(text) is None


def test_a_study_introduced_part_way_through_a_paragraph_is_described_from_there(
    context: Context,
) -> None:
    """The paragraph's opening figures are not the study's, and do not count against it."""
    opening = "Every month 2400 people search for glute exercises. "
    text = opening + "But a recent study had men train twice a week for 4 weeks."
    got = claims(text, context)
    assert sorted(got) == [
        ("hammond_2019", "duration_weeks", None, None, None, "4", None),
        ("hammond_2019", "sessions_per_week", None, None, None, "2", None),
    ]
    # with no study introduced, the same description is no study's
    assert claims(opening + "Men train twice a week for 4 weeks.", context) == []


def test_groups_counted_in_digits_name_no_group(context: Context) -> None:
    """'split into 2 groups' counts the arms, like 'two groups': no unresolved group warning."""
    ex = read_article(
        Article(
            "articles/a.md",
            "a",
            ["Hammond et al. split 14 trained men into 2 groups and trained them for 4 weeks."],
        ),
        context,
    )
    said = ex.findings.filter(ex.findings["rule"] == "claim_unresolved")
    assert said.is_empty(), said["message"].to_list()

"""An author of several studies: the passage's facts tell which one, or nothing is guessed."""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.linking import StudyMention
from carryover.claims.narrowing import PASSAGE_FACTS, narrow, narrow_passages, settled
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
back_squat,Barbell back squat,back squat;squat
leg_press,Leg press,leg press
bench_press,Bench press,bench press
"""
# Stone is the first author of one study and a co-author of two others
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
stone_2019,"Stone A, Reed B. Set volume and strength in trained men. Sports Lab. 2019.",\
2019,,Trained men,30,8,3
reed_2018,"Reed B, Stone A. Squat or leg press in women. Sports Lab. 2018.",\
2018,,Women,20,10,2
hale_2021,"Hale C, Stone A. Bench press loads in young women. Sports Lab. 2021.",\
2021,,Women,20,10,2
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
stone_2019,low,Low volume,bench_press,15
stone_2019,high,High volume,bench_press,15
reed_2018,sq,Squat,back_squat,10
reed_2018,lp,Leg press,leg_press,10
hale_2021,light,Light load,bench_press,10
hale_2021,heavy,Heavy load,bench_press,10
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
stone_2019,low,bench_press,1RM,,,,,,,10.0,Abstract
reed_2018,sq,back_squat,1RM,,,,,,,20.0,Abstract
hale_2021,light,bench_press,1RM,,,,,,,12.0,Abstract
"""


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


NAMED = "The result comes from a study headed by Professor Ann Stone at a city college."
LATER = "The men trained three times a week for eight weeks."


def read(context: Context, text: str) -> pl.DataFrame:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    assert ex.numbers is not None
    return ex.numbers


def test_the_sentence_alone_cannot_tell_an_authors_studies_apart(context: Context) -> None:
    (mention,) = context.linker.mentions(NAMED)
    assert set(mention.candidates) == {"stone_2019", "reed_2018", "hale_2021"}


def test_the_facts_stated_after_the_name_tell_which_study(context: Context) -> None:
    """Men, eight weeks, three a week: only one of Stone's studies; the cue is recorded."""
    (mention,) = context.linker.mentions(NAMED)
    found = narrow(context.linker, mention, f"{NAMED} {LATER}")
    assert found.candidates == ("stone_2019",)
    assert found.resolved_by == ("author", PASSAGE_FACTS)


def test_facts_in_the_following_passages_tell_which_study(context: Context) -> None:
    """The facts stand a paragraph later: the mention's passage is read on, to the next study."""
    texts = [NAMED, LATER]
    mentions_at = [context.linker.mentions(t) for t in texts]
    (first,), () = narrow_passages(context.linker, texts, mentions_at)
    assert first.candidates == ("stone_2019",)
    # a passage naming another study ends the evidence: its facts are that study's
    other = "Reed and colleagues trained men three times a week for eight weeks."
    texts = [NAMED, other]
    mentions_at = [context.linker.mentions(t) for t in texts]
    narrowed = narrow_passages(context.linker, texts, mentions_at)
    assert len(narrowed[0][0].candidates) == 3


@pytest.mark.parametrize(
    "after",
    [
        "It was a fine piece of work.",  # no fact at all
        "The women trained for ten weeks.",  # fits two of the studies equally
        "Twenty people trained three times a week for eight weeks and 10 weeks.",
    ],
)
def test_facts_that_do_not_single_one_study_out_link_none(context: Context, after: str) -> None:
    (mention,) = context.linker.mentions(NAMED)
    assert narrow(context.linker, mention, f"{NAMED} {after}") == mention


def test_a_mention_settled_by_its_passage_settles_its_sentence(context: Context) -> None:
    (sentence_mention,) = context.linker.mentions(NAMED)
    passage = [StudyMention(0, 9, sentence_mention.words, ("stone_2019",), ("author",))]
    assert settled(sentence_mention, passage).candidates == ("stone_2019",)
    assert PASSAGE_FACTS in settled(sentence_mention, passage).resolved_by
    # other words, or a study the sentence does not fit, settle nothing
    other = [StudyMention(0, 9, "Stone et al.", ("stone_2019",), ("author",))]
    assert settled(sentence_mention, other) == sentence_mention


def test_an_article_reads_the_figures_of_the_study_its_facts_single_out(
    context: Context,
) -> None:
    """Failing before: the name fitted three studies and every figure stayed unread."""
    gain = "The low volume group raised its bench press 1RM by 10%."
    numbers = read(context, f"{NAMED} {LATER} {gain}")
    claims = numbers.filter(pl.col("disposition") == "claim")
    assert set(claims["study_id"].to_list()) == {"stone_2019"}
    assert "10%" in claims["text"].to_list()
    assert numbers.filter(pl.col("disposition") == "unread").is_empty()
    assert any(PASSAGE_FACTS in (r or "") for r in claims["resolved_by"].to_list())


def test_an_article_whose_facts_fit_two_studies_reads_no_figure_of_either(
    context: Context,
) -> None:
    numbers = read(context, f"{NAMED}\n\nThe women trained for ten weeks; 1RM rose by 12%.")
    assert numbers.filter(pl.col("disposition") == "claim").is_empty()
    unread = numbers.filter(pl.col("disposition") == "unread")["text"].to_list()
    assert "12%" in unread


ASIDE = "Earlier research shows that untrained women gain more the more sets they do."


def test_a_later_aside_against_every_study_leaves_the_sentences_after_the_name(
    context: Context,
) -> None:
    # the aside speaks of untrained women, against every candidate; the sentence after the
    # name describes stone_2019 alone
    (mention,) = context.linker.mentions(NAMED)
    found = narrow(context.linker, mention, f"{NAMED} {LATER} {ASIDE}")
    assert found.candidates == ("stone_2019",)
    assert found.resolved_by[-1] == PASSAGE_FACTS


def test_the_sentences_after_the_name_do_not_overrule_a_tie_of_the_whole_evidence(
    context: Context,
) -> None:
    # the first sentences fit stone_2019 only, but the whole evidence fits two studies with no
    # fact against either: too close to call, whatever the first sentences say
    (mention,) = context.linker.mentions(NAMED)
    tied = "Other figures came from women who trained twice a week for ten weeks."
    assert narrow(context.linker, mention, f"{NAMED} {LATER} {tied}") == mention


def test_the_sentences_after_the_name_must_still_single_one_study_out(context: Context) -> None:
    (mention,) = context.linker.mentions(NAMED)
    vague = "The participants lifted hard."
    assert narrow(context.linker, mention, f"{NAMED} {vague} {ASIDE}") == mention

"""The article reader turns prose into claims like claims.csv rows, or warns; it never guesses."""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, Passage, article_id, read_article, sentences
from tests.support import context_of

EXERCISES = """exercise_id,name,aliases
back_squat,Barbell back squat,back squat;high bar back squat;squat
front_squat,Barbell front squat,front squat;squat
hip_thrust,Barbell hip thrust,hip thrust
"""
STUDIES = """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
hammond_2019,"Hammond A, Perrin C. Back squat or hip thrust. PeerJ. 2019.",2019,,Trained men,14,4,2
contreras_2017,"Contreras B, Vigotsky AD. Hip thrust vs front squat. JSCR. 2017.",2017,,Boys,,6,
"""
GROUPS = """study_id,group_id,label,trained_exercise,n
hammond_2019,bbs,Barbell back squat (BBS),back_squat,7
hammond_2019,bht,Barbell hip thrust (BHT),hip_thrust,7
contreras_2017,fs,Front squat,front_squat,10
contreras_2017,ht,Hip thrust,hip_thrust,10
"""
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
hammond_2019,bbs,back_squat,1RM,,,,,,,10.2,Abstract
hammond_2019,bht,back_squat,1RM,,,,,,,7.7,Abstract
hammond_2019,bht,hip_thrust,1RM,,,,,,,24.8,Abstract
hammond_2019,bbs,hip_thrust,1RM,,,,,,,13.3,Abstract
contreras_2017,fs,front_squat,3RM,,,,,,,9.0,Table 2
contreras_2017,ht,hip_thrust,3RM,,,,,,,20.0,Table 2
"""


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def read(text: str, context: Context) -> tuple[list[tuple[object, ...]], list[str]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    claims = ex.rows.select(
        pl.col("source_line"),
        "study_id",
        "quantity",
        "group_id",
        "test_exercise",
        "measure",
        "value",
    ).rows()
    # What the claim reader itself says; the accounting of every number (number_unread) is
    # tested in test_accounting.py.
    said = ex.findings.filter(pl.col("rule") != "number_unread")
    return claims, said["message"].to_list()


H = "A study by Hammond et al. trained lifters. "

# (text, expected claims as (line, study, quantity, group, exercise, measure, value))
PHRASES = [
    (H + "The squat group increased their back squat by 10.2%.",
     [(1, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2")]),
    ("In this one by Hammond et al. the squat group saw a notable increase in their hip "
     "thrust (13.3%).",
     [(1, "hammond_2019", "change_pct", "bbs", "hip_thrust", "1RM", "13.3")]),
    (H + "The hip thrust group gained 24.8% on the hip thrust.",
     [(1, "hammond_2019", "change_pct", "bht", "hip_thrust", "1RM", "24.8")]),
    (H + "The BHT group improved their back squat one-rep max by 7.7%.",
     [(1, "hammond_2019", "change_pct", "bht", "back_squat", "1RM", "7.7")]),
    (H + "The hip thrust group's hip thrust 1-RM rose 24.8 percent.",
     [(1, "hammond_2019", "change_pct", "bht", "hip_thrust", "1RM", "24.8")]),
    (H + "The squat group's high bar back squat 1RM rose 10.2%.",
     [(1, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2")]),
    (H + "The squat group's back squat three-rep max rose 10.2%.",
     [(1, "hammond_2019", "change_pct", "bbs", "back_squat", "3RM", "10.2")]),
    (H + "The squat group's back squat three repetition max rose 10.2%.",
     [(1, "hammond_2019", "change_pct", "bbs", "back_squat", "3RM", "10.2")]),
    (H + "The squat group's 3RM back squat rose 10.2%.",
     [(1, "hammond_2019", "change_pct", "bbs", "back_squat", "3RM", "10.2")]),
    # An exercise the study did not test is still read as said (and judged "not tested" later).
    (H + "The squat group's front squat one-rep max rose 10.2%.",
     [(1, "hammond_2019", "change_pct", "bbs", "front_squat", "1RM", "10.2")]),
    # Two claims in one sentence, each with its own group and exercise.
    (H + "The squat group increased their back squat one-rep max by 10.2%, while the hip thrust "
     "group gained 24.8% on their hip thrust one-rep max.",
     [(1, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2"),
      (1, "hammond_2019", "change_pct", "bht", "hip_thrust", "1RM", "24.8")]),
    (H + "Gains were 10.2% for the squat group and 7.7% for the hip thrust group on the "
     "back squat.",
     [(1, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2"),
      (1, "hammond_2019", "change_pct", "bht", "back_squat", "1RM", "7.7")]),
    # Protocol facts.
    ("Hammond et al. recruited 14 trained men, who trained twice per week for 4 weeks.",
     [(1, "hammond_2019", "n_recruited", None, None, None, "14"),
      (1, "hammond_2019", "sessions_per_week", None, None, None, "2"),
      (1, "hammond_2019", "duration_weeks", None, None, None, "4")]),
    ("Contreras et al. tested the boys after the 6 weeks.",
     [(1, "contreras_2017", "duration_weeks", None, None, None, "6")]),
    ("Contreras et al. ran a six-week program with 3 sessions a week.",
     [(1, "contreras_2017", "sessions_per_week", None, None, None, "3"),
      (1, "contreras_2017", "duration_weeks", None, None, None, "6")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PHRASES)
def test_phrase_patterns_become_claims(context: Context, text: str, expected: list) -> None:  # type: ignore[type-arg]
    """Change verbs, measures in words and abbreviations, protocol facts: each becomes a claim."""
    claims, _ = read(text, context)
    assert sorted(claims, key=str) == sorted(expected, key=str)


NOT_CLAIMS = [
    H + "They lifted at an 80% one-rep max load, twice.",
    H + "Loads went up in weeks 4 and 5.",
    H + "Readers who improved their squat get 20% off the programme.",
    H + "Try a free 2 week trial of the app.",
    "Squat training increased strength by 12% in most people.",  # no study around it
    H + "Strength increased in 90% of participants.",  # no group or exercise around it
    H + "Use code SQUAT for 15% savings on the hip thrust guide that improved sales.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_things_that_are_not_claims(context: Context, text: str) -> None:
    """Loads, week numbers, discounts, trials and bare numbers are not claims and not findings."""
    claims, warnings = read(text, context)
    assert [c for c in claims if c[2] == "change_pct" or c[2] == "duration_weeks"] == []
    assert warnings == []


def test_a_study_stays_current_until_another_is_introduced(context: Context) -> None:
    """'squat' is the back squat in Hammond and the front squat in Contreras; context decides."""
    text = (
        "Hammond et al. compared two groups.\n\n"
        "The squat group improved their squat by 10.2%.\n\n"
        "Then Contreras et al. ran a similar trial. The squat group improved their squat "
        "three-rep max by 9.0%."
    )
    claims, _ = read(text, context)
    assert [(c[0], c[1], c[3], c[4], c[5]) for c in claims] == [
        (3, "hammond_2019", "bbs", "back_squat", "1RM"),
        (5, "contreras_2017", "fs", "front_squat", "3RM"),
    ]


def test_a_comparison_does_not_switch_the_study(context: Context) -> None:
    """'Like the Hammond et al. study' compares; the claims stay with the current study."""
    text = (
        "Contreras et al. trained boys. Like the Hammond et al. study, the hip thrust group "
        "improved their hip thrust three-rep max by 20.0%. Similar to Hammond et al., the front "
        "squat group gained 9.0% on the front squat."
    )
    claims, _ = read(text, context)
    assert [(c[1], c[3]) for c in claims] == [("contreras_2017", "ht"), ("contreras_2017", "fs")]


def test_they_and_their_continue_the_last_group(context: Context) -> None:
    """A sentence about 'they' is about the group named before it."""
    text = H + "The hip thrust group trained hard. They improved their back squat by 7.7%."
    claims, _ = read(text, context)
    assert [(c[3], c[4], c[6]) for c in claims] == [("bht", "back_squat", "7.7")]


def test_markdown_and_hard_wrapped_paragraphs_keep_the_figure_line(context: Context) -> None:
    """Headings, emphasis, links and lists read as text; a claim's line is its figure's line."""
    text = (
        "# Results\n"
        "\n"
        "A study by [Hammond et al.](https://doi.org/10.7717/peerj.7337) found that the\n"
        "**squat group** increased their *back squat*\n"
        "by 10.2%, and the hip thrust group's hip thrust rose\n"
        "24.8%.\n"
        "\n"
        "- The BHT group improved their back squat by 7.7%.\n"
    )
    claims, _ = read(text, context)
    assert [(c[0], c[3], c[6]) for c in claims] == [
        (5, "bbs", "10.2"),
        (6, "bht", "24.8"),
        (8, "bht", "7.7"),
    ]


def test_an_unresolvable_group_is_a_warning_not_a_guess(context: Context) -> None:
    """A group the study does not have yields a warning naming the words, and no claim."""
    claims, warnings = read(H + "The bench press group improved their squat by 5%.", context)
    assert claims == []
    assert warnings == ["a line 1: 'bench press group' fits no group of hammond_2019"]


def test_a_figure_without_its_exercise_is_a_warning(context: Context) -> None:
    """A figure with a group but no exercise anywhere near it is not guessed."""
    claims, warnings = read(H + "The squat group improved by 5%.", context)
    assert claims == []
    assert warnings == ["a line 1: cannot tell which exercise 5% refers to"]


def test_sentences_do_not_break_at_et_al_or_decimals() -> None:
    """'et al.' and '13.3' do not end a sentence; a full stop before a capital does."""
    p = Passage()
    p.add(1, "Hammond et al. found 13.3% more. Then it ended.")
    assert [s for _, s in sentences(p)] == ["Hammond et al. found 13.3% more.", "Then it ended."]


def test_an_arrow_opening_a_clause_starts_a_sentence() -> None:
    """'SS: +2.7% → In the full squat ...': the squat after the arrow is not the figure's test.

    Before, the figure took the exercise named after the arrow and was judged against its 1RM.
    An arrow inside a word or a range ('0→60°') splits nothing.
    """
    p = Passage()
    p.add(1, "SS: +2.7% → In the full squat the hip bends further.")
    assert [s for _, s in sentences(p)] == [
        "SS: +2.7%",
        "→ In the full squat the hip bends further.",
    ]
    q = Passage()
    q.add(1, "Knee angle went 0→60° in the shallow squat.")
    assert len(list(sentences(q))) == 1


def test_article_ids_are_file_stems_as_slugs() -> None:
    """'hip-thrust-vs-squat.md' is the article 'hip_thrust_vs_squat'."""
    assert article_id("hip-thrust-vs-squat") == "hip_thrust_vs_squat"
    assert article_id("2024 Review") == "a_2024_review"


def test_an_alias_written_with_a_hyphen_is_read_not_a_crash(context: Context) -> None:
    """The pattern takes "hip-thrust" for the alias "hip thrust"; the lookup must too."""
    text = "Hammond and colleagues (2019): the hip thrust group gained 24.8 % in hip-thrust 1RM."
    hyphen, _ = read(text, context)
    spaced, _ = read(text.replace("hip-thrust", "hip thrust"), context)
    assert hyphen == spaced
    assert hyphen


def test_discount_words_reach_only_as_far_as_the_pattern_allows(context: Context) -> None:
    """Read in place with a bounded look-back, a discount before a figure still voids it."""
    base = "Hammond and colleagues (2019): the hip thrust group gained 24.8 % in hip thrust 1RM. "
    plain, _ = read(base, context)
    near, _ = read(base + "Use the code LIFT to save 24.8 % today.", context)
    assert len(near) == len(plain)
    long_line = base * 200
    many, _ = read(long_line, context)
    assert len(many) == 200 * len(plain)


def test_both_groups_make_one_claim_per_group(context: Context) -> None:
    """'Both groups improved their back squat by 7.7%': a claim for each group of the study."""
    claims, warnings = read(H + "Both groups improved their back squat by 7.7%.", context)
    assert sorted((c[3], c[4], c[5], c[6]) for c in claims) == [
        ("bbs", "back_squat", "1RM", "7.7"),
        ("bht", "back_squat", "1RM", "7.7"),
    ]
    assert warnings == []


def test_an_abbreviation_defined_in_the_text_names_its_group(context: Context) -> None:
    """'the hip thrust (HT; n = 7)' defines HT: 'the HT group' is the hip thrust group."""
    text = (
        H + "They were assigned to the hip thrust (HT; n = 7) or the back squat. "
        "The HT group improved their back squat by 7.7%."
    )
    claims, _ = read(text, context)
    # the size in the definition is the group's n; the change is the HT group's
    assert [(c[2], c[3], c[6]) for c in claims] == [("n", "bht", "7"), ("change_pct", "bht", "7.7")]
    undefined, warnings = read(H + "The XQ group improved their back squat by 7.7%.", context)
    assert undefined == []
    assert warnings == ["a line 1: 'xq group' fits no group of hammond_2019"]


def test_a_study_not_in_the_data_is_named_and_its_numbers_are_unread(context: Context) -> None:
    """'Speirs et al.' is no study of the data: a study_not_in_data warning names it.

    Its figures are neither claims about the previous study nor silently dropped.
    """
    text = H + "The squat group improved their back squat by 10.2%.\n\nSpeirs et al. found 12%."
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    assert ex.rows["value"].to_list() == ["10.2"]
    rules = ex.findings.select("rule", "source_line", "value").rows()
    assert ("study_not_in_data", 3, "Speirs et al.") in rules
    assert ("number_unread", 3, "Speirs et al. found 12%.") in rules
    assert ex.numbers is not None
    assert ex.numbers.select("line", "text", "disposition").rows() == [
        (1, "10.2%", "claim"),
        (3, "12%", "unread"),
    ]
    known = read_article(Article("articles/b.md", "b", [H + "It grew 12%."]), context)
    assert known.findings.filter(pl.col("rule") == "study_not_in_data").is_empty()


def test_a_fall_in_words_gives_a_negative_change(context: Context) -> None:
    """'dropped by 7.7%' states -7.7%: the sign comes from the words."""
    claims, _ = read(H + "The BHT group's back squat dropped by 7.7%.", context)
    assert [(c[3], c[6]) for c in claims] == [("bht", "-7.7")]
    rose, _ = read(H + "The BHT group's back squat rose by 7.7%.", context)
    assert [(c[3], c[6]) for c in rose] == [("bht", "7.7")]


def test_a_study_described_over_passages_is_bound_and_its_earlier_figures_read(
    context: Context,
) -> None:
    """'A recent study' named only by its description is bound, its earlier figures too.

    Trained men, back squat against hip thrust, 4 weeks, told over three paragraphs: once the
    description is clear, the paragraphs since the study was introduced are read as about it.
    """
    text = (
        "# Squats or thrusts?\n\n"
        "A recent study put this to the test.\n\n"
        "The back squat group improved their back squat by 10.2%.\n\n"
        "The lifters were trained men who did either the back squat or the hip thrust for 4 "
        "weeks."
    )
    claims, _ = read(text, context)
    assert (5, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2") in claims
    assert (7, "hammond_2019", "duration_weeks", None, None, None, "4") in claims


def test_a_second_unnamed_study_does_not_take_the_first_ones_figures(context: Context) -> None:
    """Figures of 'the first study' stay unread when 'the second study' is the data's one."""
    text = (
        "The first study had 40 women train for 10 weeks.\n\n"
        "The second study had trained men do the back squat or the hip thrust for 4 weeks."
    )
    claims, _ = read(text, context)
    assert [(c[0], c[1], c[6]) for c in claims] == [(3, "hammond_2019", "4")]


def test_an_article_naming_no_study_is_bound_by_its_whole_description(context: Context) -> None:
    """The paper's title only at the end, the design spread out: the whole article decides."""
    text = (
        "# Pick the lift you want to get better at\n\n"
        "Back squat 1RM rose by 10.2% in the squat group.\n\n"
        "## Evidence\n\n"
        "Back squat or hip thrust: a trial in trained men over 4 weeks."
    )
    claims, _ = read(text, context)
    assert (3, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2") in claims


def test_an_article_about_no_study_binds_nothing(context: Context) -> None:
    """General advice with a week count and lifts in it is no study's description."""
    text = (
        "# Programming\n\n"
        "Most lifters add 10% to their squat in 8 weeks of any sensible plan.\n\n"
        "The hip thrust and the back squat both have their place."
    )
    claims, _ = read(text, context)
    assert claims == []


def test_those_who_completed_are_the_analysed_sample(context: Context) -> None:
    """'In the end, 12 participants completed the study' is n analysed, not the total."""
    text = "Hammond et al. recruited 14 trained men. In the end, 12 participants completed it."
    claims, _ = read(text, context)
    assert [(c[2], c[6]) for c in claims if c[2].startswith("n")] == [
        ("n_recruited", "14"),
        ("n_analysed", "12"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hammond et al. trained 14 men; a second part used 10 of them plus another 6 women.",
         [("n", "14")]),
        ("Hammond et al. trained 14 men, and an additional 6 women did the second part.",
         [("n", "14")]),
        # without the added-people word the count is the sample
        ("Hammond et al. trained 14 men and 6 women.", [("n", "14"), ("n", "6")]),
    ],
)  # fmt: skip
def test_people_added_for_a_further_part_are_not_the_sample(
    context: Context, text: str, expected: list[tuple[str, str]]
) -> None:
    """'plus another 12 untrained subjects' adds people for a further part: no total."""
    claims, _ = read(text, context)
    assert [(c[2], c[6]) for c in claims if c[2].startswith("n")] == expected


def test_training_history_is_not_the_study_protocol(context: Context) -> None:
    """'3 days per week over the previous 6 months' is what they did before the study."""
    text = (
        "Hammond et al. took men who had lifted 3 days per week over the previous 6 months, and "
        "trained them 2 days per week."
    )
    claims, _ = read(text, context)
    assert [(c[2], c[6]) for c in claims if c[2] == "sessions_per_week"] == [
        ("sessions_per_week", "2")
    ]


@pytest.mark.parametrize(
    ("criterion", "expected"),
    [
        ("at least 3 times per week for a minimum of 1 year", []),
        ("3 times per week for at least two years", []),
        ("3 times per week for 1 year", [("sessions_per_week", "3")]),  # must not: no minimum
    ],
)
def test_an_entry_criterion_is_not_the_study_protocol(
    criterion: str, expected: list[tuple[str, str]], context: Context
) -> None:
    """'had lifted at least 3 times per week for a minimum of 1 year' qualified them to enter."""
    text = f"Hammond et al. took men who had lifted weights {criterion}."
    claims, _ = read(text, context)
    assert [(c[2], c[6]) for c in claims if c[2] == "sessions_per_week"] == expected


def test_an_exercise_written_as_one_word_is_named(context: Context) -> None:
    """'backsquat' is the back squat, as 'back-squat' and 'back squat' are."""
    text = "Hammond et al. found the backsquat group improved their backsquat by 10.2%."
    claims, _ = read(text, context)
    assert [(c[3], c[4], c[6]) for c in claims] == [("bbs", "back_squat", "10.2")]


def test_a_headline_summarising_the_study_named_next_is_about_it(context: Context) -> None:
    """News style: the finding first, the study a paragraph later; the lead states its weeks."""
    text = (
        "# Add 10% to your squat in 4 weeks\n\n"
        "Trained men who squatted for 4 weeks gained 10.2% on the back squat.\n\n"
        "Hammond et al. ran the trial."
    )
    claims, _ = read(text, context)
    assert [(c[0], c[2], c[6]) for c in claims if c[2] == "duration_weeks"] == [
        (1, "duration_weeks", "4"),
        (3, "duration_weeks", "4"),
    ]


def test_a_headline_that_states_nothing_of_the_study_stays_general(context: Context) -> None:
    """A lead with another study's facts (women, 10 weeks) is not bound to the study named next."""
    text = (
        "# Women gain 20% in 10 weeks\n\n"
        "Most women add 20% to their squat in 10 weeks.\n\n"
        "Hammond et al. ran a trial in men."
    )
    claims, _ = read(text, context)
    assert claims == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hammond et al. studied 14 trained male college lifters.", [("n", "14")]),
        ("Hammond et al. compared the lifts in 14 (7 in the squat group, 7 in the other).",
         [("n", "7"), ("n", "14")]),
        ("Hammond et al. took a group of 14 trained lifters (all men) for the trial.",
         [("n", "14")]),
        ("Hammond et al. did 12 sets for lifters.", []),
        ("Hammond et al. had them train twice-a-week.", [("sessions_per_week", "2")]),
    ],
)  # fmt: skip
def test_sample_sizes_and_frequencies_as_writers_put_them(
    context: Context, sentence: str, expected: list[tuple[str, str]]
) -> None:
    """Samples and frequencies in the forms real articles use.

    Describing words between a count and its people; a total with its breakdown; 'a group of' as
    the whole sample; no count of sets taken for people.
    """
    claims, _ = read(sentence, context)
    assert [(c[2], c[6]) for c in claims] == expected


def test_one_wrong_design_figure_does_not_hide_the_study_it_is_about(context: Context) -> None:
    """A study described with one wrong figure is still named, so the figure is checked.

    Trained men, back squat against hip thrust, 14 of them, said to train '6 weeks' (the study
    ran 4).
    """
    text = (
        "A recent trial had 14 trained men do the back squat or the hip thrust for 6 weeks, "
        "twice a week."
    )
    claims, _ = read(text, context)
    assert ("hammond_2019", "duration_weeks", "6") in [(c[1], c[2], c[6]) for c in claims]


def test_research_in_general_with_another_duration_is_not_the_described_study(
    context: Context,
) -> None:
    """'Research has shown ... for 8 weeks' inside an article about a 4-week study is another one.

    The study is recognised by its description only; the sentence speaks of research in general
    and gives a duration that is not the study's, so its figures are not checked against it.
    """
    text = (
        "A recent study put this to the test.\n\n"
        "The lifters were trained men who did either the back squat or the hip thrust for 4 "
        "weeks. Research has shown that the hip thrust raised the back squat by 10.2% in 8 weeks."
    )
    claims, _ = read(text, context)
    assert (3, "hammond_2019", "duration_weeks", None, None, None, "4") in claims
    assert not [c for c in claims if c[6] in ("8", "10.2")]


def test_a_sentence_on_the_study_with_its_own_duration_keeps_its_figures(context: Context) -> None:
    """Without talk of research in general, or with the study's own duration, it is the study."""
    text = (
        "A recent study put this to the test.\n\n"
        "The lifters were trained men who did either the back squat or the hip thrust for 4 "
        "weeks. Research has shown that the back squat group improved their back squat by 10.2% "
        "in 4 weeks."
    )
    claims, _ = read(text, context)
    assert (3, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2") in claims


def test_a_year_and_a_section_number_before_participants_count_no_one(context: Context) -> None:
    """'A paper from 2019 2-2 Participants 14 trained men': the year is no sample size."""
    text = "Hammond et al. trained lifters.\nA paper from 2019\n2-2 Participants\n14 trained men"
    claims, _ = read(text, context)
    assert [(c[2], c[6]) for c in claims if c[2] == "n"] == [("n", "14")]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Hammond et al. enlisted 14 trained men.", "n_recruited"),
        ("Hammond et al. recruited a total of 14 trained men.", "n_recruited"),
        ("In Hammond et al., 14 trained men were recruited.", "n_recruited"),
        ("Hammond et al. studied 14 trained men.", "n"),
        ("In Hammond et al., 14 trained men were randomised.", "n"),
    ],
)
def test_a_count_of_people_recruited_is_read_as_recruited(
    text: str, quantity: str, context: Context
) -> None:
    """'Recruited', 'enlisted', 'enrolled' before or after a count make it those recruited."""
    claims, _ = read(text, context)
    assert [(c[2], c[6]) for c in claims if c[2].startswith("n")] == [(quantity, "14")]


def test_a_count_of_people_in_parentheses_after_a_group_is_its_size(context: Context) -> None:
    """'Back squat (7 men)', 'a hip thrust group (7 men)': each group's size, not the total."""
    text = (
        "Hammond et al. trained 14 men, split into 2 groups:\n\n"
        "- Barbell back squat (7 men): full squats\n"
        "- Hip thrust group (7 men): the thrust"
    )
    claims, _ = read(text, context)
    sizes = [(c[0], c[2], c[3], c[6]) for c in claims if c[2] == "n"]
    assert sizes == [
        (1, "n", None, "14"),
        (3, "n", "bbs", "7"),
        (4, "n", "bht", "7"),
    ]


def test_a_count_of_people_in_parentheses_after_no_group_stays_the_sample(
    context: Context,
) -> None:
    """'The study (14 men)': no group is named before it, so it is the study's sample."""
    claims, _ = read("Hammond et al. ran the study (14 men) for 4 weeks.", context)
    assert (1, "hammond_2019", "n", None, None, None, "14") in claims


def test_a_group_sized_list_item_does_not_unbind_a_described_study(context: Context) -> None:
    """A study known by its description stays current when a line gives one group's size.

    '- Back squat (7 men)' states a sample of 7, which is not the study's 14 but is one of its
    groups': what follows is still about the study.
    """
    text = (
        "A recent study put this to the test.\n\n"
        "The lifters were 14 trained men who did either the back squat or the hip thrust for 4 "
        "weeks.\n\n"
        "- Back squat (7 men)\n\n"
        "The back squat group improved their back squat by 10.2%."
    )
    claims, _ = read(text, context)
    assert (5, "hammond_2019", "n", "bbs", None, None, "7") in claims
    assert (7, "hammond_2019", "change_pct", "bbs", "back_squat", "1RM", "10.2") in claims


@pytest.mark.parametrize(
    ("text", "sessions"),
    [
        ("Hammond et al. had both groups do two lower-body workouts per week.", ["2"]),
        ("Hammond et al. had the men do 2 supervised training sessions a week.", ["2"]),
        ("Hammond et al. gave the men two rest days per week.", []),
        ("Hammond et al. had the men do 3 sets per week of each lift.", []),
    ],
)
def test_a_weekly_frequency_of_described_sessions(
    text: str, sessions: list[str], context: Context
) -> None:
    """Sessions described by a word or two are still sessions a week; rest days and sets are not."""
    claims, _ = read(text, context)
    assert [c[6] for c in claims if c[2] == "sessions_per_week"] == sessions

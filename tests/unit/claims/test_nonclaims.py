"""Numbers the words around them prove are no study figure are set aside; figures are not."""

# ruff: noqa: RUF001 (the lines quote real typography: en dashes in ranges)

from __future__ import annotations

import time

import pytest

from carryover.claims.accounting import NON_CLAIM, UNREAD, dispose, non_claim_reason
from carryover.claims.nonclaims import LineReasons, word_reason
from carryover.claims.numbers import numbers


def reason(line: str, text: str) -> str | None:
    (number,) = [n for n in numbers(line) if n.text == text]
    return non_claim_reason(line, number)


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        # the things compared
        ("Twenty-two women were split into two groups of eleven.", "two", "other"),
        ("The participants were split into 2 groups.", "2", "other"),
        ("Inside both groups, 2 subgroups were formed.", "2", "other"),
        ("This study sets these two popular squats against each other.", "two", "other"),
        ("The study set two particular squat variations against each other:", "two", "other"),
        ("They compared two resistance training programmes.", "two", "other"),
        ("The squatters improved in all three areas.", "three", "other"),
        ("A good deal of research has set the two side by side.", "two", "other"),
        ("Some background on why anyone would compare the two at all.", "two", "other"),
        # an angle that names a machine, a test's name, a rank
        ("Strength on a 45° leg press test rose more with the back squat.", "45°", "other"),
        ("They pressed on a 30-degree incline bench.", "30", "other"),
        ("Sprint times over 10- and 20-m improved.", "10", "other"),
        ("They ran 5-, 10- and 30-m sprints.", "5", "other"),
        ("On day one, the jumps were tested.", "one", "other"),
        ("They were tested again after visit 2.", "2", "other"),
        ("## Difference #1: Muscle Length", "1", "heading_number"),
        ("It is the #1 exercise for glutes.", "1", "list_number"),
        # a reference's volume and pages
        (
            "- Lin, K. (2017). Effects of hip thrust training. Journal of Sports Science, 5, "
            "178-184.",
            "5",
            "citation_volume_issue_pages",
        ),
        (
            "- Lin, K. (2017). Effects of hip thrust training. Journal of Sports Science, 5, "
            "178-184.",
            "178-184",
            "citation_volume_issue_pages",
        ),
        # training loads
        ("Find your max (100%), then train at 60% of that maximum.", "100%", "training_load"),
        ("Find your max (100%), then train at 60% of that maximum.", "60%", "training_load"),
        ("A push-up amounted to roughly 65% of body weight.", "65%", "training_load"),
        ("The load went up ~10 % from week to week.", "~10 %", "training_load"),
        ("The kneeling push-up matched the 40% bench press group.", "40%", "training_load"),
        (
            "Heavier loads could be lifted in the back squat (63.4 kg on average) than in the "
            "front squat (48.6 kg).",
            "48.6 kg",
            "training_load",
        ),
        ("Once they completed the 3x8, the load went up by 5kg at the next session.", "5kg",
         "training_load"),
        # one supposed lifter
        ("A 200-pound athlete would then need a 400-pound squat.", "400", "other_study_general"),
        ("He is strong once he can squat twice his body weight.", "twice", "other_study_general"),
        # depths, ranges of motion and ways compared
        ("It tested what two ranges of motion in the squat do.", "two", "other"),
        ("The study set three depths of the squat against each other.", "three", "other"),
        ("There are two ways to make the squat a glute exercise.", "two", "other"),
        # a researcher's publications
        ("Schoenfeld has published over 60 articles on resistance training.", "60", "other"),
    ],
)  # fmt: skip
def test_numbers_the_words_prove_are_no_study_figure(line: str, text: str, expected: str) -> None:
    """Each rule sets its numbers aside with the reason an editor would give."""
    assert reason(line, text) == expected


@pytest.mark.parametrize(
    ("line", "text"),
    [
        # counts of people, sessions and weeks, and part of a sample, stay figures
        ("Two of the 12 dropped out before the end.", "Two"),
        ("The two women who dropped out were not analysed.", "two"),
        ("Both groups trained two sessions a week.", "two"),
        ("The three weeks of testing came first.", "three"),
        ("Testing ran over two days.", "two"),
        ("In all they trained for 12 days.", "12"),
        # an angle that is a result, a distance range that is a duration
        ("Knee flexion reached 45° at the bottom of the squat.", "45°"),
        ("They compared 12- and 24-week programmes.", "12"),
        # a reference cue is needed for volume and pages
        ("The groups gained 5, 178-184 kg.", "5"),
        # a result stays a result, however near a load word
        ("The squat group's 1RM load rose from 100 kg to 120 kg.", "120 kg"),
        ("The load lifted was 20 kg heavier than at the start.", "20 kg"),
        ("Their squat rose to 150% of body weight.", "150%"),
        ("Strength went up 3% each week.", "3%"),
        ("Compared with the 12.2% squat group gain, it was small.", "12.2%"),
        ("The 40% gain of the group was large.", "40%"),
        ("Next to the 12,4 % squat group, it is small.", "12,4 %"),
        # the lifters of a study, not a supposed one
        ("The study's men averaged a 300-pound squat if tested fresh.", "300"),
        ("The squat group squatted twice their body weight.", "twice"),
        # a gain of the people, not the load's progression
        ("Body weight went up by 2 kg each week.", "2 kg"),
        ("Their squat went up by 5 kg at the next session.", "5 kg"),
        # a count of articles not published by someone: the study's own figure
        ("The review found 60 articles on the squat.", "60"),
    ],
)
def test_figures_are_not_set_aside(line: str, text: str) -> None:
    """A number the rules cannot prove is no figure keeps no reason (it is read or unread)."""
    (number,) = [n for n in numbers(line) if n.text == text]
    assert word_reason(line, number) is None


def _dispositions(lines: list[str], line_no: int) -> list[tuple[str, str, str]]:
    return [
        (d.text, d.disposition, d.reason)
        for d in dispose(lines, [], range(1, len(lines) + 1))
        if d.line == line_no
    ]


def test_vote_widgets_and_bare_counters_are_ratings() -> None:
    """'53 Pro' is a vote widget; a bare count between a label and a new sentence is a counter."""
    lines = ["53 Pro", "0 Against", "", "Supporting (1)", "53", "In plain words: it works."]
    for line_no in (1, 2, 5):
        ((_, disposition, why),) = _dispositions(lines, line_no)
        assert (disposition, why) == (NON_CLAIM, "rating_or_votes")


@pytest.mark.parametrize(
    "lines",
    [
        ["The study lasted", "12", "Weeks later they were tested."],  # a wrapped sentence
        ["Results:", "22", "Participants finished the study."],  # a figure with its label
        ["Results:", "10", "Trained women took part."],
        ["Results:", "12", "weeks of training followed."],
        ["Hammond et al. trained 12 women for", "12", ""],  # nothing follows
    ],
)
def test_a_bare_number_in_running_text_stays_unread(lines: list[str]) -> None:
    """A bare number that continues a sentence or is shown with its label is no counter."""
    ((_, disposition, _why),) = _dispositions(lines, 2)
    assert disposition == UNREAD


def test_a_copied_papers_line_numbers_are_set_aside() -> None:
    """Consecutive bare integers far apart in running text are a copied paper's line numbers."""
    line = (
        "Abbreviations used: PRE = pre-intervention testing visit; 140 POST = post-intervention "
        "testing visit; HT = barbell hip thrust; body comp. = body composition testing 141 by "
        "bioelectrical impedance spectroscopy."
    )
    assert [d[1:] for d in _dispositions([line], 1)] == [(NON_CLAIM, "line_number")] * 2


@pytest.mark.parametrize(
    "line",
    [
        "Of the 12 who started, 11 finished and 12 of 13 controls did too.",
        "There were 140 men in one arm of the trial and in the other there were 141 women.",
        "The 24 participants, split into groups of 12 and of 13, trained for eight weeks.",
        "The squat group was aged 20 (on average), the hip thrust group's men 21 on average.",
    ],
)
def test_consecutive_figures_are_not_line_numbers(line: str) -> None:
    """Counts tied to words ('12 of 13', '140 men') are no line numbers."""
    found = numbers(line)
    reasons = LineReasons([line], 1, found)
    assert [reasons.reason(n) for n in found if n.text.isdigit()] == [None] * sum(
        1 for n in found if n.text.isdigit()
    )


@pytest.mark.slow  # times two long lines
def test_the_rules_read_a_long_line_in_linear_time() -> None:
    """Every rule looks at a bounded window: four times the line takes about four times as long."""

    def seconds(repeats: int) -> float:
        line = "the two groups lifted loads of 60 kg at 40% of that maximum; " * repeats
        found = numbers(line)
        began = time.process_time()
        for n in found:
            word_reason(line, n)
        LineReasons([line], 1, found)
        return time.process_time() - began

    seconds(50)
    small = min(seconds(500) for _ in range(2))
    large = min(seconds(2000) for _ in range(2))
    assert large < 8 * small


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        # a reference's volume, year and pages
        ("Journal of Sports Science 5 (2017) 178-184 doi: 10.1/x", "5",
         "citation_volume_issue_pages"),
        ("Journal of Sports Science 5 (2017) 178-184 doi: 10.1/x", "178-184",
         "citation_volume_issue_pages"),
        # the repetitions after the sets, a rest after the word rest, a range of reps
        ("| Romanian deadlift | 2 x 6–8 | 2 x 10–12 |", "10–12", "set_rep_scheme"),
        ("| Front squat | ITV x 6–8 |", "6–8", "set_rep_scheme"),
        ("The rest between sets varied, from 30~60 seconds up to 3~4 minutes.", "3~4",
         "rest_interval"),
        ("The reps per set were varied from week to week, from 4~6 up to 12~15.", "12~15",
         "set_rep_scheme"),
        # a numbered section heading alone on its line, a span of years, weeks of the plan
        ("2-1 When", "2-1", "heading_number"),
        ("It was in the top 3 of fitness trends from 2015 to 2017.", "2015 to 2017", "date"),
        ("It was raised by a further 20% after weeks 4 and 8.", "8", "programme_week"),
        # how hard a set was taken: reps in reserve; a list marker inside a sentence
        ("Every set was 10~12 reps at RIR (reps in reserve) ~2, with 3 minutes of rest.", "~2",
         "set_rep_scheme"),
        ("Each set ended 2 reps in reserve.", "2", "set_rep_scheme"),
        ("two groups: a squat group (12 women) and; 2) a hip thrust group (10 women).", "2",
         "list_number"),
        ("the groups were: 1) a squat group and 2) a hip thrust group.", "1", "list_number"),
        # the heaviest weight one can only just (or barely) lift once
        ("40% of 1RM (the most weight you can just barely lift 1 time)", "1", "other"),
    ],
)  # fmt: skip
def test_a_plans_and_a_pages_own_numbers_are_set_aside(line: str, text: str, expected: str) -> None:
    """Volume and pages, sets by reps, rests, rep ranges, section numbers, years, weeks."""
    assert reason(line, text) == expected


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("The squat group gained 5 (2017 data) and more.", "5"),
        ("| Squat 1RM | 12 x 2 | 10–12 |", "10–12"),  # no 'x' right before it
        ("They rested 2 minutes. The squat itself took 3-5 minutes.", "3-5"),
        ("The rest of the group gained 4-6 kg.", "4-6 kg"),
        ("With more reps, strength rose 10-12%.", "10-12%"),
        ("Reps went up; the group gained 8-12 kg in the squat.", "8-12 kg"),
        ("2-1 The squat group gained 12 kg.", "2-1"),  # a figure follows: no heading
        ("It ran for 2015 days.", "2015"),
        # an effort rating studies report as a result; a count in a parenthesis before ')'
        ("The session RPE was 7 in the squat group.", "7"),
        ("Reps in reserve fell and the group gained 12 kg.", "12 kg"),
        ("results for the groups (squat; 2) were similar", "2"),
        ("sizes were (12, 2) in all", "2"),
    ],
)
def test_results_near_plan_words_are_not_set_aside(line: str, text: str) -> None:
    """A result keeps no plan reason: it needs the plan's own words right at the number."""
    (number,) = [n for n in numbers(line) if n.text == text]
    assert word_reason(line, number) is None


def test_weeks_of_the_plan_need_the_word_weeks_before_the_number() -> None:
    """'after weeks 4 and 8' names weeks of the plan; 'after 8 weeks' is a duration."""
    assert reason("The volume was raised after weeks 4 and 8.", "4") == "programme_week"
    assert reason("Strength was tested after 8 weeks of training.", "8") is None


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        ("The ratio was 1.1-2.0 (for example, if your HT 1RM is 100 kg and your SQ 1RM is 50 kg, "
         "the ratio is 2.0).", "50 kg", "other_study_general"),
        ("But which of the two is the best glute exercise?", "two", "other"),
        ("Is there a training study comparing the two for strength and size?", "two", "other"),
        ("It can be below 50% of 1 repetition maximum, near failure.", "50%", "training_load"),
    ],
)  # fmt: skip
def test_supposed_figures_compared_things_and_shares_of_a_maximum(
    line: str, text: str, expected: str
) -> None:
    """The reader's own supposed lifts, 'the two' compared, a share of a 1-repetition maximum."""
    assert reason(line, text) == expected


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("Research has shown, for example, that you can raise your squat by 30%.", "30%"),
        ("For example, if you look at the study, the squat group gained 12%.", "12%"),
        ("They were comparing the two women who dropped out.", "two"),
        ("Between the two sessions, strength rose 50% of the time.", "50%"),
    ],
)
def test_figures_near_a_supposition_or_a_comparison_stay_figures(line: str, text: str) -> None:
    """No supposition without 'if you(r)' and no study word; 'two' must stand for the compared."""
    (number,) = [n for n in numbers(line) if n.text == text]
    assert word_reason(line, number) is None


@pytest.mark.parametrize(
    ("line", "column", "expected"),
    [
        ("the 1RM (the heaviest weight you can only just lift 1 time) was measured", 53, "other"),
        ("8 RM means a weight you can lift for at most 8 rep/ 8 times", 53, "other"),
        ("The load was set to what they could do 8 〜 12 times, to failure.", 40,
         "set_rep_scheme"),
    ],
)  # fmt: skip
def test_a_measure_or_load_defined_by_repetitions(line: str, column: int, expected: str) -> None:
    """'a weight you can lift N times' defines a measure; 'what they could do 8-12 times' a load."""
    (number,) = [n for n in numbers(line) if n.column == column]
    assert non_claim_reason(line, number) == expected


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("After training they could do 12 reps more than before.", "12"),
        ("The squat group could lift 8 times more often in week 9.", "8"),
    ],
)
def test_what_the_groups_could_do_stays_a_figure(line: str, text: str) -> None:
    """'they could do 12 reps more' is a result: only 'you' or a load defines by repetitions."""
    (number,) = [n for n in numbers(line) if n.text == text]
    assert word_reason(line, number) is None


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        ("They used 70-80 percent of the load they could lift for just 1 rep [1RM].",
         "70-80 percent", "training_load"),
        ("They used 30 to 50% of the weight that let them do 1 repetition.", "30 to 50%",
         "training_load"),
        ("They lifted 70-80% of the maximal weight.", "70-80%", "training_load"),
        ("They used 75% of maximal, sets to failure.", "75%", "training_load"),
        # must not: a gain measured against a one-repetition lift is no load
        ("Strength rose 20% of the load they could lift for 10 reps.", "20%", None),
    ],
)  # fmt: skip
def test_a_load_of_the_maximum_in_words(line: str, text: str, expected: str | None) -> None:
    """'of the load they could lift for just 1 rep', 'of the maximal weight': a training load."""
    assert reason(line, text) == expected

"""Study mentions are scored from every cue, and say which cues decided them."""

from __future__ import annotations

import re

import pytest

from carryover.claims.linking import (
    Linker,
    StudyKey,
    journal_of,
    journal_pattern,
    keys_from_rows,
    stated_facts,
    title_of,
    training_text,
    word_start_matches,
)

HAMMOND = (
    "hammond_2019",
    "Hammond A, Perrin C. The effects of a 4-week mesocycle of barbell back squat or barbell hip "
    "thrust strength training upon isolated lumbar extension strength. PeerJ. 2019;7:e7337.",
    2019,
    "10.7717/peerj.7337",
    "Trained males",
    14,
    4,
    2,
)
BARBALHO = (
    "barbalho_2020",
    "Barbalho M, Coswig V. Back squat vs. hip thrust resistance-training programs in well-trained "
    "women. Int J Sports Med. 2020;41(5):306-310.",
    2020,
    "10.1055/a-1082-1126",
    "Well-trained women",
    22,
    12,
    None,
)
CSUF = (
    "csuf_soccer_2020",
    "Authors not recorded. In-season hip thrust vs. back squat training in female high school "
    "soccer players. Int J Exerc Sci. 2020. PMC7039497.",
    2020,
    None,
    "Untrained adolescent female soccer players",
    None,
    6,
    2,
)


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(keys_from_rows([HAMMOND, BARBALHO, CSUF]))


def linked(linker: Linker, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(m.candidates, m.resolved_by) for m in linker.mentions(text)]


@pytest.mark.parametrize(
    ("text", "study", "cues"),
    [
        ("Hammond et al. found", "hammond_2019", ("author",)),
        ("Hammond and colleagues found", "hammond_2019", ("author",)),
        ("Barbalho's team trained women", "barbalho_2020", ("author",)),
        ("researchers led by Hammond found", "hammond_2019", ("author",)),
        ("Hammmond et al. found", "hammond_2019", ("author",)),  # misspelt
        ("Barbhalo et al. found", "barbalho_2020", ("author",)),  # misspelt
        ("Hammond (2019) found", "hammond_2019", ("author",)),
        ("see 10.7717/peerj.7337 for details", "hammond_2019", ("doi",)),
        ("the paper (PMC7039497) found", "csuf_soccer_2020", ("pmc",)),
        ("A 2019 study published in PeerJ found", "hammond_2019", ("journal", "year")),
        (
            "a recent study published in the International Journal of Sports Medicine",
            "barbalho_2020",
            ("journal",),
        ),
        ("a study in the IJSM", "barbalho_2020", ("journal",)),
    ],
)
def test_each_cue_links_its_study(linker: Linker, text: str, study: str, cues: tuple) -> None:  # type: ignore[type-arg]
    """Author forms, misspellings, identifiers, journals (as cited, expanded, initials), year."""
    assert linked(linker, text) == [((study,), cues)]


@pytest.mark.parametrize(
    "text",
    [
        "Smith et al. found",
        "Speirs and colleagues found",
        "a study that the German sports scientist Klaus Wirth published in PeerJ",
    ],
)
def test_a_named_study_not_in_the_data_has_no_candidate(linker: Linker, text: str) -> None:
    """A study-like mention that fits no study is returned with no candidate (and no journal)."""
    assert [m.candidates for m in linker.mentions(text)] == [()]


def test_a_journal_in_another_year_or_with_contradicting_facts_is_another_paper(
    linker: Linker,
) -> None:
    """The journal cue does not hold when the year or the stated population contradicts it."""
    assert linked(linker, "a 2015 paper in PeerJ") == []
    assert linked(linker, "untrained boys trained for 8 weeks in a study in PeerJ") == []


def test_an_unrecorded_doi_beside_a_named_study_is_that_study() -> None:
    """A DOI the data lacks, next to 'Hammond et al.', does not end the Hammond passage."""
    linker = Linker([StudyKey("hammond_2019", "Hammond", 2019)])
    (mention,) = linker.mentions("A study by Hammond et al. (10.7717/peerj.7337) found")
    assert mention.candidates == ("hammond_2019",)


def test_a_passage_described_without_a_name(linker: Linker) -> None:
    """Title words and population facts pick a study; contradicting facts rule one out."""
    described = linker.by_description(
        "The study set the back squat against the hip thrust in 22 well-trained women."
    )
    assert described is not None
    assert described.candidates == ("barbalho_2020",)
    assert "population" in described.resolved_by
    soccer = linker.by_description("A study of adolescent girls on a high school soccer team.")
    assert soccer is not None
    assert soccer.candidates == ("csuf_soccer_2020",)
    assert linker.by_description("A study of 30 untrained men over 8 weeks.") is None
    # Two facts are not enough to name a study: well-trained women were studied more than once.
    assert linker.by_description("The study compared the lifts in well-trained women.") is None


def test_citation_parts_and_facts() -> None:
    """Journal, title, journal forms and stated facts come from the text alone."""
    assert journal_of(BARBALHO[1]) == "Int J Sports Med"
    assert title_of(BARBALHO[1]) == (
        "Back squat vs. hip thrust resistance-training programs in well-trained women"
    )
    assert journal_pattern("J Strength Cond Res").search(
        "the Journal of Strength and Conditioning Research"
    )
    assert stated_facts("Twenty-four trained women, 3 days a week for nine weeks") >= {
        "female",
        "trained",
        "n:24",
        "sessions:3",
        "weeks:9",
    }


def test_any_author_links_a_study_and_facts_tell_first_from_co_authors() -> None:
    """'Contreras et al.' is the study he led; a nine-week study he co-wrote is the other.

    'a study run by Bret Contrease' (misspelt) lasted nine weeks: the co-written one.
    """
    contreras = ("contreras_2017", "Contreras B, Vigotsky AD. Hip thrust vs front squat in "
                 "adolescent males. J Strength Cond Res. 2017;31(4):999-1008.", 2017, None,
                 "Adolescent male athletes", None, 6, None)  # fmt: skip
    plotkin = ("plotkin_2023", "Plotkin DL, Rodas MA, Contreras BM, Roberts MD. Hip thrust and "
               "back squat training elicit similar gluteus muscle hypertrophy. Front Physiol. "
               "2023;14:1279170.", 2023, None, "Untrained adults", 34, 9, None)  # fmt: skip
    linker = Linker(keys_from_rows([contreras, plotkin]))
    assert linked(linker, "Contreras et al. found") == [(("contreras_2017",), ("author",))]
    assert linked(linker, "a study run by Bret Contrease that lasted nine weeks") == [
        (("plotkin_2023",), ("author",))
    ]
    assert linked(linker, "Contrease's study, which lasted nine weeks, found") == [
        (("plotkin_2023",), ("author",))
    ]


def test_two_authors_with_a_year_name_the_first_authors_study(linker: Linker) -> None:
    """'Hammond and Perrin (2019)': the first name is the first author."""
    assert linked(linker, "Hammond and Perrin (2019) set out to test it.") == [
        (("hammond_2019",), ("author",))
    ]


def test_a_journal_inside_a_longer_journal_name_is_not_that_journal() -> None:
    """'European Journal of Sports Science' is Eur J Sport Sci, not J Sports Sci."""
    linker = Linker(
        keys_from_rows(
            [
                (
                    "enes_2024",
                    "Enes A. Squat variations. Eur J Sport Sci. 2024;24:6-15.",
                    2024,
                    None,
                ),
                ("lin_2017", "Lin K. Hip thrust training. J Sports Sci. 2017;5:178.", 2017, None),
            ]
        )
    )
    text = "A recent paper in the European Journal of Sports Science compared them."
    assert [m.candidates for m in linker.mentions(text)] == [("enes_2024",)]
    assert [m.candidates for m in linker.mentions("In the Journal of Sports Science.")] == [
        ("lin_2017",)
    ]


def test_a_range_of_sessions_states_both_ends() -> None:
    """'2-3 days per week' is consistent with a study of 2 a week and one of 3."""
    assert {"sessions:2", "sessions:3"} <= stated_facts("They trained 2-3 days per week.")


def test_the_trained_exercises_and_group_labels_describe_a_study() -> None:
    """Unnamed, a study is told by its design.

    The exercises its groups trained count (two points when no other study trained them), and so
    do its groups' own abbreviations.
    """
    keys = [
        StudyKey("a_2020", None, 2020, facts=frozenset({"female", "weeks:8"}),
                 trains=frozenset({"half_squat", "trap_bar_deadlift"}),
                 abbreviations=frozenset({"SG", "DG"})),
        StudyKey("b_2021", None, 2021, facts=frozenset({"female"}),
                 trains=frozenset({"back_squat", "front_squat"})),
    ]  # fmt: skip
    aliases = {"half squat": "half_squat", "trap bar deadlift": "trap_bar_deadlift",
               "back squat": "back_squat", "front squat": "front_squat"}  # fmt: skip

    def exercises_in(text: str) -> set[str]:
        return {ex for phrase, ex in aliases.items() if phrase in text.lower()}

    linker = Linker(keys, exercises_in, aliases)
    by_labels = linker.by_description("The study's women trained for 8 weeks in a squat group "
                                      "(SG: n = 10) or a deadlift group (DG: n = 12).")  # fmt: skip
    assert by_labels is not None
    assert by_labels.candidates == ("a_2020",)
    assert by_labels.resolved_by == ("population", "group labels")
    by_design = linker.by_description("In the study, women did front squats or back squats.")
    assert by_design is not None
    assert by_design.candidates == ("b_2021",)
    assert "exercises" in by_design.resolved_by
    assert linker.by_description("In the study, women did squats.") is None


def test_a_journals_last_word_before_a_year_is_not_a_surname() -> None:
    """'the Journal of Human Kinetics (2020)' names the journal, not an author 'Kinetics'."""
    squat_deadlift = (
        "nigro_2020",
        "Nigro F, Bartolomei S. A comparison between the squat and the deadlift for lower body "
        "strength and power training. J Hum Kinet. 2020;73:145-152.",
        2020,
        "10.2478/hukin-2019-0139",
    )
    linker = Linker(keys_from_rows([squat_deadlift]))
    cited = linker.mentions("a paper in the Journal of Human Kinetics (2020) found")
    assert [(m.candidates, m.resolved_by) for m in cited] == [
        (("nigro_2020",), ("journal", "year"))
    ]
    unknown = linker.mentions("Kinetics (2020) found")  # no journal around it: a surname still
    assert [m.candidates for m in unknown] == [()]


def test_a_long_journal_name_with_one_inner_word_left_out_is_that_journal() -> None:
    """'Journal of Exercise & Fitness' is how a writer shortens J Exerc Sci Fit."""
    linker = Linker(
        keys_from_rows(
            [("kikuchi_2017", "Kikuchi N. Push-up. J Exerc Sci Fit. 2017;15:37-42.", 2017, None)]
        )
    )
    text = "In a new study published in the Journal of Exercise & Fitness, researchers found it."
    assert [m.candidates for m in linker.mentions(text)] == [("kikuchi_2017",)]
    assert linker.mentions("In the Journal of Fitness, researchers found it.") == []


def _wirth_and_speirs() -> Linker:
    """Two studies of one journal and year: Wirth et al. and Speirs et al., 2016, JSCR."""
    return Linker(
        keys_from_rows(
            [
                ("wirth_2016b", "Wirth K, Hartmann H. Squat and leg press. J Strength Cond Res. "
                 "2016;30:1205.", 2016, None),
                ("speirs_2016", "Speirs DE, Bennett MA. Split squat. J Strength Cond Res. "
                 "2016;30:386.", 2016, None),
            ]
        )
    )  # fmt: skip


def test_a_reference_style_author_list_names_the_first_author_and_settles_the_journal() -> None:
    """A reference-style author list names its first author and settles a shared journal.

    'Wirth, K.; Hartmann, H.; ...' names Wirth; a journal two studies share in the same sentence
    is then that study, not a study the data cannot tell.
    """
    linker = _wirth_and_speirs()
    text = (
        "In 2016, Wirth, K.; Hartmann, H.; Sander, A. & Keiner, M. published their study in the "
        "Journal of Strength & Conditioning Research."
    )
    assert [m.candidates for m in linker.mentions(text)] == [("wirth_2016b",), ("wirth_2016b",)]
    alone = "A 2016 paper in the Journal of Strength & Conditioning Research."
    assert [sorted(m.candidates) for m in linker.mentions(alone)] == [
        ["speirs_2016", "wirth_2016b"]
    ]


def test_an_author_list_settles_its_journal_against_another_study_of_the_year_given() -> None:
    """'Speirs, Bennett, Finn, & Turner, Journal of ... (2015)' cites Speirs et al. (2016 issue).

    The year beside the journal fits another study of that journal (a 2015 one); the author list
    names the paper, whose issue is a year later. Before, the journal went to the 2015 study and
    the figures after it with it. A journal the named study was not published in, or words other
    than co-authors between the names and the journal, leave it as it was.
    """
    linker = Linker(
        keys_from_rows(
            [
                ("speirs_2016", "Speirs DE, Bennett MA. Split squat. J Strength Cond Res. "
                 "2016;30:386.", 2016, None),
                ("schoenfeld_2015", "Schoenfeld BJ, Peterson MD. Low vs high load. "
                 "J Strength Cond Res. 2015;29:2954.", 2015, None),
                ("nigro_2020", "Nigro F, Bartolomei S. Squat and deadlift. J Hum Kinet. "
                 "2020;73:145.", 2020, None),
            ]
        )
    )  # fmt: skip
    cited = "by Speirs, Bennett, Finn, & Turner, Journal of Strength & Conditioning Research (2015)"
    assert [m.candidates for m in linker.mentions(cited)] == [("speirs_2016",)]
    assert [m.candidates for m in linker.mentions(cited.replace("(2015)", "(2013)"))] == [
        ("speirs_2016",)
    ]  # the journal in a year no study of it has is another paper, and is dropped
    other_journal = "Nigro and Bartolomei, Journal of Strength & Conditioning Research (2015)"
    assert [m.candidates for m in linker.mentions(other_journal)] == [
        ("nigro_2020",),
        ("schoenfeld_2015",),
    ]
    apart = "Speirs et al. wrote on it; a 2015 trial in Journal of Strength & Conditioning Research"
    assert [m.candidates for m in linker.mentions(apart)] == [
        ("speirs_2016",),
        ("schoenfeld_2015",),
    ]


def test_an_author_list_with_commas_only_names_its_first_author() -> None:
    """'Wirth, K, Hartmann, H, Sander, A, ...' (bare or dotted initials) names Wirth's study.

    Before, only a list with semicolons was read, and a shared journal and year tied two studies.
    The list must start the names: Hartmann is not a first author, and places or people that fit
    no study ('Austin, TX, Dallas, TX', 'Smith, J, Jones, K') make no mention.
    """
    linker = _wirth_and_speirs()
    for text in (
        "Wirth, K, Hartmann, H, Sander, A, Mickel, C, and Keiner, M.",
        "Wirth, K., Hartmann, H., and Keiner, M. (2016).",
    ):
        assert [m.candidates for m in linker.mentions(text)] == [("wirth_2016b",)], text
    assert linker.mentions("Hartmann, H, Wirth, K, and Keiner, M.") == []
    assert linker.mentions("We drove from Austin, TX, Dallas, TX and back.") == []
    assert linker.mentions("Smith, J, Jones, K, and Brown, L wrote to us.") == []


def test_the_year_in_parentheses_is_the_named_study_s(linker: Linker) -> None:
    """The year in parentheses goes with the study it names.

    'Squats and Hammond (2019)', 'Barbalho and Hammond (2019)': Hammond's; a year either side of
    a study's still names it ('Barbalho (2019)' for the 2020 paper).
    """
    assert linked(linker, "Squats and Hammond (2019) found gains.") == [
        (("hammond_2019",), ("author",))
    ]
    assert linked(linker, "Both Barbalho and Hammond (2019) tested it.") == [
        (("hammond_2019",), ("author",))
    ]
    assert linked(linker, "Barbalho (2019) tested it online first.") == [
        (("barbalho_2020",), ("author",))
    ]


def test_a_bare_numeral_does_not_stand_between_a_count_and_its_people() -> None:
    """'2020 2-2 Participants': a year, then a section number; '22 adult women' still counts."""
    assert "n:2020" not in stated_facts("A paper from 2020 2-2 Participants 22 adult women")
    assert "n:22" in stated_facts("A paper from 2020 2-2 Participants 22 adult women")
    assert "n:20" in stated_facts("20 male college-aged baseball players")


def test_two_authors_without_a_year_name_the_study_they_co_authored(linker: Linker) -> None:
    """'Hammond and Perrin ( 1 ) recruited ...': the first author with one of the co-authors."""
    assert linked(linker, "Hammond and Perrin ( 1 ) set out to test it.") == [
        (("hammond_2019",), ("author",))
    ]


def test_two_names_that_did_not_write_a_study_together_name_none(linker: Linker) -> None:
    """'Hammond and Barbalho', 'Perrin and Hammond': no study has them as first and co-author."""
    assert linked(linker, "Hammond and Barbalho set out to test it.") == []
    assert linked(linker, "Perrin and Hammond set out to test it.") == []


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![\w])(?:journal of sports? science|jss|peerj)(?![\w])",
        r"(?<![\w.])(?<![A-Za-z]-)(\d+|nine|twenty)(?=[\s-]weeks?\b)",
    ],
)
def test_matches_tried_at_word_starts_are_the_scanned_matches(pattern: str) -> None:
    """Trying a pattern at each word's start finds what scanning every character finds."""
    compiled = re.compile(pattern, re.I)
    texts = [
        "Nine weeks (n = 20) in PeerJ; 3.5 weeks, a 10-week, 12 weeks and twenty weeks.",
        "the Journal of Sport Science and JSS, xjss, peerjs, 8weeks, pre-9 weeks",
        "",
        "PeerJ",
    ]
    for text in texts:
        assert [m.span() for m in word_start_matches(compiled, text)] == [
            m.span() for m in compiled.finditer(text)
        ]


def test_a_journal_not_starting_with_a_word_character_is_still_found() -> None:
    """A journal whose name begins with a sign is looked for at every character, as before."""
    linker = Linker([StudyKey("s1", "Smith", 2020, journal="+Sport Reports")])
    text = "A study in +Sport Reports found 12 kg."
    [found] = linker.mentions(text)
    assert (found.kind, found.candidates, found.start) == ("journal", ("s1",), text.index("+"))


def test_exercises_compared_for_muscle_activity_do_not_describe_a_training_study() -> None:
    """Exercises compared for muscle activity are not a training study's groups.

    'The glutes were more active in hip thrusts than in front squats' names exercises measured in
    one visit, not the groups of a training study described in the same passage.
    """
    keys = [
        StudyKey("ht_2020", None, 2020, facts=frozenset({"female", "weeks:12"}),
                 trains=frozenset({"back_squat", "hip_thrust"})),
        StudyKey("fs_2024", None, 2024, facts=frozenset({"female", "weeks:12"}),
                 trains=frozenset({"back_squat", "front_squat"})),
    ]  # fmt: skip
    aliases = {"back squat": "back_squat", "front squat": "front_squat", "hip thrust": "hip_thrust"}

    def exercises_in(text: str) -> set[str]:
        return {ex for phrase, ex in aliases.items() if phrase in text.lower()}

    linker = Linker(keys, exercises_in, aliases)
    study = "In a study, women did back squats or hip thrusts for 12 weeks. "
    emg = "The glutes were more active in hip thrusts than in front squats. "
    described = linker.by_description(study + emg)
    assert described is not None
    assert described.candidates == ("ht_2020",)
    # the same exercises named as trained, not as compared for activity, describe both studies
    trained = "Others did front squats. "
    assert linker.by_description(study + trained) is None
    assert linker.description_tie(study + trained) == ("fs_2024", "ht_2020")
    assert training_text(study + emg).strip() == study.strip()
    assert training_text(study + trained).strip() == (study + trained).strip()


def test_a_journal_cited_a_year_off_is_the_study_the_facts_name() -> None:
    """A paper online a year before its issue is cited with either year.

    'The Journal of Strength and Conditioning Research in 2016 ... after 6 weeks' is the 2017
    six-week study of that journal when its 2016 studies share no stated fact (one is a five-week
    study); without such a fact, or with a 2016 study that fits, the year decides as before.
    """

    def key(study_id: str, year: int, facts: set[str]) -> StudyKey:
        return StudyKey(study_id, None, year, journal="J Strength Cond Res",
                        facts=frozenset(facts))  # fmt: skip

    five_weeks = [key("six_2017", 2017, {"weeks:6"}), key("five_2016", 2016, {"weeks:5"}),
                  key("none_2016", 2016, set())]  # fmt: skip
    linker = Linker(five_weeks)
    journal = "In the Journal of Strength and Conditioning Research in 2016"
    found = linker.mentions(f"{journal} it was shown that after 6 weeks the group was stronger.")
    assert [m.candidates for m in found] == [("six_2017",)]
    assert "year either side" in found[0].resolved_by
    vague = linker.mentions(f"{journal} it was shown that the group was stronger.")
    assert [m.candidates for m in vague] == [("five_2016", "none_2016")]
    fitting = Linker([*five_weeks[:2], key("six_2016", 2016, {"weeks:6"})])
    same_year = fitting.mentions(f"{journal} it was shown that after 6 weeks it was stronger.")
    assert "six_2017" not in same_year[0].candidates


def test_a_surname_in_an_institutions_name_is_no_author() -> None:
    """'McMaster University' is where a study ran, not McMaster the co-author."""
    contreras = ("contreras_2017", "Contreras B, Vigotsky AD, McMaster DT. Hip thrust vs front "
                 "squat in adolescent males. J Strength Cond Res. 2017;31(4):999-1008.", 2017,
                 None, "Adolescent male athletes", None, 6, None)  # fmt: skip
    linker = Linker(keys_from_rows([contreras]))
    for text in (
        "New work from McMaster University suggests that light weights work.",
        "a study by McMaster University in Hamilton, Canada",
        "researchers at the University of McMaster found",
    ):
        assert linked(linker, text) == [], text
    assert linked(linker, "a study by McMaster found") == [(("contreras_2017",), ("author",))]


def test_a_paper_listed_as_title_year_author_is_a_study_mention(linker: Linker) -> None:
    """'Its title - 2016 - Kim': a paper's first author, known or not (then no candidate)."""
    assert linked(linker, "Hip thrust vs squat in women \u2013 2019 \u2013 Hammond Results") == [
        (("hammond_2019",), ("author",))
    ]
    assert linked(linker, "Ankle position and knee strength gains \u2013 2016 \u2013 Kim") == [
        ((), ())
    ]
    # a capitalised word after a dashed year, then running text, is no such listing
    assert linked(linker, "Season 3 - 2019 - Great news for the fans") == []

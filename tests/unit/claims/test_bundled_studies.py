"""The design-only and abstract-added studies of raw/ load clean and are found by their cues."""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import alias_key
from carryover.steps import check
from tests.support import PROJECT_ROOT, bundled_context

DESIGN_ONLY = ("kotarsky_2018", "speirs_2016", "nigro_2020", "wirth_2016b", "rossi_2018")


def test_the_design_only_studies_load_without_a_finding_of_their_own() -> None:
    """Their studies, groups and contrasts load; the only finding is nigro_2020's caution."""
    validation = check(PROJECT_ROOT / "raw").validation
    clean = validation.clean
    assert sorted(clean["studies"].filter(pl.col("study_id").is_in(DESIGN_ONLY))["study_id"]) == (
        sorted(DESIGN_ONLY)
    )
    groups = clean["groups"].filter(pl.col("study_id").is_in(DESIGN_ONLY))
    assert groups.group_by("study_id").len().sort("study_id").rows() == [
        ("kotarsky_2018", 2), ("nigro_2020", 2), ("rossi_2018", 2), ("speirs_2016", 2),
        ("wirth_2016b", 2),
    ]  # fmt: skip
    assert clean["outcomes"].filter(pl.col("study_id").is_in(DESIGN_ONLY)).is_empty()
    contrasts = clean["contrasts"].filter(pl.col("study_id") == "nigro_2020")
    assert sorted(contrasts.select("test_exercise", "p", "favoured_group").rows()) == [
        ("back_squat", 0.049, "sq"),
        ("deadlift", 0.017, "de"),
    ]
    assert validation.quarantine.is_empty()
    own = validation.findings.filter(
        pl.col("message").str.contains("|".join(DESIGN_ONLY))
        | pl.col("value").cast(pl.String).is_in(DESIGN_ONLY)
    )
    assert own.select("severity", "rule").rows() == [("warning", "study_caution")]
    assert "nigro_2020" in own["message"][0]


@pytest.mark.parametrize(
    ("text", "study"),
    [
        ("doi:10.2478/hukin-2019-0139", "nigro_2020"),
        ("the Journal of Human Kinetics (2020)", "nigro_2020"),
        ("Nigro and colleagues", "nigro_2020"),
        ("Speirs et al.", "speirs_2016"),
        ("Kotarsky et al", "kotarsky_2018"),
        ("Rossi et al.", "rossi_2018"),
        ("a study by Klaus Wirth et al.", "wirth_2016b"),
        ("https://doi.org/10.1519/JSC.0000000000001228", "wirth_2016b"),
    ],
)
def test_each_study_is_found_by_its_name_identifier_or_journal(text: str, study: str) -> None:
    """Author, DOI, and journal with its year link the article to the study, and only it."""
    mentions = bundled_context().linker.mentions(text)
    assert [m.candidates for m in mentions] == [(study,)]


def test_a_journal_several_studies_share_is_not_guessed_without_its_year() -> None:
    """J Strength Cond Res holds four studies: with no year near it, none is picked."""
    text = "in the Journal of Strength & Conditioning Research"
    mentions = bundled_context().linker.mentions(text)
    assert len(mentions) == 1
    assert set(mentions[0].candidates) >= {"kotarsky_2018", "speirs_2016", "wirth_2016b"}


@pytest.mark.parametrize(
    ("phrase", "exercises"),
    [
        ("rear foot elevated split squat", {"rear_foot_elevated_split_squat"}),
        ("Rear-foot-elevated split squat", {"rear_foot_elevated_split_squat"}),
        ("RFESS", {"rear_foot_elevated_split_squat"}),
        ("Bulgarian split squat", {"rear_foot_elevated_split_squat"}),
        ("leg press", {"leg_press", "leg_press_45"}),
        ("45-degree leg press", {"leg_press_45"}),
    ],
)
def test_the_new_exercises_are_named_as_writers_name_them(phrase: str, exercises: set) -> None:  # type: ignore[type-arg]
    """RFESS and its other names are one exercise; a plain 'leg press' may be either machine."""
    assert bundled_context().aliases[alias_key(phrase)] == exercises


def test_schoenfeld_2019_loads_as_a_design_only_study() -> None:
    """Its three volume groups add up to the 34 randomized men; no outcome rows, no finding."""
    validation = check(PROJECT_ROOT / "raw").validation
    clean = validation.clean
    study = clean["studies"].filter(pl.col("study_id") == "schoenfeld_2019")
    assert study.select("n_randomized", "duration_weeks", "sessions_per_week").rows() == [
        (34, 8, 3)
    ]
    groups = clean["groups"].filter(pl.col("study_id") == "schoenfeld_2019").sort("group_id")
    assert groups.select("group_id", "n_randomized", "trained_exercise").rows() == [
        ("high", 11, None), ("low", 11, None), ("moderate", 12, None),
    ]  # fmt: skip
    assert clean["outcomes"].filter(pl.col("study_id") == "schoenfeld_2019").is_empty()
    sites = clean["exercises"].filter(pl.col("exercise_id").str.ends_with("_thickness"))
    assert {"elbow_flexor_thickness", "elbow_extensor_thickness", "mid_thigh_thickness"} | {
        "lateral_thigh_thickness"
    } <= set(sites["exercise_id"])
    own = validation.findings.filter(pl.col("message").str.contains("schoenfeld_2019"))
    assert own.is_empty()


def test_kubo_2019_holds_its_abstract_figures_and_no_finding_of_its_own() -> None:
    """The full vs half squat study loads clean with the abstract's 1RM and volume changes and p."""
    validation = check(PROJECT_ROOT / "raw").validation
    clean = validation.clean
    groups = clean["groups"].filter(pl.col("study_id") == "kubo_2019")
    assert sorted(groups.select("group_id", "trained_exercise", "n", "n_randomized").rows()) == [
        ("fst", "full_squat", 8, None),
        ("hst", "half_squat", 9, None),
    ]
    outcomes = clean["outcomes"].filter(pl.col("study_id") == "kubo_2019")
    assert sorted(
        outcomes.select(
            "group_id", "test_exercise", "measure", "change_pct", "change_pct_sd"
        ).rows()
    ) == [
        ("fst", "adductor_volume", "volume", 6.2, 2.6),
        ("fst", "full_squat", "1RM", 31.8, 14.9),
        ("fst", "glute_volume", "volume", 6.7, 3.5),
        ("fst", "half_squat", "1RM", 24.2, 7.1),
        ("fst", "quadriceps_volume", "volume", 4.9, 2.6),
        ("hst", "adductor_volume", "volume", 2.7, 3.1),
        ("hst", "full_squat", "1RM", 11.3, 8.6),
        ("hst", "glute_volume", "volume", 2.2, 2.6),
        ("hst", "half_squat", "1RM", 32.0, 12.1),
        ("hst", "quadriceps_volume", "volume", 4.6, 3.1),
    ]
    assert outcomes.filter(pl.col("measure") == "volume")["unit"].is_null().all()
    contrasts = clean["contrasts"].filter(pl.col("study_id") == "kubo_2019")
    assert sorted(contrasts.select("test_exercise", "p", "favoured_group").rows()) == [
        ("adductor_volume", 0.026, "fst"),
        ("full_squat", 0.003, "fst"),
        ("glute_volume", 0.008, "fst"),
        ("half_squat", 0.132, None),
    ]
    own = validation.findings.filter(pl.col("message").str.contains("kubo_2019"))
    assert own.is_empty()


@pytest.mark.parametrize(
    "text",
    [
        "Kubo et al. (2019)",
        "doi: 10.1007/s00421-019-04181-y",
        "the European Journal of Applied Physiology (2019)",
    ],
)
def test_kubo_2019_is_found_by_author_doi_and_journal(text: str) -> None:
    """Its author with a year, its DOI, and its journal with the year link to it alone."""
    assert [m.candidates for m in bundled_context().linker.mentions(text)] == [("kubo_2019",)]


@pytest.mark.parametrize("phrase", ["full squat", "full squats", "deep squat", "full-depth squat"])
def test_the_full_squat_is_named_as_papers_name_it(phrase: str) -> None:
    """The paper's "full squat" and its usual other names are one exercise, not the back squat."""
    assert bundled_context().aliases[alias_key(phrase)] == {"full_squat"}


def test_schoenfeld_2015_holds_its_abstract_figures_and_no_finding_of_its_own() -> None:
    """The low vs high load study loads clean with the abstract's changes and verbal results."""
    validation = check(PROJECT_ROOT / "raw").validation
    clean = validation.clean
    study = clean["studies"].filter(pl.col("study_id") == "schoenfeld_2015")
    design = study.select("n_randomized", "duration_weeks", "sessions_per_week")
    assert design.rows() == [(18, 8, 3)]
    groups = clean["groups"].filter(pl.col("study_id") == "schoenfeld_2015")
    assert sorted(groups.select("group_id", "trained_exercise", "n_randomized").rows()) == [
        ("hl", None, 9),
        ("ll", None, 9),
    ]
    outcomes = clean["outcomes"].filter(pl.col("study_id") == "schoenfeld_2015")
    assert sorted(outcomes.select("group_id", "test_exercise", "change_pct").rows()) == [
        ("hl", "back_squat", 19.6), ("hl", "bench_press", 6.5),
        ("hl", "elbow_extensor_thickness", 6.0), ("hl", "elbow_flexor_thickness", 5.3),
        ("hl", "quadriceps_thickness", 9.3),
        ("ll", "back_squat", 8.8), ("ll", "bench_press", 2.0),
        ("ll", "elbow_extensor_thickness", 5.2), ("ll", "elbow_flexor_thickness", 8.6),
        ("ll", "quadriceps_thickness", 9.5),
    ]  # fmt: skip
    contrasts = clean["contrasts"].filter(pl.col("study_id") == "schoenfeld_2015")
    assert sorted(contrasts.select("test_exercise", "favoured_group", "inference").rows()) == [
        ("back_squat", "hl", "significantly greater"),
        ("bench_press", None, "trend"),
        ("elbow_extensor_thickness", None, "no significant difference"),
        ("elbow_flexor_thickness", None, "no significant difference"),
        ("quadriceps_thickness", None, "no significant difference"),
    ]
    assert validation.quarantine.is_empty()
    own = validation.findings.filter(pl.col("message").str.contains("schoenfeld_2015"))
    assert own.is_empty()


def test_schoenfeld_2015_is_found_by_its_doi() -> None:
    """Its DOI links to it alone (its author and year are shared with other Schoenfeld papers)."""
    mentions = bundled_context().linker.mentions("doi: 10.1519/JSC.0000000000000958")
    assert [m.candidates for m in mentions] == [("schoenfeld_2015",)]


def test_maeo_2021_holds_its_abstract_figures_and_no_finding_of_its_own() -> None:
    """The seated vs prone leg curl study loads clean: two legs with no n, the volume changes."""
    validation = check(PROJECT_ROOT / "raw").validation
    clean = validation.clean
    study = clean["studies"].filter(pl.col("study_id") == "maeo_2021")
    design = study.select("n_randomized", "duration_weeks", "sessions_per_week")
    assert design.rows() == [(None, 12, 2)]
    groups = clean["groups"].filter(pl.col("study_id") == "maeo_2021")
    assert sorted(groups.select("group_id", "trained_exercise", "n", "n_randomized").rows()) == [
        ("prone", "prone_leg_curl", None, None),
        ("seated", "seated_leg_curl", None, None),
    ]
    outcomes = clean["outcomes"].filter(pl.col("study_id") == "maeo_2021")
    assert sorted(outcomes.select("group_id", "test_exercise", "measure", "change_pct").rows()) == [
        ("prone", "hamstrings_monoarticular_volume", "volume", 9.0),
        ("prone", "hamstrings_volume", "volume", 9.0),
        ("seated", "hamstrings_monoarticular_volume", "volume", 10.0),
        ("seated", "hamstrings_volume", "volume", 14.0),
    ]
    contrasts = clean["contrasts"].filter(pl.col("study_id") == "maeo_2021")
    assert sorted(contrasts.select("test_exercise", "p", "favoured_group").rows()) == [
        ("hamstrings_monoarticular_volume", None, None),
        ("hamstrings_volume", None, "seated"),
    ]
    assert validation.quarantine.is_empty()
    own = validation.findings.filter(pl.col("message").str.contains("maeo_2021"))
    assert own.is_empty()

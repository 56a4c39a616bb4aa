"""Every validation rule has a row that breaks it and a row that passes."""

from __future__ import annotations

import polars as pl
import pytest

from schemas.rules import RULES
from tests.support import valid_texts, validate_texts, with_row

OUTCOME = (
    "trial_2020,sq,back_squat,{measure},{unit},{pre},{pre_sd},{post},{post_sd},{abs},{pct},{source}"
)


def outcome(**cells: str) -> str:
    values = {"measure": "3RM", "unit": "kg", "pre": "", "pre_sd": "", "post": "", "post_sd": ""}
    values |= {"abs": "", "pct": "", "source": "Table 2"} | cells
    return OUTCOME.format(**values)


def study(**cells: str) -> str:
    values = {"id": "other_2021", "citation": '"Roe R. Another trial. 2021."', "year": "2021"}
    values |= {"doi": "", "n": "", "weeks": "6", "sessions": ""} | cells
    return "{id},{citation},{year},{doi},Adults,{n},{weeks},{sessions}".format(**values)


# (table, appended row, expected rule or None for "passes", column of the finding)
CASES = [
    ("exercises", "Bad_Id,Name,x", "slug_format", "exercise_id"),
    ("exercises", "ok_id,,x", "required", "name"),
    ("exercises", "ok_id,Name,Squat", "aliases_format", "aliases"),
    ("exercises", "ok_id,Name,a;;b", "aliases_format", "aliases"),
    ("exercises", "ok_id,Name,front squat; squat", None, None),
    ("exercises", "ok_id,Name,", None, None),
    ("exercises", "back_squat,Again,", "duplicate_key", "exercise_id"),
    ("studies", study(year="1899"), "out_of_range", "year"),
    ("studies", study(year="2027"), "out_of_range", "year"),
    ("studies", study(year="2026"), None, None),
    ("studies", study(year="1900"), None, None),
    ("studies", study(year="20x1"), "integer_type", "year"),
    ("studies", study(doi="10.12/x"), "doi_format", "doi"),
    ("studies", study(doi="10.1234/x.y-1"), None, None),
    ("studies", study(n="0"), "out_of_range", "n_randomized"),
    ("studies", study(n="1"), None, None),
    ("studies", study(weeks="0"), "out_of_range", "duration_weeks"),
    ("studies", study(weeks="six"), "number_type", "duration_weeks"),
    ("studies", study(weeks="0.5"), None, None),
    # A paper whose length or population the sources do not give is recorded with them empty.
    ("studies", study(weeks=""), None, None),
    ("studies", 'other_2021,"Roe R. Another trial. 2021.",2021,,,,,', None, None),
    ("studies", study(sessions="-1"), "out_of_range", "sessions_per_week"),
    ("studies", study(citation=""), "required", "citation"),
    ("studies", study(id="trial_2020"), "duplicate_key", "study_id"),
    ("groups", "nostudy,a,A,back_squat,5", "unknown_study", "study_id"),
    ("groups", "trial_2020,x,X,bench_press,5", "unknown_exercise", "trained_exercise"),
    ("groups", "trial_2020,x,X,back_squat,0", "out_of_range", "n"),
    ("groups", "trial_2020,x,X,back_squat,5.5", "integer_type", "n"),
    ("groups", "trial_2020,sq,Dup,back_squat,5", "duplicate_key", "group_id"),
    ("groups", "trial_2020,ctl,Control,,5", None, None),
    ("outcomes", outcome(pct="5.0"), None, None),
    ("outcomes", outcome(measure="RM", pct="5"), "measure_format", "measure"),
    ("outcomes", outcome(measure="0RM", pct="5"), "measure_format", "measure"),
    ("outcomes", outcome(measure="12RM", pct="5"), None, None),
    ("outcomes", outcome(unit="lbs", pct="5"), "unit_value", "unit"),
    ("outcomes", outcome(unit="lb", pct="5"), None, None),
    ("outcomes", "trial_2020,zz,back_squat,3RM,kg,,,,,,5,A", "unknown_group", "group_id"),
    ("outcomes", "trial_2020,sq,bench_press,3RM,kg,,,,,,5,A", "unknown_exercise", "test_exercise"),
    ("outcomes", outcome(pre="0", post="10"), "out_of_range", "pre_mean"),
    ("outcomes", outcome(pre="100", pre_sd="-1", post="110"), "out_of_range", "pre_sd"),
    ("outcomes", outcome(pre="100", pre_sd="0", post="110"), None, None),
    ("outcomes", outcome(pct="5", post_sd="3"), "sd_without_mean", "post_sd"),
    # A change in the unit alone is a change too (issue 12: abstracts that give only kg changes).
    ("outcomes", outcome(abs="5"), None, None),
    ("outcomes", outcome(), "outcome_no_figures", "change_pct"),
    ("outcomes", outcome(pre="100", post="110"), None, None),
    ("outcomes", outcome(unit="", pre="100", post="110"), "unit_required", "unit"),
    ("outcomes", outcome(unit="", pct="5"), None, None),
    ("outcomes", outcome(pre="100", post="110", abs="12"), "figures_disagree", "change_abs"),
    ("outcomes", outcome(pre="100", post="110", abs="10"), None, None),
    ("outcomes", outcome(pre="100", post="110", pct="12"), "figures_disagree", "change_pct"),
    ("outcomes", outcome(pre="100", post="110", pct="10.5"), None, None),
    ("outcomes", outcome(pre="100", abs="10", pct="12"), "figures_disagree", "change_pct"),
    ("outcomes", outcome(pre="100", abs="10", pct="10"), None, None),
    ("outcomes", outcome(post="110", abs="10", pct="12"), "figures_disagree", "change_pct"),
    ("outcomes", outcome(post="110", abs="10", pct="10"), None, None),
    # 100.0 -> 110.0 allows 9.895% to 10.105%: 10.2 cannot be a rounding of it, 10.1 can.
    ("outcomes", outcome(pre="100.0", post="110.0", pct="10.2"), "figures_disagree", "change_pct"),
    ("outcomes", outcome(pre="100.0", post="110.0", pct="10.1"), None, None),
    ("outcomes", outcome(source=""), "required", "source"),
    ("outcomes", "trial_2020,sq,back_squat,1RM,kg,,,,,,5,A", "duplicate_key", "measure"),
    ("claims", "review,7,trial_2020,duration_weeks,,,,8", None, None),
    ("claims", "review,0,trial_2020,n,,,,20", "out_of_range", "line"),
    ("claims", "review,7,trial_2020,weeks,,,,8", "quantity_value", "quantity"),
    ("claims", "review,7,trial_2020,change_pct,,back_squat,1RM,5", "claim_incomplete", "group_id"),
    ("claims", "review,7,trial_2020,change_pct,sq,,1RM,5", "claim_incomplete", "test_exercise"),
    ("claims", "review,7,trial_2020,change_pct,sq,back_squat,,5", "claim_incomplete", "measure"),
    ("claims", "review,7,nostudy,n,,,,20", "unknown_study", "study_id"),
    ("claims", "review,7,trial_2020,change_pct,zz,back_squat,1RM,5", "unknown_group", "group_id"),
    (
        "claims",
        "review,7,trial_2020,change_pct,sq,bench,1RM,5",
        "unknown_exercise",
        "test_exercise",
    ),
    ("claims", "review,7,trial_2020,n,,,,12 kg", "number_type", "value"),
    ("claims", "Review,7,trial_2020,n,,,,20", "slug_format", "article_id"),
]


def test_the_valid_set_has_no_findings() -> None:
    """The baseline every case below starts from is clean."""
    validation = validate_texts(valid_texts())
    assert validation.findings.is_empty()
    assert validation.quarantine.is_empty()


@pytest.mark.parametrize(("table", "row", "rule", "column"), CASES)
def test_rule_cases(table: str, row: str, rule: str | None, column: str | None) -> None:
    """A row that breaks a rule yields that rule at its line and column; a good row yields none."""
    texts = with_row(table, row)
    line = texts[table].count("\n")
    findings = validate_texts(texts).findings
    if rule is None:
        assert findings.is_empty(), findings.to_dicts()
        return
    hits = findings.filter(pl.col("rule") == rule)
    assert hits.height >= 1, findings.to_dicts()
    hit = hits.row(0, named=True)
    assert (hit["source_file"], hit["source_line"], hit["column_name"]) == (
        f"{table}.csv",
        line,
        column,
    )
    assert hit["severity"] == RULES[rule].severity
    assert hit["message"]


def test_groups_that_outnumber_the_randomized_are_reported_on_the_study() -> None:
    """A study's groups may analyse at most n_randomized participants in all."""
    findings = validate_texts(with_row("groups", "trial_2020,big,Big,back_squat,11")).findings
    assert findings.select("rule", "source_file", "source_line").rows() == [
        ("groups_exceed_randomized", "studies.csv", 2)
    ]
    just_enough = validate_texts(with_row("groups", "trial_2020,big,Big,back_squat,10"))
    assert just_enough.findings.is_empty()


def test_every_catalogued_rule_has_a_failing_case() -> None:
    """No catalogued rule lacks a case that can fail (structural ones live in test_extract)."""
    from tests.unit.claims.test_judge import CASES as CLAIM_CASES

    structural = {r for r in RULES if r.startswith(("file_", "column_", "row_"))}
    from tests.unit.schemas.test_study_rules import CASES as STUDY_CASES
    from tests.unit.schemas.test_study_rules import TESTED_BY_NAME

    covered = {case[2] for case in (*CASES, *STUDY_CASES)} | {"groups_exceed_randomized"}
    covered |= TESTED_BY_NAME
    covered |= {rule for case in CLAIM_CASES for rule, _ in case[1]}
    # Tested by name: claims/test_judge (unverifiable), test_articles (unresolved),
    # test_bad_input (normalised values), test_article_hardening (an article that fails).
    covered |= {"claim_unverifiable", "claim_unresolved", "value_normalised", "article_unreadable"}
    covered |= {"study_not_in_data", "number_unread"}  # test_articles
    assert set(RULES) - structural - covered == set()


def test_quarantining_rules_keep_the_row_out_and_say_why() -> None:
    """A row with a range error goes to quarantine with its raw text and every reason."""
    row = outcome(measure="RM", unit="lbs", pct="5")
    validation = validate_texts(with_row("outcomes", row))
    q = validation.quarantine.row(0, named=True)
    assert (q["table_name"], q["source_line"], q["raw"]) == ("outcomes", 6, row)
    assert "measure" in q["reasons"]
    assert "unit" in q["reasons"]
    assert validation.clean["outcomes"].height == 4


def test_consistency_rules_report_but_keep_the_row() -> None:
    """Figures that disagree are an error finding, but the row is still loaded."""
    validation = validate_texts(with_row("outcomes", outcome(pre="100", post="110", pct="12")))
    assert validation.errors == 1
    assert validation.quarantine.is_empty()
    assert validation.clean["outcomes"].height == 5


def test_a_row_pointing_at_a_quarantined_parent_is_quarantined_too() -> None:
    """References are checked against clean parent rows, so quarantine cascades, with reasons."""
    texts = with_row("studies", study(id="bad_2021", year="1850"))
    texts["groups"] += "bad_2021,a,A,back_squat,5\n"
    validation = validate_texts(texts)
    reasons = dict(validation.quarantine.select("table_name", "reasons").rows())
    assert "year" in reasons["studies"]
    assert "bad_2021" in reasons["groups"]


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("1.5", "out_of_range"),
        ("-1.01", "out_of_range"),
        ("high", "number_type"),
        ("-1", None),
        ("1", None),
        ("0.85", None),
        ("", None),
    ],
)
def test_prepost_r_is_an_optional_correlation(value: str, rule: str | None) -> None:
    """studies.csv may give prepost_r, from -1 to 1; outside that the row is quarantined."""
    texts = valid_texts()
    header, *rows = texts["studies"].splitlines()
    texts["studies"] = "\n".join([header + ",prepost_r", *(r + f",{value}" for r in rows)]) + "\n"
    validation = validate_texts(texts)
    if rule is None:
        assert validation.findings.is_empty(), validation.findings.to_dicts()
        return
    hit = validation.findings.filter(pl.col("rule") == rule).row(0, named=True)
    assert (hit["source_file"], hit["source_line"], hit["column_name"]) == (
        "studies.csv",
        2,
        "prepost_r",
    )
    assert "studies.csv" in validation.quarantine["source_file"].to_list()

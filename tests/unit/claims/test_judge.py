"""Each claim rule has a claim that breaks it and one that passes; verdicts land in claim_checks."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carryover.validate.validation import Validation
from tests.support import valid_texts, validate_texts

# The valid set: trial_2020 randomized 30; groups sq and ht with 10 each, 8 weeks, 2 a week.
# sq back_squat 1RM: 100.0 -> 112.0, 12.0%; sq hip_thrust 1RM: 120.0 -> 130.0 (8.33% computed);
# ht back_squat 1RM: +6.5 kg, 6.4%; ht hip_thrust 1RM: 25.0%.
CLAIM = "review,{line},trial_2020,{quantity},{group},{exercise},{measure},{value}"


def claim(line: int, value: str, quantity: str = "change_pct", group: str = "sq",
          exercise: str = "back_squat", measure: str = "1RM") -> str:  # fmt: skip
    if quantity != "change_pct":
        group = exercise = measure = ""
    return CLAIM.format(line=line, quantity=quantity, group=group, exercise=exercise,
                        measure=measure, value=value)  # fmt: skip


def run(*rows: str, extra_exercises: str = "") -> Validation:
    texts = valid_texts()
    texts["claims"] = "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"
    texts["claims"] += "".join(r + "\n" for r in rows)
    texts["exercises"] += extra_exercises
    return validate_texts(texts)


def claim_findings(v: Validation) -> list[tuple[str, int]]:
    found = v.findings.filter(pl.col("rule").str.starts_with("claim_"))
    return found.select("rule", "source_line").rows()


def verdicts(v: Validation) -> list[str]:
    return v.derived["claim_checks"].sort("source_line")["verdict"].to_list()


CASES = [
    # claim_vs_source: against a reported figure, a computed one, and study facts.
    ([claim(3, "12")], [], ["supported"]),
    ([claim(3, "13")], [("claim_vs_source", 2)], ["contradicted"]),
    ([claim(3, "8.3", exercise="hip_thrust")], [], ["supported"]),
    ([claim(3, "9.5", exercise="hip_thrust")], [("claim_vs_source", 2)], ["contradicted"]),
    ([claim(3, "8", quantity="duration_weeks")], [], ["supported"]),
    ([claim(3, "6", quantity="duration_weeks")], [("claim_vs_source", 2)], ["contradicted"]),
    ([claim(3, "2", quantity="sessions_per_week")], [], ["supported"]),
    ([claim(3, "3", quantity="sessions_per_week")], [("claim_vs_source", 2)], ["contradicted"]),
    ([claim(3, "30", quantity="n")], [], ["supported"]),  # randomized
    ([claim(3, "20", quantity="n")], [], ["supported"]),  # analysed
    ([claim(3, "25", quantity="n")], [("claim_vs_source", 2)], ["contradicted"]),
    # claim_measure_not_tested / claim_exercise_not_tested.
    ([claim(3, "12", measure="3RM")], [("claim_measure_not_tested", 2)], ["measure not tested"]),
    ([claim(3, "12", exercise="front_squat")], [("claim_exercise_not_tested", 2)],
     ["exercise not tested"]),
    # claim_conflict: reported once per pair, at the claim the study contradicts.
    ([claim(3, "12"), claim(9, "12.0")], [], ["supported", "supported"]),
    ([claim(3, "12"), claim(9, "13")], [("claim_conflict", 3), ("claim_vs_source", 3)],
     ["supported", "contradicted"]),
    ([claim(3, "13"), claim(9, "12")], [("claim_conflict", 2), ("claim_vs_source", 2)],
     ["contradicted", "supported"]),
    # 12 and 12.1 can be roundings of one number (no conflict), but 12.1 is not 12.0's rounding.
    ([claim(3, "12"), claim(9, "12.1")], [("claim_vs_source", 3)], ["supported", "contradicted"]),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "expected", "verdict"), CASES)
def test_claim_rules(rows: list[str], expected: list[tuple[str, int]], verdict: list[str]) -> None:
    """A claim is judged against the study and the other claims of its article."""
    v = run(*rows, extra_exercises="front_squat,Barbell front squat,front squat\n")
    assert sorted(claim_findings(v)) == sorted(expected)
    assert verdicts(v) == verdict
    assert v.quarantine.is_empty(), "a false claim is judged, not quarantined"


def test_a_conflict_the_study_cannot_settle_is_reported_at_the_later_claim() -> None:
    """With no figure to compare (a group with no data), the later of two claims is the conflict."""
    texts = valid_texts()
    texts["groups"] += "trial_2020,ctl,Control,,5\n"
    texts["claims"] = (
        "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"
        + claim(4, "21.1", group="ctl") + "\n" + claim(30, "21.2", group="ctl") + "\n"
    )  # fmt: skip
    v = validate_texts(texts)
    assert sorted(claim_findings(v)) == [("claim_conflict", 3), ("claim_unverifiable", 2)]
    checks = v.derived["claim_checks"].sort("source_line")
    assert checks.select("verdict", "conflicts_with_line").rows() == [
        ("unverifiable", None),
        ("conflicting", 4),
    ]
    message = v.findings.filter(pl.col("rule") == "claim_conflict")["message"][0]
    assert message.startswith("review line 30 says 21.2% but line 4 says 21.1%")


def test_a_study_without_figures_makes_claims_unverifiable() -> None:
    """A study with no outcomes and no reported n cannot confirm a claim: a warning only."""
    texts = valid_texts()
    texts["studies"] += 'other_2021,"Roe R. Another trial. 2021.",2021,,Adults,,6,\n'
    texts["claims"] += "review,9,other_2021,n,,,,20\n"
    v = validate_texts(texts)
    assert claim_findings(v) == [("claim_unverifiable", 4)]
    assert v.findings.filter(pl.col("rule") == "claim_unverifiable")["severity"][0] == "warning"


def group_claim(line: int, value: str, quantity: str = "n", group: str = "sq") -> str:
    return f"review,{line},trial_2020,{quantity},{group},,,{value}"


@pytest.mark.parametrize(
    ("row", "verdict"),
    [
        # n_analysed: those who completed, against the groups' analysed n (10 + 10), never the
        # randomised 30
        (claim(3, "20", quantity="n_analysed"), "supported"),
        (claim(3, "30", quantity="n_analysed"), "contradicted"),
        (group_claim(3, "10", quantity="n_analysed"), "supported"),
        # a group's n above its analysed n, its randomised n unknown: maybe those who dropped out
        (group_claim(3, "12"), "unverifiable"),
        (group_claim(3, "8"), "contradicted"),
        (group_claim(3, "10"), "supported"),
    ],
)
def test_sample_claims_are_judged_against_the_sample_they_name(row: str, verdict: str) -> None:
    """A completed sample is checked against those analysed.

    A larger sample than the analysed one is never called wrong when the randomised one is not
    known.
    """
    assert verdicts(run(row)) == [verdict]


def test_a_larger_total_than_analysed_is_unverifiable_without_the_randomised_n() -> None:
    """A study whose randomised total is not recorded: 24 may be those enrolled (22 analysed)."""
    texts = valid_texts()
    texts["studies"] = texts["studies"].replace(",30,8,2", ",,8,2")
    texts["claims"] += "first,9,trial_2020,n,,,,24\nsecond,10,trial_2020,n,,,,18\n"
    v = validate_texts(texts)
    checks = v.derived["claim_checks"].sort("source_line")
    assert checks["verdict"].to_list()[-2:] == ["unverifiable", "contradicted"]


def test_a_change_on_a_trained_exercise_without_figures_is_unverifiable() -> None:
    """A change on an exercise a group trained, with no figure for it, is unverifiable.

    It is not reported as an exercise the study never tested.
    """
    texts = valid_texts()
    texts["outcomes"] = "\n".join(
        line for line in texts["outcomes"].splitlines() if ",hip_thrust," not in line
    )
    texts["claims"] += claim(9, "19", exercise="hip_thrust") + "\n"
    texts["claims"] += claim(10, "19", exercise="front_squat") + "\n"
    texts["exercises"] += "front_squat,Barbell front squat,front squat\n"
    v = validate_texts(texts)
    checks = v.derived["claim_checks"].sort("source_line")
    assert checks["verdict"].to_list()[-2:] == ["unverifiable", "exercise not tested"]


def test_groups_without_n_give_no_sample_size() -> None:
    """Groups that give no n (or only some) leave the study's n unknown, never 0 or a part."""
    texts = valid_texts()
    texts["studies"] += 'other_2021,"Roe R. Another trial. 2021.",2021,,,,,\n'
    texts["groups"] += "other_2021,a,A group,back_squat,\nother_2021,b,B group,hip_thrust,\n"
    texts["studies"] += 'part_2022,"Poe P. A third trial. 2022.",2022,,Adults,,6,\n'
    texts["groups"] += "part_2022,a,A group,back_squat,9\npart_2022,b,B group,hip_thrust,\n"
    texts["claims"] += "review,9,other_2021,n,,,,18\nreview,10,other_2021,duration_weeks,,,,8\n"
    texts["claims"] += "review,11,part_2022,n,,,,9\n"
    v = validate_texts(texts)
    assert sorted(claim_findings(v)) == [
        ("claim_unverifiable", 4), ("claim_unverifiable", 5), ("claim_unverifiable", 6)
    ]  # fmt: skip
    assert v.quarantine.is_empty()


def test_groups_that_all_give_n_give_the_sample_size() -> None:
    """When every group gives its n, their sum confirms or contradicts the study's n."""
    texts = valid_texts()
    texts["studies"] += 'part_2022,"Poe P. A third trial. 2022.",2022,,Adults,,6,\n'
    texts["groups"] += "part_2022,a,A group,back_squat,9\npart_2022,b,B group,hip_thrust,5\n"
    texts["claims"] += "review,11,part_2022,n,,,,14\nroundup,12,part_2022,n,,,,9\n"
    v = validate_texts(texts)
    assert claim_findings(v) == [("claim_vs_source", 5)]


def test_claim_checks_show_the_source_figure_beside_the_claim() -> None:
    """The verdict table gives what the paper reports, where, and the fix in words."""
    row = verdicts_row(run(claim(3, "13")))
    assert (row["claimed"], row["source_value"], row["source_ref"], row["source_row"]) == (
        13.0,
        12.0,
        "Table 2",
        "outcomes.csv:2",
    )
    assert row["fix"] == "the paper reports 12.0% for this figure (Table 2)"


def verdicts_row(v: Validation) -> dict[str, object]:
    return v.derived["claim_checks"].row(0, named=True)


@pytest.mark.slow  # many generated examples
@settings(max_examples=60, deadline=None)
@given(
    reported=st.decimals(min_value=-20, max_value=80, places=2, allow_nan=False),
    source_places=st.integers(0, 2),
    claim_places=st.integers(0, 4),
)
def test_a_rounding_of_the_source_figure_is_never_an_error(
    reported: object, source_places: int, claim_places: int
) -> None:
    """Any claim that is the source figure rounded to any number of decimals is not an error."""
    source = f"{float(reported):.{source_places}f}"
    texts = valid_texts()
    texts["outcomes"] = texts["outcomes"].replace(",25.0,Abstract", f",{source},Abstract")
    claimed = f"{float(source):.{claim_places}f}"
    texts["claims"] += claim(40, claimed, group="ht", exercise="hip_thrust") + "\n"
    texts["claims"] += claim(41, source, group="ht", exercise="hip_thrust") + "\n"
    v = validate_texts(texts)
    assert v.findings.filter(pl.col("severity") == "error").is_empty(), v.findings.to_dicts()


def test_a_group_above_its_analysed_n_is_wrong_when_the_study_lost_no_one() -> None:
    """Randomised 20, analysed 10 + 10: nobody dropped out, so 'each group had 12' is wrong."""
    texts = valid_texts()
    texts["studies"] = texts["studies"].replace(",30,8,2", ",20,8,2")
    texts["claims"] += group_claim(9, "12") + "\n"
    v = validate_texts(texts)
    checks = v.derived["claim_checks"].sort("source_line")
    assert checks["verdict"].to_list()[-1] == "contradicted"


def run_randomised_unknown(*rows: str) -> Validation:
    """The valid set with trial_2020's randomised count left out: only 10 + 10 analysed known."""
    texts = valid_texts()
    texts["studies"] = texts["studies"].replace("Trained adults,30,8,2", "Trained adults,,8,2")
    texts["claims"] = "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"
    texts["claims"] += "".join(r + "\n" for r in rows)
    return validate_texts(texts)


@pytest.mark.parametrize(
    ("row", "randomised_known", "verdict"),
    [
        # recruited, the randomised count unknown: any number above the analysed 20 may be right
        (claim(3, "29", quantity="n_recruited"), False, "unverifiable"),
        (claim(3, "40", quantity="n_recruited"), False, "unverifiable"),
        (claim(3, "20", quantity="n_recruited"), False, "supported"),
        (claim(3, "15", quantity="n_recruited"), False, "contradicted"),
        # a total that is not called recruited stays within the dropout margin
        (claim(3, "40", quantity="n"), False, "contradicted"),
        # the randomised count known (30): a recruited count is judged like any total
        (claim(3, "30", quantity="n_recruited"), True, "supported"),
        (claim(3, "34", quantity="n_recruited"), True, "contradicted"),
    ],
)
def test_a_recruited_count_is_not_judged_against_the_analysed_sample(
    row: str, randomised_known: bool, verdict: str
) -> None:
    """Those recruited may be many more than those analysed; never fewer."""
    v = run(row) if randomised_known else run_randomised_unknown(row)
    assert verdicts(v) == [verdict]

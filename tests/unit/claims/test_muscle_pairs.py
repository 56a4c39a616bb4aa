"""Muscle by muscle pairs given "respectively" follow the order the groups were named in.

Reading: carryover.claims.muscle_pairs through the article reader.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.locate import with_columns
from carryover.claims.muscle_pairs import group_names, groups_in_order, muscle_pairs
from carryover.steps import check
from tests.support import CLAIMS_HEADER, LOADS_2015, context_of, write_raw

EXERCISES = """exercise_id,name,aliases,kind,unit,lower_is_better,muscle
back_squat,Barbell back squat,back squat;squat,strength,kg,no,
elbow_flexor_thickness,Elbow flexor muscle thickness,elbow flexor thickness,muscle_size,mm,no,\
elbow flexors
elbow_extensor_thickness,Elbow extensor muscle thickness,elbow extensor thickness,muscle_size,\
mm,no,elbow extensors
quadriceps_thickness,Quadriceps muscle thickness,quadriceps thickness,muscle_size,mm,no,quadriceps
"""
STUDIES, GROUPS = LOADS_2015
OUTCOMES = """study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,\
change_abs,change_pct,source
loads_2015,hl,elbow_flexor_thickness,thickness,,,,,,,5.3,Abstract
loads_2015,ll,elbow_flexor_thickness,thickness,,,,,,,8.6,Abstract
loads_2015,hl,elbow_extensor_thickness,thickness,,,,,,,6.0,Abstract
loads_2015,ll,elbow_extensor_thickness,thickness,,,,,,,5.2,Abstract
"""
D = "A study by Stone et al. (2015) compared loads. "
MUSCLES = frozenset({"elbow flexors", "elbow extensors", "quadriceps"})


@pytest.fixture(scope="module")
def context() -> Context:
    return context_of(EXERCISES, STUDIES, GROUPS, OUTCOMES)


def _claims(text: str, context: Context) -> list[tuple[str, str, str]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.select("group_id", "test_exercise", "value").rows()
    return sorted((str(g), str(t), str(v)) for g, t, v in rows)


def test_pairs_follow_the_groups_named_in_the_sentence(context: Context) -> None:
    """'Both HL and LL ... (5,3% vs. 8,6%) ... (6,0 vs. 5,2%, respectively)': HL's first."""
    text = D + (
        "Both HL and LL gained in the muscle thickness of the elbow flexors (5,3% vs. 8,6%) "
        "and elbow extensors (6,0 vs. 5,2%, respectively)."
    )
    assert _claims(text, context) == [
        ("hl", "elbow_extensor_thickness", "6.0"),
        ("hl", "elbow_flexor_thickness", "5.3"),
        ("ll", "elbow_extensor_thickness", "5.2"),
        ("ll", "elbow_flexor_thickness", "8.6"),
    ]


def test_pairs_follow_the_groups_as_last_listed(context: Context) -> None:
    """Groups listed low load first, then the pairs 'respectively': the first figure is LL's."""
    text = D + (
        "Two groups were studied: 1) low load: 25-35 repetitions and 2) high load: 8-12 "
        "repetitions.\nThe groups grew alike (elbow flexor: 5.3 vs 8,6%, elbow extensors: "
        "6,0 vs 5,2%, respectively)."
    )
    assert _claims(text, context) == [
        ("hl", "elbow_extensor_thickness", "5.2"),
        ("hl", "elbow_flexor_thickness", "8.6"),
        ("ll", "elbow_extensor_thickness", "6.0"),
        ("ll", "elbow_flexor_thickness", "5.3"),
    ]


def test_must_not_pair_without_respectively_or_without_a_muscle(context: Context) -> None:
    """No "respectively", or a pair with no muscle of its own: no muscle pair is read."""
    assert muscle_pairs("HL and LL: elbow flexors (5,3% vs. 8,6%).", MUSCLES) == []
    assert muscle_pairs("HL and LL grew (5,3% vs. 8,6%, respectively).", MUSCLES) == []
    text = D + "The groups grew alike (elbow flexor: 5.3 vs 8,6%, respectively)."
    assert _claims(text, context) == []  # no order of the groups was ever given


def test_groups_in_order_reads_abbreviations_as_written() -> None:
    names = group_names(
        {"hl": frozenset({"hl", "high load"}), "ll": frozenset({"ll", "low load"})},
        frozenset({"HL", "LL"}),
    )
    assert groups_in_order("We'll compare LL with HL", 24, names) == ["ll", "hl"]
    assert groups_in_order("we'll see: hl", 13, names) == []
    assert groups_in_order("low versus high load: 1) low load 2) high load", 46, names) == [
        "ll",
        "hl",
    ]


def test_a_wrong_thickness_is_told_once_as_thickness_at_its_column(tmp_path: Path) -> None:
    """The finding names 'Elbow flexor muscle thickness', not '... thickness thickness'.

    It points at the figure as written, with its decimal comma ('8,6%').
    """
    raw = write_raw(
        tmp_path / "raw",
        {
            "exercises": EXERCISES,
            "studies": STUDIES,
            "groups": GROUPS,
            "outcomes": OUTCOMES,
            "claims": CLAIMS_HEADER,
        },
    )
    (raw / "articles").mkdir()
    line = D + "Both LL and HL grew (elbow flexor thickness: 5,3 vs 8,6%, respectively)."
    (raw / "articles" / "a.md").write_text(line + "\n", encoding="utf-8")
    findings = check(raw).validation.findings.filter(pl.col("rule") == "claim_vs_source")
    messages = findings["message"].to_list()
    assert len(messages) == 2, messages
    assert all("Elbow flexor muscle thickness change" in m for m in messages), messages
    assert not any("thickness thickness" in m for m in messages)
    located = with_columns(list(findings.iter_rows(named=True)), lambda _: [line])
    assert sorted(r["col"] for r in located) == [line.index("5,3") + 1, line.index("8,6") + 1]

"""Differences stated item by item in a list are read as one contrast claim per item.

'favoured HT over SQ for the lower [-1.6 ± 2.1 cm²], mid [-0.5 ± 1.7 cm²] and upper
[-0.5 ± 2.6 cm²] gluteal mCSAs': each item with the test named after the list (or earlier in the
sentence) is one test, and its figure is the favoured group's advantage.
"""

from __future__ import annotations

import polars as pl

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.contrasts import listed_differences
from tests.support import valid_texts, validate_texts

EXERCISES = """exercise_id,name,aliases,kind,unit,lower_is_better,muscle
back_squat,Barbell back squat,back squat;squat,strength,kg,no,
hip_thrust,Barbell hip thrust,hip thrust,strength,kg,no,
glute_csa,Glute area,gluteal mcsa;glutei mcsa,muscle_size,cm2,no,glutes
glute_csa_lower,"Glute area, lower",lower gluteal mcsa;lower glutei mcsa,muscle_size,cm2,no,glutes
glute_csa_upper,"Glute area, upper",upper gluteal mcsa;upper glutei mcsa,muscle_size,cm2,no,glutes
"""
CONTRASTS = """study_id,test_exercise,measure,group_a,group_b,estimate,unit,se,ci_lo,ci_hi,\
ci_level,p,p_relation,favoured_group,adjusted,inference,source
trial_2020,glute_csa_lower,csa,sq,ht,-1.6,cm2,2.1,,,,,,,,,Abstract
trial_2020,glute_csa_upper,csa,sq,ht,-0.5,cm2,2.6,,,,,,,,,Abstract
"""
LISTED = (
    "estimates favoured the hip thrust group over SQ for the lower [effect ± SE, {lower} ± 2.1 "
    "cm²; CI95% (\u22126.1, 2.0)] and upper [\u22120.5 ± 2.6 cm²] gluteal mCSAs."
)


def checks(text: str) -> list[tuple[str, str, str, float, str]]:
    texts = valid_texts()
    texts["exercises"] = EXERCISES
    texts["contrasts"] = CONTRASTS
    texts["claims"] = (
        "article_id,line,study_id,quantity,group_id,test_exercise,measure,value,value_to\n"
    )
    v = validate_texts(texts)
    assert v.findings.filter(pl.col("severity") == "error").is_empty(), v.findings.to_dicts()
    c = v.clean
    context = Context.from_tables(c["studies"], c["groups"], c["exercises"], c["outcomes"])
    article = Article("articles/a.md", "a", ["A study by Doe et al. trained adults. " + text])
    claims = read_article(article, context).rows
    texts["claims"] += "".join(
        f"a,{r['line']},{r['study_id']},{r['quantity']},{r['group_id']},{r['test_exercise']},"
        f"{r['measure']},{r['value']},{r['value_to'] or ''}\n"
        for r in claims.iter_rows(named=True)
    )
    judged = validate_texts(texts).derived["claim_checks"].sort("source_line")
    return judged.select("quantity", "group_id", "test_exercise", "claimed", "verdict").rows()  # type: ignore[return-value]


def test_each_item_of_a_list_is_a_difference_of_its_own() -> None:
    found = listed_differences(LISTED.format(lower="\u22121.6"))
    assert [(f.item, f.noun, f.stated.value, f.stated.unit) for f in found] == [
        ("lower", "gluteal mCSAs", "1.6", "cm²"),
        ("upper", "gluteal mCSAs", "0.5", "cm²"),
    ]
    assert found[0].stated.ci is not None
    assert found[0].stated.ci[1:] == ("-2.0", "6.1")  # oriented like the favoured difference


def test_one_bracketed_figure_is_not_a_list() -> None:
    text = "favoured HT over SQ for the lower [\u22121.6 ± 2.1 cm²] region."
    assert listed_differences(text) == []


def test_figures_without_a_favoured_group_are_not_a_list() -> None:
    text = "the lower [\u22121.6 ± 2.1 cm²] and upper [\u22120.5 ± 2.6 cm²] gluteal mCSAs"
    assert listed_differences(text) == []


def test_listed_differences_are_judged_item_by_item() -> None:
    rows = checks(LISTED.format(lower="\u22121.6"))
    assert [(r[1], r[2], r[4]) for r in rows] == [
        ("ht", "glute_csa_lower", "supported"),
        ("ht", "glute_csa_lower", "supported"),  # the CI holds the difference
        ("ht", "glute_csa_upper", "supported"),
    ]


def test_a_wrong_listed_difference_is_contradicted() -> None:
    rows = checks(LISTED.format(lower="\u22124.6"))
    assert rows[0][2:] == ("glute_csa_lower", 4.6, "contradicted")


def test_items_named_only_as_regions_take_the_test_named_earlier() -> None:
    text = (
        "glutei mCSA growth was similar, with estimates favouring HT over SQ for the lower "
        "[\u22121.6 ± 2.1 cm²] and upper [\u22120.5 ± 2.6 cm²] regions."
    )
    rows = checks(text)
    assert [(r[2], r[4]) for r in rows] == [
        ("glute_csa_lower", "supported"),
        ("glute_csa_upper", "supported"),
    ]


def test_a_list_whose_items_name_no_test_is_not_read() -> None:
    text = (
        "estimates favoured HT over SQ for the lower [\u22121.6 ± 2.1 cm²] and upper "
        "[\u22120.5 cm²] legs."
    )
    assert checks(text) == []

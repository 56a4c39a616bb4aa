"""Figures stated as one end only ('50-plus pounds', '> 18 years'): read as bounds, judged open.

Reading: carryover.claims.bounds through the fact reader (each rule where it applies and where it
must not). Judging: a bound claim against the valid set, each with a passing and a failing case.
"""

from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.bounds import AT_LEAST, AT_MOST, means, stated_bound
from tests.support import valid_texts, validate_texts
from tests.unit.claims.test_facts import POPULATION_GROUPS, B, context

__all__ = ["context"]  # the reading fixture, shared with test_facts


def bounded(text: str, context: Context) -> list[tuple[object, ...]]:
    """The fact claims read from a text as (quantity, group, test, value, bound)."""
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    rows = ex.rows.filter(
        ~pl.col("quantity").is_in(
            ["n", "n_analysed", "duration_weeks", "sessions_per_week", "change_pct"]
        )
    )
    return rows.select("quantity", "group_id", "test_exercise", "value", "bound").rows()


@pytest.mark.parametrize(
    ("number", "before", "after", "relation", "rest"),
    [
        ("50", "raised it by ", "-plus pounds on average", AT_LEAST, " pounds on average"),
        ("50", "gained ", "+ pounds", AT_LEAST, " pounds"),
        ("50", "gained more than ", " pounds", AT_LEAST, " pounds"),
        ("> 18", "female, ", " years, healthy", AT_LEAST, " years, healthy"),
        ("18", "aged ", " years or older.", AT_LEAST, " years."),
        ("5", "gained up to ", " kg", AT_MOST, " kg"),
        ("30", "aged ", " years or younger", AT_MOST, " years"),
    ],
)
def test_a_bound_is_read_with_its_open_side(
    number: str, before: str, after: str, relation: str, rest: str
) -> None:
    """The bound's own words are taken off the words around the number."""
    bound = stated_bound(number, before, after)
    assert bound is not None
    assert (bound.relation, bound.after) == (relation, rest)


@pytest.mark.parametrize(
    ("number", "before", "after"),
    [
        ("50", "rose by ", " pounds"),  # one figure
        ("50", "squatted ", " + 5 kg"),  # a sum, not '50+'
        ("8", "trained for ", " weeks or so"),  # 'or so' is no bound
    ],
)
def test_a_plain_figure_is_no_bound(number: str, before: str, after: str) -> None:
    assert stated_bound(number, before, after) is None


def test_the_training_a_change_is_credited_to() -> None:
    """'by adding hip thrusts', 'with the barbell hip thrust' name the training, not a test."""
    text = "By adding Barbell Hip Thrusts, they raised their squat max by 50 pounds."
    hip, squat = text.index("Hip Thrusts"), text.index("squat")
    mentions = [(hip, hip + 11, "hip_thrust"), (squat, squat + 5, "back_squat")]
    assert means(text, mentions) == [mentions[0]]
    assert means("Their hip thrust improved with training.", [(6, 16, "hip_thrust")]) == []
    compared = "They gained 20 kg on the squat, with the hip thrust group behind."
    at = compared.index("hip thrust")
    assert means(compared, [(at, at + 10, "hip_thrust")]) == []


READ = [
    # a gain stated as a bound: open above
    (B + "The BS group raised its back squat 1RM by 50-plus pounds on average.",
     [("change_abs_lb", "bs", "back_squat", "50", AT_LEAST)]),
    (B + "The BS group gained more than 20 kg on the back squat.",
     [("change_abs", "bs", "back_squat", "20", AT_LEAST)]),
    # ... a bound of a difference between groups or of a load progression is still no gain
    (B + "The BS group gained more than 20 kg more than the HT group on the back squat.", []),
    (B + "The BS group added up to 5 pounds to their back squat each week.", []),
    # a headline's gain: put so many pounds on your lift
    (B + "Put 50 Pounds on the back squat of the BS group.",
     [("change_abs_lb", "bs", "back_squat", "50", None)]),
    (B + "Put 50 pounds in the bank.", []),
    # no group named: the one group that trained the exercise the gain is credited to, whose
    # exercise is then no test
    (B + "By adding the hip thrust to their training, the women raised their back squat by "
     "20 kg on average.",
     [("change_abs", "ht", "back_squat", "20", None)]),
    (B + "By adding the hip thrust to their training, the women gained 20 kg.", []),
    # the participants' age bound (not years of training, nor someone else's age)
    (B + "To be included, participants had to be female, > 18 years, and healthy.",
     [("age", None, None, "18", AT_LEAST)]),
    (B + "Participants were aged 18 years or older.", [("age", None, None, "18", AT_LEAST)]),
    (B + "Participants had more than 2 years of training experience.",
     [("other", None, None, "2", None)]),
    (B + "The coach, over 40 years old, supervised every session.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), READ)
def test_bounds_are_read_where_they_state_a_fact(
    text: str, expected: list[tuple[object, ...]], context: Context
) -> None:
    assert bounded(text, context) == expected


def test_a_bound_is_a_claim_in_the_number_accounting(context: Context) -> None:
    """The bound's number is the claim's ('> 18' and '50'), not unread."""
    text = B + "Participants (> 18 years) raised their back squat by 50-plus pounds."
    text += " The BS group gained more than 20 kg on the back squat."
    ex = read_article(Article("articles/a.md", "a", [text]), context)
    numbers = ex.numbers.select("text", "disposition").rows()
    assert ("> 18", "claim") in numbers
    assert ("20 kg", "claim") in numbers


BOUND_CLAIMS = (
    "article_id,line,study_id,quantity,group_id,test_exercise,measure,value,value_to,bound\n"
)


def bound_row(quantity: str, value: str, bound: str, group: str = "", test: str = "") -> str:
    measure = "1RM" if test else ""
    return f"review,3,trial_2020,{quantity},{group},{test},{measure},{value},,{bound}"


# The valid set: sq back_squat 1RM 100.0 -> 112.0 kg (+12.0 kg, 26.5 lb, +12%); with
# POPULATION_GROUPS the study's mean age is 23.0.
JUDGED = [
    (bound_row("change_abs_lb", "20", AT_LEAST, "sq", "back_squat"), None, "supported"),
    (bound_row("change_abs_lb", "30", AT_LEAST, "sq", "back_squat"), None, "contradicted"),
    (bound_row("change_abs", "15", AT_MOST, "sq", "back_squat"), None, "supported"),
    (bound_row("change_abs", "10", AT_MOST, "sq", "back_squat"), None, "contradicted"),
    (bound_row("change_pct", "10", AT_LEAST, "sq", "back_squat"), None, "supported"),
    (bound_row("change_pct", "15", AT_LEAST, "sq", "back_squat"), None, "contradicted"),
    (bound_row("age", "18", AT_LEAST), POPULATION_GROUPS, "supported"),
    (bound_row("age", "25", AT_LEAST), POPULATION_GROUPS, "contradicted"),
    (bound_row("age", "20", AT_MOST), POPULATION_GROUPS, "contradicted"),
    (bound_row("age", "18", AT_LEAST), None, "unverifiable"),
]


def judge_bound(claim: str, groups: str | None) -> pl.DataFrame:
    texts = valid_texts()
    texts["claims"] = BOUND_CLAIMS + claim + "\n"
    if groups is not None:
        texts["groups"] = groups
    return validate_texts(texts).derived["claim_checks"]


@pytest.mark.parametrize(("claim", "groups", "verdict"), JUDGED)
def test_a_bound_is_judged_open_on_one_side(claim: str, groups: str | None, verdict: str) -> None:
    """Supported when the data's figure lies on the open side of the bound, else contradicted."""
    assert judge_bound(claim, groups)["verdict"].to_list() == [verdict]


def test_a_wrong_bound_says_what_it_claimed() -> None:
    """The stored check shows the open end; the finding names the bound as the article put it."""
    texts = valid_texts()
    texts["claims"] = BOUND_CLAIMS + bound_row("change_abs_lb", "30", AT_LEAST, "sq", "back_squat")
    v = validate_texts(texts)
    assert v.derived["claim_checks"]["claimed_hi"].to_list() == [float("inf")]
    messages = v.findings.filter(pl.col("rule") == "claim_vs_source")["message"].to_list()
    assert len(messages) == 1
    assert "says at least 30 for" in messages[0]


def test_a_bound_must_say_which_side_is_open() -> None:
    """A bound other than at_least or at_most is quarantined with its rule."""
    texts = valid_texts()
    texts["claims"] = BOUND_CLAIMS + bound_row("age", "18", "above") + "\n"
    findings = validate_texts(texts).findings
    assert "value_not_allowed" in findings["rule"].to_list()

"""Every number of an article gets one disposition: claim, non-claim with its reason, or unread."""

# ruff: noqa: RUF001 (the lines quote real typography: minus signs and en dashes)
from __future__ import annotations

import polars as pl
import pytest

from carryover.claims.accounting import (
    CLAIM,
    NON_CLAIM,
    UNREAD,
    dispose,
    non_claim_reason,
    summary,
    summary_line,
    with_verdicts,
    words_around,
)
from carryover.claims.numbers import numbers


def reason(line: str, text: str) -> str | None:
    (number,) = [n for n in numbers(line) if n.text == text]
    return non_claim_reason(line, number)


@pytest.mark.parametrize(
    ("line", "text", "expected"),
    [
        ("They lifted at an 80% one-rep max load.", "80%", "training_load"),
        ("Loads went up in weeks 4 and 5.", "5", "programme_week"),
        ("Members get 20% off our coaching plans.", "20%", "price_or_discount"),
        ("Try a free 2 week trial of the app.", "2", "price_or_discount"),
        ("It costs $49 a month.", "49", "price_or_discount"),
        ("Rated by 1,204 votes so far.", "1,204", "rating_or_votes"),
        ("See Figure 3 for the curves.", "3", "figure_or_table_number"),
        ("Hammond et al. (2019) trained men.", "2019", "citation_year"),
        ("J Strength Cond Res 31(4): 999-1008", "31(4): 999-1008", "citation_volume_issue_pages"),
        ("Posted Aug 15 by the editor.", "Aug 15", "date"),
        ("Class starts at 7 am.", "7", "time_of_day"),
        ("Each week they did 4 sets of squats.", "4", "set_rep_scheme"),
        ("They rested 3 minutes between sets.", "3", "rest_interval"),
        ("Speed over the 20-m sprint.", "20", "other"),
        ("as the review showed (4).", "4", "other"),
        ("1. Squat deep.", "1", "list_number"),
        ("## 5 things to know", "5", "heading_number"),
        (
            "It rose 13.3%, about half of what the other group gained.",
            "half",
            "relative_to_another_figure",
        ),
        ("Eur J Appl Physiol 22-jun; doi: 10.1007/s00421-019-04181-y", "22-jun", "date"),
        ("date 2018-09 Men who did only one set", "2018-09", "date"),
        ("- G1 (group 1): full range of motion", "1", "other"),
        ("- G2 (Group 2): partial range of motion", "2", "other"),
    ],
)
def test_non_claim_reasons(line: str, text: str, expected: str) -> None:
    """Each kind of non-claim number is told by its form or the words around it."""
    assert reason(line, text) == expected


def test_a_figure_has_no_non_claim_reason() -> None:
    """A change, a sample size or a duration is not set aside."""
    assert reason("The squat group gained 10.2% on their squat.", "10.2%") is None
    assert reason("They recruited 14 trained men.", "14") is None
    # a number after 'group' outside a label's parenthesis may be a size
    assert reason("The hip thrust group 6 and the squat group 8 finished.", "6") is None
    assert reason("(group 12) gained the most", "12") is None


def test_every_number_gets_exactly_one_disposition() -> None:
    """Claims by line and value, set-aside numbers with a reason, the rest unread or general.

    A number nobody read is unread in a passage about a study, and general outside one.
    """
    lines = [
        "Most lifters add 5% a year.",
        "Hammond et al. (2019) recruited 14 men; 12 of them hip thrusted at 80% 1RM.",
    ]
    out = dispose(lines, [(2, "14")], study_lines=[2])
    assert [(d.line, d.text, d.disposition, d.reason) for d in out] == [
        (1, "5%", NON_CLAIM, "other_study_general"),
        (2, "2019", NON_CLAIM, "citation_year"),
        (2, "14", CLAIM, ""),
        (2, "12", UNREAD, "not_interpreted"),
        (2, "80%", NON_CLAIM, "training_load"),
    ]
    assert out[2].claim == 0


def test_a_claim_matches_its_number_by_value_once() -> None:
    """Two claims of one value on a line take two numbers; a range holds a value inside it."""
    out = dispose(["both 12 and 12, then 8–11 %"], [(1, "12"), (1, "12"), (1, "9")], [1])
    assert [d.disposition for d in out] == [CLAIM, CLAIM, CLAIM]
    assert [d.claim for d in out] == [0, 1, 2]


def test_a_claim_prefers_the_number_whose_words_fit_then_its_own_value() -> None:
    """A claim takes the number whose words fit it, then the one that is its value.

    'twice-a-week' fits a frequency better than 'two groups'; '166.0 ± 5.1 cm' holds 166 as its
    own value, where '≥ 70%' only bounds it.
    """
    line = "split into two groups, after eight twice-a-week sessions"
    out = dispose([line], [(1, "2", "sessions_per_week")], [1])
    assert [(d.text, d.disposition) for d in out if d.disposition == CLAIM] == [("twice", CLAIM)]
    line = "had to complete ≥ 70% of sessions (height: 166.0 ± 5.1 cm)"
    out = dispose([line], [(1, "70", "other"), (1, "166.0", "body_height")], [1])
    assert [(d.text, d.claim) for d in out if d.disposition == CLAIM] == [
        ("≥ 70%", 0),
        ("166.0 ± 5.1 cm", 1),
    ]


def test_a_claim_stated_as_a_bound_takes_the_number_that_bounds() -> None:
    """A bound claim takes the number that states the bound, a plain claim the plain number.

    'trained women (>3 years) ... for 3 months': the bound claim takes '>3'; without the bound
    the plain 3 is the better number, as before.
    """
    line = "trained women (>3 years) were split up for 3 months"
    out = dispose([line], [(1, "3", "other", True)], [1])
    assert [(d.text, d.disposition) for d in out] == [(">3", CLAIM), ("3", UNREAD)]
    out = dispose([line], [(1, "3", "other", False)], [1])
    assert [(d.text, d.disposition) for d in out] == [(">3", UNREAD), ("3", CLAIM)]


def test_verdicts_and_the_summary_line() -> None:
    """A number takes its claims' worst verdict; the summary counts each disposition."""
    numbers_frame = pl.DataFrame(
        {
            "article_id": ["a"] * 4,
            "source_file": ["articles/a.md"] * 4,
            "line": [1, 1, 2, 3],
            "column": [1, 5, 1, 1],
            "text": ["12", "10.2%", "7", "2019"],
            "value": [12.0, 10.2, 7.0, 2019.0],
            "disposition": [CLAIM, CLAIM, UNREAD, NON_CLAIM],
        }
    )
    checks = pl.DataFrame(
        {
            "source_file": ["articles/a.md"] * 3,
            "source_line": [1, 1, 1],
            "claimed": [12.0, 12.0, 10.2],
            "verdict": ["supported", "contradicted", "unverifiable"],
        }
    )
    judged = with_verdicts(numbers_frame, checks)
    assert judged["verdict"].to_list() == ["contradicted", "unverifiable", None, None]
    row = summary(judged).row(0, named=True)
    assert summary_line(row) == (
        "4 numbers: 1 checked (0 supported, 1 wrong), 1 unverifiable, 1 unread, 1 not claims"
    )


def test_a_number_takes_only_the_verdicts_of_its_own_quantity() -> None:
    """'12 weeks; 12 of them in the hip thrust group': a wrong group size is not a wrong week."""
    numbers_frame = pl.DataFrame(
        {
            "article_id": ["a"] * 2,
            "source_file": ["articles/a.md"] * 2,
            "line": [1, 1],
            "column": [1, 20],
            "text": ["12", "12"],
            "value": [12.0, 12.0],
            "disposition": [CLAIM, CLAIM],
            "quantity": ["duration_weeks", "n"],
        }
    )
    checks = pl.DataFrame(
        {
            "source_file": ["articles/a.md"] * 2,
            "source_line": [1, 1],
            "claimed": [12.0, 12.0],
            "quantity": ["duration_weeks", "n"],
            "verdict": ["supported", "contradicted"],
        }
    )
    judged = with_verdicts(numbers_frame, checks)
    assert judged["verdict"].to_list() == ["supported", "contradicted"]


def test_words_around_a_number() -> None:
    """An unread number's message quotes the words on either side."""
    line = "The researchers split the 24 volunteers into two groups of twelve."
    assert words_around(line, 27, "24", width=12) == "split the 24 volunteers"


def test_the_same_figure_for_two_groups_takes_each_its_own_verdict() -> None:
    """'back squat (12 women) and hip thrust (12 women)': only the wrong group's 12 is wrong.

    One number stating the figure for every group ('each group had 12') keeps the worst verdict.
    """
    numbers_frame = pl.DataFrame(
        {
            "article_id": ["a"] * 3,
            "source_file": ["articles/a.md"] * 3,
            "line": [1, 1, 2],
            "column": [10, 40, 1],
            "text": ["12", "12", "12"],
            "value": [12.0, 12.0, 12.0],
            "disposition": [CLAIM, CLAIM, CLAIM],
            "quantity": ["n", "n", "n"],
            "group_id": ["bs", "ht", "bs"],
        }
    )
    checks = pl.DataFrame(
        {
            "source_file": ["articles/a.md"] * 4,
            "source_line": [1, 1, 2, 2],
            "claimed": [12.0] * 4,
            "quantity": ["n"] * 4,
            "group_id": ["bs", "ht", "bs", "ht"],
            "verdict": ["supported", "contradicted", "supported", "contradicted"],
        }
    )
    judged = with_verdicts(numbers_frame, checks)
    assert judged["verdict"].to_list() == ["supported", "contradicted", "contradicted"]

"""Every number of a line is found once, with its column, text and interval."""

# ruff: noqa: RUF001 (the lines quote real typography: minus signs and en dashes)
from __future__ import annotations

import pytest

from carryover.claims.numbers import numbers, word_value


def found(line: str) -> list[tuple[int, str]]:
    return [(n.column, n.text) for n in numbers(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("gained 34 % and 24%", [(8, "34 %"), (17, "24%")]),
        ("jump height (+5 %) and distance (+8–11 %)", [(14, "+5 %"), (34, "+8–11 %")]),
        ("agility improved ~1.5 %", [(18, "~1.5 %")]),
        ("favoured the squat group by 14 ± 2 kg", [(29, "14 ± 2 kg")]),
        ("experience 4.8 +/- 0.8 years", [(12, "4.8 +/- 0.8")]),
        (
            "a difference of −1.6 ± 2.1 cm² (−6.1, 2.0)",
            [(17, "−1.6 ± 2.1 cm²"), (32, "(−6.1, 2.0)")],
        ),
        ("fourteen players and Twenty-two women", [(1, "fourteen"), (22, "Twenty-two")]),
        ("trained twice a week, about half as much", [(9, "twice"), (29, "half")]),
        ("J Strength Cond Res 31(4): 999-1008", [(21, "31(4): 999-1008")]),
        ("significant (P<0.001)", [(14, "P<0.001")]),
        ("not significant (P ≥ 0.05; P &gt; 0.05)", [(18, "P ≥ 0.05"), (28, "P &gt; 0.05")]),
        ("the BS group (n=12) and the HT group (n = 10)", [(15, "n=12"), (39, "n = 10")]),
        ("posted 19/02/2026, updated Aug 15", [(8, "19/02/2026"), (28, "Aug 15")]),
        ("sets of 5-4-3-4-5 reps", [(9, "5-4-3-4-5")]),
    ],
)
def test_numbers_as_written(line: str, expected: list[tuple[int, str]]) -> None:
    """Signs, %, ranges, spreads, CIs, words, citations, p values, group sizes, dates, schemes."""
    assert found(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "their 1RM and 3 RM and three-repetition maximum and 1-RMs",
        "<!-- source: https://example.com/2019/01/25/page -->",
        "the one group and the other",
        "a barbell half squat",
    ],
)
def test_names_links_and_pronouns_are_not_numbers(line: str) -> None:
    """Test names, comments, 'one' as a pronoun and the half squat hold no number."""
    assert found(line) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[Hammond et al.](https://doi.org/10.7717/peerj.7337)", [(34, "10.7717/peerj.7337")]),
        ("(see also https://lanista-magazine.com/?p=3090).", [(43, "3090")]),
        ("around 25-35 RM", [(8, "25-35")]),
    ],
)
def test_addresses_and_repetition_ranges_are_listed_as_non_figures(
    line: str, expected: list[tuple[int, str]]
) -> None:
    """A link target's or address's numbers are identifiers; a rep range before RM a scheme."""
    listed = numbers(line)
    assert [(n.column, n.text) for n in listed] == expected
    assert {n.kind for n in listed} <= {"identifier", "scheme"}


def test_intervals_of_ranges_spreads_and_approximations() -> None:
    """A range is its ends; a spread its mean ± SD; '~' widens by a tenth each way."""
    (r,) = numbers("+8–11 %")
    assert (r.lo, r.hi, r.value) == (8.0, 11.0, 9.5)
    (s,) = numbers("14 ± 2 kg")
    assert (s.lo, s.hi, s.value) == (12.0, 16.0, 14.0)
    (a,) = numbers("~10 %")
    assert a.lo == pytest.approx(9.0)
    assert a.hi == pytest.approx(11.0)
    (m,) = numbers("a change of −26 ± 5 kg")
    assert m.value == -26.0


@pytest.mark.parametrize(
    ("line", "text", "lo", "hi"),
    [
        ("men in their early twenties", "early twenties", 20.0, 25.0),
        ("most of them in their early 20s", "early 20s", 20.0, 25.0),
        ("women in their thirties", "thirties", 30.0, 39.9),
        ("lifters in their late 30s", "late 30s", 35.0, 39.9),
        ("they rested for 20s", "20s", 20.0, 20.0),
    ],
)
def test_a_decade_of_age_is_the_years_it_spans(line: str, text: str, lo: float, hi: float) -> None:
    """'in their early twenties' is 20 to 25; '20s' without 'their' stays a time."""
    (d,) = numbers(line)
    assert (d.text, d.lo, d.hi) == (text, lo, hi)
    assert d.value == pytest.approx((lo + hi) / 2)


def test_number_words() -> None:
    """Words, compounds and fractions have values; other words have none."""
    assert word_value("fourteen") == 14
    assert word_value("Twenty-two") == 22
    assert word_value("half") == 0.5
    assert word_value("twice") == 2
    assert word_value("squat") is None


def test_half_cut_from_squat_by_a_line_break_is_no_number() -> None:
    """'half' ending a line before 'squat' names the half squat; before other words it is 0.5."""
    assert [n.text for n in numbers("trained the barbell half", "squat for nine weeks")] == []
    assert [n.value for n in numbers("gained about half", "as much as the others")] == [0.5]

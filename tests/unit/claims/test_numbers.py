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


def kinds(line: str) -> list[tuple[int, str, str]]:
    return [(n.column, n.text, n.kind) for n in numbers(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("from 4~6 up to 12~15 reps", [(6, "4~6"), (16, "12~15")]),
        ("rest 30 〜 60 seconds", [(6, "30 〜 60")]),
        ("aged 26～27", [(6, "26～27")]),
    ],
)
def test_a_tilde_or_wave_dash_between_two_numbers_is_a_range(
    line: str, expected: list[tuple[int, str]]
) -> None:
    """'4~6', '30 〜 60' and a full-width tilde: one number from the first end to the second."""
    assert found(line) == expected
    (first, *_) = numbers(line)
    assert first.lo is not None
    assert first.hi is not None
    assert first.lo < first.hi


def test_a_tilde_before_one_number_still_approximates() -> None:
    """'~10 %' alone is about ten percent, not a range."""
    assert found("gained ~10 % more") == [(8, "~10 %")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("trained once a week", [(9, "once")]),
        ("once per session and once every other week", [(1, "once"), (22, "once")]),
        ("movement at only one joint", [(18, "one")]),
        ("do more than one exercise", [(14, "one")]),
    ],
)
def test_once_as_a_frequency_and_one_after_a_word_of_quantity(
    line: str, expected: list[tuple[int, str]]
) -> None:
    """'once a week' counts one; 'only one joint', 'more than one exercise' count one."""
    assert found(line) == expected
    assert all(n.value == 1.0 for n in numbers(line))


@pytest.mark.parametrize(
    "line",
    [
        "once a set level of performance was reached",
        "Once I have gathered several papers",
        "only one of the groups, more than one another",
    ],
)
def test_once_as_a_conjunction_and_one_as_a_pronoun_are_not_numbers(line: str) -> None:
    """'once they had passed' is a time, 'only one of' a pronoun."""
    assert found(line) == []


def test_circled_numbers_are_list_markers() -> None:
    """① ② ⑳ ❶ are numbers (list markers) with their value."""
    listed = numbers("① first ② second ⑳ last ❶ too")
    assert [(n.text, n.value, n.kind) for n in listed] == [
        ("①", 1.0, "list"),
        ("②", 2.0, "list"),
        ("⑳", 20.0, "list"),
        ("❶", 1.0, "list"),
    ]
    assert found("cm² and x³") == []  # superscripts are no circled numbers


def test_a_date_in_chinese_characters_is_three_numbers() -> None:
    """'2023年7月3日': year, month and day, each a date; a bare '3 weeks' stays a figure."""
    assert kinds("2023年7月3日, Monday") == [
        (1, "2023", "date"),
        (6, "7", "date"),
        (8, "3", "date"),
    ]
    assert kinds("7月3日") == [(1, "7", "date"), (3, "3", "date")]
    assert kinds("for 3 weeks") == [(5, "3", "figure")]


def test_a_year_and_month_or_a_day_and_month_with_a_hyphen_is_a_date() -> None:
    """'date 2018-09', 'Eur J Appl Physiol 22-jun': one date each; ranges stay figures."""
    assert kinds("date 2018-09 Men who") == [(6, "2018-09", "date")]
    assert kinds("Physiol 22-jun; doi") == [(9, "22-jun", "date")]
    assert kinds("on 3-Sep") == [(4, "3-Sep", "date")]
    # a range of years, of reps or of weeks, and a month past twelve, are no dates
    assert kinds("the 2018-19 season") == [(5, "2018-19", "figure")]
    assert kinds("in 2018-13 then") == [(4, "2018-13", "figure")]
    assert kinds("10-12 weeks") == [(1, "10-12", "figure")]
    assert kinds("22-june") == [(1, "22-june", "date")]
    assert kinds("a 1-decline bench") == [(3, "1", "figure")]


def test_a_doi_written_in_the_text_is_one_identifier() -> None:
    """'doi: 10.17265/2332-7839/2017.03.006' is one number, an identifier, not a figure."""
    assert kinds("Sports Science 5 (2017) doi: 10.17265/2332-7839/2017.03.006") == [
        (16, "5", "figure"),
        (19, "2017", "figure"),
        (30, "10.17265/2332-7839/2017.03.006", "identifier"),
    ]
    linked = numbers("[x](https://doi.org/10.7717/peerj.7337)")
    assert [n.text for n in linked] == ["10.7717/peerj.7337"]  # a link's DOI is listed once


def test_a_range_of_two_rm_loads_is_one_scheme() -> None:
    """'8 RM-12 RM' is one repetition range; '8 rep/ 8 times' explaining it are two numbers."""
    line = "each set at 8 RM-12 RM (8 RM means at most 8 rep/ 8 times)"
    assert kinds(line) == [(13, "8 RM-12 RM", "scheme"), (44, "8", "figure"), (51, "8", "figure")]
    assert found("their 1 rep squat max") == []  # 'rep ... max' names a test


def test_every_number_on_a_long_line_in_linear_time() -> None:
    """Four times a line of the new forms takes about four times as long.

    Tildes, circled numbers, CJK dates, DOIs and number words are read in bounded windows.
    """
    import time

    unit = (
        "4~6 ① 2023年7月3日 once a week doi: 10.17265/2332-7839/2017.03.006 "
        "8 RM-12 RM only one joint "
    )

    texts = iter(range(10))

    def seconds(repeats: int) -> float:
        # a new text each time: numbers() keeps the last few texts' numbers, and a repeat of
        # one would time the cache, not the reading (a letter: '1x' is a multiple, a number)
        line = f"Trial {chr(ord('a') + next(texts))}: " + unit * repeats
        began = time.process_time()
        assert len(numbers(line)) == 9 * repeats
        return time.process_time() - began

    seconds(100)  # warm up
    small = min(seconds(1000) for _ in range(2))
    large = min(seconds(4000) for _ in range(2))
    assert large < 8 * small


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("the biceps gain was 2,5 mm,", [("2,5 mm", 2.5)]),
        ("6,6 kg (6,5%) for the bench press", [("6,6 kg", 6.6), ("6,5%", 6.5)]),
        ("a 1,200 kg total", [("1,200 kg", 1200.0)]),  # must not: a thousands comma
        ("(12, 10 kg)", [("12", 12.0), ("10 kg", 10.0)]),  # must not: two numbers
    ],
)
def test_a_decimal_comma_before_a_unit_of_length_or_weight(
    line: str, expected: list[tuple[str, float]]
) -> None:
    """'2,5 mm', '23,7 kg': one number with a decimal comma, not 2 and then 5 mm."""
    assert [(n.text, n.value) for n in numbers(line)] == expected

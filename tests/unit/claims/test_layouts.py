"""Figures laid out per group: labelled list items and tables with the groups as columns."""

from __future__ import annotations

import polars as pl

from carryover.claims import layouts
from carryover.claims.articles import Article, read_article
from tests.support import bundled_context

BARBALHO = (
    "A 2020 study by Barbalho and colleagues had 22 women train the back squat or the hip "
    "thrust for 12 weeks."
)
THICKNESS = "The thickness of the gluteus maximus and quadriceps was measured, with these results:"
KIKUCHI = "Kikuchi and Nakazato (2017) had 18 young men train the bench press or push-ups."


def claims(text: str) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), bundled_context())
    return ex.rows.select(
        "source_line", "quantity", "group_id", "test_exercise", "measure", "value"
    ).rows()


def test_a_labelled_item_gives_each_group_its_figure() -> None:
    item = layouts.labelled_item("Quadriceps: up 12.2% with the squat, down 2% for the HT group")
    assert item is not None
    label, owned = item
    assert label == "Quadriceps"
    assert [(o.owner, o.falls) for o in owned] == [("squat", False), ("HT", True)]


def test_an_item_with_a_figure_of_no_group_is_no_per_group_item() -> None:
    assert layouts.labelled_item("Quadriceps: up 12.2% with the back squat, and 5% overall") is None
    assert layouts.labelled_item("Quadriceps: up 12.2% with the back squat") is None  # one figure
    assert layouts.labelled_item("In short, up 12.2% with the squat, 2% with the thrust") is None


def test_a_muscle_named_alone_takes_the_size_measure_named_before() -> None:
    text = "\n".join(
        [
            BARBALHO,
            THICKNESS,
            "- Gluteus maximus: up 9.4% with the back squat, up 3.7% with the hip thrust",
            "- Quadriceps: up 12.2% with the back squat, up 2% with the hip thrust",
            "- Back squat 1RM: up 35.9% with the back squat, up 4.3% with the hip thrust",
        ]
    )
    assert claims(text)[-6:] == [
        (3, "change_pct", "bs", "glute_thickness", "thickness", "9.4"),
        (3, "change_pct", "ht", "glute_thickness", "thickness", "3.7"),
        (4, "change_pct", "bs", "quadriceps_thickness", "thickness", "12.2"),
        (4, "change_pct", "ht", "quadriceps_thickness", "thickness", "2"),
        (5, "change_pct", "bs", "back_squat", "1RM", "35.9"),
        (5, "change_pct", "ht", "back_squat", "1RM", "4.3"),
    ]


def test_a_muscle_named_alone_with_no_size_measure_in_play_names_no_test() -> None:
    """Without thickness or cross-sectional area named for the study, 'Quadriceps' is no test."""
    text = "\n".join(
        [BARBALHO, "- Quadriceps: up 12.2% with the back squat, up 2% with the hip thrust"]
    )
    assert [c for c in claims(text) if c[1] == "change_pct"] == []
    both = "Both the thickness and the cross-sectional area of the muscles were measured."
    text = "\n".join(
        [BARBALHO, both, "- Quadriceps: up 12.2% with the back squat, up 2% with the hip thrust"]
    )
    assert [c for c in claims(text) if c[1] == "change_pct"] == []


def test_an_owner_that_names_no_group_leaves_the_item_unread() -> None:
    text = "\n".join(
        [BARBALHO, THICKNESS, "- Quadriceps: up 12.2% with the lunge, up 2% with the hip thrust"]
    )
    assert [c for c in claims(text) if c[1] == "change_pct"] == []


TABLE = [
    KIKUCHI,
    "The thickness of the pectoralis major and triceps was measured before and after.",
    "",
    "| | Bench press | Push-ups |",
    "|---|---|---|",
    "| Pectoralis major | + 19.4% | + 18.3% |",
    "| Triceps | + 10.3% | - 9.5% |",
]


def test_a_table_with_the_groups_as_columns_gives_each_cell_its_group() -> None:
    assert [c for c in claims("\n".join(TABLE)) if c[1] == "change_pct"] == [
        (6, "change_pct", "bp", "pectoralis_thickness", "thickness", "19.4"),
        (6, "change_pct", "pu", "pectoralis_thickness", "thickness", "18.3"),
        (7, "change_pct", "bp", "triceps_thickness", "thickness", "10.3"),
        (7, "change_pct", "pu", "triceps_thickness", "thickness", "-9.5"),
    ]


def test_a_table_whose_columns_are_not_the_groups_or_cells_unsigned_is_not_read() -> None:
    other_columns = [*TABLE[:3], "| | Week 1 | Week 8 |", *TABLE[4:]]
    assert [c for c in claims("\n".join(other_columns)) if c[1] == "change_pct"] == []
    unsigned = [*TABLE[:5], "| Pectoralis major | 19.4% | 18.3% |"]
    assert [c for c in claims("\n".join(unsigned)) if c[1] == "change_pct"] == []


def test_table_cells_and_their_figures() -> None:
    assert layouts.table_cells("| Triceps | + 10.3% | **- 9.5%** |") == [
        "Triceps",
        "+ 10.3%",
        "- 9.5%",
    ]
    assert layouts.cell_figure("+ 10.3%") == ("10.3%", False)
    assert layouts.cell_figure("\u2212 9.5%") == ("9.5%", True)
    assert layouts.cell_figure("10.3%") is None  # no sign: a share, a load, a baseline ...
    assert layouts.cell_figure("+ 10.3% (p < 0.05)") is None


def test_size_units_and_muscle_names() -> None:
    assert layouts.size_unit("the thickness of the gluteus maximus") == "mm"
    assert layouts.size_unit("MRI measured the cross-sectional area (CSA)") == "cm2"
    assert layouts.size_unit("thickness and CSA") is None
    assert layouts.size_unit("the 1RM of each exercise") is None
    muscles = {"triceps brachii", "biceps brachii", "gluteus maximus", "quadriceps"}
    assert layouts.muscle_named("Triceps", muscles) == "triceps brachii"
    assert layouts.muscle_named("Glutes", muscles) == "gluteus maximus"
    assert layouts.muscle_named("Arms", muscles) is None
    assert layouts.muscle_named("Brachii", muscles) is None


def test_muscle_tests_keep_one_test_per_muscle_and_unit() -> None:
    exercises = pl.DataFrame(
        {
            "exercise_id": ["quad_mt", "glute_csa", "glute_csa_lower", "glute_mt"],
            "kind": ["muscle_size"] * 4,
            "unit": ["mm", "cm2", "cm2", "mm"],
            "muscle": ["quadriceps", "gluteus maximus", "gluteus maximus", "gluteus maximus"],
        }
    )
    assert layouts.muscle_tests(exercises) == {
        ("quadriceps", "mm"): "quad_mt",
        ("gluteus maximus", "mm"): "glute_mt",
    }  # two glute cross-sectional areas: neither is the muscle's one


WEIGHED = "Some of them were squatting more than 100 kg before it began."
GAIN = "Even so, the squat group's gains were large (+33%)."


def gains(text: str) -> list[tuple[object, ...]]:
    return [c for c in claims(text) if c[1] == "change_pct"]


def test_a_gain_with_no_test_takes_the_lift_the_sentence_before_weighed() -> None:
    assert gains(" ".join([BARBALHO, WEIGHED, GAIN])) == [
        (1, "change_pct", "bs", "back_squat", "1RM", "33")
    ]


def test_the_lift_weighed_is_not_carried_further_or_when_unclear() -> None:
    # another passage, two lifts weighed, or a sentence in between: no test in play
    assert gains("\n\n".join([BARBALHO + " " + WEIGHED, GAIN])) == []
    two = "Some were squatting 100 kg and hip thrusting 120 kg before it began."
    assert gains(" ".join([BARBALHO, two, GAIN])) == []
    between = "The women trained twice a week."
    assert gains(" ".join([BARBALHO, WEIGHED, between, GAIN])) == []


def test_lifts_weighed() -> None:
    assert layouts.lifts_weighed("some squatting more than 100 kg, others benched ~60 kg") == [
        "squat",
        "bench press",
    ]
    assert layouts.lifts_weighed("the squat group gained 20 kg") == []  # a gain, not a lift
    assert layouts.lifts_weighed("they squatted 3 times a week") == []

"""Muscle volume figures: read per muscle and group, and judged against the study's volumes."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from carryover.claims import layouts, muscle_lists
from carryover.claims.articles import Article, read_article
from carryover.steps import check
from tests.support import bundled_context, raw_with_articles

KUBO = (
    "Kubo et al. (2019) assigned 17 men to a full squat group (FST) or a half squat group (HST) "
    "for 10 weeks and measured the muscle volume of the lower limbs by MRI."
)


def claims(text: str) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), bundled_context())
    return (
        ex.rows.filter(pl.col("quantity") == "change_pct")
        .select("source_line", "group_id", "test_exercise", "measure", "value")
        .rows()
    )


def test_a_list_of_muscles_gives_each_group_its_figures_in_order() -> None:
    """The k-th figure of each group's parenthesis is the k-th muscle named."""
    text = "\n".join(
        [
            KUBO,
            "The volumes of adductor and gluteus maximus muscles significantly increased in FST "
            "(6.2 ± 2.6% and 6.7 ± 3.5%) and HST (2.7 ± 3.1% and 2.2 ± 2.6%).",
        ]
    )
    assert claims(text) == [
        (2, "fst", "adductor_volume", "volume", "6.2"),
        (2, "fst", "glute_volume", "volume", "6.7"),
        (2, "hst", "adductor_volume", "volume", "2.7"),
        (2, "hst", "glute_volume", "volume", "2.2"),
    ]


def test_a_list_takes_the_measure_in_play_and_everyday_muscle_names() -> None:
    """'the glutes and the inner thigh grew ... (7% and 6%)': volume, as the article said."""
    text = "\n".join(
        [
            KUBO,
            "The glutes and the inner thigh grew more with full squats (7% and 6%) than with "
            "half squats (2% and 3%).",
        ]
    )
    assert claims(text) == [
        (2, "fst", "glute_volume", "volume", "7"),
        (2, "fst", "adductor_volume", "volume", "6"),
        (2, "hst", "glute_volume", "volume", "2"),
        (2, "hst", "adductor_volume", "volume", "3"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # three muscles, two figures per group: which is which cannot be told
        "The volumes of the quadriceps, adductor and gluteus maximus muscles increased in FST "
        "(6.2% and 6.7%) and HST (2.7% and 2.2%).",
        # a parenthesis with words besides its figures is no per-muscle list
        "The volumes of adductor and gluteus maximus muscles increased in FST (6.2% after "
        "10 weeks and 6.7%) and HST (2.7%; 2.2%).",
        # one group's words name no group of the study
        "The volumes of adductor and gluteus maximus muscles increased in FST (6.2% and 6.7%) "
        "and in the others (2.7% and 2.2%).",
    ],
)
def test_lists_that_cannot_be_matched_make_no_claims(sentence: str) -> None:
    assert not [c for c in claims(f"{KUBO}\n{sentence}") if c[0] == 2 and c[3] == "volume"]


def test_no_list_is_read_without_a_way_of_measuring_said() -> None:
    """With no volume, thickness or area named, a muscle's figures name no size test."""
    text = "\n".join(
        [
            "Kubo et al. (2019) assigned 17 men to a full squat group (FST) or a half squat "
            "group (HST) for 10 weeks.",
            "The adductors and the gluteus maximus grew in FST (6.2% and 6.7%) and HST (2.7% "
            "and 2.2%).",
        ]
    )
    assert not [c for c in claims(text) if c[3] == "volume"]


def test_brackets_and_their_groups_words() -> None:
    text = "increased in FST (6.2 ± 2.6% and 6.7 ± 3.5%) and the half squat group (2.7%, 2.2%)"
    found = muscle_lists.figure_brackets(text)
    assert [b.owner for b in found] == ["FST", "half squat group"]
    assert [muscle_lists.figures_in(text, b) for b in found] == [2, 2]
    assert muscle_lists.figure_brackets("rose (6.2% in 10 weeks)") == []
    assert muscle_lists.figure_brackets("rose in FST (6.2%)") == []  # one figure is no list


def test_volume_words_say_muscle_size_is_a_volume_and_training_volume_does_not() -> None:
    assert layouts.size_unit("compared the muscle volume of the lower limbs") == "cm3"
    assert layouts.size_unit("the volumes of the thigh muscles were measured by MRI") == "cm3"
    assert layouts.size_unit("a higher training volume gave more growth") is None
    assert muscle_lists.measured_unit("the volumes of adductor muscles", 0, 30) == "cm3"
    assert muscle_lists.measured_unit("grew in both groups", 0, 19) is None


def test_a_single_volume_figure_reads_by_its_alias() -> None:
    """'gluteus maximus volume increased 6.7%': the study's gluteus maximus volume."""
    text = f"{KUBO}\nIn the FST group, gluteus maximus volume increased 6.7%."
    assert claims(text) == [(2, "fst", "glute_volume", "volume", "6.7")]


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    articles = tmp_path_factory.mktemp("articles")
    (articles / "squat-depth.md").write_text(
        "\n".join(
            [
                "# Squat depth and muscle growth",
                KUBO,
                "Quadriceps volume rose by 4.9% in FST and by 4.6% in HST.",
                "The volumes of adductor and gluteus maximus muscles increased in FST (6.2% and "
                "9.5%) and HST (2.7% and 2.2%).",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    raw = raw_with_articles(tmp_path_factory.mktemp("raw") / "raw", articles)
    table = check(raw).validation.derived["claim_checks"]
    table = table.filter(pl.col("measure") == "volume")
    return {
        f"{r['group_id']} {r['test_exercise']} {r['claimed']:g}": r["verdict"]
        for r in table.iter_rows(named=True)
    }


def test_volume_figures_are_judged_against_the_study(verdicts: dict[str, str]) -> None:
    """Figures the abstract prints are supported; a figure it contradicts is contradicted."""
    assert verdicts == {
        "fst quadriceps_volume 4.9": "supported",
        "hst quadriceps_volume 4.6": "supported",
        "fst adductor_volume 6.2": "supported",
        "fst glute_volume 9.5": "contradicted",
        "hst adductor_volume 2.7": "supported",
        "hst glute_volume 2.2": "supported",
    }


def test_a_volume_figure_rounded_like_the_paper_is_supported(tmp_path: Path) -> None:
    """'7% against 2%' for 6.7% and 2.2%: whole percents are roundings of the paper's figures."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "glutes.md").write_text(
        f"# Glutes\n{KUBO}\nGluteus maximus volume grew 7% in FST and 2% in HST.\n",
        encoding="utf-8",
    )
    table = check(raw_with_articles(tmp_path / "raw", articles)).validation.derived["claim_checks"]
    rows = table.filter(pl.col("measure") == "volume").select("group_id", "verdict").rows()
    assert sorted(rows) == [("fst", "supported"), ("hst", "supported")]


MOSHI = (
    "Kubo et al. (2019) split 17 men into a full squat group (FST) and a half squat group (HST) "
    "for 10 weeks. Before and after, they measured the amount of muscle in the front of the "
    "thigh, the inner thigh and the buttocks."
)


def test_an_item_of_two_groups_each_before_its_figure_is_read() -> None:
    """'Inner thigh: full 6.2% vs half 2.7%': a muscle's size, each group by its first word."""
    text = "\n".join([MOSHI, "", "- inner thigh: full 6.2% vs half 2.7%", "- buttocks: 6.7%"])
    assert claims(text) == [
        (3, "fst", "adductor_volume", "volume", "6.2"),
        (3, "hst", "adductor_volume", "volume", "2.7"),
    ]


@pytest.mark.parametrize(
    "item",
    [
        "- inner thigh: quarter 6.2% vs half 2.7%",  # 'quarter' begins no group's name
        "- inner thigh: full 6.2% vs full 2.7%",  # one group twice
        "- inner thigh: full 6.2% vs 2.7%",  # the second figure has no group
        "- inner thigh: full 6.2% vs half 2.7% after ten weeks",  # words after the pair
    ],
)
def test_items_whose_groups_cannot_be_told_are_not_read(item: str) -> None:
    assert claims(f"{MOSHI}\n\n{item}") == []


def test_size_said_without_how_takes_the_studys_only_measure() -> None:
    """'the amount of muscle' with the study's muscles all measured as volumes: volume."""
    assert layouts.says_size("they measured the amount of muscle in the thigh")
    assert layouts.says_size("gains in muscle mass")
    assert not layouts.says_size("a higher training volume")
    unsaid = MOSHI.replace("the amount of muscle in", "")
    assert claims(f"{unsaid}\n\n- inner thigh: full 6.2% vs half 2.7%") == []


def test_pair_items_and_their_owners() -> None:
    item = layouts.labelled_pair("Front of the thigh: full 4.9% vs. half 4.6%")
    assert item is not None
    label, owned = item
    assert label == "Front of the thigh"
    assert [o.owner for o in owned] == ["full", "half"]
    assert layouts.labelled_pair("Front of the thigh: up 4.9% with the full squat") is None

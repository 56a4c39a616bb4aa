"""Groups named by their level of repetitions or load ('low reps', 'the light-weight group')."""

from __future__ import annotations

import polars as pl

from carryover.claims.articles import Article, read_article
from carryover.claims.label_phrases import label_phrases
from tests.support import bundled_context

LEAD = "Morton et al. (2016) trained two groups for 12 weeks."
HIGHER = "Higher repetitions: 20-25 repetitions per set at ~30-50% 1RM (HR)"
LOWER = "Lower repetitions: 8-12 repetitions per set at ~75-90% 1RM (LR)"


def changes(sentence: str) -> list[tuple[object, ...]]:
    ex = read_article(Article("articles/a.md", "a", [LEAD, sentence]), bundled_context())
    return (
        ex.rows.filter(pl.col("source_line") == 2)
        .select("group_id", "quantity", "test_exercise", "value")
        .rows()
    )


def test_a_repetition_level_label_gives_its_everyday_names() -> None:
    assert {"low reps", "lower-rep", "low repetitions"} <= label_phrases(LOWER)
    assert {"high reps", "higher-rep", "high repetitions"} <= label_phrases(HIGHER)
    assert "high reps" not in label_phrases(LOWER)
    assert not any("rep" in p.split()[0] for p in label_phrases("High volume: 5 sets (HV)"))


def test_a_load_share_gives_light_or_heavy_words_never_alone() -> None:
    assert {"light weights", "lighter loads", "light-weight", "low load"} <= label_phrases(HIGHER)
    assert {"heavy weights", "heavier loads", "heavy-weight", "high load"} <= label_phrases(LOWER)
    assert "light" not in label_phrases(HIGHER)
    assert "heavy" not in label_phrases(LOWER)
    assert not any("light" in p or "heavy" in p for p in label_phrases("Moderate: ~60-70% 1RM"))


def test_groups_named_by_level_alone_own_their_gains() -> None:
    """'low reps raised 1RM by 14 kg while high reps gave only a 9 kg increase'."""
    assert changes(
        "In the bench press, low reps raised 1RM by 14 kg while high reps gave only a 9 kg "
        "increase on average."
    ) == [("lr", "change_abs", "bench_press", "14"), ("hr", "change_abs", "bench_press", "9")]


def test_a_group_named_after_both_groups_owns_the_figure_that_follows_it() -> None:
    assert changes(
        "1RM rose in both groups, but on the bench press the lighter weights gave a 9 kg increase."
    ) == [("hr", "change_abs", "bench_press", "9")]
    assert changes("1RM rose in both groups on the bench press, by 9 kg.") == []


def test_a_weight_before_increase_is_a_change_not_a_level() -> None:
    assert changes("On the bench press the heavy-weight group had a 14 kg increase.") == [
        ("lr", "change_abs", "bench_press", "14")
    ]
    assert changes("On the bench press the high reps group lifted 90 kg at the start.") == [
        ("hr", "pre_mean", "bench_press", "90")
    ]

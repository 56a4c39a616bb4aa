"""A change in kg right before its percent is the same group's change on the same test.

Reading: carryover.claims.paired_units through the article reader.
"""

from __future__ import annotations

import pytest

from carryover.claims.articles import Article, Context, read_article
from carryover.claims.paired_units import units_beside_percents
from tests.unit.claims.test_label_phrases import D, context  # noqa: F401  (the fixture)


def _claims(text: str, ctx: Context) -> list[tuple[str, str, str, str]]:
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), ctx)
    rows = ex.rows.select("quantity", "group_id", "test_exercise", "value").rows()
    return sorted((str(q), str(g), str(t), str(v)) for q, g, t, v in rows)


def test_kg_before_its_percent_is_the_same_change(context: Context) -> None:  # noqa: F811
    """'23,7 kg (an improvement of 19.6%) for the squat': the HL group's squat, in kg too."""
    text = D + "In the high-weight group, 23,7 kg (an improvement of 19.6%) for the squat."
    assert _claims(text, context) == [
        ("change_abs", "hl", "back_squat", "23.7"),
        ("change_pct", "hl", "back_squat", "19.6"),
    ]


def test_must_not_pair_a_kg_figure_away_from_the_percent(context: Context) -> None:  # noqa: F811
    """'23,7 kg more, an improvement of 19.6%': no parenthesis, so no pair is assumed."""
    text = D + "In the high-weight group the squat rose 19.6%, and the bar held 23,7 kg more."
    assert [c for c in _claims(text, context) if c[0] == "change_abs"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6,6 kg (6,5%) for the bench press", [("6.6", False, 6.5)]),
        ("gained 15 lb (+12%)", [("15", True, 12.0)]),
        ("23,7 kg (an improvement of 19.6%)", [("23.7", False, 19.6)]),
        ("23,7 kg (19.6% of 1RM, a load)", []),  # must not: more than the percent inside
        ("6 sets (6,5%)", []),  # must not: no unit of weight
    ],
)
def test_units_beside_percents(text: str, expected: list[tuple[str, bool, float]]) -> None:
    assert [(b.value, b.pounds, b.percent) for b in units_beside_percents(text)] == expected

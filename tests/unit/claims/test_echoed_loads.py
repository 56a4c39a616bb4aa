"""A load the article gave, repeated beside a group, is the group's name, not its result.

Reading: carryover.claims.loads, and through the article reader.
"""

from __future__ import annotations

import pytest

from carryover.claims import accounting
from carryover.claims.articles import Article, Context, read_article
from carryover.claims.loads import echoed_load, stated_loads
from tests.unit.claims.test_label_phrases import D, context  # noqa: F401  (the fixture)

SPLIT = D + "One group lifted 70-80% of the maximal weight, the other 30-50% of the maximal weight."


def _told(text: str, context: Context) -> dict[str, str]:  # noqa: F811
    ex = read_article(Article("articles/a.md", "a", text.split("\n")), context)
    return dict(ex.numbers.select("text", "disposition").rows())


def test_a_repeated_load_beside_a_group_is_no_claim(context: Context) -> None:  # noqa: F811
    """'the result in the high-weight group, 70-80% CM': the load names the group."""
    text = SPLIT + "\nThe squat 1RM rose by 19.6% in the high-weight group, 70-80% CM."
    told = _told(text, context)
    assert told["19.6%"] == accounting.CLAIM
    assert all(d != accounting.CLAIM for t, d in told.items() if t.startswith("70"))


def test_a_figure_the_article_never_gave_as_a_load_is_read(context: Context) -> None:  # noqa: F811
    """'in the high-weight group, 19.6%': no load was written so: the group's gain."""
    told = _told(D + "The squat gain in the high-weight group was 19.6%.", context)
    assert told["19.6%"] == accounting.CLAIM


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 30-50% CM group", True),
        ("the 30\u201350 % group", True),
        ("strength rose 30-50% overall", False),  # the same figure away from a group
        ("in the 40-60% group", False),  # a load the article never gave
    ],
)
def test_echoed_load(text: str, expected: bool) -> None:
    loads = stated_loads(["they lifted 30-50% of their 1RM", "and 70 to 80% of maximal"])
    at = text.index("%")
    start = text.rfind(" ", 0, at - 1) + 1 if text[at - 1] == " " else at - 2
    assert echoed_load(text, start, at + 1, loads) is expected


def test_stated_loads_forms() -> None:
    """'of the maximal weight', 'of 1RM', 'of maximal'; a gain 'of 12%' is no load."""
    assert stated_loads(
        ["75% of maximal", "70 to 80% of the maximal weight", "60 % of 1RM", "a gain of 12%"]
    ) == {"75%", "70-80%", "60%"}

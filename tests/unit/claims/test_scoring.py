"""The benchmark's scoring: which reader quantities and group labels an annotation stands for."""

from __future__ import annotations

from typing import Any

import pytest

from carryover.claims.scoring import score

LINE = "The students who used the leg press gained 50 pounds on their leg press."
LABELS = {("s", "lp"): "Leg-press training (LP)", ("s", "sq"): "Squat training (SQ)"}


def expected(quantity: str, group: str) -> dict[str, Any]:
    return {"line": 1, "text": "50", "disposition": "claim", "study": "s", "group": group,
            "quantity": quantity}  # fmt: skip


def got(quantity: str, group: str) -> dict[str, Any]:
    return {"line": 1, "column": LINE.index("50") + 1, "text": "50", "disposition": "claim",
            "study_id": "s", "quantity": quantity, "group_id": group, "verdict": None}  # fmt: skip


@pytest.mark.parametrize(
    ("annotated", "read", "right"),
    [
        # a gain in pounds is the annotation's change_abs
        (expected("change_abs", "leg press"), got("change_abs_lb", "lp"), 1),
        (expected("change_abs", "leg press"), got("change_abs", "lp"), 1),
        (expected("change_abs", "leg press"), got("pre_mean_lb", "lp"), 0),
        # 'leg press' names the group labelled 'Leg-press training'; not the squat group
        (expected("change_pct", "leg press"), got("change_pct", "lp"), 1),
        (expected("change_pct", "leg press"), got("change_pct", "sq"), 0),
    ],
)
def test_a_claim_is_right_with_its_quantity_and_group(
    annotated: dict[str, Any], read: dict[str, Any], right: int
) -> None:
    assert score("a", [LINE], [annotated], [read], LABELS).right == right


def test_a_wrong_claim_no_number_carries_is_a_false_error() -> None:
    annotated = expected("change_abs", "leg press")
    assert score("a", [LINE], [annotated], [got("change_abs", "lp")], LABELS).false_errors == 0
    s = score("a", [LINE], [annotated], [got("change_abs", "lp")], LABELS, [(1, 8.6)])
    assert s.false_errors == 1
    assert "no number carries it" in s.mismatches[-1]

"""schemas/claim_checks.py: the claim rules, as checks on the judged claims."""

import polars as pl

from schemas import claim_checks
from schemas.table import ROW, run_plan


def _judged(**flags: object) -> pl.DataFrame:
    row = {
        ROW: 0,
        "source_file": "articles/review.md",
        "source_line": 3,
        "article_id": "review",
        "line": 3,
        "value": 12.0,
        "measure": "1RM",
        "test_exercise": "back_squat",
        "verdict": claim_checks.SUPPORTED,
        "_exercise_not_tested": False,
        "_measure_not_tested": False,
        "_contradicted": False,
        "_conflict_line": None,
        **flags,
    }
    return pl.DataFrame([row], schema_overrides={"_conflict_line": pl.Int64})


def test_a_supported_claim_breaks_no_rule() -> None:
    """A claim the study supports gives no finding."""
    assert run_plan(claim_checks.claims_plan(), _judged()).is_empty()


def test_a_contradicted_claim_is_a_claim_vs_source_error() -> None:
    """A claim outside what the study's figures allow: claim_vs_source, at the article's line."""
    frame = _judged(_contradicted=True, verdict=claim_checks.CONTRADICTED)
    findings = run_plan(claim_checks.claims_plan(), frame)
    assert findings.select("rule", "column_name", "severity").rows() == [
        ("claim_vs_source", "value", "error")
    ]
    assert findings["message"][0].startswith("review line 3 says")

"""Articles that once stopped or fooled a run: each is now read, or a finding on that article."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from typer.testing import CliRunner

from carryover.claims import articles
from carryover.claims.articles import article_id, article_ids, read_articles
from carryover.cli.app import app
from carryover.core.config import PROJECT_ROOT
from carryover.steps import check

RAW = PROJECT_ROOT / "raw"
HAMMOND = (
    "A study by Hammond et al. recruited 14 trained men.\n"
    "The squat group increased their {exercise} one-rep max by 35.9%.\n"
)


def _raw(tmp_path: Path, **articles_text: str | bytes) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    shutil.rmtree(raw / "articles")
    (raw / "articles").mkdir()
    for name, text in articles_text.items():
        path = raw / "articles" / name.replace("__", ".")
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return raw


def _from_articles(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(pl.col("source_file").str.starts_with("articles/"))


def _claims(raw: Path) -> pl.DataFrame:
    return _from_articles(check(raw).validation.clean["claims"])


@pytest.mark.parametrize(
    "exercise",
    ["back-squat", "Back-Squat", "back  squat", "back\nsquat", "back-squat training", "BACK SQUAT"],
)
def test_a_hyphenated_or_wrapped_alias_is_read_not_a_crash(tmp_path: Path, exercise: str) -> None:
    """'back-squat training' once stopped check and run with a KeyError; now it is a claim."""
    raw = _raw(tmp_path, a__md=HAMMOND.format(exercise=exercise))
    claims = _claims(raw).filter(pl.col("quantity") == "change_pct")
    assert claims.select("test_exercise", "value").rows() == [("back_squat", 35.9)]
    result = CliRunner().invoke(app, ["check", "--raw", str(raw)])
    assert "internal error" not in result.output
    assert result.exit_code in (0, 1)


def test_an_unexpected_failure_is_a_finding_on_that_article_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One article whose reading raises: article_unreadable on it, the other article is read."""
    raw = _raw(
        tmp_path,
        good__md=HAMMOND.format(exercise="back squat"),
        bad__md=HAMMOND.format(exercise="back squat") + "TRIGGER\n",
    )
    real = articles.Reader.read

    def failing(self: articles.Reader, *args: Any, **kwargs: Any) -> None:
        if any("TRIGGER" in line for line in self.article.lines):
            raise KeyError("back-squat")
        real(self, *args, **kwargs)

    monkeypatch.setattr(articles.Reader, "read", failing)
    validation = check(raw).validation
    hits = validation.findings.filter(pl.col("rule") == "article_unreadable")
    assert hits.select("source_file", "severity").rows() == [("articles/bad.md", "error")]
    assert "KeyError" in hits["message"][0]
    claims = _from_articles(validation.clean["claims"])
    assert set(claims["article_id"].to_list()) == {"good"}
    result = CliRunner().invoke(app, ["check", "--raw", str(raw)])
    assert result.exit_code == 1
    assert "internal error" not in result.output
    assert "[article_unreadable]" in result.output


def test_colliding_article_ids_are_told_apart() -> None:
    """'squat-review.md' and 'Squat_Review.md' get different ids, each stable on its own name."""
    first = article_ids(["squat-review.md", "Squat_Review.md", "other.md"])
    assert len(set(first)) == 3
    assert first[2] == "other"
    assert all(i.startswith("squat_review_") for i in first[:2])
    again = article_ids(["Squat_Review.md", "squat-review.md", "zzz.md"])
    assert again[:2] == [first[1], first[0]]


def test_non_latin_names_get_stable_distinct_ids() -> None:
    """Every non-Latin name used to be 'a_'; now each is a_ and a hash of its own name."""
    a, b = article_id("Приседания"), article_id("深蹲")
    assert a != b
    assert a.startswith("a_")
    assert len(a) == 10
    assert article_id("Приседания") == a
    assert article_id("Übersicht") == "ubersicht"


def test_colliding_articles_do_not_conflict_with_each_other(tmp_path: Path) -> None:
    """Two files that once shared an id: neither's claim 'conflicts' with the other's line."""
    raw = _raw(
        tmp_path,
        **{
            "squat-review__md": HAMMOND.format(exercise="back squat"),
            "Squat_Review__md": "\n\n" + HAMMOND.format(exercise="back squat").replace("35.9", "7"),
        },
    )
    findings = _from_articles(check(raw).validation.findings)
    assert findings.filter(pl.col("rule") == "claim_conflict").is_empty()


def test_a_binary_article_is_one_not_text_finding(tmp_path: Path) -> None:
    """A PDF or a blob of random bytes named .md: one file_not_text error, not one per line."""
    blob = bytes(range(256)) * 64
    raw = _raw(tmp_path, blob__md=blob, paper__md=b"%PDF-1.7\n" + blob)
    findings = check(raw).validation.findings.filter(pl.col("source_file").str.starts_with("art"))
    assert findings.select("source_file", "rule").sort("source_file").rows() == [
        ("articles/blob.md", "file_not_text"),
        ("articles/paper.md", "file_not_text"),
    ]


def test_a_nul_inside_a_figure_is_a_finding_not_a_claim(tmp_path: Path) -> None:
    """A NUL between '1' and '2%' left 2% read; now the line is a row_nul_byte error, no claim."""
    text = HAMMOND.format(exercise="back squat").replace("35.9%", "1\x002%")
    raw = _raw(tmp_path, a__md=text)
    validation = check(raw).validation
    hits = validation.findings.filter(pl.col("rule") == "row_nul_byte")
    assert hits.select("source_file", "source_line").rows() == [("articles/a.md", 2)]
    claims = _from_articles(validation.clean["claims"])
    assert claims.filter(pl.col("quantity") == "change_pct").is_empty()


def test_articles_being_a_file_is_a_finding(tmp_path: Path) -> None:
    """An `articles` file instead of a folder is reported, not skipped in silence."""
    raw = _raw(tmp_path)
    (raw / "articles").rmdir()
    (raw / "articles").write_text("not a folder\n", encoding="utf-8")
    found = read_articles(raw)
    assert len(found) == 1
    (problem,) = found[0].problems
    assert problem["rule"] == "file_unreadable"
    assert "should be a folder" in problem["message"]
    findings = check(raw).validation.findings
    assert findings.filter(pl.col("source_file") == "articles").height == 1


@pytest.mark.slow  # times two long lines
def test_a_line_of_many_counts_is_read_in_linear_time() -> None:
    """'12 men' thousands of times on one line: four times the line, not sixteen times the time.

    Group sizes, samples and the number accounting look at bounded windows or at the numbers of
    one value.
    """
    import time

    from carryover.claims.articles import Article, read_article
    from tests.support import bundled_context

    context = bundled_context()

    def seconds(repeats: int) -> float:
        line = "Hammond et al. (2019) recruited " + "12 men and " * repeats + "no one else."
        began = time.process_time()
        read_article(Article("articles/a.md", "a", [line]), context)
        return time.process_time() - began

    seconds(100)  # warm up
    small = min(seconds(1000) for _ in range(2))
    large = min(seconds(4000) for _ in range(2))
    assert large < 8 * small

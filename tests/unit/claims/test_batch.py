"""Articles read in a batch give exactly what reading each alone gives.

`carryover.claims.batch` builds each frame once for a batch and gives each article its slice;
`read_article` builds one article's frames. Every claims row, finding, number and line must be
the same, article for article, on the three real corpora and on the odd cases (an empty article,
an article without claims, a file that is not text, an article whose reading fails).
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal, assert_series_equal

from carryover import steps
from carryover.claims import articles as reading
from carryover.claims.articles import Article, Context, read_article, read_articles
from carryover.claims.batch import read_batch
from carryover.ingest.extract import Extracted
from carryover.validate.validation import read_article_batch
from tests.support import PROJECT_ROOT, bundled_context

CORPORA = ("real", "holdout", "holdout2")


def _articles(corpus: str, tmp_path: Path) -> list[Article]:
    folder = tmp_path / corpus / "articles"
    folder.mkdir(parents=True)
    for md in sorted((PROJECT_ROOT / "tests" / "data" / "articles" / corpus).glob("*.md")):
        shutil.copy(md, folder / md.name)
    return read_articles(folder.parent)


def _same(batched: Extracted, alone: Extracted) -> None:
    assert batched.source_file == alone.source_file
    assert batched.sha256 == alone.sha256
    assert batched.spec == alone.spec
    assert batched.data_rows == alone.data_rows
    assert_frame_equal(batched.rows, alone.rows)
    assert_frame_equal(batched.rejected, alone.rejected)
    assert_frame_equal(batched.findings, alone.findings)
    assert_series_equal(batched.lines, alone.lines)
    assert batched.numbers is not None
    assert alone.numbers is not None
    assert_frame_equal(batched.numbers, alone.numbers)


def _one_by_one(sources: list[Article], context: Context) -> list[Extracted]:
    return [read_article(article, context) for article in sources]


@pytest.mark.parametrize("corpus", CORPORA)
def test_a_batch_reads_each_corpus_article_as_reading_it_alone(corpus: str, tmp_path: Path) -> None:
    """Every article of the corpus, read in one batch, equals that article read alone."""
    context = bundled_context()
    articles = _articles(corpus, tmp_path)
    assert len(articles) > 10
    batched = read_batch(articles, context)
    assert len(batched) == len(articles)
    for got, article in zip(batched, articles, strict=True):
        _same(got, read_article(article, context))
    assert sum(ex.data_rows for ex in batched) > 0
    # the worker processes send them pickled: a slice pickles as the article alone does
    for got, article in zip(pickle.loads(pickle.dumps(batched)), articles, strict=True):
        _same(got, read_article(article, context))


def test_odd_articles_in_a_batch_read_as_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Empty, claim-free, not-text and failing articles keep their own rows and findings."""
    context = bundled_context()
    real = _articles("real", tmp_path)
    (tmp_path / "odd" / "articles").mkdir(parents=True)
    (tmp_path / "odd" / "articles" / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    odd = read_articles(tmp_path / "odd")
    failing = Article("articles/fails.md", "fails", real[0].lines)
    sources = [
        Article("articles/empty.md", "empty", []),
        real[0],
        Article("articles/plain.md", "plain", ["No figures here.", "", "None at all."]),
        *odd,
        failing,
        real[1],
    ]
    original = reading.Reader.read

    def read_or_fail(self: reading.Reader, *args: object) -> None:
        if self.article.source_file == failing.source_file:
            raise ValueError("an unexpected text")
        original(self, *args)

    monkeypatch.setattr(reading.Reader, "read", read_or_fail)
    batched = read_batch(sources, context)
    for got, article in zip(batched, sources, strict=True):
        _same(got, read_article(article, context))
    failed = batched[4]
    assert failed.rows.is_empty()
    assert failed.findings["rule"].to_list() == ["article_unreadable"]
    assert batched[1].data_rows > 0  # the articles around a failing one still have their claims
    assert batched[5].data_rows > 0
    assert read_batch([], context) == []


def test_check_gives_the_same_findings_and_numbers_batched_as_article_by_article(
    tmp_path: Path,
) -> None:
    """A whole check (validation, verdicts, number accounting) is the same either way."""
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    shutil.rmtree(raw / "articles")
    (raw / "articles").mkdir()
    for md in sorted((PROJECT_ROOT / "tests" / "data" / "articles" / "real").glob("*.md")):
        shutil.copy(md, raw / "articles" / md.name)
    batched = steps.run_steps(raw, analytics=False).validation
    alone = steps.run_steps(
        raw, steps.InTurn({read_article_batch: _one_by_one}), analytics=False
    ).validation
    assert_frame_equal(batched.findings, alone.findings)
    assert_frame_equal(batched.quarantine, alone.quarantine)
    for name in ("article_numbers", "claim_verdicts"):
        if name in alone.derived:
            assert_frame_equal(batched.derived[name], alone.derived[name])
    assert set(batched.clean) == set(alone.clean)
    for name, frame in alone.clean.items():
        assert_frame_equal(batched.clean[name], frame)
    numbers = batched.derived["article_numbers"]
    assert numbers.height > 100
    assert numbers.filter(pl.col("disposition") == "claim").height > 0


def test_findings_of_a_file_without_rejected_lines_have_the_identity_a_join_gives() -> None:
    """The short way for a file with no rejected line (every article) gives the join's frame."""
    from carryover.validate.validation import IDENTITY, _structural_identity

    context = bundled_context()
    article = Article("articles/a.md", "a", ["Smith et al. (2019) found 12.5 %.", "", "Then 7."])
    ex = read_batch([article], context)[0]
    assert ex.rejected.is_empty()
    assert not ex.findings.is_empty()
    raw = ex.rejected.select("source_line", pl.col("raw").alias(IDENTITY))
    joined = ex.findings.join(raw, on="source_line", how="left", maintain_order="left")
    assert_frame_equal(
        _structural_identity(ex), joined.with_columns(pl.col(IDENTITY).fill_null(""))
    )
    assert _structural_identity(ex)[IDENTITY].to_list() == [""] * ex.findings.height

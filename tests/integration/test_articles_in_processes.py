"""Articles read in worker processes give exactly what reading them in one process gives.

`carryover run` on the thread pool reads many articles in worker processes (threads gain nothing
for pure-Python reading). The same corpus, read by the flow in processes and by `check` in turn,
must give the same claims, numbers with their dispositions, and findings, in the same order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

from carryover.claims.articles import Article, article_id
from carryover.steps import article_size, batches, check
from carryover.validate import article_processes
from carryover.validate.article_processes import ArticleProcesses
from carryover.validate.validation import read_article_batch
from flows.pipeline import carryover_pipeline
from tests.support import bundled_context, raw_with_articles

pytestmark = pytest.mark.slow  # starts worker processes

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "articles" / "real"


def _corpus() -> list[Article]:
    return [
        Article(f"articles/{p.name}", article_id(p.stem), p.read_text("utf-8").splitlines())
        for p in sorted(CORPUS.glob("*.md"))
        if p.name != "README.md"
    ]


def _same(a: Any, b: Any) -> None:
    assert a.source_file == b.source_file
    assert a.spec == b.spec
    assert a.data_rows == b.data_rows
    assert a.rows.equals(b.rows)
    assert a.findings.equals(b.findings)
    assert a.numbers.equals(b.numbers)
    assert a.lines.equals(b.lines)


def test_batches_read_in_worker_processes_are_those_read_here() -> None:
    """Every batch of the corpus, in order: the same rows, findings and numbers, frame for frame."""
    context = bundled_context()
    parts = batches(_corpus(), article_size, 16 * 1024)
    assert len(parts) > 2
    here = [read_article_batch(part, context) for part in parts]
    with article_processes.article_processes(2) as processes:
        processes.start()
        there = [processes.read(part, context) for part in parts]
    assert [len(p) for p in there] == [len(p) for p in here]
    for mine, theirs in zip(here, there, strict=True):
        for a, b in zip(mine, theirs, strict=True):
            _same(a, b)


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled tables with the real-article corpus as the articles."""
    return raw_with_articles(tmp_path_factory.mktemp("articles") / "raw", CORPUS)


def test_the_flow_reads_articles_in_processes_as_check_reads_them(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run on the thread pool, its articles read in processes; `check`, in turn: the same."""
    read_there: list[int] = []
    read = ArticleProcesses.read

    def counted(self: ArticleProcesses, articles: Any, context: Any) -> Any:
        read_there.append(len(articles))
        return read(self, articles, context)

    monkeypatch.setattr(ArticleProcesses, "read", counted)
    monkeypatch.setattr(article_processes, "MIN_BYTES", 0)
    monkeypatch.setattr("carryover.steps.ARTICLE_BATCH_BYTES", 8 * 1024)
    carryover_pipeline(
        raw_dir=raw,
        warehouse=tmp_path / "w.duckdb",
        report_dir=tmp_path / "reports",
        full=True,
        fail_on="never",
        task_runner="thread",
    )
    articles = len(list((raw / "articles").iterdir()))
    assert sum(read_there) == articles
    assert len(read_there) > 2  # several batches, spread over the workers
    expected = check(raw).validation
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        numbers = con.sql("select * from article_numbers").pl()
        claims = con.sql("select * from claims").pl()
        findings = con.sql(
            "select source_file, source_line, rule, message from findings "
            "where source_file like 'articles/%'"
        ).pl()
    want_numbers = expected.derived["article_numbers"]
    assert numbers.height == want_numbers.height > 300
    assert numbers.select(want_numbers.columns).equals(want_numbers)
    want_claims = expected.clean["claims"]
    assert claims.height == want_claims.height > 50
    columns = [c for c in want_claims.columns if c in claims.columns]
    assert claims.select(columns).sort(pl.all()).equals(want_claims.select(columns).sort(pl.all()))
    want_findings = expected.findings.filter(pl.col("source_file").str.starts_with("articles/"))
    assert findings.height == want_findings.height > 0
    got = findings.sort(pl.all())
    want = want_findings.select(findings.columns).sort(pl.all())
    assert got.equals(want.cast(got.schema))  # type: ignore[arg-type]

"""Whatever an article holds, reading it never crashes and every claim points at a real line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carryover.claims.articles import Article, read_article, read_articles
from carryover.core.config import PROJECT_ROOT
from tests.support import bundled_context as context

pytestmark = pytest.mark.slow  # many generated examples each

DEMO = (PROJECT_ROOT / "raw" / "articles" / "hip-thrust-vs-squat.md").read_text(encoding="utf-8")


WORDS = st.sampled_from(
    ["Hammond et al.", "Barbalho et al.", "the squat group", "their", "hip thrust", "3RM",
     "one-rep max", "increased", "by", "12.9%", "21,2%", "for 4 weeks", "twice per week", "14 men",
     "(", ")", ".", "\n", "\n\n", "# ", "- ", "**", "[x](y)", "like", "group", "%", "et al."]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=60))
def test_any_text_reads_without_crashing(parts: list[str]) -> None:
    """Random prose and article-like fragments: claims always name an existing line."""
    text = " ".join(parts)
    lines = text.split("\n")
    ex = read_article(Article("articles/x.md", "x", lines), context())
    assert all(1 <= line <= len(lines) for line in ex.rows["source_line"].to_list())
    assert ex.data_rows == ex.rows.height


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(0, len(DEMO)), junk=st.binary(max_size=40))
def test_a_damaged_demo_article_reads_without_crashing(cut: int, junk: bytes) -> None:
    """The demonstration article cut short and followed by junk still reads."""
    lines = (DEMO[:cut] + junk.decode("utf-8", errors="replace")).split("\n")
    read_article(Article("articles/x.md", "x", lines), context())


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_article_bytes_that_are_not_utf8_are_findings(tmp_path: Path, data: bytes) -> None:
    """Undecodable bytes are a row_encoding error at their line; the article is still read."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "a.md").write_bytes(b"Hammond et al. ok\n" + data)
    (article,) = read_articles(tmp_path)
    bad = [p for p in article.problems if p["rule"] == "row_encoding"]
    expected = 0
    for raw in (b"Hammond et al. ok\n" + data).splitlines():
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            expected += 1
    assert len(bad) == expected

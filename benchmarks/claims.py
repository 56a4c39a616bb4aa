"""Benchmark the article reader and claim judging on the real-article corpus.

Every corpus article (tests/data/articles/real/*.md) is read with the bundled raw/ tables (the
articles and claims.csv of raw/ left out) and scored against its `.expected.json`: numbers
found, numbers with no disposition, claims read with the right study, group and quantity, errors
caught of those known, false errors, unread numbers, precision and recall (see
carryover.claims.scoring).

    python benchmarks/claims.py [CORPUS_DIR] [--details] [--update-docs]

--update-docs writes the table into docs/claims.md and the overall line into README.md, between
their markers. A held-out corpus (any other directory, e.g. tests/data/articles/holdout2) has
its own table in docs/claims.md, between markers named after the directory ("holdout" keeps its
first name, "held-out table"), and leaves README.md alone.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

import polars as pl

from carryover.claims.accounting import uncarried_wrong
from carryover.claims.articles import article_id
from carryover.claims.scoring import Score, overall_line, score, table
from carryover.steps import check

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "articles" / "real"


def run(corpus: Path, raw: Path = ROOT / "raw") -> tuple[list[Score], Score]:
    """Read every corpus article against the raw tables and score it."""
    with tempfile.TemporaryDirectory() as tmp:
        raw_dir = Path(tmp) / "raw"
        (raw_dir / "articles").mkdir(parents=True)
        for csv in raw.glob("*.csv"):
            if csv.name != "claims.csv":
                shutil.copy(csv, raw_dir / csv.name)
        for md in sorted(corpus.glob("*.md")):
            if md.name != "README.md":
                shutil.copy(md, raw_dir / "articles" / md.name)
        checked = check(raw_dir)
    numbers = checked.validation.derived["article_numbers"]
    checks = checked.validation.derived["claim_checks"]
    groups = checked.validation.clean["groups"]
    labels = {
        (s, g): lab for s, g, lab in groups.select("study_id", "group_id", "label").iter_rows()
    }
    scores = []
    total = Score("**all**")
    for expected_file in sorted(corpus.glob("*.expected.json")):
        md = expected_file.with_name(expected_file.name.removesuffix(".expected.json") + ".md")
        expected = json.loads(expected_file.read_text(encoding="utf-8"))["numbers"]
        lines = md.read_text(encoding="utf-8").splitlines()
        got = numbers.filter(pl.col("article_id") == article_id(md.stem)).to_dicts()
        here = numbers.filter(pl.col("article_id") == article_id(md.stem))
        own = checks.filter(pl.col("article_id") == article_id(md.stem))
        s = score(md.stem, lines, expected, got, labels, uncarried_wrong(here, own).rows())
        scores.append(s)
        total.add(s)
    return scores, total


def table_name(corpus: Path) -> str:
    """The name of a corpus's table markers in docs/claims.md."""
    if corpus.resolve() == CORPUS:
        return "benchmark table"
    return "held-out table" if corpus.name == "holdout" else f"{corpus.name} table"


def update_docs(markdown_table: str, line: str, name: str = "benchmark table") -> None:
    """Put the table and the overall line between their markers in the docs.

    A held-out set's go to their own markers in docs/claims.md; the development corpus's
    overall line also goes to README.md. Markers that are missing are an error, not a no-op.
    """
    docs = ROOT / "docs" / "claims.md"
    text = docs.read_text(encoding="utf-8")
    text, found = re.subn(
        rf"(<!-- {re.escape(name)}: python benchmarks/claims.py[^>]*-->\n).*?"
        rf"(\n<!-- end of {re.escape(name)} -->)",
        lambda m: m.group(1) + markdown_table + "\n\n" + line + m.group(2),
        text,
        flags=re.S,
    )
    if not found:
        raise SystemExit(f"docs/claims.md has no '<!-- {name}: ... -->' markers to write between")
    docs.write_text(text, encoding="utf-8")
    if name != "benchmark table":
        return
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = re.sub(
        r"(<!-- claims benchmark overall line -->\n> ).*",
        lambda m: m.group(1) + line,
        text,
    )
    readme.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    """Print the table and the overall line; --details lists every disagreement."""
    corpus = Path(next((a for a in argv if not a.startswith("--")), CORPUS))
    scores, total = run(corpus)
    print(table(scores, total))
    print()
    print(overall_line(total))
    if "--update-docs" in argv:
        update_docs(table(scores, total), overall_line(total), table_name(corpus))
    if "--details" in argv:
        for s in scores:
            for m in s.mismatches:
                print(f"{s.name}: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The held-out article sets keep the corpus format, so they can be scored like the dev corpus.

These checks read only the files; they do not run the reader and set no recall floor (a held-out
set measures the reader, it does not constrain it). Each article needs its annotation, each
annotated number must stand on its line in reading order, each entry must carry the fields of its
disposition, and no page may appear in two sets.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"
HELD_OUT = ["holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7"]

QUANTITIES = {
    "n_total",
    "n_group",
    "n_analysed",
    "weeks",
    "sessions_per_week",
    "sessions_total",
    "age",
    "change_pct",
    "change_abs",
    "pre_mean",
    "post_mean",
    "contrast",
    "p_value",
    "statistic",
    "effect_size",
    "other",
}
REASONS = {
    "citation_year",
    "citation_volume_issue_pages",
    "doi_or_id",
    "date",
    "time_of_day",
    "price_or_discount",
    "rating_or_votes",
    "figure_or_table_number",
    "line_number",
    "training_load",
    "programme_week",
    "set_rep_scheme",
    "rest_interval",
    "heading_number",
    "list_number",
    "other_study_general",
    "other",
}
VERDICTS = {"supported", "wrong", "unverifiable"}
SOURCE = re.compile(r"<!-- source: (\S+) -->")


def _articles(name: str) -> list[Path]:
    """The set's articles: every Markdown file but its README (and README parts kept beside it)."""
    return sorted(p for p in (ARTICLES / name).glob("*.md") if not p.name.startswith("README"))


def _source(md: Path) -> str:
    first = md.read_text(encoding="utf-8").splitlines()[0]
    found = SOURCE.fullmatch(first.strip())
    assert found, f"{md.name}: line 1 does not name its source"
    return found.group(1)


def _entry_problems(entry: dict[str, Any], lines: list[str]) -> list[str]:
    problems = []
    line = entry.get("line")
    text = entry.get("text")
    if not isinstance(line, int) or not 2 <= line <= len(lines):
        return [f"line {line!r} is not a paraphrase line"]
    if not isinstance(text, str) or not text or text not in lines[line - 1]:
        problems.append(f"line {line}: {text!r} is not on the line")
    if not entry.get("why"):
        problems.append(f"line {line} {text!r}: no why")
    if entry.get("disposition") == "claim":
        if entry.get("verdict") not in VERDICTS:
            problems.append(f"line {line} {text!r}: verdict {entry.get('verdict')!r}")
        if entry.get("quantity") not in QUANTITIES:
            problems.append(f"line {line} {text!r}: quantity {entry.get('quantity')!r}")
        if not entry.get("study"):
            problems.append(f"line {line} {text!r}: claim without a study")
        missing = {"group", "test", "measure"} - entry.keys()
        if missing:
            problems.append(f"line {line} {text!r}: claim lacks {sorted(missing)}")
    elif entry.get("disposition") == "non_claim":
        if entry.get("reason") not in REASONS:
            problems.append(f"line {line} {text!r}: reason {entry.get('reason')!r}")
    else:
        problems.append(f"line {line} {text!r}: disposition {entry.get('disposition')!r}")
    return problems


def _order_problems(entries: list[dict[str, Any]], lines: list[str]) -> list[str]:
    """Entries follow the page: by line, and along a line by where their text stands.

    Along a line each entry takes the first place of its text at or after the previous entry's,
    so a text that also occurs inside an earlier token (the "1" of "1-RM") does not upset the order.
    """
    problems = []
    last_line, after = 0, 0
    for e in entries:
        line, text = e["line"], e["text"]
        if line < last_line:
            problems.append(f"line {line} {text!r} comes after line {last_line}")
        if line != last_line:
            after = 0
        last_line = line
        start = lines[line - 1].find(text, after)
        if start < 0:
            problems.append(f"line {line} {text!r} is not after the entry listed ahead of it")
            continue
        after = start + 1
    return problems


@pytest.mark.parametrize("name", HELD_OUT)
def test_every_article_has_its_annotation(name: str) -> None:
    """Each article has an expected.json naming the same source, and no annotation is orphaned."""
    mds = _articles(name)
    assert mds, f"{name} holds no articles"
    stems = {p.stem for p in mds}
    annotated = {p.name.removesuffix(".expected.json") for p in (ARTICLES / name).glob("*.json")}
    assert stems == annotated
    for md in mds:
        doc = json.loads(md.with_name(md.stem + ".expected.json").read_text(encoding="utf-8"))
        assert doc["source"] == _source(md), md.name
        assert doc["site"], md.name
        assert doc["studies"], md.name
        assert doc["coverage"], md.name


@pytest.mark.parametrize("name", HELD_OUT)
def test_every_entry_is_well_formed_and_in_reading_order(name: str) -> None:
    """Each annotated number stands on its line, in order, with the fields its disposition needs."""
    problems = []
    for md in _articles(name):
        lines = md.read_text(encoding="utf-8").splitlines()
        doc = json.loads(md.with_name(md.stem + ".expected.json").read_text(encoding="utf-8"))
        entries = doc["numbers"]
        found = [p for e in entries for p in _entry_problems(e, lines)]
        if not found:
            found = _order_problems(entries, lines)
        problems += [f"{md.name}: {p}" for p in found]
    assert problems == []


def test_no_page_is_in_two_sets() -> None:
    """The held-out sets share no source page with each other or with the development corpus."""
    owners: dict[str, list[str]] = {}
    for name in ["real", *HELD_OUT]:
        for source in {_source(md) for md in _articles(name)}:
            owners.setdefault(source, []).append(name)
    shared = {source: sets for source, sets in owners.items() if len(sets) > 1}
    assert shared == {}


def test_a_misplaced_number_is_reported() -> None:
    """The checks catch a number that is not on its line and an entry listed out of order."""
    lines = ["<!-- source: x -->", "It ran for 8 weeks with 12 women."]
    claim = {"disposition": "claim", "verdict": "supported", "study": "s", "quantity": "weeks"}
    claim |= {"group": None, "test": None, "measure": None, "why": "w"}
    assert _entry_problems({**claim, "line": 2, "text": "9"}, lines) != []
    assert _entry_problems({**claim, "line": 2, "text": "8"}, lines) == []
    out_of_order = [{"line": 2, "text": "12"}, {"line": 2, "text": "8"}]
    assert _order_problems(out_of_order, lines) != []
    assert _order_problems(list(reversed(out_of_order)), lines) == []

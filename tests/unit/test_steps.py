"""A table read from many files: `<table>.csv`, a `<table>/` folder of .csv files, or both."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from carryover import steps as pipeline
from carryover.ingest.extract import table_sources
from schemas import SPECS
from tests.support import VALID, valid_texts, write_raw

OUTCOMES = SPECS["outcomes"]


def _split_outcomes(raw: Path, parts: int, keep_single: bool = False) -> list[str]:
    """Move outcomes.csv's rows into `parts` files of an outcomes/ folder; return the data lines."""
    header, *rows = (raw / "outcomes.csv").read_text(encoding="utf-8").splitlines()
    folder = raw / "outcomes"
    folder.mkdir()
    for i in range(parts):
        chunk = rows[i::parts]
        (folder / f"part-{i:02d}.csv").write_text("\n".join([header, *chunk]) + "\n", "utf-8")
    if keep_single:
        (raw / "outcomes.csv").write_text(header + "\n", encoding="utf-8")
    else:
        (raw / "outcomes.csv").unlink()
    return rows


def test_sources_are_the_single_file_then_the_folder_by_name(tmp_path: Path) -> None:
    raw = tmp_path
    assert table_sources(raw, OUTCOMES) == ["outcomes.csv"]  # neither: reported as missing
    (raw / "outcomes").mkdir()
    for name in ("b.csv", "a.CSV", ".hidden.csv", "notes.txt"):
        (raw / "outcomes" / name).write_text("x\n")
    (raw / "outcomes" / "sub.csv").mkdir()
    assert table_sources(raw, OUTCOMES) == ["outcomes/a.CSV", "outcomes/b.csv"]
    (raw / "outcomes.csv").write_text("x\n")
    assert table_sources(raw, OUTCOMES) == ["outcomes.csv", "outcomes/a.CSV", "outcomes/b.csv"]


def test_a_table_split_over_files_loads_what_one_file_loads(tmp_path: Path) -> None:
    """Same clean rows and findings whether outcomes come in one file or in a folder of them."""
    one = pipeline.check(write_raw(tmp_path / "one", valid_texts()))
    raw = write_raw(tmp_path / "many", valid_texts())
    rows = _split_outcomes(raw, 3, keep_single=True)
    many = pipeline.check(raw)
    columns, key = OUTCOMES.column_names, list(OUTCOMES.key)
    split, whole = (c.validation.clean["outcomes"].select(columns).sort(key) for c in (many, one))
    assert split.equals(whole)
    assert many.validation.findings.is_empty()
    assert one.validation.findings.is_empty()
    files = {f.source_file: f for f in many.validation.files if f.table_name == "outcomes"}
    assert sorted(files) == ["outcomes.csv", *(f"outcomes/part-{i:02d}.csv" for i in range(3))]
    assert sum(f.data_rows for f in files.values()) == len(rows)
    assert set(many.validation.clean["outcomes"]["source_file"]) == {
        f"outcomes/part-{i:02d}.csv" for i in range(3)
    }


def test_a_key_repeated_in_a_later_file_is_quarantined_there(tmp_path: Path) -> None:
    """The first row with a key (in reading order) stays; a repeat in a later file is quarantined.

    The error is at the repeat's own file and line and names where the key first appears.
    """
    raw = write_raw(tmp_path / "raw", valid_texts())
    rows = _split_outcomes(raw, 2)
    header = (raw / "outcomes" / "part-00.csv").read_text(encoding="utf-8").splitlines()[0]
    (raw / "outcomes" / "part-02.csv").write_text(f"{header}\n{rows[0]}\n", encoding="utf-8")
    checked = pipeline.check(raw).validation
    dup = checked.findings.filter(pl.col("rule") == "duplicate_key")
    assert dup.select("source_file", "source_line", "severity").rows() == [
        ("outcomes/part-02.csv", 2, "error")
    ]
    assert "repeats outcomes/part-00.csv line 2" in dup["message"][0]
    held = checked.quarantine.filter(pl.col("table_name") == "outcomes")
    assert held.select("source_file", "source_line", "raw").rows() == [
        ("outcomes/part-02.csv", 2, rows[0])
    ]
    files = {f.source_file: f for f in checked.files if f.table_name == "outcomes"}
    assert (
        files["outcomes/part-02.csv"].loaded_rows,
        files["outcomes/part-02.csv"].quarantined_rows,
    ) == (0, 1)
    assert checked.clean["outcomes"].height == len(rows)
    assert sum(f.loaded_rows + f.quarantined_rows for f in files.values()) == len(rows) + 1


def test_a_key_repeated_within_one_file_of_a_folder_names_only_its_line(tmp_path: Path) -> None:
    raw = write_raw(tmp_path / "raw", valid_texts())
    rows = _split_outcomes(raw, 2)
    part = raw / "outcomes" / "part-01.csv"
    part.write_text(part.read_text(encoding="utf-8") + rows[1] + "\n", encoding="utf-8")
    dup = pipeline.check(raw).validation.findings.filter(pl.col("rule") == "duplicate_key")
    assert dup["source_file"].to_list() == ["outcomes/part-01.csv"]
    assert "repeats line 2;" in dup["message"][0]


def test_an_empty_folder_and_no_single_file_is_a_missing_table(tmp_path: Path) -> None:
    raw = write_raw(tmp_path / "raw", valid_texts())
    (raw / "outcomes.csv").unlink()
    (raw / "outcomes").mkdir()
    found = pipeline.check(raw).validation.findings
    assert found.filter(pl.col("rule") == "file_missing")["message"].to_list() == [
        f"outcomes.csv is missing from the raw directory {raw} (nor is there a outcomes/ folder "
        "of .csv files)"
    ]


def test_a_folder_linked_outside_the_raw_directory_is_refused(tmp_path: Path) -> None:
    raw = write_raw(tmp_path / "raw", valid_texts())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.csv").write_text((raw / "outcomes.csv").read_text(encoding="utf-8"))
    (raw / "outcomes").symlink_to(elsewhere, target_is_directory=True)
    checked = pipeline.check(raw).validation
    refused = checked.findings.filter(pl.col("rule") == "file_outside_raw")
    assert refused["source_file"].to_list() == ["outcomes/x.csv"]
    assert "outside the raw directory" in refused["message"][0]
    assert set(checked.clean["outcomes"]["source_file"]) == {"outcomes.csv"}


@given(
    sizes=st.lists(st.integers(min_value=0, max_value=50), max_size=300),
    limit=st.integers(min_value=1, max_value=120),
)
def test_batches_keep_every_item_in_order_within_their_limits(sizes: list[int], limit: int) -> None:
    out = pipeline.batches(sizes, lambda n: n, limit)
    assert [n for batch in out for n in batch] == sizes
    for batch in out:
        assert batch
        assert len(batch) <= pipeline.BATCH_FILES
        assert sum(batch) <= limit or len(batch) == 1


def test_files_validated_together_are_each_judged_on_their_own(tmp_path: Path) -> None:
    """One pandera pass over a batch of files gives what one pass per file gives."""
    from carryover.steps import validate_tables
    from carryover.validate.validation import combine, validate_files

    raw = write_raw(tmp_path / "raw", valid_texts())
    rows = _split_outcomes(raw, 2)
    for name in ("part-00.csv", "part-01.csv"):  # the same key in both, and twice in part-01
        part = raw / "outcomes" / name
        part.write_text(part.read_text(encoding="utf-8") + rows[0] + "\n", encoding="utf-8")
    part.write_text(part.read_text(encoding="utf-8") + rows[0] + "\n", encoding="utf-8")
    extracted = pipeline.extract_all(raw).tables

    def one_by_one(sources, parents, year):  # type: ignore[no-untyped-def]
        return [result for ex in sources for result in validate_files([ex], parents, year)]

    results, typed = validate_tables(extracted, 2026)
    together = combine(results, (), typed)
    apart_results, typed = validate_tables(extracted, 2026, validate_files=one_by_one)
    apart = combine(apart_results, (), typed)
    assert together.findings.equals(apart.findings)
    assert together.quarantine.equals(apart.quarantine)
    assert together.files == apart.files
    dup = together.findings.filter(pl.col("rule") == "duplicate_key")
    assert dup.select("source_file", "source_line").rows() == [
        ("outcomes/part-00.csv", 4),
        ("outcomes/part-01.csv", 4),
        ("outcomes/part-01.csv", 5),
    ]


def test_check_without_analytics_finds_the_same_and_skips_the_effect_tables() -> None:
    """`carryover check` prints findings only: it need not compute the analytics tables."""
    full = pipeline.check(VALID)
    quick = pipeline.check(VALID, analytics=False)
    assert quick.validation.findings.equals(full.validation.findings)
    assert quick.validation.quarantine.equals(full.validation.quarantine)
    assert "carryover" in full.derived
    assert "carryover" not in quick.derived
    assert quick.derived.keys() == {"outcome_changes", "claim_checks", "statistic_checks"}

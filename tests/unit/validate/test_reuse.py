"""Reusing the validated result of unchanged raw files gives exactly what a full run gives."""

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from carryover.steps import validate
from carryover.validate import reuse as incremental
from carryover.validate.validation import PARENTS, Validation, _row_plan
from schemas import TABLES
from tests.support import FAULTY, extract_texts, valid_texts, write_raw

TEXTS = {spec.name: (FAULTY / spec.file_name).read_bytes() for spec in TABLES}


def _same(a: Validation, b: Validation) -> None:
    for name in a.clean:
        assert_frame_equal(a.clean[name], b.clean[name])
    assert_frame_equal(a.quarantine, b.quarantine)
    assert_frame_equal(a.findings, b.findings)
    assert a.files == b.files


def _keys(texts: dict[str, bytes]) -> dict[str, str | None]:
    import hashlib

    return incremental.reuse_keys(
        {n: hashlib.sha256(t).hexdigest() for n, t in texts.items()}, 2026
    )


def test_the_parents_list_covers_every_reference_a_table_checks() -> None:
    """A table's plan can be built from its parents' clean rows alone (so its key covers them)."""
    empty = pl.DataFrame(
        schema={"study_id": pl.String, "group_id": pl.String, "exercise_id": pl.String}
    )
    for spec in TABLES:
        _row_plan(spec.name, {p: empty for p in PARENTS[spec.name]}, 2026)


def test_a_changed_file_changes_its_key_and_every_key_below_it() -> None:
    """Editing groups changes the keys of groups, outcomes, contrasts and claims, not the others."""
    before = _keys(TEXTS)
    after = _keys({**TEXTS, "groups": TEXTS["groups"] + b"s_ok,z,Z,,3\n"})
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"groups", "outcomes", "contrasts", "claims"}


def test_an_unreadable_file_is_never_reused() -> None:
    """A file whose bytes could not be read has no key, nor do the tables that reference it."""
    keys = incremental.reuse_keys({**{n: "x" for n in TEXTS}, "studies": None}, 2026)
    assert keys["studies"] is keys["groups"] is keys["claims"] is None
    assert keys["exercises"] is not None


@pytest.mark.parametrize("changed", [None, "exercises", "groups", "outcomes"])
def test_reusing_unchanged_tables_gives_what_a_full_validation_gives(
    tmp_path: Path, changed: str | None
) -> None:
    """Stored results of unchanged files, plus fresh ones for the rest, equal a full run."""
    warehouse = tmp_path / "w.duckdb"
    first = validate(extract_texts(TEXTS), this_year=2026)
    incremental.store(warehouse, _keys(TEXTS), first.tables)
    texts = dict(TEXTS)
    if changed:
        texts[changed] = texts[changed] + b"\n" + texts[changed].splitlines()[-1] + b"\n"
    keys = _keys(texts)
    reused = incremental.lookup(warehouse, keys)
    full = validate(extract_texts(texts), this_year=2026)
    partial = validate(
        {n: e for n, e in extract_texts(texts).items() if n not in reused},
        this_year=2026,
        reused=reused,
    )
    _same(full, partial)
    expected = {
        None: {s.name for s in TABLES},
        # statistics.csv depends on studies only; contrasts.csv on groups and exercises.
        "exercises": {"studies", "statistics"},
        "groups": {"exercises", "studies", "statistics"},
        # Claims depend on outcomes too: articles are read against what each group tested.
        "outcomes": {"exercises", "studies", "groups", "contrasts", "statistics"},
    }[changed]
    assert set(partial.reused) == expected


def test_the_store_keeps_only_the_last_runs_results(tmp_path: Path) -> None:
    """Storing a run's results drops every older entry, so reuse is from the last run only."""
    warehouse = tmp_path / "w.duckdb"
    valid = {n: t.encode() for n, t in valid_texts().items()}
    incremental.store(warehouse, _keys(TEXTS), validate(extract_texts(TEXTS), 2026).tables)
    incremental.store(warehouse, _keys(valid), validate(extract_texts(valid), 2026).tables)
    assert incremental.lookup(warehouse, _keys(TEXTS)) == {}
    assert set(incremental.lookup(warehouse, _keys(valid))) == {s.name for s in TABLES}


def test_a_damaged_entry_is_validated_again(tmp_path: Path) -> None:
    """A cache entry that cannot be read is not reused (and nothing fails)."""
    warehouse = tmp_path / "w.duckdb"
    keys = _keys(TEXTS)
    incremental.store(warehouse, keys, validate(extract_texts(TEXTS), 2026).tables)
    entry = next(incremental.cache_dir(warehouse).glob("groups-*"))
    (entry / "findings.parquet").write_bytes(b"not parquet")
    assert "groups" not in incremental.lookup(warehouse, keys)


def test_raw_keys_read_the_directory(tmp_path: Path) -> None:
    """Keys come from the files' names and bytes, wherever the directory is.

    An absent optional file has a key too; a file added to a table's folder changes that table's
    key and the keys of the tables below it.
    """
    texts = {n: t for n, t in TEXTS.items() if n != "claims"}
    raw = write_raw(tmp_path / "raw", texts)
    keys = incremental.raw_keys(raw, 2026)
    assert all(keys.values())
    assert keys == incremental.raw_keys(write_raw(tmp_path / "copy", texts), 2026)
    (raw / "outcomes").mkdir()
    (raw / "outcomes" / "more.csv").write_bytes(TEXTS["outcomes"].splitlines()[0] + b"\n")
    after = incremental.raw_keys(raw, 2026)
    assert {n for n in keys if keys[n] != after[n]} == {"outcomes", "claims"}
    (raw / "outcomes" / "more.csv").rename(raw / "outcomes" / "renamed.csv")
    assert incremental.raw_keys(raw, 2026)["outcomes"] != after["outcomes"]

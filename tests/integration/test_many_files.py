"""The flow on a raw directory of many files per table, on the thread pool and on Dask.

Dask runs are real: a local cluster of worker processes started by the run, and an existing
scheduler (started here) reached by its address. Each gives the same warehouse as the threads.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import carryover_pipeline
from tests.support import large_texts, write_raw

pytestmark = pytest.mark.slow

FILES = 40


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 2,000 outcome rows over outcomes.csv and an outcomes/ folder of 40 files.

    Files of the folder hold a key repeated across files, a ragged row and a bad figure.
    """
    raw = write_raw(tmp_path_factory.mktemp("many") / "raw", large_texts(2000))
    header, *rows = (raw / "outcomes.csv").read_text(encoding="utf-8").splitlines()
    (raw / "outcomes.csv").write_text("\n".join([header, *rows[:4]]) + "\n", encoding="utf-8")
    folder = raw / "outcomes"
    folder.mkdir()
    rest = rows[4:]
    for i in range(FILES):
        chunk = rest[i::FILES]
        if i == 7:
            chunk.append(rest[0])  # rest[0] is in file 0: a key repeated across files
        if i == 11:
            chunk.append("big_0,g1,back_squat,1RM,kg,100.0")  # too few fields
        if i == 23:
            chunk[0] = chunk[0].replace(",10.0,Table 2", ",ten,Table 2")
        (folder / f"study-{i:03d}.csv").write_text("\n".join([header, *chunk]) + "\n", "utf-8")
    return raw


def _warehouse(raw: Path, tmp_path: Path, **options: object) -> duckdb.DuckDBPyConnection:
    summary = carryover_pipeline(
        raw_dir=raw,
        warehouse=tmp_path / "w.duckdb",
        report_dir=tmp_path / "reports",
        full=True,
        fail_on="never",  # the summary, not a Failed state: these files have errors
        **options,  # type: ignore[arg-type]
    )
    assert summary.exit_code == 1
    return duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)


def _contents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {
        "outcomes": con.sql("select * from outcomes order by all").fetchall(),
        "quarantine": con.sql(
            "select source_file, source_line, raw from quarantine order by all"
        ).fetchall(),
        "findings": con.sql(
            "select source_file, source_line, rule, message from findings order by all"
        ).fetchall(),
        "run_files": con.sql(
            "select source_file, data_rows, loaded_rows, quarantined_rows from run_files "
            "order by all"
        ).fetchall(),
    }


@pytest.fixture(scope="module")
def threads(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    con = _warehouse(raw, tmp_path_factory.mktemp("threads"), task_runner="thread")
    with con:
        return _contents(con)


def test_every_file_is_read_and_every_row_accounted_for(threads: dict[str, list[tuple]]) -> None:
    files = [row for row in threads["run_files"] if row[0].startswith("outcomes")]
    assert len(files) == FILES + 1
    for _, data_rows, loaded, quarantined in files:
        assert loaded + quarantined == data_rows
    found = {(f, line, rule) for f, line, rule, _ in threads["findings"]}
    assert {
        ("outcomes/study-007.csv", rule) for f, _, rule in found if f == "outcomes/study-007.csv"
    } == {("outcomes/study-007.csv", "duplicate_key")}
    assert any(f == "outcomes/study-011.csv" and r == "row_ragged" for f, _, r in found)
    assert any(f == "outcomes/study-023.csv" and r == "number_type" for f, _, r in found)
    assert {f for f, _, _ in threads["quarantine"]} == {
        "outcomes/study-007.csv",
        "outcomes/study-011.csv",
        "outcomes/study-023.csv",
    }


def test_a_local_dask_cluster_gives_what_the_threads_give(
    raw: Path, tmp_path: Path, threads: dict[str, list[tuple]]
) -> None:
    with _warehouse(raw, tmp_path, task_runner="dask") as con:
        assert _contents(con) == threads


@pytest.fixture
def scheduler() -> Iterator[str]:
    """An existing Dask cluster (scheduler and two worker processes), as a user would run one."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_an_existing_dask_scheduler_by_address_gives_what_the_threads_give(
    raw: Path, tmp_path: Path, threads: dict[str, list[tuple]], scheduler: str
) -> None:
    with _warehouse(raw, tmp_path, task_runner="dask", dask_address=scheduler) as con:
        assert _contents(con) == threads

"""Failures are reported as they are, in one line: disk full, no report directory, a crash."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

import carryover.cli.app as cli
from carryover.core.preflight import ReportDirError, ensure_report_dir
from carryover.steps import transform_all
from carryover.warehouse.build import RunRecord, load
from tests.support import VALID, valid_texts, validate_texts


def _run(run_id: str, **fields: str) -> RunRecord:
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    return RunRecord(run_id, now, now, fields.pop("status", "ok"), "raw", **fields)


def _carryover(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    env |= {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    return subprocess.run(
        [sys.executable, "-c", "from carryover.cli.app import main; main()", *args],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


@pytest.mark.slow
def test_a_write_error_while_building_is_one_line_naming_it(tmp_path: Path) -> None:
    """A file-size limit makes DuckDB's write fail: WarehouseError with the I/O error itself."""
    script = textwrap.dedent(
        f"""
        import resource, signal, datetime as dt
        from pathlib import Path
        from carryover.steps import transform_all
        from carryover.core.errors import WarehouseError
        from carryover.warehouse.build import RunRecord, load
        from tests.support import valid_texts, validate_texts
        v = validate_texts(valid_texts())
        derived = transform_all(v)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))
        now = dt.datetime.now(dt.UTC)
        try:
            load(Path({str(tmp_path / "w.duckdb")!r}), RunRecord("r", now, now, "ok", "raw"),
                 v, derived)
        except WarehouseError as exc:
            print("WAREHOUSE", exc)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        check=False, cwd=Path(__file__).parents[3],
    )  # fmt: skip
    (line,) = done.stdout.strip().splitlines()
    assert line.startswith("WAREHOUSE could not write the warehouse"), done.stdout + done.stderr
    assert "too large" in line.lower()
    assert "Current transaction is aborted" not in line
    assert not (tmp_path / "w.duckdb").exists()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 600 KB tmpfs (needs the right to mount; skipped where there is none)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)],
        capture_output=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root, or no CAP_SYS_ADMIN)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
def test_a_full_disk_is_one_line_with_the_real_error(tmp_path: Path, tiny_disk: Path) -> None:
    """`carryover run` onto a full disk: exit 2, one line naming 'No space left', no leak noise."""
    done = _carryover(
        "run", "--raw", str(VALID), "--warehouse", str(tiny_disk / "w.duckdb"),
        "--report-dir", str(tmp_path / "reports"), home=tmp_path / "prefect",
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "No space left on device" in line
    assert "nanobind" not in done.stderr
    assert not (tiny_disk / "w.duckdb").exists()


@pytest.mark.slow
def test_an_unwritable_report_dir_fails_before_the_swap(tmp_path: Path) -> None:
    """A report directory that cannot be made: exit 2 in one line, the warehouse untouched."""
    warehouse = tmp_path / "w.duckdb"
    validation = validate_texts(valid_texts())
    load(warehouse, _run("r1"), validation, transform_all(validation))
    digest = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file\n", encoding="utf-8")
    done = _carryover(
        "run", "--raw", str(VALID), "--warehouse", str(warehouse),
        "--report-dir", str(blocker / "reports"), home=tmp_path / "prefect",
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"carryover: cannot write reports into {blocker / 'reports'}")
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == digest
    with pytest.raises(ReportDirError):
        ensure_report_dir(blocker / "reports")
    ensure_report_dir(tmp_path / "fine" / "reports")
    assert list((tmp_path / "fine" / "reports").iterdir()) == []


def test_a_run_that_failed_writing_its_report_is_recorded_as_failed(tmp_path: Path) -> None:
    """Its tables landed, then the report failed: the next run turns its 'ok' into 'failed'."""
    warehouse = tmp_path / "w.duckdb"
    validation = validate_texts(valid_texts())
    derived = transform_all(validation)
    load(warehouse, _run("r1"), validation, derived)
    stopped = _run("r1", status="failed", stage="report", message="PermissionError: denied")
    load(warehouse, _run("r2"), validation, derived, stopped=[stopped])
    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.sql("select run_id, status, stage, message from runs order by run_id").fetchall()
    con.close()
    assert rows[0][:3] == ("r1", "failed", "report")
    assert "PermissionError: denied" in rows[0][3]
    assert rows[1][:2] == ("r2", "ok")


def test_an_internal_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected exception with a many-line message prints its first line only."""

    def boom() -> None:
        raise ValueError("first line\nsecond line\nthird line")

    monkeypatch.setattr(cli, "app", boom)
    monkeypatch.setattr(cli, "quiet_teardown", lambda: None)
    monkeypatch.delenv("CARRYOVER_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "carryover: internal error: ValueError: first line (set CARRYOVER_DEBUG=1 to see the "
        "traceback)"
    ]

"""Raw entries that are not plain files, or have names that are not UTF-8, are read or reported."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import polars as pl
import pytest

from carryover.core.config import PROJECT_ROOT
from carryover.core.rawfs import entry_problem, read_regular, shown_name
from carryover.steps import check


def test_a_non_utf8_file_name_in_a_table_folder_loses_no_row(tmp_path: Path) -> None:
    """Its rows load under the name shown with an escape; a warning asks for a rename."""
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    header, *rows = (raw / "groups.csv").read_text(encoding="utf-8").splitlines()
    (raw / "groups.csv").write_text(header + "\n" + rows[0] + "\n", encoding="utf-8")
    (raw / "groups").mkdir()
    name = os.fsdecode(b"groups/rest-\xff.csv")
    (raw / name).write_text("\n".join([header, *rows[1:]]) + "\n", encoding="utf-8")
    validation = check(raw).validation
    for f in validation.files:
        assert f.loaded_rows + f.quarantined_rows == f.data_rows, f
    groups = validation.clean["groups"]
    assert groups.height == len(rows)
    assert groups.filter(pl.col("source_file") == "groups/rest-\\xff.csv").height == len(rows) - 1
    notes = validation.findings.filter(pl.col("rule") == "file_name_encoding")
    assert notes["source_file"].to_list() == ["groups/rest-\\xff.csv"]


def test_reading_a_fifo_never_blocks(tmp_path: Path) -> None:
    """A named pipe with no writer: read_regular refuses it at once, with the reason."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_regular(fifo)
        except OSError as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the stuck open so the thread can end
        with fifo.open("wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert "named pipe" in str(outcome[0])
    assert entry_problem(fifo) == "it is a named pipe (FIFO), not a regular file"


def test_links_that_cannot_end_or_lead_nowhere_are_named(tmp_path: Path) -> None:
    """A loop and a dangling link each get their own plain reason."""
    loop, dangling = tmp_path / "x.csv", tmp_path / "y.csv"
    loop.symlink_to("x.csv")
    dangling.symlink_to("nowhere.csv")
    assert entry_problem(loop) == "it is a symbolic link loop"
    assert entry_problem(dangling) == "it is a symbolic link to nothing"
    with pytest.raises(OSError, match="symbolic link loop"):
        read_regular(loop)


def test_a_name_that_is_not_utf8_is_shown_with_escapes() -> None:
    """Every string column and terminal can hold the shown name."""
    assert shown_name(os.fsdecode(b"a\xffb.csv")) == "a\\xffb.csv"
    assert shown_name("plain.csv") == "plain.csv"

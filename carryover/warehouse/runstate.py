"""Run state kept beside the warehouse: the lock that lets one run write at a time, and the journal.

`<warehouse>.lock` is held with `fcntl.flock` for a whole run; the kernel releases it when the
process ends, however it ends, so a killed run never leaves a stale lock. `<warehouse>.journal`
is written when a run starts and updated at each stage; a completed run removes it. A journal found
by the next run therefore belongs to a run that was killed (its status is still `running`) or
failed (`failed`, with the reason), and the next run records it in `runs`.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from carryover.core.errors import WarehouseBusy
from carryover.core.files import write_atomic
from carryover.core.retry import retry
from carryover.warehouse.build import RunRecord

ENV_STOP_AT = "CARRYOVER_STOP_AT"
"""Fault injection for the crash tests: a run stops itself (SIGSTOP) on reaching this stage."""


def lock_file(warehouse: Path) -> Path:
    """The lock file of a warehouse."""
    return warehouse.with_name(warehouse.name + ".lock")


def journal_file(warehouse: Path) -> Path:
    """The journal of the run in progress on a warehouse."""
    return warehouse.with_name(warehouse.name + ".journal")


@contextmanager
def run_lock(warehouse: Path, wait: float) -> Iterator[None]:
    """Hold the warehouse's run lock, waiting up to `wait` seconds for a run that holds it."""
    path = lock_file(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            retry(
                lambda: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB),
                lambda exc: isinstance(exc, BlockingIOError),
                wait,
                0.1,
            )
        except BlockingIOError:
            holder = path.read_text(encoding="utf-8").strip() or "another process"
            raise WarehouseBusy(
                f"another carryover run ({holder}) is writing {warehouse}; "
                f"waited {wait:g} s, try again when it has finished"
            ) from None
        os.ftruncate(fd, 0)
        since = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.pwrite(fd, f"pid {os.getpid()}, since {since}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def lock_is_held(warehouse: Path) -> bool:
    """Whether a run holds the warehouse's lock right now."""
    path = lock_file(warehouse)
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


@dataclass
class JournalEntry:
    """What the journal says about a run in progress, and earlier stopped runs not yet recorded."""

    run_id: str
    started_at: str
    pid: int
    raw_dir: str
    stage: str = "start"
    status: str = "running"
    failed_at: str | None = None
    message: str | None = None
    pending: list[dict[str, Any]] = field(default_factory=list)

    def as_record(self) -> RunRecord:
        """The run as `runs` records it once it is known to have stopped."""
        killed = self.status == "running"
        return RunRecord(
            run_id=self.run_id,
            started_at=dt.datetime.fromisoformat(self.started_at),
            finished_at=None if killed else _parse_time(self.failed_at),
            status="killed" if killed else "failed",
            raw_dir=self.raw_dir,
            stage=self.stage,
            message=(
                f"the process (pid {self.pid}) ended during {self.stage}"
                if killed
                else self.message
            ),
        )


def _parse_time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _record_to_json(record: RunRecord) -> dict[str, Any]:
    out = asdict(record)
    out["started_at"] = record.started_at.isoformat()
    out["finished_at"] = record.finished_at.isoformat() if record.finished_at else None
    return out


def _record_from_json(data: dict[str, Any]) -> RunRecord:
    return RunRecord(
        **{
            **data,
            "started_at": dt.datetime.fromisoformat(data["started_at"]),
            "finished_at": _parse_time(data["finished_at"]),
        }
    )


def read_journal(warehouse: Path) -> JournalEntry | None:
    """The journal left on a warehouse, if any (an unreadable one counts as none)."""
    path = journal_file(warehouse)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return JournalEntry(**data)
    except (OSError, ValueError, TypeError):
        return None


class Journal:
    """The journal of this run. Use only while holding the run lock."""

    def __init__(self, warehouse: Path, entry: JournalEntry) -> None:
        self.path = journal_file(warehouse)
        self.entry = entry

    @classmethod
    def begin(
        cls, warehouse: Path, run_id: str, started_at: dt.datetime, raw_dir: Path
    ) -> tuple[Journal, list[RunRecord]]:
        """Start this run's journal; return the earlier stopped runs it found, to be recorded."""
        stopped: list[RunRecord] = []
        left = read_journal(warehouse)
        if left is not None:
            stopped = [_record_from_json(p) for p in left.pending] + [left.as_record()]
        entry = JournalEntry(
            run_id=run_id,
            started_at=started_at.isoformat(),
            pid=os.getpid(),
            raw_dir=str(raw_dir),
            pending=[_record_to_json(r) for r in stopped],
        )
        journal = cls(warehouse, entry)
        journal._write()
        return journal, stopped

    def stage(self, name: str) -> None:
        """Record that the run has reached a stage."""
        self.entry.stage = name
        self._write()
        if os.environ.get(ENV_STOP_AT) == name:
            os.kill(os.getpid(), signal.SIGSTOP)

    def fail(self, message: str) -> None:
        """Record that the run failed; the next run records it in `runs`."""
        self.entry.status = "failed"
        self.entry.failed_at = dt.datetime.now(dt.UTC).isoformat()
        self.entry.message = message
        self._write()

    def finish(self) -> None:
        """The run is in the warehouse: nothing is left to record."""
        self.path.unlink(missing_ok=True)

    def _write(self) -> None:
        write_atomic(self.path, json.dumps(asdict(self.entry)))

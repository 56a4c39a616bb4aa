"""`carryover check` reads many articles in worker processes, on every core, as it reads them alone.

The same corpus read by `check` in worker processes and read in turn in this process must give
the same claims, findings and numbers; the workers stop when `check` returns or is interrupted,
and a worker that dies is one line for the user, not a traceback.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from carryover import steps
from carryover.cli import app as cli
from carryover.validate import article_processes
from carryover.validate.article_processes import ArticleProcesses, WorkerStopped
from tests.support import raw_with_articles

pytestmark = pytest.mark.slow  # starts worker processes

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "articles" / "real"


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled tables with the real-article corpus as the articles."""
    return raw_with_articles(tmp_path_factory.mktemp("check") / "raw", CORPUS)


@pytest.fixture
def in_processes(monkeypatch: pytest.MonkeyPatch) -> list[ArticleProcesses]:
    """Every article set pays off, batches are small; the processes started are listed."""
    started: list[ArticleProcesses] = []
    start = ArticleProcesses.start

    def listed(self: ArticleProcesses) -> None:
        started.append(self)
        start(self)

    monkeypatch.setattr(ArticleProcesses, "start", listed)
    monkeypatch.setattr(article_processes, "MIN_BYTES", 0)
    monkeypatch.setattr(steps, "ARTICLE_BATCH_BYTES", 8 * 1024)
    return started


def _pids(processes: ArticleProcesses) -> list[int]:
    executor = processes._executor
    assert executor is not None
    deadline = time.monotonic() + 60
    while len(executor._processes) < processes.workers and time.monotonic() < deadline:
        time.sleep(0.05)
    return list(executor._processes)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_rule_of_when_processes_pay_off() -> None:
    """Enough text and more than one core: both are needed."""
    limit = article_processes.MIN_BYTES
    assert article_processes.pay_off(limit, cores=2)
    assert not article_processes.pay_off(limit - 1, cores=2)
    assert not article_processes.pay_off(limit * 100, cores=1)


def test_check_reads_in_processes_what_it_reads_in_turn(
    raw: Path, in_processes: list[ArticleProcesses], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims, findings, numbers and summaries: frame for frame, in the same order."""
    sent: list[int] = []
    submit = ArticleProcesses.submit

    def counted(self: ArticleProcesses, articles: Any, context: Any) -> Any:
        sent.append(len(articles))
        return submit(self, articles, context)

    monkeypatch.setattr(ArticleProcesses, "submit", counted)
    there = steps.check(raw, analytics=False).validation
    assert len(in_processes) == 1
    assert len(sent) > 2
    assert sum(sent) == len(list((raw / "articles").iterdir()))
    here = steps.run_steps(raw, steps.IN_TURN, analytics=False).validation
    assert there.clean["claims"].height > 50
    assert there.clean["claims"].equals(here.clean["claims"])
    assert there.quarantine.equals(here.quarantine)
    assert there.findings.height > 0
    assert there.findings.equals(here.findings)
    assert there.derived["article_numbers"].height > 300
    assert there.derived["article_numbers"].equals(here.derived["article_numbers"])
    assert steps.article_summaries(there) == steps.article_summaries(here)
    assert (there.errors, there.warnings) == (here.errors, here.warnings)


def test_check_reads_few_articles_in_its_own_process(
    raw: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below the threshold no worker starts."""
    monkeypatch.setattr(article_processes, "MIN_BYTES", 10**9)

    def refuse(self: ArticleProcesses) -> None:
        raise AssertionError("no worker should start")

    monkeypatch.setattr(ArticleProcesses, "start", refuse)
    monkeypatch.setattr(ArticleProcesses, "submit", refuse)
    assert steps.check(raw, analytics=False).validation.clean["claims"].height > 50


def test_the_workers_stop_when_check_returns_or_is_interrupted(
    raw: Path, in_processes: list[ArticleProcesses], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `check`, and after Ctrl-C while it waits on them, no worker is left."""
    pids: list[int] = []
    submit = ArticleProcesses.submit

    def noted(self: ArticleProcesses, articles: Any, context: Any) -> Any:
        pids.extend(_pids(self))
        return submit(self, articles, context)

    monkeypatch.setattr(ArticleProcesses, "submit", noted)
    steps.check(raw, analytics=False)
    assert len(set(pids)) == in_processes[0].workers
    assert all(_gone(pid) for pid in set(pids))

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    pids.clear()
    monkeypatch.setattr(article_processes.Reading, "result", interrupted)
    with pytest.raises(KeyboardInterrupt):
        steps.check(raw, analytics=False)
    assert pids
    assert all(_gone(pid) for pid in set(pids))


def test_a_worker_that_dies_is_one_line_not_a_traceback(
    raw: Path,
    in_processes: list[ArticleProcesses],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A worker killed while `check` reads: WorkerStopped, and the command says so in one line."""
    submit = ArticleProcesses.submit

    def killing(self: ArticleProcesses, articles: Any, context: Any) -> Any:
        for pid in _pids(self)[:1]:
            os.kill(pid, signal.SIGKILL)
        return submit(self, articles, context)

    monkeypatch.setattr(ArticleProcesses, "submit", killing)
    with pytest.raises(WorkerStopped):
        steps.check(raw, analytics=False)
    monkeypatch.setattr(sys, "argv", ["carryover", "check", "--raw", str(raw)])
    monkeypatch.delenv("CARRYOVER_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "a process reading articles stopped unexpectedly" in err
    assert len(err.strip().splitlines()) == 1

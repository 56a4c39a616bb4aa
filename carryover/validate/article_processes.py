"""Articles read in worker processes, so that reading (pure Python) uses every core.

Threads gain nothing for reading text: the interpreter runs one thread's Python at a time. An
`ArticleProcesses` keeps a few worker processes for a run; each batch of articles is read in one
of them and comes back as the same claims rows, findings and numbers, in the batch's order.

The context the articles are read against (the clean tables, arranged for reading) is sent once:
pickled once in the run, unpickled once per worker (the first batch it reads), then kept there.
Workers ignore Ctrl-C: the run that owns them stops them, so an interrupt prints nothing from them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import cloudpickle

from carryover.claims.articles import Article, Context
from carryover.core.errors import CarryoverError
from carryover.ingest.extract import Extracted
from carryover.validate.validation import read_article_batch

MIN_BYTES = 2 * 1024 * 1024
"""Below this much article text, articles are read in the run's own process: starting workers
(each imports the reader, about 2 s of CPU) would cost more than it saves."""


def pay_off(size: int, cores: int | None = None) -> bool:
    """Whether `size` characters of articles are worth reading in worker processes.

    The one rule, for `carryover run` on the thread pool and for `carryover check`: at least
    MIN_BYTES of text, and more than one core (`cores`, default the machine's) to spread it on.
    """
    return size >= MIN_BYTES and (cores if cores is not None else os.cpu_count() or 1) >= 2


_contexts: dict[str, Context] = {}
"""In a worker: the contexts it was sent, by their key (a run sends one)."""


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ready() -> int:
    return os.getpid()


def _read(key: str, context: bytes, batch: bytes) -> bytes:
    """In a worker: read a pickled batch of articles against the context sent under `key`."""
    if key not in _contexts:
        _contexts.clear()
        _contexts[key] = pickle.loads(context)
    articles: list[Article] = pickle.loads(batch)
    read: bytes = cloudpickle.dumps(read_article_batch(articles, _contexts[key]))
    return read


STOPPED = "a process reading articles stopped unexpectedly (killed, or out of memory?)"


class WorkerStopped(CarryoverError):
    """A worker process reading articles ended before it gave its batch back."""


class Reading:
    """A batch of articles being read in a worker."""

    def __init__(self, future: Future[bytes]) -> None:
        self._future: Future[bytes] | None = future
        self._read: list[Extracted] = []

    def result(self) -> list[Extracted]:
        """The batch's claims rows, findings and numbers, in its order (waits for them).

        Once read, the pickled batch is let go: only the frames it held are kept.
        """
        if self._future is not None:
            try:
                sent = self._future.result()
            except BrokenProcessPool:
                raise WorkerStopped(STOPPED) from None
            self._read = pickle.loads(sent)
            self._future = None
        return self._read


class ArticleProcesses:
    """Worker processes that read batches of articles (see the module docstring)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._sent: tuple[int, str, bytes] | None = None

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                )
            return self._executor

    def start(self) -> None:
        """Start the workers now (they import the reader while the tables are validated)."""
        pool = self._pool()
        for _ in range(self.workers):
            pool.submit(_ready)

    def _context(self, context: Context) -> tuple[str, bytes]:
        with self._lock:
            if self._sent is None or self._sent[0] != id(context):
                self._sent = (id(context), uuid.uuid4().hex, cloudpickle.dumps(context))
            return self._sent[1], self._sent[2]

    def read(self, articles: Sequence[Article], context: Context) -> list[Extracted]:
        """Read a batch of articles in a worker: the same result as `read_article_batch`."""
        return self.submit(articles, context).result()

    def submit(self, articles: Sequence[Article], context: Context) -> Reading:
        """Send a batch of articles to a worker; its `result()` waits for what `read` gives."""
        key, sent = self._context(context)
        try:
            future = self._pool().submit(_read, key, sent, pickle.dumps(list(articles)))
        except BrokenProcessPool:
            raise WorkerStopped(STOPPED) from None
        return Reading(future)

    def close(self, cancel: bool = False) -> None:
        """Stop the workers (dropping batches not yet started when `cancel`)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=cancel)


@contextlib.contextmanager
def article_processes(workers: int | None = None) -> Iterator[ArticleProcesses]:
    """Worker processes for one run (as many as cores by default), stopped when it ends."""
    processes = ArticleProcesses(workers or os.cpu_count() or 1)
    try:
        yield processes
    except BaseException:
        processes.close(cancel=True)
        raise
    processes.close()

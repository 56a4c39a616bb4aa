"""The one wait-and-retry loop, for locks another process holds for a while."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def retry(
    attempt: Callable[[], T], again: Callable[[Exception], bool], wait: float, pause: float
) -> T:
    """Call `attempt` until it returns, for up to `wait` seconds, pausing between tries.

    Only an exception for which `again` is true is retried; the last one is raised as it is.
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            return attempt()
        except Exception as exc:
            if not again(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(pause)

"""carryover/core/retry.py: the wait-and-retry loop."""

import pytest

from carryover.core.retry import retry


def test_a_lock_released_within_the_wait_is_taken() -> None:
    """Two refusals, then success: the third try's result comes back."""
    tries: list[int] = []

    def attempt() -> str:
        tries.append(1)
        if len(tries) < 3:
            raise BlockingIOError
        return "locked"

    assert retry(attempt, lambda e: isinstance(e, BlockingIOError), wait=5, pause=0.01) == "locked"
    assert len(tries) == 3


def test_other_errors_and_the_end_of_the_wait_are_raised() -> None:
    """An error not retried is raised at once; a refusal past the wait is raised as it is."""
    calls: list[int] = []

    def broken() -> None:
        calls.append(1)
        raise ValueError("not a lock")

    with pytest.raises(ValueError, match="not a lock"):
        retry(broken, lambda e: isinstance(e, BlockingIOError), wait=5, pause=0.01)
    assert len(calls) == 1

    def held() -> None:
        raise BlockingIOError("held")

    with pytest.raises(BlockingIOError, match="held"):
        retry(held, lambda e: isinstance(e, BlockingIOError), wait=0.05, pause=0.01)
